// SPDX-License-Identifier: MIT
#pragma once

#include "alertthrottle.h"
#include "common/protocol.h"
#include "notificationitem.h"
#include "notifier.h"
#include "trayconfig.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

namespace Notify::Tray {

/// Which alerts reach the desktop, and when.
///
/// A few alerts pass one by one (AlertThrottle); the rest of a burst waits
/// for the end of the window and then comes as one summary that says what
/// it holds ("3 notifications, 2 order updates"), names the direct messages
/// and errors among them first, and gives the real unread count; when only
/// one waited, it comes as itself. An alert is taken back when its item is
/// read in the app. Do not disturb keeps every alert off the screen until
/// its end (the items are in the window, unread); then one alert sums up
/// what arrived meanwhile, as KDE's "missed while in Do not disturb" does.
/// Quiet hours work the same way on a weekly schedule, except for the
/// levels that break through, and end with one alert per source ("Shop: 12
/// notifications while quiet"); Do not disturb holds everything on top.
class AlertCenter final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Notification, OrderUpdate, Message, Presence };
    Q_ENUM(Kind)
    /// A summary names this many of what it holds, the rest it counts.
    static constexpr int MaxNamedInSummary = 3;
    /// What Do not disturb holds back for its summary, at most (the rest is counted).
    static constexpr int MaxMissed = 10'000;

    explicit AlertCenter(Notifier *notifier, QObject *parent = nullptr);

    void setLimits(int perWindow, qint64 windowMs);
    /// How many notifications are unread now, for the summary.
    void setUnreadCounter(std::function<int()> counter) { m_unread = std::move(counter); }
    /// The wall clock (ms since the epoch); tests replace it.
    std::function<qint64()> clock;

    /// The key of the alert that says the token was refused.
    static constexpr QLatin1StringView TokenRefusedKey{ "token-refused" };

    void offer(Kind kind, const Notifier::Alert &alert);
    /// What one batch of events brought: a read in the same batch takes
    /// its alert with it, and when more came than can be shown one by one
    /// (a backlog after a closed lid), the messages and errors take the
    /// places, the rest go to the summary.
    void offerBatch(QList<QPair<Kind, Notifier::Alert>> alerts, const QStringList &reads);
    /// The server refused the token (true): said once per refusal, past Do
    /// not disturb, since without a token nothing else arrives; false takes it back.
    void setTokenRefused(bool refused);

    // The words of each alert, as staff see them.
    [[nodiscard]] static Notifier::Alert notificationAlert(const Notify::Protocol::Notification &n);
    [[nodiscard]] static Notifier::Alert orderAlert(const Notify::Protocol::OrderStatus &o);
    [[nodiscard]] static Notifier::Alert messageAlert(const Notify::Protocol::Message &m, const QString &fromName);
    [[nodiscard]] static Notifier::Alert presenceAlert(const Notify::Protocol::Presence &p);
    /// An error nobody claimed in time, once more, marked as such.
    [[nodiscard]] static Notifier::Alert escalationAlert(const NotificationItem &item);
    /// Adds *Claim* to a notification's alert (where the server takes claims).
    static void addClaimAction(Notifier::Alert &alert);
    /// Items were read: their alerts leave the screen.
    void withdraw(const QStringList &keys);

    /// Quiet hours (none: off). A spell going on now starts holding alerts at once.
    void setQuietHours(const std::optional<QuietHours> &quiet);
    [[nodiscard]] const std::optional<QuietHours> &quietHours() const { return m_quiet; }
    /// Whether a quiet spell holds alerts now.
    [[nodiscard]] bool isQuiet() const;
    /// What the quiet spell held back so far (for the summary at its end).
    [[nodiscard]] int heldWhileQuiet() const { return int(m_heldQuiet.size()) + m_heldQuietBeyond; }
    /// Looks at the schedule again (a timer does at each spell's end; after a
    /// wake-up the clock may have jumped): a spell that is over gives its
    /// summary (or, under Do not disturb, hands what it held to Do not disturb's).
    void checkQuietHours();
    /// Leads every alert's title ("Shop: "), where alerts of several sources meet.
    void setTitlePrefix(const QString &prefix) { m_prefix = prefix; }
    /// The source signs in with a password: a refused token asks to sign in again.
    void setPasswordSignIn(bool password) { m_passwordSignIn = password; }

    /// Do not disturb until @p until (invalid: off).
    void pause(const QDateTime &until);
    [[nodiscard]] QDateTime pausedUntil() const { return m_pausedUntil; }
    [[nodiscard]] bool isPaused() const;

    /// "3 notifications, 2 order updates", for the summary of @p counts.
    [[nodiscard]] static QString summaryTitle(const QList<QPair<Kind, int>> &counts);
    /// Which of @p alerts go first when not all can be shown: direct
    /// messages, then errors (critical), then the rest, each in its order.
    [[nodiscard]] static int rank(Kind kind, const Notifier::Alert &alert);
    /// What Do not disturb held back so far (for the summary at its end).
    [[nodiscard]] int missedCount() const { return int(m_missed.size()) + m_missedBeyond; }

signals:
    void pausedChanged(const QDateTime &until);

private:
    void flush();
    /// One alert for @p held: counted by kind, the important ones named.
    void showSummary(const QString &key, const QString &titleFormat, QList<QPair<Kind, Notifier::Alert>> held,
                     int heldBeyond = 0);
    void keepMissed(const QList<QPair<Kind, Notifier::Alert>> &alerts);
    /// Keeps what quiet hours hold back (bounded as Do not disturb's), and wakes at the spell's end.
    void keepQuiet(const QList<QPair<Kind, Notifier::Alert>> &alerts);
    void show(const Notifier::Alert &alert);
    [[nodiscard]] qint64 nowMs() const;

    Notifier *m_notifier;
    AlertThrottle m_throttle;
    int m_perWindow = 3;
    bool m_tokenRefused = false; ///< the refused token was alerted, and is still refused
    QList<QPair<Kind, Notifier::Alert>> m_deferred;
    QList<QPair<Kind, Notifier::Alert>> m_missed; ///< offered during Do not disturb
    int m_missedBeyond = 0; ///< notifications past MaxMissed: counted, not kept
    QTimer *m_timer;
    QTimer *m_pauseEnd;
    QDateTime m_pausedUntil;
    std::optional<QuietHours> m_quiet;
    QList<QPair<Kind, Notifier::Alert>> m_heldQuiet;
    int m_heldQuietBeyond = 0;
    QTimer *m_quietEnd;
    QString m_prefix;
    bool m_passwordSignIn = false;
    std::function<int()> m_unread;
};

} // namespace Notify::Tray
