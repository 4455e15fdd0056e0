// SPDX-License-Identifier: MIT
// Password hashes as Django writes them, and the sign-in's rate limit with
// the time passed in (docs/PROTOCOL.md, "Signing in with a password").

#include "hub/passwordhash.h"
#include "hub/passwordsignin.h"

#include <QTest>

using namespace Notify::Server;
using namespace Qt::StringLiterals;

namespace {

// Made by Django 3.2 (Debian 12): make_password('correct horse', salt='n0tifySaltForTests1234').
const QString DjangoHash
    = u"pbkdf2_sha256$260000$n0tifySaltForTests1234$l+et0AW+G9Wnjv/Hnqg48//eeDNFnfAtXwvPEJF3Fm4="_s;
// PBKDF2PasswordHasher().encode('s3cret-pw', 'saltsaltsalt', iterations=10000).
const QString CheapDjangoHash = u"pbkdf2_sha256$10000$saltsaltsalt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s;

} // namespace

class tst_PasswordSignIn final : public QObject
{
    Q_OBJECT

private slots:
    void djangoHashesVerify();
    void malformedHashesAreRefusedWithoutShowingThem_data();
    void malformedHashesAreRefusedWithoutShowingThem();
    void madeHashesRoundTrip();
    void theUnmatchableHashMatchesNothing();
    void limitPerUser();
    void limitPerAddress();
    void aRightPasswordForgetsTheUsersFailures();
    void aCheapHashIsCheckedAsDearlyAsTheDearest();
    void madeUpNamesDoNotPileUp();
};

void tst_PasswordSignIn::djangoHashesVerify()
{
    QString error;
    const auto hash = PasswordHash::parse(DjangoHash, &error);
    QVERIFY2(hash, qPrintable(error));
    QCOMPARE(hash->iterations(), 260000);
    QVERIFY(hash->verify("correct horse"));
    QVERIFY(!hash->verify("correct horse "));
    QVERIFY(!hash->verify("Correct horse"));
    QVERIFY(!hash->verify(""));
    QCOMPARE(hash->encoded(), DjangoHash);

    const auto cheap = PasswordHash::parse(CheapDjangoHash, &error);
    QVERIFY(cheap);
    QVERIFY(cheap->verify("s3cret-pw"));
    QVERIFY(!cheap->verify("s3cret-pW"));
}

void tst_PasswordSignIn::malformedHashesAreRefusedWithoutShowingThem_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("says");
    QTest::newRow("plain text") << u"hunter2hunter2"_s << u"pbkdf2_sha256$"_s;
    QTest::newRow("another algorithm") << u"argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA"_s
                                       << u"pbkdf2_sha256$"_s;
    QTest::newRow("sha1") << u"pbkdf2_sha1$260000$salt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s
                          << u"pbkdf2_sha256$"_s;
    QTest::newRow("too few iterations") << u"pbkdf2_sha256$1000$salt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s
                                        << u"iterations"_s;
    QTest::newRow("too many iterations")
        << u"pbkdf2_sha256$99999999$salt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s << u"iterations"_s;
    QTest::newRow("iterations not a number")
        << u"pbkdf2_sha256$many$salt$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s << u"iterations"_s;
    QTest::newRow("no salt") << u"pbkdf2_sha256$10000$$AeFf6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s << u"salt"_s;
    QTest::newRow("short key") << u"pbkdf2_sha256$10000$salt$AeFf6yKj"_s << u"32 bytes"_s;
    QTest::newRow("not base64") << u"pbkdf2_sha256$10000$salt$!!!!6yKjlcrjtXMU4bNitgOA/WzNLWQpzx7pe6X3owY="_s
                                << u"32 bytes"_s;
    QTest::newRow("a part too many") << CheapDjangoHash + u"$x"_s << u"pbkdf2_sha256$"_s;
}

