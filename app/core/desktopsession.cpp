// SPDX-License-Identifier: MIT
#include "desktopsession.h"

#include "alertcenter.h"
#include "apipaths.h"
#include "displaytext.h"
#include "eventfeed.h"
#include "eventspoller.h"
#include "historystore.h"
#include "messagemodel.h"
#include "notificationlistfetcher.h"
#include "notificationmodel.h"
#include "notificationspoller.h"
#include "notifier.h"
#include "ordermodel.h"
#include "pollingchain.h"
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

DesktopSession::DesktopSession(HistoryStore *history, Notifier *notifier, QNetworkAccessManager *network,
                               QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_notifier(notifier)
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_client(new SseClient(m_network, this))
    , m_feed(new EventFeed(m_client, this))
    , m_snapshot(new NotificationListFetcher(this))
    , m_older(new NotificationListFetcher(this))
    , m_counts(new NotificationListFetcher(this))
    , m_recountTimer(new QTimer(this))
    , m_rest(new RestClient(m_network, this))
    , m_notifications(new NotificationModel(this))
    , m_orders(new OrderModel(this))
    , m_messages(new MessageModel(this))
    , m_presence(new PresenceModel(this))
    , m_alerts(new AlertCenter(notifier, this))
    , m_actions(new RestActions(m_rest, history, m_notifications, m_messages, m_alerts, this))
    , m_flushTimer(new QTimer(this))
{
    m_recountTimer->setSingleShot(true);
    m_recountTimer->setInterval(RecountQuietMs);
    connect(m_recountTimer, &QTimer::timeout, this, &DesktopSession::recount);
    connect(m_counts, &NotificationListFetcher::fetched, this,
            [this](const QList<QJsonObject> &, const NotificationListFetcher::Totals &totals) {
                // The list changed while the count was on its way: it may or may not count that; again.
                if (m_listChanges != m_listChangesAtRecount && m_recountWanted.isValid()
                    && m_recountWanted.elapsed() < RecountLongestWaitMs) {
                    scheduleRecount();
                    return;
                }
                m_recountWanted.invalidate();
                takeTotals(totals);
            });
    connect(m_counts, &NotificationListFetcher::failed, this, [this](int status, const QString &message) {
        m_recountWanted.invalidate(); // the next event that needs one asks again
        log(tr("could not count the notifications (HTTP %1): %2").arg(status).arg(message));
    });
    connect(m_actions, &RestActions::failed, this, &DesktopSession::actionFailed);
    connect(m_actions, &RestActions::countsChanged, this, &DesktopSession::scheduleRecount);
    connect(m_actions, &RestActions::replyRefused, this,
            [this](const QString &, const QString &, const QString &message) {
                emit actionFailed(RestActions::Action::Reply, message);
            });
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &DesktopSession::flushBatch);
    m_snapshot->setMaxItems(1000);
    m_messages->setNameLookup([this](const QString &user) { return m_presence->displayName(user); });
    m_alerts->setUnreadCounter([this] { return m_notifications->unreadCount(); });
    connect(m_alerts, &AlertCenter::pausedChanged, this, [this](const QDateTime &until) {
        log(until.isValid() ? tr("alerts paused until %1").arg(QLocale().toString(until, QLocale::ShortFormat))
                            : tr("alerts on"));
    });
    connect(m_older, &NotificationListFetcher::fetched, this, &DesktopSession::onOlder);
    connect(m_older, &NotificationListFetcher::failed, this, [this](int status, const QString &message) {
        emit actionFailed(RestActions::Action::LoadOlder,
                          tr("Could not load older notifications (HTTP %1): %2").arg(status).arg(message));
        emit olderLoaded(0, true);
    });
    connect(m_feed, &EventFeed::eventReady, this, &DesktopSession::onEvent);
    connect(m_feed, &EventFeed::logged, this, &DesktopSession::log);
    connect(m_snapshot, &NotificationListFetcher::fetched, this, &DesktopSession::onSnapshot);
    connect(m_snapshot, &NotificationListFetcher::failed, this, [this](int status, const QString &message) {
        log(tr("could not load the notifications (HTTP %1): %2").arg(status).arg(message));
        m_resyncPending = false;
        m_sinceResync.clear();
        m_readSinceResync.clear();
    });
    connect(m_client, &SseClient::stateChanged, this, [this](SseClient::State state) {
        log(tr("connection %1").arg(DisplayText::connectionState(state)));
        if (state == SseClient::State::Open || state == SseClient::State::Polling) {
            setProblem({}, 0);
            if (std::exchange(m_tokenAlerted, false) && m_notifier)
                m_notifier->withdraw(TokenRefusedKey);
        }
        if (state == SseClient::State::AuthRequired)
            alertTokenRefused();
        emit connectionStateChanged(state);
    });
    connect(m_client, &SseClient::silenceChanged, this, [this](bool silent) {
        if (silent)
            log(tr("no data for %1 s: waiting for the server").arg(m_client->settings().quietWarningMs / 1000));
        emit silenceChanged(silent);
    });
    connect(m_client, &SseClient::opened, this, [this] {
        // Presence is not replayed from history: take a fresh look on every connect.
        m_rest->get(QLatin1StringView(ApiPath::Presence), [this](const RestClient::Answer &answer) {
            m_actions->learn(RestActions::Action::Presence, answer);
            if (answer.status != 200)
                return;
            QList<Presence> users;
            for (const auto &u : answer.body.value(u"users").toArray()) {
                if (const auto p = Presence::fromJson(u.toObject()))
                    users << *p;
            }
            m_presence->reset(users);
        });
        m_actions->streamOpened();
        if (!m_snapshotLoaded)
            resync();
        else
            scheduleRecount(); // what the server has beyond the list (a restart, or while we were away)
    });
    connect(m_client, &SseClient::errorOccurred, this, [this](int status, const QString &message) {
        log(status ? tr("HTTP %1: %2").arg(status).arg(message) : message);
        // A stream that ends is normal (it reconnects); anything else is a problem to show.
        if (m_client->state() != SseClient::State::Open || status != 0)
            setProblem(message, status);
    });
    connect(m_client, &SseClient::reconnectScheduled, this,
            [this](qint64 ms) { log(tr("next attempt in %1 s").arg(double(ms) / 1000, 0, 'f', 1)); });
    if (m_notifier) {
        connect(m_notifier, &Notifier::actionInvoked, this, [this](const QString &key, const QString &action) {
            if (key == TokenRefusedKey)
                emit settingsRequested();
            else if (action == u"mark-read")
                markRead(key);
            else if (key == u"summary" || key == u"missed")
                emit openRequested({}); // the window, on the notifications
            else
                emit openRequested(key);
        });
    }
}

