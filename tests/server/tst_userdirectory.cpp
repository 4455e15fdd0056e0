// SPDX-License-Identifier: MIT
// UserDirectory: users files (valid, not JSON, the wrong shape, fields
// missing or of the wrong type, invalid names, duplicate names and tokens,
// short tokens: each refused with a reason naming the file or the entry),
// display names and the admin flag, lookup by name, authentication by the
// exact token only (no prefix, no extension, no other case), the demo users.

#include "hub/userdirectory.h"
#include "testusers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cctype>

using Notify::Server::User;
using Notify::Server::UserDirectory;

namespace {

UserDirectory loaded(const QByteArray &json)
{
    UserDirectory users;
    QString error;
    if (!users.loadJson(json, QStringLiteral("users.json"), &error))
        qFatal("%s", qPrintable(error));
    return users;
}

} // namespace

class tst_UserDirectory final : public QObject
{
    Q_OBJECT

private slots:
    void loadsAUsersFile();
    void displayNames_data();
    void displayNames();
    void adminFlag_data();
    void adminFlag();
    void names_data();
    void names();
    void refusedFiles_data();
    void refusedFiles();
    void unreadableFile();
    void aSecondFileAdds();
    void authenticate_data();
    void authenticate();
    void addUser();
    void demoUsers();
    void demoUsersBesideAFile();
    void groups();
};

void tst_UserDirectory::loadsAUsersFile()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    UserDirectory users;
    QString error;
    QVERIFY2(users.loadFile(TestSupport::writeUsersFile(dir), &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(users.users().size(), 3);
    const User &alice = users.users().at(0); // in the file's order
    QCOMPARE(alice.name, QStringLiteral("alice"));
    QCOMPARE(alice.displayName, QStringLiteral("Alice"));
    QCOMPARE(alice.token, TestSupport::AliceToken);
    QVERIFY(!alice.admin);
    QCOMPARE(users.users().at(1).name, QStringLiteral("bob"));
    QCOMPARE(users.users().at(2).name, QStringLiteral("admin"));
    QVERIFY(users.users().at(2).admin);

    QCOMPARE(users.find(QStringLiteral("alice")), &users.users().at(0));
    QCOMPARE(users.find(QStringLiteral("bob")), &users.users().at(1));
    QCOMPARE(users.find(QStringLiteral("admin")), &users.users().at(2));
    QCOMPARE(users.find(QStringLiteral("Alice")), nullptr); // names are exact
    QCOMPARE(users.find(QStringLiteral("carol")), nullptr);
    QCOMPARE(users.find(QString()), nullptr);

    // An empty list is a valid file with nobody in it.
    UserDirectory nobody;
    QVERIFY(nobody.loadJson(R"({"users":[]})", QStringLiteral("empty.json"), &error));
    QVERIFY(nobody.users().isEmpty());
}

void tst_UserDirectory::displayNames_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QString>("displayName");
    QTest::addRow("given") << QByteArray(R"("display_name":"Alice Martin")") << QStringLiteral("Alice Martin");
    QTest::addRow("non-ascii") << QByteArray(R"("display_name":"Zoë Ødegård 山田")")
                               << QStringLiteral("Zoë Ødegård 山田");
    QTest::addRow("absent") << QByteArray(R"("admin":false)") << QStringLiteral("alice");
    QTest::addRow("null") << QByteArray(R"("display_name":null)") << QStringLiteral("alice");
    QTest::addRow("number") << QByteArray(R"("display_name":42)") << QStringLiteral("alice");
    QTest::addRow("empty-string") << QByteArray(R"("display_name":"")") << QString();
}

void tst_UserDirectory::displayNames()
{
    QFETCH(QByteArray, entry);
    QFETCH(QString, displayName);
    const UserDirectory users = loaded(R"({"users":[{"name":"alice","token":"alice-token-0001",)" + entry + "}]}");
    QCOMPARE(users.find(QStringLiteral("alice"))->displayName, displayName);
}

void tst_UserDirectory::adminFlag_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<bool>("admin");
    QTest::addRow("true") << QByteArray(R"("admin":true)") << true;
    QTest::addRow("false") << QByteArray(R"("admin":false)") << false;
    QTest::addRow("absent") << QByteArray(R"("display_name":"A")") << false;
    // Only a JSON true makes an admin.
    QTest::addRow("string") << QByteArray(R"("admin":"true")") << false;
    QTest::addRow("number") << QByteArray(R"("admin":1)") << false;
    QTest::addRow("null") << QByteArray(R"("admin":null)") << false;
}

