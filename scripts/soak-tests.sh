#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the CTest suite again and again to find the tests that fail only now
# and then, and prints how often each one failed.
#
#   scripts/soak-tests.sh [--preset ci] [--rounds 10] [--stressed 5] [--repeat 1] [--jobs 2] [-R regex] [-E regex]
#
# A round is one `ctest --repeat until-fail:<repeat>` over the whole suite
# (each test at most <repeat> times, stopped at its first failure) with
# <jobs> tests at a time. The last <stressed> of the rounds run with both
# cores kept busy by stress-ng (or, without it, one busy loop per core), as
# on a shared CI machine. The build must exist (scripts/test.sh makes it).
# Each failed test's output is kept under build/<preset>/soak/.
#
# Prints one line per round, then a table of the tests that failed at least
# once: how many rounds they ran in and how many of them they failed.
# Exits 1 when any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

preset=ci rounds=10 stressed=5 repeat=1 jobs=2
filters=()
while [ $# -gt 0 ]; do
    case "$1" in
    --preset) preset=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --stressed) stressed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -R | -E) filters+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--preset P] [--rounds N] [--stressed M] [--repeat K] [--jobs J] [-R regex] [-E regex]" >&2
       exit 2 ;;
    esac
done
if [ "$stressed" -gt "$rounds" ]; then
    echo "--stressed $stressed is more than --rounds $rounds" >&2
    exit 2
fi

build=build/$preset
if [ ! -f "$build/CTestTestfile.cmake" ]; then
    echo "$build has no tests: build it first (scripts/test.sh, or cmake --preset $preset && cmake --build --preset $preset)" >&2
    exit 2
fi
out=$build/soak
rm -rf "$out"
mkdir -p "$out"

stress_pids=()
stop_stress() {
    if [ ${#stress_pids[@]} -gt 0 ]; then
        kill "${stress_pids[@]}" 2>/dev/null || true
        wait "${stress_pids[@]}" 2>/dev/null || true
    fi
    stress_pids=()
}
trap stop_stress EXIT INT TERM
start_stress() {
    local cores
    cores=$(nproc)
    if command -v stress-ng >/dev/null; then
        stress-ng --cpu "$cores" --quiet &
        stress_pids+=($!)
    else
        for _ in $(seq "$cores"); do
            (while :; do :; done) &
            stress_pids+=($!)
        done
    fi
}

declare -A ran=() failed=()
start=$SECONDS
for round in $(seq "$rounds"); do
    kind=quiet
    if [ "$round" -gt $((rounds - stressed)) ]; then
        kind=stressed
        [ ${#stress_pids[@]} -gt 0 ] || start_stress
    fi
    log=$out/round-$round.log
    t0=$SECONDS
    status=passed
    ctest --test-dir "$build" -j "$jobs" --repeat "until-fail:$repeat" --output-on-failure \
        ${filters[@]+"${filters[@]}"} >"$log" 2>&1 || status=failed
    # Every test that ran: "  n/m Test  #k: name ....   Passed   1.23 sec"
    while read -r name; do
        ran[$name]=$((${ran[$name]:-0} + 1))
    done < <(sed -n 's/^ *[0-9]*\/[0-9]* Test *#[0-9]*: \([^ ]*\) .*/\1/p' "$log" | sort -u)
    fails=()
    while read -r name; do
        [ -n "$name" ] || continue
        failed[$name]=$((${failed[$name]:-0} + 1))
        fails+=("$name")
    done < <(sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (.*)$/\1/p' "$log" | sort -u)
    if [ ${#fails[@]} -gt 0 ]; then
        cp "$log" "$out/round-$round-failed.log"
    fi
    printf '== round %d/%d (%s): %s in %d s%s\n' "$round" "$rounds" "$kind" "$status" $((SECONDS - t0)) \
        "$([ ${#fails[@]} -gt 0 ] && printf ', failed: %s' "${fails[*]}")"
done
stop_stress

echo "== $rounds rounds ($stressed with both cores busy) in $((SECONDS - start)) s, ${#ran[@]} tests"
total=0
if [ ${#failed[@]} -gt 0 ]; then
    printf '%-40s %6s %8s\n' test rounds failed
    for name in $(printf '%s\n' "${!failed[@]}" | sort); do
        printf '%-40s %6d %8d\n' "$name" "${ran[$name]:-0}" "${failed[$name]}"
        total=$((total + failed[$name]))
    done
fi
echo "== failures: $total (logs in $out)"
[ "$total" -eq 0 ]
