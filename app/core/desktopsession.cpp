// SPDX-License-Identifier: MIT
#include "desktopsession.h"

#include "apipaths.h"
#include "displaytext.h"
#include "eventfeed.h"
#include "eventspoller.h"
#include "historystore.h"
#include "messagemodel.h"
#include "notificationlist.h"
#include "notificationmodel.h"
#include "notificationspoller.h"
#include "notifier.h"
#include "ordermodel.h"
#include "presencemodel.h"
#include "restclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSession, "notify.tray", QtInfoMsg)

using namespace Notify;
using namespace Notify::Protocol;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Notifier::Urgency urgencyOf(Level level)
{
    return level == Level::Error ? Notifier::Urgency::Critical : Notifier::Urgency::Normal;
}

} // namespace

DesktopSession::DesktopSession(HistoryStore *history, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_notifier(notifier)
    , m_client(new SseClient(this))
    , m_feed(new EventFeed(m_client, this))
    , m_snapshot(new NotificationListFetcher(this))
    , m_network(new QNetworkAccessManager(this))
    , m_rest(new RestClient(this))
    , m_notifications(new NotificationModel(this))
    , m_orders(new OrderModel(this))
    , m_messages(new MessageModel(this))
    , m_presence(new PresenceModel(this))
    , m_summaryTimer(new QTimer(this))
{
    m_summaryTimer->setSingleShot(true);
    m_snapshot->setMaxItems(1000);
    connect(m_summaryTimer, &QTimer::timeout, this, &DesktopSession::flushSummary);
    connect(m_feed, &EventFeed::eventReady, this, &DesktopSession::onEvent);
    connect(m_feed, &EventFeed::logged, this, &DesktopSession::log);
    connect(m_snapshot, &NotificationListFetcher::fetched, this, &DesktopSession::onSnapshot);
    connect(m_snapshot, &NotificationListFetcher::failed, this, [this](int status, const QString &message) {
        log(tr("could not load the notifications (HTTP %1): %2").arg(status).arg(message));
        m_resyncPending = false;
        m_sinceResync.clear();
        m_readSinceResync.clear();
    });
    connect(m_client, &SseClient::resyncNeeded, this, [this] {
        log(tr("the server could not replay from our last event: reloading everything"));
        resync();
    });
    connect(m_client, &SseClient::stateChanged, this, [this](SseClient::State state) {
        log(tr("connection %1").arg(DisplayText::connectionState(state)));
        emit connectionStateChanged(state);
    });
    connect(m_client, &SseClient::opened, this, [this] {
        // Presence is not replayed from history: take a fresh look on every connect.
        m_rest->get(QLatin1StringView(ApiPath::Presence), [this](int status, const QJsonObject &body) {
            if (status != 200)
                return;
            QList<Presence> users;
            for (const auto &u : body.value(u"users").toArray()) {
                if (const auto p = Presence::fromJson(u.toObject()))
                    users << *p;
            }
            m_presence->reset(users);
        });
        if (!m_snapshotLoaded)
            resync();
    });
    connect(m_client, &SseClient::errorOccurred, this, [this](int status, const QString &message) {
        log(status ? tr("HTTP %1: %2").arg(status).arg(message) : message);
    });
    connect(m_client, &SseClient::reconnectScheduled, this,
            [this](qint64 ms) { log(tr("next attempt in %1 s").arg(double(ms) / 1000, 0, 'f', 1)); });
    if (m_notifier) {
        connect(m_notifier, &Notifier::actionInvoked, this, [this](const QString &key, const QString &action) {
            if (action == u"mark-read")
                markRead(key);
            else
                emit openRequested(key);
        });
    }
}

DesktopSession::~DesktopSession() = default;

void DesktopSession::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_throttle = AlertThrottle(settings.alertsPerWindow, settings.alertWindowMs);
    m_messages->setMe(settings.user);
    m_rest->setServer(settings.server);
    const Credentials credentials{ settings.token, settings.auth, settings.caCertificateFile };
    m_rest->setCredentials(credentials);
    SseClient::Settings client = m_client->settings();
    client.url = settings.server.resolved(QUrl(settings.streamPath));
    client.credentials = credentials;
    m_client->setSettings(client);
    // Where streaming fails: the contract's events endpoint, else the backend's list.
    auto *polling = new PollingChain;
    polling->append(new EventsPoller);
    polling->append(new NotificationsPoller(settings.notificationsPath));
    m_client->setPollingFallback(polling);
    InterpreterMapping mapping = InterpreterMapping::builtIn();
    QString error;
    if (!settings.mappingFile.isEmpty() && !mapping.load(settings.mappingFile, &error))
        log(tr("the mapping file is not used: %1").arg(error));
    EventInterpreter interpreter(mapping);
    interpreter.setSelf(settings.user);
    m_feed->setInterpreter(interpreter);
}

