// SPDX-License-Identifier: MIT
// AlertCenter on a fake notifier and a fake clock: what reaches the desktop
// during a burst, what the summary says, what is taken back, and Do not
// disturb.

#include "core/alertcenter.h"
#include "core/translations.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Notify::Tray;

namespace {

class FakeNotifier final : public Notifier
{
public:
    void show(const Alert &alert) override { shown << alert; }
    void withdraw(const QString &key) override { withdrawn << key; }
    QList<Alert> shown;
    QStringList withdrawn;
};

Notifier::Alert alert(const QString &key, const QString &title = {})
{
    Notifier::Alert a;
    a.key = key;
    a.title = title.isEmpty() ? QStringLiteral("Alert ") + key : title;
    return a;
}

} // namespace

class tst_AlertCenter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void summaryCountsWhatItHoldsByKind();
    void oneDeferredIsShownAsItself();
    void readItemsTakeTheirAlertsBack();
    void doNotDisturbUntilItsEnd();
    void summariesNameMessagesAndErrorsFirst();
    void doNotDisturbEndsWithWhatWasMissed();
    void quietHoursHoldAllButWhatBreaksThrough();
    void quietHoursUnderDoNotDisturb();
    void titlesLedByTheSourceName();

private:
    qint64 m_now = 0;
    std::unique_ptr<FakeNotifier> m_notifier;
    std::unique_ptr<AlertCenter> m_center;
    int m_unread = 0;
};

void tst_AlertCenter::initTestCase()
{
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English)); // plural forms
}

void tst_AlertCenter::init()
{
    m_now = 1'000'000;
    m_notifier = std::make_unique<FakeNotifier>();
    m_center = std::make_unique<AlertCenter>(m_notifier.get());
    m_center->clock = [this] { return m_now; };
    m_center->setLimits(3, 200); // 3 alerts per 200 ms, then a summary
    m_center->setUnreadCounter([this] { return m_unread; });
}

void tst_AlertCenter::summaryCountsWhatItHoldsByKind()
{
    using Kind = AlertCenter::Kind;
    for (int i = 0; i < 3; ++i)
        m_center->offer(Kind::Notification, alert(QStringLiteral("n%1").arg(i)));
    QCOMPARE(m_notifier->shown.size(), 3);
    // Beyond the window's three: held for the summary.
    m_center->offer(Kind::Notification, alert(QStringLiteral("n3")));
    m_center->offer(Kind::Notification, alert(QStringLiteral("n4")));
    m_center->offer(Kind::OrderUpdate, alert(QStringLiteral("o1")));
    m_center->offer(Kind::OrderUpdate, alert(QStringLiteral("o2")));
    m_center->offer(Kind::Message, alert(QStringLiteral("m1")));
    m_center->offer(Kind::Notification, alert(QStringLiteral("n5")));
    m_unread = 42;
    m_now += 200;
    QTRY_COMPARE(m_notifier->shown.size(), 4);
    const Notifier::Alert summary = m_notifier->shown.last();
    // Only what it summarises, per kind, with the unread count of the moment.
    QCOMPARE(summary.title, QStringLiteral("1 message, 3 notifications, 2 order updates"));
    // The message named first, then what came first, three in all; then the count.
    QCOMPARE(summary.body, QStringLiteral("Alert m1\nAlert n3\nAlert n4\nand 3 more\n42 unread"));
    QCOMPARE(AlertCenter::summaryTitle({ { Kind::OrderUpdate, 1 } }), QStringLiteral("1 order update"));
    QCOMPARE(AlertCenter::summaryTitle({ { Kind::Presence, 2 } }), QStringLiteral("2 colleagues came or went"));
}

void tst_AlertCenter::oneDeferredIsShownAsItself()
{
    for (int i = 0; i < 4; ++i)
        m_center->offer(AlertCenter::Kind::Message, alert(QStringLiteral("m%1").arg(i), QStringLiteral("From bob")));
    QCOMPARE(m_notifier->shown.size(), 3);
    m_now += 200;
    QTRY_COMPARE(m_notifier->shown.size(), 4);
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("m3")); // not "1 message"
    QCOMPARE(m_notifier->shown.last().title, QStringLiteral("From bob"));
}

