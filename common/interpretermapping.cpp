// SPDX-License-Identifier: MIT
#include "interpretermapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Notify {

using namespace Protocol;

namespace {

const QString Ignore = QStringLiteral("ignore");

QString key(QByteArrayView type, const QString &field)
{
    return QString::fromLatin1(type) + u'.' + field;
}

} // namespace

const QHash<QByteArray, QStringList> &InterpreterMapping::contractFields()
{
    static const QHash<QByteArray, QStringList> fields{
        { Notification::TypeName,
          { QStringLiteral("notification_id"), QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("level"),
            QStringLiteral("category"), QStringLiteral("link"), QStringLiteral("created_at") } },
        { NotificationRead::TypeName, { QStringLiteral("notification_ids") } },
        { NotificationUnread::TypeName, { QStringLiteral("notification_ids") } },
        { OrderStatus::TypeName,
          { QStringLiteral("order_id"), QStringLiteral("status"), QStringLiteral("previous_status"),
            QStringLiteral("note"), QStringLiteral("updated_at") } },
        { Presence::TypeName,
          { QStringLiteral("user"), QStringLiteral("display_name"), QStringLiteral("status"),
            QStringLiteral("since") } },
        { Message::TypeName,
          { QStringLiteral("message_id"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("body"),
            QStringLiteral("sent_at") } },
    };
    return fields;
}

InterpreterMapping InterpreterMapping::builtIn()
{
    InterpreterMapping m;
    m.m_typeFields
        = { QStringLiteral("type"), QStringLiteral("event_type"), QStringLiteral("event"), QStringLiteral("kind") };
    m.m_payloadFields = { QStringLiteral("data"), QStringLiteral("payload") };
    const auto synonyms = [&m](const QByteArray &type, std::initializer_list<const char *> names) {
        for (const char *name : names)
            m.m_synonyms.insert(QString::fromLatin1(name), type);
    };
    synonyms(Notification::TypeName, { "notification", "new_notification", "notify", "alert" });
    synonyms(OrderStatus::TypeName,
             { "order_status", "order_update", "order_updated", "order_status_changed", "order" });
    synonyms(Presence::TypeName, { "presence", "online_status", "user_status", "status_change" });
    synonyms(Message::TypeName, { "message", "new_message", "chat_message" });
    synonyms(NotificationRead::TypeName, { "notification_read", "notifications_read", "read" });
    synonyms(NotificationUnread::TypeName, { "notification_unread", "notifications_unread", "unread" });
    for (const char *name :
         { "heartbeat", "ping", "pong", "keepalive", "keep_alive", "connected", "connection_established" })
        m.m_control.insert(QString::fromLatin1(name));

    const auto fields = [&m](const QByteArray &type, const char *field, std::initializer_list<const char *> names) {
        QStringList &list = m.m_fields[key(type, QString::fromLatin1(field))];
        for (const char *name : names)
            list << QString::fromLatin1(name);
    };
    const QByteArray n = Notification::TypeName;
    fields(n, "notification_id", { "notification_id", "id", "uuid", "pk" });
    fields(n, "title", { "title", "subject", "heading", "summary", "verb" });
    fields(n, "body", { "body", "message", "text", "description", "content" });
    fields(n, "level", { "level", "priority", "severity" });
    fields(n, "category", { "category", "notification_type", "topic" });
    fields(n, "link", { "link", "url", "action_url" });
    fields(n, "created_at", { "created_at", "timestamp", "created", "time", "date" });
    const QByteArray o = OrderStatus::TypeName;
    fields(o, "order_id", { "order_id", "order_number", "order", "id" });
    fields(o, "status", { "status", "new_status", "state" });
    fields(o, "previous_status", { "previous_status", "old_status", "from_status" });
    fields(o, "note", { "note", "comment", "message" });
    fields(o, "updated_at", { "updated_at", "timestamp", "changed_at" });
    const QByteArray p = Presence::TypeName;
    fields(p, "user", { "user", "username", "user_id", "login" });
    fields(p, "display_name", { "display_name", "full_name", "name" });
    fields(p, "status", { "status", "state" });
    fields(p, "since", { "since", "last_seen", "timestamp" });
    const QByteArray msg = Message::TypeName;
    fields(msg, "message_id", { "message_id", "id", "uuid" });
    fields(msg, "from", { "from", "sender", "from_user", "author" });
    fields(msg, "to", { "to", "recipient", "to_user" });
    fields(msg, "body", { "body", "text", "message", "content" });
    fields(msg, "sent_at", { "sent_at", "created_at", "timestamp" });
    for (const char *ids : { NotificationRead::TypeName, NotificationUnread::TypeName })
        fields(ids, "notification_ids", { "notification_ids", "ids", "notification_id", "id" });

    for (const char *w : { "low", "normal", "medium", "info" })
        m.m_levels.insert(QString::fromLatin1(w), Level::Info);
    for (const char *w : { "success", "ok" })
        m.m_levels.insert(QString::fromLatin1(w), Level::Success);
    for (const char *w : { "high", "warn", "warning" })
        m.m_levels.insert(QString::fromLatin1(w), Level::Warning);
    for (const char *w : { "urgent", "critical", "error", "danger" })
        m.m_levels.insert(QString::fromLatin1(w), Level::Error);
    for (const char *w : { "online", "available", "active" })
        m.m_presence.insert(QString::fromLatin1(w), PresenceStatus::Online);
    for (const char *w : { "away", "idle" })
        m.m_presence.insert(QString::fromLatin1(w), PresenceStatus::Away);
    for (const char *w : { "busy", "dnd", "do_not_disturb" })
        m.m_presence.insert(QString::fromLatin1(w), PresenceStatus::Busy);
    for (const char *w : { "offline", "invisible" })
        m.m_presence.insert(QString::fromLatin1(w), PresenceStatus::Offline);
    return m;
}

QString InterpreterMapping::normalized(QStringView name)
{
    QString out = name.trimmed().toString().toLower();
    out.replace(u'-', u'_');
    out.replace(u'.', u'_');
    return out;
}

std::optional<QByteArray> InterpreterMapping::contractType(QStringView name) const
{
    const auto it = m_synonyms.constFind(normalized(name));
    if (it == m_synonyms.constEnd())
        return std::nullopt;
    return *it;
}

bool InterpreterMapping::isControl(QStringView name) const
{
    return m_control.contains(normalized(name));
}

QStringList InterpreterMapping::fieldNames(QByteArrayView type, const QString &field) const
{
    return m_fields.value(key(type, field));
}

std::optional<Level> InterpreterMapping::level(QStringView word) const
{
    const auto it = m_levels.constFind(normalized(word));
    return it == m_levels.constEnd() ? std::nullopt : std::optional<Level>(*it);
}

std::optional<PresenceStatus> InterpreterMapping::presence(QStringView word) const
{
    const auto it = m_presence.constFind(normalized(word));
    return it == m_presence.constEnd() ? std::nullopt : std::optional<PresenceStatus>(*it);
}

bool InterpreterMapping::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the mapping file %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error
            = QStringLiteral("the mapping file %1 is not a JSON object%2")
                  .arg(path,
                       parseError.error != QJsonParseError::NoError
                           ? QStringLiteral(" (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset)
                           : QString());
        return false;
    }
    if (!merge(doc.object(), error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool InterpreterMapping::merge(const QJsonObject &mapping, QString *error)
{
    InterpreterMapping next = *this;
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    const auto stringList = [](const QJsonValue &value, QStringList *out) {
        if (!value.isArray())
            return false;
        for (const auto &v : value.toArray()) {
            if (!v.isString() || v.toString().isEmpty())
                return false;
            *out << v.toString();
        }
        return true;
    };
    static const QSet<QString> known{ QStringLiteral("type_fields"), QStringLiteral("payload_fields"),
                                      QStringLiteral("types"),       QStringLiteral("fields"),
                                      QStringLiteral("levels"),      QStringLiteral("presence") };
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(QStringLiteral("unknown key \"%1\" (known: fields, levels, payload_fields, presence, "
                                       "type_fields, types)")
                            .arg(it.key()));
    }
    for (const auto &[name, list] : { std::pair{ QStringLiteral("type_fields"), &next.m_typeFields },
                                      std::pair{ QStringLiteral("payload_fields"), &next.m_payloadFields } }) {
        if (!mapping.contains(name))
            continue;
        QStringList names;
        if (!stringList(mapping.value(name), &names))
            return fail(QStringLiteral("\"%1\" must be an array of field names").arg(name));
        names.append(*list); // the file's names first, the built-in ones still tried after them
        names.removeDuplicates();
        *list = names;
    }
    const QJsonObject types = mapping.value(u"types").toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const QString target = it.value().toString();
        if (target == Ignore) {
            next.m_synonyms.remove(normalized(it.key()));
            next.m_control.insert(normalized(it.key()));
        } else if (contractFields().contains(target.toLatin1())) {
            next.m_control.remove(normalized(it.key()));
            next.m_synonyms.insert(normalized(it.key()), target.toLatin1());
        } else {
            return fail(QStringLiteral("types.%1 must be notification, notification_read, order_status, presence, "
                                       "message or ignore")
                            .arg(it.key()));
        }
    }
    const QJsonObject fields = mapping.value(u"fields").toObject();
    for (auto t = fields.begin(); t != fields.end(); ++t) {
        const QByteArray type = t.key().toLatin1();
        if (!contractFields().contains(type) || !t.value().isObject())
            return fail(QStringLiteral("fields.%1: not a contract type with an object of fields").arg(t.key()));
        const QJsonObject perField = t.value().toObject();
        for (auto f = perField.begin(); f != perField.end(); ++f) {
            if (!contractFields().value(type).contains(f.key()))
                return fail(QStringLiteral("fields.%1.%2: %1 has no such field (it has %3)")
                                .arg(t.key(), f.key(), contractFields().value(type).join(u", ")));
            QStringList names;
            if (!stringList(f.value(), &names))
                return fail(QStringLiteral("fields.%1.%2 must be an array of names").arg(t.key(), f.key()));
            QStringList &list = next.m_fields[key(type, f.key())];
            names.append(list);
            names.removeDuplicates();
            list = names;
        }
    }
    const QJsonObject levels = mapping.value(u"levels").toObject();
    for (auto it = levels.begin(); it != levels.end(); ++it) {
        const auto level = levelFromString(it.value().toString());
        if (!level)
            return fail(QStringLiteral("levels.%1 must be info, success, warning or error").arg(it.key()));
        next.m_levels.insert(normalized(it.key()), *level);
    }
    const QJsonObject presence = mapping.value(u"presence").toObject();
    for (auto it = presence.begin(); it != presence.end(); ++it) {
        const auto status = presenceStatusFromString(it.value().toString());
        if (!status)
            return fail(QStringLiteral("presence.%1 must be online, away, busy or offline").arg(it.key()));
        next.m_presence.insert(normalized(it.key()), *status);
    }
    *this = std::move(next);
    return true;
}

} // namespace Notify
