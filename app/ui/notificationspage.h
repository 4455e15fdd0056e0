// SPDX-License-Identifier: MIT
#pragma once

#include "notificationfilterbar.h"
#include "readingtracker.h"
#include "scrollanchor.h"

#include <QWidget>

class QAction;
class QPushButton;
class QTableView;
class QTimer;

namespace Notify::Tray {

class DesktopSession;
class InlineNotice;
class NotificationDetails;
class NotificationFilterModel;

/// The Notifications tab: search and filters (NotificationFilterBar), the
/// list (newest first, two lines a row) and the detail pane.
///
/// Reading is the user's: a row the user selects shows in the pane, and it
/// counts as read once it was shown there for a moment (ReadDelayMs) while
/// the window is active and this tab in front, or by an explicit action.
/// Nothing else reads: a selection the list moves by itself (its row went
/// away) shows and reads nothing, and a row read under "unread only" stays
/// until the user moves on. New notifications do not move the rows the user
/// is looking at ("N new" jumps to them); actions on "all" act on what is
/// shown, and say so when the server has more than the list. ReadingTracker
/// decides what is read, ScrollAnchor keeps the rows in place.
class NotificationsPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ReadDelayMs = ReadingTracker::ReadDelayMs;
    static constexpr int SearchDelayMs = NotificationFilterBar::SearchDelayMs;

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
    [[nodiscard]] QAction *claimAction() const { return m_claim; }
    [[nodiscard]] QAction *releaseAction() const { return m_release; }
    [[nodiscard]] QAction *waitingOnlyAction() const { return m_waitingOnly; }
    /// What became of the user's last action here, when it did not go as asked.
    [[nodiscard]] InlineNotice *notice() const { return m_notice; }
    /// How many new ones arrived above the rows the user looks at.
    [[nodiscard]] int newAbove() const { return m_anchor->newAbove(); }
    /// Whether the shown notification is on its way to being read (the moment runs).
    [[nodiscard]] bool readPending() const { return m_reading->pending(); }

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildActions();
    void loadOlderFinished(int count, bool more);
    void updateOlderButton();
    void selectedIds(QStringList *all, QStringList *unread = nullptr, QStringList *read = nullptr) const;
    void fitCategoryColumn(const QStringList &categories);
    void updateActions();
    void copySelected();
    void openLink();

    DesktopSession *m_session;
    NotificationFilterModel *m_filter;
    NotificationFilterBar *m_bar = nullptr;
    QTableView *m_view;
    NotificationDetails *m_details;
    InlineNotice *m_notice;
    ReadingTracker *m_reading = nullptr;
    ScrollAnchor *m_anchor = nullptr;
    QTimer *m_actionsTimer; ///< updateActions() once per pass of the event loop
    QPushButton *m_older;
    bool m_olderLoading = false;
    bool m_noOlder = false; ///< the server said there are none
    QAction *m_markRead = nullptr;
    QAction *m_markUnread = nullptr;
    QAction *m_markShownRead = nullptr;
    QAction *m_openLink = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_unreadOnly = nullptr;
    QAction *m_loadOlder = nullptr;
    QAction *m_claim = nullptr;
    QAction *m_release = nullptr;
    QAction *m_waitingOnly = nullptr;
};

} // namespace Notify::Tray