void tst_AlertCenter::readItemsTakeTheirAlertsBack()
{
    for (int i = 0; i < 5; ++i)
        m_center->offer(AlertCenter::Kind::Notification, alert(QStringLiteral("n%1").arg(i)));
    // n0 is on screen, n4 waits for the summary: both go when read.
    m_center->withdraw({ QStringLiteral("n0"), QStringLiteral("n4") });
    QCOMPARE(m_notifier->withdrawn, (QStringList{ QStringLiteral("n0"), QStringLiteral("n4") }));
    m_now += 200;
    QTRY_COMPARE(m_notifier->shown.size(), 4);
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("n3")); // the only one left waiting
}

void tst_AlertCenter::doNotDisturbUntilItsEnd()
{
    QSignalSpy paused(m_center.get(), &AlertCenter::pausedChanged);
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(m_now + 150);
    m_center->pause(until);
    QVERIFY(m_center->isPaused());
    QCOMPARE(m_center->pausedUntil(), until);
    m_center->offer(AlertCenter::Kind::Notification, alert(QStringLiteral("quiet")));
    QCOMPARE(m_notifier->shown.size(), 0);
    // At its end it switches itself off, and alerts reach the desktop again.
    m_now += 150;
    QTRY_COMPARE(paused.size(), 2);
    QVERIFY(!paused.last().first().toDateTime().isValid());
    QVERIFY(!m_center->isPaused());
    QCOMPARE(m_notifier->shown.size(), 1); // what was missed, in one
    QCOMPARE(m_notifier->shown.first().key, QStringLiteral("missed"));
    m_center->offer(AlertCenter::Kind::Notification, alert(QStringLiteral("loud")));
    QCOMPARE(m_notifier->shown.size(), 2);
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("loud"));
}

void tst_AlertCenter::summariesNameMessagesAndErrorsFirst()
{
    // After an absence: old info notices came first, a colleague's message and an error last.
    using Kind = AlertCenter::Kind;
    for (int i = 0; i < 6; ++i)
        m_center->offer(Kind::Notification,
                        alert(QStringLiteral("info%1").arg(i), QStringLiteral("Stock notice %1").arg(i)));
    Notifier::Alert error = alert(QStringLiteral("err"), QStringLiteral("Payment failed for order 1042"));
    error.urgency = Notifier::Urgency::Critical;
    m_center->offer(Kind::Notification, error);
    Notifier::Alert message = alert(QStringLiteral("msg"), QStringLiteral("Message from Bob"));
    message.body = QStringLiteral("Courier is here");
    m_center->offer(Kind::Message, message);
    m_now += 200;
    QTRY_COMPARE(m_notifier->shown.size(), 4);
    const Notifier::Alert summary = m_notifier->shown.last();
    QCOMPARE(summary.title, QStringLiteral("1 message, 4 notifications"));
    const QStringList lines = summary.body.split(u'\n');
    QCOMPARE(lines.value(0), QStringLiteral("Message from Bob: Courier is here"));
    QCOMPARE(lines.value(1), QStringLiteral("Payment failed for order 1042"));
    QCOMPARE(summary.urgency, Notifier::Urgency::Critical); // it holds something urgent
    // Sorting the alerts of a batch the same way lets the first ones through.
    QVERIFY(AlertCenter::rank(Kind::Message, message) < AlertCenter::rank(Kind::Notification, error));
    QVERIFY(AlertCenter::rank(Kind::Notification, error)
            < AlertCenter::rank(Kind::Notification, alert(QStringLiteral("x"))));
}

