// SPDX-License-Identifier: MIT
#include "common/sseparser.h"
#include "common/ssewriter.h"

#include <QRandomGenerator>
#include <QTest>

using Notify::SseEvent;
using Notify::SseParser;
using Notify::SseWriter;

namespace {

class Collector final : public SseParser::Listener
{
public:
    QList<SseEvent> events;
    QByteArrayList comments;
    QList<quint64> retries;
    void onEvent(const SseEvent &event) override { events << event; }
    void onComment(QByteArrayView text) override { comments << text.toByteArray(); }
    void onRetry(quint64 ms) override { retries << ms; }
};

// What a reader sees of data written with any line endings: LF only.
QByteArray normalizedLineEndings(QByteArray data)
{
    data.replace("\r\n", "\n");
    data.replace('\r', '\n');
    return data;
}

QByteArray randomText(QRandomGenerator &rng, bool allowLineBreaks)
{
    static const QByteArrayList pieces = { "a",
                                           "Z",
                                           "0",
                                           " ",
                                           ":",
                                           "\t",
                                           "{\"k\":1}",
                                           "caf\xC3\xA9",
                                           "\xF0\x9F\x93\xA6",
                                           "\xD0\x97\xD0\xB0\xD0\xBA\xD0\xB0\xD0\xB7",
                                           "data: ",
                                           "id:",
                                           ": x",
                                           "\xEF\xBB\xBF" };
    static const QByteArrayList breaks = { "\n", "\r", "\r\n", "\n\n", QByteArray("\0", 1) };
    QByteArray text;
    const int length = rng.bounded(0, 12);
    for (int i = 0; i < length; ++i) {
        if (allowLineBreaks && rng.bounded(4) == 0)
            text += breaks.at(rng.bounded(breaks.size()));
        else
            text += pieces.at(rng.bounded(pieces.size()));
    }
    return text;
}

} // namespace

class tst_SseWriter final : public QObject
{
    Q_OBJECT

private slots:
    void exactBytes_data();
    void exactBytes();
    void roundTripGeneratedEvents();
    void roundTripOneByOneWithEmptyIds();
    void refusesFramingBreakers_data();
    void refusesFramingBreakers();
    void invalidUtf8IsReplaced();
    void retryAndComments();
};

void tst_SseWriter::exactBytes_data()
{
    QTest::addColumn<SseEvent>("event");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("full") << SseEvent{ "notification", "{\"a\":1}", "0badcafe-7" }
                          << QByteArray("id: 0badcafe-7\nevent: notification\ndata: {\"a\":1}\n\n");
    QTest::addRow("no-id-no-type") << SseEvent{ {}, "x", {} } << QByteArray("data: x\n\n");
    QTest::addRow("multi-line") << SseEvent{ "m", "a\nb\r\nc\rd", {} }
                                << QByteArray("event: m\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
    QTest::addRow("trailing-newline") << SseEvent{ {}, "a\n", {} } << QByteArray("data: a\ndata: \n\n");
    QTest::addRow("empty-data") << SseEvent{ {}, {}, {} } << QByteArray("data: \n\n");
    QTest::addRow("leading-space-kept") << SseEvent{ {}, " x", {} } << QByteArray("data:  x\n\n");
}

void tst_SseWriter::exactBytes()
{
    QFETCH(SseEvent, event);
    QFETCH(QByteArray, bytes);
    QCOMPARE(SseWriter::event(event), bytes);
}

void tst_SseWriter::roundTripGeneratedEvents()
{
    QRandomGenerator rng(4242);
    QList<SseEvent> written;
    QByteArray stream;
    for (int i = 0; i < 5000; ++i) {
        SseEvent event;
        event.id = "id-" + QByteArray::number(i) + randomText(rng, false).replace('\0', '_');
        event.type = rng.bounded(3) == 0 ? QByteArray() : randomText(rng, false).replace('\0', '_');
        event.data = randomText(rng, true);
        QString error;
        QVERIFY2(SseWriter::appendEvent(stream, event, &error), qPrintable(error));
        written << event;
    }
    // Read back in awkward chunks: the framing must not depend on them.
    Collector collector;
    SseParser parser(&collector);
    for (qsizetype at = 0; at < stream.size(); at += 7)
        parser.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(7, stream.size() - at)));
    QCOMPARE(collector.events.size(), written.size());
    for (qsizetype i = 0; i < written.size(); ++i) {
        const SseEvent &in = written.at(i);
        const SseEvent &out = collector.events.at(i);
        QCOMPARE(out.id, in.id);
        QCOMPARE(out.type, in.type.isEmpty() ? QByteArray("message") : in.type);
        QCOMPARE(out.data, normalizedLineEndings(in.data));
    }
}

