// SPDX-License-Identifier: MIT
#include "messagemodel.h"

#include "displaytext.h"

#include <QFont>
#include <QLocale>

namespace Notify::Tray {

using namespace Notify::Protocol;

MessageModel::MessageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageModel::peerOf(const Message &message) const
{
    return message.from == m_me ? message.to : message.from;
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const Message &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            if (const auto pending = m_pending.constFind(m.messageId); pending != m_pending.constEnd())
                return *pending;
            return DisplayText::eventTime(m.sentAt, QDateTime::currentDateTimeUtc());
        case FromColumn:
            return m.from == m_me ? tr("me") : (m_names ? m_names(m.from) : m.from);
        case BodyColumn:
            return m.body;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == BodyColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter)) : QVariant();
    case Qt::FontRole:
        if (m_pending.contains(m.messageId)) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
    case PendingRole:
        return m_pending.value(m.messageId);
    case PeerRole:
        return peerOf(m);
    case MessageIdRole:
        return m.messageId;
    case SentRole:
        return m.sentAt;
    default:
        return {};
    }
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case FromColumn:
        return tr("From");
    case BodyColumn:
        return tr("Message");
    }
    return {};
}

bool MessageModel::add(const Message &message, bool unread)
{
    if (m_ids.contains(message.messageId))
        return false;
    m_ids.insert(message.messageId);
    beginInsertRows({}, int(m_messages.size()), int(m_messages.size()));
    m_messages.append(message);
    endInsertRows();
    if (unread && message.from != m_me) {
        ++m_unread[peerOf(message)];
        emit unreadChanged();
    }
    emit messageAdded(peerOf(message));
    return true;
}

int MessageModel::rowOf(const QString &messageId) const
{
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row) { // pending ones are recent
        if (m_messages.at(row).messageId == messageId)
            return int(row);
    }
    return -1;
}

void MessageModel::addPending(const QString &localId, const QString &to, const QString &body)
{
    Message m;
    m.messageId = localId;
    m.from = m_me;
    m.to = to;
    m.body = body;
    m.sentAt = QDateTime::currentDateTimeUtc();
    m_pending.insert(localId, tr("Sending…"));
    add(m);
}

void MessageModel::setPendingState(const QString &localId, const QString &state)
{
    const int row = rowOf(localId);
    if (row < 0 || !m_pending.contains(localId))
        return;
    m_pending.insert(localId, state);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageModel::resolvePending(const QString &localId, const QString &messageId)
{
    const int row = rowOf(localId);
    if (row < 0 || !m_pending.remove(localId))
        return;
    if (messageId.isEmpty()) { // a backend that names none: ours, sent, under our own id
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (m_ids.contains(messageId)) { // its event came first: that one stays
        removePending(localId);
        return;
    }
    m_ids.remove(localId);
    m_ids.insert(messageId);
    m_messages[row].messageId = messageId;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageModel::removePending(const QString &localId)
{
    const int row = rowOf(localId);
    m_pending.remove(localId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.remove(localId);
    m_messages.removeAt(row);
    endRemoveRows();
}

int MessageModel::unreadCount(const QString &peer) const
{
    if (!peer.isEmpty())
        return m_unread.value(peer);
    int total = 0;
    for (const int n : m_unread)
        total += n;
    return total;
}

void MessageModel::markConversationRead(const QString &peer)
{
    if (m_unread.remove(peer) > 0)
        emit unreadChanged();
}

QStringList MessageModel::conversationPartners() const
{
    QStringList partners;
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        const QString peer = peerOf(*it);
        if (!partners.contains(peer))
            partners << peer;
    }
    return partners;
}

} // namespace Notify::Tray