void tst_PasswordSignIn::malformedHashesAreRefusedWithoutShowingThem()
{
    QFETCH(QString, encoded);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!PasswordHash::parse(encoded, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    // The error goes to a log at start: no part of the hash is in it.
    for (const QString &part : encoded.split(u'$')) {
        if (part.size() >= 8 && !part.startsWith(u"pbkdf2_"_s))
            QVERIFY2(!error.contains(part), qPrintable(error));
    }
}

void tst_PasswordSignIn::madeHashesRoundTrip()
{
    const PasswordHash made = PasswordHash::make("pässwörd", PasswordHash::MinimumIterations);
    QString error;
    const auto parsed = PasswordHash::parse(made.encoded(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(parsed->verify("pässwörd"));
    QVERIFY(!parsed->verify("passwort"));
    // A fresh salt each time: the same password never gives the same hash.
    QCOMPARE_NE(PasswordHash::make("pässwörd", PasswordHash::MinimumIterations).encoded(), made.encoded());
}

void tst_PasswordSignIn::theUnmatchableHashMatchesNothing()
{
    const PasswordHash none = PasswordHash::unmatchable(PasswordHash::MinimumIterations);
    QCOMPARE(none.iterations(), PasswordHash::MinimumIterations);
    for (const QByteArray &password : { QByteArray(), QByteArray("x"), QByteArray("notify-unmatchable") })
        QVERIFY(!none.verify(password));
}

void tst_PasswordSignIn::limitPerUser()
{
    SignInLimiter limiter({ 5, 20, 60'000 });
    qint64 now = 1'000'000;
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, now), 0);
        limiter.failed(u"alice"_s, u"10.0.0.1"_s, now);
        now += 1000;
    }
    // The first failure (at 1,000,000) leaves the window at 1,060,000: 55 s from now.
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, now), 55);
    // From another address too: the user's name is what is guessed at.
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.2"_s, now), 55);
    // Another user from the same address is not held up.
    QCOMPARE(limiter.retryAfter(u"bob"_s, u"10.0.0.1"_s, now), 0);
    // Part of a second still counts as a whole one.
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, 1'059'500), 1);
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, 1'060'000), 0);
    // One more failure and the next oldest holds it: 1,001,000 + 60 s.
    limiter.failed(u"alice"_s, u"10.0.0.1"_s, 1'060'000);
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, 1'060'000), 1);
}

void tst_PasswordSignIn::limitPerAddress()
{
    SignInLimiter limiter({ 5, 20, 60'000 });
    const qint64 now = 5'000'000;
    for (int i = 0; i < 20; ++i) {
        const QString user = u"user%1"_s.arg(i);
        QCOMPARE(limiter.retryAfter(user, u"192.0.2.7"_s, now + i), 0);
        limiter.failed(user, u"192.0.2.7"_s, now + i);
    }
    // A 21st name from the same address waits; the same name from elsewhere does not.
    QCOMPARE(limiter.retryAfter(u"user99"_s, u"192.0.2.7"_s, now + 20), 60);
    QCOMPARE(limiter.retryAfter(u"user99"_s, u"192.0.2.8"_s, now + 20), 0);
}

void tst_PasswordSignIn::aRightPasswordForgetsTheUsersFailures()
{
    SignInLimiter limiter({ 5, 20, 60'000 });
    for (int i = 0; i < 4; ++i)
        limiter.failed(u"alice"_s, u"10.0.0.1"_s, 1000 + i);
    // A check counts as failed while it runs; this one was right.
    limiter.failed(u"alice"_s, u"10.0.0.1"_s, 1500);
    limiter.succeeded(u"alice"_s, u"10.0.0.1"_s, 1500);
    limiter.failed(u"alice"_s, u"10.0.0.1"_s, 2000);
    QCOMPARE(limiter.retryAfter(u"alice"_s, u"10.0.0.1"_s, 2001), 0);
    // The address keeps its four failures and the one after, not the right one:
    // 15 more names from it and the 21st waits.
    for (int i = 0; i < 14; ++i)
        limiter.failed(u"user%1"_s.arg(i), u"10.0.0.1"_s, 3000);
    QCOMPARE(limiter.retryAfter(u"bob"_s, u"10.0.0.1"_s, 3001), 0);
    limiter.failed(u"bob"_s, u"10.0.0.1"_s, 3001);
    QCOMPARE_GT(limiter.retryAfter(u"carol"_s, u"10.0.0.1"_s, 3002), 0);
}

void tst_PasswordSignIn::aCheapHashIsCheckedAsDearlyAsTheDearest()
{
    // The answer is verify()'s: the padding changes only the time it takes.
    QString error;
    const auto cheap = PasswordHash::parse(CheapDjangoHash, &error);
    QVERIFY(cheap);
    QVERIFY(cheap->verifyAsCostly("s3cret-pw", 260000));
    QVERIFY(!cheap->verifyAsCostly("s3cret-pW", 260000));
    QVERIFY(cheap->verifyAsCostly("s3cret-pw", 1));
    QVERIFY(!PasswordHash::unmatchable(PasswordHash::MinimumIterations).verifyAsCostly("", 20000));
}

void tst_PasswordSignIn::madeUpNamesDoNotPileUp()
{
    SignInLimiter limiter({ 5, 20, 60'000 });
    qint64 now = 0;
    for (int i = 0; i < 10'000; ++i) {
        now += 100; // 10 a second, from many addresses: a botnet's pace
        const QString name = u"guess-%1"_s.arg(i);
        const QString address = u"198.51.100.%1"_s.arg(i % 250);
        if (limiter.retryAfter(name, address, now) == 0)
            limiter.failed(name, address, now);
    }
    // What is remembered is what one window (600 failures) can hold, and twice that before a sweep.
    QVERIFY2(limiter.remembered() <= 2 * (1200 + 250), qPrintable(QString::number(limiter.remembered())));
}

QTEST_GUILESS_MAIN(tst_PasswordSignIn)
#include "tst_passwordsignin.moc"
