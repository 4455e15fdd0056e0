// SPDX-License-Identifier: MIT
#include "messagemodel.h"

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
            return QLocale().toString(m.sentAt.toLocalTime().time(), QLocale::ShortFormat);
        case FromColumn:
            return m.from == m_me ? tr("me") : m.from;
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

bool MessageModel::add(const Message &message)
{
    if (m_ids.contains(message.messageId))
        return false;
    m_ids.insert(message.messageId);
    beginInsertRows({}, int(m_messages.size()), int(m_messages.size()));
    m_messages.append(message);
    endInsertRows();
    emit messageAdded(peerOf(message));
    return true;
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
