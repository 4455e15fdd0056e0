// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QStackedWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;

namespace Notify::Tray {

class AllSourcesPage;
class ConnectionBanner;
class Desk;
class DesktopSession;
class MessagesPage;
class NotificationsPage;
class OrdersPage;
class PeoplePage;
class Throttle;

/// The window: notifications, orders, messages, people and the connection
/// log in tabs (each with its unread count), a banner when the connection
/// has a problem, every action in the menu bar with its shortcut, and the
/// state in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { NotificationsTab, OrdersTab, MessagesTab, PeopleTab, DetailsTab };

    /// A window for one source.
    explicit MainWindow(DesktopSession *session, QWidget *parent = nullptr);
    /// A window for every source of @p desk, one shown at a time (View › Source, Ctrl+Alt+1 …).
    explicit MainWindow(Desk *desk, QWidget *parent = nullptr);

    /// Shows the notification (an alert's "Open", the tray's latest list),
    /// clearing filters that hide it.
    void showNotification(const QString &notificationId);
    /// The same in @p session's source.
    void showNotification(DesktopSession *session, const QString &notificationId);
    /// What showSource() takes for every source together.
    static constexpr int AllSources = -1;
    /// Shows the source at @p index of the desk, or AllSources.
    void showSource(int index);
    [[nodiscard]] bool showsAllSources() const { return m_showingAll; }
    [[nodiscard]] AllSourcesPage *allSourcesPage() const { return m_all; }
    /// The source the window shows.
    [[nodiscard]] DesktopSession *session() const { return m_session; }
    [[nodiscard]] QComboBox *sourceBox() const { return m_sourceBox; }
    void showTab(int index);
    /// A notice for the user at the top of the window (closed by them).
    void showNotice(const QString &text);
    /// Quits the app (File › Quit, the tray's Quit): the window closes
    /// instead of going to the tray, so nothing holds the quit up.
    void quit();
    [[nodiscard]] bool isQuitting() const { return m_quitting; }

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] NotificationsPage *notificationsPage() const { return m_notifications; }
    [[nodiscard]] OrdersPage *ordersPage() const { return m_orders; }
    [[nodiscard]] MessagesPage *messagesPage() const { return m_messages; }
    [[nodiscard]] PeoplePage *peoplePage() const { return m_people; }
    [[nodiscard]] ConnectionBanner *banner() const { return m_banner; }
    /// Do not disturb, with check marks; the tray menu shows the same one.
    [[nodiscard]] QMenu *doNotDisturbMenu() const { return m_dndMenu; }
    [[nodiscard]] QString statusText() const;
    /// Whether a tray shows the app (then closing the window hides it);
    /// QSystemTrayIcon's answer unless told otherwise.
    void setTrayAvailable(std::function<bool()> available) { m_trayAvailable = std::move(available); }

signals:
    void settingsRequested();
    /// File › Sources.
    void sourcesRequested();
    /// Alerts › Rules and quiet hours.
    void rulesRequested();
    /// The user asked to quit (quit() was called).
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    MainWindow(Desk *desk, DesktopSession *session, QWidget *parent);
    /// Shows @p session's pages, counts and problems.
    void bind(DesktopSession *session);
    void sourcesChanged();
    void updateSources();
    void buildMenus();
    void updateCounts();
    void updateStatus();
    void updateTabTitles();
    void updateBanner();
    void updateDoNotDisturb();

    Desk *m_desk;
    QPointer<DesktopSession> m_session;
    std::function<bool()> m_trayAvailable;
    ConnectionBanner *m_banner;
    QWidget *m_sourceBar;
    QComboBox *m_sourceBox;
    QLabel *m_sourceNote;
    QStackedWidget *m_views;
    QTabWidget *m_tabs;
    AllSourcesPage *m_all = nullptr;
    bool m_showingAll = false;
    NotificationsPage *m_notifications = nullptr;
    OrdersPage *m_orders = nullptr;
    MessagesPage *m_messages = nullptr;
    PeoplePage *m_people = nullptr;
    QMenu *m_notificationsMenu = nullptr;
    QMenu *m_sourcesMenu = nullptr;
    QAction *m_sourcesAction = nullptr;
    QPlainTextEdit *m_log;
    QLabel *m_status;
    QMenu *m_dndMenu = nullptr;
    QActionGroup *m_dndGroup = nullptr;
    bool m_quitting = false;
    static constexpr int CountsIntervalMs = 1000;
    Throttle *m_counts;
};

} // namespace Notify::Tray
