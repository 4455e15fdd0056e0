#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian packages, as an administrator gets them: builds the "package"
# preset (a release build), runs `cpack -G DEB`, checks what each package
# holds and declares, runs lintian (errors fail; warnings must be the ones
# docs/PACKAGING.md explains), unpacks the three into a scratch root with
# dpkg -x and runs the programs from there: notify-tray --version,
# notify-server --demo and notify-cli listen against it.
#   tests/package/check-packages.sh [SOURCE_DIR]
set -euo pipefail
src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
cd "$src"
build=build/package
fail() { echo "check-packages: $*" >&2; exit 1; }

cmake --preset package >/dev/null
cmake --build --preset package
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log"; fail "cpack failed"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
for p in notify-tray notify-server notify-cli; do
    deb="$build/${p}_${version}_amd64.deb"
    [ -f "$deb" ] || fail "no $deb"
    size=$(stat -c %s "$deb")
    echo "$p: $(basename "$deb"), $((size / 1024)) KiB"
done

contents() { dpkg-deb -c "$build/$1_${version}_amd64.deb" | awk '{print $6}' | sed 's|^\./|/|'; }
control() { dpkg-deb -f "$build/$1_${version}_amd64.deb" "$2"; }
expect_file() { contents "$1" | grep -qx "$2" || fail "$1 lacks $2"; }
for p in notify-tray notify-server notify-cli; do
    expect_file "$p" "/usr/bin/$p"
    expect_file "$p" "/usr/share/man/man1/$p.1.gz"
    expect_file "$p" "/usr/share/doc/$p/copyright"
    expect_file "$p" "/usr/share/doc/$p/changelog.gz"
    [ "$(control "$p" Version)" = "$version" ] || fail "$p has version $(control "$p" Version), not $version"
    depends=$(control "$p" Depends)
    echo "$p depends on: $depends"
    echo "$depends" | grep -q 'libc6' || fail "$p: dependencies were not computed (no libc6)"
    echo "$depends" | grep -q 'libqt6core6' || fail "$p: no Qt in its dependencies"
done
expect_file notify-tray /usr/share/applications/notify-tray.desktop
expect_file notify-tray /usr/share/icons/hicolor/scalable/apps/notify-tray.svg
for size in 16 22 24 32 48 64 128 256; do
    expect_file notify-tray "/usr/share/icons/hicolor/${size}x${size}/apps/notify-tray.png"
done
expect_file notify-tray /usr/share/notify-tray/autostart/notify-tray.desktop
control notify-tray Depends | grep -q 'libqt6widgets6' || fail "notify-tray does not depend on Qt Widgets"
control notify-tray Depends | grep -q 'keychain' || fail "notify-tray does not depend on QtKeychain"
for p in notify-tray notify-server; do
    control "$p" Depends | grep -q 'libqt6sql6-sqlite' || fail "$p does not depend on the SQLite driver it loads"
done
control notify-cli Depends | grep -q 'libqt6widgets6' && fail "notify-cli depends on Qt Widgets"
control notify-server Depends | grep -q 'libhiredis' || fail "notify-server does not depend on hiredis (--redis)"
control notify-tray Depends | grep -q 'libhiredis' && fail "notify-tray links hiredis (only notify-server offers --redis)"
# Nobody else's files, and nothing in /usr/local or the build tree.
for p in notify-tray notify-server notify-cli; do
    if contents "$p" | grep -Ev '^/usr/(bin|share)/|/$' | grep -q .; then
        fail "$p installs outside /usr/bin and /usr/share: $(contents "$p" | grep -Ev '^/usr/(bin|share)/|/$' | head -3)"
    fi
done
zcat "$build/packaging/notify-server.1.gz" | grep -qF 'max\-streams\-per\-user' \
    || fail "notify-server's man page lacks its options"
zcat "$build/packaging/notify-tray.1.gz" | grep -qF 'minimized' || fail "notify-tray's man page lacks its options"
for p in notify-tray notify-server notify-cli; do
    # Only the program's own words: no warning of Qt's (XDG_RUNTIME_DIR, a display) in a page.
    if zcat "$build/packaging/$p.1.gz" | grep -qE 'QStandardPaths|XDG_RUNTIME_DIR|qt\.qpa|could not connect to display'; then
        fail "$p's man page holds a warning: $(zcat "$build/packaging/$p.1.gz" | grep -E 'QStandardPaths|XDG_RUNTIME_DIR|qt\.qpa|display' | head -1)"
    fi
done

if command -v lintian >/dev/null; then
    lintian --tag-display-limit 0 --info "$build"/notify-{tray,server,cli}_"$version"_amd64.deb >"$build/lintian.log" 2>&1 || true
    cat "$build/lintian.log"
    if grep -q '^E:' "$build/lintian.log"; then fail "lintian reports errors"; fi
    # Every warning is one docs/PACKAGING.md explains (by its tag).
    while read -r tag; do
        grep -q -- "$tag" docs/PACKAGING.md || fail "lintian warning $tag is not explained in docs/PACKAGING.md"
    done < <(sed -n 's/^W: [^:]*: \([a-z0-9-]*\).*/\1/p' "$build/lintian.log" | sort -u)
    echo "lintian: $(grep -c '^E:' "$build/lintian.log" || true) error(s), $(grep -c '^W:' "$build/lintian.log" || true) warning(s)"
else
    fail "lintian is not installed (scripts/install-deps.sh installs it)"
fi

# Installed into a scratch root, the programs run from there.
root=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
for p in notify-tray notify-server notify-cli; do
    dpkg -x "$build/${p}_${version}_amd64.deb" "$root"
done
QT_QPA_PLATFORM=offscreen "$root/usr/bin/notify-tray" --version | grep -q "$version" || fail "notify-tray --version"
"$root/usr/bin/notify-server" --demo --in-memory --port 0 >"$root/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    grep -q '^  alice  token' "$root/server.log" && break
    sleep 0.1
done
port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$root/server.log" | head -1)
[ -n "$port" ] || { cat "$root/server.log"; fail "notify-server --demo did not start"; }
token=$(sed -n 's/^  alice  token \(.*\)$/\1/p' "$root/server.log" | head -1)
[ -n "$token" ] || { cat "$root/server.log"; fail "no token for alice in notify-server's output"; }
timeout 60 "$root/usr/bin/notify-cli" listen "http://127.0.0.1:$port/api/v1/notifications/sse/stream/" \
    --token "$token" --max-events 3 >"$root/events.jsonl" || fail "notify-cli listen failed"
lines=$(grep -c '"type":"event"' "$root/events.jsonl" || true)
[ "$lines" -eq 3 ] || { cat "$root/events.jsonl"; fail "notify-cli listen printed $lines events, not 3"; }
echo "check-packages: 3 packages, contents and dependencies as expected; from a dpkg -x root:" \
    "notify-tray --version, notify-server --demo on port $port, notify-cli listen got $lines events"
