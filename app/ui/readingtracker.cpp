// SPDX-License-Identifier: MIT
#include "readingtracker.h"

#include "core/desktopsession.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "notificationdetails.h"

#include <QItemSelectionModel>
#include <QTableView>
#include <QTimer>

namespace Notify::Tray {

ReadingTracker::ReadingTracker(DesktopSession *session, NotificationFilterModel *filter, NotificationDetails *details,
                               QWidget *page)
    : QObject(page)
    , m_session(session)
    , m_filter(filter)
    , m_details(details)
    , m_page(page)
    , m_timer(new QTimer(this))
{
    // Before the view's selection model connects to the list: while the
    // list's rows change, a selection that moves is the list's doing.
    for (const auto signal : { &QAbstractItemModel::rowsAboutToBeRemoved, &QAbstractItemModel::rowsAboutToBeInserted })
        connect(m_filter, signal, this, [this] { ++m_listChanging; });
    connect(m_filter, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { ++m_listChanging; });
    connect(m_filter, &QAbstractItemModel::modelAboutToBeReset, this, [this] { ++m_listChanging; });
    m_timer->setSingleShot(true);
    m_timer->setInterval(ReadDelayMs);
    connect(m_timer, &QTimer::timeout, this, &ReadingTracker::markShownRead);
}

void ReadingTracker::watch(QTableView *view)
{
    // After the view's: the selection model has done its part when these run.
    for (const auto signal : { &QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted })
        connect(m_filter, signal, this, [this] { --m_listChanging; });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] { --m_listChanging; });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { --m_listChanging; });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReadingTracker::onCurrentChanged);
    // Read elsewhere (another device, the tray's menu): the moment has nothing left to do.
    connect(m_session->notifications(), &QAbstractItemModel::dataChanged, this, &ReadingTracker::update);
}

void ReadingTracker::onCurrentChanged(const QModelIndex &current)
{
    // The list moved the selection (its row went away): the pane keeps what
    // the user chose, and nothing new is shown, so nothing new is read.
    if (m_listChanging == 0) {
        m_details->show(current);
        m_filter->setKept(current.isValid() ? current.data(NotificationModel::MemberIdsRole).toStringList()
                                            : QStringList());
        m_timer->stop(); // a new moment for a new row
        m_paneSettled = false;
    }
    update();
}

void ReadingTracker::settle(const QStringList &ids)
{
    const QStringList shown = m_details->shownIds();
    if (std::any_of(ids.cbegin(), ids.cend(), [&shown](const QString &id) { return shown.contains(id); })) {
        m_paneSettled = true;
        m_timer->stop();
    }
}

bool ReadingTracker::pending() const
{
    return m_timer->isActive();
}

void ReadingTracker::update()
{
    // Read only what the user is looking at: the pane shows it, the page is
    // in front, and the window is the active one.
    const QPersistentModelIndex shown = m_details->current();
    const bool reading = !m_paneSettled && shown.isValid() && !shown.data(NotificationModel::ReadRole).toBool()
        && m_page->isVisible() && m_details->isVisible() && m_page->window()->isActiveWindow();
    if (!reading)
        m_timer->stop();
    else if (!m_timer->isActive())
        m_timer->start();
}

void ReadingTracker::markShownRead()
{
    update(); // everything still holds?
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    m_paneSettled = true; // once per choice: should it come back unread, it stays so
    m_session->markRead(m_details->current().data(NotificationModel::MemberIdsRole).toStringList());
}

} // namespace Notify::Tray
