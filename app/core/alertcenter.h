// SPDX-License-Identifier: MIT
#pragma once

#include "alertthrottle.h"
#include "notifier.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

/// Which alerts reach the desktop, and when.
///
/// A few alerts pass one by one (AlertThrottle); the rest of a burst waits
/// for the end of the window and then comes as one summary that says what
/// it holds ("3 notifications, 2 order updates") and the real unread count,
/// or, when only one waited, as that alert itself. An alert is taken back
/// when its item is read in the app. Do not disturb keeps every alert off
/// the screen until its end (the items are in the window, unread).
class AlertCenter final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Notification, OrderUpdate, Message, Presence };
    Q_ENUM(Kind)

    explicit AlertCenter(Notifier *notifier, QObject *parent = nullptr);

    void setLimits(int perWindow, qint64 windowMs);
    /// How many notifications are unread now, for the summary.
    void setUnreadCounter(std::function<int()> counter) { m_unread = std::move(counter); }
    /// The wall clock (ms since the epoch); tests replace it.
    std::function<qint64()> clock;

    void offer(Kind kind, const Notifier::Alert &alert);
    /// Items were read: their alerts leave the screen.
    void withdraw(const QStringList &keys);

    /// Do not disturb until @p until (invalid: off).
    void pause(const QDateTime &until);
    [[nodiscard]] QDateTime pausedUntil() const { return m_pausedUntil; }
    [[nodiscard]] bool isPaused() const;

    /// "3 notifications, 2 order updates", for the summary of @p counts.
    [[nodiscard]] static QString summaryTitle(const QList<QPair<Kind, int>> &counts);

signals:
    void pausedChanged(const QDateTime &until);

private:
    void flush();
    [[nodiscard]] qint64 nowMs() const;

    Notifier *m_notifier;
    AlertThrottle m_throttle;
    QList<QPair<Kind, Notifier::Alert>> m_deferred;
    QTimer *m_timer;
    QTimer *m_pauseEnd;
    QDateTime m_pausedUntil;
    std::function<int()> m_unread;
};