void DesktopSession::start()
{
    if (m_history) {
        m_notifications->reset(m_history->notifications());
        for (const OrderStatus &o : m_history->orderHistory())
            m_orders->apply(o);
        for (const Message &m : m_history->messages())
            m_messages->add(m);
        for (const QByteArray &id : m_history->deliveredIds())
            m_journal.accept(id);
        m_journal.setLastEventId(m_history->lastEventId());
        m_feed->dedup().restore(m_history->contentKeys());
    }
    // With a stored position the stream's replay brings us up to date, and
    // with a backend without ids a catch-up from its list does (what was
    // delivered before is known by its content); the first run, or a reset,
    // loads the snapshots instead, without alerts.
    m_snapshotLoaded = !m_journal.lastEventId().isEmpty() || m_feed->dedup().size() > 0;
    m_feed->setCatchUp(m_settings.server.resolved(QUrl(m_settings.notificationsPath)), m_snapshotLoaded);
    m_client->setLastEventId(m_journal.lastEventId());
    log(m_journal.lastEventId().isEmpty()
            ? tr("starting fresh")
            : tr("resuming after event %1").arg(QString::fromUtf8(m_journal.lastEventId())));
    m_client->start();
}

void DesktopSession::stop()
{
    m_client->stop();
}

void DesktopSession::reconnectNow()
{
    log(tr("reconnecting now (asked by the user)"));
    m_client->reconnectNow();
}

void DesktopSession::log(const QString &line)
{
    const QString stamped = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line;
    m_log << stamped;
    if (m_log.size() > 500)
        m_log.removeFirst();
    qCInfo(lcSession).noquote() << line;
    emit logged(stamped);
}

void DesktopSession::resync()
{
    m_snapshotLoaded = true;
    m_resyncPending = true;
    m_sinceResync.clear();
    m_readSinceResync.clear();
    QUrl list = m_settings.server.resolved(QUrl(m_settings.notificationsPath));
    QUrlQuery query(list);
    if (!query.hasQueryItem(QStringLiteral("limit")))
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    list.setQuery(query);
    m_snapshot->fetch(m_network, RequestBuilder(m_client->settings().credentials), list);
    m_rest->get(QLatin1StringView(ApiPath::Orders), [this](int status, const QJsonObject &body) {
        if (status != 200)
            return;
        QList<OrderStatus> orders;
        for (const auto &o : body.value(u"orders").toArray()) {
            QJsonObject json = o.toObject();
            // The snapshot lists null for absent optional fields.
            for (const char *field : { "previous_status", "note" }) {
                if (json.value(QLatin1StringView(field)).isNull())
                    json.remove(QLatin1StringView(field));
            }
            if (const auto order = OrderStatus::fromJson(json))
                orders << *order;
        }
        m_orders->reset(orders);
    });
}

