#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Before/after on a shared machine: runs the same benchmarks against two
# release builds, alternating A and B, so that both see the same machine.
#   bench/compare-builds.sh BUILD_A BUILD_B [rounds] [output-file]
# BUILD_*: release build directories (bench/ and server/ built). About
# 6 minutes a round.
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?usage: bench/compare-builds.sh BUILD_A BUILD_B [rounds] [output]}
b=${2:?usage: bench/compare-builds.sh BUILD_A BUILD_B [rounds] [output]}
rounds=${3:-2}
out=${4:-build/compare-builds.txt}
run() {
    local build=$1
    shift
    echo "\$ [$build] loadgen $*"
    "$build/bench/loadgen" --server "$build/server/notify-server" "$@"
    echo
}
{
    date -u; nproc
    for round in $(seq "$rounds"); do
        echo "=== round $round"
        for build in "$a" "$b"; do
            run "$build" --phase idle --streams 10000 --idle-seconds 30
            run "$build" --phase fanout --streams 10000
            run "$build" --phase rate --streams 10000 --rate 20 --seconds 10
            run "$build" --phase throughput --streams 100 --seconds 10
            echo "\$ [$build] bench_client"
            "$build/bench/bench_client" --server "$build/server/notify-server" --events 5000 --idle-seconds 20
            echo "\$ [$build] bench_sseparser"
            "$build/bench/bench_sseparser" --runs 5 --mib 32
        done
    done
} 2>&1 | tee "$out"
