// SPDX-License-Identifier: MIT
#include "common/sseparser.h"
#include "common/utf8.h"

#include <QRandomGenerator>
#include <QTest>

using Notify::SseEvent;
using Notify::SseParser;

namespace {

// Records everything the parser reports as one line per callback, so that a
// whole parse is one comparable list.
class Recorder final : public SseParser::Listener
{
public:
    QByteArrayList trace;

    void onEvent(const SseEvent &event) override
    {
        trace << QByteArray("event type=" + event.type + " id=" + event.id + " data=" + event.data);
    }
    void onComment(QByteArrayView text) override { trace << QByteArray("comment " + text.toByteArray()); }
    void onRetry(quint64 ms) override { trace << QByteArray("retry " + QByteArray::number(ms)); }
    void onError(SseParser::Error) override { trace << QByteArrayLiteral("error too-large"); }
};

QByteArray ev(const QByteArray &data, const QByteArray &type = "message", const QByteArray &id = {})
{
    return "event type=" + type + " id=" + id + " data=" + data;
}
// A literal with embedded NULs, kept whole.
template<std::size_t N>
QByteArray raw(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

QByteArray comment(const QByteArray &text)
{
    return "comment " + text;
}
QByteArray retry(quint64 ms)
{
    return "retry " + QByteArray::number(ms);
}
QByteArray lastId(const QByteArray &id)
{
    return "last-event-id=" + id;
}
const QByteArray TooLarge = QByteArrayLiteral("error too-large");

QByteArrayList parseChunks(const QList<QByteArrayView> &chunks, qsizetype limit = SseParser::DefaultMaxEventSize)
{
    Recorder recorder;
    SseParser parser(&recorder, limit);
    for (const QByteArrayView chunk : chunks)
        parser.feed(chunk);
    parser.endOfStream();
    recorder.trace << lastId(parser.lastEventId());
    return recorder.trace;
}

QList<QByteArrayView> splitAt(QByteArrayView input, std::initializer_list<qsizetype> cuts)
{
    QList<QByteArrayView> chunks;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        chunks << input.sliced(from, cut - from);
        from = cut;
    }
    chunks << input.sliced(from);
    return chunks;
}

QString describe(const QByteArrayList &list)
{
    QStringList out;
    for (const QByteArray &line : list)
        out << QString::fromUtf8(line.toPercentEncoding(" =:"));
    return out.join(u" | ");
}

// A deliberately naive implementation of the WHATWG processing model, written
// straight from the spec's prose: decode the whole stream, split it into
// lines, run the field rules. The real parser must agree with it on any input
// in any chunking.
QByteArrayList referenceParse(const QByteArray &input)
{
    QByteArray text;
    Notify::Utf8::appendReplacingInvalid(text, input);
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    QByteArrayList lines;
    QByteArray current;
    bool complete = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            lines << current;
            current.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            complete = true;
        } else {
            current += c;
            complete = false;
        }
    }
    Q_UNUSED(complete)
    // A last line without an end of line is never processed.
    QByteArrayList trace;
    QByteArray data, type, idBuffer, lastEventId;
    for (const QByteArray &line : lines) {
        if (line.isEmpty()) {
            lastEventId = idBuffer;
            if (data.isEmpty()) {
                type.clear();
                continue;
            }
            if (data.endsWith('\n'))
                data.chop(1);
            trace << ev(data, type.isEmpty() ? QByteArray("message") : type, lastEventId);
            data.clear();
            type.clear();
            continue;
        }
        if (line.startsWith(':')) {
            trace << comment(line.mid(1));
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        QByteArray name = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (name == "event") {
            type = value;
        } else if (name == "data") {
            data += value + '\n';
        } else if (name == "id") {
            if (!value.contains('\0'))
                idBuffer = value;
        } else if (name == "retry") {
            bool digits = !value.isEmpty();
            for (const char c : std::as_const(value))
                digits = digits && c >= '0' && c <= '9';
            if (digits)
                trace << retry(value.toULongLong());
        }
    }
    trace << lastId(lastEventId);
    return trace;
}

} // namespace

