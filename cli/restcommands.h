// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Cli {

/// notify-cli publish <SERVER-URL> --token T --event TYPE [--user NAME] --data JSON
/// notify-cli publish <SERVER-URL> --token T --batch FILE|-
int publish(const QStringList &arguments);
/// notify-cli send <SERVER-URL> --token T --to NAME --body TEXT
int send(const QStringList &arguments);
/// notify-cli read <SERVER-URL> --token T (--all | NOTIFICATION-ID...)
int read(const QStringList &arguments);
/// notify-cli unread <SERVER-URL> --token T NOTIFICATION-ID...
int unread(const QStringList &arguments);

/// notify-cli claim <SERVER-URL> --token T NOTIFICATION-ID (prints the claim; 409: who holds it, exit 5)
int claim(const QStringList &arguments);
/// notify-cli unclaim <SERVER-URL> --token T NOTIFICATION-ID
int unclaim(const QStringList &arguments);

} // namespace Cli
