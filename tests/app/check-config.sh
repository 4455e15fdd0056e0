#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# notify-tray --check-config as an administrator runs it: the documented
# examples are valid, and a broken file is refused with line and key.
set -euo pipefail
tray=$1
docs=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

for example in "$docs"/examples/notify-tray.json "$docs"/examples/etc-xdg-notify-tray.json; do
    out=$(QT_QPA_PLATFORM=minimal "$tray" --check-config "$example") || fail "$example is not valid"
    grep -q "^$example: valid: " <<<"$out" || fail "unexpected answer: $out"
done
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$tray" --check-config "$docs/examples/notify-tray.json") \
    || fail "--check-config needs a display"
grep -q "3 rule(s)" <<<"$out" || fail "the rules are not counted: $out"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '{\n  "sources": [\n    {"name": "Shop", "url": "ftp://shop"}\n  ],\n  "lockd": []\n}\n' >"$dir/bad.json"
if err=$("$tray" --check-config "$dir/bad.json" 2>&1); then
    fail "a broken file was taken: $err"
fi
grep -q "^$dir/bad.json:3: sources\[0\].url: must be an http:// or https:// URL$" <<<"$err" || fail "no line and key: $err"
grep -q "^$dir/bad.json:5: lockd: is not a key this file may have" <<<"$err" || fail "unknown key not named: $err"
[ "$(wc -l <<<"$err")" -eq 2 ] || fail "more than the two problems: $err"
if "$tray" --check-config "$dir/missing.json" 2>/dev/null; then fail "a missing file was taken"; fi
echo "check-config: ok"
