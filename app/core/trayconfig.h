// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"
#include "common/requestbuilder.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QTime>
#include <QUrl>

#include <optional>

namespace Notify::Tray {

/// One server a staff member follows, as a config file gives it
/// (docs/CONFIGURATION.md, "sources").
struct SourceConfig
{
    enum class Dialect { Auto, Contract, Django };
    enum class SignIn { Token, Password };

    QString name; ///< "Shop": shown in the window and before each alert
    QUrl url;
    QString user;
    std::optional<Notify::AuthScheme> auth; ///< unset: the dialect's (Token for django, else Bearer)
    QByteArray token; ///< rarely in a file: the welcome page or the keyring gives it
    Dialect dialect = Dialect::Auto;
    QString mapping; ///< a mapping file for another backend's names
    SignIn signIn = SignIn::Token;
    QString caCertificate;

    /// The scheme to send the token with: the one given, else the dialect's.
    [[nodiscard]] Notify::AuthScheme effectiveAuth() const;
    bool operator==(const SourceConfig &other) const = default;
};

/// What happens to an event (docs/CONFIGURATION.md, "rules").
enum class RuleAction {
    Alert, ///< listed, counted and alerted (what happens without rules)
    Silent, ///< listed and counted, no alert
    Hide, ///< not listed
};

/// What a rule looks at in an event.
struct RuleSubject
{
    QString source;
    QString type; ///< the contract's event type: notification, order_status, message, presence
    QString level; ///< info, success, warning, error (empty when the event has none)
    QString category;
    QString text; ///< the title and the message, for "text"
};

/// A rule: every field that is set must match (text: contained, in any case); an empty match matches all.
struct Rule
{
    QString source;
    QString type;
    QString level;
    QString category;
    QString text;
    RuleAction action = RuleAction::Alert;

    [[nodiscard]] bool matches(const RuleSubject &subject) const;
    bool operator==(const Rule &other) const = default;
    /// The first rule in @p rules that matches decides; none: Alert.
    [[nodiscard]] static RuleAction decide(const QList<Rule> &rules, const RuleSubject &subject);
};

/// A weekly schedule of quiet hours, and the level that still alerts.
struct QuietHours
{
    quint8 days = 0x7f; ///< bit 0 Monday … bit 6 Sunday: the days a quiet spell starts on
    QTime from;
    QTime to; ///< before `from`: the spell ends the next day
    std::optional<Notify::Protocol::Level> breakThrough; ///< this level and above alert anyway; unset: nothing does

    /// Whether @p localTime falls in a quiet spell.
    [[nodiscard]] bool isQuiet(const QDateTime &localTime) const;
    /// When the spell @p localTime is in ends (invalid when it is not quiet).
    [[nodiscard]] QDateTime endOfSpell(const QDateTime &localTime) const;
    /// Whether an event of @p level alerts during a quiet spell.
    [[nodiscard]] bool breaksThrough(std::optional<Notify::Protocol::Level> level) const;
    /// "mon-fri" and the like into days; nothing when it names no day.
    [[nodiscard]] static std::optional<quint8> parseDays(const QString &text);
    bool operator==(const QuietHours &other) const = default;
};

/// One config file, or several merged: the keys it sets.
struct TrayConfig
{
    std::optional<QList<SourceConfig>> sources;
    std::optional<QList<Rule>> rules;
    std::optional<QuietHours> quietHours;
    QStringList locked; ///< "sources", "rules", "quiet_hours"

    bool operator==(const TrayConfig &other) const = default;
};

/// Reading, checking and merging config files (docs/CONFIGURATION.md).
namespace TrayConfigFile {

/// One thing wrong with a file: where (line and key) and what.
struct Problem
{
    QString file;
    int line = 0; ///< 1-based; 0 when the file could not be read at all
    QString key; ///< "sources[1].url"; empty for the whole file
    QString message;
    /// "FILE:3: sources[1].url: …", as compilers say it.
    [[nodiscard]] QString text() const;
};

/// Checks @p json against the schema (resources/notify-tray.schema.json) and
/// the rules a schema cannot say (days, unique names); the config, or nothing
/// with @p problems saying why.
std::optional<TrayConfig> parse(const QByteArray &json, const QString &fileName, QList<Problem> *problems);
/// The same for a file.
std::optional<TrayConfig> read(const QString &path, QList<Problem> *problems);

/// What a source's files are named after (its history, its token file): its name in lower case, every run
/// of other characters than letters, digits, `.` and `-` one `-`. Two sources of one slug are refused.
QString slug(const QString &sourceName);

/// The administrator's file: the first `notify/notify-tray.json` in
/// `$XDG_CONFIG_DIRS` (default `/etc/xdg`) that exists; empty when none does.
QString systemPath();
/// The user's file: `$XDG_CONFIG_HOME/notify/notify-tray.json` (it need not exist).
QString userPath();

/// Where a merged key's value came from.
enum class Origin { Default, System, Explicit, User };

struct Merged
{
    TrayConfig config;
    QSet<QString> locked; ///< keys the user cannot change: locked in the system file
    QMap<QString, Origin> origin; ///< "sources", "rules", "quiet_hours"
    [[nodiscard]] bool isLocked(const QString &key) const { return locked.contains(key); }
};

/// The system file's keys, then `--config`'s, then the user's, each over the
/// last; a key the system file locks keeps the system file's value (KDE's
/// kiosk rule). `locked` is honoured in the system file only.
Merged merge(const std::optional<TrayConfig> &system, const std::optional<TrayConfig> &explicitFile,
             const std::optional<TrayConfig> &user);

/// @p config as JSON, in the file's format (what Settings writes to the user's file).
QByteArray toJson(const TrayConfig &config);

} // namespace TrayConfigFile

} // namespace Notify::Tray
