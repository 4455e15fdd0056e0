// SPDX-License-Identifier: MIT
// notify-tray's config files (docs/CONFIGURATION.md): the schema check with
// line and key, the rules, quiet hours with the time passed in, and how the
// administrator's, --config's and the user's files merge and lock.

#include "core/trayconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Notify::Tray;
using namespace Qt::StringLiterals;
using Notify::Protocol::Level;

namespace {

/// The contract's example, as an administrator would write it. (In JSON "\/" is "/": moc (Qt 6.4) takes a
/// "//" in a raw string for a comment.)
const QByteArray ContractExample
    = R"({"sources": [{"name": "Shop", "url": "https:\/\/shop.example.com", "user": "alice",
              "auth": "token", "dialect": "django", "sign_in": "password"},
             {"name": "Warehouse", "url": "http:\/\/127.0.0.1:8788", "mapping": "/etc/notify/warehouse.json"}],
 "rules": [{"match": {"source": "Shop", "category": "stock", "level": "info", "type": "notification"},
            "action": "silent"},
           {"match": {"text": "test"}, "action": "hide"}],
 "quiet_hours": {"days": "mon-fri", "from": "19:00", "to": "07:00", "break_through": "error"},
 "locked": ["sources", "quiet_hours"]}
)";

QList<TrayConfigFile::Problem> problemsOf(const QByteArray &json)
{
    QList<TrayConfigFile::Problem> problems;
    const auto config = TrayConfigFile::parse(json, u"notify-tray.json"_s, &problems);
    if (config && !problems.isEmpty())
        qWarning("a config with problems was taken");
    return problems;
}

