#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds a release and runs the demo: the tray app
# with a demo server inside it (demo users, live notifications, order
# updates, messages and presence), connected as Alice. Without a desktop
# (no DISPLAY or WAYLAND_DISPLAY) it runs notify-server --demo and shows
# Alice's live stream in the terminal instead. Ctrl-C (or DEMO_SECONDS) ends it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== notify-tray --demo (the window opens; the bell is in your tray)"
    exec timeout "${DEMO_SECONDS:-infinity}" build/release/app/notify-tray --demo
fi

log=$(mktemp)
build/release/server/notify-server --demo --in-memory --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
    grep -q 'listening on' "$log" && grep -q '^  alice ' "$log" && break
    sleep 0.1
done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$')
alice=$(awk '/^  alice /{print $3}' "$log")
[ -n "$port" ] && [ -n "$alice" ] || { cat "$log"; echo "notify-server did not start" >&2; exit 1; }
grep -v '^notify\.' "$log"
echo
echo "== No desktop here: Alice's live stream through notify-cli (Ctrl-C to stop)"
timeout "${DEMO_SECONDS:-infinity}" build/release/cli/notify-cli listen --pretty \
    "http://127.0.0.1:$port/api/v1/notifications/sse/stream/" --token "$alice" || true