void DesktopSession::onSnapshot(const QList<QJsonObject> &list)
{
    QList<NotificationItem> items;
    const qint64 now = nowMs();
    for (auto it = list.crbegin(); it != list.crend(); ++it) { // oldest first
        const SseEvent event{ Notification::TypeName, QJsonDocument(*it).toJson(QJsonDocument::Compact), {} };
        const InterpretedEvent interpreted = m_feed->interpreter().interpret(event, InterpretedEvent::Source::CatchUp);
        const auto *n = std::get_if<Notification>(&interpreted.payload);
        if (!n)
            continue;
        items << NotificationItem::fromProtocol(*n, it->value(u"event_id").toString().toUtf8(),
                                                NotificationListFetcher::isRead(*it));
        // Known from now on: a backend that re-sends it, or a catch-up, does not alert it.
        m_feed->dedup().remember(interpreted.contentKey, interpreted.contentKeyExpires, now);
        if (m_history)
            m_history->rememberContentKey({ interpreted.contentKey, now, interpreted.contentKeyExpires });
    }
    m_notifications->reset(items);
    for (const NotificationItem &item : std::as_const(m_sinceResync)) {
        m_notifications->upsert(item);
        items << item;
    }
    m_notifications->markRead(m_readSinceResync);
    // What the snapshot showed counts as delivered: a later replay of
    // those events must not alert again. The resume position stays.
    for (const NotificationItem &item : std::as_const(items)) {
        if (item.eventId.isEmpty())
            continue;
        m_journal.markSeen(item.eventId);
        if (m_history)
            m_history->rememberDelivered(item.eventId);
    }
    m_sinceResync.clear();
    m_resyncPending = false;
    if (m_history) {
        m_history->clearNotifications();
        for (const NotificationItem &item : std::as_const(items))
            m_history->saveNotification(item);
        m_history->markRead(m_readSinceResync);
    }
    m_readSinceResync.clear();
    emit resynced();
}

void DesktopSession::onEvent(const InterpretedEvent &interpreted)
{
    m_lastEventTime = QDateTime::currentDateTime();
    const QByteArray &id = interpreted.id;
    if (std::holds_alternative<Reset>(interpreted.payload)) {
        if (m_history)
            m_history->setLastEventId(id);
        m_journal.setLastEventId(id);
        return; // resyncNeeded does the rest
    }
    // Exactly once: a replayed event is neither shown again nor alerted again;
    // events without ids were checked by their content (EventFeed).
    if (!id.isEmpty()) {
        if (!m_journal.accept(id))
            return;
        if (m_history)
            m_history->rememberEvent(id);
    } else if (m_history && !interpreted.contentKey.isEmpty()) {
        m_history->rememberContentKey({ interpreted.contentKey, nowMs(), interpreted.contentKeyExpires });
    }
    if (!interpreted.note.isEmpty())
        log(tr("shown as a notification: %1").arg(interpreted.note));
    std::visit([this, &interpreted](const auto &payload) { apply(payload, interpreted); }, interpreted.payload);
    emit eventApplied(interpreted.type());
}

bool DesktopSession::alertsPaused() const
{
    return m_pausedUntil.isValid() && QDateTime::currentDateTime() < m_pausedUntil;
}

void DesktopSession::apply(const Notification &n, const InterpretedEvent &event)
{
    const NotificationItem item = NotificationItem::fromProtocol(n, event.id, event.read);
    m_notifications->upsert(item);
    if (m_resyncPending)
        m_sinceResync << item;
    if (m_history)
        m_history->saveNotification(item);
    if (m_settings.alertNotifications && !alertsPaused() && !event.read)
        alert(n.notificationId, n.title, n.body, urgencyOf(n.level), true);
}

void DesktopSession::apply(const NotificationRead &r, const InterpretedEvent &)
{
    m_notifications->markRead(r.notificationIds);
    if (m_resyncPending)
        m_readSinceResync << r.notificationIds;
    if (m_history)
        m_history->markRead(r.notificationIds);
}

void DesktopSession::apply(const OrderStatus &o, const InterpretedEvent &)
{
    m_orders->apply(o);
    if (m_history)
        m_history->saveOrder(o);
    if (m_settings.alertOrders && !alertsPaused())
        alert(QString(), tr("Order %1: %2").arg(o.orderId, toString(o.status)), o.note,
              o.status == OrderState::Cancelled ? Notifier::Urgency::Critical : Notifier::Urgency::Normal, false);
}

