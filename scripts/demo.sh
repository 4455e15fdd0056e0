#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds a release and runs the demo: notify-server
# with demo users and live demo traffic, and Alice's event stream shown live
# in the terminal (curl -N), until Ctrl-C (or DEMO_SECONDS have passed).
# The tray app joins the demo when it lands (see docs/ARCHITECTURE.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

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
echo "== Alice's live stream (Ctrl-C to stop)"
timeout "${DEMO_SECONDS:-infinity}" curl -sS -N "http://127.0.0.1:$port/api/v1/notifications/sse/stream/?token=$alice" || true
