// SPDX-License-Identifier: MIT
#pragma once
// The users every test signs in as, and a users file with them.

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

namespace TestSupport {

inline const QByteArray AliceToken = "alice-token-0001";
inline const QByteArray BobToken = "bob-token-0002";
inline const QByteArray AdminToken = "admin-token-0003";

/// alice, bob and an admin.
inline const QByteArray TestUsers = R"({"users":[{"name":"alice","display_name":"Alice","token":"alice-token-0001"},
    {"name":"bob","display_name":"Bob","token":"bob-token-0002"},
    {"name":"admin","display_name":"Admin","token":"admin-token-0003","admin":true}]})";

inline const QByteArray CarolToken = "carol-token-0004";
inline const QByteArray DaveToken = "dave-token-0005";

/// A team: alice and bob in "support", carol in "warehouse" (and in
/// "support" too with @p carolInSupport), dave in no group; an admin.
inline QByteArray teamUsers(bool carolInSupport = false)
{
    const QByteArray carolGroups = carolInSupport ? R"(["warehouse","support"])" : R"(["warehouse"])";
    return R"({"users":[
        {"name":"alice","display_name":"Alice","token":"alice-token-0001","groups":["support"]},
        {"name":"bob","display_name":"Bob","token":"bob-token-0002","groups":["support"]},
        {"name":"carol","display_name":"Carol","token":"carol-token-0004","groups":)"
        + carolGroups + R"(},
        {"name":"dave","display_name":"Dave","token":"dave-token-0005"},
        {"name":"admin","display_name":"Admin","token":"admin-token-0003","admin":true}]})";
}

/// A users file in @p dir (the test users unless @p json says otherwise); returns its path.
inline QString writeUsersFile(const QTemporaryDir &dir, const QByteArray &json = TestUsers)
{
    QFile users(dir.filePath(QStringLiteral("users.json")));
    if (!users.open(QIODevice::WriteOnly) || users.write(json) != json.size())
        qFatal("cannot write the users file");
    return users.fileName();
}

} // namespace TestSupport
