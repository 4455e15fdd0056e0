// SPDX-License-Identifier: MIT
#include "demoscenario.h"

#include "common/protocol.h"
#include "hub/notifyserver.h"
#include "hub/presencetracker.h"
#include "store/eventstore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDemo, "notify.server.demo", QtInfoMsg)

namespace Notify::Server {

namespace {

QString now()
{
    return Protocol::formatUtcTimestamp(QDateTime::currentDateTimeUtc());
}

const char *const Stages[] = { "pending", "confirmed", "processing", "shipped", "delivered" };

/// A notification the demo may send.
struct Sample
{
    const char *level;
    const char *category;
    const char *title;
    const char *body;
};

const Sample ShopSamples[] = {
    { "info", "orders", "New order received", "A customer placed an order with 3 items." },
    { "success", "payments", "Payment captured", "The payment for the last order was captured." },
    { "warning", "stock", "Low stock", "Only 4 units of \"Desk lamp, brass\" are left." },
    { "error", "shipping", "Label printing failed", "The carrier API did not answer; the label was queued." },
    { "info", "team", "Shift change at 14:00", "The afternoon shift starts in 30 minutes." },
};

const Sample WarehouseSamples[] = {
    { "info", "deliveries", "Delivery checked in", "Inbound 12 pallets from Müller GmbH at gate 3." },
    { "success", "picking", "Wave 14 picked", "All 86 lines of wave 14 are packed and ready." },
    { "warning", "stock", "Bin A-17 nearly empty", "Only 6 boxes of USB-C cables left in A-17." },
    { "error", "damage", "Pallet damaged at gate 2", "A pallet of glassware fell from the forklift." },
    { "info", "stock", "Stock count due", "Zone C is due for its monthly count today." },
    { "warning", "equipment", "Forklift 3 needs service", "The battery warning is on; take it to the charger." },
};

template<std::size_t N>
const Sample &pick(QRandomGenerator &random, const Sample (&samples)[N])
{
    return samples[random.bounded(int(N))];
}

} // namespace

DemoScenario::DemoScenario(NotifyServer &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_timer(new QTimer(this))
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer->setSingleShot(true);
}

void DemoScenario::startWarehouseDemo(int intervalMs, int firstDelayMs)
{
    connect(m_timer, &QTimer::timeout, this, [this, intervalMs] {
        warehouseStep();
        m_timer->start(intervalMs / 2 + int(m_random.bounded(intervalMs)));
    });
    m_timer->start(firstDelayMs);
}

void DemoScenario::warehouseStep()
{
    const Sample &sample = pick(m_random, WarehouseSamples);
    publishNotification(QStringLiteral("w-%1").arg(m_nextNotification++), sample.level, sample.category,
                        QString::fromUtf8(sample.title), QString::fromUtf8(sample.body), {});
}

bool DemoScenario::publishNotification(const QString &id, const char *level, const char *category, const QString &title,
                                       const QString &body, const QStringList &audience)
{
    const QJsonObject data{ { QStringLiteral("notification_id"), id },
                            { QStringLiteral("title"), title },
                            { QStringLiteral("body"), body },
                            { QStringLiteral("level"), QString::fromLatin1(level) },
                            { QStringLiteral("category"), QString::fromLatin1(category) },
                            { QStringLiteral("created_at"), now() } };
    return m_server.publish(Protocol::Notification::TypeName, data, audience).has_value();
}

void DemoScenario::startDemo(int intervalMs, int firstDelayMs)
{
    // The colleagues are at work when the demo starts.
    for (const User &user : m_server.users().users()) {
        if (!user.admin && m_random.bounded(4) != 0)
            m_server.presence().simulate(user.name, Protocol::PresenceStatus::Online);
    }
    // Team work from the first minute: an error for the support group that
    // bob has already taken on ("Handled by Bob"), and one still waiting.
    publishTeamError(QStringLiteral("Refund failed for order A-4702"),
                     QStringLiteral("The payment provider declined the refund; the customer is waiting."), 0);
    publishTeamError(QStringLiteral("Address check failed for order A-4705"),
                     QStringLiteral("The carrier rejected the postcode; the parcel is on hold."), -1);
    connect(m_timer, &QTimer::timeout, this, [this, intervalMs] {
        demoStep();
        // Some jitter, so it feels like real traffic.
        m_timer->start(intervalMs / 2 + int(m_random.bounded(intervalMs)));
    });
    m_timer->start(firstDelayMs);
}

void DemoScenario::demoStep()
{
    QStringList people;
    for (const User &user : m_server.users().users()) {
        if (!user.admin)
            people << user.name;
    }
    if (people.isEmpty())
        return;
    const QString someone = people.at(m_random.bounded(people.size()));
    switch (m_random.bounded(10)) {
    case 0:
    case 1:
    case 2: { // order status: advance an order, or start a new one
        qsizetype index = 0;
        if (m_orders.size() < 4 || m_random.bounded(3) == 0) {
            m_orders.append(
                Order{ QStringLiteral("A-%1").arg(m_nextOrder++), m_random.bounded(3) == 0 ? someone : QString(), 0 });
            index = m_orders.size() - 1;
        } else {
            index = m_random.bounded(int(m_orders.size()));
            ++m_orders[index].stage;
        }
        const Order order = m_orders.at(index);
        const bool cancelled = order.stage == 2 && m_random.bounded(6) == 0;
        const QString status
            = cancelled ? QStringLiteral("cancelled") : QString::fromLatin1(Stages[std::min(order.stage, 4)]);
        QJsonObject data{ { QStringLiteral("order_id"), order.id },
                          { QStringLiteral("status"), status },
                          { QStringLiteral("updated_at"), now() } };
        if (order.stage > 0)
            data.insert(QStringLiteral("previous_status"), QString::fromLatin1(Stages[std::min(order.stage - 1, 4)]));
        if (status == u"shipped")
            data.insert(QStringLiteral("note"), QStringLiteral("Parcel handed to the carrier"));
        if (cancelled)
            data.insert(QStringLiteral("note"), QStringLiteral("Cancelled by the customer"));
        // Orders are shared work: most go to everybody, some to the person handling them.
        m_server.publish(Protocol::OrderStatus::TypeName, data,
                         order.user.isEmpty() ? QStringList{} : QStringList{ order.user });
        if (status == u"delivered" || cancelled)
            m_orders.removeAt(index);
        break;
    }
    case 3:
    case 4:
    case 5: { // a notification, for one person or for everybody
        const Sample &sample = pick(m_random, ShopSamples);
        if (QByteArrayView(sample.level) == "error" && !m_server.users().members(SupportGroup).isEmpty()) {
            // Errors are the support group's to handle; bob takes every other one on after a moment.
            publishTeamError(QString::fromUtf8(sample.title), QString::fromUtf8(sample.body),
                             m_random.bounded(2) == 0 ? 3000 + int(m_random.bounded(4000)) : -1);
            break;
        }
        publishNotification(QStringLiteral("n-%1").arg(m_nextNotification++), sample.level, sample.category,
                            QString::fromUtf8(sample.title), QString::fromUtf8(sample.body),
                            m_random.bounded(3) == 0 ? QStringList{ someone } : QStringList{});
        break;
    }
    case 6:
    case 7: { // a colleague writes
        const QString &from = people.at(m_random.bounded(people.size()));
        const QString &to = people.at(m_random.bounded(people.size()));
        if (from == to)
            break;
        static const char *const lines[]
            = { "Can you check order A-4712?", "The courier is here.", "Thanks, all sorted!", "Lunch at 12:30?",
                "Customer called about the refund." };
        const QJsonObject data{ { QStringLiteral("message_id"), QStringLiteral("demo-%1").arg(m_random.generate64()) },
                                { QStringLiteral("from"), from },
                                { QStringLiteral("to"), to },
                                { QStringLiteral("body"), QString::fromUtf8(lines[m_random.bounded(5)]) },
                                { QStringLiteral("sent_at"), now() } };
        m_server.publish(Protocol::Message::TypeName, data, { from, to });
        break;
    }
    default: { // a colleague comes, goes, or is busy
        using Protocol::PresenceStatus;
        static constexpr PresenceStatus statuses[]
            = { PresenceStatus::Online, PresenceStatus::Away, PresenceStatus::Busy, PresenceStatus::Online,
                PresenceStatus::Offline };
        m_server.presence().simulate(someone, statuses[m_random.bounded(5)]);
        break;
    }
    }
}

void DemoScenario::publishTeamError(const QString &title, const QString &body, int bobClaimsAfterMs)
{
    const QStringList support = m_server.users().members(SupportGroup);
    if (support.isEmpty())
        return;
    const QString id = QStringLiteral("n-%1").arg(m_nextNotification++);
    if (!publishNotification(id, "error", "support", title, body, support))
        return;
    const QString bob = QStringLiteral("bob");
    if (bobClaimsAfterMs < 0 || !support.contains(bob))
        return;
    const auto claim = [this, id, bob] {
        const QDateTime at = QDateTime::currentDateTimeUtc();
        m_server.store().claim(bob, id, Claim{ bob, Protocol::formatUtcTimestamp(at) }, at.toMSecsSinceEpoch());
    };
    if (bobClaimsAfterMs == 0)
        claim();
    else
        QTimer::singleShot(bobClaimsAfterMs, this, claim);
}

bool DemoScenario::startScript(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read scenario %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !root.value(u"events").isArray()) {
        *error
            = QStringLiteral("scenario %1 must be {\"events\":[{\"at_ms\",\"event\",\"user\",\"data\"}…]}").arg(path);
        return false;
    }
    m_script = root.value(u"events").toArray();
    for (qsizetype i = 0; i < m_script.size(); ++i) {
        const QJsonObject step = m_script.at(i).toObject();
        if (!step.value(u"event").isString() || !Protocol::isValidEventType(step.value(u"event").toString().toUtf8())
            || step.value(u"event").toString() == u"reset" || !step.value(u"data").isObject()) {
            *error = QStringLiteral("scenario %1: events[%2] needs an \"event\" type and a \"data\" object")
                         .arg(path)
                         .arg(i);
            return false;
        }
        if (step.contains(u"user") && !m_server.users().find(step.value(u"user").toString())) {
            *error = QStringLiteral("scenario %1: events[%2] names an unknown user").arg(path).arg(i);
            return false;
        }
    }
    m_loop = root.value(u"loop").toBool(false);
    m_scriptIndex = 0;
    m_scriptStartMs = QDateTime::currentMSecsSinceEpoch();
    connect(m_timer, &QTimer::timeout, this, &DemoScenario::scriptStep);
    m_timer->start(0);
    return true;
}

void DemoScenario::scriptStep()
{
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_scriptStartMs;
    while (m_scriptIndex < m_script.size()) {
        const QJsonObject step = m_script.at(m_scriptIndex).toObject();
        const qint64 at = step.value(u"at_ms").toInteger();
        if (at > elapsed) {
            m_timer->start(int(at - elapsed));
            return;
        }
        QStringList audience;
        if (step.contains(u"user"))
            audience << step.value(u"user").toString();
        m_server.publish(step.value(u"event").toString().toUtf8(), step.value(u"data").toObject(), audience);
        ++m_scriptIndex;
    }
    if (m_loop && !m_script.isEmpty()) {
        m_scriptIndex = 0;
        m_scriptStartMs = QDateTime::currentMSecsSinceEpoch();
        m_timer->start(1000); // a looping script starts again a second after its last step
    }
}

} // namespace Notify::Server
