// SPDX-License-Identifier: MIT
#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace Notify::Server {

class UserDirectory;

/// Failed sign-ins in a sliding window, per user name and per address: a
/// guesser gets `429` with `Retry-After` long before a password falls.
/// A check counts as failed from the moment it starts until it succeeds, so
/// that a burst of checks waiting at once gets no more guesses than the limit.
/// Pure (the time is passed in), so that tests need no clock.
class SignInLimiter final
{
public:
    struct Limits
    {
        int perUser = 5; ///< failures per user name in the window
        int perAddress = 20; ///< failures per client address in the window
        qint64 windowMs = 60'000;
    };

    SignInLimiter() = default;
    explicit SignInLimiter(Limits limits)
        : m_limits(limits)
    { }

    /// 0 when a sign-in of @p user from @p address may be tried now, else the
    /// whole seconds until it may.
    [[nodiscard]] int retryAfter(const QString &user, const QString &address, qint64 nowMs);
    /// Counts a sign-in of @p user from @p address, started at @p nowMs, as failed.
    void failed(const QString &user, const QString &address, qint64 nowMs);
    /// The sign-in counted as failed at @p startedMs was right: it no longer
    /// counts for @p address, and the user's failures are forgotten.
    void succeeded(const QString &user, const QString &address, qint64 startedMs);
    /// How many names and addresses are remembered (bounded by the window).
    [[nodiscard]] qsizetype remembered() const { return m_byUser.size() + m_byAddress.size(); }

private:
    using Failures = QHash<QString, QList<qint64>>;
    [[nodiscard]] qint64 waitMs(Failures &failures, const QString &key, int limit, qint64 nowMs) const;
    void forgetExpired(qint64 nowMs);

    Limits m_limits;
    Failures m_byUser;
    Failures m_byAddress;
    qint64 m_lastSweepMs = 0;
};

/// `POST /api/v1/auth/token/` (`{"user","password"}` → `{"token"}`) and,
/// in the Django dialect, Django REST framework's `POST /api-token-auth/`
/// (`username`, `password` as JSON or a form; a wrong one is its `400`).
///
/// The password is checked on a thread of its own (PBKDF2 takes tens of
/// milliseconds by design, the hub thread serves every stream), against a
/// dummy hash for unknown users and users without a password, so that the
/// answer and its time are the same for a wrong name and a wrong password.
/// Neither the password nor the token ever reaches a log.
class PasswordSignIn final : public QObject
{
    Q_OBJECT

public:
    /// The answer, and the user name for the access log (empty unless signed in).
    using Answer = std::function<void(const HttpResponse &, const QString &user)>;

    /// Checks that may wait at once; beyond, `503` with `Retry-After` (the CPU is the limit).
    static constexpr int DefaultMaxPending = 8;

    explicit PasswordSignIn(const UserDirectory &users, QObject *parent = nullptr);
    ~PasswordSignIn() override;
    Q_DISABLE_COPY_MOVE(PasswordSignIn)

    /// Answers one sign-in request from @p address, now (a refusal) or when the check is done.
    void handle(const HttpRequest &request, const QString &address, bool djangoForm, const Answer &answer);

    void setLimits(SignInLimiter::Limits limits) { m_limiter = SignInLimiter(limits); }
    void setMaxPending(int checks) { m_maxPending = checks; }
    /// The clock of the rate limit, a steady one in milliseconds (tests inject one).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    struct Counts
    {
        qint64 signedIn = 0;
        qint64 refused = 0; ///< wrong name or password
        qint64 limited = 0; ///< 429, and 503 while too many checks wait
    };
    [[nodiscard]] const Counts &counts() const { return m_counts; }

private:
    struct Check
    {
        QString user;
        QString address;
        qint64 startedMs = 0;
        bool known = false; ///< a user of the directory: only then is the name logged
        bool djangoForm = false;
    };
    void finish(const Check &check, const QByteArray &token, const Answer &answer);

    const UserDirectory &m_users;
    SignInLimiter m_limiter;
    std::function<qint64()> m_clock;
    Counts m_counts;
    int m_pending = 0;
    int m_maxPending = DefaultMaxPending;
    QThreadPool m_pool;
};

} // namespace Notify::Server
