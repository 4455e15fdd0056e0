// SPDX-License-Identifier: MIT
#include "notificationitem.h"

namespace Notify::Tray {

NotificationItem NotificationItem::fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId,
                                                bool read)
{
    NotificationItem item;
    item.id = n.notificationId;
    item.title = n.title;
    item.body = n.body;
    item.category = n.category;
    item.link = n.link;
    item.level = n.level;
    item.createdAt = n.createdAt;
    item.eventId = eventId;
    item.read = read;
    const QJsonValue claimedBy = n.extra.value(u"claimed_by");
    item.claimStated = !claimedBy.isUndefined();
    item.claimedBy = claimedBy.toString();
    if (!item.claimedBy.isEmpty())
        item.claimedAt
            = Notify::Protocol::parseUtcTimestamp(n.extra.value(u"claimed_at").toString()).value_or(QDateTime());
    item.escalated = n.extra.value(u"escalated").toBool();
    return item;
}

QString NotificationItem::firstLine() const
{
    for (const QStringView line : QStringView(body).split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && trimmed != title)
            return trimmed.toString();
    }
    return {};
}

} // namespace Notify::Tray
