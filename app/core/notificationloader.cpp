// SPDX-License-Identifier: MIT
#include "notificationloader.h"

#include <QUrlQuery>

namespace Notify::Tray {

using namespace Notify;
using namespace Notify::Protocol;

NotificationLoader::NotificationLoader(QNetworkAccessManager *network, const EventInterpreter *interpreter,
                                       QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_interpreter(interpreter)
    , m_snapshot(new NotificationListFetcher(this))
    , m_older(new NotificationListFetcher(this))
    , m_counts(new NotificationListFetcher(this))
{
    m_snapshot->setMaxItems(SnapshotItems);
    m_older->setMaxItems(OlderItems);
    m_counts->setMaxItems(1);
    connect(m_snapshot, &NotificationListFetcher::fetched, this,
            [this](const QList<QJsonObject> &list, const Totals &totals) {
                QList<Loaded> items = read(list, false);
                std::reverse(items.begin(), items.end()); // oldest first
                emit snapshotLoaded(items, totals);
            });
    connect(m_older, &NotificationListFetcher::fetched, this,
            [this](const QList<QJsonObject> &list, const Totals &totals) {
                QList<NotificationItem> items;
                const QList<Loaded> loaded = read(list, true); // older ones are history
                items.reserve(loaded.size());
                for (const Loaded &l : loaded)
                    items << l.item;
                emit olderLoaded(items, totals);
            });
    connect(m_counts, &NotificationListFetcher::fetched, this,
            [this](const QList<QJsonObject> &, const Totals &totals) { emit counted(totals); });
    connect(m_snapshot, &NotificationListFetcher::failed, this, &NotificationLoader::snapshotFailed);
    connect(m_older, &NotificationListFetcher::failed, this, &NotificationLoader::olderFailed);
    connect(m_counts, &NotificationListFetcher::failed, this, &NotificationLoader::countFailed);
}

void NotificationLoader::setList(const QUrl &list, const Credentials &credentials)
{
    m_list = list;
    m_credentials = credentials;
}

QUrl NotificationLoader::page(int limit, qsizetype offset) const
{
    QUrl url = m_list;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (offset >= 0)
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    url.setQuery(query);
    return url;
}

void NotificationLoader::fetchSnapshot()
{
    // A limit the configured list carries is the backend's own: kept.
    QUrl url = m_list;
    if (!QUrlQuery(url).hasQueryItem(QStringLiteral("limit")))
        url = page(SnapshotItems);
    m_snapshot->fetch(m_network, RequestBuilder(m_credentials), url);
}

void NotificationLoader::fetchOlder(qsizetype have)
{
    if (!m_older->isFetching())
        m_older->fetch(m_network, RequestBuilder(m_credentials), page(OlderItems, have));
}

void NotificationLoader::fetchCounts()
{
    m_counts->fetch(m_network, RequestBuilder(m_credentials), page(1));
}

QList<NotificationLoader::Loaded> NotificationLoader::read(const QList<QJsonObject> &list, bool readUnlessSaid) const
{
    QList<Loaded> items;
    items.reserve(list.size());
    for (const QJsonObject &json : list) {
        const InterpretedEvent event = m_interpreter->interpret(Notification::TypeName, json);
        if (const auto *n = std::get_if<Notification>(&event.payload)) {
            const bool read = NotificationListFetcher::isRead(json) || (readUnlessSaid && !json.contains(u"read"));
            items << Loaded{ NotificationItem::fromProtocol(*n, json.value(u"event_id").toString().toUtf8(), read),
                             event.contentKey, event.contentKeyExpires };
        }
    }
    return items;
}

} // namespace Notify::Tray
