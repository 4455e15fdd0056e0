// SPDX-License-Identifier: MIT
// InterpretedEvent: its type name and data whatever the payload, and the names of its sources.
#include "interpretedevent.h"

namespace Notify {

using Source = InterpretedEvent::Source;

QByteArray InterpretedEvent::type() const
{
    return std::visit([](const auto &value) { return QByteArray(std::decay_t<decltype(value)>::TypeName); }, payload);
}

QJsonObject InterpretedEvent::data() const
{
    return std::visit([](const auto &value) { return value.toJson(); }, payload);
}

QString InterpretedEvent::sourceName(Source source)
{
    switch (source) {
    case Source::Stream:
        return QStringLiteral("stream");
    case Source::CatchUp:
        return QStringLiteral("catch-up");
    case Source::Poll:
        return QStringLiteral("poll");
    }
    return {};
}

} // namespace Notify
