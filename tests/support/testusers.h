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

/// A users file in @p dir (the test users unless @p json says otherwise); returns its path.
inline QString writeUsersFile(const QTemporaryDir &dir, const QByteArray &json = TestUsers)
{
    QFile users(dir.filePath(QStringLiteral("users.json")));
    if (!users.open(QIODevice::WriteOnly) || users.write(json) != json.size())
        qFatal("cannot write the users file");
    return users.fileName();
}

} // namespace TestSupport
