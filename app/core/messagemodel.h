// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QAbstractTableModel>
#include <QSet>

/// Messages to and from the user. Conversations are the messages with one
/// colleague: see conversationPartners() and a filter on PeerRole.
class MessageModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, FromColumn, BodyColumn, ColumnCount };
    enum Role { PeerRole = Qt::UserRole + 1, MessageIdRole, SentRole };

    explicit MessageModel(QObject *parent = nullptr);

    /// Whose messages these are: decides who the other party is.
    void setMe(const QString &user) { m_me = user; }
    [[nodiscard]] QString me() const { return m_me; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Adds a message; false when it was already there (a replay).
    bool add(const Notify::Protocol::Message &message);
    [[nodiscard]] QString peerOf(const Notify::Protocol::Message &message) const;
    /// Colleagues with a conversation, most recent first.
    [[nodiscard]] QStringList conversationPartners() const;
    [[nodiscard]] const QList<Notify::Protocol::Message> &messages() const { return m_messages; }

signals:
    void messageAdded(const QString &peer);

private:
    QString m_me;
    QList<Notify::Protocol::Message> m_messages;
    QSet<QString> m_ids;
};
