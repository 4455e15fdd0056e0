// SPDX-License-Identifier: MIT
#include "sseclient.h"

#include "httpanswer.h"

#include "networkreplies.h"
#include "pollingmode.h"
#include "retryafter.h"
#include "wakewatch.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcClient, "notify.client", QtInfoMsg)

namespace Notify {

namespace {

// How much of the body one event-loop pass parses and delivers (~250 typical
// events): big enough for throughput, small enough that a backlog never
// holds the app for long.
constexpr qint64 ReadSlice = 64 * 1024;

} // namespace

class SseClient::ParserListener final : public SseParser::Listener
{
public:
    explicit ParserListener(SseClient *client)
        : m_client(client)
    { }
    void onEvent(const SseEvent &event) override { m_client->deliver(event); }
    void onComment(QByteArrayView text) override { emit m_client->commentReceived(text.toByteArray()); }
    void onRetry(quint64 ms) override { m_client->m_policy.setServerRetry(qint64(std::min<quint64>(ms, 1u << 30))); }
    void onError(SseParser::Error error) override
    {
        qCWarning(lcClient) << SseParser::errorString(error);
        emit m_client->errorOccurred(0, SseParser::errorString(error));
    }

private:
    SseClient *m_client;
};

SseClient::SseClient(QObject *parent)
    : SseClient(nullptr, parent)
{ }

SseClient::SseClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_listener(std::make_unique<ParserListener>(this))
    , m_parser(m_listener.get())
    , m_random(QRandomGenerator::securelySeeded())
    , m_reconnectTimer(new QTimer(this))
    , m_watchdog(new QTimer(this))
    , m_quiet(new QTimer(this))
    , m_drain(new QTimer(this))
    , m_wake(new WakeWatch(this))
    , m_polling(new PollingMode(
          m_network, [this] { return m_parser.lastEventId(); }, this))
{
    qRegisterMetaType<Notify::SseEvent>();
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &SseClient::connectStream);
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, &SseClient::onWatchdog);
    m_quiet->setSingleShot(true);
    connect(m_quiet, &QTimer::timeout, this, [this] {
        // Late, but maybe only because the app was busy: data waiting to be read is a sign of life.
        if (m_state == State::Open && !(m_reply && m_reply->bytesAvailable() > 0))
            setSilent(true);
    });
    m_drain->setSingleShot(true);
    connect(m_drain, &QTimer::timeout, this, &SseClient::onReadyRead);
    connect(m_wake, &WakeWatch::clockJumped, this, [this](qint64 jump) {
        // The monotonic clock stops during suspend; the wall clock does not.
        if (m_state == State::Open || m_state == State::Connecting || m_state == State::WaitingToReconnect
            || m_state == State::Polling) {
            qCInfo(lcClient) << "the clock jumped" << jump << "ms (resumed from suspend?): reconnecting now";
            reconnectNow();
        }
    });
    connect(m_wake, &WakeWatch::networkBack, this, [this] {
        if (m_state == State::WaitingToReconnect || m_state == State::Polling) {
            qCInfo(lcClient) << "the network is back: reconnecting now";
            reconnectNow();
        }
    });
    connect(m_polling, &PollingMode::polled, this, &SseClient::onPolled);
    connect(m_polling, &PollingMode::failed, this, &SseClient::onPollFailed);
    connect(m_polling, &PollingMode::streamRetryDue, this, &SseClient::connectStream);
}

SseClient::~SseClient()
{
    m_stopping = true;
    abortReply();
}

void SseClient::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_policy = ReconnectPolicy(settings.reconnect);
    m_wake->setSettings({ settings.clockCheckIntervalMs, settings.clockJumpMs, settings.wallClock });
}

void SseClient::setToken(const QByteArray &token)
{
    const bool changed = token != m_settings.credentials.token;
    m_settings.credentials.token = token;
    if (changed && m_state == State::AuthRequired)
        reconnectNow();
}

void SseClient::setLastEventId(const QByteArray &id)
{
    m_parser.setLastEventId(id);
}

void SseClient::setPollingFallback(PollingFallback *fallback)
{
    m_polling->setFallback(fallback);
}

QUrl SseClient::pollingUrl() const
{
    return m_polling->pollingUrl(m_settings.url);
}

void SseClient::heard()
{
    setSilent(false);
    if (m_state == State::Open)
        m_quiet->start(int(m_settings.quietWarningMs));
    else
        m_quiet->stop();
}

