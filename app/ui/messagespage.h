// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class DesktopSession;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

/// The Messages tab: conversations by the colleague's name, newest first,
/// with unread counts; the one with a new message comes forward; the thread
/// and a reply box that the keyboard reaches.
class MessagesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit MessagesPage(DesktopSession *session, QWidget *parent = nullptr);

    [[nodiscard]] QListWidget *conversations() const { return m_conversations; }
    [[nodiscard]] QLineEdit *replyBox() const { return m_reply; }
    [[nodiscard]] QString currentPeer() const;
    void selectPeer(const QString &peer);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    /// Rebuilds once per event-loop pass, however many messages came.
    void scheduleRebuild();
    void refresh();
    void showThread(const QString &peer);
    void markShownRead();

    DesktopSession *m_session;
    QListWidget *m_conversations;
    QSortFilterProxyModel *m_thread;
    QTableView *m_view;
    QLineEdit *m_reply;
    QTimer *m_refresh;
    QString m_newMessageFrom; ///< the latest sender since the last refresh
    QString m_threadPeer;
};
