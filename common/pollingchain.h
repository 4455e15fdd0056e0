// SPDX-License-Identifier: MIT
#pragma once

#include "pollingfallback.h"
#include "requestbuilder.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace Notify {

/// Tries pollers in turn: one that answers 404 is left for the next (the
/// contract's `/api/v1/events/` first, then a backend's notifications list).
class PollingChain final : public PollingFallback
{
    Q_OBJECT

public:
    using PollingFallback::PollingFallback;

    /// Takes ownership.
    void append(PollingFallback *poller);

    [[nodiscard]] QUrl pollingUrl(const QUrl &streamUrl) const override;
    void poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
              const QByteArray &lastEventId) override;
    void abort() override;

private:
    /// The first poller from m_next with a URL for @p streamUrl; -1: none.
    [[nodiscard]] qsizetype indexFor(const QUrl &streamUrl) const;

    QList<PollingFallback *> m_pollers;
    /// Where the search for a poller starts: those before it answered 404.
    qsizetype m_next = 0;
    /// The poller in use: the one the last poll went to (past any without
    /// a URL), or the one a 404 moved on to; -1: none.
    qsizetype m_current = -1;
    // The last poll's arguments, to poll the next way at once.
    QNetworkAccessManager *m_network = nullptr;
    RequestBuilder m_requests;
    QUrl m_streamUrl;
    QByteArray m_lastEventId;
};

} // namespace Notify
