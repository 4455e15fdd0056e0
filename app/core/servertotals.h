// SPDX-License-Identifier: MIT
#pragma once

#include "notificationloader.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

namespace Notify::Tray {

class HistoryStore;
class NotificationModel;
class RestActions;

/// What the server has beyond the notifications list the window holds
/// (NotificationModel::setBeyond): taken from each list's totals, asked
/// again (a list of one) when something made it uncertain, and kept in the
/// history for the next start.
class ServerTotals final : public QObject
{
    Q_OBJECT

public:
    /// The counts are asked again once the stream was quiet this long after
    /// something made them uncertain (a read of a notification the list
    /// does not hold), or after the longest wait on a stream never quiet.
    static constexpr int RecountQuietMs = 1000;
    static constexpr qint64 RecountLongestWaitMs = 10'000;

    /// @p history may be null (nothing kept).
    ServerTotals(NotificationModel *notifications, RestActions *actions, HistoryStore *history,
                 NotificationLoader *loader, QObject *parent = nullptr);

    /// Whether events are waiting or were applied less than RecountQuietMs ago.
    std::function<bool()> busy;

    /// What the history kept: the counts hold until the server is asked again.
    void restore();
    /// A batch changed the notifications: a count on its way may predate it.
    void listChanged() { ++m_listChanges; }
    /// Asks the server's counts again once the stream is quiet.
    void scheduleRecount();
    /// What the server counts, against everything the list holds now.
    void take(const NotificationLoader::Totals &totals);
    /// Keeps what the server has beyond the list for the next start.
    void save();

signals:
    void logged(const QString &line);

private:
    void recount();

    NotificationModel *m_notifications;
    RestActions *m_actions;
    HistoryStore *m_history;
    NotificationLoader *m_loader;
    QTimer *m_timer;
    QElapsedTimer m_wanted; ///< since when a recount waits (for a quiet stream, or a steady list)
    quint64 m_listChanges = 0; ///< batches that changed the notifications
    quint64 m_listChangesAtRecount = 0;
};

} // namespace Notify::Tray
