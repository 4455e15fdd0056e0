// SPDX-License-Identifier: MIT
// The formats of the protocol's scalar values (protocol.h): which event type
// names are valid, UTC timestamps as the contract writes them, and event ids
// `<epoch>-<seq>`.
#include "protocol.h"

#include <limits>

namespace Notify::Protocol {

bool isValidEventType(QByteArrayView type) noexcept
{
    if (type.isEmpty() || type.size() > 64 || type[0] < 'a' || type[0] > 'z')
        return false;
    for (const char c : type) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

std::optional<QDateTime> parseUtcTimestamp(const QString &text)
{
    // Qt accepts a date alone and offsets of any zone; the contract wants a
    // full date and time in UTC.
    if (text.size() < 20 || text.at(10) != u'T')
        return std::nullopt;
    const bool utc = text.endsWith(u'Z') || text.endsWith(u"+00:00");
    if (!utc)
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QString formatUtcTimestamp(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

std::optional<EventId> EventId::parse(QByteArrayView text)
{
    if (text.size() < 10 || text.size() > 29 || text[8] != '-')
        return std::nullopt;
    EventId id;
    for (int i = 0; i < 8; ++i) {
        const char c = text[i];
        const int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (digit < 0)
            return std::nullopt;
        id.epoch = (id.epoch << 4) | static_cast<quint32>(digit);
    }
    const QByteArrayView seq = text.sliced(9);
    for (const char c : seq) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const auto digit = static_cast<quint64>(c - '0');
        if (id.seq > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        id.seq = id.seq * 10 + digit;
    }
    return id;
}

QByteArray EventId::toByteArray() const
{
    return QByteArray::number(epoch, 16).rightJustified(8, '0') + '-' + QByteArray::number(seq);
}

} // namespace Notify::Protocol
