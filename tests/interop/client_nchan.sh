#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Our client, a real server: nginx with the nchan module (Debian's nginx and
# libnginx-mod-nchan) serving an EventSource channel with a message buffer.
# notify-cli listen must get every message in order, also across nginx
# reloads and nchan closing the subscriber (then it resumes by Last-Event-ID).
#   client_nchan.sh <notify-cli>
set -euo pipefail
cli=$1
dir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
mkdir -p "$dir/logs"
cat >"$dir/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_nchan_module.so;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    server {
        listen 127.0.0.1:$port;
        location = /sub {
            nchan_subscriber eventsource;
            nchan_channel_id interop;
            # Subscribers are closed every 2 s, so the client must resume.
            nchan_subscriber_timeout 2s;
        }
        location = /pub {
            nchan_publisher;
            nchan_channel_id interop;
            nchan_message_buffer_length 100;
            nchan_message_timeout 10m;
        }
    }
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf" &
nginx_pid=$!
trap 'kill "$listen_pid" 2>/dev/null || true; kill "$nginx_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
listen_pid=
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/pub" && break; sleep 0.1; done
version=$(nginx -v 2>&1 | cut -d/ -f2)

"$cli" listen "http://127.0.0.1:$port/sub" --max-events 12 >"$dir/out" 2>"$dir/err" &
listen_pid=$!
for _ in $(seq 50); do grep -q '"type":"open"' "$dir/out" && break; sleep 0.1; done
publish() { curl -sS -o /dev/null -X POST -d "message $1" "http://127.0.0.1:$port/pub"; }
count() { grep -c "$1" "$dir/out" || true; }
waitfor() { # pattern, count
    for _ in $(seq 100); do [ "$(count "$1")" -ge "$2" ] && return 0; sleep 0.1; done
    echo "FAIL: waited for $2 x $1"; cat "$dir/out"; exit 1
}
for n in 1 2 3 4; do publish $n; done
waitfor '"type":"event"' 4
# nchan closes the subscriber after 2 s; the client waits its retry time (3 s)
# before it comes back. What is published in between must come by Last-Event-ID.
waitfor '"type":"error"' 1
for n in 5 6 7 8; do publish $n; done
waitfor '"type":"event"' 8
# A reload: nginx replaces its workers, the client reconnects by itself.
nginx -p "$dir" -c "$dir/nginx.conf" -s reload 2>/dev/null
sleep 0.5
for n in 9 10 11 12; do publish $n; done
for _ in $(seq 150); do kill -0 "$listen_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$listen_pid" 2>/dev/null; then
    echo "FAIL: notify-cli did not receive 12 messages within 15 s"; cat "$dir/out" "$dir/err" "$dir/logs/error.log"; exit 1
fi
wait "$listen_pid" || { echo "FAIL: notify-cli exited non-zero"; cat "$dir/out" "$dir/err"; exit 1; }
got=$(grep '"type":"event"' "$dir/out" | sed 's/.*"data":"\([^"]*\)".*/\1/' | tr '\n' ',')
want="message 1,message 2,message 3,message 4,message 5,message 6,message 7,message 8,message 9,message 10,message 11,message 12,"
[ "$got" = "$want" ] || { echo "FAIL: got $got"; cat "$dir/out"; exit 1; }
opens=$(grep -c '"type":"open"' "$dir/out")
[ "$opens" -ge 2 ] || { echo "FAIL: the stream never had to resume"; exit 1; }
echo "nginx $version with nchan: 12 of 12 messages in order across $opens connections (subscriber timeouts and a reload)"
