// SPDX-License-Identifier: MIT
#include "pollingmode.h"

#include "pollingfallback.h"

#include <QTimer>

namespace Notify {

PollingMode::PollingMode(QNetworkAccessManager *network, std::function<QByteArray()> lastEventId, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_lastEventId(std::move(lastEventId))
    , m_pollTimer(new QTimer(this))
    , m_streamRetryTimer(new QTimer(this))
{
    connect(m_pollTimer, &QTimer::timeout, this, &PollingMode::poll);
    m_streamRetryTimer->setSingleShot(true);
    connect(m_streamRetryTimer, &QTimer::timeout, this, &PollingMode::streamRetryDue);
}

void PollingMode::setFallback(PollingFallback *fallback)
{
    delete m_fallback;
    m_fallback = fallback;
    if (!fallback)
        return;
    fallback->setParent(this);
    connect(fallback, &PollingFallback::polled, this, &PollingMode::polled);
    connect(fallback, &PollingFallback::failed, this, &PollingMode::failed);
}

QUrl PollingMode::pollingUrl(const QUrl &streamUrl) const
{
    return m_fallback ? m_fallback->pollingUrl(streamUrl) : QUrl();
}

void PollingMode::start(const Credentials &credentials, const QUrl &streamUrl, qint64 intervalMs, qint64 streamRetryMs)
{
    m_credentials = credentials;
    m_streamUrl = streamUrl;
    poll();
    m_pollTimer->start(int(intervalMs));
    m_streamRetryTimer->start(int(streamRetryMs));
}

void PollingMode::pollAgain()
{
    QTimer::singleShot(0, this, [this] {
        if (m_pollTimer->isActive()) // not paused meanwhile
            poll();
    });
}

void PollingMode::poll()
{
    if (m_fallback)
        m_fallback->poll(m_network, RequestBuilder(m_credentials), m_streamUrl, m_lastEventId());
}

void PollingMode::pause()
{
    m_pollTimer->stop();
    m_streamRetryTimer->stop();
}

void PollingMode::abort()
{
    pause();
    if (m_fallback)
        m_fallback->abort();
}

} // namespace Notify
