// SPDX-License-Identifier: MIT
//
// What trimming the notifications lists costs (--max-notifications,
// --notification-days): a store holding --rows notifications spread over
// --users users (each over the limit by the same share) and some broadcasts,
// a quarter of them read, then one whole trim, in the server's steps of 2,000
// rows.
//
//   bench_retention [--rows 1000000] [--users 100] [--limit 9000] [--redis redis://127.0.0.1:6379/15]
//
// Printed: how long filling took; the trim's total time, its number of steps
// and its longest step (how long the store, and the hub with it, was held);
// a user's list (the newest 100) and counts before and after, medians of 21
// (the counts once computed, then as kept until something changes).

#include "redis/redisconnection.h"
#include "redis/rediseventstore.h"
#include "store/sqliteeventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Notify::Server;

namespace {

double medianMs(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return ns.isEmpty() ? 0 : double(ns.at(ns.size() / 2)) / 1e6;
}

void lists(EventStore &store, const char *when)
{
    QList<qint64> list, counts;
    QElapsedTimer first;
    first.start();
    (void)store.notificationCounts(QStringLiteral("user-7")); // computed: nothing changed since is kept
    const qint64 computed = first.nsecsElapsed();
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer t;
        t.start();
        (void)store.notifications(QStringLiteral("user-7"), false, 100);
        list << t.nsecsElapsed();
        t.start();
        (void)store.notificationCounts(QStringLiteral("user-7"));
        counts << t.nsecsElapsed();
    }
    const NotificationCounts c = store.notificationCounts(QStringLiteral("user-7"));
    printf("%s: a user's list of 100 %.2f ms, its counts %.2f ms computed and %.2f ms kept (%lld listed, %lld "
           "unread)\n",
           when, medianMs(list), double(computed) / 1e6, medianMs(counts), c.total, c.unread);
}

// Redis's memory for the notifications (their keys and read state): all it
// uses, less the events stream and what it used empty.
qint64 redisNotificationBytes(RedisEventStore &redis, qint64 empty)
{
    qint64 used = 0;
    if (const auto info = redis.run({ "INFO", "memory" })) {
        for (const QByteArray &line : info->string.split('\n')) {
            if (line.startsWith("used_memory:"))
                used = line.mid(12).trimmed().toLongLong();
        }
    }
    qint64 events = 0;
    if (const auto usage = redis.run({ "MEMORY", "USAGE", redis.key("events"), "SAMPLES", "0" }))
        events = usage->toInteger();
    return used - events - empty;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOption({ QStringLiteral("rows"), QStringLiteral("Notifications in the store."), QStringLiteral("N"),
                    QStringLiteral("1000000") });
    cli.addOption(
        { QStringLiteral("users"), QStringLiteral("Users they go to."), QStringLiteral("N"), QStringLiteral("100") });
    cli.addOption({ QStringLiteral("limit"), QStringLiteral("--max-notifications."), QStringLiteral("N"),
                    QStringLiteral("9000") });
    cli.addOption({ QStringLiteral("redis"),
                    QStringLiteral("A Redis to fill instead of SQLite (its keys are "
                                   "under the prefix bench-retention:)."),
                    QStringLiteral("URL") });
    cli.process(app);
    const qint64 rows = cli.value(QStringLiteral("rows")).toLongLong();
    const int users = cli.value(QStringLiteral("users")).toInt();
    const qint64 limit = cli.value(QStringLiteral("limit")).toLongLong();

    QTemporaryDir dir;
    std::unique_ptr<EventStore> store;
    RedisEventStore *redisStore = nullptr;
    qint64 redisEmpty = 0;
    if (cli.isSet(QStringLiteral("redis"))) {
        QString error;
        auto address = RedisAddress::parse(cli.value(QStringLiteral("redis")), &error);
        if (!address) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        auto redis = std::make_unique<RedisEventStore>(*address, "bench-retention:", rows);
        if (!redis->open(&error)) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        redis->run(
            { "EVAL", "for _, k in ipairs(redis.call('KEYS', 'bench-retention:*')) do redis.call('DEL', k) end", "0" });
        redisEmpty = redisNotificationBytes(*redis, 0);
        redisStore = redis.get();
        store = std::move(redis);
    } else {
        store = std::make_unique<SqliteEventStore>(dir.filePath(QStringLiteral("events.sqlite")));
    }
    QString error;
    if (!store->open(&error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    store->setNotificationLimit(0); // filled past the limit first

    QElapsedTimer fill;
    fill.start();
    const QByteArray body
        = R"(,"title":"Low stock for SKU 4711","body":"Reorder soon","level":"info","category":"stock"})";
    for (qint64 i = 0; i < rows; ++i) {
        StoredEvent e;
        e.type = "notification";
        e.data = R"({"notification_id":"n)" + QByteArray::number(i) + '"' + body;
        if (i % 50 != 0) // one in fifty to everybody
            e.audience = { QStringLiteral("user-%1").arg(i % users) };
        e.createdMs = 1'000'000 + i;
        if (!store->append(e, &error)) {
            fprintf(stderr, "append: %s\n", qPrintable(error));
            return 1;
        }
        if ((i / users) % 4 == 1) // a quarter of each user's read: what the trim must clear with them
            store->markRead(QStringLiteral("user-%1").arg(i % users), QStringLiteral("n%1").arg(i));
    }
    printf("%s: %lld notifications for %d users (2 %% broadcasts, a quarter read) stored in %.1f s\n",
           cli.isSet(QStringLiteral("redis")) ? "Redis" : "SQLite", rows, users, double(fill.elapsed()) / 1000);
    if (redisStore != nullptr)
        printf("Redis memory for them: %.1f MB, %lld bytes a notification\n",
               double(redisNotificationBytes(*redisStore, redisEmpty)) / 1e6,
               redisNotificationBytes(*redisStore, redisEmpty) / rows);
    store->setNotificationLimit(limit);
    lists(*store, "before the trim (the list already the newest only)");

    QElapsedTimer trim;
    trim.start();
    QList<qint64> steps;
    for (bool more = true; more;) {
        QElapsedTimer step;
        step.start();
        more = store->trimNotifications(0, 0, 2'000);
        steps << step.nsecsElapsed();
    }
    const auto longest = std::max_element(steps.cbegin(), steps.cend());
    printf("trim to %lld a user: %.2f s in all, %lld steps of at most 2,000 rows, median %.1f ms, the longest %.1f ms "
           "(step %lld)\n",
           limit, double(trim.nsecsElapsed()) / 1e9, qlonglong(steps.size()), medianMs(steps), double(*longest) / 1e6,
           qlonglong(longest - steps.cbegin()) + 1);
    lists(*store, "after");
    if (redisStore != nullptr) {
        const auto left = redisStore->run({ "EVAL",
                                            "local n = redis.call('ZCARD', 'bench-retention:n:all') "
                                            "for _, o in ipairs(redis.call('SMEMBERS', 'bench-retention:n:owners')) do "
                                            "n = n + redis.call('ZCARD', 'bench-retention:n:u:' .. o) end return n",
                                            "0" });
        printf("Redis memory after: %.1f MB for the %lld notifications kept\n",
               double(redisNotificationBytes(*redisStore, redisEmpty)) / 1e6, left ? left->toInteger() : -1);
    }
    // A second trim with nothing to do: what every minute costs afterwards.
    QElapsedTimer idle;
    idle.start();
    while (store->trimNotifications(0, 0, 2'000)) { }
    printf("a trim with nothing to do: %.1f ms\n", double(idle.nsecsElapsed()) / 1e6);
    return 0;
}