void tst_AlertCenter::doNotDisturbEndsWithWhatWasMissed()
{
    using Kind = AlertCenter::Kind;
    m_center->pause(QDateTime::fromMSecsSinceEpoch(m_now + 3'600'000));
    for (int i = 0; i < 12; ++i)
        m_center->offer(Kind::Notification, alert(QStringLiteral("n%1").arg(i)));
    Notifier::Alert message = alert(QStringLiteral("m1"), QStringLiteral("Message from Bob"));
    message.body = QStringLiteral("Call me");
    m_center->offer(Kind::Message, message);
    m_center->offer(Kind::OrderUpdate, alert(QStringLiteral("o1")));
    m_center->withdraw({ QStringLiteral("n0") }); // read meanwhile, in the window: not missed
    QCOMPARE(m_notifier->shown.size(), 0);
    QCOMPARE(m_center->missedCount(), 13);
    m_unread = 12;
    m_center->pause({}); // the user switches it off
    QCOMPARE(m_notifier->shown.size(), 1);
    const Notifier::Alert missed = m_notifier->shown.first();
    QCOMPARE(missed.key, QStringLiteral("missed"));
    QCOMPARE(missed.title, QStringLiteral("While Do not disturb was on: 1 message, 11 notifications, 1 order update"));
    QVERIFY2(missed.body.startsWith(u"Message from Bob: Call me\n"), qPrintable(missed.body));
    QVERIFY2(missed.body.endsWith(u"12 unread"), qPrintable(missed.body));
    QCOMPARE(m_center->missedCount(), 0);
    // Nothing missed: nothing to say.
    m_center->pause(QDateTime::fromMSecsSinceEpoch(m_now + 1000));
    m_center->pause({});
    QCOMPARE(m_notifier->shown.size(), 1);
}

namespace {

qint64 localMs(int day, int hour, int minute = 0) // December 2026; the 7th is a Monday
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute)).toMSecsSinceEpoch();
}

QuietHours weekdayEvenings()
{
    QuietHours quiet;
    quiet.days = *QuietHours::parseDays(QStringLiteral("mon-fri"));
    quiet.from = QTime(19, 0);
    quiet.to = QTime(7, 0);
    quiet.breakThrough = Notify::Protocol::Level::Error;
    return quiet;
}

Notifier::Alert notification(const QString &key, Notify::Protocol::Level level)
{
    Notifier::Alert a = alert(key);
    a.level = level;
    return a;
}

} // namespace

void tst_AlertCenter::quietHoursHoldAllButWhatBreaksThrough()
{
    using Kind = AlertCenter::Kind;
    using Notify::Protocol::Level;
    m_now = localMs(7, 18, 59);
    m_center->setQuietHours(weekdayEvenings());
    QVERIFY(!m_center->isQuiet());
    m_center->offer(Kind::Notification, notification(QStringLiteral("before"), Level::Info));
    QCOMPARE(m_notifier->shown.size(), 1);

    m_now = localMs(7, 19, 0);
    QVERIFY(m_center->isQuiet());
    m_now += 1000; // past the throttle's window: only quiet hours decide
    for (int i = 0; i < 11; ++i)
        m_center->offer(Kind::Notification, notification(QStringLiteral("n%1").arg(i), Level::Warning));
    m_center->offer(Kind::Message, alert(QStringLiteral("m1"), QStringLiteral("Message from Bob")));
    // An error breaks through; a message has no level and waits.
    m_center->offer(Kind::Notification, notification(QStringLiteral("e1"), Level::Error));
    QCOMPARE(m_notifier->shown.size(), 2);
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("e1"));
    QCOMPARE(m_center->heldWhileQuiet(), 12);
    m_center->withdraw({ QStringLiteral("n0") }); // read in the window meanwhile
    QCOMPARE(m_center->heldWhileQuiet(), 11);

    // Still night at 06:59 the next day; over at 07:00, with one alert.
    m_now = localMs(8, 6, 59);
    m_center->checkQuietHours();
    QCOMPARE(m_notifier->shown.size(), 2);
    m_now = localMs(8, 7, 0);
    m_unread = 11;
    m_center->checkQuietHours();
    QCOMPARE(m_notifier->shown.size(), 3);
    const Notifier::Alert summary = m_notifier->shown.last();
    QCOMPARE(summary.key, QStringLiteral("quiet"));
    QCOMPARE(summary.title, QStringLiteral("1 message, 10 notifications while quiet"));
    QVERIFY2(summary.body.startsWith(u"Message from Bob\n"), qPrintable(summary.body));
    QCOMPARE(m_center->heldWhileQuiet(), 0);
    m_center->checkQuietHours(); // said once
    QCOMPARE(m_notifier->shown.size(), 3);

    // Saturday evening is not quiet (no spell starts on it).
    m_now = localMs(12, 20, 0);
    m_center->offer(Kind::Notification, notification(QStringLiteral("sat"), Level::Info));
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("sat"));
}

