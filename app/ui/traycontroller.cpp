// SPDX-License-Identifier: MIT
#include "traycontroller.h"

#include "core/alertcenter.h"
#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/notificationmodel.h"
#include "mainwindow.h"
#include "throttle.h"
#include "trayicon.h"
#include "trayiconrenderer.h"

#include <QDateTime>
#include <QMenu>

namespace Notify::Tray {

TrayController::TrayController(DesktopSession *session, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_menu(new QMenu)
    , m_icon(TrayIcon::create(m_menu, this))
    , m_latest(new QMenu(tr("Latest notifications")))
{
    m_menu->addAction(tr("Open Notify"), m_window, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addMenu(m_latest);
    m_markAll = m_menu->addAction(tr("Mark all read"), m_session, &DesktopSession::markAllRead);
    m_menu->addMenu(m_window->doNotDisturbMenu()); // the window's, with its check marks
    m_menu->addAction(tr("Reconnect now"), m_session, &DesktopSession::reconnectNow);
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    connect(m_icon, &TrayIcon::activated, this, &TrayController::toggleWindow);
    // The icon and its tooltip follow a stream at most once a second
    // (a new icon is a round trip to the desktop's tray); the connection's
    // state at once.
    auto *throttle = new Throttle(
        1000, [this] { refresh(); }, this);
    connect(m_session, &DesktopSession::connectionStateChanged, this, &TrayController::refresh);
    connect(m_session, &DesktopSession::silenceChanged, this, &TrayController::refresh);
    connect(m_session->notifications(), &NotificationModel::unreadCountChanged, throttle, &Throttle::request);
    connect(m_session->notifications(), &NotificationModel::claimsChanged, throttle, &Throttle::request);
    connect(m_session, &DesktopSession::eventsApplied, throttle, &Throttle::request);
    connect(m_session->alerts(), &AlertCenter::pausedChanged, this, &TrayController::refresh);
    connect(m_latest, &QMenu::aboutToShow, this, &TrayController::rebuildLatest);
    refresh();
    rebuildLatest(); // so that the menu is never empty
}

void TrayController::toggleWindow()
{
    if (m_window->isVisible() && m_window->isActiveWindow()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

void TrayController::show()
{
    m_icon->show();
}

bool TrayController::isAvailable() const
{
    return m_icon->isAvailable();
}

void TrayController::refresh()
{
    const auto state = m_session->connectionState();
    const int unread = m_session->notifications()->unreadCount();
    const bool paused = m_session->alertsPausedUntil().isValid();
    const auto look = std::make_tuple(state, unread, paused);
    if (look != m_look) { // a new picture only when it would look different
        m_look = look;
        const QIcon icon = TrayIconRenderer::render(state, unread, paused);
        m_icon->setIcon(icon);
    }
    // The server's count; the menu says how many "all" is when the list holds fewer.
    const NotificationModel *model = m_session->notifications();
    const QString connection
        = m_session->isWaitingForServer() ? tr("waiting for the server") : DisplayText::connectionState(state);
    QStringList lines{ connection, m_session->settings().server.toString(QUrl::RemoveUserInfo),
                       model->unreadCountExact() ? tr("%Ln unread", nullptr, unread)
                                                 : tr("%Ln+ unread", nullptr, unread) };
    m_markAll->setEnabled(unread > 0 || !model->unreadCountExact());
    m_markAll->setText(unread > model->loadedUnreadCount() ? tr("Mark all %1 read").arg(QLocale().toString(unread))
                                                           : tr("Mark all read"));
    if (m_session->lastEventTime().isValid())
        lines << tr("last event at %1")
                     .arg(QLocale().toString(m_session->lastEventTime().toLocalTime().time(), QLocale::ShortFormat));
    if (paused)
        lines << tr("do not disturb until %1")
                     .arg(QLocale().toString(m_session->alertsPausedUntil(), QLocale::ShortFormat));
    m_icon->setToolTip(QStringLiteral("Notify"), lines);
    // An error waiting to be read, that nobody has taken on, asks for attention.
    m_icon->setNeedsAttention(m_session->notifications()->unclaimedUnreadErrors() > 0);
}

void TrayController::rebuildLatest()
{
    m_latest->clear();
    const NotificationModel *model = m_session->notifications();
    // The model is newest first; an item hidden by the window's filters is still opened (they go).
    for (int row = 0; row < std::min(5, model->rowCount()); ++row) {
        const QModelIndex index = model->index(row, 0);
        const bool read = index.data(NotificationModel::ReadRole).toBool();
        QAction *action = m_latest->addAction((read ? QString() : QStringLiteral("● ")) + index.data().toString());
        connect(action, &QAction::triggered, m_window,
                [this, id = index.data(NotificationModel::IdRole).toString()] { m_window->showNotification(id); });
    }
    if (model->rowCount() == 0)
        m_latest->addAction(tr("No notifications yet"))->setEnabled(false);
}

} // namespace Notify::Tray
