// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QModelIndex;
class QTableView;
class QTimer;
class QWidget;

namespace Notify::Tray {

class DesktopSession;
class NotificationDetails;
class NotificationFilterModel;

/// Reading is the user's: decides when the notification in the detail pane
/// counts as read. A row the user selects shows in the pane and is read once
/// it was shown there for a moment (ReadDelayMs) while the window is active
/// and the page in front. A selection the list moves by itself (its row went
/// away) shows and reads nothing; the row the user chose is kept under
/// "unread only" until the user moves on; once read, or marked by the user,
/// the pane's notification is settled and not read again by itself.
class ReadingTracker final : public QObject
{
    Q_OBJECT

public:
    static constexpr int ReadDelayMs = 1500;

    /// Before the view's selection model connects to @p filter: it counts
    /// the list's changes from their start.
    ReadingTracker(DesktopSession *session, NotificationFilterModel *filter, NotificationDetails *details,
                   QWidget *page);

    /// After the view has its model: the list's changes end once the
    /// selection model has done its part.
    void watch(QTableView *view);
    /// The user marked @p ids read or unread: if the pane shows them, it is settled.
    void settle(const QStringList &ids);
    /// Runs the read moment while everything a read needs holds, else stops it.
    void update();
    /// Whether the shown notification is on its way to being read (the moment runs).
    [[nodiscard]] bool pending() const;

private:
    void onCurrentChanged(const QModelIndex &current);
    void markShownRead();

    DesktopSession *m_session;
    NotificationFilterModel *m_filter;
    NotificationDetails *m_details;
    QWidget *m_page;
    QTimer *m_timer;
    /// Inside a change of the list's rows: a selection that moves now was
    /// moved by the list, not by the user.
    int m_listChanging = 0;
    /// The pane's notification was read once by the moment, or marked read
    /// or unread by the user: it is not read again by itself (made unread,
    /// or taken back by the server, it stays so) until the user chooses a row.
    bool m_paneSettled = false;
};

} // namespace Notify::Tray
