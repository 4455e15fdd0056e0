// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Notify::Tray {

class DesktopSession;
class InlineNotice;

/// The Messages tab: conversations by the colleague's name, newest first,
/// with unread counts; the one with a new message comes forward; the thread
/// and a reply box that the keyboard reaches. A reply shows in the thread at
/// once ("Sending…"); one the server refuses comes back into the box with
/// the reason under it. A conversation counts as read while the window is
/// the active one and this tab is in front.
class MessagesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit MessagesPage(DesktopSession *session, QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *conversations() const { return m_conversations; }
    [[nodiscard]] QLineEdit *replyBox() const { return m_reply; }
    /// What became of the last reply, when it did not go as asked.
    [[nodiscard]] InlineNotice *notice() const { return m_notice; }
    [[nodiscard]] QString currentPeer() const;
    void selectPeer(const QString &peer);

protected:
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuild();
    /// Rebuilds once per event-loop pass, however many messages came.
    void scheduleRebuild();
    void refresh();
    void showThread(const QString &peer);
    void markShownRead();
    void updateReplyBox();

    DesktopSession *m_session;
    QListWidget *m_conversations;
    QSortFilterProxyModel *m_thread;
    QTableView *m_view;
    QLineEdit *m_reply;
    InlineNotice *m_notice;
    QTimer *m_refresh;
    QString m_newMessageFrom; ///< the latest sender since the last refresh
    QString m_threadPeer;
};

} // namespace Notify::Tray
