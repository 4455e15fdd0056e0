// SPDX-License-Identifier: MIT
#include "ssewriter.h"

#include "utf8.h"

namespace Notify {

namespace {

bool breaksFraming(QByteArrayView value)
{
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return true;
    }
    return false;
}

// Calls emitLine(view) for each line of @p text, splitting on CRLF, CR and LF.
// A text ending in a line break has a last, empty line, as the reader sees it.
template<typename Fn>
void forEachLine(QByteArrayView text, Fn emitLine)
{
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text[i];
        if (c != '\r' && c != '\n')
            continue;
        emitLine(text.sliced(start, i - start));
        if (c == '\r' && i + 1 < n && text[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    emitLine(text.sliced(start));
}

} // namespace

bool SseWriter::appendEvent(QByteArray &out, const SseEvent &event, QString *error)
{
    if (breaksFraming(event.id)) {
        if (error)
            *error = QStringLiteral("the event id contains CR, LF or NUL");
        return false;
    }
    if (breaksFraming(event.type)) {
        if (error)
            *error = QStringLiteral("the event type contains CR, LF or NUL");
        return false;
    }
    out.reserve(out.size() + event.id.size() + event.type.size() + event.data.size() + 32);
    if (!event.id.isEmpty()) {
        out.append("id: ");
        Utf8::appendSanitized(out, event.id);
        out.append('\n');
    }
    if (!event.type.isEmpty()) {
        out.append("event: ");
        Utf8::appendSanitized(out, event.type);
        out.append('\n');
    }
    forEachLine(event.data, [&out](QByteArrayView line) {
        out.append("data: ");
        Utf8::appendSanitized(out, line);
        out.append('\n');
    });
    out.append('\n');
    return true;
}

QByteArray SseWriter::event(const SseEvent &event, QString *error)
{
    QByteArray out;
    appendEvent(out, event, error);
    return out;
}

void SseWriter::appendRetry(QByteArray &out, quint64 milliseconds)
{
    out.append("retry: ");
    out.append(QByteArray::number(milliseconds));
    out.append('\n');
}

void SseWriter::appendComment(QByteArray &out, QByteArrayView text)
{
    forEachLine(text, [&out](QByteArrayView line) {
        out.append(':');
        if (!line.isEmpty()) {
            out.append(' ');
            Utf8::appendSanitized(out, line);
        }
        out.append('\n');
    });
}

} // namespace Notify