QDateTime at(const QString &when) // "2026-12-07 19:30" (a Monday)
{
    return QDateTime::fromString(when, u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

class tst_TrayConfig final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheContractsExample();
    void problemsNameLineAndKey_data();
    void problemsNameLineAndKey();
    void problemsOfAFileThatIsNotThere();
    void rules_data();
    void rules();
    void days_data();
    void days();
    void quietHours_data();
    void quietHours();
    void breakThrough();
    void mergeAndLock();
    void lockedOnlyCountsInTheSystemFile();
    void quietHoursTurnedOffOverAFileBelow();
    void systemAndUserPaths();
    void writtenAndReadBack();
};

void tst_TrayConfig::readsTheContractsExample()
{
    QList<TrayConfigFile::Problem> problems;
    const auto config = TrayConfigFile::parse(ContractExample, u"admin.json"_s, &problems);
    QVERIFY2(config, problems.isEmpty() ? "" : qPrintable(problems.first().text()));
    QCOMPARE(config->sources->size(), 2);
    const SourceConfig &shop = config->sources->at(0);
    QCOMPARE(shop.name, u"Shop"_s);
    QCOMPARE(shop.url, QUrl(u"https://shop.example.com"_s));
    QCOMPARE(shop.user, u"alice"_s);
    QCOMPARE(shop.effectiveAuth(), Notify::AuthScheme::Token);
    QCOMPARE(shop.dialect, SourceConfig::Dialect::Django);
    QCOMPARE(shop.signIn, SourceConfig::SignIn::Password);
    const SourceConfig &warehouse = config->sources->at(1);
    QCOMPARE(warehouse.effectiveAuth(), Notify::AuthScheme::Bearer);
    QCOMPARE(warehouse.mapping, u"/etc/notify/warehouse.json"_s);
    QCOMPARE(warehouse.signIn, SourceConfig::SignIn::Token);
    QCOMPARE(config->rules->size(), 2);
    QCOMPARE(config->rules->at(0).action, RuleAction::Silent);
    QCOMPARE(config->rules->at(1).text, u"test"_s);
    QVERIFY(config->quietHours && *config->quietHours);
    const QuietHours &quiet = **config->quietHours;
    QCOMPARE(quiet.days, quint8(0x1f));
    QCOMPARE(quiet.from, QTime(19, 0));
    QVERIFY(quiet.breakThrough == Level::Error);
    QCOMPARE(config->locked, (QStringList{ u"sources"_s, u"quiet_hours"_s }));
}

void tst_TrayConfig::problemsNameLineAndKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); ///< the first problem's text
    QTest::newRow("not JSON") << QByteArray("{\n  \"sources\": [\n    {\"name\": \"Shop\",}\n  ]\n}")
                              << u"notify-tray.json:3: not valid JSON: "_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"notify-tray.json:1: must be a JSON object"_s;
    QTest::newRow("unknown key") << QByteArray("{\n  \"source\": []\n}")
                                 << u"notify-tray.json:2: source: is not a key this file may have"_s;
    QTest::newRow("no url") << QByteArray("{\"sources\": [\n  {\"name\": \"Shop\"}\n]}")
                            << u"notify-tray.json:2: sources[0]: "_s;
    QTest::newRow("bad url") << QByteArray("{\"sources\": [\n  {\"name\": \"Shop\",\n   \"url\": \"ftp://x\"}\n]}")
                             << u"notify-tray.json:3: sources[0].url: "_s;
    QTest::newRow("url without host") << QByteArray("{\"sources\": [{\"name\": \"Shop\", \"url\": \"http://:80\"}]}")
                                      << u"notify-tray.json:1: sources[0].url: "_s;
    QTest::newRow("bad auth") << QByteArray(
        "{\"sources\": [{\"name\": \"A\", \"url\": \"http://a\"},\n{\"name\": \"B\", \"url\": \"http://b\",\n"
        "\"auth\": \"basic\"}]}")
                              << u"notify-tray.json:3: sources[1].auth: "_s;
    QTest::newRow("colon in name") << QByteArray("{\"sources\": [{\"name\": \"Shop: EU\", \"url\": \"http://a\"}]}")
                                   << u"notify-tray.json:1: sources[0].name: "_s;
    QTest::newRow("same name twice") << QByteArray(
        "{\"sources\": [{\"name\": \"Shop\", \"url\": \"http://a\"},\n  {\"name\": \"shop\", \"url\": \"http://b\"}]}")
                                     << u"notify-tray.json:2: sources[1].name: \"shop\" names another source too"_s;
    QTest::newRow("unknown source key") << QByteArray(
        "{\"sources\": [{\"name\": \"A\", \"url\": \"http:\\/\\/a\",\n\"passwd\": \"x\"}]}")
                                        << u"notify-tray.json:2: sources[0].passwd: is not a key"_s;
    QTest::newRow("same files") << QByteArray("{\"sources\": [{\"name\": \"Shop A\", \"url\": \"http:\\/\\/a\"},\n  "
                                              "{\"name\": \"shop-a\", \"url\": \"http:\\/\\/b\"}]}")
                                << u"notify-tray.json:2: sources[1].name: \"shop-a\" names another source too"_s;
    QTest::newRow("bad action") << QByteArray("{\"rules\": [{\"match\": {}, \"action\": \"mute\"}]}")
                                << u"notify-tray.json:1: rules[0].action: "_s;
    QTest::newRow("bad level in a rule") << QByteArray(
        "{\"rules\": [\n{\"match\": {\n\"level\": \"critical\"}, \"action\": \"hide\"}]}")
                                         << u"notify-tray.json:3: rules[0].match.level: "_s;
    QTest::newRow("bad time") << QByteArray("{\"quiet_hours\": {\"from\": \"7pm\", \"to\": \"07:00\"}}")
                              << u"notify-tray.json:1: quiet_hours.from: "_s;
    QTest::newRow("bad days") << QByteArray("{\"quiet_hours\": {\"days\": \"mon-fry\", \"from\": \"19:00\", \"to\": "
                                            "\"07:00\"}}")
                              << u"notify-tray.json:1: quiet_hours.days: names no days"_s;
    QTest::newRow("empty spell") << QByteArray("{\"quiet_hours\": {\"from\": \"19:00\", \"to\": \"19:00\"}}")
                                 << u"notify-tray.json:1: quiet_hours.to: is the same time"_s;
    QTest::newRow("bad lock") << QByteArray("{\"locked\": [\"everything\"]}") << u"notify-tray.json:1: locked[0]: "_s;
}

void tst_TrayConfig::problemsNameLineAndKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QList<TrayConfigFile::Problem> problems = problemsOf(json);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().text().startsWith(expected), qPrintable(problems.first().text()));
    // Each problem once, and said as a sentence, not valijson's nesting.
    for (const auto &p : problems)
        QVERIFY2(!p.message.contains(u"failed to validate"_s, Qt::CaseInsensitive), qPrintable(p.text()));
}

