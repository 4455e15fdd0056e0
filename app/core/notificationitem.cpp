// SPDX-License-Identifier: MIT
#include "notificationitem.h"

namespace Notify::Tray {

NotificationItem NotificationItem::fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId,
                                                bool read)
{
    return { n.notificationId, n.title, n.body, n.category, n.link, n.level, n.createdAt, eventId, read };
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
