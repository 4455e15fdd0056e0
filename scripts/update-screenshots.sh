#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Refreshes the window screenshots in docs/screenshots/ (every tab, the
# welcome page, the claims and the error banner, light and dark) from a real
# desktop: the desktop check under Xvfb + openbox + trayer + dunst; and the
# alert with its Claim button (scripts/alert-screenshot.sh).
#   scripts/update-screenshots.sh [build-dir]   (default build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
cmake --build "$build" --target notify-tray tray_screenshots
scripts/desktop-check.sh "$build/app/notify-tray" "$build/desktop" "$build/tests/app/tray_screenshots"
cp "$build"/desktop/screens/tray-*-light.png "$build"/desktop/screens/tray-*-dark.png docs/screenshots/
# German: two are enough to show it (the desktop check makes all of them).
cp "$build"/desktop/screens/tray-notifications-light-de.png "$build"/desktop/screens/tray-welcome-light-de.png \
    "$build"/desktop/screens/tray-claims-light-de.png docs/screenshots/
cp "$build/desktop/desktop.png" docs/screenshots/desktop.png
# The alert with its Claim button: needs a daemon that draws actions (notification-daemon).
if [ -x /usr/lib/notification-daemon/notification-daemon ]; then
    cmake --build "$build" --target notify-server notify-cli
    scripts/alert-screenshot.sh "$build" docs/screenshots/alert-claim.png
else
    echo "update-screenshots: notification-daemon is not installed: docs/screenshots/alert-claim.png left as it is"
fi
ls -l docs/screenshots/
