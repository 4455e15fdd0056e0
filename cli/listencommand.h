// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Cli {

/// notify-cli listen: a stream's events as JSON lines (docs/PROTOCOL.md),
/// raw, or interpreted with --interpret.
int listen(const QStringList &arguments);

} // namespace Cli
