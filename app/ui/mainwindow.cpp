// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "allsourcespage.h"
#include "connectionbanner.h"
#include "core/desk.h"
#include "core/desktopsession.h"
#include "core/displaytext.h"
#include "core/messagemodel.h"
#include "core/notificationmodel.h"
#include "messagespage.h"
#include "notificationspage.h"
#include "orderspage.h"
#include "peoplepage.h"
#include "throttle.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Notify::Tray {

using State = Notify::SseClient::State;

MainWindow::MainWindow(DesktopSession *session, QWidget *parent)
    : MainWindow(nullptr, session, parent)
{ }

MainWindow::MainWindow(Desk *desk, QWidget *parent)
    : MainWindow(desk, desk->session(0), parent)
{ }

MainWindow::MainWindow(Desk *desk, DesktopSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_desk(desk)
    , m_banner(new ConnectionBanner)
    , m_sourceBar(new QWidget)
    , m_sourceBox(new QComboBox)
    , m_sourceNote(new QLabel)
    , m_views(new QStackedWidget)
    , m_tabs(new QTabWidget)
    , m_log(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_counts(new Throttle(
          CountsIntervalMs, [this] { updateCounts(); }, this))
{
    setWindowTitle(tr("Notify"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setAccessibleName(tr("Connection log"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Sections"));
    // Several sources: which one the window shows (each with its state and unread count).
    auto *sourceLayout = new QHBoxLayout(m_sourceBar);
    sourceLayout->setContentsMargins(8, 4, 8, 4);
    // No mnemonic: the pages take every free letter; Ctrl+Alt+1 … choose a source from anywhere.
    auto *sourceLabel = new QLabel(tr("Source:"));
    sourceLabel->setBuddy(m_sourceBox);
    m_sourceBox->setAccessibleName(tr("Source"));
    m_sourceBox->setToolTip(tr("Which source the window shows (Ctrl+Alt+1, Ctrl+Alt+2, …)"));
    m_sourceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    sourceLayout->addWidget(sourceLabel);
    sourceLayout->addWidget(m_sourceBox);
    // What is wrong with the sources not shown, so that a failing one is seen from any other.
    m_sourceNote->setAccessibleName(tr("Other sources"));
    m_sourceNote->setTextFormat(Qt::PlainText);
    sourceLayout->addWidget(m_sourceNote, 1);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sourceBar);
    layout->addWidget(m_banner);
    m_views->addWidget(m_tabs);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);
    m_status->setAccessibleName(tr("Connection status"));
    // Permanent: a passing message never hides the connection's state.
    statusBar()->addPermanentWidget(m_status, 1);
    buildMenus();
    // A comfortable size that still fits small or highly scaled screens.
    QSize size(1000, 620);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.85);
    resize(size);

    connect(m_banner, &ConnectionBanner::settingsRequested, this, &MainWindow::settingsRequested);
    connect(m_banner, &ConnectionBanner::retryRequested, this, [this] { m_session->reconnectNow(); });
    connect(m_sourceBox, &QComboBox::activated, this,
            [this](int item) { showSource(m_sourceBox->itemData(item).toInt()); });
    if (m_desk) {
        connect(m_desk, &Desk::sourcesChanged, this, &MainWindow::sourcesChanged);
        connect(m_desk, &Desk::sourceChanged, m_counts, &Throttle::request);
    }
    // Times like "2 min ago" move on by themselves.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, [this] {
        for (QTableView *view : { m_notifications->view(), m_orders->activeView(), m_orders->doneView() })
            view->viewport()->update();
        updateStatus();
        updateDoNotDisturb();
    });
    ticker->start(30'000);
    bind(session);
    updateSources();
    // Several sources: they are shown together first.
    if (m_desk && m_desk->count() > 1)
        showSource(AllSources);
}

void MainWindow::bind(DesktopSession *session)
{
    if (!session || (m_session == session && m_notifications))
        return;
    if (m_session) {
        // What the window showed of the last source goes: its pages, and every connection to it.
        m_session->disconnect(this);
        m_session->notifications()->disconnect(this);
        m_session->notifications()->disconnect(m_counts);
        m_session->messages()->disconnect(m_counts);
        m_session->disconnect(m_counts);
        m_session->disconnect(m_log);
        m_session->alerts()->disconnect(this);
    }
    const int tab = m_tabs->count() > 0 ? m_tabs->currentIndex() : int(NotificationsTab);
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        if (page != m_log)
            delete page;
    }
    m_session = session;
    m_notifications = new NotificationsPage(session);
    m_orders = new OrdersPage(session);
    m_messages = new MessagesPage(session);
    m_people = new PeoplePage(session);
    m_tabs->addTab(m_notifications, QString());
    m_tabs->addTab(m_orders, QString());
    m_tabs->addTab(m_messages, QString());
    m_tabs->addTab(m_people, QString());
    m_tabs->addTab(m_log, QString());
    m_tabs->setCurrentIndex(tab);
    m_log->setPlainText(session->connectionLog().join(u'\n'));
    // The list's single-key shortcuts, shown in the menu, work in the list.
    m_notificationsMenu->clear();
    m_notificationsMenu->addActions(m_notifications->actions());
    addAction(m_notifications->markShownReadAction());
    addAction(m_notifications->unreadOnlyAction());

    connect(session, &DesktopSession::connectionStateChanged, this, [this] {
        updateStatus();
        updateBanner();
    });
    connect(session, &DesktopSession::problemChanged, this, &MainWindow::updateBanner);
    connect(session, &DesktopSession::silenceChanged, this, [this] {
        updateStatus();
        updateBanner();
    });
    connect(session, &DesktopSession::logged, m_log, &QPlainTextEdit::appendPlainText);
    // Counts in the tab titles and the status bar follow the events, at most
    // once a second: a new tab title lays out and repaints the whole tab
    // widget, which a steady stream would otherwise do with every batch.
    connect(session->notifications(), &NotificationModel::unreadCountChanged, m_counts, &Throttle::request);
    connect(session->messages(), &MessageModel::unreadChanged, m_counts, &Throttle::request);
    connect(session, &DesktopSession::eventsApplied, m_counts, &Throttle::request);
    connect(session, &DesktopSession::actionFailed, this,
            [this](RestActions::Action, const QString &message) { statusBar()->showMessage(message, 10'000); });
    connect(session->alerts(), &AlertCenter::pausedChanged, this, [this] {
        updateDoNotDisturb();
        updateStatus();
    });
    m_banner->hide();
    updateTabTitles();
    updateStatus();
    updateBanner();
    updateDoNotDisturb();
}

void MainWindow::showSource(int index)
{
    if (!m_desk)
        return;
    if (index == AllSources && m_desk->count() > 1) {
        if (!m_all) {
            m_all = new AllSourcesPage(m_desk);
            m_views->addWidget(m_all);
            connect(m_all, &AllSourcesPage::openRequested, this,
                    qOverload<DesktopSession *, const QString &>(&MainWindow::showNotification));
        }
        m_views->setCurrentWidget(m_all);
        m_showingAll = true;
        m_banner->hide();
        m_all->view()->setFocus();
    } else if (index >= 0 && index < m_desk->count()) {
        bind(m_desk->session(index));
        m_views->setCurrentWidget(m_tabs);
        m_showingAll = false;
        updateBanner();
    }
    updateStatus();
    updateSources();
}

void MainWindow::sourcesChanged()
{
    // The shown source went away: the first one then.
    if (m_desk->indexOf(m_session) < 0)
        bind(m_desk->session(0));
    if (m_showingAll && m_desk->count() <= 1)
        showSource(0);
    updateSources();
}

void MainWindow::updateSources()
{
    const int sources = m_desk ? m_desk->count() : 1;
    m_sourceBar->setVisible(sources > 1);
    m_sourcesMenu->menuAction()->setVisible(sources > 1);
    if (!m_desk)
        return;
    // All of them, then each source with its state and unread count, in the box and the menu.
    const int items = sources > 1 ? sources + 1 : sources;
    while (m_sourceBox->count() > items)
        m_sourceBox->removeItem(m_sourceBox->count() - 1);
    m_sourcesMenu->clear();
    QStringList elsewhere;
    if (sources > 1) {
        const int unread = m_desk->unreadCount();
        const QString all = unread > 0 ? tr("All sources (%1)").arg(QLocale().toString(unread)) : tr("All sources");
        if (m_sourceBox->count() == 0)
            m_sourceBox->addItem(all, AllSources);
        m_sourceBox->setItemText(0, all);
        m_sourceBox->setItemData(0, AllSources);
        QAction *action = m_sourcesMenu->addAction(tr("&0 %1").arg(all), this, [this] { showSource(AllSources); });
        action->setCheckable(true);
        action->setChecked(m_showingAll);
        action->setShortcut(QKeyCombination(Qt::CTRL | Qt::ALT, Qt::Key_0));
        m_sourcesMenu->addSeparator();
    }
    for (int i = 0; i < sources; ++i) {
        DesktopSession *session = m_desk->session(i);
        const int unread = session->notifications()->unreadCount();
        const auto state = session->connectionState();
        const bool working = state == State::Open || state == State::Polling;
        QString text = Desk::nameOf(session);
        if (!working) {
            text += QStringLiteral(" — ") + DisplayText::connectionState(state);
            if (session != m_session || m_showingAll)
                elsewhere << Desk::nameOf(session) + QStringLiteral(": ") + DisplayText::connectionState(state);
        } else if (unread > 0)
            text += QStringLiteral(" (%1)").arg(QLocale().toString(unread));
        const int item = sources > 1 ? i + 1 : i;
        if (item < m_sourceBox->count()) {
            m_sourceBox->setItemText(item, text);
            m_sourceBox->setItemData(item, i);
        } else {
            m_sourceBox->addItem(text, i);
        }
        //: A source in the Source menu: its number (the shortcut) and what the box shows of it
        QAction *action
            = m_sourcesMenu->addAction(tr("&%1 %2").arg(i + 1).arg(text), this, [this, i] { showSource(i); });
        action->setCheckable(true);
        action->setChecked(session == m_session && !m_showingAll);
        if (i < 9)
            action->setShortcut(QKeyCombination(Qt::CTRL | Qt::ALT, Qt::Key(Qt::Key_1 + i)));
    }
    m_sourceBox->setCurrentIndex(m_showingAll ? 0 : m_sourceBox->findData(m_desk->indexOf(m_session)));
    m_sourceNote->setText(elsewhere.isEmpty() ? QString()
                                              : QStringLiteral("⚠ ") + elsewhere.join(QStringLiteral("; ")));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settings->setShortcut(Qt::CTRL | Qt::Key_Comma);
    m_sourcesAction = file->addAction(tr("S&ources…"), this, &MainWindow::sourcesRequested);
    m_sourcesAction->setVisible(m_desk != nullptr);
    QAction *reconnect = file->addAction(tr("&Reconnect now"), this, [this] { m_session->reconnectNow(); });
    reconnect->setShortcut(Qt::Key_F5);
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close window"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setShortcut(Qt::CTRL | Qt::Key_Q);
    quit->setShortcutContext(Qt::ApplicationShortcut);

    m_notificationsMenu = menuBar()->addMenu(tr("&Notifications")); // its actions are the shown page's (bind())
    connect(m_notificationsMenu, &QMenu::aboutToShow, this, [this] { m_tabs->setCurrentIndex(NotificationsTab); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find"), this, [this] {
        if (m_tabs->currentIndex() == OrdersTab) {
            m_orders->focusSearch();
        } else {
            m_tabs->setCurrentIndex(NotificationsTab);
            m_notifications->focusSearch();
        }
    });
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    const QStringList names{ tr("&Notifications"), tr("&Orders"), tr("&Messages"), tr("&People"),
                             tr("&Details (connection log)") };
    for (int i = 0; i < names.size(); ++i) {
        QAction *tab = view->addAction(names.at(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        tab->setShortcut(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + i)));
    }
    QAction *next = view->addAction(
        tr("Next tab"), this, [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    next->setShortcuts(QKeySequence::NextChild); // Ctrl+Tab, from any control, the lists too
    QAction *previous = view->addAction(tr("Previous tab"), this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previous->setShortcuts(QKeySequence::PreviousChild);
    // With several sources: which one the window shows (Ctrl+Alt+1 …).
    m_sourcesMenu = view->addMenu(tr("&Source"));

    QMenu *status = menuBar()->addMenu(tr("&Alerts"));
    m_dndMenu = status->addMenu(tr("&Do not disturb"));
    m_dndGroup = new QActionGroup(this);
    m_dndGroup->setExclusive(true);
    const auto dnd = [this](const QString &text, const std::function<QDateTime()> &until) {
        QAction *action = m_dndMenu->addAction(text);
        action->setCheckable(true);
        m_dndGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, until] {
            if (m_desk)
                m_desk->pauseAlerts(until());
            else
                m_session->pauseAlerts(until());
        });
        return action;
    };
    dnd(tr("&Off"), [] { return QDateTime(); })->setChecked(true);
    dnd(tr("For &1 hour"), [] { return QDateTime::currentDateTime().addSecs(3600); });
    dnd(tr("Until &tomorrow 08:00"), [] { return QDateTime(QDate::currentDate().addDays(1), QTime(8, 0)); });
    QAction *rules = status->addAction(tr("&Rules and quiet hours…"), this, &MainWindow::rulesRequested);
    rules->setVisible(m_desk != nullptr);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Notify"), this, [this] {
        QMessageBox::about(this, tr("About Notify"),
                           tr("<b>Notify %1</b><p>Notifications, order updates, messages and who is online, "
                              "from your shop's server, on your desktop.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::updateCounts()
{
    updateStatus();
    updateTabTitles();
    updateSources();
}

void MainWindow::updateTabTitles()
{
    const NotificationModel *model = m_session->notifications();
    const int unread = model->unreadCount();
    // The server's count, as people write numbers; "+" while more may be unread beyond the list.
    const QString count = QLocale().toString(unread) + (model->unreadCountExact() ? QString() : QStringLiteral("+"));
    const int messages = m_session->messages()->unreadCount();
    // Only what changed: a new tab text lays the tab bar out again.
    const auto set = [this](int tab, const QString &text, const QString &toolTip = {}) {
        if (m_tabs->tabText(tab) != text)
            m_tabs->setTabText(tab, text);
        if (m_tabs->tabToolTip(tab) != toolTip)
            m_tabs->setTabToolTip(tab, toolTip);
    };
    set(NotificationsTab,
        unread > 0 || !model->unreadCountExact() ? tr("&Notifications (%1)").arg(count) : tr("&Notifications"),
        tr("%Ln unread notification(s) (Ctrl+1)", nullptr, unread));
    set(OrdersTab, tr("&Orders"), tr("Orders and their status (Ctrl+2)"));
    set(MessagesTab, messages > 0 ? tr("&Messages (%1)").arg(messages) : tr("&Messages"),
        tr("%n unread message(s) (Ctrl+3)", nullptr, messages));
    set(PeopleTab, tr("&People"), tr("Who is online (Ctrl+4)"));
    set(DetailsTab, tr("&Details"), tr("The connection and its log (Ctrl+5)"));
}

void MainWindow::updateDoNotDisturb()
{
    const QDateTime until = m_session->alertsPausedUntil();
    const QList<QAction *> actions = m_dndGroup->actions();
    if (!until.isValid()) {
        actions.first()->setChecked(true);
        m_dndMenu->setTitle(tr("&Do not disturb"));
        return;
    }
    m_dndMenu->setTitle(tr("&Do not disturb (until %1)").arg(QLocale().toString(until, QLocale::ShortFormat)));
    // The check stays on what was chosen; "Off" is unchecked while paused.
    if (actions.first()->isChecked())
        actions.at(1)->setChecked(true);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateStatus()
{
    if (m_showingAll) {
        // Every source in one line: how many work, and every unread.
        int working = 0;
        for (const DesktopSession *session : m_desk->sessions()) {
            const auto state = session->connectionState();
            working += state == State::Open || state == State::Polling;
        }
        const int unread = m_desk->unreadCount();
        QStringList parts{ tr("All sources"), tr("%1 of %2 connected").arg(working).arg(m_desk->count()),
                           m_desk->unreadCountExact() ? tr("%Ln unread", nullptr, unread)
                                                      : tr("%Ln+ unread", nullptr, unread) };
        const QDateTime paused = m_desk->alertsPausedUntil();
        if (paused.isValid())
            parts << tr("do not disturb until %1").arg(QLocale().toString(paused, QLocale::ShortFormat));
        m_status->setText(parts.join(QStringLiteral(" — ")));
        return;
    }
    const auto state = m_session->connectionState();
    const NotificationModel *model = m_session->notifications();
    const QString connection
        = m_session->isWaitingForServer() ? tr("waiting for the server") : DisplayText::connectionState(state);
    QStringList parts{ m_desk && m_desk->count() > 1 ? Desk::nameOf(m_session)
                                                     : m_session->settings().server.toString(QUrl::RemoveUserInfo),
                       connection,
                       model->unreadCountExact() ? tr("%Ln unread", nullptr, model->unreadCount())
                                                 : tr("%Ln+ unread", nullptr, model->unreadCount()) };
    if (m_session->lastEventTime().isValid())
        parts << tr("last event %1")
                     .arg(QLocale().toString(m_session->lastEventTime().toLocalTime().time(), QLocale::ShortFormat));
    const QDateTime paused = m_session->alertsPausedUntil();
    if (paused.isValid())
        parts << tr("do not disturb until %1").arg(QLocale().toString(paused, QLocale::ShortFormat));
    m_status->setText(parts.join(QStringLiteral(" — ")));
}

void MainWindow::updateBanner()
{
    if (m_showingAll)
        return; // each source's problem is in the note above the list
    const auto state = m_session->connectionState();
    const QString problem = m_session->lastProblem();
    if (state == State::Open && m_session->isWaitingForServer()) {
        m_banner->showMessage(ConnectionBanner::Kind::Problem,
                              tr("Waiting for the server… Nothing came for %1 s, not even its heartbeat. Notify "
                                 "reconnects by itself if nothing comes.")
                                  .arg(m_session->quietWarningMs() / 1000));
        return;
    }
    if (state == State::Open || state == State::Polling || state == State::Connecting) {
        if (m_banner->kind() != ConnectionBanner::Kind::Notice)
            m_banner->hide();
        return;
    }
    if (state == State::AuthRequired) {
        const QString why = problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + u')';
        m_banner->showMessage(
            ConnectionBanner::Kind::TokenRefused,
            m_session->settings().passwordSignIn
                ? tr("The server no longer takes your sign-in%1. Open the settings and sign in with your password.")
                      .arg(why)
                : tr("The server refused your token%1. Open the settings to enter a new one.").arg(why));
        return;
    }
    if (problem.isEmpty())
        return;
    const QString what = state == State::Failed ? tr("Not connected: %1. Check the settings.")
                                                : tr("Not connected: %1. Trying again by itself.");
    m_banner->showMessage(ConnectionBanner::Kind::Problem, what.arg(problem));
}

void MainWindow::showNotice(const QString &text)
{
    m_banner->showMessage(ConnectionBanner::Kind::Notice, text);
}

void MainWindow::showNotification(DesktopSession *session, const QString &notificationId)
{
    if (m_desk)
        showSource(m_desk->indexOf(session));
    else
        bind(session);
    showNotification(notificationId);
}

void MainWindow::showNotification(const QString &notificationId)
{
    m_tabs->setCurrentIndex(NotificationsTab);
    showNormal();
    raise();
    activateWindow();
    if (notificationId.isEmpty())
        return; // a summary's "Open": the list itself
    if (!m_notifications->showNotification(notificationId))
        statusBar()->showMessage(tr("That notification is no longer in the list."), 10'000);
}

void MainWindow::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void MainWindow::quit()
{
    // Qt asks every window to close before it quits, and a window that
    // only hides would stop the quit: this one closes.
    m_quitting = true;
    emit quitRequested();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window keeps the app in the tray; Quit is in the menus.
    if (!m_quitting && (m_trayAvailable ? m_trayAvailable() : QSystemTrayIcon::isSystemTrayAvailable())) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace Notify::Tray
