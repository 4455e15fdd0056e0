// SPDX-License-Identifier: MIT
#pragma once

#include "alertcenter.h"
#include "batchclock.h"
#include "common/interpretedevent.h"
#include "notificationloader.h"
#include "notificationmodel.h"
#include "notifier.h"
#include "restactions.h"
#include "sourcesession.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace Notify::Tray {

class HistoryStore;
class MessageModel;
class OrderModel;
class PresenceModel;
class ServerTotals;

/// Everything the tray app knows and does for one signed-in user: its
/// source (SourceSession: the stream, exactly-once delivery, the lists, the
/// connection's state), the models the window shows, the local history,
/// the REST actions (RestActions) and the desktop alerts (AlertCenter). No
/// widgets here, so the whole session runs under the offscreen platform in
/// tests.
///
/// Events that arrive together are applied together: each one is staged in a
/// batch, and at the end of the event-loop pass the batch goes to the models
/// (ranges, not rows), to the history (one transaction) and to the alerts.
/// A steady stream is applied at most every FlushIntervalMs, a backlog in
/// batches of at most MaxBatchEvents.
class DesktopSession final : public QObject
{
    Q_OBJECT

public:
    /// The source, and which of its events alert.
    struct Settings : SourceSettings
    {
        bool alertNotifications = true;
        bool alertOrders = true;
        bool alertMessages = true;
        bool alertPresence = false;
        int alertsPerWindow = 3;
        qint64 alertWindowMs = 10'000;
        /// The source's name ("Shop"), as rules match it.
        QString sourceName;
        /// What to do with each event: the first match decides; none: alert (docs/CONFIGURATION.md).
        QList<Rule> rules;
        std::optional<QuietHours> quietHours;
        /// Leads every alert's title ("Shop: ") where several sources alert.
        QString alertPrefix;
        /// A config file's source: Settings keeps its address; with sourceLocked (the administrator
        /// locked "sources") its address and user name cannot be changed at all.
        bool preset = false;
        bool sourceLocked = false;
        /// `"sign_in": "password"`: asked for a password, which is exchanged for the token.
        bool passwordSignIn = false;
        SourceConfig::Dialect dialect = SourceConfig::Dialect::Auto;

        /// A config file's @p source, with what every source shares (alerts, rules, quiet hours) from
        /// @p common; its token is the file's (the caller looks in the keyring when there is none).
        [[nodiscard]] static Settings fromConfig(const SourceConfig &source, const Settings &common);
        /// The source as a config file keeps it (without its token: the keyring keeps that).
        [[nodiscard]] SourceConfig toConfig() const;
    };

    /// Events that arrive together are applied together, at most this often:
    /// the first after a quiet spell at the end of its event-loop pass.
    static constexpr qint64 FlushIntervalMs = 250;
    /// A batch that grows to this many events is applied at once (a backlog
    /// is taken in steps that each keep the app responsive).
    static constexpr int MaxBatchEvents = 250;
    /// An unread item (with an event id) in the notifications list created
    /// less than this before we asked for the list (allowing for the
    /// server's clock) is left for the stream to alert, not taken as
    /// already delivered.
    static constexpr int FreshSnapshotSkewSecs = 5;
    /// The key of the alert that says the token was refused.
    static constexpr QLatin1StringView TokenRefusedKey = AlertCenter::TokenRefusedKey;

    /// @p history may be null (nothing kept); the session does not own it.
    /// Every request of the session (stream, lists, polls, actions) goes
    /// through @p network, the application's one QNetworkAccessManager (one
    /// connection pool, TLS session cache and proxy); null: one of its own.
    DesktopSession(HistoryStore *history, Notifier *notifier, QNetworkAccessManager *network,
                   QObject *parent = nullptr);
    DesktopSession(HistoryStore *history, Notifier *notifier, QObject *parent = nullptr)
        : DesktopSession(history, notifier, nullptr, parent)
    { }
    ~DesktopSession() override;
    Q_DISABLE_COPY_MOVE(DesktopSession)

    void setSettings(const Settings &settings);
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    /// Applies batches in @p clock's waves (the desk's, shared by its sources) instead of its own
    /// clock's; @p clock outlives the session.
    void setBatchClock(BatchClock *clock);

