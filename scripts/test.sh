#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds and runs every test.
#   scripts/test.sh         the "asan" preset (sanitizers on)
#   scripts/test.sh --ci    the "ci" preset: sanitizers and -Werror (what .ci/run uses)
# The parsers' fuzzers run over their corpus and for FUZZ_SECONDS more each
# (default 15); the client is built and tested without D-Bus too (as on
# Windows and macOS); then CTest runs the suite, the Debian packages among it
# (its summary is the last thing printed).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=asan
if [ "${1:-}" = "--ci" ] || [ "${CI:-}" = "true" ]; then
    preset=ci
fi

scripts/install-deps.sh
start=$SECONDS
phase() { echo "== $1 (at $((SECONDS - start)) s)"; }

phase "build ($preset)"
cmake --preset "$preset"
cmake --build --preset "$preset"

phase "format and clang-tidy"
scripts/format-check.sh
scripts/tidy.sh "build/$preset"

phase "fuzz smoke"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_sseparser fuzz_httprequestparser
mkdir -p build/fuzz/findings
for target in sseparser httprequestparser; do
    corpus=$(mktemp -d)
    cp tests/fuzz/corpus/$target/* "$corpus"/
    # New inputs go to a scratch copy; a finding fails the run and is kept in
    # build/fuzz/findings/ (add it to the corpus as regression-* once fixed).
    echo "-- fuzz_$target"
    build/fuzz/tests/fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-15}" -dict=tests/fuzz/sse.dict \
        -artifact_prefix=build/fuzz/findings/ -print_final_stats=1 "$corpus" 2>&1 | tail -n 6
    rm -rf "$corpus"
done

phase "the client without D-Bus (alerts through the tray icon)"
cmake --preset nodbus >/dev/null
# The app and the tests of what D-Bus touches: alerts, the session, the window.
cmake --build --preset nodbus --target notify-tray tst_alertcenter tst_desktopsession tst_trayui
if readelf -d build/nodbus/app/notify-tray | grep -q 'NEEDED.*libQt6DBus'; then
    echo "notify-tray links Qt D-Bus in the build without it" >&2
    exit 1
fi
ctest --preset nodbus -R 'tst_alertcenter|tst_desktopsession|tst_trayui|translations_complete'

phase "npm packages for the interop tests"
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

phase "tests"
ctest --preset "$preset"
echo "== done in $((SECONDS - start)) s"
