#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds a release and runs the demo.
# Today the demo is the SSE parser on a realistic notify stream (the server
# and the tray app come with the next steps of the roadmap in docs/ARCHITECTURE.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
echo
echo "== notify's SSE parser on realistic streams (median of 5 runs, 16 MiB each)"
build/release/bench/bench_sseparser --runs 5 --mib 16
