// SPDX-License-Identifier: MIT
#include "servertotals.h"

#include "historystore.h"
#include "notificationmodel.h"
#include "restactions.h"

#include <QTimer>

namespace Notify::Tray {

ServerTotals::ServerTotals(NotificationModel *notifications, RestActions *actions, HistoryStore *history,
                           NotificationLoader *loader, QObject *parent)
    : QObject(parent)
    , m_notifications(notifications)
    , m_actions(actions)
    , m_history(history)
    , m_loader(loader)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(RecountQuietMs);
    connect(m_timer, &QTimer::timeout, this, &ServerTotals::recount);
    connect(loader, &NotificationLoader::counted, this, [this](const NotificationLoader::Totals &totals) {
        // The list changed while the count was on its way: it may or may not count that; again.
        if (m_listChanges != m_listChangesAtRecount && m_wanted.isValid()
            && m_wanted.elapsed() < RecountLongestWaitMs) {
            scheduleRecount();
            return;
        }
        m_wanted.invalidate();
        take(totals);
    });
    connect(loader, &NotificationLoader::countFailed, this, [this](int status, const QString &message) {
        m_wanted.invalidate(); // the next event that needs one asks again
        emit logged(tr("could not count the notifications (HTTP %1): %2").arg(status).arg(message));
    });
    connect(actions, &RestActions::countsChanged, this, &ServerTotals::scheduleRecount);
}

void ServerTotals::restore()
{
    if (!m_history)
        return;
    if (const auto server = m_history->serverCounts()) {
        std::optional<qint64> unread;
        if (server->unread)
            unread = *server->unread - m_notifications->loadedUnreadCount();
        m_notifications->setBeyond(server->notifications - m_notifications->notificationCount(), unread);
    }
}

void ServerTotals::save()
{
    if (!m_history)
        return;
    HistoryStore::ServerCounts counts;
    counts.notifications = m_notifications->notificationCount() + m_notifications->notificationsBeyond();
    if (m_notifications->unreadCountExact())
        counts.unread = m_notifications->unreadCount();
    m_history->saveServerCounts(counts);
}

void ServerTotals::take(const NotificationLoader::Totals &totals)
{
    // Beyond the list: what the server counts that the list does not hold.
    // A server that counts only its items (Django's `count`) leaves the
    // unread ones among them unknown. Reads and unreads of listed ones that
    // the server has not taken yet are in its count the other way round.
    if (!totals.count)
        return;
    std::optional<qint64> unread;
    if (totals.unread) {
        qint64 waiting = 0;
        for (const QString &id : m_actions->waitingIds(Outbox::Kind::Read))
            waiting += m_notifications->rowOf(id) ? 1 : 0;
        for (const QString &id : m_actions->waitingIds(Outbox::Kind::Unread))
            waiting -= m_notifications->rowOf(id) ? 1 : 0;
        unread = *totals.unread - waiting - m_notifications->loadedUnreadCount();
    }
    m_notifications->setBeyond(*totals.count - m_notifications->notificationCount(), unread);
    save();
}

void ServerTotals::scheduleRecount()
{
    if (!m_timer->isActive())
        m_timer->start();
    if (!m_wanted.isValid())
        m_wanted.start();
}

void ServerTotals::recount()
{
    // Counted when the stream is quiet, so that what the server counts is
    // what the list has applied; on a stream that is never quiet, after a while anyway.
    const qint64 waited = m_wanted.isValid() ? m_wanted.elapsed() : RecountLongestWaitMs;
    if (busy && busy() && waited < RecountLongestWaitMs) {
        m_timer->start();
        return;
    }
    m_listChangesAtRecount = m_listChanges;
    m_loader->fetchCounts();
}

} // namespace Notify::Tray
