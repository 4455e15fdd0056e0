#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A real desktop check of notify-tray: a virtual X display (Xvfb), a window
# manager (openbox), a system tray (trayer) and a notification daemon
# (dunst), all on a private D-Bus session. Starts `notify-tray --demo`,
# checks that its icon is embedded in the tray and that dunst received its
# alerts through org.freedesktop.Notifications, and saves screenshots; with
# the screenshot tool, also every tab, the welcome page and the error banner
# in a light and a dark palette (in OUT/screens).
#   scripts/desktop-check.sh [path/to/notify-tray] [output-dir] [path/to/tray_screenshots]
set -euo pipefail
tray=${1:-build/dev/app/notify-tray}
out=${2:-build/desktop}
shots=${3:-}
mkdir -p "$out"
tray=$(readlink -f "$tray")
out=$(readlink -f "$out")
[ -z "$shots" ] || shots=$(readlink -f "$shots")

if [ -z "${NOTIFY_DESKTOP_INNER:-}" ]; then
    export NOTIFY_DESKTOP_INNER=1
    exec dbus-run-session -- "$0" "$tray" "$out" "$shots"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
# A step that fails says which (set -e alone ends the check without a word).
trap 'echo "desktop-check: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# Xvfb picks a free display and writes its number to fd 3.
exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 10 display <&3 || { echo "desktop-check: Xvfb did not start"; cat "$out/xvfb.log"; exit 1; }
export DISPLAY=":$display"
if command -v openbox >/dev/null; then
    openbox --config-file /dev/null >"$out/openbox.log" 2>&1 &
    pids+=($!)
fi
trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false \
    --tint 0x303030 >"$out/trayer.log" 2>&1 &
pids+=($!)
dunst >"$out/dunst.log" 2>&1 &
pids+=($!)
# Wait until this dunst owns the name (asking dunstctl earlier would make
# D-Bus start another dunst, one without a display).
owner() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q true
}
for _ in $(seq 100); do owner && break; sleep 0.1; done
owner || { echo "desktop-check: dunst did not take org.freedesktop.Notifications"; cat "$out/dunst.log"; exit 1; }

QT_LOGGING_RULES="notify.*.info=false" QT_QPA_PLATFORM=xcb "$tray" --demo >"$out/notify-tray.log" 2>&1 &
app=$!
pids+=($app)

embedded=no
for _ in $(seq 150); do
    if xwininfo -root -tree 2>/dev/null | grep -A12 '("panel" "trayer")' | grep -q '("notify-tray" "notify-tray")'; then
        embedded=yes
        break
    fi
    sleep 0.2
done
alerts=0
for _ in $(seq 150); do
    # A busy bus may not answer one poll (dunstctl fails): that is a count of none, not the end.
    alerts=$(dunstctl count 2>/dev/null | awk -F: '/displayed|History/ {n += $2} END {print n + 0}') || alerts=0
    [ "$alerts" -ge 2 ] && break
    sleep 0.2
done
import -window root "$out/desktop.png"
# A second launch hands over to the running app and exits at once.
second=0
QT_QPA_PLATFORM=xcb timeout 10 "$tray" --demo >"$out/second-launch.log" 2>&1 || second=$?
sleep "${DESKTOP_CHECK_SECONDS:-6}" # a little more traffic for a second picture
import -window root "$out/desktop-later.png"
dunstctl close-all
sleep 0.5
dunstctl history >"$out/dunst-history.json"

screens=0
german=0
if [ -n "$shots" ]; then
    kill "$app" 2>/dev/null || true
    # The window alone in the pictures: no popups over it.
    dunstctl set-paused true
    dunstctl close-all
    rm -rf "$out/screens"
    QT_LOGGING_RULES="notify.*.info=false" QT_QPA_PLATFORM=xcb "$shots" "$out/screens" >"$out/screens.log" 2>&1 \
        || { echo "desktop-check: the screenshot tool failed"; cat "$out/screens.log"; exit 1; }
    # And in German, as a German desktop starts it (the pictures are named -de only if it is).
    LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL='' QT_LOGGING_RULES="notify.*.info=false" QT_QPA_PLATFORM=xcb \
        "$shots" "$out/screens" >>"$out/screens.log" 2>&1 \
        || { echo "desktop-check: the screenshot tool failed in German"; cat "$out/screens.log"; exit 1; }
    screens=$(find "$out/screens" -name 'tray-*.png' -size +10k | wc -l)
    german=$(find "$out/screens" -name 'tray-*-de.png' -size +10k | wc -l)
fi

echo "desktop-check: tray icon embedded: $embedded; alerts received by dunst: $alerts;" \
    "second launch exit code: $second; window screenshots: $screens ($german in German); screenshots in $out"
[ "$embedded" = yes ] || { echo "desktop-check: the tray icon was not embedded in trayer"; exit 1; }
[ "$alerts" -ge 2 ] || { echo "desktop-check: dunst received $alerts alerts"; exit 1; }
[ "$second" -eq 0 ] || { echo "desktop-check: a second launch did not hand over to the first"; exit 1; }
# 5 tabs, the welcome page, the claims and the banner, light and dark, in English and German.
[ -z "$shots" ] || [ "$screens" -eq 36 ] || { echo "desktop-check: $screens of 36 window screenshots"; exit 1; }
[ -z "$shots" ] || [ "$german" -eq 18 ] || { echo "desktop-check: $german of 18 German screenshots"; exit 1; }
grep -q '"data" : "notify"' "$out/dunst-history.json" \
    || { echo "desktop-check: dunst's history has no alert from notify"; exit 1; }