void tst_TrayConfig::problemsOfAFileThatIsNotThere()
{
    QList<TrayConfigFile::Problem> problems;
    QVERIFY(!TrayConfigFile::read(u"/nonexistent/notify-tray.json"_s, &problems));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().text().startsWith(u"/nonexistent/notify-tray.json: cannot be read: "_s),
             qPrintable(problems.first().text()));
}

void tst_TrayConfig::rules_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("text");
    QTest::addColumn<RuleAction>("action");
    // The contract example's rules: Shop's stock infos are silent; anything saying "test" is hidden.
    QTest::newRow("matches all four") << u"Shop"_s << u"notification"_s << u"info"_s << u"stock"_s << u"Low"_s
                                      << RuleAction::Silent;
    QTest::newRow("in any case") << u"shop"_s << u"notification"_s << u"INFO"_s << u"Stock"_s << u"Low"_s
                                 << RuleAction::Silent;
    QTest::newRow("another level") << u"Shop"_s << u"notification"_s << u"error"_s << u"stock"_s << u"Low"_s
                                   << RuleAction::Alert;
    QTest::newRow("another source") << u"Warehouse"_s << u"notification"_s << u"info"_s << u"stock"_s << u"Low"_s
                                    << RuleAction::Alert;
    QTest::newRow("text contained") << u"Warehouse"_s << u"message"_s << QString() << QString() << u"A TEST message"_s
                                    << RuleAction::Hide;
    QTest::newRow("first match wins") << u"Shop"_s << u"notification"_s << u"info"_s << u"stock"_s << u"test stock"_s
                                      << RuleAction::Silent;
}

void tst_TrayConfig::rules()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    QFETCH(QString, level);
    QFETCH(QString, category);
    QFETCH(QString, text);
    QFETCH(RuleAction, action);
    QList<TrayConfigFile::Problem> problems;
    const auto config = TrayConfigFile::parse(ContractExample, u"admin.json"_s, &problems);
    QVERIFY(config);
    QCOMPARE(Rule::decide(*config->rules, RuleSubject{ source, type, level, category, text }), action);
    QCOMPARE(Rule::decide({}, RuleSubject{ source, type, level, category, text }), RuleAction::Alert);
}

void tst_TrayConfig::days_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("days");
    QTest::newRow("mon-fri") << u"mon-fri"_s << 0x1f;
    QTest::newRow("weekend") << u"sat,sun"_s << 0x60;
    QTest::newRow("wraps") << u"fri-mon"_s << (0x10 | 0x20 | 0x40 | 0x01);
    QTest::newRow("mixed") << u"mon-wed,fri"_s << 0x17;
    QTest::newRow("daily") << u"daily"_s << 0x7f;
    QTest::newRow("one") << u"thu"_s << 0x08;
    QTest::newRow("unknown") << u"mon-fry"_s << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("three ends") << u"mon-wed-fri"_s << -1;
}

void tst_TrayConfig::days()
{
    QFETCH(QString, text);
    QFETCH(int, days);
    const auto parsed = QuietHours::parseDays(text);
    QCOMPARE(parsed ? int(*parsed) : -1, days);
}

void tst_TrayConfig::quietHours_data()
{
    QTest::addColumn<QString>("spec"); ///< days from to
    QTest::addColumn<QString>("when"); ///< local time; 2026-12-07 is a Monday
    QTest::addColumn<QString>("endsAt"); ///< empty: not quiet
    QTest::newRow("before the evening") << u"mon-fri 19:00 07:00"_s << u"2026-12-07 18:59"_s << QString();
    QTest::newRow("evening") << u"mon-fri 19:00 07:00"_s << u"2026-12-07 19:00"_s << u"2026-12-08 07:00"_s;
    QTest::newRow("night, the next day") << u"mon-fri 19:00 07:00"_s << u"2026-12-08 06:59"_s << u"2026-12-08 07:00"_s;
    QTest::newRow("morning is over") << u"mon-fri 19:00 07:00"_s << u"2026-12-08 07:00"_s << QString();
    QTest::newRow("Friday night runs into Saturday")
        << u"mon-fri 19:00 07:00"_s << u"2026-12-12 03:00"_s << u"2026-12-12 07:00"_s;
    QTest::newRow("no spell starts on Saturday") << u"mon-fri 19:00 07:00"_s << u"2026-12-12 20:00"_s << QString();
    QTest::newRow("nor runs into Monday") << u"mon-fri 19:00 07:00"_s << u"2026-12-14 03:00"_s << QString();
    QTest::newRow("lunch") << u"daily 12:00 13:00"_s << u"2026-12-13 12:30"_s << u"2026-12-13 13:00"_s;
    QTest::newRow("after lunch") << u"daily 12:00 13:00"_s << u"2026-12-13 13:00"_s << QString();
}