class tst_SseParser final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void agreesWithReferenceOnRandomStreams();
    void lastEventIdAcrossStreams();
    void storedLastEventId();
    void bomStrippedAgainOnNewStream();
    void oversizedEventIsDiscardedAndParsingGoesOn_data();
    void oversizedEventIsDiscardedAndParsingGoesOn();
    void endlessLineKeepsMemoryBounded();
    void largeEventAcrossManyChunks();
    void bufferIsReusedWhenListenerKeepsEvents();
};

void tst_SseParser::rules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");

    // Cases after the web-platform-tests eventsource/format-* files.
    QTest::addRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "data: 1\n\n\xEF\xBB\xBF"
                                       "data: 2\n\ndata: 3\n\n")
                         << QByteArrayList{ ev("1"), ev("3"), lastId("") };
    QTest::addRow("bom-2") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                         "data: 1\n\ndata: 2\n\ndata: 3\n\n")
                           << QByteArrayList{ ev("2"), ev("3"), lastId("") };
    QTest::addRow("partial-bom-is-content") << QByteArray("\xEF\xBB"
                                                          "data: 1\n\ndata: 2\n\n")
                                            << QByteArrayList{ ev("2"), lastId("") };
    QTest::addRow("bom-inside-value-kept")
        << QByteArray("data: \xEF\xBB\xBFx\n\n") << QByteArrayList{ ev("\xEF\xBB\xBFx"), lastId("") };
    QTest::addRow("comments") << QByteArray(raw("data:1\r:\0\n:\r\ndata:2\n:") + QByteArray(100, 'x')
                                            + "\rdata:3\n:data:fail\r:" + QByteArray(50, 'y') + "\ndata:4\n\n")
                              << QByteArrayList{ comment(raw("\0")),
                                                 comment(""),
                                                 comment(QByteArray(100, 'x')),
                                                 comment("data:fail"),
                                                 comment(QByteArray(50, 'y')),
                                                 ev("1\n2\n3\n4"),
                                                 lastId("") };
    QTest::addRow("heartbeat-comment") << QByteArray(": heartbeat 1700000000000\n\n")
                                       << QByteArrayList{ comment(" heartbeat 1700000000000"), lastId("") };
    QTest::addRow("data-before-final-empty-line") << QByteArray("retry:1000\ndata:test1\n\nid:test\ndata:test2")
                                                  << QByteArrayList{ retry(1000), ev("test1"), lastId("") };
    QTest::addRow("field-data") << QByteArray("data:\n\ndata\ndata\n\ndata:test\n\n")
                                << QByteArrayList{ ev(""), ev("\n"), ev("test"), lastId("") };
    QTest::addRow("field-event-empty") << QByteArray("event: \ndata:data\n\n")
                                       << QByteArrayList{ ev("data"), lastId("") };
    QTest::addRow("field-event") << QByteArray("event:test\ndata:x\n\ndata:x\n\n")
                                 << QByteArrayList{ ev("x", "test"), ev("x"), lastId("") };
    QTest::addRow("event-reset-without-dispatch")
        << QByteArray("event:test\n\ndata:y\n\n") << QByteArrayList{ ev("y"), lastId("") };
    QTest::addRow("field-id") << QByteArray("id:1\ndata:x\n\nid:\ndata:y\n\ndata:z\n\n")
                              << QByteArrayList{ ev("x", "message", "1"), ev("y"), ev("z"), lastId("") };
    QTest::addRow("field-id-2") << QByteArray("id:1\n\ndata:x\n\n")
                                << QByteArrayList{ ev("x", "message", "1"), lastId("1") };
    QTest::addRow("field-id-persists") << QByteArray("id: 7\ndata:a\n\ndata:b\n\n")
                                       << QByteArrayList{ ev("a", "message", "7"), ev("b", "message", "7"),
                                                          lastId("7") };
    QTest::addRow("field-id-null") << raw("id:1\ndata:a\n\nid:2\0x\ndata:b\n\n")
                                   << QByteArrayList{ ev("a", "message", "1"), ev("b", "message", "1"), lastId("1") };
    QTest::addRow("field-id-without-colon")
        << QByteArray("id:1\n\nid\ndata:a\n\n") << QByteArrayList{ ev("a"), lastId("") };
    QTest::addRow("field-parsing") << raw(
        "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n\n")
                                   << QByteArrayList{ ev(raw("\0\n 2\n1\n3\n\n4")), lastId("") };
    QTest::addRow("field-retry") << QByteArray("retry:03000\ndata:x\n\n")
                                 << QByteArrayList{ retry(3000), ev("x"), lastId("") };
    QTest::addRow("field-retry-bogus") << QByteArray(
        "retry:1000x\nretry:\nretry\nretry:  1000\nretry:-1\nretry:1.5\ndata:x\n\n")
                                       << QByteArrayList{ ev("x"), lastId("") };
    QTest::addRow("field-retry-space") << QByteArray("retry: 1000\n") << QByteArrayList{ retry(1000), lastId("") };
    QTest::addRow("field-retry-huge") << QByteArray("retry:99999999999999999999999\n")
                                      << QByteArrayList{ retry(std::numeric_limits<quint64>::max()), lastId("") };
    QTest::addRow("field-unknown") << QByteArray(
        "data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test\n\n")
                                   << QByteArrayList{ comment("thisisacommentyay"), ev("test\n\ntest"), lastId("") };
    QTest::addRow("field-names-case-sensitive")
        << QByteArray("DATA:x\nEvent:y\nID:1\ndata:z\n\n") << QByteArrayList{ ev("z"), lastId("") };
    QTest::addRow("space-before-colon") << QByteArray("data :x\ndata: y\n\n") << QByteArrayList{ ev("y"), lastId("") };
    QTest::addRow("leading-space") << QByteArray("data:\ttest\rdata: \ndata:test\n\n")
                                   << QByteArrayList{ ev("\ttest\n\ntest"), lastId("") };
    QTest::addRow("only-one-space-stripped")
        << QByteArray("data:  two\n\n") << QByteArrayList{ ev(" two"), lastId("") };
    QTest::addRow("colon-in-value") << QByteArray("data: a:b: c\n\n") << QByteArrayList{ ev("a:b: c"), lastId("") };
    QTest::addRow("newlines") << QByteArray("data:test\r\ndata\ndata:test\r\n\r")
                              << QByteArrayList{ ev("test\n\ntest"), lastId("") };
    QTest::addRow("cr-only") << QByteArray("data:a\rdata:b\r\r") << QByteArrayList{ ev("a\nb"), lastId("") };
    QTest::addRow("cr-then-crlf") << QByteArray("data:a\r\r\ndata:b\n\n")
                                  << QByteArrayList{ ev("a"), ev("b"), lastId("") };
    QTest::addRow("lf-cr-is-two-endings")
        << QByteArray("data:a\n\rdata:b\n\n") << QByteArrayList{ ev("a"), ev("b"), lastId("") };
    QTest::addRow("null-character") << raw("data:\0\n\n\n\n") << QByteArrayList{ ev(raw("\0")), lastId("") };
    QTest::addRow("utf-8") << QByteArray("data:ok\xE2\x80\xA6\n\n")
                           << QByteArrayList{ ev("ok\xE2\x80\xA6"), lastId("") };
    QTest::addRow("utf-8-4-byte") << QByteArray("event:\xF0\x9F\x93\xA6\nid:\xC3\xA9\ndata:\xF0\x9F\x93\xA6\n\n")
                                  << QByteArrayList{ ev("\xF0\x9F\x93\xA6", "\xF0\x9F\x93\xA6", "\xC3\xA9"),
                                                     lastId("\xC3\xA9") };
    QTest::addRow("utf-8-invalid-byte") << QByteArray("data:a\xFF"
                                                      "b\n\n")
                                        << QByteArrayList{ ev("a\xEF\xBF\xBD"
                                                              "b"),
                                                           lastId("") };
    QTest::addRow("utf-8-surrogate") << QByteArray("data:\xED\xA0\x80\n\n")
                                     << QByteArrayList{ ev("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"), lastId("") };
    QTest::addRow("utf-8-truncated-before-eol")
        << QByteArray("data:\xE2\x82\ndata:x\n\n") << QByteArrayList{ ev("\xEF\xBF\xBD\nx"), lastId("") };
    QTest::addRow("utf-8-maximal-subpart") << QByteArray("data:\xF0\x90\x80"
                                                         "A\n\n")
                                           << QByteArrayList{ ev("\xEF\xBF\xBD"
                                                                 "A"),
                                                              lastId("") };
    QTest::addRow("utf-8-overlong") << QByteArray("data:\xC0\xAF\n\n")
                                    << QByteArrayList{ ev("\xEF\xBF\xBD\xEF\xBF\xBD"), lastId("") };
    QTest::addRow("utf-8-invalid-id") << QByteArray("id:\xFF\ndata:x\n\n")
                                      << QByteArrayList{ ev("x", "message", "\xEF\xBF\xBD"), lastId("\xEF\xBF\xBD") };
    QTest::addRow("incomplete-event-discarded-with-id")
        << QByteArray("id:1\ndata:a\n\nid:2\ndata:b\n") << QByteArrayList{ ev("a", "message", "1"), lastId("1") };
    QTest::addRow("unterminated-line-discarded")
        << QByteArray("data:a\n\ndata:b\n\ndata:c") << QByteArrayList{ ev("a"), ev("b"), lastId("") };
    QTest::addRow("empty-stream") << QByteArray() << QByteArrayList{ lastId("") };
    QTest::addRow("typical-notify-stream")
        << QByteArray("retry: 3000\n: connected\n\nid: 0badcafe-1\nevent: notification\ndata: {\"title\":\"Hi\"}\n\n"
                      ": heartbeat 1700000000000\n\nid: 0badcafe-2\nevent: presence\ndata: {\"user\":\"bob\"}\n\n")
        << QByteArrayList{ retry(3000),
                           comment(" connected"),
                           ev("{\"title\":\"Hi\"}", "notification", "0badcafe-1"),
                           comment(" heartbeat 1700000000000"),
                           ev("{\"user\":\"bob\"}", "presence", "0badcafe-2"),
                           lastId("0badcafe-2") };
}

