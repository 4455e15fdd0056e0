// SPDX-License-Identifier: MIT
#pragma once

#include "common/contentdedup.h"
#include "common/deliveryledger.h"
#include "common/protocol.h"
#include "notificationmodel.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace Notify::Tray {

/// The app's local history in SQLite (Qt Sql), so it starts with yesterday's
/// state and resumes its stream where it stopped: the last 10,000
/// notifications with their read flags, orders and their transitions,
/// messages, and the event journal (the last event id and the ids already
/// delivered). Every change is written as it happens, in WAL mode, so a crash
/// loses nothing that was shown. It is the source's DeliveryStore.
class HistoryStore final : public Notify::DeliveryStore
{
public:
    explicit HistoryStore(QString path);
    ~HistoryStore() override;
    Q_DISABLE_COPY_MOVE(HistoryStore)

    /// The notifications kept: the newest (trimmed when opened and every 500
    /// writes, so up to 499 more for a while).
    static constexpr int MaxNotifications = 10'000;

    bool open(QString *error);

    /// Everything written while one is alive goes to disk in one SQLite
    /// transaction (a burst of events is one write, not one per event).
    class Transaction
    {
    public:
        explicit Transaction(HistoryStore &store);
        ~Transaction();
        Q_DISABLE_COPY_MOVE(Transaction)

    private:
        HistoryStore &m_store;
        bool m_outermost;
    };

    void saveNotifications(const QList<NotificationItem> &items);
    void saveNotification(const NotificationItem &item) { saveNotifications({ item }); }
    void markRead(const QStringList &ids);
    void markUnread(const QStringList &ids);
    /// Who handles them now (`notification_claimed`; released: nobody).
    void saveClaims(const QList<Notify::Protocol::NotificationClaimed> &claims);
    /// Announced again because nobody claimed them.
    void markEscalated(const QStringList &ids);
    void clearNotifications();
    [[nodiscard]] QList<NotificationItem> notifications() const;

    void saveOrders(const QList<Notify::Protocol::OrderStatus> &statuses);
    void saveOrder(const Notify::Protocol::OrderStatus &status) { saveOrders({ status }); }
    [[nodiscard]] QList<Notify::Protocol::OrderStatus> orderHistory() const; ///< oldest first

    void saveMessages(const QList<Notify::Protocol::Message> &messages);
    void saveMessage(const Notify::Protocol::Message &message) { saveMessages({ message }); }
    [[nodiscard]] QList<Notify::Protocol::Message> messages() const; ///< oldest first

    /// The journal: ids delivered (the last one is the resume position).
    void rememberEvents(const QByteArrayList &ids) override;
    void rememberEvent(const QByteArray &id) { rememberEvents({ id }); }
    /// Remembers @p ids as delivered, leaving the resume position alone.
    void rememberDelivered(const QByteArrayList &ids) override;
    void rememberDelivered(const QByteArray &id) { rememberDelivered(QByteArrayList{ id }); }
    void setLastEventId(const QByteArray &id) override;
    [[nodiscard]] QByteArrayList deliveredIds() const override;
    [[nodiscard]] QByteArray lastEventId() const override;

    /// What was delivered without an id, by its content key (ContentDedup),
    /// so that a restart alerts nothing twice; the last 10,000, oldest first.
    void rememberContentKeys(const QList<Notify::ContentDedup::Entry> &entries) override;
    void rememberContentKey(const Notify::ContentDedup::Entry &entry) { rememberContentKeys({ entry }); }
    [[nodiscard]] QList<Notify::ContentDedup::Entry> contentKeys() const override;

    /// What the server had when the app last knew (the list holds fewer):
    /// notifications in all, and unread ones where the server counts them.
    struct ServerCounts
    {
        qint64 notifications = 0;
        std::optional<qint64> unread;
    };
    void saveServerCounts(const ServerCounts &counts);
    [[nodiscard]] std::optional<ServerCounts> serverCounts() const;

    /// The outbox (Outbox): actions the server has not taken yet, oldest first.
    struct OutboxRow
    {
        qint64 id = 0;
        QString kind;
        QJsonObject payload;
    };
    /// Keeps an action; its id, or 0 when it could not be written.
    qint64 addToOutbox(const QString &kind, const QJsonObject &payload);
    void removeFromOutbox(qint64 id);
    [[nodiscard]] QList<OutboxRow> outbox() const;

    /// Where the history is kept by default: the platform's data directory.
    [[nodiscard]] static QString defaultPath();

private:
    bool exec(const QString &sql, QString *error = nullptr) const;
    void setState(const QString &key, const QString &value);
    [[nodiscard]] QString state(const QString &key) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    void trim();

    qint64 m_rememberedSinceTrim = 0;
    qint64 m_keysSinceTrim = 0;
    qint64 m_notificationsSinceTrim = 0;
    int m_transactionDepth = 0;
};

} // namespace Notify::Tray
