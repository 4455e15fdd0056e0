// SPDX-License-Identifier: MIT
//
// libFuzzer target for SseParser. Besides "no crash, no sanitizer report" it
// checks the parser's promises on every input:
//  - the result does not depend on how the bytes are chunked;
//  - everything handed out is valid UTF-8;
//  - buffered memory never passes the event size limit;
//  - every dispatched event survives SseWriter -> SseParser unchanged.

#include "common/sseparser.h"
#include "common/ssewriter.h"
#include "common/utf8.h"

#include <QByteArrayList>
#include <QList>

#include <cstdint>
#include <cstdlib>

using Notify::SseEvent;
using Notify::SseParser;
using Notify::SseWriter;

namespace {

class Recorder final : public SseParser::Listener
{
public:
    QList<SseEvent> events;
    QByteArrayList trace;
    void onEvent(const SseEvent &event) override
    {
        events << event;
        trace << "E" + event.type + '\x01' + event.id + '\x01' + event.data;
    }
    void onComment(QByteArrayView text) override
    {
        if (!Notify::Utf8::isValid(text))
            std::abort();
        trace << "C" + text.toByteArray();
    }
    void onRetry(quint64 ms) override { trace << "R" + QByteArray::number(ms); }
    void onError(SseParser::Error) override { trace << QByteArrayLiteral("X"); }
};

QByteArrayList parse(QByteArrayView input, qsizetype chunk, qsizetype limit, QList<SseEvent> *events = nullptr)
{
    Recorder recorder;
    SseParser parser(&recorder, limit);
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        parser.feed(input.sliced(at, std::min(chunk, input.size() - at)));
        if (parser.bufferedBytes() > limit)
            std::abort();
    }
    parser.endOfStream();
    recorder.trace << "L" + parser.lastEventId();
    if (events)
        *events = recorder.events;
    return recorder.trace;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // The first two bytes choose the chunk size and the event size limit.
    const qsizetype chunk = 1 + data[0] % 17;
    const qsizetype limit = data[1] < 128 ? SseParser::DefaultMaxEventSize : 8 + data[1];
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 2, static_cast<qsizetype>(size) - 2);

    QList<SseEvent> events;
    const QByteArrayList whole = parse(input, std::max<qsizetype>(1, input.size()), limit, &events);
    if (parse(input, chunk, limit) != whole)
        std::abort();

    for (const SseEvent &event : std::as_const(events)) {
        if (!Notify::Utf8::isValid(event.type) || !Notify::Utf8::isValid(event.id)
            || !Notify::Utf8::isValid(event.data))
            std::abort();
        QByteArray bytes;
        if (!SseWriter::appendEvent(bytes, event)) {
            // Only a NUL in the type can be refused: CR and LF never get through the parser.
            if (!event.type.contains('\0'))
                std::abort();
            continue;
        }
        Recorder again;
        SseParser parser(&again);
        parser.feed(bytes);
        if (again.events.size() != 1 || !(again.events.first() == event))
            std::abort();
    }
    return 0;
}
