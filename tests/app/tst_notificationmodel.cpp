// SPDX-License-Identifier: MIT
#include "core/displaytext.h"
#include "core/notificationfiltermodel.h"
#include "core/notificationmodel.h"
#include "core/ordermodel.h"

#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace Notify::Tray;

using namespace Notify::Protocol;

namespace {

NotificationItem item(const QString &id, int minutesAgo, Level level = Level::Info, const QString &category = {},
                      bool read = false)
{
    NotificationItem n;
    n.id = id;
    n.title = QStringLiteral("Title ") + id;
    n.body = QStringLiteral("Body of ") + id;
    n.category = category;
    n.level = level;
    n.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    n.eventId = "e-" + id.toUtf8();
    n.read = read;
    return n;
}

OrderStatus order(const char *id, OrderState state, int minutesAgo, const char *note = "")
{
    OrderStatus o;
    o.orderId = QString::fromLatin1(id);
    o.status = state;
    o.note = QString::fromLatin1(note);
    static const QDateTime base = QDateTime::currentDateTimeUtc(); // the same "now" for every call
    o.updatedAt = base.addSecs(-60 * minutesAgo);
    return o;
}

} // namespace

class tst_NotificationModel final : public QObject
{
    Q_OBJECT

private slots:
    void insertUpdateAndUnreadCount();
    void readsFromElsewhere();
    void newestFirstAndFilters();
    void capacityDropsTheOldest();
    void aRowTakingARepeatMovesWithItsSelection();
    void relativeTimes();
    void orderTransitionsAndHistory();
    void snapshotBeforeTheStreamKeepsOneTimeline();
};

void tst_NotificationModel::insertUpdateAndUnreadCount()
{
    NotificationModel model;
    QSignalSpy unread(&model, &NotificationModel::unreadCountChanged);
    model.upsert(item(QStringLiteral("a"), 5));
    model.upsert(item(QStringLiteral("b"), 1));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.unreadCount(), 2);
    QCOMPARE(unread.last().first().toInt(), 2);
    // The same id again updates the row, it does not add one.
    NotificationItem changed = item(QStringLiteral("a"), 5);
    changed.title = QStringLiteral("Updated");
    model.upsert(changed);
    QCOMPARE(model.rowCount(), 2);
    const int a = *model.rowOf(QStringLiteral("a"));
    QCOMPARE(a, 1); // newest first: "b" came a minute ago, "a" five
    QCOMPARE(model.index(a, NotificationModel::TitleColumn).data().toString(), QStringLiteral("Updated"));
    // Unread rows are bold, read ones are not.
    QVERIFY(model.index(a, 0).data(Qt::FontRole).value<QFont>().bold());
    model.markRead({ QStringLiteral("a") });
    QVERIFY(!model.index(a, 0).data(Qt::FontRole).isValid());
    QCOMPARE(model.unreadCount(), 1);
    // A read item re-sent as unread (a replay) stays read.
    model.upsert(item(QStringLiteral("a"), 5));
    QCOMPARE(model.unreadCount(), 1);
    QVERIFY(!model.index(a, NotificationModel::LevelColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(a, NotificationModel::LevelColumn).data().toString(), QStringLiteral("Information"));
}

void tst_NotificationModel::readsFromElsewhere()
{
    NotificationModel model;
    for (const char *id : { "1", "2", "3" })
        model.upsert(item(QString::fromLatin1(id), 1));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.markRead({ QStringLiteral("2"), QStringLiteral("unknown") });
    QCOMPARE(changed.size(), 1);
    QStringList unreadIds = model.unreadIds();
    unreadIds.sort();
    QCOMPARE(unreadIds, (QStringList{ QStringLiteral("1"), QStringLiteral("3") }));
    model.markRead(model.unreadIds());
    QCOMPARE(model.unreadCount(), 0);
}

