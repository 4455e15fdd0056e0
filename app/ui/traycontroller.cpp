// SPDX-License-Identifier: MIT
#include "traycontroller.h"

#include "desktopsession.h"
#include "displaytext.h"
#include "mainwindow.h"
#include "notificationmodel.h"
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
    QMenu *dnd = m_menu->addMenu(tr("Do not disturb"));
    dnd->addAction(tr("For 1 hour"), this,
                   [this] { m_session->pauseAlerts(QDateTime::currentDateTime().addSecs(3600)); });
    dnd->addAction(tr("Until tomorrow"), this,
                   [this] { m_session->pauseAlerts(QDateTime(QDate::currentDate().addDays(1), QTime(8, 0))); });
    dnd->addAction(tr("Off"), this, [this] { m_session->pauseAlerts({}); });
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
    connect(m_session, &DesktopSession::connectionStateChanged, this, &TrayController::refresh);
    connect(m_session->notifications(), &NotificationModel::unreadCountChanged, this, &TrayController::refresh);
    connect(m_session, &DesktopSession::eventApplied, this, &TrayController::refresh);
    connect(m_latest, &QMenu::aboutToShow, this, &TrayController::rebuildLatest);
    refresh();
    rebuildLatest(); // so that the menu is never empty
}

void TrayController::refresh()
{
    const auto state = m_session->client()->state();
    const int unread = m_session->notifications()->unreadCount();
    m_icon->setIcon(TrayIconRenderer::render(state, unread));
    QString tip
        = tr("Notify — %1\n%2")
              .arg(DisplayText::connectionState(state), m_session->settings().server.toString(QUrl::RemoveUserInfo));
    tip += u'\n' + tr("%n unread", nullptr, unread);
    if (m_session->lastEventTime().isValid())
        tip += u'\n'
            + tr("last event at %1").arg(QLocale().toString(m_session->lastEventTime().time(), QLocale::ShortFormat));
    if (m_session->alertsPausedUntil().isValid() && QDateTime::currentDateTime() < m_session->alertsPausedUntil())
        tip += u'\n'
            + tr("alerts paused until %1")
                  .arg(QLocale().toString(m_session->alertsPausedUntil(), QLocale::ShortFormat));
    m_icon->setToolTip(tip);
}

void TrayController::rebuildLatest()
{
    m_latest->clear();
    QList<NotificationItem> items = m_session->notifications()->items();
    std::sort(items.begin(), items.end(),
              [](const NotificationItem &a, const NotificationItem &b) { return a.createdAt > b.createdAt; });
    for (qsizetype i = 0; i < std::min<qsizetype>(5, items.size()); ++i) {
        const NotificationItem &item = items.at(i);
        QAction *action = m_latest->addAction((item.read ? QString() : QStringLiteral("● ")) + item.title);
        connect(action, &QAction::triggered, m_window, [this, id = item.id] { m_window->showNotification(id); });
    }
    if (items.isEmpty())
        m_latest->addAction(tr("No notifications yet"))->setEnabled(false);
}