void tst_SseParser::rules()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);

    QCOMPARE(parseChunks({ input }), expected);

    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < input.size(); ++i)
        bytes << QByteArrayView(input).sliced(i, 1);
    QCOMPARE(parseChunks(bytes), expected);

    // Every way of cutting the input in two, and (for short inputs) in three.
    for (qsizetype a = 0; a <= input.size(); ++a) {
        const QByteArrayList got = parseChunks(splitAt(input, { a }));
        if (got != expected)
            QFAIL(qPrintable(QStringLiteral("split at %1: got %2").arg(a).arg(describe(got))));
        if (input.size() > 96)
            continue;
        for (qsizetype b = a; b <= input.size(); ++b) {
            const QByteArrayList got3 = parseChunks(splitAt(input, { a, b }));
            if (got3 != expected)
                QFAIL(qPrintable(QStringLiteral("split at %1,%2: got %3").arg(a).arg(b).arg(describe(got3))));
        }
    }
}

void tst_SseParser::agreesWithReferenceOnRandomStreams()
{
    // An alphabet rich in the bytes that matter: field names, separators,
    // every line ending, BOM bytes and broken UTF-8.
    static const QByteArrayList pieces = { "data",
                                           "event",
                                           "id",
                                           "retry",
                                           ":",
                                           " ",
                                           "\r",
                                           "\n",
                                           "\r\n",
                                           "x",
                                           "12",
                                           "\xEF\xBB\xBF",
                                           "\xEF",
                                           "\xFF",
                                           "\xC3\xA9",
                                           "\xE2\x82",
                                           QByteArray("\0", 1),
                                           "\t",
                                           "ev",
                                           "\n\n" };
    QRandomGenerator rng(20261128);
    for (int round = 0; round < 3000; ++round) {
        QByteArray input;
        const int length = rng.bounded(1, 40);
        for (int i = 0; i < length; ++i)
            input += pieces.at(rng.bounded(pieces.size()));
        const QByteArrayList expected = referenceParse(input);

        QList<QByteArrayView> chunks;
        qsizetype at = 0;
        while (at < input.size()) {
            const qsizetype n = std::min<qsizetype>(rng.bounded(1, 8), input.size() - at);
            chunks << QByteArrayView(input).sliced(at, n);
            at += n;
        }
        const QByteArrayList got = parseChunks(chunks);
        if (got != expected) {
            QFAIL(qPrintable(
                QStringLiteral("input %1\n got      %2\n expected %3")
                    .arg(QString::fromLatin1(input.toPercentEncoding()), describe(got), describe(expected))));
        }
    }
}

