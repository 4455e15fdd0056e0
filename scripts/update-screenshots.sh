#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Refreshes the window screenshots in docs/screenshots/ (every tab, the
# welcome page and the error banner, light and dark) from a real desktop:
# the desktop check under Xvfb + openbox + trayer + dunst.
#   scripts/update-screenshots.sh [build-dir]   (default build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
cmake --build "$build" --target notify-tray tray_screenshots
scripts/desktop-check.sh "$build/app/notify-tray" "$build/desktop" "$build/tests/app/tray_screenshots"
cp "$build"/desktop/screens/tray-*-light.png "$build"/desktop/screens/tray-*-dark.png docs/screenshots/
# German: two are enough to show it (the desktop check makes all of them).
cp "$build"/desktop/screens/tray-notifications-light-de.png "$build"/desktop/screens/tray-welcome-light-de.png \
    docs/screenshots/
cp "$build/desktop/desktop.png" docs/screenshots/desktop.png
ls -l docs/screenshots/
