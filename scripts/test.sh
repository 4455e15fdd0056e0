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

echo "== fuzz smoke: fuzz_sseparser"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp tests/fuzz/corpus/sseparser/* "$corpus"/
# New inputs go to a scratch copy; a finding fails the run and is kept in
# build/fuzz/findings/ (add it to the corpus as regression-* once fixed).
mkdir -p build/fuzz/findings
build/fuzz/tests/fuzz/fuzz_sseparser -max_total_time="${FUZZ_SECONDS:-30}" -dict=tests/fuzz/sse.dict \
    -artifact_prefix=build/fuzz/findings/ -print_final_stats=1 "$corpus" 2>&1 | tail -n 8

echo "== unit tests"
ctest --preset "$preset"
