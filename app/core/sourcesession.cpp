// SPDX-License-Identifier: MIT
#include "sourcesession.h"

#include "common/eventfeed.h"
#include "common/eventspoller.h"
#include "common/notificationspoller.h"
#include "common/pollingchain.h"
#include "displaytext.h"
#include "notificationloader.h"

#include <QLoggingCategory>

namespace Notify::Tray {

Q_LOGGING_CATEGORY(lcSession, "notify.tray", QtInfoMsg)

using namespace Notify;

SourceSession::SourceSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_client(new SseClient(network, this))
    , m_feed(new EventFeed(m_client, this))
    , m_loader(new NotificationLoader(network, &m_feed->interpreter(), this))
{
    m_feed->setLedger(&m_ledger);
    connect(m_feed, &EventFeed::eventReady, this, &SourceSession::onEvent);
    connect(m_feed, &EventFeed::logged, this, &SourceSession::log);
    connect(m_client, &SseClient::stateChanged, this, [this](SseClient::State state) {
        log(tr("connection %1").arg(DisplayText::connectionState(state)));
        if (state == SseClient::State::Open || state == SseClient::State::Polling)
            setProblem({}, 0);
        emit stateChanged(state);
    });
    connect(m_client, &SseClient::silenceChanged, this, [this](bool silent) {
        if (silent)
            log(tr("no data for %1 s: waiting for the server").arg(m_client->settings().quietWarningMs / 1000));
        emit silenceChanged(silent);
    });
    connect(m_client, &SseClient::opened, this, &SourceSession::opened);
    connect(m_client, &SseClient::errorOccurred, this, [this](int status, const QString &message) {
        log(status ? tr("HTTP %1: %2").arg(status).arg(message) : message);
        // A stream that ends is normal (it reconnects); anything else is a problem to show.
        if (m_client->state() != SseClient::State::Open || status != 0)
            setProblem(message, status);
    });
    connect(m_client, &SseClient::reconnectScheduled, this,
            [this](qint64 ms) { log(tr("next attempt in %1 s").arg(double(ms) / 1000, 0, 'f', 1)); });
}

SourceSession::~SourceSession() = default;

Credentials SourceSession::credentials() const
{
    return Credentials{ m_settings.token, m_settings.auth, m_settings.caCertificateFile };
}

void SourceSession::setSettings(const SourceSettings &settings)
{
    m_settings = settings;
    SseClient::Settings client = m_client->settings();
    client.url = settings.server.resolved(QUrl(settings.streamPath));
    client.credentials = credentials();
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
    m_loader->setList(settings.server.resolved(QUrl(settings.notificationsPath)), client.credentials);
}

void SourceSession::start(DeliveryStore *store)
{
    m_ledger.restore(store);
    // With a stored position the stream's replay brings us up to date, and
    // with a backend without ids a catch-up from its list does (what was
    // delivered before is known by its content).
    m_feed->setCatchUp(m_settings.server.resolved(QUrl(m_settings.notificationsPath)), !m_ledger.knowsNothing());
    m_client->setLastEventId(m_ledger.lastEventId());
    log(m_ledger.lastEventId().isEmpty()
            ? tr("starting fresh")
            : tr("resuming after event %1").arg(QString::fromUtf8(m_ledger.lastEventId())));
    m_client->start();
}

void SourceSession::stop()
{
    m_client->stop();
}

void SourceSession::reconnectNow()
{
    log(tr("reconnecting now (asked by the user)"));
    m_client->reconnectNow();
}

void SourceSession::log(const QString &line)
{
    const QString stamped = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line;
    m_log << stamped;
    if (m_log.size() > 500)
        m_log.removeFirst();
    qCInfo(lcSession).noquote() << line;
    emit logged(stamped);
}

void SourceSession::setProblem(const QString &problem, int status)
{
    if (problem == m_lastProblem && status == m_lastProblemStatus)
        return;
    m_lastProblem = problem;
    m_lastProblemStatus = status;
    emit problemChanged(problem);
}

void SourceSession::onEvent(const InterpretedEvent &event)
{
    m_lastEventTime = QDateTime::currentDateTimeUtc(); // no time zone lookup per event
    if (std::holds_alternative<Protocol::Reset>(event.payload)) {
        emit resetReceived(event.id); // handled once, by the owner (it reloads the lists)
        return;
    }
    // Exactly once: a replayed event is neither shown again nor alerted again;
    // events without ids were checked by their content (EventFeed).
    if (!event.id.isEmpty() && !m_ledger.acceptId(event.id))
        return;
    if (!event.note.isEmpty())
        log(tr("shown as a notification: %1").arg(event.note));
    emit eventAccepted(event);
}

} // namespace Notify::Tray
