#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The publishing benchmarks: how fast a server answers publishers and serves
# what they publish, single events and batches, in memory, on SQLite and on
# Redis; the rate phase at 10,000 streams; and the same closed-loop and
# 8-publisher runs against a Go peer (bench/go-broadcaster). One run after the
# other (never in parallel: they share the machine), each about --seconds
# (10); all of it about 5 minutes.
#   bench/run-publish-bench.sh [--server PATH] [--label NAME] [--only memory|sqlite|redis|go|rate[,…]]
#                              [--seconds S] [output-file]
# --server defaults to build/release/server/notify-server (then built first).
# A run that fails (a server without the batch form answers 400) says so and the
# next one runs.
set -euo pipefail
cd "$(dirname "$0")/.."
server=build/release/server/notify-server
label=
only=
seconds=10
out=
while [ $# -gt 0 ]; do
    case $1 in
    --server) server=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -*) echo "usage: $0 [--server PATH] [--label NAME] [--only memory|sqlite|redis|go|rate] [--seconds S] [output-file]" >&2
        exit 2 ;;
    *) out=$1; shift ;;
    esac
done
for part in ${only//,/ }; do
    case $part in
    memory | sqlite | redis | go | rate) ;;
    *) echo "--only takes memory, sqlite, redis, go or rate (comma-separated), not $part" >&2; exit 2 ;;
    esac
done
want() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
label=${label:-$server}
out=${out:-build/release/publish-bench-$(echo "$label" | tr -c 'A-Za-z0-9._-' _).txt}

[ -f build/release/CMakeCache.txt ] || cmake --preset release >/dev/null
if [ "$server" = build/release/server/notify-server ]; then
    cmake --build --preset release --target loadgen notify-server >/dev/null
else
    cmake --build --preset release --target loadgen >/dev/null
fi
loadgen=build/release/bench/loadgen
goPeer=build/release/bench/go-broadcaster
if want go; then
    # Standard library only: builds offline.
    if ! command -v go >/dev/null \
        || ! (cd bench/go-broadcaster && GOFLAGS=-mod=mod GOTOOLCHAIN=local go build -o "../../$goPeer" .); then
        echo "no Go toolchain or the Go peer does not build: its runs are skipped" >&2
        goPeer=
    fi
fi

# A Redis of our own on a free port, without persistence, shut down at the end.
redisPort=
if want redis; then
    redisDir=$(mktemp -d /tmp/notify-publish-bench-redis-XXXXXX)
    for _ in $(seq 20); do
        port=$((20000 + RANDOM % 40000))
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue # taken
        fi
        redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$redisDir" \
            --pidfile "$redisDir/redis.pid" --logfile "$redisDir/redis.log" >/dev/null
        for _ in $(seq 50); do
            if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ]; then
                redisPort=$port
                break 2
            fi
            sleep 0.1
        done
    done
    if [ -z "$redisPort" ]; then
        echo "could not start redis-server on a free port" >&2
        cat "$redisDir/redis.log" >&2 || true
        exit 1
    fi
    trap 'redis-cli -p "$redisPort" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$redisDir"' EXIT
fi

# run TAG loadgen-arguments…
run() {
    local tag=$1
    shift
    echo "\$ loadgen $*   [$tag]"
    "$loadgen" "$@" || echo "(loadgen failed: exit $?)"
    echo
}
# The publishing shapes, 100 streams each: publishers, window, batch.
publishRuns() {
    local tag=$1 target=$2
    shift 2
    for shape in "1 1 1" "8 16 1" "1 1 100" "1 1 1000" "4 2 100" "4 2 1000"; do
        read -r publishers window batch <<<"$shape"
        run "$tag" --server "$target" --phase publish --streams 100 --seconds "$seconds" --publishers "$publishers" \
            --window "$window" --batch "$batch" "$@"
    done
}
{
    date -u; nproc; grep -m1 'model name' /proc/cpuinfo || true
    echo "label: $label; server: $server"
    echo
    if want memory; then publishRuns "$label" "$server"; fi
    if want sqlite; then publishRuns "$label" "$server" --store sqlite; fi
    if want redis; then publishRuns "$label" "$server" --redis "redis://127.0.0.1:$redisPort/0"; fi
    if want rate; then run "$label" --server "$server" --phase rate --streams 10000 --rate 20 --seconds "$seconds"; fi
    if want go && [ -n "$goPeer" ]; then
        # The Go peer keeps everything in memory; closed loop and 8 publishers flat out.
        run "go peer" --server "$goPeer" --phase publish --streams 100 --seconds "$seconds" --publishers 1 --window 1 --batch 1
        run "go peer" --server "$goPeer" --phase publish --streams 100 --seconds "$seconds" --publishers 8 --window 16 --batch 1
    fi
} 2>&1 | tee "$out"
