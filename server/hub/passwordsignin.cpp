// SPDX-License-Identifier: MIT
#include "passwordsignin.h"

#include "http/jsonrequest.h"
#include "passwordhash.h"
#include "userdirectory.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

Q_LOGGING_CATEGORY(lcSignIn, "notify.server.signin", QtInfoMsg)

namespace Notify::Server {

// --- SignInLimiter

qint64 SignInLimiter::waitMs(Failures &failures, const QString &key, int limit, qint64 nowMs) const
{
    const auto it = failures.find(key);
    if (it == failures.end())
        return 0;
    QList<qint64> &times = it.value();
    times.removeIf([&](qint64 at) { return at <= nowMs - m_limits.windowMs; });
    if (times.isEmpty()) {
        failures.erase(it);
        return 0;
    }
    if (times.size() < limit)
        return 0;
    // The oldest failure that keeps the count at the limit leaves the window then.
    return times.at(times.size() - limit) + m_limits.windowMs - nowMs;
}

int SignInLimiter::retryAfter(const QString &user, const QString &address, qint64 nowMs)
{
    forgetExpired(nowMs);
    const qint64 wait = std::max(waitMs(m_byUser, user, m_limits.perUser, nowMs),
                                 waitMs(m_byAddress, address, m_limits.perAddress, nowMs));
    return wait <= 0 ? 0 : int((wait + 999) / 1000);
}

void SignInLimiter::failed(const QString &user, const QString &address, qint64 nowMs)
{
    m_byUser[user].append(nowMs);
    m_byAddress[address].append(nowMs);
}

void SignInLimiter::succeeded(const QString &user, const QString &address, qint64 startedMs)
{
    m_byUser.remove(user);
    const auto it = m_byAddress.find(address);
    if (it == m_byAddress.end())
        return;
    it.value().removeOne(startedMs);
    if (it.value().isEmpty())
        m_byAddress.erase(it);
}

void SignInLimiter::forgetExpired(qint64 nowMs)
{
    // Names an attacker makes up must not pile up: once a window, every entry
    // whose failures have all left it goes.
    if (nowMs - m_lastSweepMs < m_limits.windowMs)
        return;
    m_lastSweepMs = nowMs;
    for (Failures *failures : { &m_byUser, &m_byAddress }) {
        failures->removeIf([&](const Failures::iterator &it) {
            return it.value().isEmpty() || it.value().constLast() <= nowMs - m_limits.windowMs;
        });
    }
}

// --- PasswordSignIn

namespace {

struct Credentials
{
    QString user;
    QByteArray password;
};

/// Django REST framework's answers: a field error, and the one for wrong credentials.
HttpResponse djangoError(const QString &field, const QString &message)
{
    return HttpResponse::json(400, QJsonObject{ { field, QJsonArray{ message } } });
}

std::optional<Credentials> readCredentials(const HttpRequest &request, bool djangoForm, HttpResponse &error)
{
    if (!djangoForm) {
        const auto body = JsonRequest::object(request, error);
        if (!body)
            return std::nullopt;
        for (const char *field : { "user", "password" }) {
            const QJsonValue value = body->value(QLatin1StringView(field));
            if (!value.isString() || value.toString().isEmpty()) {
                error = JsonRequest::fieldError(QLatin1StringView(field), QStringLiteral("must be a non-empty string"));
                return std::nullopt;
            }
        }
        return Credentials{ body->value(u"user").toString(), body->value(u"password").toString().toUtf8() };
    }
    // obtain_auth_token takes JSON or a form; a field left out and a blank one are told apart, as its
    // serializer does, and the user name is trimmed (its CharField's default) but not the password.
    std::optional<QString> user;
    std::optional<QString> password;
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        QByteArray form = request.body;
        form.replace('+', ' ');
        const QUrlQuery query(QString::fromUtf8(form));
        for (auto &[name, value] :
             { std::pair{ QStringLiteral("username"), &user }, std::pair{ QStringLiteral("password"), &password } }) {
            if (query.hasQueryItem(name))
                *value = query.queryItemValue(name, QUrl::FullyDecoded);
        }
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            error = HttpResponse::json(
                400,
                QJsonObject{ { QStringLiteral("detail"),
                               QStringLiteral("JSON parse error - %1").arg(parseError.errorString()) } });
            return std::nullopt;
        }
        for (auto &[name, value] :
             { std::pair{ QStringLiteral("username"), &user }, std::pair{ QStringLiteral("password"), &password } }) {
            const QJsonValue field = doc.object().value(name);
            if (field.isString())
                *value = field.toString();
            else if (field.isDouble())
                *value = QString::number(field.toDouble());
            else if (!field.isUndefined()) {
                error = djangoError(name,
                                    field.isNull() ? QStringLiteral("This field may not be null.")
                                                   : QStringLiteral("Not a valid string."));
                return std::nullopt;
            }
        }
    }
    if (user)
        user = user->trimmed();
    for (const auto &[name, value] :
         { std::pair{ QStringLiteral("username"), &user }, std::pair{ QStringLiteral("password"), &password } }) {
        if (!*value) {
            error = djangoError(name, QStringLiteral("This field is required."));
            return std::nullopt;
        }
        if ((*value)->isEmpty()) {
            error = djangoError(name, QStringLiteral("This field may not be blank."));
            return std::nullopt;
        }
    }
    return Credentials{ *user, password->toUtf8() };
}

