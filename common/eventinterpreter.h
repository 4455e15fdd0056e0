// SPDX-License-Identifier: MIT
#pragma once

#include "interpretedevent.h"
#include "sseevent.h"

namespace Notify {

/// Turns any SSE event into one of the contract's typed events, or into a
/// generic notification; never into nothing (docs/BACKENDS.md).
class EventInterpreter final
{
public:
    [[nodiscard]] InterpretedEvent interpret(const SseEvent &event,
                                             InterpretedEvent::Source source = InterpretedEvent::Source::Stream) const;

    /// How much of the raw data a generic notification shows.
    static constexpr qsizetype MaxRawBody = 4096;
};

} // namespace Notify
