#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds and runs every test.
#   scripts/test.sh         the "asan" preset (sanitizers on)
#   scripts/test.sh --ci    the "ci" preset: sanitizers and -Werror (what .ci/run uses)
# The fuzzers of what comes from outside run over their corpus and for
# FUZZ_SECONDS more each (default 10); the client is built and tested without
# D-Bus too (as on Windows and macOS); then CTest runs the suite, the Debian
# packages among it. Every phase runs even when an earlier one failed (but for
# the build); the last lines printed are one per phase: its time and result.
set -euo pipefail
cd "$(dirname "$0")/.."

preset=asan
if [ "${1:-}" = "--ci" ] || [ "${CI:-}" = "true" ]; then
    preset=ci
fi

scripts/install-deps.sh
# ccache keeps the objects of earlier runs on this machine (a fresh clone
# builds mostly from it), within a cap.
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-3G}
# Paths relative to the clone, and the clone's directory left out of the
# hash, so that another clone (another path) hits the same objects.
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1

start=$SECONDS
summary=()
failures=0
# Runs one phase in a subshell with errexit on, and notes its time and
# result; it always returns 0. (It must not be called as a condition, `phase
# … || true` or `if phase …`: bash ignores errexit in everything such a
# call runs, subshells included, and a failing command in the middle of a
# phase would pass unseen.)
last_rc=0
phase() {
    local name=$1 t0=$SECONDS
    shift
    echo "== $name (at $((SECONDS - start)) s)"
    set +e
    (
        set -e
        "$@"
    )
    last_rc=$?
    set -e
    local result=passed
    if [ $last_rc -ne 0 ]; then
        result="FAILED (exit $last_rc)"
        failures=$((failures + 1))
    fi
    summary+=("$(printf '%-58s %5d s  %s' "$name" $((SECONDS - t0)) "$result")")
}
report() {
    echo
    echo "== summary ($preset preset, $((SECONDS - start)) s in all)"
    printf '%s\n' "${summary[@]}"
}
trap report EXIT

build() {
    cmake --preset "$preset"
    cmake --build --preset "$preset"
}

# Both run, and either fails the phase.
checks() {
    local rc=0
    scripts/format-check.sh || rc=1
    scripts/tidy.sh "build/$preset" || rc=1
    return $rc
}

# Each fuzzer with its dictionary; FUZZ_SECONDS (default 10) each past its corpus.
fuzzers=(sseparser:sse httprequestparser:sse eventinterpreter:eventinterpreter notificationlist:notificationlist
    config:config trayconfig:trayconfig)
fuzz() {
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz --target $(printf 'fuzz_%s ' "${fuzzers[@]%%:*}")
    mkdir -p build/fuzz/findings
    local entry target corpus
    for entry in "${fuzzers[@]}"; do
        target=${entry%%:*}
        corpus=$(mktemp -d)
        cp tests/fuzz/corpus/$target/* "$corpus"/
        # New inputs go to a scratch copy; a finding fails the run and is kept in
        # build/fuzz/findings/ (add it to the corpus as regression-* once fixed).
        echo "-- fuzz_$target"
        build/fuzz/tests/fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-10}" -dict=tests/fuzz/${entry#*:}.dict \
            -artifact_prefix=build/fuzz/findings/ -print_final_stats=1 "$corpus" 2>&1 | tail -n 6
        rm -rf "$corpus"
    done
}

nodbus() {
    cmake --preset nodbus >/dev/null
    # The app and the tests of what D-Bus touches: alerts, the session, the window.
    cmake --build --preset nodbus --target notify-tray tst_alertcenter tst_desktopsession tst_trayui
    if readelf -d build/nodbus/app/notify-tray | grep -q 'NEEDED.*libQt6DBus'; then
        echo "notify-tray links Qt D-Bus in the build without it" >&2
        return 1
    fi
    ctest --preset nodbus -R 'tst_alertcenter|tst_desktopsession|tst_trayui|translations_complete'
}

interop_packages() {
    cd tests/interop && npm ci --no-audit --no-fund --loglevel=error
}

suite() {
    ctest --preset "$preset"
}

# Without a build nothing else can run.
phase "build ($preset)" build
[ "$last_rc" -eq 0 ] || exit 1
phase "format and clang-tidy" checks
phase "fuzzers (${#fuzzers[@]}, ${FUZZ_SECONDS:-10} s each past the corpus)" fuzz
phase "the client without D-Bus (alerts through the tray icon)" nodbus
phase "npm packages for the interop tests" interop_packages
phase "tests (ctest --preset $preset)" suite
[ "$failures" -eq 0 ]
