// SPDX-License-Identifier: MIT
#include "desktopsession.h"

#include "historystore.h"
#include "messagemodel.h"
#include "notificationmodel.h"
#include "ordermodel.h"
#include "presencemodel.h"
#include "restclient.h"
#include "servertotals.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Notify::Tray {

DesktopSession::Settings DesktopSession::Settings::fromConfig(const SourceConfig &source, const Settings &common)
{
    Settings settings = common;
    settings.sourceName = source.name;
    settings.server = source.url;
    settings.user = source.user;
    settings.auth = source.effectiveAuth();
    settings.dialect = source.dialect;
    settings.mappingFile = source.mapping;
    settings.caCertificateFile = source.caCertificate;
    settings.token = source.token;
    settings.passwordSignIn = source.signIn == SourceConfig::SignIn::Password;
    settings.preset = true;
    return settings;
}

SourceConfig DesktopSession::Settings::toConfig() const
{
    SourceConfig source;
    source.name = sourceName;
    source.url = server;
    source.user = user;
    source.auth = auth;
    source.dialect = dialect;
    source.mapping = mappingFile;
    source.signIn = passwordSignIn ? SourceConfig::SignIn::Password : SourceConfig::SignIn::Token;
    source.caCertificate = caCertificateFile;
    return source;
}

