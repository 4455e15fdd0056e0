// SPDX-License-Identifier: MIT
#include "pollingchain.h"

namespace Notify {

void PollingChain::append(PollingFallback *poller)
{
    poller->setParent(this);
    m_pollers << poller;
    connect(poller, &PollingFallback::polled, this, &PollingFallback::polled);
    connect(poller, &PollingFallback::failed, this, [this, poller](int status, const QString &message) {
        // Only the poller in use moves the chain on (not a late answer of
        // one it left), and only if there is a next one to try.
        if (status != 404 || m_current < 0 || m_pollers.at(m_current) != poller || m_current + 1 >= m_pollers.size()) {
            emit failed(status, message);
            return;
        }
        // This server has no such endpoint: the next way to poll, from now on, at once.
        m_next = m_current + 1;
        m_current = indexFor(m_streamUrl);
        PollingFallback *next = m_current < 0 ? nullptr : m_pollers.at(m_current);
        emit failed(status,
                    QStringLiteral("%1; polling %2 instead")
                        .arg(message, next ? next->pollingUrl(m_streamUrl).toString() : QStringLiteral("nothing")));
        if (next)
            next->poll(m_network, m_requests, m_streamUrl, m_lastEventId);
    });
}

qsizetype PollingChain::indexFor(const QUrl &streamUrl) const
{
    for (qsizetype i = m_next; i < m_pollers.size(); ++i) {
        if (m_pollers.at(i)->pollingUrl(streamUrl).isValid())
            return i;
    }
    return -1;
}

QUrl PollingChain::pollingUrl(const QUrl &streamUrl) const
{
    const qsizetype i = indexFor(streamUrl);
    return i < 0 ? QUrl() : m_pollers.at(i)->pollingUrl(streamUrl);
}

void PollingChain::poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
                        const QByteArray &lastEventId)
{
    m_network = network;
    m_requests = requests;
    m_streamUrl = streamUrl;
    m_lastEventId = lastEventId;
    m_current = indexFor(streamUrl);
    if (m_current >= 0)
        m_pollers.at(m_current)->poll(network, requests, streamUrl, lastEventId);
}

void PollingChain::abort()
{
    for (PollingFallback *poller : std::as_const(m_pollers))
        poller->abort();
}

} // namespace Notify
