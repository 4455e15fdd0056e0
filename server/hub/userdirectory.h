// SPDX-License-Identifier: MIT
#pragma once

#include "passwordhash.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Notify::Server {

struct User
{
    QString name;
    QString displayName;
    QByteArray token;
    bool admin = false;
    QStringList groups; ///< the groups the user belongs to (`"groups"` in the users file)
    std::optional<PasswordHash> password; ///< `"password"` (a Django hash): the user may sign in with it
};

/// The users and their tokens, from a users file or made up for the demo.
///
/// Tokens are looked up by their SHA-256 digest and then compared in
/// constant time, so neither the lookup nor the comparison tells an attacker
/// how much of a guessed token was right. Tokens never reach a log.
class UserDirectory final
{
public:
    /// Loads `{"users":[{"name","display_name","token","admin","groups","password"}]}`.
    bool loadFile(const QString &path, QString *error);
    /// The same from the file's bytes (@p path only names it in errors).
    bool loadJson(const QByteArray &json, const QString &path, QString *error);
    /// Adds the demo users with fresh random tokens.
    void addDemoUsers();
    bool addUser(const User &user, QString *error);

    /// The user holding @p token, or nullptr.
    [[nodiscard]] const User *authenticate(QByteArrayView token) const;
    [[nodiscard]] const User *find(const QString &name) const;
    [[nodiscard]] const QList<User> &users() const { return m_users; }
    /// The members of @p group, sorted; empty for a group nobody is in.
    [[nodiscard]] QStringList members(const QString &group) const { return m_groups.value(group); }
    /// Every group and its members, by name.
    [[nodiscard]] const QMap<QString, QStringList> &groups() const { return m_groups; }

    /// What a sign-in of an unknown user is checked against: as costly as the dearest password.
    [[nodiscard]] const PasswordHash &dummyPassword() const { return m_dummyPassword; }

private:
    QList<User> m_users;
    PasswordHash m_dummyPassword = PasswordHash::unmatchable(PasswordHash::DefaultIterations);
    QHash<QByteArray, qsizetype> m_byDigest;
    QHash<QString, qsizetype> m_byName;
    QMap<QString, QStringList> m_groups;
};

} // namespace Notify::Server
