// SPDX-License-Identifier: MIT
//
// Parser throughput: bytes in (UTF-8 handled), events out, fed in fixed-size
// chunks as a socket would deliver them. Prints the median of several runs
// per stream and chunk size. Usage: bench_sseparser [--runs N] [--mib N]

#include "common/sseparser.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QTextStream>

#include <algorithm>
#include <chrono>

using Notify::SseEvent;
using Notify::SseParser;

namespace {

class Counter final : public SseParser::Listener
{
public:
    qint64 events = 0;
    qint64 dataBytes = 0;
    void onEvent(const SseEvent &event) override
    {
        ++events;
        dataBytes += event.data.size();
    }
};

// ~150 bytes of JSON, like a real notification.
QByteArray smallEvents(qint64 targetBytes, bool nonAscii)
{
    QByteArray stream = "retry: 3000\n: connected\n\n";
    for (qint64 i = 0; stream.size() < targetBytes; ++i) {
        stream += "id: 0badcafe-" + QByteArray::number(i) + "\nevent: notification\ndata: {\"notification_id\":\"n-"
            + QByteArray::number(i) + "\",\"title\":\""
            + (nonAscii ? QByteArray("Bestellung \xC3\xBC"
                                     "berf\xC3\xA4llig \xE2\x80\x93 \xD0\x97\xD0\xB0\xD0\xBA\xD0\xB0\xD0\xB7")
                        : QByteArray("Order 4711 is overdue for shipping"))
            + "\",\"level\":\"warning\",\"category\":\"orders\",\"created_at\":\"2026-11-28T10:00:00Z\"}\n\n";
        if (i % 50 == 0)
            stream += ": heartbeat 1764324000000\n\n";
    }
    return stream;
}

QByteArray largeEvents(qint64 targetBytes)
{
    QByteArray line;
    line.reserve(64 * 1024);
    for (int i = 0; line.size() < 64 * 1024 - 32; ++i)
        line += "{\"k\":" + QByteArray::number(i) + ",\"v\":\"abcdefgh\"},";
    line.resize(64 * 1024, 'x');
    QByteArray stream;
    for (qint64 i = 0; stream.size() < targetBytes; ++i)
        stream += "id: " + QByteArray::number(i) + "\ndata: " + line + "\n\n";
    return stream;
}

struct Result
{
    double seconds;
    qint64 events;
};

Result runOnce(const QByteArray &stream, qsizetype chunk)
{
    Counter counter;
    SseParser parser(&counter);
    const auto start = std::chrono::steady_clock::now();
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        parser.feed(QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at)));
    const auto end = std::chrono::steady_clock::now();
    return { std::chrono::duration<double>(end - start).count(), counter.events };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("SSE parser throughput benchmark"));
    cli.addHelpOption();
    cli.addOption({ QStringLiteral("runs"), QStringLiteral("Runs per case (median reported)."), QStringLiteral("N"),
                    QStringLiteral("11") });
    cli.addOption(
        { QStringLiteral("mib"), QStringLiteral("Stream size in MiB."), QStringLiteral("N"), QStringLiteral("64") });
    cli.process(app);
    const int runs = std::max(1, cli.value(QStringLiteral("runs")).toInt());
    const qint64 size = std::max(1, cli.value(QStringLiteral("mib")).toInt()) * qint64(1024 * 1024);

    struct Stream
    {
        const char *name;
        QByteArray bytes;
    };
    const QList<Stream> streams = {
        { "small (ASCII JSON)", smallEvents(size, false) },
        { "small (non-ASCII JSON)", smallEvents(size, true) },
        { "large (64 KiB lines)", largeEvents(size) },
    };

    QTextStream out(stdout);
    out << "stream                   chunk     MB/s (median)   events/s (median)   events   runs\n";
    for (const Stream &s : streams) {
        for (const qsizetype chunk : { qsizetype(4096), qsizetype(65536) }) {
            QList<double> seconds;
            qint64 events = 0;
            runOnce(s.bytes, chunk); // warm-up
            for (int r = 0; r < runs; ++r) {
                const Result result = runOnce(s.bytes, chunk);
                seconds << result.seconds;
                events = result.events;
            }
            std::sort(seconds.begin(), seconds.end());
            const double median = seconds.at(seconds.size() / 2);
            out << qSetFieldWidth(25) << Qt::left << s.name << qSetFieldWidth(10)
                << QString::number(chunk / 1024) + u" KiB" << qSetFieldWidth(16)
                << QString::number(double(s.bytes.size()) / median / 1e6, 'f', 0) << qSetFieldWidth(20)
                << QString::number(double(events) / median, 'f', 0) << qSetFieldWidth(9) << events << qSetFieldWidth(0)
                << runs << '\n';
            out.flush();
        }
    }
    return 0;
}
