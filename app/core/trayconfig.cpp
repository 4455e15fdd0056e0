// SPDX-License-Identifier: MIT
// valijson's "pattern" checks use <regex>, where GCC 12 at -O1 with sanitizers warns of a std::function it
// thinks uninitialized inside libstdc++ (a known false positive). Off for this file only, before any
// include so that the instantiations are covered; clang has no such warning.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "trayconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Notify::Tray {

// --- SourceConfig

Notify::AuthScheme SourceConfig::effectiveAuth() const
{
    if (auth)
        return *auth;
    return dialect == Dialect::Django ? Notify::AuthScheme::Token : Notify::AuthScheme::Bearer;
}

// --- Reading files

namespace TrayConfigFile {

QString Problem::text() const
{
    QString out = file;
    if (line > 0)
        out += u':' + QString::number(line);
    out += u": "_s;
    if (!key.isEmpty())
        out += key + u": "_s;
    return out + message;
}

namespace {

/// Where each value of a (valid) JSON text starts, by its path
/// ("sources[1].url"): QJsonDocument keeps no positions.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &text)
        : m_text(text)
    {
        skipSpace();
        value(QString());
    }
    [[nodiscard]] int lineOf(const QString &path) const
    {
        // A path the text does not have (a missing key) falls back to its parent's line.
        QString p = path;
        while (!p.isEmpty()) {
            if (const auto it = m_lines.constFind(p); it != m_lines.constEnd())
                return *it;
            const qsizetype cut = std::max(p.lastIndexOf(u'.'), p.lastIndexOf(u'['));
            p = cut > 0 ? p.left(cut) : QString();
        }
        return m_lines.value(QString(), 1);
    }

private:
    void skipSpace()
    {
        while (m_at < m_text.size()) {
            const char c = m_text.at(m_at);
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_at;
        }
    }
    QString string()
    {
        const qsizetype start = ++m_at; // past the opening quote
        while (m_at < m_text.size() && m_text.at(m_at) != '"')
            m_at += m_text.at(m_at) == '\\' ? 2 : 1;
        const QByteArray raw = m_text.mid(start - 1, m_at - start + 2);
        ++m_at;
        // The JSON parser decodes escapes; the key is wanted as the document has it.
        return QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString();
    }
    void value(const QString &path)
    {
        m_lines.insert(path, m_line);
        if (m_at >= m_text.size())
            return;
        const char c = m_text.at(m_at);
        if (c == '{') {
            ++m_at;
            skipSpace();
            while (m_at < m_text.size() && m_text.at(m_at) != '}') {
                const int keyLine = m_line;
                const QString key = string();
                const QString child = path.isEmpty() ? key : path + u'.' + key;
                skipSpace();
                ++m_at; // ':'
                skipSpace();
                value(child);
                m_lines[child] = keyLine; // the key's line reads better than its value's
                skipComma();
            }
            ++m_at;
        } else if (c == '[') {
            ++m_at;
            skipSpace();
            for (int i = 0; m_at < m_text.size() && m_text.at(m_at) != ']'; ++i) {
                value(path + u'[' + QString::number(i) + u']');
                skipComma();
            }
            ++m_at;
        } else if (c == '"') {
            string();
        } else {
            while (m_at < m_text.size() && !QByteArrayView(",}] \t\r\n").contains(m_text.at(m_at)))
                ++m_at;
        }
    }

    /// Past the space after a value, and the comma (and its space) if one follows.
    void skipComma()
    {
        skipSpace();
        if (m_at < m_text.size() && m_text.at(m_at) == ',') {
            ++m_at;
            skipSpace();
        }
    }

