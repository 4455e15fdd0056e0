// SPDX-License-Identifier: MIT
#include "dialect.h"

#include "common/ssewriter.h"
#include "http/httprequest.h"
#include "http/jsonrequest.h"
#include "store/eventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Notify::Server {

namespace {

// `Authorization: <scheme> <token>` (the scheme in any case), else `?token=`.
QByteArray tokenWithScheme(const HttpRequest &request, QByteArrayView scheme)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.isEmpty()) {
        const qsizetype space = authorization.indexOf(' ');
        if (space > 0 && QByteArrayView(authorization).first(space).compare(scheme, Qt::CaseInsensitive) == 0)
            return authorization.mid(space + 1).trimmed();
        return {};
    }
    return request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
}

/// docs/PROTOCOL.md exactly.
class ContractDialect final : public Dialect
{
public:
    QByteArray frame(const QByteArray &id, const QByteArray &type, const QByteArray &data) const override
    {
        QByteArray bytes;
        SseWriter::appendEvent(bytes, SseEvent{ type, data, id });
        return bytes;
    }
    QByteArray preamble(qint64 retryMs) const override
    {
        QByteArray bytes;
        SseWriter::appendRetry(bytes, quint64(retryMs));
        SseWriter::appendComment(bytes, "connected");
        bytes += '\n';
        return bytes;
    }
    bool resumes() const override { return true; }
    QByteArray token(const HttpRequest &request) const override
    {
        // Bearer in the header, else ?token= (browsers' EventSource cannot set headers).
        const QByteArray authorization = request.header("authorization");
        if (authorization.size() > 7 && authorization.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            return authorization.mid(7).trimmed();
        return request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
    }
    HttpResponse unauthorized() const override
    {
        HttpResponse response = HttpResponse::error(401, "unauthorized",
                                                    QStringLiteral("a valid token is needed (Authorization: Bearer)"));
        response.setHeader("WWW-Authenticate", "Bearer");
        return response;
    }
    bool serves(Route::Endpoint endpoint) const override { return endpoint != Route::Endpoint::DjangoAuthToken; }
    HttpResponse notifications(const HttpRequest &request, const QString &user, EventStore &store) const override
    {
        HttpResponse error;
        const auto limit = JsonRequest::limit(request, 100, 1000, error);
        if (!limit)
            return error;
        // An extension of ours: `offset` pages back (the tray's "Load older").
        const auto offset = JsonRequest::offset(request, error);
        if (!offset)
            return error;
        const QString unread = request.query.queryItemValue(QStringLiteral("unread"));
        const bool unreadOnly = unread == u"1" || unread == u"true";
        QJsonArray list;
        const QList<NotificationRecord> records = store.notifications(user, unreadOnly, *limit, *offset);
        QStringList ids;
        ids.reserve(records.size());
        for (const NotificationRecord &record : records)
            ids << record.data.value(u"notification_id").toVariant().toString();
        const QHash<QString, Claim> claims = store.claims(ids);
        for (qsizetype i = 0; i < records.size(); ++i) {
            const NotificationRecord &record = records[i];
            QJsonObject item = record.data;
            item.insert(QStringLiteral("read"), record.read);
            item.insert(QStringLiteral("event_id"), QString::fromLatin1(store.eventId(record.seq)));
            // Who handles it: null while nobody does (always present: a client
            // knows from it that this server takes claims).
            const Claim claim = claims.value(ids[i]);
            item.insert(QStringLiteral("claimed_by"), claim.isNull() ? QJsonValue() : QJsonValue(claim.by));
            item.insert(QStringLiteral("claimed_at"), claim.isNull() ? QJsonValue() : QJsonValue(claim.at));
            list.append(item);
        }
        // An extension of ours: the counts, so that a client that shows the
        // newest page still says how many there are, and how many are unread.
        const NotificationCounts counts = store.notificationCounts(user);
        return HttpResponse::json(
            200,
            QJsonObject{ { QStringLiteral("notifications"), list },
                         { QStringLiteral("count"), unreadOnly ? counts.unreadEntries : counts.total },
                         { QStringLiteral("unread_count"), counts.unread } });
    }
};

/// What the reference Django system serves: `data: {"type":…, fields}`
/// without `id:` or `event:`, no replay, `Authorization: Token`, the list in
/// Django REST framework's LimitOffsetPagination with Django-style names.
class DjangoDialect final : public Dialect
{
public:
    static constexpr qsizetype DefaultPageSize = 20;
    static constexpr qsizetype MaxPageSize = 100;

