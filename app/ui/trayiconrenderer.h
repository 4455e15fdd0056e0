// SPDX-License-Identifier: MIT
#pragma once

#include "common/sseclient.h"

#include <QIcon>

namespace Notify::Tray {

/// The tray icon: the app's bell, coloured by the connection state, with the
/// unread count as a badge. Drawn at several sizes so it stays sharp at 100 %
/// and 200 % scaling.
namespace TrayIconRenderer {

/// @p paused: do not disturb is on (a small crescent on the bell).
QIcon render(Notify::SseClient::State state, int unread, bool paused = false);
/// A pixmap of @p size for tests and screenshots.
QPixmap pixmap(Notify::SseClient::State state, int unread, int size, bool paused = false);

} // namespace TrayIconRenderer

} // namespace Notify::Tray
