// SPDX-License-Identifier: MIT
#pragma once

#include "sseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Notify {

/// Serialises events, `retry` and comments into `text/event-stream` bytes.
///
/// The output is always framed correctly: ids and types that would break
/// the framing (CR, LF, NUL) are refused, data is split on every line ending
/// (CRLF, CR, LF) into `data:` lines, and invalid UTF-8 is replaced by U+FFFD,
/// so that parsing the output gives back the same event.
class SseWriter final
{
public:
    SseWriter() = delete;

    /// Appends @p event to @p out. An empty id writes no `id:` line; an empty
    /// type writes no `event:` line (the reader then sees "message").
    /// Returns false, leaving @p out untouched, when the id or the type
    /// contains CR, LF or NUL; @p error then says which.
    static bool appendEvent(QByteArray &out, const SseEvent &event, QString *error = nullptr);

    /// The event as bytes, or an empty array when appendEvent() refuses it.
    [[nodiscard]] static QByteArray event(const SseEvent &event, QString *error = nullptr);

    /// `retry: <ms>` on a line of its own.
    static void appendRetry(QByteArray &out, quint64 milliseconds);

    /// A comment; a multi-line text becomes one comment line per line.
    static void appendComment(QByteArray &out, QByteArrayView text);
};

} // namespace Notify
