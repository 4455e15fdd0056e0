// SPDX-License-Identifier: MIT
#include "eventspoller.h"

#include "httpanswer.h"

#include "apipaths.h"
#include "networkreplies.h"
#include "protocol.h"
#include "requestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace Notify {

QUrl EventsPoller::pollingUrl(const QUrl &streamUrl) const
{
    // Only a notify server has the events endpoint next to its stream.
    if (!streamUrl.path().contains(QLatin1StringView(ApiPath::StreamAlias).chopped(1)))
        return {};
    QUrl url = streamUrl;
    url.setPath(QLatin1StringView(ApiPath::Events));
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("last_event_id"));
    url.setQuery(query);
    return url;
}

void EventsPoller::poll(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &streamUrl,
                        const QByteArray &lastEventId)
{
    if (m_reply)
        return;
    QUrl url = pollingUrl(streamUrl);
    QUrlQuery query(url);
    if (!lastEventId.isEmpty())
        query.addQueryItem(QStringLiteral("since"), QString::fromUtf8(lastEventId));
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    url.setQuery(query);
    m_reply = network->get(requests.build(url));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void EventsPoller::abort()
{
    abandonReply(m_reply, this);
}

void EventsPoller::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const HttpAnswer answer = HttpAnswer::read(reply);
    if (answer.status != 200) {
        emit failed(answer.status, answer.detail());
        return;
    }
    const QJsonObject &root = answer.body;
    const QByteArray last = root.value(u"last_event_id").toString().toUtf8();
    if (root.value(u"reset").toBool()) {
        // Older servers say no reason: then the events it would replay are gone.
        const auto reason = Protocol::resetReasonFromString(root.value(u"reason").toString());
        const Protocol::Reset reset{ reason.value_or(Protocol::ResetReason::Expired), QString::fromUtf8(last), {} };
        emit polled({ SseEvent{ Protocol::Reset::TypeName, QJsonDocument(reset.toJson()).toJson(QJsonDocument::Compact),
                                last } },
                    last, false);
        return;
    }
    QList<SseEvent> events;
    const QJsonArray list = root.value(u"events").toArray();
    for (const auto &value : list) {
        const QJsonObject e = value.toObject();
        events << SseEvent{ e.value(u"event").toString().toUtf8(),
                            QJsonDocument(e.value(u"data").toObject()).toJson(QJsonDocument::Compact),
                            e.value(u"id").toString().toUtf8() };
    }
    emit polled(events, last, list.size() >= PageSize);
}

} // namespace Notify
