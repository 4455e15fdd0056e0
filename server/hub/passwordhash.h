// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Notify::Server {

/// A password as Django stores it: `pbkdf2_sha256$<iterations>$<salt>$<base64 key>`
/// (PBKDF2-HMAC-SHA256, a 32-byte key), so that a users file can take the
/// hashes of an existing Django user table as they are.
///
/// PBKDF2 is OpenSSL's (`PKCS5_PBKDF2_HMAC`): it is six times faster than
/// QPasswordDigestor's, and every millisecond of it is server CPU that an
/// attacker can spend by guessing (docs/ARCHITECTURE.md, "Password sign-in").
class PasswordHash final
{
public:
    /// Django's default for PBKDF2 in 3.2 (Debian 12's Django).
    static constexpr int DefaultIterations = 260000;
    /// Fewer iterations than this are refused when a users file is read: they would make guessing cheap.
    static constexpr int MinimumIterations = 10000;
    /// More than this would let one sign-in occupy a core for many seconds.
    static constexpr int MaximumIterations = 10000000;

    /// Parses @p encoded; on failure nothing, and @p error says what is wrong with it (never the hash itself).
    [[nodiscard]] static std::optional<PasswordHash> parse(const QString &encoded, QString *error);
    /// Hashes @p password with a fresh random salt.
    [[nodiscard]] static PasswordHash make(QByteArrayView password, int iterations = DefaultIterations);

    /// A hash no password matches, that costs @p iterations to check: what
    /// an unknown user's sign-in is checked against, to take as long as a known one's.
    [[nodiscard]] static PasswordHash unmatchable(int iterations);

    /// Whether @p password is the one hashed: the keys are compared in constant time.
    [[nodiscard]] bool verify(QByteArrayView password) const;
    /// verify(), taking as long as checking a hash of @p iterations when this
    /// one has fewer: every user's check costs the same as the dearest one's,
    /// so that the time of an answer does not tell which users exist.
    [[nodiscard]] bool verifyAsCostly(QByteArrayView password, int iterations) const;
    [[nodiscard]] int iterations() const { return m_iterations; }
    /// The Django form of the hash.
    [[nodiscard]] QString encoded() const;

private:
    PasswordHash(int iterations, QByteArray salt, QByteArray key);

    int m_iterations = DefaultIterations;
    QByteArray m_salt;
    QByteArray m_key;
};

} // namespace Notify::Server