void tst_TrayConfig::quietHours()
{
    QFETCH(QString, spec);
    QFETCH(QString, when);
    QFETCH(QString, endsAt);
    const QStringList parts = spec.split(u' ');
    QuietHours quiet;
    quiet.days = *QuietHours::parseDays(parts[0]);
    quiet.from = QTime::fromString(parts[1], u"HH:mm"_s);
    quiet.to = QTime::fromString(parts[2], u"HH:mm"_s);
    QCOMPARE(quiet.isQuiet(at(when)), !endsAt.isEmpty());
    QCOMPARE(quiet.endOfSpell(at(when)), endsAt.isEmpty() ? QDateTime() : at(endsAt));
}

void tst_TrayConfig::breakThrough()
{
    QuietHours quiet;
    QVERIFY(!quiet.breaksThrough(Level::Error)); // unset: nothing breaks through
    quiet.breakThrough = Level::Warning;
    QVERIFY(quiet.breaksThrough(Level::Error));
    QVERIFY(quiet.breaksThrough(Level::Warning));
    QVERIFY(!quiet.breaksThrough(Level::Success));
    QVERIFY(!quiet.breaksThrough(std::nullopt)); // a message or an order has no level
}

void tst_TrayConfig::mergeAndLock()
{
    QList<TrayConfigFile::Problem> problems;
    const auto system = TrayConfigFile::parse(ContractExample, u"system.json"_s, &problems);
    const auto explicitFile = TrayConfigFile::parse(R"({"rules": [{"match": {"type": "presence"}, "action": "hide"}]})",
                                                    u"team.json"_s, &problems);
    const auto user = TrayConfigFile::parse(R"({"sources": [{"name": "Mine", "url": "http:\/\/mine"}],
        "rules": [], "quiet_hours": {"from": "12:00", "to": "13:00"}})",
                                            u"user.json"_s, &problems);
    QVERIFY(system && explicitFile && user);

    const auto merged = TrayConfigFile::merge(system, explicitFile, user);
    // Locked: the system file's sources and quiet hours, whatever the user says.
    QCOMPARE(merged.config.sources->size(), 2);
    QCOMPARE(merged.config.sources->at(0).name, u"Shop"_s);
    QCOMPARE(merged.origin.value(u"sources"_s), TrayConfigFile::Origin::System);
    QCOMPARE(merged.config.quietHours->value().from, QTime(19, 0));
    QVERIFY(merged.isLocked(u"sources"_s));
    QVERIFY(merged.isLocked(u"quiet_hours"_s));
    // Not locked: the user's rules (none) win over --config's and the system's.
    QVERIFY(!merged.isLocked(u"rules"_s));
    QCOMPARE(merged.config.rules->size(), 0);
    QCOMPARE(merged.origin.value(u"rules"_s), TrayConfigFile::Origin::User);

    // Without the user's file, --config's rules win over the system's.
    const auto noUser = TrayConfigFile::merge(system, explicitFile, std::nullopt);
    QCOMPARE(noUser.config.rules->size(), 1);
    QCOMPARE(noUser.config.rules->at(0).type, u"presence"_s);
    QCOMPARE(noUser.origin.value(u"rules"_s), TrayConfigFile::Origin::Explicit);

    // A locked key the system file does not set stays unset.
    const auto lockOnly = TrayConfigFile::parse(R"({"locked": ["rules"]})", u"system.json"_s, &problems);
    const auto none = TrayConfigFile::merge(lockOnly, explicitFile, user);
    QVERIFY(!none.config.rules);
    QCOMPARE(none.config.sources->at(0).name, u"Mine"_s);
    QCOMPARE(none.origin.value(u"sources"_s), TrayConfigFile::Origin::User);
}