void tst_NotificationModel::newestFirstAndFilters()
{
    NotificationModel model;
    model.upsert(item(QStringLiteral("old"), 90, Level::Error, QStringLiteral("billing")));
    model.upsert(item(QStringLiteral("new"), 1, Level::Info, QStringLiteral("orders")));
    model.upsert(item(QStringLiteral("mid"), 30, Level::Warning, QStringLiteral("orders"), true));
    NotificationFilterModel filter;
    filter.setSourceModel(&model);
    const auto ids = [&filter] {
        QStringList out;
        for (int row = 0; row < filter.rowCount(); ++row)
            out << filter.index(row, 0).data(NotificationModel::IdRole).toString();
        return out;
    };
    QCOMPARE(ids(), (QStringList{ QStringLiteral("new"), QStringLiteral("mid"), QStringLiteral("old") }));
    filter.setLevel(int(Level::Error));
    QCOMPARE(ids(), QStringList{ QStringLiteral("old") });
    filter.setLevel(-1);
    filter.setCategory(QStringLiteral("orders"));
    QCOMPARE(ids(), (QStringList{ QStringLiteral("new"), QStringLiteral("mid") }));
    filter.setUnreadOnly(true);
    QCOMPARE(ids(), QStringList{ QStringLiteral("new") });
    filter.setUnreadOnly(false);
    filter.setCategory({});
    filter.setSearchText(QStringLiteral("body of MID"));
    QCOMPARE(ids(), QStringList{ QStringLiteral("mid") });
    filter.setSearchText({});
    // A new arrival sorts in at the top.
    model.upsert(item(QStringLiteral("newest"), 0));
    QCOMPARE(ids().first(), QStringLiteral("newest"));
}

void tst_NotificationModel::capacityDropsTheOldest()
{
    NotificationModel model(nullptr, 100);
    for (int i = 0; i < 150; ++i)
        model.upsert(item(QString::number(i), 1000 - i)); // i = 0 is the oldest
    QCOMPARE(model.rowCount(), 100);
    QStringList ids;
    for (const NotificationItem &n : model.items())
        ids << n.id;
    QVERIFY(!ids.contains(QStringLiteral("49")));
    QVERIFY(ids.contains(QStringLiteral("50")));
    QVERIFY(ids.contains(QStringLiteral("149")));
    // The server still has the 50 that went: they count, beyond the list.
    QCOMPARE(model.loadedUnreadCount(), 100);
    QCOMPARE(model.unreadCount(), 150);
    QCOMPARE(model.notificationsBeyond(), 50);
    QVERIFY(model.unreadCountExact());
    // Loaded again on request (Load older), they stay, and nothing is counted twice.
    QList<NotificationItem> older;
    for (int i = 0; i < 50; ++i)
        older << item(QString::number(i), 1000 - i);
    QCOMPARE(model.applyOlder(older), 50);
    QCOMPARE(model.rowCount(), 150);
    QCOMPARE(model.notificationsBeyond(), 0);
    QCOMPARE(model.unreadCount(), 150);
    QCOMPARE(model.loadedUnreadCount(), 150);
    QCOMPARE(model.applyOlder(older), 0); // the same again: nothing new
    // A server that counts more than it lists, without unread counts: the count is a floor.
    model.setBeyond(20, std::nullopt);
    QVERIFY(!model.unreadCountExact());
    QCOMPARE(model.unreadCount(), 150);
    model.setBeyond(20, 7);
    QCOMPARE(model.unreadCount(), 157);
    // One older than every row, come by the stream (a snapshot counted it, a
    // stream brings it after): one of those beyond, not one more.
    model.setCapacity(200); // room for it (at the capacity it would go beyond again at once)
    NotificationItem old = item(QStringLiteral("old"), 5000);
    model.upsert(old);
    QCOMPARE(model.notificationsBeyond(), 19);
    QCOMPARE(model.unreadCount(), 157);
    model.upsert(item(QStringLiteral("new"), 0)); // a new one is one more
    QCOMPARE(model.notificationsBeyond(), 19);
    QCOMPARE(model.unreadCount(), 158);
    QCOMPARE(NotificationModel::DefaultCapacity, 10'000);
}

void tst_NotificationModel::aRowTakingARepeatMovesWithItsSelection()
{
    // A repeat joins its row ("×2"), which moves up to the top: a view's
    // selection and the detail pane (persistent indexes) go with it, in a
    // batch of a few (row moves) as in a big one (one layout change).
    for (const int repeats : { 1, 3, 20 }) {
        NotificationModel model;
        QList<NotificationItem> start;
        for (int i = 0; i < 30; ++i)
            start << item(QStringLiteral("n%1").arg(i), 30 - i); // n29 newest
        model.apply(start);
        const QPersistentModelIndex selected = model.index(*model.rowOf(QStringLiteral("n10")), 0);
        const QPersistentModelIndex other = model.index(*model.rowOf(QStringLiteral("n20")), 0);
        QList<int> others; // rows other than n10 (the selected) and n20 (another held one)
        for (int i = 0; i < 30; ++i) {
            if (i != 10 && i != 20)
                others << i;
        }
        QList<NotificationItem> again;
        for (int r = 0; r < repeats; ++r) {
            NotificationItem n = item(QStringLiteral("again-%1").arg(r), 0);
            const int of = r == 0 ? 10 : others.at(r - 1); // n10's repeat, then others
            n.title = QStringLiteral("Title n%1").arg(of);
            n.body = QStringLiteral("Body of n%1").arg(of);
            n.createdAt = start.at(of).createdAt.addSecs(60); // within the group's window, newer
            again << n;
        }
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.apply(again);
        QVERIFY2(selected.isValid(), qPrintable(QString::number(repeats)));
        QCOMPARE(selected.data(NotificationModel::MemberIdsRole).toStringList(),
                 (QStringList{ QStringLiteral("again-0"), QStringLiteral("n10") }));
        QCOMPARE(selected.row(), *model.rowOf(QStringLiteral("n10")));
        QCOMPARE(other.data(NotificationModel::IdRole).toString(), QStringLiteral("n20"));
        QCOMPARE(removed.size(), 0); // moved, never removed and inserted again
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.notificationCount(), 30 + repeats);
        QCOMPARE(model.unreadCount(), 30 + repeats);
    }
}

