// SPDX-License-Identifier: MIT
#pragma once

#include "reconnectpolicy.h"
#include "requestbuilder.h"
#include "sseevent.h"
#include "sseparser.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Notify {

class PollingFallback;
class PollingMode;
class WakeWatch;

/// A Server-Sent Events connection that survives what real networks do.
///
/// It GETs the stream with `Accept: text/event-stream`, `Cache-Control:
/// no-cache`, the token and custom headers (built by RequestBuilder:
/// redirects followed, at most maxRedirects; the system proxy; an extra CA
/// file for private servers, never "skip verification"), parses it with SseParser and
/// reconnects with `Last-Event-ID` after anything that ends a stream:
///
/// | what happened | what it does |
/// | --- | --- |
/// | network error, stream ended, 5xx, 408, 429 | reconnect with backoff (ReconnectPolicy); `Retry-After` is a floor |
/// | 200 but not `text/event-stream` (captive portal, proxy page) | reconnect after the longest backoff, saying why |
/// | 401, 403 | state AuthRequired until the token changes or reconnectNow() |
/// | 204 | state Stopped: the server said so |
/// | other 4xx, too many redirects | state Failed with the reason, until reconnectNow() |
/// | 404, or streams that open but never deliver a byte | polling every 30 s through the PollingFallback it was
/// given (none: Failed / reconnect); the stream is tried again every 5 minutes |
///
/// An open stream that is quiet for longer than a heartbeat allows
/// (quietWarningMs) says so (silent()), well before the watchdog gives up on
/// it. A watchdog aborts a connection that delivered no byte (heartbeat
/// comments count) for readTimeoutMs: a half-open connection after a sleep or
/// a NAT timeout. Data received but not yet read counts as a sign of life, and
/// the watchdog gives up only after what was queued while the app was busy
/// has been handled. The body is parsed in slices of 64 KiB per event-loop
/// pass, so a backlog never holds the app for long. The client also reconnects at once when the network comes
/// back (QNetworkInformation) and when the wall clock jumps ahead of the
/// monotonic clock (a resume from suspend).
class SseClient final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Stopped, ///< not started, stopped, or the server answered 204
        Connecting, ///< a request is on its way
        Open, ///< the stream is open
        WaitingToReconnect, ///< see reconnectScheduled() for the delay
        AuthRequired, ///< 401/403: a new token is needed
        Failed, ///< an error reconnecting cannot fix; reconnectNow() retries
        Polling, ///< streams do not work here; polling the events endpoint
    };
    Q_ENUM(State)

    struct Settings
    {
        QUrl url;
        Credentials credentials;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 readTimeoutMs = 65'000; ///< 2 x the 30 s heartbeat + 5 s
        qint64 quietWarningMs = 35'000; ///< the 30 s heartbeat + 5 s: a heartbeat is late
        ReconnectPolicy::Settings reconnect;
        int maxRedirects = 5;
        qsizetype maxEventSize = SseParser::DefaultMaxEventSize;
        qint64 pollIntervalMs = 30'000;
        qint64 streamRetryWhilePollingMs = 300'000;
        int silentOpensBeforePolling = 3;
        qint64 clockCheckIntervalMs = 5'000;
        qint64 clockJumpMs = 10'000;
        /// The wall clock (ms since the epoch); tests replace it to fake a resume from suspend.
        std::function<qint64()> wallClock;
    };

    /// A client with a QNetworkAccessManager of its own.
    explicit SseClient(QObject *parent = nullptr);
    /// A client on the application's @p network (one connection pool, TLS
    /// session cache and proxy for every request it makes); not owned.
    SseClient(QNetworkAccessManager *network, QObject *parent);
    ~SseClient() override;
    Q_DISABLE_COPY_MOVE(SseClient)

    void setSettings(const Settings &settings);
    [[nodiscard]] const Settings &settings() const { return m_settings; }
    /// The manager its requests go through; what works alongside it (a
    /// catch-up's list, the polls) uses the same.
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    /// A new token; a client waiting for one (AuthRequired) reconnects.
    void setToken(const QByteArray &token);
    /// How to poll where streaming does not work; the client takes
    /// ownership. None (the default): no polling.
    void setPollingFallback(PollingFallback *fallback);

    /// The id to resume from on the first connect (a stored one), and the
    /// one sent on every reconnect.
    void setLastEventId(const QByteArray &id);
    [[nodiscard]] QByteArray lastEventId() const { return m_parser.lastEventId(); }

    [[nodiscard]] State state() const { return m_state; }
    /// The stream is open but nothing came for longer than a heartbeat allows.
    [[nodiscard]] bool isSilent() const { return m_silent; }
    [[nodiscard]] qint64 reconnectDelay() const { return m_lastDelayMs; }
    /// The URL the fallback polls, empty when there is none for this server.
    [[nodiscard]] QUrl pollingUrl() const;

public slots:
    void start();
    void stop();
    /// Reconnects now, whatever the state (the user's "reconnect now").
    void reconnectNow();

signals:
    void stateChanged(Notify::SseClient::State state);
    void opened();
    void eventReceived(const Notify::SseEvent &event);
    void commentReceived(const QByteArray &text);
    /// A connection attempt failed or a stream ended; status 0 for network errors.
    void errorOccurred(int httpStatus, const QString &message);
    void reconnectScheduled(qint64 delayMs);
    /// isSilent() changed: a heartbeat is late (true), or data came again (false).
    void silenceChanged(bool silent);

private:
    class ParserListener;
    friend class ParserListener;

    void connectStream();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onWatchdog();
    /// Data came (or the connection went): not silent, and the quiet time starts again.
    void heard();
    void setSilent(bool silent);
    void confirmSilence(quint64 generation, qint64 bodyBytes);
    void scheduleReconnect(qint64 delayMs);
    void setState(State state);
    void abortReply();
    void enterPolling();
    void onPolled(const QList<Notify::SseEvent> &events, const QByteArray &lastEventId, bool more);
    void onPollFailed(int status, const QString &message);
    void deliver(const SseEvent &event);

    Settings m_settings;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<ParserListener> m_listener;
    SseParser m_parser;
    ReconnectPolicy m_policy;
    QRandomGenerator m_random;
    State m_state = State::Stopped;
    QTimer *m_reconnectTimer;
    QTimer *m_watchdog;
    QTimer *m_quiet;
    QTimer *m_drain; ///< more body waits: read in the next pass
    WakeWatch *m_wake;
    PollingMode *m_polling;
    QElapsedTimer m_openedAt;
    qint64 m_lastDelayMs = 0;
    bool m_statusChecked = false;
    bool m_streamOk = false; ///< this reply is a 200 text/event-stream
    qint64 m_bodyBytes = 0; ///< body bytes of this reply
    quint64 m_replyGeneration = 0; ///< which reply a queued check is about
    int m_silentOpens = 0;
    int m_httpStatus = 0;
    QString m_failure; ///< why the current reply is being given up
    bool m_stopping = false;
    bool m_silent = false;
};

} // namespace Notify
