#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every server benchmark of docs/BENCHMARKS.md, one after the other
# (never in parallel: they share the machine). About 8 minutes.
#   bench/run-server-bench.sh [output-file]
# The publishing benchmarks (batches, stores, the Go peer): bench/run-publish-bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/release/server-bench.txt}
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
server=build/release/server/notify-server
loadgen=build/release/bench/loadgen
run() { echo "\$ loadgen $*"; "$loadgen" --server "$server" "$@"; echo; }
{
    date -u; nproc; grep -m1 'model name' /proc/cpuinfo || true
    run --phase idle --streams 18000 --idle-seconds 65
    run --phase idle --streams 10000 --idle-seconds 65
    run --phase fanout --streams 10000
    run --phase rate --streams 10000 --rate 20 --seconds 10
    run --phase throughput --streams 100 --seconds 10
    run --phase storm --streams 10000
    # The baseline: one thread, a buffered QTcpSocket per connection, Qt's dispatcher.
    run --phase idle --streams 10000 --idle-seconds 65 --threads 1 --server-args "--io qt"
    run --phase fanout --streams 10000 --threads 1 --server-args "--io qt"
    run --phase throughput --streams 100 --seconds 10 --threads 1 --server-args "--io qt"
    # One thread with epoll, to separate the two choices.
    run --phase fanout --streams 10000 --threads 1
    run --phase throughput --streams 100 --seconds 10 --threads 1
} 2>&1 | tee "$out"
