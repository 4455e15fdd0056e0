// SPDX-License-Identifier: MIT
#pragma once

#include "common/protocol.h"

#include <QColor>
#include <QIcon>

namespace Notify::Tray {

/// The icons and colours the app uses for levels, order states and presence.
/// Drawn from the SVGs in resources/ (rendered sharp at any scale).
namespace LevelIcons {

QIcon icon(Notify::Protocol::Level level);
QColor color(Notify::Protocol::Level level);
QColor color(Notify::Protocol::OrderState state);
QColor color(Notify::Protocol::PresenceStatus status);
/// A round dot in @p color, for presence.
QIcon dot(const QColor &color);

} // namespace LevelIcons

} // namespace Notify::Tray
