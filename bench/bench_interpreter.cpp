// SPDX-License-Identifier: MIT
// EventInterpreter throughput on a realistic mix (contract events as they
// are, Django-style events through the mapping, plain text), and the memory
// ContentDedup needs for its 10,000 keys.
//
//   build/release/bench/bench_interpreter [--runs 11] [--events 200000]

#include "common/contentdedup.h"
#include "common/eventinterpreter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <malloc.h>

using namespace Notify;

namespace {

QList<SseEvent> corpus()
{
    return {
        { "notification",
          R"({"notification_id":"n-4711","title":"New order #4711","body":"3 items, express","level":"info","category":"orders","created_at":"2026-11-28T10:00:00Z"})",
          "1a2b3c4d-17" },
        { "order_status",
          R"({"order_id":"A-4711","status":"shipped","previous_status":"processing","note":"DHL","updated_at":"2026-11-28T10:00:00Z"})",
          "1a2b3c4d-18" },
        { "message",
          R"({"type":"notification","id":101,"title":"New order","message":"3 items","level":"high","created_at":"2026-11-28T12:00:00+01:00"})",
          {} },
        { "message",
          R"({"type":"order_update","data":{"order_number":4711,"new_status":"shipped","old_status":"processing","timestamp":1764324000}})",
          {} },
        { "message", R"({"type":"user_status","username":"bob","state":"dnd","last_seen":"2026-11-28 10:00:00"})", {} },
        { "message",
          R"({"type":"new_message","id":9,"sender":{"username":"bob"},"recipient":"alice","text":"Lunch?"})",
          {} },
        { "message", "Printer 3 is out of paper", {} },
        { "message", R"({"type":"heartbeat","ts":1764324000})", {} },
    };
}

qint64 heapInUse()
{
    return qint64(mallinfo2().uordblks);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Runs (median reported)."), QStringLiteral("N"),
                       QStringLiteral("11") });
    parser.addOption(
        { QStringLiteral("events"), QStringLiteral("Events per run."), QStringLiteral("N"), QStringLiteral("200000") });
    parser.process(app);
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int perRun = parser.value(QStringLiteral("events")).toInt();
    QTextStream out(stdout);

    const QList<SseEvent> events = corpus();
    const EventInterpreter interpreter;
    const QDateTime arrival = QDateTime::currentDateTimeUtc();
    QList<double> rates;
    qint64 checksum = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < perRun; ++i) {
            const InterpretedEvent e
                = interpreter.interpret(events.at(i % events.size()), InterpretedEvent::Source::Stream, arrival);
            checksum += e.contentKey.size();
        }
        rates << perRun / (double(timer.nsecsElapsed()) / 1e9);
    }
    std::sort(rates.begin(), rates.end());
    out << "interpreter, the mix of " << events.size() << " event kinds: median " << qint64(rates.at(rates.size() / 2))
        << " events/s over " << runs << " runs of " << perRun << " (min " << qint64(rates.first()) << ", max "
        << qint64(rates.last()) << "; checksum " << checksum << ")\n";

    // ContentDedup at capacity: keys as the interpreter makes them.
    QByteArrayList keys;
    keys.reserve(ContentDedup::DefaultCapacity);
    for (int i = 0; i < ContentDedup::DefaultCapacity; ++i) {
        keys << (i % 2 ? "n:" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces)
                       : "h:" + QUuid::createUuid().toByteArray(QUuid::Id128).left(16));
    }
    const qint64 before = heapInUse();
    auto *dedup = new ContentDedup;
    for (int i = 0; i < keys.size(); ++i) // own copies, as keys made by the interpreter are
        dedup->accept(QByteArray(keys.at(i).constData(), keys.at(i).size()), i % 2 == 0, i);
    const qint64 after = heapInUse();
    out << "ContentDedup with " << dedup->size() << " keys: " << (after - before) / 1024 << " KiB of heap ("
        << (after - before) / dedup->size() << " bytes a key, the key's own bytes included)\n";
    QElapsedTimer lookup;
    lookup.start();
    qint64 found = 0;
    for (int round = 0; round < 10; ++round) {
        for (const QByteArray &key : std::as_const(keys))
            found += dedup->contains(key, 0);
    }
    out << "lookups: " << qint64(found / (double(lookup.nsecsElapsed()) / 1e9)) << " per second\n";
    delete dedup;
    return 0;
}
