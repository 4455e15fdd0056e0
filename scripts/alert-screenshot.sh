#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The picture of a real alert with its Claim button, for docs/screenshots/:
# dunst (the desktop check's daemon) shows actions only in a menu, so this
# one uses GNOME's notification-daemon (Debian: notification-daemon), which
# draws them as buttons. A private D-Bus session and Xvfb; notify-server
# --demo; notify-tray signed in as alice; an error published to the support
# group with notify-cli; the screen's corner with the popup saved.
#   scripts/alert-screenshot.sh [build-dir] [output.png]   (default build/dev, docs/screenshots/alert-claim.png)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(readlink -f "${1:-build/dev}")
png=$(readlink -m "${2:-docs/screenshots/alert-claim.png}")
daemon=/usr/lib/notification-daemon/notification-daemon
[ -x "$daemon" ] || { echo "alert-screenshot: needs notification-daemon (apt install notification-daemon)"; exit 1; }

if [ -z "${NOTIFY_ALERT_INNER:-}" ]; then
    export NOTIFY_ALERT_INNER=1
    exec dbus-run-session -- "$0" "$build" "$png"
fi

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 10 display <&3 || { echo "alert-screenshot: Xvfb did not start"; exit 1; }
export DISPLAY=":$display"
# A desktop-like background, so the popup stands out as it does on a desktop.
xsetroot -solid '#3a4a5a' 2>/dev/null || true
"$daemon" >"$work/daemon.log" 2>&1 &
pids+=($!)

"$build/server/notify-server" --demo --port 0 --in-memory >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q '^  alice  token' "$work/server.log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" | head -1)
alice=$(sed -n 's/^  alice  token \(.*\)$/\1/p' "$work/server.log")
admin=$(sed -n 's/^  admin (admin)  token \(.*\)$/\1/p' "$work/server.log")

QT_QPA_PLATFORM=xcb LANGUAGE=${LANGUAGE:-en} "$build/app/notify-tray" --server "$base" --token "$alice" \
    --user alice --minimized --history "$work/history.sqlite" >"$work/tray.log" 2>&1 &
pids+=($!)
# Connected and knowing that the server takes claims: its claim probe is in the server's access log.
for _ in $(seq 100); do grep -q 'GET /api/v1/notifications/<id>/claim/ 405' "$work/server.log" && break; sleep 0.1; done
grep -q 'GET /api/v1/notifications/<id>/claim/ 405' "$work/server.log" \
    || { echo "alert-screenshot: the tray did not connect"; cat "$work/tray.log"; exit 1; }

"$build/cli/notify-cli" publish "$base" --token "$admin" --event notification --user @support \
    --data '{"notification_id":"shot-1","title":"Card payment failed for order A-4714","body":"The bank declined the card. Someone should call the customer.","level":"error","category":"payments"}' >/dev/null
sleep 2 # the popup's fade-in
import -window root "$work/screen.png"
[ -z "${NOTIFY_ALERT_FULL:-}" ] || cp "$work/screen.png" "$NOTIFY_ALERT_FULL"
# notification-daemon puts its popups at the top right.
convert "$work/screen.png" -crop 404x176+874+0 +repage "$png"
echo "alert-screenshot: $png"
