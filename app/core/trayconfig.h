// SPDX-License-Identifier: MIT
#pragma once

#include "alertrules.h"
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

/// One config file, or several merged: the keys it sets.
struct TrayConfig
{
    std::optional<QList<SourceConfig>> sources;
    std::optional<QList<Rule>> rules;
    /// Set by the file: a schedule, or none (`"quiet_hours": null`, which turns
    /// off the quiet hours of a file below it).
    std::optional<std::optional<QuietHours>> quietHours;
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
