// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QDateTime>
#include <QString>

namespace Notify::Tray {

/// One notification as the window shows it.
struct NotificationItem
{
    QString id;
    QString title;
    QString body;
    QString category;
    QString link;
    Notify::Protocol::Level level = Notify::Protocol::Level::Info;
    QDateTime createdAt;
    QByteArray eventId;
    bool read = false;

    static NotificationItem fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId, bool read);
    /// The body's first non-empty line, for the row under the title.
    [[nodiscard]] QString firstLine() const;
};

} // namespace Notify::Tray
