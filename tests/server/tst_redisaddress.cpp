// SPDX-License-Identifier: MIT
// --redis URLs: what each part means, and a clear error for what is wrong.

#include "redis/redisconnection.h"

#include <QTest>

using Notify::Server::RedisAddress;

class tst_RedisAddress final : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("db");
        QTest::addRow("host only") << "redis://10.0.0.5"
                                   << "10.0.0.5" << 6379 << "" << QByteArray() << 0;
        QTest::addRow("port and db") << "redis://redis.internal:6380/2"
                                     << "redis.internal" << 6380 << "" << QByteArray() << 2;
        QTest::addRow("password") << "redis://:s%40cret@127.0.0.1:6379/0"
                                  << "127.0.0.1" << 6379 << "" << QByteArray("s@cret") << 0;
        QTest::addRow("unix") << "unix:/run/redis/redis-server.sock"
                              << "" << 6379 << "/run/redis/redis-server.sock" << QByteArray() << 0;
        QTest::addRow("unix with db and password") << "unix:///tmp/r.sock?db=3&password=pw"
                                                   << "" << 6379 << "/tmp/r.sock" << QByteArray("pw") << 3;
    }
    void valid()
    {
        QFETCH(QString, url);
        QString error;
        const auto address = RedisAddress::parse(url, &error);
        QVERIFY2(address, qPrintable(error));
        QTEST(address->host, "host");
        QTEST(int(address->port), "port");
        QTEST(address->socketPath, "socket");
        QTEST(address->password, "password");
        QTEST(address->db, "db");
        QVERIFY(!address->display().contains(u"cret")); // never logged
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::addRow("other scheme") << "http://127.0.0.1:6379"
                                      << "scheme";
        QTest::addRow("no host") << "redis://"
                                 << "no host";
        QTest::addRow("db not a number") << "redis://127.0.0.1/zero"
                                         << "database number";
        QTest::addRow("negative db") << "unix:/tmp/r.sock?db=-1"
                                     << "db";
        QTest::addRow("no socket path") << "unix:"
                                        << "socket path";
        QTest::addRow("not a url") << "redis://[::1"
                                   << "not a URL";
        QTest::addRow("password not echoed") << "redis://:s3cret-pass@127.0.0.1/zero"
                                             << "database number";
    }
    void invalid()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!RedisAddress::parse(url, &error));
        QVERIFY2(error.startsWith(u"--redis: ") && error.contains(says), qPrintable(error));
        // The URL is the user's to see where they typed it; the message never repeats it (a password).
        QVERIFY2(!error.contains(u"s3cret"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_RedisAddress)
#include "tst_redisaddress.moc"