void tst_SseParser::lastEventIdAcrossStreams()
{
    Recorder recorder;
    SseParser parser(&recorder);
    parser.feed("id: 5\ndata: a\n\n");
    parser.endOfStream();
    // A reconnect: the id is kept, as EventSource keeps it across connections.
    parser.feed("data: b\n\nid: 9\ndata: lost");
    parser.endOfStream();
    QCOMPARE(parser.lastEventId(), QByteArray("5"));
    parser.feed("data: c\n\n");
    QCOMPARE(recorder.trace,
             (QByteArrayList{ ev("a", "message", "5"), ev("b", "message", "5"), ev("c", "message", "5") }));
}

void tst_SseParser::storedLastEventId()
{
    Recorder recorder;
    SseParser parser(&recorder);
    parser.setLastEventId("0badcafe-41");
    parser.feed("data: resumed\n\n");
    QCOMPARE(recorder.trace, QByteArrayList{ ev("resumed", "message", "0badcafe-41") });
}

void tst_SseParser::bomStrippedAgainOnNewStream()
{
    Recorder recorder;
    SseParser parser(&recorder);
    parser.feed("\xEF\xBB\xBF"
                "data: 1\n\n");
    parser.endOfStream();
    parser.feed("\xEF\xBB");
    parser.feed("\xBF"
                "data: 2\n\n");
    QCOMPARE(recorder.trace, (QByteArrayList{ ev("1"), ev("2") }));
}