void tst_UserDirectory::adminFlag()
{
    QFETCH(QByteArray, entry);
    QFETCH(bool, admin);
    const UserDirectory users = loaded(R"({"users":[{"name":"alice","token":"alice-token-0001",)" + entry + "}]}");
    QCOMPARE(users.find(QStringLiteral("alice"))->admin, admin);
    QCOMPARE(users.authenticate("alice-token-0001")->admin, admin);
}

void tst_UserDirectory::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("plain") << QStringLiteral("alice") << true;
    QTest::addRow("punctuation") << QStringLiteral("a.b-c_d") << true;
    QTest::addRow("digits") << QStringLiteral("007") << true;
    QTest::addRow("upper-case") << QStringLiteral("Alice") << true;
    QTest::addRow("non-ascii-letters") << QStringLiteral("zoë") << true;
    QTest::addRow("one") << QStringLiteral("x") << true;
    QTest::addRow("64") << QString(64, u'x') << true;
    QTest::addRow("65") << QString(65, u'x') << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << QStringLiteral("alice martin") << false;
    QTest::addRow("slash") << QStringLiteral("a/b") << false;
    QTest::addRow("at") << QStringLiteral("alice@example.com") << false;
    QTest::addRow("colon") << QStringLiteral("a:b") << false;
    QTest::addRow("quote") << QStringLiteral("a\"b") << false;
    QTest::addRow("newline") << QStringLiteral("a\nb") << false;
    QTest::addRow("nul") << QString(QStringLiteral("ab") + QChar(0) + u'c') << false;
}

void tst_UserDirectory::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QByteArray json
        = QJsonDocument(
              QJsonObject{
                  { QStringLiteral("users"),
                    QJsonArray{ QJsonObject{ { QStringLiteral("name"), name },
                                             { QStringLiteral("token"), QStringLiteral("a-token-0001") } } } },
              })
              .toJson();
    UserDirectory users;
    QString error;
    QCOMPARE(users.loadJson(json, QStringLiteral("users.json"), &error), valid);
    if (valid) {
        QVERIFY(error.isEmpty());
        QCOMPARE(users.find(name)->name, name);
    } else {
        QVERIFY2(error.contains(QStringLiteral("is invalid (letters, digits, _ - . only)")), qPrintable(error));
        QVERIFY(users.users().isEmpty());
        QCOMPARE(users.authenticate("a-token-0001"), nullptr);
    }
}

