// SPDX-License-Identifier: MIT
#pragma once

#include "notificationlistfetcher.h"
#include "pollingfallback.h"
#include "requestbuilder.h"

namespace Notify {

/// Polls a backend's notifications list (the reference Django backend's older frontend did
/// so every 30 s): each item becomes a `notification` event without an id,
/// oldest first (lists are newest first), for EventInterpreter and
/// ContentDedup to make sense of. For backends without `/api/v1/events/`.
class NotificationsPoller final : public PollingFallback
{
    Q_OBJECT

public:
    /// @p listPath: the list's path on the stream's server, or a full URL.
    explicit NotificationsPoller(QString listPath, QObject *parent = nullptr);

    [[nodiscard]] QUrl pollingUrl(const QUrl &streamUrl) const override;
    void poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
              const QByteArray &lastEventId) override;
    void abort() override;

private:
    QString m_listPath;
    NotificationListFetcher *m_fetcher;
};

} // namespace Notify
