// SPDX-License-Identifier: MIT
#pragma once

#include "sseclient.h"

#include <QDateTime>
#include <QString>

/// The words the app shows for times and states, in one place so that the
/// window, the tray, the alerts and the log say the same thing (and one
/// translation covers them).
namespace DisplayText {

/// "just now", "2 min ago", "3 h ago", "yesterday", or the date.
[[nodiscard]] QString relativeTime(const QDateTime &time, const QDateTime &now);
/// "connected", "reconnecting", "sign-in needed", …
[[nodiscard]] QString connectionState(Notify::SseClient::State state);

} // namespace DisplayText