void tst_UserDirectory::refusedFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QString shape = QStringLiteral(R"(users file users.json needs {"users":[…]})");
    const QString fields = QStringLiteral(R"(users[%1] needs a string "name" and "token")");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("users file users.json is not valid JSON: ");
    QTest::addRow("broken") << QByteArray(R"({"users":[{"name":"alice",)")
                            << QStringLiteral("users file users.json is not valid JSON: ");
    QTest::addRow("trailing-comma") << QByteArray(R"({"users":[],})")
                                    << QStringLiteral("users file users.json is not valid JSON: ");
    QTest::addRow("top-level-array") << QByteArray(R"([{"name":"alice","token":"alice-token-0001"}])") << shape;
    QTest::addRow("no-users") << QByteArray(R"({"people":[]})") << shape;
    QTest::addRow("users-object") << QByteArray(R"({"users":{"alice":"alice-token-0001"}})") << shape;
    QTest::addRow("users-null") << QByteArray(R"({"users":null})") << shape;
    QTest::addRow("entry-not-object") << QByteArray(R"({"users":["alice"]})") << fields.arg(0);
    QTest::addRow("no-name") << QByteArray(R"({"users":[{"token":"alice-token-0001"}]})") << fields.arg(0);
    QTest::addRow("no-token") << QByteArray(R"({"users":[{"name":"alice"}]})") << fields.arg(0);
    QTest::addRow("name-number") << QByteArray(R"({"users":[{"name":7,"token":"alice-token-0001"}]})") << fields.arg(0);
    QTest::addRow("token-number") << QByteArray(R"({"users":[{"name":"alice","token":12345678901}]})") << fields.arg(0);
    QTest::addRow("groups-not-array") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","groups":"support"}]})")
                                      << QStringLiteral("users[0].groups must be an array of group names");
    QTest::addRow("group-not-string") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","groups":[7]}]})")
                                      << QStringLiteral("users[0].groups must be an array of group names");
    QTest::addRow("group-invalid") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","groups":["@ops"]}]})")
                                   << QStringLiteral("user \"alice\" names an invalid group \"@ops\"");
    QTest::addRow("password-plain") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","password":"hunter2"}]})")
                                    << QStringLiteral("users[0].password is not a Django pbkdf2_sha256 hash");
    QTest::addRow("password-number") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","password":7}]})")
                                     << QStringLiteral("users[0].password must be a string");
    QTest::addRow("password-cheap") << QByteArray(
        R"({"users":[{"name":"alice","token":"alice-token-0001","password":"pbkdf2_sha256$100$salt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="}]})")
                                    << QStringLiteral("users[0].password needs 10000 to 10000000 iterations");
    QTest::addRow("token-null") << QByteArray(R"({"users":[{"name":"alice","token":null}]})") << fields.arg(0);
    QTest::addRow("second-entry") << QByteArray(R"({"users":[{"name":"alice","token":"alice-token-0001"},{}]})")
                                  << fields.arg(1);
    QTest::addRow("invalid-name") << QByteArray(R"({"users":[{"name":"al ice","token":"alice-token-0001"}]})")
                                  << QStringLiteral(R"(user name "al ice" is invalid (letters, digits, _ - . only))");
    QTest::addRow("duplicate-name") << QByteArray(R"({"users":[{"name":"alice","token":"alice-token-0001"},
                                   {"name":"alice","token":"alice-token-0002"}]})")
                                    << QStringLiteral(R"(user "alice" is listed twice)");
    QTest::addRow("duplicate-token") << QByteArray(
        R"({"users":[{"name":"alice","token":"shared-token"},{"name":"bob","token":"shared-token"}]})")
                                     << QStringLiteral(R"(user "bob" has the same token as another user)");
    QTest::addRow("token-7") << QByteArray(R"({"users":[{"name":"alice","token":"1234567"}]})")
                             << QStringLiteral(R"(the token of user "alice" is shorter than 8 characters)");
    QTest::addRow("token-empty") << QByteArray(R"({"users":[{"name":"alice","token":""}]})")
                                 << QStringLiteral(R"(the token of user "alice" is shorter than 8 characters)");
}

void tst_UserDirectory::refusedFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    UserDirectory users;
    QString reason;
    QVERIFY(!users.loadJson(json, QStringLiteral("users.json"), &reason));
    QVERIFY2(reason.startsWith(error), qPrintable(reason));
    if (error.contains(u"not valid JSON"))
        QVERIFY2(reason.contains(u" at offset "), qPrintable(reason));
    QVERIFY2(!reason.contains(u"token-0001") && !reason.contains(u"shared-token"), "a token in an error");
    QVERIFY2(!reason.contains(u"hunter2") && !reason.contains(u"AeFf6yKj"), "a password in an error");
}