using namespace Notify;
using namespace Notify::Protocol;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DesktopSession::DesktopSession(HistoryStore *history, Notifier *notifier, QNetworkAccessManager *network,
                               QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_notifier(notifier)
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_source(new SourceSession(m_network, this))
    , m_rest(new RestClient(m_network, this))
    , m_notifications(new NotificationModel(this))
    , m_orders(new OrderModel(this))
    , m_messages(new MessageModel(this))
    , m_presence(new PresenceModel(this))
    , m_alerts(new AlertCenter(notifier, this))
    , m_actions(new RestActions(m_rest, history, m_notifications, m_messages, m_alerts, this))
    , m_totals(new ServerTotals(m_notifications, m_actions, history, m_source->loader(), this))
    , m_clock(new BatchClock(FlushIntervalMs, this))
{
    NotificationLoader *loader = m_source->loader();
    // Counted when the stream is quiet, so that what the server counts is what the list has applied.
    m_totals->busy = [this] {
        return m_batch.events > 0 || (m_sinceFlush.isValid() && m_sinceFlush.elapsed() < ServerTotals::RecountQuietMs);
    };
    connect(m_totals, &ServerTotals::logged, this, &DesktopSession::log);
    connect(m_actions, &RestActions::failed, this, &DesktopSession::actionFailed);
    connect(m_actions, &RestActions::replyRefused, this,
            [this](const QString &, const QString &, const QString &message) {
                emit actionFailed(RestActions::Action::Reply, message);
            });
    m_messages->setNameLookup([this](const QString &user) { return m_presence->displayName(user); });
    m_notifications->setNameLookup([this](const QString &user) { return m_presence->displayName(user); });
    m_actions->setNameLookup([this](const QString &user) { return m_presence->displayName(user); });
    m_alerts->setUnreadCounter([this] { return m_notifications->unreadCount(); });
    connect(m_alerts, &AlertCenter::pausedChanged, this, [this](const QDateTime &until) {
        log(until.isValid() ? tr("alerts paused until %1").arg(QLocale().toString(until, QLocale::ShortFormat))
                            : tr("alerts on"));
    });
    connect(loader, &NotificationLoader::olderLoaded, this, &DesktopSession::onOlder);
    connect(loader, &NotificationLoader::olderFailed, this, [this](int status, const QString &message) {
        emit actionFailed(RestActions::Action::LoadOlder,
                          tr("Could not load older notifications (HTTP %1): %2").arg(status).arg(message));
        emit olderLoaded(0, true);
    });
    connect(loader, &NotificationLoader::snapshotLoaded, this, &DesktopSession::onSnapshot);
    connect(loader, &NotificationLoader::snapshotFailed, this, [this](int status, const QString &message) {
        log(tr("could not load the notifications (HTTP %1): %2").arg(status).arg(message));
        m_resyncPending = false;
        m_sinceResync.clear();
        m_readSinceResync.clear();
    });
    connect(m_source, &SourceSession::eventAccepted, this, &DesktopSession::onEvent);
    connect(m_source, &SourceSession::resetReceived, this, &DesktopSession::onReset);
    connect(m_source, &SourceSession::logged, this, &DesktopSession::logged);
    connect(m_source, &SourceSession::problemChanged, this, &DesktopSession::problemChanged);
    connect(m_source, &SourceSession::silenceChanged, this, &DesktopSession::silenceChanged);
    connect(m_source, &SourceSession::stateChanged, this, [this](SseClient::State state) {
        if (state == SseClient::State::Open || state == SseClient::State::Polling)
            m_alerts->setTokenRefused(false);
        else if (state == SseClient::State::AuthRequired)
            m_alerts->setTokenRefused(true);
        emit connectionStateChanged(state);
    });
    connect(m_source, &SourceSession::opened, this, &DesktopSession::onOpened);
    connect(m_actions, &RestActions::claimAnswered, this, [this](const NotificationClaimed &claim) {
        // A notification_claimed that came while the request was on its way
        // is newer than the answer (someone released and another claimed at
        // once): the event's word stands.
        const auto asked = m_claimsInFlight.constFind(claim.notificationId);
        if (asked != m_claimsInFlight.cend() && asked->eventsSince > 0)
            return;
        applyClaims({ claim });
    });
    connect(m_actions, &RestActions::claimDone, this, [this](const QString &notificationId) {
        const auto asked = m_claimsInFlight.find(notificationId);
        if (asked != m_claimsInFlight.end() && --asked->requests <= 0)
            m_claimsInFlight.erase(asked);
    });
    connect(m_actions, &RestActions::userLearned, this, [this](const QString &user) {
        if (m_settings.user.isEmpty()) {
            m_learnedUser = user;
            m_notifications->setMe(user);
        }
    });
    connect(m_notifications, &NotificationModel::claimsChanged, this,
            [this] { m_presence->setHandling(m_notifications->handledBy()); });
    if (m_notifier) {
        connect(m_notifier, &Notifier::actionInvoked, this, [this](const QString &key, const QString &action) {
            if (key == TokenRefusedKey)
                emit settingsRequested();
            else if (action == u"mark-read")
                markRead(key);
            else if (action == u"claim")
                claim(key);
            else if (key == u"summary" || key == u"missed")
                emit openRequested({}); // the window, on the notifications
            else
                emit openRequested(key);
        });
    }
}

void DesktopSession::onOpened()
{
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
        m_totals->scheduleRecount(); // what the server has beyond the list (a restart, or while we were away)
}

DesktopSession::~DesktopSession()
{
    // Kept, not alerted: the app is going away (the notifier may be gone already).
    m_batch.alerts.clear();
    flushBatch();
}

void DesktopSession::setSettings(const Settings &settings)
{
    // Who a claim's answer said we are holds for that token on that server only.
    if (settings.token != m_settings.token || settings.server != m_settings.server)
        m_learnedUser.clear();
    m_settings = settings;
    m_alerts->setLimits(settings.alertsPerWindow, settings.alertWindowMs);
    m_alerts->setQuietHours(settings.quietHours);
    m_alerts->setTitlePrefix(settings.alertPrefix);
    m_alerts->setPasswordSignIn(settings.passwordSignIn);
    m_messages->setMe(settings.user);
    m_notifications->setMe(me());
    if (settings.server != m_rest->server())
        m_actions->serverChanged();
    m_source->setSettings(settings);
    m_rest->setServer(settings.server);
    m_rest->setCredentials(m_source->credentials());
}

void DesktopSession::start()
{
    if (m_history) {
        m_notifications->reset(listed(m_history->notifications()));
        m_orders->apply(m_history->orderHistory());
        for (const Message &m : m_history->messages())
            m_messages->add(m);
    }
    m_totals->restore(); // what the server had when we last knew
    m_actions->restore();
    // The source resumes from what its ledger kept (the stream's replay, or
    // a catch-up by content); the first run, or a reset, loads the
    // snapshots instead, without alerts.
    m_source->start(m_history);
    m_snapshotLoaded = !m_source->ledger().knowsNothing();
}

void DesktopSession::stop()
{
    m_source->stop();
    flushBatch(); // what arrived is kept, even when the app quits right after
    m_totals->save();
}

void DesktopSession::reconnectNow()
{
    m_source->reconnectNow();
}

void DesktopSession::resync()
{
    m_snapshotLoaded = true;
    m_resyncPending = true;
    m_sinceResync.clear();
    m_readSinceResync.clear();
    m_unreadSinceResync.clear();
    m_claimsSinceResync.clear();
    m_snapshotAskedAt = QDateTime::currentDateTimeUtc();
    m_source->loader()->fetchSnapshot();
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

void DesktopSession::onSnapshot(const QList<NotificationLoader::Loaded> &list, const NotificationLoader::Totals &totals)
{
    DeliveryLedger &ledger = m_source->ledger();
    QList<NotificationItem> items;
    items.reserve(list.size());
    QSet<QByteArray> fresh;
    const qint64 now = nowMs();
    for (const NotificationLoader::Loaded &loaded : list) { // oldest first
        items << loaded.item;
        // Published while the list was on its way: the stream, open since
        // before we asked, brings it too (by its id), and that delivery
        // alerts it. Without an id there is no telling it from a backend
        // that re-sends everything, so the list's word is taken for it.
        if (!loaded.item.read && !loaded.item.eventId.isEmpty()
            && loaded.item.createdAt >= m_snapshotAskedAt.addSecs(-FreshSnapshotSkewSecs)) {
            fresh.insert(loaded.item.eventId);
            continue;
        }
        // Known from now on: a backend that re-sends it, or a catch-up, does not alert it.
        ledger.markSeenContent(loaded.contentKey, loaded.contentKeyExpires, now);
    }
    items = listed(std::move(items)); // what a rule hides is delivered (above), not listed
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
    const QList<NotificationClaimed> claimsSince = std::exchange(m_claimsSinceResync, {});
    m_notifications->setClaims(claimsSince);
    // What the list says others handle asks nothing of this desktop: its alerts go.
    QStringList takenByOthers;
    for (const NotificationItem &item : std::as_const(items)) {
        if (!item.claimedBy.isEmpty() && item.claimedBy != me())
            takenByOthers << item.id;
    }
    m_alerts->withdraw(takenByOthers);
    m_totals->take(totals);
    // What the snapshot showed counts as delivered: a later replay of
    // those events must not alert again. The resume position stays.
    for (const NotificationItem &item : std::as_const(items)) {
        if (!item.eventId.isEmpty() && !fresh.contains(item.eventId))
            ledger.markSeen(item.eventId);
    }
    m_sinceResync.clear();
    m_resyncPending = false;
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        ledger.commit();
        m_history->clearNotifications();
        m_history->saveNotifications(items);
        m_history->markRead(m_readSinceResync);
        m_history->markUnread(m_unreadSinceResync);
        m_history->saveClaims(claimsSince);
    }
    m_readSinceResync.clear();
    m_unreadSinceResync.clear();
    emit resynced();
}

void DesktopSession::onOlder(const QList<NotificationItem> &olderItems, const NotificationLoader::Totals &totals)
{
    const QList<NotificationItem> items = listed(olderItems);
    const qsizetype added = m_notifications->applyOlder(items);
    if (totals.count || totals.unread)
        m_totals->take(totals);
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

void DesktopSession::onReset(const QByteArray &id)
{
    flushBatch(); // what came before the reset, before the resync
    m_source->ledger().setLastEventId(id);
    log(tr("the server could not replay from our last event: reloading everything"));
    resync();
}

void DesktopSession::onEvent(const InterpretedEvent &interpreted)
{
    // New, once (SourceSession): staged for the next batch.
    std::visit([this, &interpreted](const auto &payload) { apply(payload, interpreted); }, interpreted.payload);
    if (++m_batch.events >= MaxBatchEvents)
        flushBatch(); // a backlog: in bounded steps, each one quick
    else
        scheduleFlush();
}

RuleAction DesktopSession::ruleFor(const QString &type, const QString &level, const QString &category,
                                   const QString &text) const
{
    if (m_settings.rules.isEmpty())
        return RuleAction::Alert;
    return Rule::decide(m_settings.rules, RuleSubject{ m_settings.sourceName, type, level, category, text });
}

RuleAction DesktopSession::ruleFor(const NotificationItem &item) const
{
    return ruleFor(QLatin1StringView(Notification::TypeName), Notify::Protocol::toString(item.level), item.category,
                   item.title + u'\n' + item.body);
}

QList<NotificationItem> DesktopSession::listed(QList<NotificationItem> items) const
{
    if (!m_settings.rules.isEmpty())
        items.removeIf([this](const NotificationItem &item) { return ruleFor(item) == RuleAction::Hide; });
    return items;
}

void DesktopSession::apply(const Notification &n, const InterpretedEvent &event)
{
    NotificationItem item = NotificationItem::fromProtocol(n, event.id, event.read);
    const RuleAction rule = ruleFor(item);
    if (rule == RuleAction::Hide)
        return;
    m_batch.notifications << std::move(item);
    if (m_settings.alertNotifications && !event.read && rule == RuleAction::Alert) {
        Notifier::Alert alert = AlertCenter::notificationAlert(n);
        if (m_actions->offers(RestActions::Action::Claim))
            AlertCenter::addClaimAction(alert);
        m_batch.alerts.append({ AlertCenter::Kind::Notification, alert });
    }
}

void DesktopSession::claim(const QString &notificationId)
{
    ++m_claimsInFlight[notificationId].requests;
    m_actions->claim(notificationId);
}

void DesktopSession::release(const QString &notificationId)
{
    ++m_claimsInFlight[notificationId].requests;
    m_actions->release(notificationId);
}

void DesktopSession::apply(const NotificationClaimed &c, const InterpretedEvent &)
{
    if (const auto asked = m_claimsInFlight.find(c.notificationId); asked != m_claimsInFlight.end())
        ++asked->eventsSince;
    m_batch.claims << c;
}

void DesktopSession::apply(const NotificationEscalated &e, const InterpretedEvent &)
{
    m_batch.escalations << e.notificationId;
}

void DesktopSession::applyClaims(const QList<NotificationClaimed> &claims)
{
    if (claims.isEmpty())
        return;
    m_notifications->setClaims(claims);
    if (m_history)
        m_history->saveClaims(claims);
    m_alerts->withdraw(claimedByOthers(claims));
}

QStringList DesktopSession::claimedByOthers(const QList<NotificationClaimed> &claims) const
{
    // The last word on each notification is the one that holds.
    QStringList others;
    for (const NotificationClaimed &c : claims) {
        others.removeAll(c.notificationId);
        if (!c.claimedBy.isEmpty() && c.claimedBy != me())
            others << c.notificationId;
    }
    return others;
}

void DesktopSession::alertEscalations(const QStringList &ids)
{
    QStringList marked;
    for (const QString &id : ids) {
        // The notification itself, not its row's newest (repeats share a row).
        const NotificationItem *found = m_notifications->find(id);
        if (!found) {
            log(tr("an unclaimed notification was escalated, but it is not in the list (%1)").arg(id));
            continue;
        }
        marked << id;
        const NotificationItem item = *found;
        // Claimed meanwhile (its event came first), or by us: nothing to ask.
        if (!item.claimedBy.isEmpty() || !m_settings.alertNotifications)
            continue;
        m_alerts->withdraw({ id }); // the first alert, if still up, makes way
        Notifier::Alert alert = AlertCenter::escalationAlert(item);
        if (m_actions->offers(RestActions::Action::Claim))
            AlertCenter::addClaimAction(alert);
        m_alerts->offer(AlertCenter::Kind::Notification, alert);
    }
    m_notifications->markEscalated(marked);
    if (m_history)
        m_history->markEscalated(marked);
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
    // An order's status is state, not a list entry: "hide" keeps it true on the Orders page, without an alert.
    const RuleAction rule = ruleFor(QLatin1StringView(OrderStatus::TypeName), {}, {}, o.orderId + u'\n' + o.note);
    m_batch.orders << o;
    if (m_settings.alertOrders && rule == RuleAction::Alert)
        m_batch.alerts.append({ AlertCenter::Kind::OrderUpdate, AlertCenter::orderAlert(o) });
}

void DesktopSession::apply(const Message &m, const InterpretedEvent &)
{
    const RuleAction rule = ruleFor(QLatin1StringView(Message::TypeName), {}, {}, m.body);
    if (rule == RuleAction::Hide)
        return;
    m_batch.messages << m;
    if (m_settings.alertMessages && m.from != m_settings.user && rule == RuleAction::Alert)
        m_batch.alerts.append(
            { AlertCenter::Kind::Message, AlertCenter::messageAlert(m, m_presence->displayName(m.from)) });
}

void DesktopSession::apply(const Presence &p, const InterpretedEvent &)
{
    // Who is online is state too: "hide" keeps People true, without an alert.
    const RuleAction rule = ruleFor(QLatin1StringView(Presence::TypeName), {}, {}, p.displayName);
    m_batch.presences << p;
    if (m_settings.alertPresence && p.user != m_settings.user && rule == RuleAction::Alert)
        m_batch.alerts.append({ AlertCenter::Kind::Presence, AlertCenter::presenceAlert(p) });
}

void DesktopSession::setBatchClock(BatchClock *clock)
{
    m_clock = clock;
    if (m_batch.events > 0)
        scheduleFlush();
}

void DesktopSession::scheduleFlush()
{
    // After everything this pass of the event loop brought, and at most one
    // batch per FlushIntervalMs: a steady stream repaints the window four
    // times a second, not once per event, and a burst is a few batches.
    // (With several sources, in the same waves as the others.)
    m_clock->request(this, [this] { flushBatch(); });
}

void DesktopSession::flushBatch()
{
    Batch b = std::exchange(m_batch, {});
    if (b.events == 0) // every event staged counts itself (a wave may come after a flush of a backlog)
        return;
    m_sinceFlush.start();
    if (!b.notifications.isEmpty() || !b.reads.isEmpty() || !b.unreads.isEmpty())
        m_totals->listChanged();
    m_notifications->apply(b.notifications);
    // Read or unread on the server: those the list does not hold change its count beyond the list.
    // New ones may too: a server that keeps only its newest N drops its oldest for each (what is
    // beyond the list here), so its count is asked again rather than guessed.
    if (m_notifications->markRead(b.reads) + m_notifications->markUnread(b.unreads) > 0
        || (!b.notifications.isEmpty() && m_notifications->notificationsBeyond() > 0))
        m_totals->scheduleRecount();
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
    if (!b.claims.isEmpty()) {
        m_notifications->setClaims(b.claims);
        if (m_resyncPending)
            m_claimsSinceResync << b.claims;
    }
    if (m_history) {
        const HistoryStore::Transaction transaction(*m_history);
        m_history->saveNotifications(b.notifications);
        m_history->markRead(b.reads);
        m_history->markUnread(b.unreads);
        m_history->saveOrders(b.orders);
        m_history->saveMessages(newMessages);
        m_history->saveClaims(b.claims);
        m_source->ledger().commit(); // what was delivered, with what it brought
    }
    // Alerts last, with the models up to date (the summary's unread count).
    // What was read, or taken on by someone else, leaves the screen.
    m_alerts->offerBatch(b.alerts, b.reads + claimedByOthers(b.claims));
    alertEscalations(b.escalations);
    emit eventsApplied();
}

void DesktopSession::pauseAlerts(const QDateTime &until)
{
    m_alerts->pause(until);
}

QDateTime DesktopSession::alertsPausedUntil() const
{
    return m_alerts->isPaused() ? m_alerts->pausedUntil() : QDateTime();
}

void DesktopSession::loadOlder()
{
    m_source->loader()->fetchOlder(m_notifications->notificationCount());
}

} // namespace Notify::Tray