void SseClient::setSilent(bool silent)
{
    if (m_silent == silent)
        return;
    m_silent = silent;
    if (silent)
        qCInfo(lcClient).noquote() << "no data for" << m_settings.quietWarningMs / 1000 << "s: waiting for the server";
    emit silenceChanged(silent);
}

void SseClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    heard(); // silence is an open stream's: any other state ends it
    qCDebug(lcClient) << "state" << state;
    emit stateChanged(state);
}

void SseClient::start()
{
    if (m_state != State::Stopped && m_state != State::Failed && m_state != State::AuthRequired)
        return;
    m_policy.reset();
    m_silentOpens = 0;
    m_wake->start();
    connectStream();
}

void SseClient::stop()
{
    m_stopping = true;
    abortReply();
    m_polling->abort(); // stopped on purpose: no error to report
    m_reconnectTimer->stop();
    m_watchdog->stop();
    m_wake->stop();
    m_stopping = false;
    setState(State::Stopped);
}

void SseClient::reconnectNow()
{
    m_policy.reset();
    m_silentOpens = 0;
    if (!m_wake->isActive())
        m_wake->start();
    connectStream();
}

void SseClient::abortReply()
{
    abandonReply(m_reply, this);
}

void SseClient::connectStream()
{
    m_stopping = true;
    abortReply();
    m_stopping = false;
    m_reconnectTimer->stop();
    m_polling->pause();
    m_parser.endOfStream();
    m_statusChecked = false;
    m_streamOk = false;
    m_bodyBytes = 0;
    ++m_replyGeneration;
    m_httpStatus = 0;
    m_failure.clear();

    QNetworkRequest request = RequestBuilder(m_settings.credentials).build(m_settings.url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    for (const auto &[name, value] : std::as_const(m_settings.headers))
        request.setRawHeader(name, value);
    // Per the spec: sent when the last event id is not empty (an empty id: line clears it).
    const QByteArray lastId = m_parser.lastEventId();
    if (!lastId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastId);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SseClient::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &SseClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SseClient::onFinished);
    m_watchdog->start(int(m_settings.readTimeoutMs));
    setState(State::Connecting);
}

void SseClient::onMetaData()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (status >= 300 && status < 400))
        return; // a redirect being followed
    m_httpStatus = status;
    if (m_statusChecked)
        return;
    m_statusChecked = true;
    m_watchdog->start(int(m_settings.readTimeoutMs));
    if (status != 200)
        return; // the body is the reason; finished() handles it
    const QByteArray contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!HttpAnswer::isEventStream(contentType)) {
        m_failure
            = QStringLiteral("the server answered %1 instead of text/event-stream (a captive portal or proxy page?)")
                  .arg(contentType.isEmpty() ? QStringLiteral("no content type") : QString::fromLatin1(contentType));
        m_reply->abort();
        return;
    }
    m_streamOk = true;
    m_openedAt.start();
    setState(State::Open);
    heard();
    emit opened();
}

void SseClient::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_statusChecked)
        onMetaData();
    if (!m_reply)
        return;
    m_watchdog->start(int(m_settings.readTimeoutMs));
    if (!m_streamOk)
        return; // an error body: read when finished
    heard();
    // A bounded slice per event-loop pass: a backlog of megabytes is parsed
    // and delivered in steps, so the app paints and its timers run between
    // them; the rest is read in the next pass.
    const QByteArray bytes = m_reply->read(ReadSlice);
    m_bodyBytes += bytes.size();
    if (m_bodyBytes > 0 && m_silentOpens > 0)
        m_silentOpens = 0;
    m_parser.feed(bytes);
    // A zero timer, not a queued call: timers and paint requests get their
    // turn between two slices.
    if (m_reply && m_reply->bytesAvailable() > 0 && !m_drain->isActive())
        m_drain->start(0);
}

void SseClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_watchdog->stop();
    if (m_stopping)
        return;
    if (!m_statusChecked)
        onMetaData();
    const QNetworkReply::NetworkError error = reply->error();

    if (m_streamOk) {
        if (reply->bytesAvailable() > 0)
            m_parser.feed(reply->readAll());
        // An event cut off by the end of the stream is dropped, its id with it.
        m_parser.endOfStream();
        m_policy.streamHealthy(m_openedAt.elapsed());
        m_silentOpens = m_bodyBytes == 0 ? m_silentOpens + 1 : 0;
        const QString message = !m_failure.isEmpty() ? m_failure
            : error == QNetworkReply::NoError        ? QStringLiteral("the server closed the stream")
                                                     : reply->errorString();
        emit errorOccurred(0, message);
        if (m_silentOpens >= m_settings.silentOpensBeforePolling && pollingUrl().isValid()) {
            qCWarning(lcClient) << "streams open but never deliver a byte (a buffering proxy?): polling instead";
            enterPolling();
            return;
        }
        scheduleReconnect(m_policy.nextDelay(m_random));
        return;
    }

    const int status = m_httpStatus;
    const QByteArray body = reply->readAll();
    if (status == 200) { // but not an event stream
        emit errorOccurred(200, m_failure);
        scheduleReconnect(m_policy.longestDelay());
        return;
    }
    if (status == 0) {
        const QString message = m_failure.isEmpty() ? reply->errorString() : m_failure;
        emit errorOccurred(0, message);
        switch (error) {
        case QNetworkReply::TooManyRedirectsError:
        case QNetworkReply::InsecureRedirectError:
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::ProtocolUnknownError:
            // Waiting will not fix these: the user has to.
            setState(State::Failed);
            return;
        default:
            scheduleReconnect(m_policy.nextDelay(m_random));
            return;
        }
    }
    const HttpAnswer answer = HttpAnswer::of(status, body, reply->errorString(), reply->rawHeader("Retry-After"),
                                             reply->rawHeader("WWW-Authenticate"));
    emit errorOccurred(status, answer.explained(m_settings.credentials.scheme));
    if (status == 204) {
        setState(State::Stopped); // the server's way of saying "stop reconnecting"
        m_wake->stop();
    } else if (status == 401 || status == 403) {
        setState(State::AuthRequired);
    } else if (status == 408 || status == 429 || status >= 500) {
        const qint64 floor = answer.retryAfterMs;
        if (floor >= 0)
            m_policy.setMinimumNextDelay(floor);
        scheduleReconnect(m_policy.nextDelay(m_random));
    } else if (status == 404 && pollingUrl().isValid()) {
        enterPolling();
    } else {
        setState(State::Failed);
    }
}

void SseClient::onWatchdog()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    if (reply->bytesAvailable() > 0) { // received, not read yet: the app was busy, the peer is alive
        onReadyRead();
        return;
    }
    // The timer may have fired late, after the app was busy for a while, with
    // the data that came meanwhile queued behind it: look again once what is
    // queued has been handled, and give up only if nothing came.
    QMetaObject::invokeMethod(
        this, [this, generation = m_replyGeneration, bytes = m_bodyBytes] { confirmSilence(generation, bytes); },
        Qt::QueuedConnection);
}

void SseClient::confirmSilence(quint64 generation, qint64 bodyBytes)
{
    QNetworkReply *reply = m_reply.data();
    if (!reply || generation != m_replyGeneration || m_bodyBytes != bodyBytes || m_watchdog->isActive())
        return;
    if (reply->bytesAvailable() > 0) {
        onReadyRead();
        return;
    }
    m_failure = QStringLiteral("no data for %1 s: the connection is presumed dead")
                    .arg(double(m_settings.readTimeoutMs) / 1000);
    qCInfo(lcClient).noquote() << m_failure;
    reply->abort(); // finished() follows and reconnects
}

void SseClient::scheduleReconnect(qint64 delayMs)
{
    m_lastDelayMs = delayMs;
    setState(State::WaitingToReconnect);
    emit reconnectScheduled(delayMs);
    m_reconnectTimer->start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void SseClient::enterPolling()
{
    setState(State::Polling);
    m_polling->start(m_settings.credentials, m_settings.url, m_settings.pollIntervalMs,
                     m_settings.streamRetryWhilePollingMs);
}

void SseClient::onPolled(const QList<SseEvent> &events, const QByteArray &lastEventId, bool more)
{
    if (m_state != State::Polling)
        return;
    for (const SseEvent &event : events) {
        if (!event.id.isEmpty())
            m_parser.setLastEventId(event.id);
        deliver(event);
    }
    if (!lastEventId.isEmpty())
        m_parser.setLastEventId(lastEventId);
    if (more)
        m_polling->pollAgain();
}

void SseClient::onPollFailed(int status, const QString &message)
{
    if (m_state != State::Polling)
        return;
    emit errorOccurred(status, message);
    if (status == 401 || status == 403) {
        m_polling->pause();
        setState(State::AuthRequired);
    }
    // Anything else: try again at the next interval.
}

void SseClient::deliver(const SseEvent &event)
{
    // Every event alike, a `reset` too: what it means is the app's to say.
    emit eventReceived(event);
}

} // namespace Notify
