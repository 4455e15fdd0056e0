// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"
#include "common/sseclient.h"

#include <QDateTime>
#include <QString>

namespace Notify::Tray {

/// The words the app shows for times and states, in one place so that the
/// window, the tray, the alerts and the log say the same thing (and one
/// translation covers them).
namespace DisplayText {

/// "just now", "2 min ago", "3 h ago", "yesterday", or the date.
[[nodiscard]] QString relativeTime(const QDateTime &time, const QDateTime &now);
/// When something happened, as people read it: relative within the last
/// hour ("just now", "12 min ago"), the time of day today ("14:03"),
/// "Yesterday 14:03", then the date and time, in the user's locale.
[[nodiscard]] QString eventTime(const QDateTime &time, const QDateTime &now);
/// "Information", "Success", "Warning", "Error".
[[nodiscard]] QString levelName(Notify::Protocol::Level level);
/// "Online", "Away", "Busy", "Offline".
[[nodiscard]] QString presenceName(Notify::Protocol::PresenceStatus status);
/// "Pending", "Shipped", …; a status outside the contract's list as it is.
[[nodiscard]] QString orderStatusName(const Notify::Protocol::OrderStatus &order);
/// "connected", "reconnecting", "sign-in needed", …
[[nodiscard]] QString connectionState(Notify::SseClient::State state);

} // namespace DisplayText

} // namespace Notify::Tray
