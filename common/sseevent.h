// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QMetaType>

namespace Notify {

/// One dispatched server-sent event, as the WHATWG processing model defines it.
///
/// All three members are valid UTF-8: the parser replaces invalid sequences
/// with U+FFFD, and the writer does the same before it frames an event.
/// Bytes rather than QString because the payload is JSON, which Qt parses
/// from UTF-8 directly; converting to UTF-16 and back would cost a copy.
struct SseEvent
{
    QByteArray type; ///< the `event` field; "message" when the stream named none
    QByteArray data; ///< the `data` lines joined with LF
    QByteArray id; ///< the last event id in force when the event was dispatched

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

} // namespace Notify

Q_DECLARE_METATYPE(Notify::SseEvent)
