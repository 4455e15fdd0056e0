// SPDX-License-Identifier: MIT
#pragma once

#include "requestbuilder.h"
#include "sseevent.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QTimer;

namespace Notify {

class PollingFallback;

/// SseClient's polling state: where streaming does not work it polls
/// through a PollingFallback every interval (at once again while the
/// server says more are waiting), and asks for the stream again now and
/// then, in case what stopped it (a buffering proxy) has gone.
class PollingMode final : public QObject
{
    Q_OBJECT

public:
    /// @p lastEventId: where each poll starts (the client's resume position).
    PollingMode(QNetworkAccessManager *network, std::function<QByteArray()> lastEventId, QObject *parent = nullptr);

    /// Owned from now on (the previous one is deleted); null: no polling.
    void setFallback(PollingFallback *fallback);
    /// The URL polled for a stream at @p streamUrl; invalid when there is no fallback or it has none.
    [[nodiscard]] QUrl pollingUrl(const QUrl &streamUrl) const;

    /// Polls now and every @p intervalMs; streamRetryDue() after @p streamRetryMs.
    void start(const Credentials &credentials, const QUrl &streamUrl, qint64 intervalMs, qint64 streamRetryMs);
    /// One poll now, as the last one said more are waiting.
    void pollAgain();
    /// No more polls (one on its way still ends with polled() or failed()).
    void pause();
    /// No more polls, and one on its way is abandoned without a signal.
    void abort();

signals:
    void polled(const QList<Notify::SseEvent> &events, const QByteArray &lastEventId, bool more);
    void failed(int httpStatus, const QString &message);
    /// Time to see whether the stream works again.
    void streamRetryDue();

private:
    void poll();

    QNetworkAccessManager *m_network;
    std::function<QByteArray()> m_lastEventId;
    PollingFallback *m_fallback = nullptr;
    QTimer *m_pollTimer;
    QTimer *m_streamRetryTimer;
    Credentials m_credentials;
    QUrl m_streamUrl;
};

} // namespace Notify
