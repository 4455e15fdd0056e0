#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Reading as staff do it, on a real desktop: Xvfb + openbox + trayer + dunst
# on a private D-Bus session, a real notify-server with 21 unread
# notifications for alice, the real notify-tray, used with xdotool.
#
# The unread-only cascade (issue 17): a row clicked and read, Ctrl+U, the
# Orders tab and back, then 20 s of nobody touching anything. The server
# must then have exactly one notification read (the app used to read one
# every 1.5 s by itself). Then Down: exactly one more. Then Ctrl+Q with the
# window open: the app quits. Screenshots in OUT.
#   scripts/reading-check.sh [path/to/notify-tray] [path/to/notify-server] [output-dir]
set -euo pipefail
tray=$(readlink -f "${1:-build/dev/app/notify-tray}")
server=$(readlink -f "${2:-build/dev/server/notify-server}")
out=${3:-build/reading-check}
mkdir -p "$out"
out=$(readlink -f "$out")

if [ -z "${NOTIFY_READING_INNER:-}" ]; then
    export NOTIFY_READING_INNER=1
    exec dbus-run-session -- "$0" "$tray" "$server" "$out"
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# A home, a temp dir (the single-instance socket) and a history of its own:
# nothing here meets the user's own notify-tray, or another check's.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" TMPDIR="$work"
mkdir -p "$HOME"

fail() { echo "reading-check: $*"; import -window root "$out/failed.png" 2>/dev/null || true; exit 1; }

exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 10 display <&3 || fail "Xvfb did not start"
export DISPLAY=":$display"
openbox >"$out/openbox.log" 2>&1 &
pids+=($!)
trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false \
    --tint 0x303030 >"$out/trayer.log" 2>&1 &
pids+=($!)
dunst >"$out/dunst.log" 2>&1 &
pids+=($!)

cat >"$work/users.json" <<'EOF'
{"users":[{"name":"alice","display_name":"Alice","token":"alice-reading-token"},
          {"name":"admin","display_name":"Admin","token":"admin-reading-token","admin":true}]}
EOF
"$server" --users "$work/users.json" --in-memory --port 0 >"$out/server.log" 2>&1 &
pids+=($!)
port=
for _ in $(seq 100); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out/server.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || fail "notify-server did not start: $(cat "$out/server.log")"
base="http://127.0.0.1:$port"
for i in $(seq 1 21); do
    curl -sf -o /dev/null -X POST "$base/api/v1/events/" -H 'Authorization: Bearer admin-reading-token' \
        -H 'Content-Type: application/json' \
        -d "{\"event\":\"notification\",\"user\":\"alice\",\"data\":{\"notification_id\":\"n$i\",\"title\":\"Stock notice $i\",\"category\":\"stock\"}}" \
        || fail "publishing failed"
done
unread() {
    curl -sf "$base/api/v1/notifications/?limit=1" -H 'Authorization: Bearer alice-reading-token' |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["unread_count"])'
}
[ "$(unread)" = 21 ] || fail "the server has $(unread) unread, not 21"

QT_LOGGING_RULES="notify.*.info=true" QT_QPA_PLATFORM=xcb "$tray" --server "$base" --token alice-reading-token \
    --user alice --history "$work/history.sqlite" >"$out/notify-tray.log" 2>&1 &
app=$!
pids+=($app)
window=
for _ in $(seq 100); do
    window=$(xdotool search --onlyvisible --name '^Notify$' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && grep -q 'connection connected' "$out/notify-tray.log" && break
    sleep 0.1
done
[ -n "$window" ] || fail "no window: $(tail -5 "$out/notify-tray.log")"
# The 21 listed (the newest on top), then the user's moves.
for _ in $(seq 100); do grep -q '21 notifications in the list\|connection connected' "$out/notify-tray.log" && break; sleep 0.1; done
sleep 1
xdotool windowactivate --sync "$window"
eval "$(xdotool getwindowgeometry --shell "$window")"
# The first row: below the menu bar, the tabs, the filter bar and the header.
xdotool mousemove --window "$window" 120 132 click 1
for _ in $(seq 50); do [ "$(unread)" = 20 ] && break; sleep 0.2; done
[ "$(unread)" = 20 ] || fail "clicking a row and looking at it did not read it (server: $(unread) unread)"
xdotool key ctrl+u
sleep 0.3
xdotool key ctrl+2
sleep 0.5
xdotool key ctrl+1
import -window root "$out/unread-only.png"
sleep 20 # nobody touches anything
after=$(unread)
import -window root "$out/unread-only-20s.png"
[ "$after" = 20 ] || fail "the app read $((20 - after)) more by itself in 20 s (server: $after unread)"
xdotool key Down
for _ in $(seq 50); do [ "$(unread)" = 19 ] && break; sleep 0.2; done
sleep 3
moved=$(unread)
[ "$moved" = 19 ] || fail "Down and a moment read $((20 - moved)) notifications, not 1"

# Quit with the window open quits.
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && fail "Ctrl+Q with the window open did not quit"
echo "reading-check: 21 unread; one read by the user; after Ctrl+U, the Orders tab and 20 s: $after unread (nothing" \
    "read by itself); Down: $moved; Ctrl+Q quit the app; screenshots in $out"
