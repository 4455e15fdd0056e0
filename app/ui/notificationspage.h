// SPDX-License-Identifier: MIT
#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class DesktopSession;
class NotificationDetails;
class NotificationFilterModel;
class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

/// The Notifications tab: search and filters, the list (newest first, two
/// lines a row) and the detail pane.
///
/// Reading is deliberate: selecting a row shows it in the pane and it counts
/// as read after it was shown for a moment (ReadDelayMs), or by an explicit
/// action; new notifications do not move the rows the user is looking at
/// ("N new" jumps to them); actions on "all" act on what is shown.
class NotificationsPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ReadDelayMs = 1500;

    explicit NotificationsPage(DesktopSession *session, QWidget *parent = nullptr);

    /// Selects @p id, clearing filters that hide it; false when it is not there.
    bool showNotification(const QString &id);
    void focusSearch();

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] NotificationDetails *details() const { return m_details; }
    [[nodiscard]] NotificationFilterModel *filter() const { return m_filter; }
    /// The actions the window puts in its menu.
    [[nodiscard]] QList<QAction *> actions() const;
    [[nodiscard]] QAction *markReadAction() const { return m_markRead; }
    [[nodiscard]] QAction *markUnreadAction() const { return m_markUnread; }
    [[nodiscard]] QAction *markShownReadAction() const { return m_markShownRead; }
    [[nodiscard]] QAction *unreadOnlyAction() const { return m_unreadOnly; }
    [[nodiscard]] QAction *loadOlderAction() const { return m_loadOlder; }
    /// How many new ones arrived above the rows the user looks at.
    [[nodiscard]] int newAbove() const { return m_newAbove; }

private:
    void buildActions();
    void onCurrentChanged(const QModelIndex &current);
    void onRowsInserted(int first, int last);
    void showNewAbove(int added);
    void selectedIds(QStringList *all, QStringList *unread = nullptr, QStringList *read = nullptr) const;
    void refreshCategories();
    void updateActions();
    void copySelected();
    void openLink();
    void jumpToNew();

    DesktopSession *m_session;
    NotificationFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_category;
    QCheckBox *m_unreadBox;
    QPushButton *m_markShownButton;
    QTableView *m_view;
    QPushButton *m_newButton;
    NotificationDetails *m_details;
    QTimer *m_readTimer;
    int m_newAbove = 0;
    /// The top row in view across a layout change (a burst merged in one go).
    QPersistentModelIndex m_topBefore;
    int m_topRowBefore = -1;
    QAction *m_markRead = nullptr;
    QAction *m_markUnread = nullptr;
    QAction *m_markShownRead = nullptr;
    QAction *m_openLink = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_unreadOnly = nullptr;
    QAction *m_loadOlder = nullptr;
};
