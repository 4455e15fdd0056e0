#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds and runs every test.
#   scripts/test.sh         the "asan" preset (sanitizers on)
#   scripts/test.sh --ci    the "ci" preset: sanitizers and -Werror (what .ci/run uses)
# The parser's fuzzer runs over its corpus and for FUZZ_SECONDS more (default 30),
# then CTest runs the suite (its summary is the last thing printed).
set -euo pipefail
cd "$(dirname "$0")/.."

preset=asan
if [ "${1:-}" = "--ci" ] || [ "${CI:-}" = "true" ]; then
    preset=ci
fi

scripts/install-deps.sh

echo "== build ($preset)"
cmake --preset "$preset"
cmake --build --preset "$preset"

echo "== format and clang-tidy"
scripts/format-check.sh
scripts/tidy.sh "build/$preset"

echo "== fuzz smoke"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_sseparser fuzz_httprequestparser
mkdir -p build/fuzz/findings
for target in sseparser httprequestparser; do
    corpus=$(mktemp -d)
    cp tests/fuzz/corpus/$target/* "$corpus"/
    # New inputs go to a scratch copy; a finding fails the run and is kept in
    # build/fuzz/findings/ (add it to the corpus as regression-* once fixed).
    echo "-- fuzz_$target"
    build/fuzz/tests/fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-30}" -dict=tests/fuzz/sse.dict \
        -artifact_prefix=build/fuzz/findings/ -print_final_stats=1 "$corpus" 2>&1 | tail -n 6
    rm -rf "$corpus"
done

echo "== npm packages for the interop tests"
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

echo "== tests"
ctest --preset "$preset"