    const QByteArray &m_text;
    qsizetype m_at = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
};

const valijson::Schema &schema()
{
    // valijson's Schema cannot be copied or moved: built in place, once.
    static const auto parsed = [] {
        QFile file(u":/config/notify-tray.schema.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the config schema is not in the resources");
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        auto schema = std::make_unique<valijson::Schema>();
        valijson::SchemaParser parser;
        const valijson::adapters::QtJsonAdapter adapter(doc.object());
        parser.populateSchema(adapter, *schema);
        return schema;
    }();
    return *parsed;
}

/// valijson's context (`<root>`, `[sources]`, `[0]`, `[url]`) as a path: `sources[0].url`.
QString pathOf(const std::vector<std::string> &context)
{
    QString path;
    for (const std::string &part : context) {
        if (part == "<root>" || part.size() < 2)
            continue;
        const QString inner = QString::fromStdString(part.substr(1, part.size() - 2));
        bool index = false;
        inner.toInt(&index);
        if (index)
            path += u'[' + inner + u']';
        else
            path += (path.isEmpty() ? QString() : u"."_s) + inner;
    }
    return path;
}

/// valijson's words, made to read as a sentence about the key.
QString described(const std::string &description)
{
    QString text = QString::fromStdString(description);
    if (text.endsWith(u'.'))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

/// What a key takes, said for people, where valijson's words ("failed to match against any enum values")
/// would not tell.
QString expectedAt(const QString &path)
{
    const QString key = path.mid(std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'[')) + 1);
    static const QHash<QString, QString> expected{
        { u"name"_s, u"must be 1 to 40 characters without a colon"_s },
        { u"url"_s, u"must be an http:// or https:// URL"_s },
        { u"auth"_s, u"must be bearer, token or query"_s },
        { u"dialect"_s, u"must be auto, contract or django"_s },
        { u"sign_in"_s, u"must be token or password"_s },
        { u"action"_s, u"must be alert, silent or hide"_s },
        { u"level"_s, u"must be info, success, warning or error"_s },
        { u"break_through"_s, u"must be info, success, warning or error"_s },
        { u"type"_s, u"must be notification, order_status, message or presence"_s },
        { u"days"_s, u"must be days like mon-fri, sat,sun, mon-wed,fri or daily"_s },
        { u"from"_s, u"must be a time of day as HH:MM (24 hours)"_s },
        { u"to"_s, u"must be a time of day as HH:MM (24 hours)"_s },
    };
    if (path.startsWith(u"locked["_s))
        return u"must be sources, rules or quiet_hours"_s;
    return expected.value(key);
}

QString str(const QJsonObject &object, QStringView key)
{
    return object.value(key).toString();
}

} // namespace

