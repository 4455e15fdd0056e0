// SPDX-License-Identifier: MIT
#include "eventstore.h"

#include <QJsonDocument>

namespace Notify::Server {

QByteArray EventStore::eventId(quint64 seq) const
{
    return Protocol::EventId{ epoch(), seq }.toByteArray();
}

ResumePoint EventStore::resumePoint(QByteArrayView lastEventId) const
{
    const auto id = Protocol::EventId::parse(lastEventId);
    if (!id)
        return { std::nullopt, Protocol::ResetReason::InvalidId };
    if (id->epoch != epoch())
        return { std::nullopt, Protocol::ResetReason::UnknownEpoch };
    if (id->seq > headSeq())
        return { std::nullopt, Protocol::ResetReason::InvalidId };
    // Events after the id must all still be retained.
    if (id->seq + 1 < oldestSeq())
        return { std::nullopt, Protocol::ResetReason::Expired };
    return { id->seq, {} };
}

QByteArray EventStore::claimedData(const QString &notificationId, const Claim &claim)
{
    const QJsonValue by = claim.isNull() ? QJsonValue() : QJsonValue(claim.by);
    const QJsonValue at = claim.isNull() ? QJsonValue() : QJsonValue(claim.at);
    return QJsonDocument(QJsonObject{ { QStringLiteral("notification_id"), notificationId },
                                      { QStringLiteral("claimed_by"), by },
                                      { QStringLiteral("claimed_at"), at } })
        .toJson(QJsonDocument::Compact);
}

QByteArray EventStore::escalatedData(const QString &notificationId)
{
    return QJsonDocument(QJsonObject{ { QStringLiteral("notification_id"), notificationId } })
        .toJson(QJsonDocument::Compact);
}

} // namespace Notify::Server