void tst_TrayConfig::quietHoursTurnedOffOverAFileBelow()
{
    QList<TrayConfigFile::Problem> problems;
    const auto team
        = TrayConfigFile::parse(R"({"quiet_hours": {"from": "19:00", "to": "07:00"}})", u"team.json"_s, &problems);
    const auto off = TrayConfigFile::parse(R"({"quiet_hours": null})", u"user.json"_s, &problems);
    QVERIFY2(team && off, problems.isEmpty() ? "" : qPrintable(problems.first().text()));
    // null is set, to none: it wins over the team's schedule ...
    QVERIFY(off->quietHours && !*off->quietHours);
    const auto merged = TrayConfigFile::merge(std::nullopt, team, off);
    QVERIFY(merged.config.quietHours && !*merged.config.quietHours);
    QCOMPARE(merged.origin.value(u"quiet_hours"_s), TrayConfigFile::Origin::User);
    // ... unless the administrator locked theirs.
    const auto admin = TrayConfigFile::parse(R"({"quiet_hours": {"from": "19:00", "to": "07:00"},
        "locked": ["quiet_hours"]})",
                                             u"system.json"_s, &problems);
    QVERIFY(admin);
    QCOMPARE(TrayConfigFile::merge(admin, std::nullopt, off).config.quietHours->value().from, QTime(19, 0));
    // Written as null, and read back the same.
    QVERIFY(TrayConfigFile::toJson(*off).contains("\"quiet_hours\": null"));
    QVERIFY(TrayConfigFile::parse(TrayConfigFile::toJson(*off), u"again.json"_s, &problems) == off);
    // Any other kind of value is still refused, by key.
    problems.clear();
    QVERIFY(!TrayConfigFile::parse(R"({"quiet_hours": "off"})", u"user.json"_s, &problems));
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().key, u"quiet_hours"_s);
}

void tst_TrayConfig::lockedOnlyCountsInTheSystemFile()
{
    QList<TrayConfigFile::Problem> problems;
    const auto user = TrayConfigFile::parse(
        R"({"sources": [{"name": "Mine", "url": "http:\/\/mine"}], "locked": ["sources"]})", u"user.json"_s, &problems);
    const auto explicitFile = TrayConfigFile::parse(
        R"({"sources": [{"name": "Team", "url": "http:\/\/team"}], "locked": ["sources"]})", u"team.json"_s, &problems);
    const auto merged = TrayConfigFile::merge(std::nullopt, explicitFile, user);
    QVERIFY(merged.locked.isEmpty());
    QCOMPARE(merged.config.sources->at(0).name, u"Mine"_s);
}

void tst_TrayConfig::systemAndUserPaths()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(QDir(second.path()).mkpath(u"notify"_s));
    QFile file(second.filePath(u"notify/notify-tray.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    qputenv("XDG_CONFIG_DIRS", (first.path() + u':' + second.path()).toUtf8());
    QCOMPARE(TrayConfigFile::systemPath(), file.fileName());
    QVERIFY(QDir(first.path()).mkpath(u"notify"_s));
    QFile earlier(first.filePath(u"notify/notify-tray.json"_s));
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.close();
    QCOMPARE(TrayConfigFile::systemPath(), earlier.fileName()); // the first directory wins
    qputenv("XDG_CONFIG_DIRS", QByteArray("/nonexistent"));
    QCOMPARE(TrayConfigFile::systemPath(), QString());
    qunsetenv("XDG_CONFIG_DIRS");

    qputenv("XDG_CONFIG_HOME", first.path().toUtf8());
    QCOMPARE(TrayConfigFile::userPath(), first.filePath(u"notify/notify-tray.json"_s));
    qunsetenv("XDG_CONFIG_HOME");
}

void tst_TrayConfig::writtenAndReadBack()
{
    QList<TrayConfigFile::Problem> problems;
    auto config = TrayConfigFile::parse(ContractExample, u"admin.json"_s, &problems);
    QVERIFY(config);
    (*config->sources)[0].token = "secret-token-1234";
    const QByteArray json = TrayConfigFile::toJson(*config);
    QVERIFY2(!json.contains("secret-token-1234"), "a token written to a config file");
    auto back = TrayConfigFile::parse(json, u"written.json"_s, &problems);
    QVERIFY2(back, problems.isEmpty() ? "" : qPrintable(problems.first().text()));
    (*config->sources)[0].token.clear();
    QCOMPARE(*back, *config);
}

QTEST_GUILESS_MAIN(tst_TrayConfig)
#include "tst_trayconfig.moc"