void tst_SseParser::oversizedEventIsDiscardedAndParsingGoesOn_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");
    const QByteArray big(100, 'a');
    QTest::addRow("one-long-data-line") << QByteArray("id: 1\ndata: " + big + "\n\ndata: ok\n\n")
                                        << QByteArrayList{ TooLarge, ev("ok", "message", "1"), lastId("1") };
    QTest::addRow("many-data-lines") << QByteArray(
        "data: 0123456789\ndata: 0123456789\ndata: 0123456789\ndata: x\n\ndata: ok\n\n")
                                     << QByteArrayList{ TooLarge, ev("ok"), lastId("") };
    QTest::addRow("long-comment") << QByteArray(":" + big + "\n\ndata: ok\n\n")
                                  << QByteArrayList{ TooLarge, ev("ok"), lastId("") };
    QTest::addRow("long-line-poisons-its-event") << QByteArray("data: a\n:" + big + "\ndata: b\n\ndata: ok\n\n")
                                                 << QByteArrayList{ TooLarge, ev("ok"), lastId("") };
    QTest::addRow("long-id-still-counts") << QByteArray("id: 5\ndata: " + big + "\nid: 6\n\ndata: ok\n\n")
                                          << QByteArrayList{ TooLarge, ev("ok", "message", "6"), lastId("6") };
    // Found by the fuzzer: 20 invalid bytes become 60 bytes of U+FFFD.
    QTest::addRow("replacement-characters-count") << QByteArray("data: " + QByteArray(20, '\xFF') + "\n\ndata: ok\n\n")
                                                  << QByteArrayList{ TooLarge, ev("ok"), lastId("") };
    QTest::addRow("under-the-limit") << QByteArray("data: 0123456789\ndata: 0123456789\n\n")
                                     << QByteArrayList{ ev("0123456789\n0123456789"), lastId("") };
}

