// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class DesktopSession;
class NotificationFilterModel;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QComboBox;
class QLineEdit;

/// The window: notifications, orders, messages and people in tabs, the
/// connection state in the status bar, and the connection log for support.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(DesktopSession *session, QWidget *parent = nullptr);

    void showNotification(const QString &notificationId);
    void showTab(int index);
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildNotificationsTab();
    QWidget *buildOrdersTab();
    QWidget *buildMessagesTab();
    QWidget *buildPeopleTab();
    QWidget *buildDetailsTab();
    void updateStatus();
    void updateConversation();

    DesktopSession *m_session;
    QTabWidget *m_tabs;
    NotificationFilterModel *m_notificationFilter;
    QTableView *m_notificationView = nullptr;
    QComboBox *m_categoryFilter = nullptr;
    QTableView *m_orderView = nullptr;
    QListWidget *m_orderHistory = nullptr;
    QListWidget *m_conversations = nullptr;
    QSortFilterProxyModel *m_conversationFilter;
    QLineEdit *m_reply = nullptr;
    QLabel *m_status;
    QPlainTextEdit *m_logView = nullptr;
};
