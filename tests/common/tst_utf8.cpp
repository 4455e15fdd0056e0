// SPDX-License-Identifier: MIT
#include "common/utf8.h"

#include <QTest>

using namespace Notify;

class tst_Utf8 final : public QObject
{
    Q_OBJECT

private slots:
    void decoding_data();
    void decoding();
    void agreesWithQtOnValidity();
};

void tst_Utf8::decoding_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("valid");
    const QByteArray fffd("\xEF\xBF\xBD");
    QTest::addRow("ascii") << QByteArray("hello, world 0123456789") << QByteArray("hello, world 0123456789") << true;
    QTest::addRow("two-byte") << QByteArray("caf\xC3\xA9") << QByteArray("caf\xC3\xA9") << true;
    QTest::addRow("three-byte") << QByteArray("\xE2\x82\xAC") << QByteArray("\xE2\x82\xAC") << true;
    QTest::addRow("four-byte") << QByteArray("\xF0\x9F\x98\x80") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::addRow("max-code-point") << QByteArray("\xF4\x8F\xBF\xBF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::addRow("above-max") << QByteArray("\xF4\x90\x80\x80") << fffd + fffd + fffd + fffd << false;
    QTest::addRow("lone-continuation") << QByteArray("a\x80"
                                                     "b")
                                       << "a" + fffd + "b" << false;
    QTest::addRow("overlong-2") << QByteArray("\xC1\xBF") << fffd + fffd << false;
    QTest::addRow("overlong-3") << QByteArray("\xE0\x80\xAF") << fffd + fffd + fffd << false;
    QTest::addRow("overlong-4") << QByteArray("\xF0\x80\x80\xAF") << fffd + fffd + fffd + fffd << false;
    QTest::addRow("surrogate") << QByteArray("\xED\xB0\x80") << fffd + fffd + fffd << false;
    QTest::addRow("truncated-3-at-end") << QByteArray("x\xE2\x82") << "x" + fffd << false;
    QTest::addRow("truncated-4-then-ascii") << QByteArray("\xF0\x9F\x98"
                                                          "A")
                                            << fffd + "A" << false;
    QTest::addRow("truncated-then-lead") << QByteArray("\xE2\x82\xC3\xA9") << fffd + "\xC3\xA9" << false;
    QTest::addRow("invalid-leads") << QByteArray("\xF5\xF8\xFE\xFF") << fffd + fffd + fffd + fffd << false;
    QTest::addRow("long-ascii-then-bad") << QByteArray(QByteArray(37, 'q') + "\xFF") << QByteArray(37, 'q') + fffd
                                         << false;
    QTest::addRow("empty") << QByteArray() << QByteArray() << true;
}

void tst_Utf8::decoding()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(bool, valid);
    QCOMPARE(Utf8::isValid(input), valid);
    QByteArray out = "prefix:";
    Utf8::appendReplacingInvalid(out, input);
    QCOMPARE(out, "prefix:" + expected);
    QByteArray sanitized;
    Utf8::appendSanitized(sanitized, input);
    QCOMPARE(sanitized, expected);
    QVERIFY(Utf8::isValid(sanitized));
}

void tst_Utf8::agreesWithQtOnValidity()
{
    // Every two-byte and a sample of three-byte sequences: our validity
    // check and Qt's own decoder must agree on what is well-formed.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            for (int c : { 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0 }) {
                const char bytes[] = { char(a), char(b), char(c) };
                const QByteArrayView view(bytes, 3);
                QCOMPARE(Utf8::isValid(view), view.isValidUtf8());
            }
        }
    }
}

QTEST_APPLESS_MAIN(tst_Utf8)
#include "tst_utf8.moc"