void tst_SseParser::oversizedEventIsDiscardedAndParsingGoesOn()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    constexpr qsizetype Limit = 32;
    // A long line inside one chunk is measured when it is processed, a long
    // line across chunks while it is buffered: both must end the same way.
    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < input.size(); ++i)
        bytes << QByteArrayView(input).sliced(i, 1);
    QCOMPARE(parseChunks(bytes, Limit), expected);
    QCOMPARE(parseChunks({ input }, Limit), expected);
    for (qsizetype a = 0; a <= input.size(); ++a)
        QCOMPARE(parseChunks(splitAt(input, { a }), Limit), expected);
    // Memory stays within the limit after every byte.
    Recorder recorder;
    SseParser parser(&recorder, Limit);
    for (const QByteArrayView byte : std::as_const(bytes)) {
        parser.feed(byte);
        QVERIFY(parser.bufferedBytes() <= Limit);
    }
}

void tst_SseParser::endlessLineKeepsMemoryBounded()
{
    constexpr qsizetype Limit = 64 * 1024;
    Recorder recorder;
    SseParser parser(&recorder, Limit);
    const QByteArray chunk(4096, 'z');
    parser.feed("data: ");
    for (int i = 0; i < 1024; ++i) { // 4 MiB without a line end
        parser.feed(chunk);
        QVERIFY2(parser.bufferedBytes() <= Limit, qPrintable(QString::number(parser.bufferedBytes())));
    }
    parser.feed("\n\ndata: ok\n\n");
    QCOMPARE(recorder.trace, (QByteArrayList{ TooLarge, ev("ok") }));
    QCOMPARE(parser.bufferedBytes(), 0);
}

void tst_SseParser::largeEventAcrossManyChunks()
{
    QByteArray payload;
    for (int i = 0; payload.size() < 1024 * 1024; ++i)
        payload += "{\"n\":" + QByteArray::number(i) + ",\"text\":\"caf\xC3\xA9\"},";
    const QByteArray stream = "id: big\ndata: " + payload + "\n\n";
    Recorder recorder;
    SseParser parser(&recorder);
    for (qsizetype at = 0; at < stream.size(); at += 1000)
        parser.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(1000, stream.size() - at)));
    QCOMPARE(recorder.trace.size(), 1);
    QCOMPARE(recorder.trace.first(), ev(payload, "message", "big"));
}

void tst_SseParser::bufferIsReusedWhenListenerKeepsEvents()
{
    // Events handed out share their buffers; a listener that keeps them must
    // still see the values it was given after the parser moves on.
    class Keeper final : public SseParser::Listener
    {
    public:
        QList<SseEvent> events;
        void onEvent(const SseEvent &event) override { events << event; }
    } keeper;
    SseParser parser(&keeper);
    parser.feed("id: 1\nevent: a\ndata: first\n\nid: 2\nevent: b\ndata: second\n\n");
    QCOMPARE(keeper.events.size(), 2);
    QCOMPARE(keeper.events[0], (SseEvent{ "a", "first", "1" }));
    QCOMPARE(keeper.events[1], (SseEvent{ "b", "second", "2" }));
}

QTEST_APPLESS_MAIN(tst_SseParser)
#include "tst_sseparser.moc"