void tst_AlertCenter::quietHoursUnderDoNotDisturb()
{
    using Kind = AlertCenter::Kind;
    using Notify::Protocol::Level;
    m_now = localMs(7, 20, 0);
    m_center->setQuietHours(weekdayEvenings());
    m_center->offer(Kind::Notification, notification(QStringLiteral("q1"), Level::Info));
    // Do not disturb on top holds even what would break through.
    m_center->pause(QDateTime::fromMSecsSinceEpoch(localMs(8, 9, 0)));
    m_center->offer(Kind::Notification, notification(QStringLiteral("e1"), Level::Error));
    QCOMPARE(m_notifier->shown.size(), 0);
    // The spell ends under Do not disturb: its alerts join Do not disturb's summary.
    m_now = localMs(8, 7, 0);
    m_center->checkQuietHours();
    QCOMPARE(m_notifier->shown.size(), 0);
    m_now = localMs(8, 9, 0);
    m_center->pause({});
    QCOMPARE(m_notifier->shown.size(), 1);
    QCOMPARE(m_notifier->shown.first().title, QStringLiteral("While Do not disturb was on: 2 notifications"));

    // Do not disturb ending inside quiet hours hands its alerts to their summary.
    m_now = localMs(8, 22, 0);
    m_center->pause(QDateTime::fromMSecsSinceEpoch(localMs(8, 23, 0)));
    m_center->offer(Kind::Notification, notification(QStringLiteral("q2"), Level::Info));
    m_now = localMs(8, 23, 0);
    m_center->pause({});
    QCOMPARE(m_notifier->shown.size(), 1);
    QCOMPARE(m_center->heldWhileQuiet(), 1);
    m_now = localMs(9, 7, 30);
    m_center->checkQuietHours();
    QCOMPARE(m_notifier->shown.last().title, QStringLiteral("1 notification while quiet"));

    // Switched off during a spell: what it held is said at once.
    m_now = localMs(9, 21, 0);
    m_center->offer(Kind::Notification, notification(QStringLiteral("q3"), Level::Info));
    QCOMPARE(m_center->heldWhileQuiet(), 1);
    m_center->setQuietHours(std::nullopt);
    QCOMPARE(m_notifier->shown.last().title, QStringLiteral("1 notification while quiet"));
}

void tst_AlertCenter::titlesLedByTheSourceName()
{
    using Kind = AlertCenter::Kind;
    m_center->setTitlePrefix(QStringLiteral("Shop: "));
    m_center->offer(Kind::Notification, alert(QStringLiteral("n1"), QStringLiteral("Payment failed")));
    QCOMPARE(m_notifier->shown.last().title, QStringLiteral("Shop: Payment failed"));
    QCOMPARE(m_notifier->shown.last().key, QStringLiteral("n1")); // actions still find it
    m_now = localMs(7, 20, 0);
    m_center->setQuietHours(weekdayEvenings());
    for (int i = 0; i < 12; ++i)
        m_center->offer(Kind::Notification, alert(QStringLiteral("q%1").arg(i)));
    m_now = localMs(8, 7, 0);
    m_center->checkQuietHours();
    // The contract's words.
    QCOMPARE(m_notifier->shown.last().title, QStringLiteral("Shop: 12 notifications while quiet"));
}

QTEST_MAIN(tst_AlertCenter)
#include "tst_alertcenter.moc"
