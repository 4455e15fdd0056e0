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

/// alice's password: "s3cret-pw" (10,000 iterations, cheap for tests); carol's: "correct horse", as Django
/// 3.2 hashes it (260,000). Hashes made by Django's own hashers.
inline const QByteArray AlicePassword = "s3cret-pw";
inline const QByteArray AlicePasswordHash
    = "pbkdf2_sha256$10000$saltsaltsalt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY=";
inline const QByteArray CarolPassword = "correct horse";
inline const QByteArray CarolPasswordHash
    = "pbkdf2_sha256$260000$n0tifySaltForTests1234$l+et0AW+G9Wnjv/Hnqg48//eeDNFnfAtXwvPEJF3Fm4=";

/// alice and carol with passwords, bob without, and an admin.
inline QByteArray passwordUsers()
{
    // Not a raw string: moc (Qt 6.4) reads the "//" of a hash in one as a comment.
    return "{\"users\":["
           "{\"name\":\"alice\",\"display_name\":\"Alice\",\"token\":\"alice-token-0001\",\"password\":\""
        + AlicePasswordHash
        + "\"},"
          "{\"name\":\"bob\",\"display_name\":\"Bob\",\"token\":\"bob-token-0002\"},"
          "{\"name\":\"carol\",\"display_name\":\"Carol\",\"token\":\"carol-token-0004\",\"password\":\""
        + CarolPasswordHash
        + "\"},"
          "{\"name\":\"admin\",\"display_name\":\"Admin\",\"token\":\"admin-token-0003\",\"admin\":true}]}";
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
