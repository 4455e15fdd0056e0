#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Two notify-server instances on one Redis behind nginx (Debian's) with
# round-robin, configured as docs/DEPLOYMENT.md says (proxy_buffering off,
# timeouts above the heartbeat). notify-cli listens through nginx while both
# instances are restarted one after the other and events are published
# through nginx: it must get every event once, in order, resuming by
# Last-Event-ID on whichever instance nginx picks.
# With node, the same for Chromium's EventSource (playwright-core) on a page
# nginx serves. Run under tests/cluster/with-redis.sh (NOTIFY_TEST_REDIS).
#   nginx-cluster.sh <notify-server> <notify-cli> [<node>]
set -euo pipefail
server=$1
cli=$2
node=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
: "${NOTIFY_TEST_REDIS:?run me under tests/cluster/with-redis.sh}"
dir=$(mktemp -d)
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
front=$(free_port)
ports=("$(free_port)" "$(free_port)")
cat >"$dir/users.json" <<'JSON'
{"users":[{"name":"alice","token":"alice-token-1"},{"name":"ops","token":"ops-token-333","admin":true}]}
JSON
mkdir -p "$dir/logs"
cat >"$dir/page.html" <<'HTML'
<!doctype html><meta charset="utf-8"><title>notify behind nginx</title><script>
  window.received = []; window.opens = 0; window.closed = false;
  const source = new EventSource('/api/v1/notifications/sse/stream/?token=alice-token-1');
  source.onopen = () => window.opens++;
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) window.closed = true; };
  source.addEventListener('notification', (e) => window.received.push(JSON.parse(e.data).notification_id));
</script>
HTML
chmod 755 "$dir" && chmod 644 "$dir/page.html" # nginx's workers run as another user when we are root
cat >"$dir/nginx.conf" <<CONF
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    upstream notify {
        server 127.0.0.1:${ports[0]} max_fails=0;
        server 127.0.0.1:${ports[1]} max_fails=0;
    }
    server {
        listen 127.0.0.1:$front;
        location = /page.html { root $dir; }
        location / {
            proxy_pass http://notify;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_cache off;
            proxy_read_timeout 75s;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
pids=()
declare -A instance
start_instance() { # index
    "$server" --port "${ports[$1]}" --users "$dir/users.json" --redis "$NOTIFY_TEST_REDIS" --heartbeat 2 \
        --retry-ms 200 >"$dir/server$1.out" 2>>"$dir/server$1.err" &
    instance[$1]=$!
    for _ in $(seq 100); do grep -q "listening on" "$dir/server$1.out" 2>/dev/null && return 0; sleep 0.05; done
    echo "FAIL: instance $1 did not start"; cat "$dir/server$1.err"; exit 1
}
cleanup() {
    kill "${instance[0]:-}" "${instance[1]:-}" "${listen_pid:-}" "${browser_pid:-}" "${nginx_pid:-}" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
start_instance 0
start_instance 1
nginx -p "$dir" -c "$dir/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$front/healthz" && break; sleep 0.1; done

total=30
"$cli" listen "http://127.0.0.1:$front/api/v1/notifications/sse/stream/" --token alice-token-1 \
    --max-events $((total + 1)) >"$dir/out" 2>"$dir/err" & # + alice's own presence
listen_pid=$!
for _ in $(seq 50); do grep -q '"type":"open"' "$dir/out" && break; sleep 0.1; done
browser_pid=
if [ -n "$node" ]; then
    "$node" "$here/../interop/cluster_browser.mjs" "http://127.0.0.1:$front/page.html" "$total" \
        >"$dir/browser.out" 2>&1 &
    browser_pid=$!
    for _ in $(seq 300); do grep -q '^open' "$dir/browser.out" && break; sleep 0.1; done
    grep -q '^open' "$dir/browser.out" || { echo "FAIL: the browser did not open the stream"; cat "$dir/browser.out"; exit 1; }
fi
publish() {
    local body="{\"event\":\"notification\",\"user\":\"alice\",\"data\":{\"notification_id\":\"c$1\",\"title\":\"c$1\",\"created_at\":\"2026-11-30T08:00:00Z\"}}"
    for _ in $(seq 50); do # nginx may pick the instance that is restarting: 502/503, try again
        [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer ops-token-333' \
            -d "$body" "http://127.0.0.1:$front/api/v1/events/")" = 201 ] && return 0
        sleep 0.1
    done
    echo "FAIL: could not publish c$1"; exit 1
}
for n in $(seq 1 10); do publish "$n"; done
# A rolling restart: each instance stops (its streams drop) and comes back.
for i in 0 1; do
    kill -TERM "${instance[$i]}"; wait "${instance[$i]}" 2>/dev/null || true
    for n in $(seq $((11 + i * 10)) $((15 + i * 10))); do publish "$n"; done
    start_instance "$i"
    for n in $(seq $((16 + i * 10)) $((20 + i * 10))); do publish "$n"; done
done
for _ in $(seq 200); do kill -0 "$listen_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$listen_pid" 2>/dev/null; then
    echo "FAIL: notify-cli did not receive $total events within 20 s"; cat "$dir/out" "$dir/err"; exit 1
fi
wait "$listen_pid" || { echo "FAIL: notify-cli exited non-zero"; cat "$dir/out" "$dir/err"; exit 1; }
got=$(grep '"event":"notification"' "$dir/out" | sed 's/.*notification_id\\":\\"\(c[0-9]*\)\\".*/\1/' | tr '\n' ',')
want=$(seq -f 'c%g' 1 $total | tr '\n' ',')
[ "$got" = "$want" ] || { echo "FAIL: got $got"; echo "want $want"; cat "$dir/out"; exit 1; }
opens=$(grep -c '"type":"open"' "$dir/out")
resets=$(grep -c '"event":"reset"' "$dir/out" || true)
[ "$resets" -eq 0 ] || { echo "FAIL: the client was told to resync"; exit 1; }
browser=
if [ -n "$browser_pid" ]; then
    wait "$browser_pid" || { echo "FAIL: the browser"; cat "$dir/browser.out"; exit 1; }
    state=$(tail -1 "$dir/browser.out")
    /usr/bin/python3 - "$state" "$total" <<'PY' || { cat "$dir/browser.out"; exit 1; }
import json, sys
state, total = json.loads(sys.argv[1]), int(sys.argv[2])
want = [f"c{n}" for n in range(1, total + 1)]
if state["ids"] != want:
    sys.exit(f"FAIL: the browser got {state['ids']}")
PY
    browser_opens=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["opens"])' "$state")
    browser="; Chromium: $total of $total once and in order across $browser_opens connections"
fi
echo "nginx round-robin over 2 instances on Redis: notify-cli $total of $total events once and in order across $opens connections (a rolling restart of both instances)$browser"
