// SPDX-License-Identifier: MIT
#include "passwordhash.h"

#include <QRandomGenerator>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace Notify::Server {

namespace {

constexpr qsizetype KeyBytes = 32; // SHA-256's digest, as Django's PBKDF2PasswordHasher derives it

QByteArray pbkdf2(QByteArrayView password, QByteArrayView salt, int iterations)
{
    QByteArray key(KeyBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.data()), int(salt.size()), iterations,
                                     EVP_sha256(), int(key.size()), reinterpret_cast<unsigned char *>(key.data()));
    if (ok != 1)
        return {}; // only when OpenSSL cannot allocate: verify() then refuses
    return key;
}

} // namespace

PasswordHash::PasswordHash(int iterations, QByteArray salt, QByteArray key)
    : m_iterations(iterations)
    , m_salt(std::move(salt))
    , m_key(std::move(key))
{ }

std::optional<PasswordHash> PasswordHash::parse(const QString &encoded, QString *error)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2_sha256") {
        *error = QStringLiteral("is not a Django pbkdf2_sha256 hash (pbkdf2_sha256$<iterations>$<salt>$<hash>)");
        return std::nullopt;
    }
    bool number = false;
    const int iterations = parts.at(1).toInt(&number);
    if (!number || iterations < MinimumIterations || iterations > MaximumIterations) {
        *error = QStringLiteral("needs %1 to %2 iterations").arg(MinimumIterations).arg(MaximumIterations);
        return std::nullopt;
    }
    if (parts.at(2).isEmpty()) {
        *error = QStringLiteral("has an empty salt");
        return std::nullopt;
    }
    const auto key = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.size() != KeyBytes) {
        *error = QStringLiteral("has a hash that is not 32 bytes in base64");
        return std::nullopt;
    }
    return PasswordHash(iterations, parts.at(2).toUtf8(), key.decoded);
}

PasswordHash PasswordHash::make(QByteArrayView password, int iterations)
{
    // Django's salts: 22 characters of letters and digits.
    static constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray salt(22, Qt::Uninitialized);
    for (char &c : salt)
        c = Alphabet[QRandomGenerator::system()->bounded(int(sizeof(Alphabet) - 1))];
    return PasswordHash(iterations, salt, pbkdf2(password, salt, iterations));
}

PasswordHash PasswordHash::unmatchable(int iterations)
{
    // An empty key: no derived key (always 32 bytes) equals it.
    return PasswordHash(iterations, QByteArrayLiteral("notify-unmatchable"), QByteArray());
}

bool PasswordHash::verify(QByteArrayView password) const
{
    const QByteArray key = pbkdf2(password, m_salt, m_iterations);
    return !m_key.isEmpty() && key.size() == m_key.size()
        && CRYPTO_memcmp(key.constData(), m_key.constData(), size_t(key.size())) == 0;
}

bool PasswordHash::verifyAsCostly(QByteArrayView password, int iterations) const
{
    const bool right = verify(password);
    if (iterations > m_iterations) {
        // The rest of the cost, spent on the same work; the result is not used.
        const QByteArray pad = pbkdf2(password, m_salt, iterations - m_iterations);
        Q_UNUSED(pad);
    }
    return right;
}

QString PasswordHash::encoded() const
{
    return QStringLiteral("pbkdf2_sha256$%1$%2$%3")
        .arg(m_iterations)
        .arg(QString::fromUtf8(m_salt), QString::fromLatin1(m_key.toBase64()));
}

} // namespace Notify::Server