    QByteArray frame(const QByteArray &, const QByteArray &type, const QByteArray &data) const override
    {
        QJsonObject object = QJsonDocument::fromJson(data).object();
        object.insert(QStringLiteral("type"), QString::fromUtf8(type));
        QByteArray bytes;
        // No event: field (every event is a "message") and no id: field.
        SseWriter::appendEvent(bytes, SseEvent{ {}, QJsonDocument(object).toJson(QJsonDocument::Compact), {} });
        return bytes;
    }
    QByteArray preamble(qint64) const override
    {
        QByteArray bytes;
        SseWriter::appendComment(bytes, "connected");
        bytes += '\n';
        return bytes;
    }
    bool resumes() const override { return false; }
    QByteArray token(const HttpRequest &request) const override { return tokenWithScheme(request, "Token"); }
    HttpResponse unauthorized() const override
    {
        HttpResponse response = HttpResponse::json(
            401, QJsonObject{ { QStringLiteral("detail"), QStringLiteral("Invalid token (Authorization: Token).") } });
        response.setHeader("WWW-Authenticate", "Token");
        return response;
    }
    /// No event log to poll, no "unread again", no groups and no claims: the reference Django backend has none.
    /// Signing in is Django REST framework's obtain_auth_token.
    bool serves(Route::Endpoint endpoint) const override
    {
        using E = Route::Endpoint;
        return endpoint != E::Events && endpoint != E::NotificationUnread && endpoint != E::NotificationClaim
            && endpoint != E::Groups && endpoint != E::AuthToken;
    }
    HttpResponse notifications(const HttpRequest &request, const QString &user, EventStore &store) const override
    {
        HttpResponse error;
        const auto limit = JsonRequest::limit(request, DefaultPageSize, MaxPageSize, error);
        if (!limit)
            return error;
        const auto offsetValue = JsonRequest::offset(request, error);
        if (!offsetValue)
            return error;
        const qsizetype offset = *offsetValue;
        const QString unread = request.query.queryItemValue(QStringLiteral("unread"));
        const bool unreadOnly = unread == u"1" || unread == u"true";
        const QList<NotificationRecord> all = store.notifications(user, unreadOnly, 100'000);
        QJsonArray results;
        for (qsizetype i = offset; i < std::min(all.size(), offset + *limit); ++i) {
            const QJsonObject data = all.at(i).data;
            results.append(QJsonObject{
                { QStringLiteral("id"), data.value(u"notification_id") },
                { QStringLiteral("title"), data.value(u"title") },
                { QStringLiteral("message"), data.value(u"body").toString() },
                { QStringLiteral("level"), data.value(u"level").toString(QStringLiteral("info")) },
                { QStringLiteral("notification_type"), data.value(u"category").toString() },
                { QStringLiteral("link"), data.value(u"link").toString() },
                { QStringLiteral("created_at"), data.value(u"created_at") },
                { QStringLiteral("is_read"), all.at(i).read },
            });
        }
        // Absolute links, as Django REST framework builds them from the Host header.
        const QByteArray host = request.header("host");
        const auto page = [&](qsizetype at) -> QJsonValue {
            if (at < 0 || at >= all.size() || (at == offset))
                return QJsonValue::Null;
            QUrl url;
            url.setScheme(QStringLiteral("http"));
            url.setAuthority(QString::fromLatin1(host));
            url.setPath(QString::fromLatin1(request.path));
            url.setQuery(QStringLiteral("limit=%1&offset=%2").arg(*limit).arg(at));
            return host.isEmpty() ? QJsonValue(url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority))
                                  : QJsonValue(url.toString());
        };
        return HttpResponse::json(200,
                                  QJsonObject{
                                      { QStringLiteral("count"), qint64(all.size()) },
                                      { QStringLiteral("next"), page(offset + *limit) },
                                      { QStringLiteral("previous"),
                                        offset > 0 ? page(std::max<qsizetype>(0, offset - *limit)) : QJsonValue::Null },
                                      { QStringLiteral("results"), results },
                                  });
    }
};

} // namespace

std::unique_ptr<Dialect> Dialect::make(ServerConfig::Dialect dialect)
{
    if (dialect == ServerConfig::Dialect::Django)
        return std::make_unique<DjangoDialect>();
    return std::make_unique<ContractDialect>();
}

} // namespace Notify::Server