std::optional<TrayConfig> parse(const QByteArray &json, const QString &fileName, QList<Problem> *problems)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line
            = int(std::count(json.cbegin(), json.cbegin() + std::min<qsizetype>(parseError.offset, json.size()), '\n'))
            + 1;
        problems->append({ fileName, line, {}, u"not valid JSON: "_s + parseError.errorString() });
        return std::nullopt;
    }
    if (!doc.isObject()) {
        problems->append({ fileName, 1, {}, u"must be a JSON object ({\"sources\": […], …})"_s });
        return std::nullopt;
    }
    const LineIndex lines(json);
    const auto problem = [&](const QString &key, const QString &message) {
        problems->append({ fileName, lines.lineOf(key), key, message });
    };

    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    const QJsonObject root = doc.object();
    if (!validator.validate(schema(), valijson::adapters::QtJsonAdapter(root), &results)) {
        // valijson reports each failure and every enclosing one ("failed to validate item #0"): only the
        // innermost say something.
        std::vector<valijson::ValidationResults::Error> errors;
        valijson::ValidationResults::Error error;
        while (results.popError(error))
            errors.push_back(error);
        QSet<QString> said;
        for (const auto &e : errors) {
            QString key = pathOf(e.context);
            QString message = described(e.description);
            // valijson also reports every enclosing failure ("failed to validate item #0 in array"): only the
            // innermost say something.
            if (message.startsWith(u"failed to validate"_s))
                continue;
            // An unknown key is reported at its object; it reads better at the key itself.
            if (message.startsWith(u"object contains a property that could not be validated"_s)) {
                const qsizetype quote = message.lastIndexOf(u": '"_s);
                if (quote > 0 && message.endsWith(u'\'')) {
                    const QString name = message.mid(quote + 3).chopped(1);
                    key = key.isEmpty() ? name : key + u'.' + name;
                    message = u"is not a key this file may have (a typo?)"_s;
                }
            } else if (const QString hint = expectedAt(key); !hint.isEmpty()) {
                message = hint;
            }
            if (said.contains(key + message))
                continue;
            said.insert(key + message);
            problem(key, message);
        }
        std::stable_sort(problems->begin(), problems->end(),
                         [](const Problem &a, const Problem &b) { return a.line < b.line; });
        if (problems->isEmpty())
            problems->append({ fileName, 1, {}, u"does not match the schema"_s });
        return std::nullopt;
    }

    // What the schema cannot say.
    const qsizetype before = problems->size();
    TrayConfig config;
    if (root.contains(u"sources")) {
        QList<SourceConfig> sources;
        QSet<QString> names;
        const QJsonArray list = root.value(u"sources").toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject o = list.at(i).toObject();
            const QString at = u"sources[%1]"_s.arg(i);
            SourceConfig s;
            s.name = str(o, u"name").trimmed();
            // Their files are named after them: names that differ only in case or punctuation would share them.
            if (names.contains(slug(s.name)))
                problem(at + u".name"_s, u"\"%1\" names another source too"_s.arg(s.name));
            names.insert(slug(s.name));
            s.url = QUrl(str(o, u"url"), QUrl::StrictMode);
            if (!s.url.isValid() || s.url.host().isEmpty())
                problem(at + u".url"_s, u"is not a valid http:// or https:// URL"_s);
            s.user = str(o, u"user");
            if (o.contains(u"auth"))
                s.auth = Notify::RequestBuilder::schemeFromName(str(o, u"auth"));
            s.token = str(o, u"token").toUtf8();
            const QString dialect = str(o, u"dialect");
            s.dialect = dialect == u"django" ? SourceConfig::Dialect::Django
                : dialect == u"contract"     ? SourceConfig::Dialect::Contract
                                             : SourceConfig::Dialect::Auto;
            s.mapping = str(o, u"mapping");
            s.signIn = str(o, u"sign_in") == u"password" ? SourceConfig::SignIn::Password : SourceConfig::SignIn::Token;
            s.caCertificate = str(o, u"ca_certificate");
            sources << s;
        }
        config.sources = sources;
    }
    if (root.contains(u"rules")) {
        QList<Rule> rules;
        for (const QJsonValue value : root.value(u"rules").toArray()) {
            const QJsonObject match = value.toObject().value(u"match").toObject();
            Rule rule{ str(match, u"source"),   str(match, u"type"), str(match, u"level"),
                       str(match, u"category"), str(match, u"text"), RuleAction::Alert };
            const QString action = str(value.toObject(), u"action");
            rule.action = action == u"hide" ? RuleAction::Hide
                : action == u"silent"       ? RuleAction::Silent
                                            : RuleAction::Alert;
            rules << rule;
        }
        config.rules = rules;
    }
    if (root.value(u"quiet_hours").isNull()) {
        config.quietHours.emplace(std::nullopt);
    } else if (root.contains(u"quiet_hours")) {
        const QJsonObject o = root.value(u"quiet_hours").toObject();
        QuietHours quiet;
        if (o.contains(u"days")) {
            const auto days = QuietHours::parseDays(str(o, u"days"));
            if (!days)
                problem(u"quiet_hours.days"_s, u"names no days (mon, tue, wed, thu, fri, sat, sun; mon-fri; daily)"_s);
            quiet.days = days.value_or(0x7f);
        }
        quiet.from = QTime::fromString(str(o, u"from"), u"HH:mm");
        quiet.to = QTime::fromString(str(o, u"to"), u"HH:mm");
        if (quiet.from == quiet.to)
            problem(u"quiet_hours.to"_s, u"is the same time as \"from\": no quiet hours at all"_s);
        if (o.contains(u"break_through"))
            quiet.breakThrough = Notify::Protocol::levelFromString(str(o, u"break_through"));
        config.quietHours = quiet;
    }
    for (const QJsonValue key : root.value(u"locked").toArray())
        config.locked << key.toString();
    if (problems->size() > before)
        return std::nullopt;
    return config;
}

std::optional<TrayConfig> read(const QString &path, QList<Problem> *problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append({ path, 0, {}, u"cannot be read: "_s + file.errorString() });
        return std::nullopt;
    }
    constexpr qint64 MaxBytes = 1 << 20;
    if (file.size() > MaxBytes) {
        problems->append({ path, 0, {}, u"is larger than 1 MiB"_s });
        return std::nullopt;
    }
    return parse(file.readAll(), path, problems);
}

QString slug(const QString &sourceName)
{
    QString out;
    bool dash = false;
    for (const QChar c : sourceName.toCaseFolded()) {
        if (c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_') {
            out += c;
            dash = false;
        } else if (!dash) {
            out += u'-';
            dash = true;
        }
    }
    return out;
}

