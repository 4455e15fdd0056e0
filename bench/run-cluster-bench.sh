#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Redis benchmarks of docs/BENCHMARKS.md (issue 11), one after the other,
# against a redis-server of their own (a Unix socket in a scratch directory,
# AOF with appendfsync everysec, Redis's default for AOF). About 6 minutes.
#   bench/run-cluster-bench.sh [output-file] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/release/cluster-bench.txt}
runs=${2:-3}
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
server=build/release/server/notify-server
loadgen=build/release/bench/loadgen
dir=$(mktemp -d)
redis-server --port 0 --unixsocket "$dir/redis.sock" --dir "$dir" --appendonly yes --appendfsync everysec \
    --save '' --logfile "$dir/redis.log" &
redis=$!
trap 'kill $redis 2>/dev/null || true; wait $redis 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -S "$dir/redis.sock" ] && break; sleep 0.05; done
url="unix:$dir/redis.sock"
run() { echo "\$ loadgen $*"; "$loadgen" --server "$server" "$@"; echo; }
redis_rss() { echo "redis-server RSS: $(awk '/VmRSS/ {print $2}' /proc/$redis/status) KiB; $(redis-cli -s "$dir/redis.sock" info memory | grep -E '^used_memory:' | tr -d '\r'); events stream entries: $(redis-cli -s "$dir/redis.sock" eval "local n = 0 for _, k in ipairs(redis.call('KEYS', '*events')) do n = n + redis.call('XLEN', k) end return n" 0)"; }
{
    date -u; nproc; redis-server --version
    # 1. What Redis adds to publish -> delivery: one instance, SQLite file vs Redis, alternating.
    for r in $(seq "$runs"); do
        run --phase rate --streams 100 --rate 50 --seconds 10 --store sqlite
        run --phase rate --streams 100 --rate 50 --seconds 10 --redis "$url"
    done
    # Memory per retained event: 100,000 events of the rate phase's size in one stream.
    redis-cli -s "$dir/redis.sock" flushall >/dev/null
    redis_rss
    run --phase throughput --streams 1 --seconds 20 --redis "$url"
    redis_rss
    # 2. 30,000 idle streams over three instances on one Redis: three load generators at
    # once (the 20,000-descriptor limit is per process), each with its instance and 10,000 streams.
    idle=()
    for i in 1 2 3; do
        "$loadgen" --server "$server" --phase idle --streams 10000 --idle-seconds 65 --redis "$url" \
            >"$dir/idle$i.txt" 2>&1 &
        idle+=($!)
    done
    wait "${idle[@]}" || true
    for i in 1 2 3; do echo "\$ loadgen --phase idle --streams 10000 --idle-seconds 65 --redis (instance $i of 3)"; cat "$dir/idle$i.txt"; echo; done
    # 3. Fan-out to 10,000 streams at 20 events/s: one instance vs two.
    for r in $(seq "$runs"); do
        run --phase rate --streams 10000 --rate 20 --seconds 10 --redis "$url"
        run --phase rate --streams 10000 --rate 20 --seconds 10 --redis "$url" --instances 2
    done
} 2>&1 | tee "$out"