void tst_SseWriter::roundTripOneByOneWithEmptyIds()
{
    QRandomGenerator rng(7);
    for (int i = 0; i < 2000; ++i) {
        const SseEvent in{ "type_" + QByteArray::number(i % 5), normalizedLineEndings(randomText(rng, true)), {} };
        Collector collector;
        SseParser parser(&collector);
        parser.feed(SseWriter::event(in));
        QCOMPARE(collector.events.size(), 1);
        QCOMPARE(collector.events.first(), in);
    }
}

void tst_SseWriter::refusesFramingBreakers_data()
{
    QTest::addColumn<SseEvent>("event");
    QTest::addColumn<QString>("error");
    const QString badId = QStringLiteral("the event id contains CR, LF or NUL");
    const QString badType = QStringLiteral("the event type contains CR, LF or NUL");
    QTest::addRow("id-lf") << SseEvent{ "t", "d", "a\nb" } << badId;
    QTest::addRow("id-cr") << SseEvent{ "t", "d", "a\rb" } << badId;
    QTest::addRow("id-nul") << SseEvent{ "t", "d", QByteArray("a\0b", 3) } << badId;
    QTest::addRow("type-lf") << SseEvent{ "a\nb", "d", "1" } << badType;
    QTest::addRow("type-cr") << SseEvent{ "a\r", "d", "1" } << badType;
    QTest::addRow("type-nul") << SseEvent{ QByteArray("\0", 1), "d", "1" } << badType;
}

void tst_SseWriter::refusesFramingBreakers()
{
    QFETCH(SseEvent, event);
    QFETCH(QString, error);
    QByteArray out = "kept";
    QString message;
    QVERIFY(!SseWriter::appendEvent(out, event, &message));
    QCOMPARE(message, error);
    QCOMPARE(out, QByteArray("kept"));
    QVERIFY(SseWriter::event(event).isEmpty());
}

void tst_SseWriter::invalidUtf8IsReplaced()
{
    const QByteArray bytes = SseWriter::event(SseEvent{ "t\xFF",
                                                        "a\xC0"
                                                        "b",
                                                        "i\xED\xA0\x80" });
    QCOMPARE(bytes,
             QByteArray("id: i\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\nevent: t\xEF\xBF\xBD\ndata: a\xEF\xBF\xBD"
                        "b\n\n"));
}

void tst_SseWriter::retryAndComments()
{
    QByteArray out;
    SseWriter::appendRetry(out, 3000);
    SseWriter::appendComment(out, "connected");
    SseWriter::appendComment(out, "two\nlines");
    SseWriter::appendComment(out, "");
    out += '\n';
    QCOMPARE(out, QByteArray("retry: 3000\n: connected\n: two\n: lines\n:\n\n"));
    Collector collector;
    SseParser parser(&collector);
    parser.feed(out);
    QCOMPARE(collector.retries, QList<quint64>{ 3000 });
    QCOMPARE(collector.comments, (QByteArrayList{ " connected", " two", " lines", "" }));
    QVERIFY(collector.events.isEmpty());
}

QTEST_APPLESS_MAIN(tst_SseWriter)
#include "tst_ssewriter.moc"