void DesktopSession::apply(const Message &m, const InterpretedEvent &)
{
    if (m_messages->add(m) && m_history)
        m_history->saveMessage(m);
    if (m_settings.alertMessages && !alertsPaused() && m.from != m_settings.user)
        alert(QString(), tr("Message from %1").arg(m.from), m.body, Notifier::Urgency::Normal, false);
}

void DesktopSession::apply(const Presence &p, const InterpretedEvent &)
{
    m_presence->apply(p);
    if (m_settings.alertPresence && !alertsPaused() && p.user != m_settings.user)
        alert(QString(), tr("%1 is %2").arg(p.displayName.isEmpty() ? p.user : p.displayName, toString(p.status)), {},
              Notifier::Urgency::Low, false);
}

void DesktopSession::alert(const QString &key, const QString &title, const QString &body, Notifier::Urgency urgency,
                           bool markable)
{
    if (!m_notifier)
        return;
    if (m_throttle.offer(nowMs()) == AlertThrottle::Decision::Defer) {
        if (!m_summaryTimer->isActive())
            m_summaryTimer->start(int(std::max<qint64>(0, m_throttle.summaryDueMs() - nowMs())));
        return;
    }
    Notifier::Alert a;
    a.key = key;
    a.title = title;
    a.body = body;
    a.urgency = urgency;
    if (!key.isEmpty()) {
        a.actions = { QStringLiteral("default"), tr("Open"), QStringLiteral("open"), tr("Open") };
        if (markable)
            a.actions << QStringLiteral("mark-read") << tr("Mark read");
    }
    m_notifier->show(a);
}

void DesktopSession::flushSummary()
{
    const int count = m_throttle.takeSummary(nowMs());
    if (count <= 0 || !m_notifier)
        return;
    Notifier::Alert a;
    a.title = count == 1 ? tr("1 new notification") : tr("%1 new notifications").arg(count);
    a.body = tr("%1 unread in total").arg(m_notifications->unreadCount());
    a.key = QStringLiteral("summary");
    a.actions = { QStringLiteral("default"), tr("Open"), QStringLiteral("open"), tr("Open") };
    m_notifier->show(a);
}

void DesktopSession::pauseAlerts(const QDateTime &until)
{
    m_pausedUntil = until;
    log(until.isValid() ? tr("alerts paused until %1").arg(QLocale().toString(until, QLocale::ShortFormat))
                        : tr("alerts on"));
}

void DesktopSession::markRead(const QString &notificationId)
{
    m_rest->post(
        ApiPath::notificationRead(notificationId), {}, [this, notificationId](int status, const QJsonObject &body) {
            if (status == 204)
                return; // the notification_read event updates the list
            if (status == 404) {
                m_notifications->markRead({ notificationId }); // only here (an unknown or local-only item)
                return;
            }
            emit actionFailed(tr("Could not mark it read: %1").arg(body.value(u"message").toString(tr("no answer"))));
        });
}

void DesktopSession::markAllRead()
{
    m_rest->post(QLatin1StringView(ApiPath::NotificationsReadAll), {}, [this](int status, const QJsonObject &body) {
        if (status != 204)
            emit actionFailed(tr("Could not mark all read: %1").arg(body.value(u"message").toString(tr("no answer"))));
    });
}

void DesktopSession::sendMessage(const QString &to, const QString &body)
{
    m_rest->post(
        QLatin1StringView(ApiPath::Messages),
        QJsonObject{ { QStringLiteral("to"), to }, { QStringLiteral("body"), body } },
        [this](int status, const QJsonObject &answer) {
            if (status != 201)
                emit actionFailed(
                    tr("The message was not sent: %1").arg(answer.value(u"message").toString(tr("no answer"))));
        });
}

void DesktopSession::setMyStatus(const QString &status)
{
    m_rest->put(
        QLatin1StringView(ApiPath::Presence), QJsonObject{ { QStringLiteral("status"), status } },
        [this](int code, const QJsonObject &answer) {
            if (code != 204)
                emit actionFailed(
                    tr("Your status was not changed: %1").arg(answer.value(u"message").toString(tr("no answer"))));
        });
}
