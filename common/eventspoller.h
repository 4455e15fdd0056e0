// SPDX-License-Identifier: MIT
#pragma once

#include "pollingfallback.h"

#include <QPointer>

class QNetworkReply;

namespace Notify {

/// Polls a notify server's `GET /api/v1/events/?since=<id>&limit=1000`
/// (docs/PROTOCOL.md, "REST"): the same events the stream would replay.
/// A `{"reset":true,"reason":…}` answer becomes a `reset` event with that
/// reason, as on the stream.
class EventsPoller final : public PollingFallback
{
    Q_OBJECT

public:
    using PollingFallback::PollingFallback;

    [[nodiscard]] QUrl pollingUrl(const QUrl &streamUrl) const override;
    void poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
              const QByteArray &lastEventId) override;
    void abort() override;

    static constexpr int PageSize = 1000;

private:
    void onFinished(QNetworkReply *reply);

    QPointer<QNetworkReply> m_reply;
};

} // namespace Notify
