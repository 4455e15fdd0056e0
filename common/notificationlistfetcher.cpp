// SPDX-License-Identifier: MIT
#include "notificationlistfetcher.h"

#include "httpanswer.h"

#include "networkreplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace Notify {

namespace {

QList<QJsonObject> objects(const QJsonArray &array)
{
    QList<QJsonObject> out;
    for (const auto &value : array) {
        if (value.isObject())
            out << value.toObject();
    }
    return out;
}

} // namespace

NotificationListFetcher::Page NotificationListFetcher::parsePage(const QByteArray &body, const QUrl &pageUrl)
{
    Page page;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        page.error = QStringLiteral("the list is not JSON (%1)").arg(parseError.errorString());
        return page;
    }
    if (doc.isArray()) {
        page.items = objects(doc.array());
        return page;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"count").isDouble())
        page.totals.count = root.value(u"count").toInteger();
    if (root.value(u"unread_count").isDouble())
        page.totals.unread = root.value(u"unread_count").toInteger();
    if (root.value(u"results").isArray()) { // Django REST framework
        page.items = objects(root.value(u"results").toArray());
        const QString next = root.value(u"next").toString();
        if (!next.isEmpty()) {
            page.next = pageUrl.resolved(QUrl(next));
        } else if (root.value(u"count").isDouble()) {
            // limit/offset without a next link: the next offset while count says there is more.
            const QUrlQuery query(pageUrl);
            const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
            const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
            if (limit > 0 && !page.items.isEmpty() && offset + page.items.size() < root.value(u"count").toInt()) {
                QUrlQuery nextQuery(query);
                nextQuery.removeAllQueryItems(QStringLiteral("offset"));
                nextQuery.addQueryItem(QStringLiteral("offset"), QString::number(offset + page.items.size()));
                page.next = pageUrl;
                page.next.setQuery(nextQuery);
            }
        }
        return page;
    }
    if (root.value(u"notifications").isArray()) { // the contract's snapshot
        page.items = objects(root.value(u"notifications").toArray());
        return page;
    }
    page.error = QStringLiteral("the list is none of the shapes this app reads (results, notifications, an array)");
    return page;
}

bool NotificationListFetcher::isRead(const QJsonObject &item)
{
    for (const char *field : { "read", "is_read", "seen" }) {
        if (item.value(QLatin1StringView(field)).isBool())
            return item.value(QLatin1StringView(field)).toBool();
    }
    if (item.value(u"unread").isBool())
        return !item.value(u"unread").toBool();
    return false;
}

void NotificationListFetcher::fetch(QNetworkAccessManager *network, const RequestBuilder &requests,
                                    const QUrl &firstPage)
{
    abort();
    m_network = network;
    m_requests = requests;
    m_items.clear();
    m_pages = 0;
    m_firstPage = firstPage;
    fetchPage(firstPage);
}

void NotificationListFetcher::abort()
{
    abandonReply(m_reply, this);
}

void NotificationListFetcher::fetchPage(const QUrl &url)
{
    ++m_pages;
    QNetworkRequest request = m_requests.build(url);
    request.setRawHeader("Accept", "application/json");
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void NotificationListFetcher::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const HttpAnswer answer = HttpAnswer::read(reply);
    const int status = answer.status;
    if (status != 200) {
        emit failed(status, answer.detail());
        return;
    }
    const Page page = parsePage(answer.raw, reply->url());
    if (!page.error.isEmpty()) {
        emit failed(status, page.error);
        return;
    }
    m_items << page.items;
    if (page.next.isValid() && m_pages < MaxPages && m_items.size() < m_maxItems) {
        fetchPage(page.next);
        return;
    }
    Totals totals = page.totals;
    // More after these: a next page not taken, items cut off, or (a list
    // without links) a count beyond them, or a full page.
    const QUrlQuery first(m_firstPage);
    const qint64 offset = first.queryItemValue(QStringLiteral("offset")).toLongLong();
    const qint64 limit = first.queryItemValue(QStringLiteral("limit")).toLongLong();
    if (page.next.isValid() || m_items.size() > m_maxItems)
        totals.more = true;
    else if (totals.count && m_pages == 1)
        totals.more = offset + m_items.size() < *totals.count;
    else if (m_pages == 1)
        totals.more = limit > 0 && m_items.size() >= limit;
    if (m_items.size() > m_maxItems)
        m_items.resize(m_maxItems);
    emit fetched(std::exchange(m_items, {}), totals);
}

} // namespace Notify
