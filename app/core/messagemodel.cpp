// SPDX-License-Identifier: MIT
#include "messagemodel.h"

#include "displaytext.h"

#include <QLocale>

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
            return DisplayText::eventTime(m.sentAt, QDateTime::currentDateTimeUtc());
        case FromColumn:
            return m.from == m_me ? tr("me") : (m_names ? m_names(m.from) : m.from);
        case BodyColumn:
            return m.body;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == BodyColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter)) : QVariant();
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