    /// Loads the history, then connects (resuming after the stored id).
    void start();
    void stop();
    void reconnectNow();

    [[nodiscard]] NotificationModel *notifications() const { return m_notifications; }
    [[nodiscard]] OrderModel *orders() const { return m_orders; }
    [[nodiscard]] MessageModel *messages() const { return m_messages; }
    [[nodiscard]] PresenceModel *presence() const { return m_presence; }
    [[nodiscard]] AlertCenter *alerts() const { return m_alerts; }
    /// The REST actions: what the server offers, and what is waiting for it.
    [[nodiscard]] RestActions *actions() const { return m_actions; }
    [[nodiscard]] Notify::SseClient *client() const { return m_source->client(); }
    [[nodiscard]] Notify::SseClient::State connectionState() const { return m_source->state(); }
    /// How long the stream may stay quiet before isWaitingForServer() (ms).
    [[nodiscard]] qint64 quietWarningMs() const { return m_source->client()->settings().quietWarningMs; }
    [[nodiscard]] const Notify::EventJournal &journal() const { return m_source->ledger().journal(); }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }

    // Actions (RestActions): the window changes at once, the server is told,
    // and what it refuses is taken back with actionFailed().
    void markRead(const QStringList &notificationIds) { m_actions->markRead(notificationIds); }
    void markRead(const QString &notificationId) { markRead(QStringList{ notificationId }); }
    void markUnread(const QStringList &notificationIds) { m_actions->markUnread(notificationIds); }
    void markAllRead() { m_actions->markAllRead(); }
    void sendMessage(const QString &to, const QString &body) { m_actions->sendMessage(to, body); }
    void setMyStatus(const QString &status) { m_actions->setMyStatus(status); }
    /// Takes a notification on for the team (everyone else sees "Handled by …"), or gives it back.
    void claim(const QString &notificationId);
    void release(const QString &notificationId);
    /// The signed-in user's name: the settings', else what the server said in a claim's answer.
    [[nodiscard]] QString me() const { return m_settings.user.isEmpty() ? m_learnedUser : m_settings.user; }
    /// Older notifications than those the window has, from the server's list.
    void loadOlder();

    /// Do not disturb: alerts are held back until @p until (invalid: off).
    void pauseAlerts(const QDateTime &until);
    [[nodiscard]] QDateTime alertsPausedUntil() const;

    [[nodiscard]] QDateTime lastEventTime() const { return m_source->lastEventTime(); }
    /// Events received and waiting for the next batch.
    [[nodiscard]] int pendingEvents() const { return m_batch.events; }
    /// The recent connection log, newest last (the window's "details").
    [[nodiscard]] QStringList connectionLog() const { return m_source->connectionLog(); }
    /// The stream is open, but nothing came for longer than a heartbeat allows.
    [[nodiscard]] bool isWaitingForServer() const { return m_source->client()->isSilent(); }
    /// Why the connection is not working, for people (empty while it works).
    [[nodiscard]] QString lastProblem() const { return m_source->lastProblem(); }
    /// The last HTTP status of a failed connection attempt (0: a network error).
    [[nodiscard]] int lastProblemStatus() const { return m_source->lastProblemStatus(); }

signals:
    void connectionStateChanged(Notify::SseClient::State state);
    /// The open stream went quiet for longer than a heartbeat allows (true), or spoke again.
    void silenceChanged(bool silent);
    /// The user asked for the settings from an alert (the refused token's).
    void settingsRequested();
    void logged(const QString &line);
    void resynced();
    /// A batch of events was applied to the models: what arrived since the
    /// last batch, at most one batch per FlushIntervalMs.
    void eventsApplied();
    /// A REST action failed (and was taken back); the message is for the user.
    void actionFailed(RestActions::Action action, const QString &message);
    /// The user clicked "Open" on an alert.
    void openRequested(const QString &notificationId);
    /// How the connection is doing changed (lastProblem()).
    void problemChanged(const QString &problem);
    /// Older notifications arrived (loadOlder()): @p count new ones, and
    /// whether the server has more (false only when it said so).
    void olderLoaded(int count, bool more);

