// SPDX-License-Identifier: MIT
// The local history in SQLite: batches in one transaction, the newest
// 10,000 notifications kept, read flags both ways, the journal, orders
// with statuses the contract does not list.

#include "core/historystore.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Notify::Tray;

namespace {

NotificationItem item(int n, qint64 baseMs)
{
    NotificationItem i;
    i.id = QStringLiteral("n%1").arg(n);
    i.title = QStringLiteral("Title %1").arg(n);
    i.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, QTimeZone::utc());
    return i;
}

} // namespace

class tst_HistoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheNewestNotifications();
    void readFlagsAndTransactions();
    void serverCountsAndTheOutbox();
    void ordersOfABackendsOwnStatuses();
};

void tst_HistoryStore::keepsTheNewestNotifications()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 86'400'000;
    const int total = HistoryStore::MaxNotifications + 1'200;
    {
        HistoryStore history(path);
        QString error;
        QVERIFY2(history.open(&error), qPrintable(error));
        // In batches as the session writes them; oldest first here, but the
        // order of writing does not matter: the newest by time are kept.
        QList<NotificationItem> batch;
        for (int n = total - 1; n >= 0; --n) {
            batch << item(n, base);
            if (batch.size() == 500) {
                const HistoryStore::Transaction transaction(history);
                history.saveNotifications(batch);
                batch.clear();
            }
        }
        const HistoryStore::Transaction transaction(history);
        history.saveNotifications(batch);
    }
    HistoryStore history(path);
    QString error;
    QVERIFY(history.open(&error));
    const QList<NotificationItem> kept = history.notifications();
    QCOMPARE(kept.size(), HistoryStore::MaxNotifications);
    QSet<QString> ids;
    for (const NotificationItem &i : kept)
        ids.insert(i.id);
    QVERIFY(ids.contains(QStringLiteral("n%1").arg(total - 1))); // the newest
    QVERIFY(ids.contains(QStringLiteral("n%1").arg(total - HistoryStore::MaxNotifications)));
    QVERIFY(!ids.contains(QStringLiteral("n%1").arg(total - HistoryStore::MaxNotifications - 1)));
    QVERIFY(!ids.contains(QStringLiteral("n0")));
}

void tst_HistoryStore::readFlagsAndTransactions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const qint64 base = QDateTime::currentMSecsSinceEpoch();
    {
        HistoryStore history(path);
        QString error;
        QVERIFY(history.open(&error));
        {
            // One transaction for a whole batch, nested ones join it.
            const HistoryStore::Transaction outer(history);
            history.saveNotifications({ item(1, base), item(2, base), item(3, base) });
            const HistoryStore::Transaction inner(history);
            history.rememberEvents({ "e1", "e2", "e3" });
        }
        history.markRead({ QStringLiteral("n1"), QStringLiteral("n2") });
        history.markUnread({ QStringLiteral("n2") });
        // A replay of a read one as unread keeps it read.
        history.saveNotification(item(1, base));
    }
    HistoryStore history(path);
    QString error;
    QVERIFY(history.open(&error));
    QHash<QString, bool> read;
    for (const NotificationItem &i : history.notifications())
        read.insert(i.id, i.read);
    QCOMPARE(read.value(QStringLiteral("n1")), true);
    QCOMPARE(read.value(QStringLiteral("n2")), false);
    QCOMPARE(read.value(QStringLiteral("n3")), false);
    QCOMPARE(history.lastEventId(), QByteArray("e3"));
    QCOMPARE(history.deliveredIds(), (QByteArrayList{ "e1", "e2", "e3" }));
}

void tst_HistoryStore::serverCountsAndTheOutbox()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    qint64 second = 0;
    {
        HistoryStore history(path);
        QString error;
        QVERIFY(history.open(&error));
        QVERIFY(!history.serverCounts()); // never known
        history.saveServerCounts({ 20'008, 20'008 });
        QVERIFY(history.addToOutbox(QStringLiteral("read"), QJsonObject{ { QStringLiteral("notification_id"), 1 } })
                > 0);
        second = history.addToOutbox(QStringLiteral("reply"),
                                     QJsonObject{ { QStringLiteral("to"), QStringLiteral("bob") } });
        QVERIFY(second > 0);
    }
    HistoryStore history(path);
    QString error;
    QVERIFY(history.open(&error));
    QCOMPARE(history.serverCounts()->notifications, 20'008);
    QCOMPARE(history.serverCounts()->unread, 20'008);
    history.saveServerCounts({ 500, std::nullopt }); // a server that does not count unread ones
    QCOMPARE(history.serverCounts()->unread, std::nullopt);
    const auto outbox = history.outbox();
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(outbox.at(0).kind, QStringLiteral("read")); // oldest first
    QCOMPARE(outbox.at(1).payload.value(u"to").toString(), QStringLiteral("bob"));
    history.removeFromOutbox(second);
    QCOMPARE(history.outbox().size(), 1);
}

void tst_HistoryStore::ordersOfABackendsOwnStatuses()
{
    // A backend's own statuses ("on_hold") are shown as they came, so they
    // must come back after a restart too (fuzz_eventinterpreter found the
    // history dropping them: it read them back with the contract's reader).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'764'000'000'000, QTimeZone::utc());
    Notify::Protocol::OrderStatus listed;
    listed.orderId = QStringLiteral("A-1");
    listed.status = Notify::Protocol::OrderState::Shipped;
    listed.previousStatus = Notify::Protocol::OrderState::Confirmed;
    listed.updatedAt = at;
    Notify::Protocol::OrderStatus own;
    own.orderId = QStringLiteral("B-2");
    own.unlistedStatus = QStringLiteral("on_hold");
    own.unlistedPreviousStatus = QStringLiteral("awaiting stock");
    own.note = QStringLiteral("supplier late");
    own.updatedAt = at;
    {
        HistoryStore history(path);
        QString error;
        QVERIFY2(history.open(&error), qPrintable(error));
        history.saveOrders({ listed, own });
    }
    HistoryStore history(path);
    QString error;
    QVERIFY(history.open(&error));
    const auto orders = history.orderHistory();
    QCOMPARE(orders.size(), 2);
    QCOMPARE(orders.at(0).orderId, u"A-1");
    QCOMPARE(orders.at(0).statusName(), u"shipped");
    QCOMPARE(orders.at(0).previousStatusName(), u"confirmed");
    QVERIFY(orders.at(0).unlistedStatus.isEmpty());
    QCOMPARE(orders.at(1).orderId, u"B-2");
    QCOMPARE(orders.at(1).statusName(), u"on_hold");
    QCOMPARE(orders.at(1).previousStatusName(), u"awaiting stock");
    QCOMPARE(orders.at(1).note, u"supplier late");
    QCOMPARE(orders.at(1).updatedAt, at);
    // What the contract's reader refuses stays refused there.
    QVERIFY(!Notify::Protocol::OrderStatus::fromJson(own.toJson()));
}

QTEST_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
