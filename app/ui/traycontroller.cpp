// SPDX-License-Identifier: MIT
#include "traycontroller.h"

#include "core/alertcenter.h"
#include "core/desk.h"
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

TrayController::TrayController(Desk *desk, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_desk(desk)
    , m_throttle(new Throttle(
          1000, [this] { refresh(); }, this))
    , m_sources(new QMenu(tr("Sources")))
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
    m_markAll = m_menu->addAction(tr("Mark all read"), this, [this] {
        for (DesktopSession *session : m_desk->sessions())
            session->markAllRead();
    });
    m_menu->addMenu(m_window->doNotDisturbMenu()); // the window's, with its check marks
    m_menu->addAction(tr("Reconnect now"), this, [this] {
        for (DesktopSession *session : m_desk->sessions())
            session->reconnectNow();
    });
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    connect(m_icon, &TrayIcon::activated, this, &TrayController::toggleWindow);
    // The icon and its tooltip follow a stream at most once a second
    // (a new icon is a round trip to the desktop's tray); the connection's
    // state at once.
    for (DesktopSession *session : m_desk->sessions())
        wire(session);
    connect(m_desk, &Desk::sourcesChanged, this, [this] {
        for (DesktopSession *session : m_desk->sessions())
            wire(session);
        refresh();
    });
    connect(m_latest, &QMenu::aboutToShow, this, &TrayController::rebuildLatest);
    refresh();
    rebuildLatest(); // so that the menu is never empty
}

void TrayController::wire(DesktopSession *session)
{
    // Once per session (Qt::UniqueConnection needs member functions, hence the property).
    if (session->property("notify.trayWired").toBool())
        return;
    session->setProperty("notify.trayWired", true);
    connect(session, &DesktopSession::connectionStateChanged, this, &TrayController::refresh);
    connect(session, &DesktopSession::silenceChanged, this, &TrayController::refresh);
    connect(session->notifications(), &NotificationModel::unreadCountChanged, m_throttle, &Throttle::request);
    connect(session->notifications(), &NotificationModel::claimsChanged, m_throttle, &Throttle::request);
    connect(session, &DesktopSession::eventsApplied, m_throttle, &Throttle::request);
    connect(session->alerts(), &AlertCenter::pausedChanged, this, &TrayController::refresh);
}

