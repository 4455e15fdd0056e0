#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a command with a Redis of its own: redis-server (Debian) on a Unix
# socket and a loopback port both chosen at run time, AOF on, its data in a
# scratch directory; NOTIFY_TEST_REDIS (the unix: URL), NOTIFY_TEST_REDIS_PORT
# and NOTIFY_TEST_REDIS_DIR tell the command where. Redis is stopped and its
# directory removed afterwards, whatever the command did.
#   tests/cluster/with-redis.sh COMMAND [ARGS...]
set -euo pipefail
command -v redis-server >/dev/null || { echo "with-redis: redis-server is not installed (Debian: redis-server)"; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/notify-redis.XXXXXX")
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$port" --unixsocket "$dir/redis.sock" --dir "$dir" \
    --appendonly yes --appendfsync always --save '' --daemonize no --logfile "$dir/redis.log" &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 100); do [ -S "$dir/redis.sock" ] && break; sleep 0.05; done
[ -S "$dir/redis.sock" ] || { echo "with-redis: redis-server did not start"; cat "$dir/redis.log"; exit 1; }
export NOTIFY_TEST_REDIS="unix:$dir/redis.sock" NOTIFY_TEST_REDIS_PORT="$port" NOTIFY_TEST_REDIS_DIR="$dir"
"$@"
