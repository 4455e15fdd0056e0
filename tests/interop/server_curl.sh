#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Our server, curl -N: the stream is plain text a person can read, and a
# request with Last-Event-ID replays what came after it.
#   server_curl.sh <notify-server>
set -euo pipefail
server=$1
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
printf '%s' '{"users":[{"name":"alice","token":"alice-token-0001"},{"name":"admin","token":"admin-token-0003","admin":true}]}' >"$dir/users.json"
QT_LOGGING_RULES='notify.*.info=false' "$server" --users "$dir/users.json" --in-memory --port 0 --threads 1 >"$dir/out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$dir/out" && break; sleep 0.1; done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$dir/out" | grep -o '[0-9]*$')
url="http://127.0.0.1:$port"
publish() {
    curl -sS -X POST -H 'Authorization: Bearer admin-token-0003' -H 'Content-Type: application/json' \
        -d "{\"event\":\"notification\",\"user\":\"alice\",\"data\":{\"notification_id\":\"c$1\",\"title\":\"curl $1\"}}" \
        "$url/api/v1/events/" | sed 's/.*"id":"\([^"]*\)".*/\1/'
}
first=$(publish 1)
second=$(publish 2)
third=$(publish 3)

# A plain read of the live stream: headers, the preamble, then a live event.
( sleep 0.5; publish live >/dev/null ) &
curl -sS -N -i --max-time 2 "$url/api/v1/notifications/sse/stream/?token=alice-token-0001" >"$dir/live" 2>/dev/null || true
grep -q '^HTTP/1.1 200' "$dir/live" || { echo "FAIL: no 200"; cat "$dir/live"; exit 1; }
grep -qi '^content-type: text/event-stream' "$dir/live" || { echo "FAIL: content type"; exit 1; }
grep -q '^retry: 3000' "$dir/live" || { echo "FAIL: no retry line"; exit 1; }
grep -q '^: connected' "$dir/live" || { echo "FAIL: no connected comment"; exit 1; }
grep -q '"title":"curl live"' "$dir/live" || { echo "FAIL: the live event did not arrive"; cat "$dir/live"; exit 1; }

# Last-Event-ID replays what came after it, in order.
curl -sS -N --max-time 1 -H "Last-Event-ID: $first" -H 'Authorization: Bearer alice-token-0001' \
    "$url/api/v1/notifications/sse/stream/" >"$dir/replay" 2>/dev/null || true
ids=$(grep '^id: ' "$dir/replay" | head -2 | cut -c5- | tr '\n' ' ')
[ "$ids" = "$second $third " ] || { echo "FAIL: replay gave '$ids', want '$second $third '"; cat "$dir/replay"; exit 1; }
echo "curl $(curl --version | head -1 | cut -d' ' -f2): the live stream reads as text; Last-Event-ID $first replayed $second and $third"
