// SPDX-License-Identifier: MIT
//
// libFuzzer target for EventInterpreter, with a mapping file and ContentDedup:
// what any backend may send (an event's type and data) read with what an
// administrator may write (a mapping). Input: type NUL data NUL mapping JSON
// (each part optional). No crash; every event comes out as a valid type with
// a JSON object as data; a contract type's data reads back exactly; a content
// key is accepted once.

#include "common/contentdedup.h"
#include "common/eventinterpreter.h"
#include "common/protocol.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace Notify;

namespace {

template<typename T>
void readsBack(const QJsonObject &data)
{
    if (!T::fromJson(data))
        std::abort(); // the interpreter made a typed event the contract's reader refuses
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const QList<QByteArray> parts = input.split('\0');
    const QByteArray type = parts.value(0).left(128);
    const QByteArray data = parts.value(1);
    InterpreterMapping mapping = InterpreterMapping::builtIn();
    if (parts.size() > 2) {
        const QJsonDocument doc = QJsonDocument::fromJson(parts.mid(2).join('\0'));
        QString error;
        if (doc.isObject() && !mapping.merge(doc.object(), &error) && error.isEmpty())
            std::abort(); // a refused mapping says why
    }
    EventInterpreter interpreter(mapping);
    interpreter.setSelf(QStringLiteral("alice"));
    ContentDedup dedup;
    for (const auto source : { InterpretedEvent::Source::Stream, InterpretedEvent::Source::CatchUp }) {
        const SseEvent event{ type, data,
                              source == InterpretedEvent::Source::Stream ? QByteArray("e-1") : QByteArray() };
        const InterpretedEvent out = interpreter.interpret(event, source);
        if (out.control)
            continue;
        if (!Protocol::isValidEventType(out.type()))
            std::abort();
        const QJsonObject json = out.data();
        if (out.type() == Protocol::Notification::TypeName)
            readsBack<Protocol::Notification>(json);
        else if (out.type() == Protocol::OrderStatus::TypeName) {
            // A backend's own status ("on_hold") stays as it came: not the
            // contract's, but the app's history must read it back.
            const auto order = std::get<Protocol::OrderStatus>(out.payload);
            if (order.unlistedStatus.isEmpty() && order.unlistedPreviousStatus.isEmpty())
                readsBack<Protocol::OrderStatus>(json);
            const auto stored = Protocol::OrderStatus::fromStored(json);
            if (!stored || stored->statusName() != order.statusName()
                || stored->previousStatusName() != order.previousStatusName() || stored->orderId != order.orderId)
                std::abort(); // the history would lose it, or change it, over a restart
        } else if (out.type() == Protocol::Message::TypeName)
            readsBack<Protocol::Message>(json);
        else if (out.type() == Protocol::Presence::TypeName)
            readsBack<Protocol::Presence>(json);
        else if (out.type() == Protocol::NotificationRead::TypeName)
            readsBack<Protocol::NotificationRead>(json);
        if (!out.contentKey.isEmpty()) {
            const bool first = dedup.accept(out.contentKey, out.contentKeyExpires, 1000);
            if (first && dedup.accept(out.contentKey, out.contentKeyExpires, 1000))
                std::abort(); // accepted twice
        }
    }
    return 0;
}
