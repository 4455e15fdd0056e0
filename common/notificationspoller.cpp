// SPDX-License-Identifier: MIT
#include "notificationspoller.h"

#include "protocol.h"

#include <QJsonDocument>

namespace Notify {

NotificationsPoller::NotificationsPoller(QString listPath, QObject *parent)
    : PollingFallback(parent)
    , m_listPath(std::move(listPath))
    , m_fetcher(new NotificationListFetcher(this))
{
    connect(m_fetcher, &NotificationListFetcher::fetched, this, [this](const QList<QJsonObject> &items) {
        QList<SseEvent> events;
        events.reserve(items.size());
        for (auto it = items.crbegin(); it != items.crend(); ++it)
            events << SseEvent{ Protocol::Notification::TypeName,
                                QJsonDocument(*it).toJson(QJsonDocument::Compact),
                                {} };
        emit polled(events, {}, false);
    });
    connect(m_fetcher, &NotificationListFetcher::failed, this, &PollingFallback::failed);
}

QUrl NotificationsPoller::pollingUrl(const QUrl &streamUrl) const
{
    return m_listPath.isEmpty() ? QUrl() : streamUrl.resolved(QUrl(m_listPath));
}

void NotificationsPoller::poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
                               const QByteArray &)
{
    if (!m_fetcher->isFetching())
        m_fetcher->fetch(network, requests, pollingUrl(streamUrl));
}

void NotificationsPoller::abort()
{
    m_fetcher->abort();
}

} // namespace Notify