void tst_UserDirectory::unreadableFile()
{
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.json"));
    UserDirectory users;
    QString error;
    QVERIFY(!users.loadFile(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot read users file ") + path + u": "), qPrintable(error));
    QVERIFY(users.users().isEmpty());

    // Not JSON on disk: the file is named in the reason.
    const QString broken = TestSupport::writeUsersFile(dir, "users:\n  - alice\n");
    QVERIFY(!users.loadFile(broken, &error));
    QVERIFY2(error.startsWith(QStringLiteral("users file ") + broken + u" is not valid JSON: "), qPrintable(error));
}

void tst_UserDirectory::aSecondFileAdds()
{
    UserDirectory users = loaded(TestSupport::TestUsers);
    QString error;
    QVERIFY(users.loadJson(R"({"users":[{"name":"carol","token":"carol-token-0004"}]})", QStringLiteral("more.json"),
                           &error));
    QCOMPARE(users.users().size(), 4);
    QCOMPARE(users.authenticate("carol-token-0004")->name, QStringLiteral("carol"));
    QCOMPARE(users.authenticate(TestSupport::AliceToken)->name, QStringLiteral("alice"));
    // Names and tokens are unique across files too.
    QVERIFY(
        !users.loadJson(R"({"users":[{"name":"bob","token":"other-token-0005"}]})", QStringLiteral("x.json"), &error));
    QCOMPARE(error, QStringLiteral(R"(user "bob" is listed twice)"));
    QVERIFY(
        !users.loadJson(R"({"users":[{"name":"dave","token":"bob-token-0002"}]})", QStringLiteral("x.json"), &error));
    QCOMPARE(error, QStringLiteral(R"(user "dave" has the same token as another user)"));
    QCOMPARE(users.find(QStringLiteral("dave")), nullptr);
    QCOMPARE(users.authenticate("bob-token-0002")->name, QStringLiteral("bob"));
}

void tst_UserDirectory::authenticate_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("user"); // empty: nobody
    QTest::addRow("alice") << TestSupport::AliceToken << QStringLiteral("alice");
    QTest::addRow("bob") << TestSupport::BobToken << QStringLiteral("bob");
    QTest::addRow("admin") << TestSupport::AdminToken << QStringLiteral("admin");
    QTest::addRow("nul-inside") << QByteArray("nul\0-token-05", 13) << QStringLiteral("nul");
    QTest::addRow("empty") << QByteArray() << QString();
    QTest::addRow("empty-not-null") << QByteArray("") << QString();
    QTest::addRow("prefix-one-short") << TestSupport::AliceToken.chopped(1) << QString();
    QTest::addRow("prefix-half") << TestSupport::AliceToken.left(8) << QString();
    QTest::addRow("prefix-one") << TestSupport::AliceToken.left(1) << QString();
    QTest::addRow("prefix-before-nul") << QByteArray("nul") << QString();
    QTest::addRow("one-more") << TestSupport::AliceToken + 'x' << QString();
    QTest::addRow("token-twice") << TestSupport::AliceToken + TestSupport::AliceToken << QString();
    QTest::addRow("suffix") << TestSupport::AliceToken.mid(1) << QString();
    QTest::addRow("upper-case") << TestSupport::AliceToken.toUpper() << QString();
    QTest::addRow("leading-space") << " " + TestSupport::AliceToken << QString();
    QTest::addRow("trailing-space") << TestSupport::AliceToken + " " << QString();
    QTest::addRow("trailing-newline") << TestSupport::AliceToken + "\n" << QString();
    QTest::addRow("trailing-nul") << TestSupport::AliceToken + '\0' << QString();
    QTest::addRow("bearer") << "Bearer " + TestSupport::AliceToken << QString();
    QTest::addRow("last-char-changed") << TestSupport::AliceToken.chopped(1) + '2' << QString();
    QTest::addRow("a-name") << QByteArray("alice") << QString();
}

void tst_UserDirectory::authenticate()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, user);
    UserDirectory users = loaded(TestSupport::TestUsers);
    QString error;
    QVERIFY(users.addUser(
        User{ QStringLiteral("nul"), QStringLiteral("Nul"), QByteArray("nul\0-token-05", 13), false, {}, std::nullopt },
        &error));
    const User *found = users.authenticate(token);
    if (user.isEmpty()) {
        QCOMPARE(found, nullptr);
    } else {
        QVERIFY(found);
        QCOMPARE(found->name, user);
        QCOMPARE(found, users.find(user));
    }
}

