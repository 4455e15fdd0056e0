// SPDX-License-Identifier: MIT
#include "messagespage.h"

#include "columnwidths.h"
#include "core/desktopsession.h"
#include "core/messagemodel.h"
#include "core/presencemodel.h"
#include "emptystate.h"
#include "inlinenotice.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Notify::Tray {

namespace {
const QString NoPeer = QStringLiteral("\x01none");
} // namespace

MessagesPage::MessagesPage(DesktopSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_conversations(new QListWidget)
    , m_thread(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_reply(new QLineEdit)
    , m_notice(new InlineNotice)
    , m_refresh(new QTimer(this))
{
    m_conversations->setAccessibleName(tr("Conversations"));
    m_conversations->setAccessibleDescription(tr("Colleagues you write with, those with unread messages marked"));
    m_thread->setSourceModel(session->messages());
    m_thread->setFilterRole(MessageModel::PeerRole);
    m_thread->setFilterFixedString(NoPeer);
    m_view->setModel(m_thread);
    m_view->setAccessibleName(tr("Messages of the conversation"));
    m_view->setAccessibleDescription(tr("The messages with the selected colleague, oldest first"));
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->setWordWrap(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setSectionResizeMode(MessageModel::BodyColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_view->font());
    m_view->horizontalHeader()->setSectionResizeMode(MessageModel::TimeColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(MessageModel::TimeColumn, ColumnWidths::eventTime(metrics));
    m_view->horizontalHeader()->setSectionResizeMode(MessageModel::FromColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(MessageModel::FromColumn, ColumnWidths::characters(metrics, 16));
    new EmptyState(m_view, [this] {
        return currentPeer().isEmpty() ? tr("Choose a colleague on the left to read and write messages.")
                                       : tr("No messages with %1 yet. Write the first one below.")
                                             .arg(m_session->presence()->displayName(currentPeer()));
    });
    new EmptyState(m_conversations, [] { return tr("No colleagues to write to yet."); });
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setAccessibleDescription(tr("Sends the message to the selected colleague when you press Enter"));
    auto *replyLabel = new QLabel(tr("&Reply:"));
    replyLabel->setBuddy(m_reply);

    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(replyLabel);
    layout->addWidget(m_reply);
    layout->addWidget(m_notice);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_conversations);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(split);
    setTabOrder(m_conversations, m_view);
    setTabOrder(m_view, m_reply);

    m_refresh->setSingleShot(true);
    connect(m_refresh, &QTimer::timeout, this, &MessagesPage::refresh);
    connect(session->messages(), &MessageModel::messageAdded, this, [this](const QString &peer) {
        m_newMessageFrom = peer;
        scheduleRebuild();
    });
    connect(session->messages(), &MessageModel::unreadChanged, this, &MessagesPage::scheduleRebuild);
    connect(session->presence(), &QAbstractItemModel::modelReset, this, &MessagesPage::scheduleRebuild);
    connect(session->presence(), &QAbstractItemModel::rowsInserted, this, &MessagesPage::scheduleRebuild);
    connect(m_conversations, &QListWidget::currentItemChanged, this, [this] {
        showThread(currentPeer());
        m_view->scrollToBottom();
        markShownRead();
    });
    connect(m_reply, &QLineEdit::returnPressed, this, [this] {
        const QString to = currentPeer();
        const QString text = m_reply->text().trimmed();
        if (to.isEmpty() || text.isEmpty())
            return;
        // It shows in the thread at once; what the server refuses comes back here.
        m_notice->hide();
        m_reply->clear();
        m_session->sendMessage(to, text);
    });
    connect(session->actions(), &RestActions::replyRefused, this,
            [this](const QString &to, const QString &body, const QString &message) {
                selectPeer(to);
                if (m_reply->text().trimmed().isEmpty())
                    m_reply->setText(body); // what they wrote is not lost
                m_notice->say(message);
            });
    connect(session->actions(), &RestActions::waiting, this,
            [this](RestActions::Action action, const QString &message) {
                if (action == RestActions::Action::Reply)
                    m_notice->say(message);
            });
    connect(session->actions(), &RestActions::offersChanged, this, &MessagesPage::updateReplyBox);
    rebuild();
    updateReplyBox();
}

void MessagesPage::updateReplyBox()
{
    // A backend without messages: the box says so instead of swallowing what is typed.
    const RestActions *actions = m_session->actions();
    const bool offered = actions->offers(RestActions::Action::Reply);
    m_reply->setEnabled(offered);
    m_reply->setToolTip(actions->missingReason(RestActions::Action::Reply));
    m_reply->setPlaceholderText(offered ? tr("Write a message and press Enter")
                                        : actions->missingReason(RestActions::Action::Reply));
}

bool MessagesPage::event(QEvent *event)
{
    // A window's activation reaches its visible children as these two (not as ActivationChange).
    const bool result = QWidget::event(event);
    if (event->type() == QEvent::WindowActivate || event->type() == QEvent::WindowDeactivate)
        markShownRead();
    return result;
}

QString MessagesPage::currentPeer() const
{
    const QListWidgetItem *item = m_conversations->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MessagesPage::selectPeer(const QString &peer)
{
    for (int row = 0; row < m_conversations->count(); ++row) {
        if (m_conversations->item(row)->data(Qt::UserRole).toString() == peer) {
            m_conversations->setCurrentRow(row);
            return;
        }
    }
}

void MessagesPage::rebuild()
{
    const QString current = currentPeer();
    MessageModel *messages = m_session->messages();
    const QString me = m_session->settings().user;
    // Conversations newest first, then colleagues without one, by name; never oneself.
    QStringList peers = messages->conversationPartners();
    peers.removeAll(me);
    QStringList others;
    for (int row = 0; row < m_session->presence()->rowCount(); ++row) {
        const QString user = m_session->presence()->index(row).data(PresenceModel::UserRole).toString();
        if (user != me && !peers.contains(user))
            others << user;
    }
    std::sort(others.begin(), others.end(), [this](const QString &a, const QString &b) {
        return QString::localeAwareCompare(m_session->presence()->displayName(a), m_session->presence()->displayName(b))
            < 0;
    });
    peers << others;
    const QSignalBlocker block(m_conversations);
    m_conversations->clear();
    for (const QString &peer : std::as_const(peers)) {
        const int unread = messages->unreadCount(peer);
        const QString name = m_session->presence()->displayName(peer);
        auto *item = new QListWidgetItem(unread > 0 ? tr("● %1 (%2)").arg(name).arg(unread) : name);
        item->setData(Qt::UserRole, peer);
        item->setData(Qt::AccessibleTextRole, unread > 0 ? tr("%1, %n unread", nullptr, unread).arg(name) : name);
        if (unread > 0) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        m_conversations->addItem(item);
    }
    // Keep the conversation the user is in; else the most recent one.
    selectPeer(current.isEmpty() ? peers.value(0) : current);
    if (!m_conversations->currentItem() && m_conversations->count() > 0)
        m_conversations->setCurrentRow(0);
    showThread(currentPeer());
}

void MessagesPage::scheduleRebuild()
{
    m_refresh->start(0);
}

void MessagesPage::refresh()
{
    rebuild();
    const QString peer = std::exchange(m_newMessageFrom, {});
    if (peer.isEmpty())
        return;
    // A new message brings its conversation forward, unless the user is writing in another.
    if (peer != currentPeer() && m_reply->text().trimmed().isEmpty())
        selectPeer(peer);
    m_view->scrollToBottom();
    markShownRead();
}

void MessagesPage::showThread(const QString &peer)
{
    if (peer == m_threadPeer && !peer.isEmpty())
        return; // the proxy takes new messages in by itself
    m_threadPeer = peer;
    m_thread->setFilterFixedString(peer.isEmpty() ? NoPeer : peer);
}

void MessagesPage::markShownRead()
{
    // Read when it is in front of the user: this tab shown, the window the active one.
    if (isVisible() && window()->isActiveWindow() && !currentPeer().isEmpty()
        && m_session->messages()->unreadCount(currentPeer()) > 0)
        m_session->messages()->markConversationRead(currentPeer());
}

void MessagesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markShownRead();
}

} // namespace Notify::Tray
