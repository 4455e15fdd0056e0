// SPDX-License-Identifier: MIT
#include "traycontroller.h"

#include "alertcenter.h"
#include "desktopsession.h"
#include "displaytext.h"
#include "mainwindow.h"
#include "notificationmodel.h"
#include "throttle.h"
#include "trayiconrenderer.h"

#include <QDateTime>
#include <QMenu>
#include <QSystemTrayIcon>

TrayController::TrayController(DesktopSession *session, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_latest(new QMenu(tr("Latest notifications")))
{
    m_menu->addAction(tr("Open Notify"), m_window, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addMenu(m_latest);
    m_menu->addAction(tr("Mark all read"), m_session, &DesktopSession::markAllRead);
    m_menu->addMenu(m_window->doNotDisturbMenu()); // the window's, with its check marks
    m_menu->addAction(tr("Reconnect now"), m_session, &DesktopSession::reconnectNow);
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            if (m_window->isVisible() && m_window->isActiveWindow()) {
                m_window->hide();
            } else {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        }
    });
    // The icon and its tooltip follow a stream at most once a second
    // (a new icon is a round trip to the desktop's tray); the connection's
    // state at once.
    auto *throttle = new Throttle(
        1000, [this] { refresh(); }, this);
    connect(m_session, &DesktopSession::connectionStateChanged, this, &TrayController::refresh);
    connect(m_session->notifications(), &NotificationModel::unreadCountChanged, throttle, &Throttle::request);
    connect(m_session, &DesktopSession::eventsApplied, throttle, &Throttle::request);
    connect(m_session->alerts(), &AlertCenter::pausedChanged, this, &TrayController::refresh);
    connect(m_latest, &QMenu::aboutToShow, this, &TrayController::rebuildLatest);
    refresh();
    rebuildLatest(); // so that the menu is never empty
}

void TrayController::refresh()
{
    const auto state = m_session->client()->state();
    const int unread = m_session->notifications()->unreadCount();
    const bool paused = m_session->alertsPausedUntil().isValid();
    const auto look = std::make_tuple(state, unread, paused);
    if (look != m_look) { // a new picture only when it would look different
        m_look = look;
        m_icon->setIcon(TrayIconRenderer::render(state, unread, paused));
    }
    QString tip
        = tr("Notify — %1\n%2")
              .arg(DisplayText::connectionState(state), m_session->settings().server.toString(QUrl::RemoveUserInfo));
    tip += u'\n' + tr("%n unread", nullptr, unread);
    if (m_session->lastEventTime().isValid())
        tip += u'\n'
            + tr("last event at %1")
                  .arg(QLocale().toString(m_session->lastEventTime().toLocalTime().time(), QLocale::ShortFormat));
    if (paused)
        tip += u'\n'
            + tr("do not disturb until %1")
                  .arg(QLocale().toString(m_session->alertsPausedUntil(), QLocale::ShortFormat));
    m_icon->setToolTip(tip);
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
