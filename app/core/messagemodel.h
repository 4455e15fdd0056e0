// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <functional>

namespace Notify::Tray {

/// Messages to and from the user. Conversations are the messages with one
/// colleague: see conversationPartners() and a filter on PeerRole.
class MessageModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, FromColumn, BodyColumn, ColumnCount };
    enum Role {
        PeerRole = Qt::UserRole + 1,
        MessageIdRole,
        SentRole,
        PendingRole, ///< not taken by the server yet: what is happening to it ("Sending…")
    };

    explicit MessageModel(QObject *parent = nullptr);

    /// Whose messages these are: decides who the other party is.
    void setMe(const QString &user) { m_me = user; }
    [[nodiscard]] QString me() const { return m_me; }
    /// How a user is shown (their display name); by default the user name.
    void setNameLookup(std::function<QString(const QString &)> names) { m_names = std::move(names); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Adds a message; false when it was already there (a replay). A live
    /// one from someone else is @p unread until its conversation is read.
    bool add(const Notify::Protocol::Message &message, bool unread = false);
    /// One of mine on its way (the outbox's @p localId): shown in its
    /// conversation at once, saying "Sending…" until the server took it.
    void addPending(const QString &localId, const QString &to, const QString &body);
    /// What is happening to a pending one ("Not sent yet: …").
    void setPendingState(const QString &localId, const QString &state);
    /// The server took it as @p messageId (whose event may be here already).
    void resolvePending(const QString &localId, const QString &messageId);
    /// It will not be sent: gone from the conversation.
    void removePending(const QString &localId);

    /// Unread messages in the conversation with @p peer (all: empty).
    [[nodiscard]] int unreadCount(const QString &peer = {}) const;
    void markConversationRead(const QString &peer);
    [[nodiscard]] QString peerOf(const Notify::Protocol::Message &message) const;
    /// Colleagues with a conversation, most recent first.
    [[nodiscard]] QStringList conversationPartners() const;
    [[nodiscard]] const QList<Notify::Protocol::Message> &messages() const { return m_messages; }

signals:
    void messageAdded(const QString &peer);
    void unreadChanged();

private:
    QString m_me;
    std::function<QString(const QString &)> m_names;
    QList<Notify::Protocol::Message> m_messages;
    QSet<QString> m_ids;
    QHash<QString, QString> m_pending; ///< local id -> what is happening to it
    [[nodiscard]] int rowOf(const QString &messageId) const;
    QHash<QString, int> m_unread; ///< peer -> unread messages
};

} // namespace Notify::Tray