void tst_UserDirectory::addUser()
{
    UserDirectory users;
    QString error;
    QVERIFY(users.addUser(
        User{ QStringLiteral("eve"), QStringLiteral("Eve"), "eve-token-0006", true, {}, std::nullopt }, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(users.authenticate("eve-token-0006")->displayName, QStringLiteral("Eve"));
    QVERIFY(users.authenticate("eve-token-0006")->admin);
    // The same rules as a file's entries.
    QVERIFY(!users.addUser(User{ QStringLiteral("eve"), {}, "eve-token-0007", false, {}, std::nullopt }, &error));
    QCOMPARE(error, QStringLiteral(R"(user "eve" is listed twice)"));
    QVERIFY(!users.addUser(User{ QStringLiteral("mallory"), {}, "eve-token-0006", false, {}, std::nullopt }, &error));
    QCOMPARE(error, QStringLiteral(R"(user "mallory" has the same token as another user)"));
    QVERIFY(!users.addUser(User{ QStringLiteral("mallory"), {}, "short", false, {}, std::nullopt }, &error));
    QCOMPARE(error, QStringLiteral(R"(the token of user "mallory" is shorter than 8 characters)"));
    QVERIFY(!users.addUser(User{ QStringLiteral("m allory"), {}, "mallory-token", false, {}, std::nullopt }, &error));
    QCOMPARE(users.users().size(), 1);
    QCOMPARE(users.find(QStringLiteral("mallory")), nullptr);
}

void tst_UserDirectory::demoUsers()
{
    UserDirectory users;
    users.addDemoUsers();
    const QStringList names{ QStringLiteral("admin"), QStringLiteral("alice"), QStringLiteral("bob"),
                             QStringLiteral("carol"), QStringLiteral("dave") };
    const QStringList displayNames{ QStringLiteral("Dispatch Admin"), QStringLiteral("Alice Martin"),
                                    QStringLiteral("Bob Okafor"), QStringLiteral("Carol Jensen"),
                                    QStringLiteral("Dave Moreau") };
    QCOMPARE(users.users().size(), names.size());
    QSet<QByteArray> tokens;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const User &user = users.users().at(i);
        QCOMPARE(user.name, names.at(i));
        QCOMPARE(user.displayName, displayNames.at(i));
        QCOMPARE(user.admin, user.name == u"admin");
        QVERIFY(user.token.size() >= 8);
        // URL-safe: they are printed for `?token=` and shell use.
        for (const char c : user.token)
            QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', user.token.constData());
        QCOMPARE(users.authenticate(user.token), &user);
        tokens << user.token;
    }
    QCOMPARE(tokens.size(), names.size());

    // Fresh random tokens each time; twice adds nobody.
    const QList<User> before = users.users();
    users.addDemoUsers();
    QCOMPARE(users.users().size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i)
        QCOMPARE(users.users().at(i).token, before.at(i).token);
    UserDirectory other;
    other.addDemoUsers();
    QVERIFY(!tokens.contains(other.find(QStringLiteral("alice"))->token));
}

void tst_UserDirectory::demoUsersBesideAFile()
{
    // A user of the file keeps their token; the other demo users are added.
    UserDirectory users = loaded(TestSupport::TestUsers);
    users.addDemoUsers();
    QCOMPARE(users.users().size(), 3 + 2); // carol and dave; alice, bob and admin are the file's
    QCOMPARE(users.authenticate(TestSupport::AliceToken)->name, QStringLiteral("alice"));
    QCOMPARE(users.find(QStringLiteral("alice"))->displayName, QStringLiteral("Alice"));
    QCOMPARE(users.find(QStringLiteral("admin"))->token, TestSupport::AdminToken);
    QVERIFY(users.find(QStringLiteral("carol")));
    QVERIFY(users.find(QStringLiteral("dave")));
}

// Groups: each one's members sorted, once each; a user in none; the demo's.
void tst_UserDirectory::groups()
{
    UserDirectory users;
    QString error;
    QVERIFY2(users.loadJson(R"({"users":[
        {"name":"zoe","token":"zoe-token-0001","groups":["support","warehouse","support"]},
        {"name":"bob","token":"bob-token-0002","groups":["support"]},
        {"name":"dave","token":"dave-token-0003","groups":null},
        {"name":"erin","token":"erin-token-0004"}]})",
                            QStringLiteral("users.json"), &error),
             qPrintable(error));
    QCOMPARE(users.members(QStringLiteral("support")), (QStringList{ QStringLiteral("bob"), QStringLiteral("zoe") }));
    QCOMPARE(users.members(QStringLiteral("warehouse")), QStringList{ QStringLiteral("zoe") });
    QCOMPARE(users.members(QStringLiteral("nobody")), QStringList());
    QCOMPARE(users.groups().keys(), (QStringList{ QStringLiteral("support"), QStringLiteral("warehouse") }));
    QCOMPARE(users.find(QStringLiteral("erin"))->groups, QStringList());

    UserDirectory demo;
    demo.addDemoUsers();
    QCOMPARE(demo.members(QStringLiteral("support")),
             (QStringList{ QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") }));
    QCOMPARE(demo.members(QStringLiteral("warehouse")),
             (QStringList{ QStringLiteral("carol"), QStringLiteral("dave") }));
}

QTEST_GUILESS_MAIN(tst_UserDirectory)
#include "tst_userdirectory.moc"
