// SPDX-License-Identifier: MIT
// AlertCenter on a fake notifier and a fake clock: what reaches the desktop
// during a burst, what the summary says, what is taken back, and Do not
// disturb.

#include "alertcenter.h"
#include "translations.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

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
    QCOMPARE(summary.title, QStringLiteral("3 notifications, 2 order updates, 1 message"));
    QCOMPARE(summary.body, QStringLiteral("42 unread"));
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
    m_center->offer(AlertCenter::Kind::Notification, alert(QStringLiteral("loud")));
    QCOMPARE(m_notifier->shown.size(), 1);
    QCOMPARE(m_notifier->shown.first().key, QStringLiteral("loud"));
}

QTEST_MAIN(tst_AlertCenter)
#include "tst_alertcenter.moc"
