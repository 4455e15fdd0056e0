// SPDX-License-Identifier: MIT
#pragma once

#include "sseevent.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Notify {

class RequestBuilder;

/// Where streaming does not work (a buffering proxy, a server without the
/// stream), SseClient polls instead; how it polls depends on the server, so
/// it is given a PollingFallback: EventsPoller for a notify server, other
/// implementations for other backends (docs/BACKENDS.md).
class PollingFallback : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The URL polled for a stream at @p streamUrl; invalid when that server has none.
    [[nodiscard]] virtual QUrl pollingUrl(const QUrl &streamUrl) const = 0;
    /// Starts one poll for what came after @p lastEventId; ends with polled()
    /// or failed(). A poll already on its way is not started again.
    virtual void poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
                      const QByteArray &lastEventId)
        = 0;
    /// Abandons a poll on its way; no signal follows.
    virtual void abort() = 0;

signals:
    /// New events in order (each with its id, if it has one), the id to poll
    /// after next time, and whether more are waiting now.
    void polled(const QList<Notify::SseEvent> &events, const QByteArray &lastEventId, bool more);
    void failed(int httpStatus, const QString &message);
};

} // namespace Notify
