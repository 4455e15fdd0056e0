#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-tidy (the checks in .clang-tidy) over the translation units of a
# configured build; any finding fails.
#   scripts/tidy.sh BUILD_DIR          files changed since the last commit at
#                                      which the whole tree was clean (and the
#                                      .cpp of every changed header)
#   scripts/tidy.sh BUILD_DIR --all    every file of common/, server/, app/,
#                                      cli/, tests/ and bench/
# The whole tree takes about 7 minutes on 2 cores, hence the first form. The
# last clean commit is the tag `tidy-clean`, which a clean --all run of a
# committed tree moves to HEAD by itself; what changed is taken from the
# merge base of HEAD and that tag, so a branch compares against where it
# left the clean line. A clone made without tags has the same commit in
# .ci/tidy-clean, which that run writes too (commit it with the next
# change); with neither, or a shallow copy without that commit, everything
# is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/tidy.sh BUILD_DIR [--all]}
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 2; }

units=()
if [ "${2:-}" = "--all" ]; then
    mapfile -t units < <(git ls-files 'common/*.cpp' 'server/*.cpp' 'app/*.cpp' 'cli/*.cpp' 'tests/*.cpp' 'bench/*.cpp' \
        | grep -v '^tests/fuzz/')
else
    if ! base=$(git merge-base HEAD tidy-clean 2>/dev/null) \
        && ! base=$(git merge-base HEAD "$(cat .ci/tidy-clean 2>/dev/null)" 2>/dev/null); then
        echo "tidy: neither the tag tidy-clean nor .ci/tidy-clean is in this clone's history; checking everything"
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
    echo "tidy: nothing changed since the last clean commit"
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
if [ "${2:-}" = "--all" ] && git diff --quiet HEAD -- common server app cli tests bench .clang-tidy \
    && [ -z "$(git ls-files --others --exclude-standard -- common server app cli tests bench)" ]; then
    # The whole committed tree is clean: later runs compare against it.
    git tag -f tidy-clean HEAD >/dev/null
    git rev-parse HEAD >.ci/tidy-clean
    echo "tidy: tag tidy-clean and .ci/tidy-clean moved to $(git rev-parse --short HEAD)"
fi
