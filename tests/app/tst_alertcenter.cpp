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

QTEST_MAIN(tst_AlertCenter)
#include "tst_alertcenter.moc"
