// SPDX-License-Identifier: MIT
#pragma once

#include "sseclient.h"

#include <QIcon>

/// The tray icon: the app's bell, coloured by the connection state, with the
/// unread count as a badge. Drawn at several sizes so it stays sharp at 100 %
/// and 200 % scaling.
namespace TrayIconRenderer {

QIcon render(Notify::SseClient::State state, int unread);
/// A pixmap of @p size for tests and screenshots.
QPixmap pixmap(Notify::SseClient::State state, int unread, int size);

} // namespace TrayIconRenderer
