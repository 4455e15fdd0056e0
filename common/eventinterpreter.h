// SPDX-License-Identifier: MIT
#pragma once

#include "interpretedevent.h"
#include "interpretermapping.h"
#include "sseevent.h"

#include <QDateTime>

namespace Notify {

/// Turns any SSE event into one of the contract's typed events, or into a
/// generic notification; never into nothing (docs/BACKENDS.md has the rules).
///
/// Contract events pass exactly as they are. Other backends' events are read
/// through an InterpreterMapping: the type from the SSE `event:` field or
/// from inside the JSON (`type`, `event_type`, …, with synonyms such as
/// `order_update`), the payload from `data`/`payload` when the type was
/// inside, each contract field from the first of its known names. What
/// still does not make a valid event, and data that is no JSON object,
/// becomes a generic notification with its raw text and a note saying why.
class EventInterpreter final
{
public:
    explicit EventInterpreter(InterpreterMapping mapping = InterpreterMapping::builtIn());

    /// Fills a message's `to` when the backend leaves it out (its stream is
    /// the user's own).
    void setSelf(const QString &user) { m_self = user; }
    [[nodiscard]] const InterpreterMapping &mapping() const { return m_mapping; }

    /// @p arrival: when it came (the time of events that carry none); invalid: now.
    [[nodiscard]] InterpretedEvent interpret(const SseEvent &event,
                                             InterpretedEvent::Source source = InterpretedEvent::Source::Stream,
                                             const QDateTime &arrival = {}) const;

    /// An object from a list (a snapshot, a catch-up, *Load older*) as the
    /// event of @p type it stands for, read as it is: no text in between.
    [[nodiscard]] InterpretedEvent interpret(const QByteArray &type, const QJsonObject &object,
                                             InterpretedEvent::Source source = InterpretedEvent::Source::CatchUp,
                                             const QDateTime &arrival = {}, const QByteArray &id = {}) const;

    /// How much of the raw data a generic notification shows.
    static constexpr qsizetype MaxRawBody = 4096;

    /// ISO 8601 with any offset (UTC when none), or epoch seconds
    /// (milliseconds above 10^11), as UTC; invalid when it is none of these.
    [[nodiscard]] static QDateTime parseTime(const QJsonValue &value);

private:
    InterpreterMapping m_mapping;
    QString m_self;
};

} // namespace Notify
