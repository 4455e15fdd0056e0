// SPDX-License-Identifier: MIT
#include "userdirectory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Notify::Server {

namespace {

QByteArray digest(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

namespace {

/// A user's or a group's name: 1 to 64 letters, digits, `_`, `-` and `.`.
bool validName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
            return false;
    }
    return true;
}

} // namespace

bool UserDirectory::addUser(const User &user, QString *error)
{
    if (!validName(user.name)) {
        *error = QStringLiteral("user name \"%1\" is invalid (letters, digits, _ - . only)").arg(user.name);
        return false;
    }
    if (m_byName.contains(user.name)) {
        *error = QStringLiteral("user \"%1\" is listed twice").arg(user.name);
        return false;
    }
    if (user.token.size() < 8) {
        *error = QStringLiteral("the token of user \"%1\" is shorter than 8 characters").arg(user.name);
        return false;
    }
    const QByteArray key = digest(user.token);
    if (m_byDigest.contains(key)) {
        *error = QStringLiteral("user \"%1\" has the same token as another user").arg(user.name);
        return false;
    }
    for (const QString &group : user.groups) {
        if (!validName(group)) {
            *error = QStringLiteral("user \"%1\" names an invalid group \"%2\" (letters, digits, _ - . only)")
                         .arg(user.name, group);
            return false;
        }
    }
    m_byName.insert(user.name, m_users.size());
    m_byDigest.insert(key, m_users.size());
    m_users << user;
    if (user.password && user.password->iterations() > m_dummyPassword.iterations())
        m_dummyPassword = PasswordHash::unmatchable(user.password->iterations());
    for (const QString &group : user.groups) {
        QStringList &members = m_groups[group];
        if (!members.contains(user.name)) {
            members << user.name;
            members.sort();
        }
    }
    return true;
}

bool UserDirectory::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read users file %1: %2").arg(path, file.errorString());
        return false;
    }
    return loadJson(file.readAll(), path, error);
}

bool UserDirectory::loadJson(const QByteArray &json, const QString &path, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("users file %1 is not valid JSON: %2 at offset %3")
                     .arg(path, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonValue list = doc.object().value(u"users");
    if (!list.isArray()) {
        *error = QStringLiteral("users file %1 needs {\"users\":[…]}").arg(path);
        return false;
    }
    const QJsonArray users = list.toArray();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QJsonObject entry = users.at(i).toObject();
        if (!entry.value(u"name").isString() || !entry.value(u"token").isString()) {
            *error = QStringLiteral("users[%1] needs a string \"name\" and \"token\"").arg(i);
            return false;
        }
        User user;
        user.name = entry.value(u"name").toString();
        user.displayName = entry.value(u"display_name").toString(user.name);
        user.token = entry.value(u"token").toString().toUtf8();
        user.admin = entry.value(u"admin").toBool(false);
        const QJsonValue groups = entry.value(u"groups");
        if (!groups.isUndefined() && !groups.isNull()) {
            const auto notNames = [&] {
                *error = QStringLiteral("users[%1].groups must be an array of group names").arg(i);
                return false;
            };
            if (!groups.isArray())
                return notNames();
            for (const QJsonValue group : groups.toArray()) {
                if (!group.isString())
                    return notNames();
                user.groups << group.toString();
            }
        }
        const QJsonValue password = entry.value(u"password");
        if (!password.isUndefined() && !password.isNull()) {
            QString why;
            user.password = password.isString() ? PasswordHash::parse(password.toString(), &why) : std::nullopt;
            if (!user.password) {
                *error = QStringLiteral("users[%1].password %2")
                             .arg(i)
                             .arg(password.isString() ? why : QStringLiteral("must be a string"));
                return false;
            }
        }
        if (!addUser(user, error))
            return false;
    }
    return true;
}

void UserDirectory::addDemoUsers()
{
    static const struct
    {
        const char *name;
        const char *display;
        bool admin;
        QStringList groups;
    } demo[] = {
        { "admin", "Dispatch Admin", true, {} },
        { "alice", "Alice Martin", false, { QStringLiteral("support") } },
        { "bob", "Bob Okafor", false, { QStringLiteral("support") } },
        { "carol", "Carol Jensen", false, { QStringLiteral("support"), QStringLiteral("warehouse") } },
        { "dave", "Dave Moreau", false, { QStringLiteral("warehouse") } },
    };
    for (const auto &d : demo) {
        if (m_byName.contains(QString::fromLatin1(d.name)))
            continue;
        QString ignored;
        addUser(User{ QString::fromLatin1(d.name), QString::fromUtf8(d.display), randomToken(), d.admin, d.groups,
                      std::nullopt },
                &ignored);
    }
}

const User *UserDirectory::authenticate(QByteArrayView token) const
{
    if (token.isEmpty())
        return nullptr;
    const auto it = m_byDigest.constFind(digest(token));
    if (it == m_byDigest.constEnd())
        return nullptr;
    const User &user = m_users.at(*it);
    return constantTimeEquals(user.token, token) ? &user : nullptr;
}

const User *UserDirectory::find(const QString &name) const
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.constEnd() ? nullptr : &m_users.at(*it);
}

} // namespace Notify::Server
