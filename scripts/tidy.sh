#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-tidy (the checks in .clang-tidy) over the translation units of a
# configured build; any finding fails.
#   scripts/tidy.sh BUILD_DIR          files changed since .ci/tidy-baseline
#                                      (and the .cpp of every changed header)
#   scripts/tidy.sh BUILD_DIR --all    every file of common/, server/, app/,
#                                      cli/, tests/ and bench/
# The whole tree takes about 7 minutes on 2 cores, hence the baseline: it
# names a commit at which --all was clean; move it forward after a clean
# --all run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/tidy.sh BUILD_DIR [--all]}
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 2; }

units=()
if [ "${2:-}" = "--all" ]; then
    mapfile -t units < <(git ls-files 'common/*.cpp' 'server/*.cpp' 'app/*.cpp' 'cli/*.cpp' 'tests/*.cpp' 'bench/*.cpp' \
        | grep -v '^tests/fuzz/')
else
    base=$(cat .ci/tidy-baseline)
    if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
        echo "tidy: baseline $base is not in this clone's history; checking everything"
        exec "$0" "$build" --all
    fi
    declare -A seen=()
    while read -r file; do
        [ -f "$file" ] || continue
        case "$file" in
            tests/fuzz/*) continue ;;
            *.cpp) candidate=$file ;;
            *.h) candidate=${file%.h}.cpp ;;
            *) continue ;;
        esac
        [ -f "$candidate" ] && [ -z "${seen[$candidate]:-}" ] && seen[$candidate]=1 && units+=("$candidate")
    done < <(git diff --name-only "$base" -- common server app cli tests bench; git ls-files --others --exclude-standard -- common server app cli tests bench)
fi
if [ ${#units[@]} -eq 0 ]; then
    echo "tidy: nothing changed since the baseline"
    exit 0
fi
echo "tidy: ${#units[@]} translation unit(s)"
regex="^$(pwd)/($(printf '%s|' "${units[@]}" | sed 's/[.]/[.]/g; s/|$//'))\$"
run-clang-tidy -p "$build" -j "${TIDY_JOBS:-2}" -quiet "$regex" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee "$build/tidy.log" \
    | grep -E '(warning|error):' || true
if grep -qE '(warning|error):' "$build/tidy.log"; then
    echo "tidy: findings above (full output in $build/tidy.log)" >&2
    exit 1
fi
echo "tidy: clean"