void tst_NotificationModel::relativeTimes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(DisplayText::relativeTime(now.addSecs(-10), now), QStringLiteral("just now"));
    QCOMPARE(DisplayText::relativeTime(now.addSecs(-120), now), QStringLiteral("2 min ago"));
    QCOMPARE(DisplayText::relativeTime(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
}

void tst_NotificationModel::orderTransitionsAndHistory()
{
    OrderModel model;
    model.apply(order("A-1", OrderState::Pending, 30));
    model.apply(order("A-1", OrderState::Confirmed, 20));
    model.apply(order("B-2", OrderState::Shipped, 10, "DHL"));
    model.apply(order("A-1", OrderState::Shipped, 5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, OrderModel::StatusColumn).data().toString(), QStringLiteral("Shipped"));
    QVERIFY(model.index(0, OrderModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>().isValid());
    QCOMPARE(model.history(QStringLiteral("A-1")).size(), 3);
    // A late replay of an older update goes into the history, not over the current status.
    model.apply(order("A-1", OrderState::Processing, 12));
    QCOMPARE(model.index(0, OrderModel::StatusColumn).data().toString(), QStringLiteral("Shipped"));
    QCOMPARE(model.history(QStringLiteral("A-1")).size(), 4);
    QCOMPARE(model.index(1, OrderModel::NoteColumn).data().toString(), QStringLiteral("DHL"));
    // ...in its place: the timeline is in the order things happened.
    QStringList timeline;
    for (const OrderStatus &o : model.history(QStringLiteral("A-1")))
        timeline << o.statusName();
    QCOMPARE(timeline,
             (QStringList{ QStringLiteral("pending"), QStringLiteral("confirmed"), QStringLiteral("processing"),
                           QStringLiteral("shipped") }));
}

void tst_NotificationModel::snapshotBeforeTheStreamKeepsOneTimeline()
{
    // The orders list came before the stream's batch with the same changes.
    OrderModel model;
    QSignalSpy changed(&model, &OrderModel::historyChanged);
    model.reset({ order("A-1", OrderState::Delivered, 10) });
    model.apply(QList{ order("A-1", OrderState::Pending, 30), order("A-1", OrderState::Shipped, 20),
                       order("A-1", OrderState::Delivered, 10) });
    QStringList timeline;
    for (const OrderStatus &o : model.history(QStringLiteral("A-1")))
        timeline << o.statusName();
    QCOMPARE(timeline,
             (QStringList{ QStringLiteral("pending"), QStringLiteral("shipped"), QStringLiteral("delivered") }));
    QCOMPARE(model.index(0, OrderModel::StatusColumn).data().toString(), QStringLiteral("Delivered"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toStringList(), QStringList{ QStringLiteral("A-1") });
    // The same changes again (a replay) change nothing.
    model.apply(QList{ order("A-1", OrderState::Shipped, 20) });
    QCOMPARE(model.history(QStringLiteral("A-1")).size(), 3);
    QCOMPARE(changed.size(), 1);
}

QTEST_MAIN(tst_NotificationModel)
#include "tst_notificationmodel.moc"
