// SPDX-License-Identifier: MIT
#pragma once

#include "requestbuilder.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Notify {

/// A backend's list of notifications (`GET /api/v1/notifications/`), in any
/// of the shapes backends serve: Django REST framework's pagination
/// (`{"count","next","previous","results"}`, following `next`, or
/// limit/offset), a plain JSON array, or the contract's
/// `{"notifications":[…]}`. Used for the catch-up after a reconnect, for
/// polling such a backend, and for the tray's first snapshot.
class NotificationListFetcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxPages = 10;
    static constexpr int MaxItems = 500;

    /// What a list says of itself beyond its items.
    struct Totals
    {
        /// How many items the query matches on every page together
        /// (Django REST framework's and our `count`); unknown when absent.
        std::optional<qint64> count;
        /// How many of the user's notifications are unread (our `unread_count`).
        std::optional<qint64> unread;
        /// Whether the server has more after the items fetched.
        bool more = false;
    };

    /// One page, parsed.
    struct Page
    {
        QList<QJsonObject> items;
        QUrl next; ///< invalid: the last page
        QString error; ///< set when the body is none of the shapes
        Totals totals; ///< `more` is left to the fetcher
    };
    [[nodiscard]] static Page parsePage(const QByteArray &body, const QUrl &pageUrl);
    /// Whether a list item says it was read already (`read`, `is_read`, `seen`, or `unread` false).
    [[nodiscard]] static bool isRead(const QJsonObject &item);

    using QObject::QObject;

    /// At most this many items (MaxItems by default: a catch-up).
    void setMaxItems(int maxItems) { m_maxItems = maxItems; }
    /// Fetches from @p firstPage, following pages up to MaxPages or the maximum of items.
    void fetch(QNetworkAccessManager *network, const RequestBuilder &requests, const QUrl &firstPage);
    void abort();
    [[nodiscard]] bool isFetching() const { return !m_reply.isNull(); }

signals:
    /// Every item, in the order the backend lists them, and what the list
    /// says of itself (from its last page).
    void fetched(const QList<QJsonObject> &items, const Notify::NotificationListFetcher::Totals &totals);
    void failed(int httpStatus, const QString &message);

private:
    void fetchPage(const QUrl &url);
    void onFinished(QNetworkReply *reply);

    QNetworkAccessManager *m_network = nullptr;
    RequestBuilder m_requests;
    QPointer<QNetworkReply> m_reply;
    QList<QJsonObject> m_items;
    QUrl m_firstPage;
    int m_pages = 0;
    int m_maxItems = MaxItems;
};

} // namespace Notify
