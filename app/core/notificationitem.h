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
    /// Who handles it (`claimed_by`; empty: nobody), and since when.
    QString claimedBy;
    QDateTime claimedAt;
    /// Whether the source said who handles it (a list item, the history):
    /// a notification event does not, and leaves a known claim as it is.
    bool claimStated = false;
    /// Nobody claimed it in time: announced again (`notification_escalated`).
    bool escalated = false;

    /// @p n's `claimed_by`, `claimed_at` (a list's) and `escalated` (the history's) come along.
    static NotificationItem fromProtocol(const Notify::Protocol::Notification &n, const QByteArray &eventId, bool read);
    /// The body's first non-empty line, for the row under the title.
    [[nodiscard]] QString firstLine() const;
};

} // namespace Notify::Tray

// Every member is a Qt value (or plain data) that may be moved by memcpy: a list of
// them makes room by memmove, not by moving each item (rows at the top of 10,000).
Q_DECLARE_TYPEINFO(Notify::Tray::NotificationItem, Q_RELOCATABLE_TYPE);