QString systemPath()
{
    QString dirs = qEnvironmentVariable("XDG_CONFIG_DIRS");
    if (dirs.isEmpty())
        dirs = u"/etc/xdg"_s;
    for (const QString &dir : dirs.split(u':', Qt::SkipEmptyParts)) {
        QString path = QDir(dir).filePath(u"notify/notify-tray.json"_s);
        if (QFile::exists(path))
            return path;
    }
    return {};
}

QString userPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(u"notify/notify-tray.json"_s);
}

Merged merge(const std::optional<TrayConfig> &system, const std::optional<TrayConfig> &explicitFile,
             const std::optional<TrayConfig> &user)
{
    Merged merged;
    if (system) {
        for (const QString &key : system->locked)
            merged.locked.insert(key);
    }
    const auto take = [&](const std::optional<TrayConfig> &file, Origin origin) {
        if (!file)
            return;
        const auto set = [&](const QString &key, auto TrayConfig::*member) {
            if (!(*file.*member))
                return;
            // A locked key keeps the system file's value (or its absence).
            if (origin != Origin::System && merged.locked.contains(key))
                return;
            merged.config.*member = *file.*member;
            merged.origin[key] = origin;
        };
        set(u"sources"_s, &TrayConfig::sources);
        set(u"rules"_s, &TrayConfig::rules);
        set(u"quiet_hours"_s, &TrayConfig::quietHours);
    };
    take(system, Origin::System);
    take(explicitFile, Origin::Explicit);
    take(user, Origin::User);
    merged.config.locked = QStringList(merged.locked.cbegin(), merged.locked.cend());
    merged.config.locked.sort();
    return merged;
}

QByteArray toJson(const TrayConfig &config)
{
    QJsonObject root;
    if (config.sources) {
        QJsonArray sources;
        for (const SourceConfig &s : *config.sources) {
            QJsonObject o{ { u"name"_s, s.name }, { u"url"_s, s.url.toString() } };
            if (!s.user.isEmpty())
                o.insert(u"user"_s, s.user);
            if (s.auth)
                o.insert(u"auth"_s, Notify::RequestBuilder::schemeName(*s.auth));
            if (s.dialect != SourceConfig::Dialect::Auto)
                o.insert(u"dialect"_s, s.dialect == SourceConfig::Dialect::Django ? u"django"_s : u"contract"_s);
            if (!s.mapping.isEmpty())
                o.insert(u"mapping"_s, s.mapping);
            if (s.signIn == SourceConfig::SignIn::Password)
                o.insert(u"sign_in"_s, u"password"_s);
            if (!s.caCertificate.isEmpty())
                o.insert(u"ca_certificate"_s, s.caCertificate);
            // Tokens are not written: the keyring keeps them.
            sources.append(o);
        }
        root.insert(u"sources"_s, sources);
    }
    if (config.rules) {
        QJsonArray rules;
        for (const Rule &r : *config.rules) {
            QJsonObject match;
            for (const auto &[key, value] :
                 { std::pair{ u"source"_s, r.source }, std::pair{ u"type"_s, r.type }, std::pair{ u"level"_s, r.level },
                   std::pair{ u"category"_s, r.category }, std::pair{ u"text"_s, r.text } }) {
                if (!value.isEmpty())
                    match.insert(key, value);
            }
            const QString action = r.action == RuleAction::Hide ? u"hide"_s
                : r.action == RuleAction::Silent                ? u"silent"_s
                                                                : u"alert"_s;
            rules.append(QJsonObject{ { u"match"_s, match }, { u"action"_s, action } });
        }
        root.insert(u"rules"_s, rules);
    }
    if (config.quietHours && !*config.quietHours) {
        root.insert(u"quiet_hours"_s, QJsonValue::Null);
    } else if (config.quietHours) {
        const QuietHours &q = **config.quietHours;
        static const char *const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
        QStringList days;
        for (int d = 0; d < 7; ++d) {
            if (q.days & (1 << d))
                days << QLatin1StringView(names[d]);
        }
        QJsonObject o{ { u"days"_s, q.days == 0x7f ? u"daily"_s : days.join(u',') },
                       { u"from"_s, q.from.toString(u"HH:mm") },
                       { u"to"_s, q.to.toString(u"HH:mm") } };
        if (q.breakThrough)
            o.insert(u"break_through"_s, Notify::Protocol::toString(*q.breakThrough));
        root.insert(u"quiet_hours"_s, o);
    }
    if (!config.locked.isEmpty())
        root.insert(u"locked"_s, QJsonArray::fromStringList(config.locked));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace TrayConfigFile

} // namespace Notify::Tray