Notify::SseClient::State TrayController::overallState() const
{
    using State = Notify::SseClient::State;
    // The worst first: what needs the user, then what is broken, then what is on its way.
    static const State order[]
        = { State::AuthRequired, State::Failed, State::WaitingToReconnect, State::Connecting, State::Stopped,
            State::Polling,      State::Open };
    State worst = State::Open;
    int rank = int(std::size(order)) - 1;
    for (const DesktopSession *session : m_desk->sessions()) {
        const auto at = std::find(std::begin(order), std::end(order), session->connectionState());
        if (const int r = int(at - std::begin(order)); r < rank) {
            rank = r;
            worst = *at;
        }
    }
    return worst;
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
    const QList<DesktopSession *> sessions = m_desk->sessions();
    if (sessions.isEmpty())
        return;
    const auto state = overallState();
    const int unread = m_desk->unreadCount();
    const bool paused = m_desk->alertsPausedUntil().isValid();
    const auto look = std::make_tuple(state, unread, paused);
    if (look != m_look) { // a new picture only when it would look different
        m_look = look;
        const QIcon icon = TrayIconRenderer::render(state, unread, paused);
        m_icon->setIcon(icon);
    }
    const auto connectionOf = [](const DesktopSession *session) {
        return session->isWaitingForServer() ? tr("waiting for the server")
                                             : DisplayText::connectionState(session->connectionState());
    };
    const auto unreadOf
        = [](int n, bool exact) { return exact ? tr("%Ln unread", nullptr, n) : tr("%Ln+ unread", nullptr, n); };
    QStringList lines;
    int loadedUnread = 0;
    QDateTime lastEvent;
    for (const DesktopSession *session : sessions) {
        loadedUnread += session->notifications()->loadedUnreadCount();
        if (session->lastEventTime() > lastEvent)
            lastEvent = session->lastEventTime();
    }
    if (sessions.size() == 1) {
        // The server's count; the menu says how many "all" is when the list holds fewer.
        const DesktopSession *session = sessions.first();
        lines << connectionOf(session) << session->settings().server.toString(QUrl::RemoveUserInfo)
              << unreadOf(unread, m_desk->unreadCountExact());
    } else {
        // One line per source: "Shop: connected, 3 unread".
        m_sources->clear();
        for (int i = 0; i < sessions.size(); ++i) {
            const DesktopSession *session = sessions.at(i);
            const QString line = tr("%1: %2, %3")
                                     .arg(Desk::nameOf(session), connectionOf(session),
                                          unreadOf(session->notifications()->unreadCount(),
                                                   session->notifications()->unreadCountExact()));
            lines << line;
            m_sources->addAction(line, m_window, [this, i] {
                m_window->showSource(i);
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            });
        }
    }
    // Only with several sources (a hidden entry would still reach a StatusNotifierItem host's menu).
    const bool inMenu = m_menu->actions().contains(m_sources->menuAction());
    if (sessions.size() > 1 && !inMenu)
        m_menu->insertMenu(m_markAll, m_sources);
    else if (sessions.size() <= 1 && inMenu)
        m_menu->removeAction(m_sources->menuAction());
    m_markAll->setEnabled(unread > 0 || !m_desk->unreadCountExact());
    m_markAll->setText(unread > loadedUnread ? tr("Mark all %1 read").arg(QLocale().toString(unread))
                                             : tr("Mark all read"));
    if (lastEvent.isValid())
        lines << tr("last event at %1").arg(QLocale().toString(lastEvent.toLocalTime().time(), QLocale::ShortFormat));
    if (paused)
        lines
            << tr("do not disturb until %1").arg(QLocale().toString(m_desk->alertsPausedUntil(), QLocale::ShortFormat));
    m_icon->setToolTip(QStringLiteral("Notify"), lines);
    // An error waiting to be read, that nobody has taken on, asks for attention.
    m_icon->setNeedsAttention(std::any_of(sessions.cbegin(), sessions.cend(), [](const DesktopSession *session) {
        return session->notifications()->unclaimedUnreadErrors() > 0;
    }));
}

void TrayController::rebuildLatest()
{
    m_latest->clear();
    // The newest five of every source; an item hidden by the window's filters is still opened (they go).
    struct Latest
    {
        DesktopSession *session;
        QModelIndex index;
    };
    QList<Latest> latest;
    const bool several = m_desk->count() > 1;
    for (DesktopSession *session : m_desk->sessions()) {
        const NotificationModel *model = session->notifications();
        for (int row = 0; row < std::min(5, model->rowCount()); ++row)
            latest.append({ session, model->index(row, 0) });
    }
    std::stable_sort(latest.begin(), latest.end(), [](const Latest &a, const Latest &b) {
        return a.index.data(NotificationModel::CreatedRole).toDateTime()
            > b.index.data(NotificationModel::CreatedRole).toDateTime();
    });
    for (const Latest &entry : std::as_const(latest).first(std::min<qsizetype>(5, latest.size()))) {
        const bool read = entry.index.data(NotificationModel::ReadRole).toBool();
        QString text = entry.index.data().toString();
        if (several)
            text = Desk::nameOf(entry.session) + QStringLiteral(": ") + text;
        QAction *action = m_latest->addAction((read ? QString() : QStringLiteral("● ")) + text);
        connect(action, &QAction::triggered, m_window,
                [this, session = entry.session, id = entry.index.data(NotificationModel::IdRole).toString()] {
                    m_window->showNotification(session, id);
                });
    }
    if (latest.isEmpty())
        m_latest->addAction(tr("No notifications yet"))->setEnabled(false);
}

} // namespace Notify::Tray