private:
    /// What one pass of the event loop brought, applied together.
    struct Batch
    {
        QList<NotificationItem> notifications;
        QStringList reads;
        QStringList unreads;
        QList<Notify::Protocol::OrderStatus> orders;
        QList<Notify::Protocol::Message> messages;
        QList<Notify::Protocol::Presence> presences;
        QList<Notify::Protocol::NotificationClaimed> claims;
        QStringList escalations;
        QList<QPair<AlertCenter::Kind, Notifier::Alert>> alerts;
        int events = 0;
    };

    void onEvent(const Notify::InterpretedEvent &interpreted);
    void onReset(const QByteArray &id);
    void onOpened();
    void onSnapshot(const QList<NotificationLoader::Loaded> &list, const NotificationLoader::Totals &totals);
    void onOlder(const QList<NotificationItem> &olderItems, const NotificationLoader::Totals &totals);
    /// A read (or unread) since a resync asked for the list: it holds over the snapshot.
    void noteReadState(const QStringList &ids, bool read);
    // One per typed event; onEvent() dispatches. They stage into the batch.
    void apply(const Notify::Protocol::Notification &n, const Notify::InterpretedEvent &event);
    void apply(const Notify::Protocol::NotificationRead &r, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::NotificationUnread &r, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::OrderStatus &o, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::Message &m, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::Presence &p, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::NotificationClaimed &c, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::NotificationEscalated &e, const Notify::InterpretedEvent &);
    void apply(const Notify::Protocol::Reset &, const Notify::InterpretedEvent &) { } // handled in onEvent
    /// Who handles what changed: the model, the history, the People page, and the alerts of what others took.
    void applyClaims(const QList<Notify::Protocol::NotificationClaimed> &claims);
    /// What @p claims leave in someone else's hands (their alerts leave this desktop).
    [[nodiscard]] QStringList claimedByOthers(const QList<Notify::Protocol::NotificationClaimed> &claims) const;
    /// The alerts of what nobody claimed in time, once more.
    void alertEscalations(const QStringList &ids);
    /// What the rules say about an event of @p type.
    [[nodiscard]] RuleAction ruleFor(const QString &type, const QString &level = {}, const QString &category = {},
                                     const QString &text = {}) const;
    [[nodiscard]] RuleAction ruleFor(const NotificationItem &item) const;
    /// @p items without those a rule hides.
    [[nodiscard]] QList<NotificationItem> listed(QList<NotificationItem> items) const;
    void scheduleFlush();
    void flushBatch();
    void resync();
    void log(const QString &line) { m_source->log(line); }

    Settings m_settings;
    HistoryStore *m_history;
    Notifier *m_notifier;
    QNetworkAccessManager *m_network;
    SourceSession *m_source;
    RestClient *m_rest;
    NotificationModel *m_notifications;
    OrderModel *m_orders;
    MessageModel *m_messages;
    PresenceModel *m_presence;
    AlertCenter *m_alerts;
    RestActions *m_actions;
    ServerTotals *m_totals;
    Batch m_batch;
    BatchClock *m_clock; ///< its own, or the desk's (setBatchClock())
    QElapsedTimer m_sinceFlush;
    bool m_snapshotLoaded = false;
    /// Notifications that arrived while a snapshot was on its way: the
    /// snapshot may predate them, so they are applied again on top of it.
    QList<NotificationItem> m_sinceResync;
    QStringList m_readSinceResync;
    QStringList m_unreadSinceResync;
    QList<Notify::Protocol::NotificationClaimed> m_claimsSinceResync;
    bool m_resyncPending = false;
    /// When the last snapshot was asked for (our clock, UTC).
    QDateTime m_snapshotAskedAt;
    QString m_learnedUser;
    /// Claims and releases on their way to the server, by notification: how
    /// many, and how many notification_claimed events came since (which
    /// then win over the answer).
    struct ClaimInFlight
    {
        int requests = 0;
        int eventsSince = 0;
    };
    QHash<QString, ClaimInFlight> m_claimsInFlight;
};

} // namespace Notify::Tray