DesktopSession::~DesktopSession()
{
    // Kept, not alerted: the app is going away (the notifier may be gone already).
    m_batch.alerts.clear();
    flushBatch();
}

void DesktopSession::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_alerts->setLimits(settings.alertsPerWindow, settings.alertWindowMs);
    m_messages->setMe(settings.user);
    if (settings.server != m_rest->server())
        m_actions->serverChanged();
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
        m_orders->apply(m_history->orderHistory());
        for (const Message &m : m_history->messages())
            m_messages->add(m);
        for (const QByteArray &id : m_history->deliveredIds())
            m_journal.accept(id);
        m_journal.setLastEventId(m_history->lastEventId());
        m_feed->dedup().restore(m_history->contentKeys());
        // What the server had when we last knew: the counts say so until it is asked again.
        if (const auto server = m_history->serverCounts()) {
            std::optional<qint64> unread;
            if (server->unread)
                unread = *server->unread - m_notifications->loadedUnreadCount();
            m_notifications->setBeyond(server->notifications - m_notifications->notificationCount(), unread);
        }
    }
    m_actions->restore();
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
    flushBatch(); // what arrived is kept, even when the app quits right after
    saveServerCounts();
}

void DesktopSession::saveServerCounts()
{
    if (!m_history)
        return;
    HistoryStore::ServerCounts counts;
    counts.notifications = m_notifications->notificationCount() + m_notifications->notificationsBeyond();
    if (m_notifications->unreadCountExact())
        counts.unread = m_notifications->unreadCount();
    m_history->saveServerCounts(counts);
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
    m_unreadSinceResync.clear();
    QUrl list = m_settings.server.resolved(QUrl(m_settings.notificationsPath));
    QUrlQuery query(list);
    if (!query.hasQueryItem(QStringLiteral("limit")))
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    list.setQuery(query);
    m_snapshotAskedAt = QDateTime::currentDateTimeUtc();
    m_snapshot->fetch(m_network, RequestBuilder(m_client->settings().credentials), list);
    m_rest->get(QLatin1StringView(ApiPath::Orders), [this](const RestClient::Answer &answer) {
        if (answer.status != 200)
            return;
        QList<OrderStatus> orders;
        for (const auto &o : answer.body.value(u"orders").toArray()) {
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

void DesktopSession::onSnapshot(const QList<QJsonObject> &list, const NotificationListFetcher::Totals &totals)
{
    QList<NotificationItem> items;
    QList<Notify::ContentDedup::Entry> keys;
    QSet<QByteArray> fresh;
    const qint64 now = nowMs();
    for (auto it = list.crbegin(); it != list.crend(); ++it) { // oldest first
        const SseEvent event{ Notification::TypeName, QJsonDocument(*it).toJson(QJsonDocument::Compact), {} };
        const InterpretedEvent interpreted = m_feed->interpreter().interpret(event, InterpretedEvent::Source::CatchUp);
        const auto *n = std::get_if<Notification>(&interpreted.payload);
        if (!n)
            continue;
        items << NotificationItem::fromProtocol(*n, it->value(u"event_id").toString().toUtf8(),
                                                NotificationListFetcher::isRead(*it));
        // Published while the list was on its way: the stream, open since
        // before we asked, brings it too (by its id), and that delivery
        // alerts it. Without an id there is no telling it from a backend
        // that re-sends everything, so the list's word is taken for it.
        if (!items.last().read && !items.last().eventId.isEmpty()
            && n->createdAt >= m_snapshotAskedAt.addSecs(-FreshSnapshotSkewSecs)) {
            fresh.insert(items.last().eventId);
            continue;
        }
        // Known from now on: a backend that re-sends it, or a catch-up, does not alert it.
        m_feed->dedup().remember(interpreted.contentKey, interpreted.contentKeyExpires, now);
        keys << Notify::ContentDedup::Entry{ interpreted.contentKey, now, interpreted.contentKeyExpires };
    }
    m_notifications->reset(items);
    for (const NotificationItem &item : std::as_const(m_sinceResync)) {
        m_notifications->upsert(item);
        items << item;
    }
    // What happened since we asked, and what the server has not taken yet, holds over the snapshot.
    noteReadState(m_actions->waitingIds(Outbox::Kind::Read), true);
    noteReadState(m_actions->waitingIds(Outbox::Kind::Unread), false);
    m_notifications->markRead(m_readSinceResync);
    m_notifications->markUnread(m_unreadSinceResync);
    // The server's counts, against everything the list holds now.
    takeTotals(totals);
    // What the snapshot showed counts as delivered: a later replay of
    // those events must not alert again. The resume position stays.
    QByteArrayList seen;
    for (const NotificationItem &item : std::as_const(items)) {
        if (item.eventId.isEmpty() || fresh.contains(item.eventId))
            continue;
        m_journal.markSeen(item.eventId);
        seen << item.eventId;
    }
    m_sinceResync.clear();
    m_resyncPending = false;
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->rememberDelivered(seen);
        m_history->rememberContentKeys(keys);
        m_history->clearNotifications();
        m_history->saveNotifications(items);
        m_history->markRead(m_readSinceResync);
        m_history->markUnread(m_unreadSinceResync);
    }
    m_readSinceResync.clear();
    m_unreadSinceResync.clear();
    emit resynced();
}

void DesktopSession::onOlder(const QList<QJsonObject> &list, const NotificationListFetcher::Totals &totals)
{
    QList<NotificationItem> items;
    for (const QJsonObject &json : list) {
        const SseEvent event{ Notification::TypeName, QJsonDocument(json).toJson(QJsonDocument::Compact), {} };
        const InterpretedEvent e = m_feed->interpreter().interpret(event, InterpretedEvent::Source::CatchUp);
        if (const auto *n = std::get_if<Notification>(&e.payload)) {
            // Older ones are history: as the list says, or read when it does not say; never alerted.
            const bool read = NotificationListFetcher::isRead(json) || !json.contains(u"read");
            items << NotificationItem::fromProtocol(*n, json.value(u"event_id").toString().toUtf8(), read);
        }
    }
    const qsizetype added = m_notifications->applyOlder(items);
    if (totals.count || totals.unread)
        takeTotals(totals);
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->saveNotifications(items);
    }
    emit olderLoaded(int(added), totals.more);
}

void DesktopSession::noteReadState(const QStringList &ids, bool read)
{
    // The last word on each notification is the one that holds.
    QStringList &to = read ? m_readSinceResync : m_unreadSinceResync;
    QStringList &from = read ? m_unreadSinceResync : m_readSinceResync;
    if (!from.isEmpty()) {
        for (const QString &id : ids)
            from.removeAll(id);
    }
    to << ids;
}

void DesktopSession::takeTotals(const NotificationListFetcher::Totals &totals)
{
    // Beyond the list: what the server counts that the list does not hold.
    // A server that counts only its items (Django's `count`) leaves the
    // unread ones among them unknown. Reads and unreads of listed ones that
    // the server has not taken yet are in its count the other way round.
    if (!totals.count)
        return;
    std::optional<qint64> unread;
    if (totals.unread) {
        qint64 waiting = 0;
        for (const QString &id : m_actions->waitingIds(Outbox::Kind::Read))
            waiting += m_notifications->rowOf(id) ? 1 : 0;
        for (const QString &id : m_actions->waitingIds(Outbox::Kind::Unread))
            waiting -= m_notifications->rowOf(id) ? 1 : 0;
        unread = *totals.unread - waiting - m_notifications->loadedUnreadCount();
    }
    m_notifications->setBeyond(*totals.count - m_notifications->notificationCount(), unread);
    saveServerCounts();
}

void DesktopSession::scheduleRecount()
{
    if (!m_recountTimer->isActive())
        m_recountTimer->start();
    if (!m_recountWanted.isValid())
        m_recountWanted.start();
}

void DesktopSession::recount()
{
    // Counted when the stream is quiet, so that what the server counts is
    // what the list has applied; on a stream that is never quiet, after a while anyway.
    const bool busy = m_batch.events > 0 || (m_sinceFlush.isValid() && m_sinceFlush.elapsed() < RecountQuietMs);
    const qint64 waited = m_recountWanted.isValid() ? m_recountWanted.elapsed() : RecountLongestWaitMs;
    if (busy && waited < RecountLongestWaitMs) {
        m_recountTimer->start();
        return;
    }
    m_listChangesAtRecount = m_listChanges;
    QUrl list = m_settings.server.resolved(QUrl(m_settings.notificationsPath));
    QUrlQuery query(list);
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    list.setQuery(query);
    m_counts->setMaxItems(1);
    m_counts->fetch(m_network, RequestBuilder(m_client->settings().credentials), list);
}

void DesktopSession::onEvent(const InterpretedEvent &interpreted)
{
    m_lastEventTime = QDateTime::currentDateTimeUtc(); // no time zone lookup per event
    const QByteArray &id = interpreted.id;
    if (std::holds_alternative<Reset>(interpreted.payload)) {
        flushBatch(); // what came before the reset, before the resync
        if (m_history)
            m_history->setLastEventId(id);
        m_journal.setLastEventId(id);
        // Handled here, once: the server could not replay, so the snapshots are loaded again.
        log(tr("the server could not replay from our last event: reloading everything"));
        resync();
        return;
    }
    // Exactly once: a replayed event is neither shown again nor alerted again;
    // events without ids were checked by their content (EventFeed).
    if (!id.isEmpty()) {
        if (!m_journal.accept(id))
            return;
        m_batch.eventIds << id;
    } else if (!interpreted.contentKey.isEmpty()) {
        m_batch.contentKeys << Notify::ContentDedup::Entry{ interpreted.contentKey, nowMs(),
                                                            interpreted.contentKeyExpires };
    }
    if (!interpreted.note.isEmpty())
        log(tr("shown as a notification: %1").arg(interpreted.note));
    std::visit([this, &interpreted](const auto &payload) { apply(payload, interpreted); }, interpreted.payload);
    if (++m_batch.events >= MaxBatchEvents)
        flushBatch(); // a backlog: in bounded steps, each one quick
    else
        scheduleFlush();
}

void DesktopSession::apply(const Notification &n, const InterpretedEvent &event)
{
    m_batch.notifications << NotificationItem::fromProtocol(n, event.id, event.read);
    if (m_settings.alertNotifications && !event.read)
        alert(AlertCenter::Kind::Notification, n.notificationId, n.title, n.body, urgencyOf(n.level), true);
}

void DesktopSession::apply(const NotificationRead &r, const InterpretedEvent &)
{
    // The last word on a notification in a batch is the one that counts.
    if (!m_batch.unreads.isEmpty()) {
        for (const QString &id : r.notificationIds)
            m_batch.unreads.removeAll(id);
    }
    m_batch.reads << r.notificationIds;
}

void DesktopSession::apply(const NotificationUnread &r, const InterpretedEvent &)
{
    for (const QString &id : r.notificationIds)
        m_batch.reads.removeAll(id);
    m_batch.unreads << r.notificationIds;
}

void DesktopSession::apply(const OrderStatus &o, const InterpretedEvent &)
{
    m_batch.orders << o;
    if (m_settings.alertOrders)
        alert(AlertCenter::Kind::OrderUpdate, QString(),
              tr("Order %1: %2").arg(o.orderId, DisplayText::orderStatusName(o)), o.note,
              o.status == OrderState::Cancelled ? Notifier::Urgency::Critical : Notifier::Urgency::Normal, false);
}

void DesktopSession::apply(const Message &m, const InterpretedEvent &)
{
    m_batch.messages << m;
    if (m_settings.alertMessages && m.from != m_settings.user)
        alert(AlertCenter::Kind::Message, QString(), tr("Message from %1").arg(m_presence->displayName(m.from)), m.body,
              Notifier::Urgency::Normal, false);
}

void DesktopSession::apply(const Presence &p, const InterpretedEvent &)
{
    m_batch.presences << p;
    if (m_settings.alertPresence && p.user != m_settings.user)
        alert(AlertCenter::Kind::Presence, QString(),
              tr("%1 is %2")
                  .arg(p.displayName.isEmpty() ? p.user : p.displayName, DisplayText::presenceName(p.status).toLower()),
              {}, Notifier::Urgency::Low, false);
}

void DesktopSession::scheduleFlush()
{
    if (m_flushTimer->isActive())
        return;
    // After everything this pass of the event loop brought, and at most one
    // batch per FlushIntervalMs: a steady stream repaints the window ten
    // times a second, not once per event, and a burst is a few batches.
    const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : FlushIntervalMs;
    m_flushTimer->start(int(std::clamp<qint64>(FlushIntervalMs - since, 0, FlushIntervalMs)));
}

void DesktopSession::flushBatch()
{
    m_flushTimer->stop();
    m_sinceFlush.start();
    Batch b = std::exchange(m_batch, {});
    if (b.notifications.isEmpty() && b.reads.isEmpty() && b.unreads.isEmpty() && b.orders.isEmpty()
        && b.messages.isEmpty() && b.presences.isEmpty() && b.eventIds.isEmpty() && b.contentKeys.isEmpty())
        return;
    if (!b.notifications.isEmpty() || !b.reads.isEmpty() || !b.unreads.isEmpty())
        ++m_listChanges;
    m_notifications->apply(b.notifications);
    // Read or unread on the server: those the list does not hold change its count beyond the list.
    if (m_notifications->markRead(b.reads) + m_notifications->markUnread(b.unreads) > 0)
        scheduleRecount();
    if (m_resyncPending) {
        m_sinceResync << b.notifications;
        noteReadState(b.reads, true);
        noteReadState(b.unreads, false);
    }
    m_orders->apply(b.orders);
    QList<Message> newMessages;
    for (const Message &m : std::as_const(b.messages)) {
        if (m_messages->add(m, true))
            newMessages << m;
    }
    for (const Presence &p : std::as_const(b.presences))
        m_presence->apply(p);
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->saveNotifications(b.notifications);
        m_history->markRead(b.reads);
        m_history->markUnread(b.unreads);
        m_history->saveOrders(b.orders);
        m_history->saveMessages(newMessages);
        m_history->rememberEvents(b.eventIds);
        m_history->rememberContentKeys(b.contentKeys);
    }
    // Alerts last, with the models up to date (the summary's unread count);
    // one read in the same batch takes its alert with it. When a batch holds
    // more than can be shown one by one (a backlog after a closed lid), the
    // messages and errors take the places, the rest go to the summary.
    if (b.alerts.size() > m_settings.alertsPerWindow) {
        std::stable_sort(b.alerts.begin(), b.alerts.end(), [](const auto &a, const auto &c) {
            return AlertCenter::rank(a.first, a.second) < AlertCenter::rank(c.first, c.second);
        });
    }
    m_alerts->withdraw(b.reads);
    for (const auto &[kind, alert] : std::as_const(b.alerts)) {
        if (alert.key.isEmpty() || !b.reads.contains(alert.key))
            m_alerts->offer(kind, alert);
    }
    emit eventsApplied();
}

void DesktopSession::alert(AlertCenter::Kind kind, const QString &key, const QString &title, const QString &body,
                           Notifier::Urgency urgency, bool markable)
{
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
    m_batch.alerts.append({ kind, a });
}

void DesktopSession::alertTokenRefused()
{
    // Once per refusal, past Do not disturb: without a token nothing else reaches the desktop.
    if (!m_notifier || std::exchange(m_tokenAlerted, true))
        return;
    Notifier::Alert a;
    a.key = TokenRefusedKey;
    a.title = tr("Notify: the server refused your token");
    a.body = tr("No notifications arrive until you enter a new token in the settings.");
    a.urgency = Notifier::Urgency::Critical;
    a.actions = { QStringLiteral("default"), tr("Open settings"), QStringLiteral("settings"), tr("Open settings") };
    m_notifier->show(a);
}

void DesktopSession::pauseAlerts(const QDateTime &until)
{
    m_alerts->pause(until);
}

QDateTime DesktopSession::alertsPausedUntil() const
{
    return m_alerts->isPaused() ? m_alerts->pausedUntil() : QDateTime();
}

void DesktopSession::setProblem(const QString &problem, int status)
{
    if (problem == m_lastProblem && status == m_lastProblemStatus)
        return;
    m_lastProblem = problem;
    m_lastProblemStatus = status;
    emit problemChanged(problem);
}

void DesktopSession::loadOlder()
{
    if (m_older->isFetching())
        return;
    QUrl list = m_settings.server.resolved(QUrl(m_settings.notificationsPath));
    QUrlQuery query(list);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_notifications->notificationCount()));
    list.setQuery(query);
    m_older->setMaxItems(500);
    m_older->fetch(m_network, RequestBuilder(m_client->settings().credentials), list);
}