/// The user name for the log: a name that is not in the directory may be a
/// password typed into the wrong field, and is never written.
QString loggedName(const auto &check)
{
    return check.known ? check.user : QStringLiteral("an unknown user");
}

} // namespace

PasswordSignIn::PasswordSignIn(const UserDirectory &users, QObject *parent)
    : QObject(parent)
    , m_users(users)
{
    // A steady clock: a wall clock set back would hold guessers' failures for longer, set forward free them.
    QElapsedTimer steady;
    steady.start();
    m_clock = [steady] { return steady.elapsed(); };
    // One core for guessing at most: the other keeps the streams flowing.
    m_pool.setMaxThreadCount(1);
}

PasswordSignIn::~PasswordSignIn()
{
    // Checks still running post their answers to this object: wait for them first.
    m_pool.waitForDone();
}

void PasswordSignIn::handle(const HttpRequest &request, const QString &address, bool djangoForm, const Answer &answer)
{
    HttpResponse error;
    const auto credentials = readCredentials(request, djangoForm, error);
    if (!credentials)
        return answer(error, {});
    // Everything the check needs is copied: the pool's thread touches nothing of the hub's.
    const User *user = m_users.find(credentials->user);
    const Check check{ credentials->user, address, m_clock(), user != nullptr, djangoForm };
    if (const int wait = m_limiter.retryAfter(check.user, address, check.startedMs)) {
        ++m_counts.limited;
        qCInfo(lcSignIn).noquote() << "sign-in of" << loggedName(check) << "from" << address << "refused for" << wait
                                   << "s: too many failures";
        HttpResponse response = djangoForm
            ? HttpResponse::json(
                429,
                QJsonObject{ { QStringLiteral("detail"),
                               QStringLiteral("Request was throttled. Expected available in %1 seconds.").arg(wait) } })
            : HttpResponse::error(429, "too_many_attempts",
                                  QStringLiteral("too many failed sign-ins; try again in %1 s").arg(wait));
        response.setHeader("Retry-After", QByteArray::number(wait));
        return answer(response, {});
    }
    if (m_pending >= m_maxPending) {
        ++m_counts.limited;
        HttpResponse response = HttpResponse::error(503, "busy", QStringLiteral("too many sign-ins at once"));
        response.setHeader("Retry-After", "1");
        return answer(response, {});
    }

    const bool known = user && user->password;
    const PasswordHash hash = known ? *user->password : m_users.dummyPassword();
    const int cost = m_users.dummyPassword().iterations();
    const QByteArray token = known ? user->token : QByteArray();
    // Failed until it succeeds: checks waiting at once count against the limit.
    m_limiter.failed(check.user, address, check.startedMs);
    ++m_pending;
    m_pool.start([this, hash, cost, password = credentials->password, token, check, answer] {
        const bool right = hash.verifyAsCostly(password, cost) && !token.isEmpty();
        QMetaObject::invokeMethod(
            this,
            [this, check, answer, token = right ? token : QByteArray()] {
                --m_pending;
                finish(check, token, answer);
            },
            Qt::QueuedConnection);
    });
}

void PasswordSignIn::finish(const Check &check, const QByteArray &token, const Answer &answer)
{
    if (token.isEmpty()) {
        ++m_counts.refused;
        qCInfo(lcSignIn).noquote() << "sign-in of" << loggedName(check) << "from" << check.address
                                   << "refused: wrong user or password";
        // The same answer for a user who does not exist, has no password, or gave the wrong one.
        if (check.djangoForm)
            return answer(djangoError(QStringLiteral("non_field_errors"),
                                      QStringLiteral("Unable to log in with provided credentials.")),
                          {});
        return answer(HttpResponse::error(401, "invalid_credentials", QStringLiteral("wrong user name or password")),
                      {});
    }
    ++m_counts.signedIn;
    m_limiter.succeeded(check.user, check.address, check.startedMs);
    qCInfo(lcSignIn).noquote() << "sign-in of" << check.user << "from" << check.address;
    answer(HttpResponse::json(200, QJsonObject{ { QStringLiteral("token"), QString::fromUtf8(token) } }), check.user);
}

} // namespace Notify::Server
