#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# notify-tray --doctor as an administrator runs it on a desktop without a
# display: one line per check, exit 1 when one fails. A real notify-server,
# a config with a working source, a refused token and a password source
# without a token; first a bare bus, then one with a notification service
# and a tray host (tests/app/fake-desktop.py).
set -euo pipefail
tray=$1
server=$2
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT

printf '{"users":[{"name":"alice","token":"alice-token-0001"}]}\n' >"$dir/users.json"
"$server" --users "$dir/users.json" --port 0 --in-memory >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q '127.0.0.1:[0-9]' "$dir/server.log" && break; sleep 0.05; done
url=http://$(grep -o '127.0.0.1:[0-9]*' "$dir/server.log" | head -1)
cat >"$dir/cfg.json" <<JSON
{"sources": [{"name": "Shop", "url": "$url", "user": "alice", "token": "alice-token-0001"},
             {"name": "Ops", "url": "$url", "token": "wrong-token-xyz"},
             {"name": "Signin", "url": "$url", "sign_in": "password"}]}
JSON
export XDG_CONFIG_HOME=$dir/home XDG_CONFIG_DIRS=$dir/etc XDG_DATA_HOME=$dir/data
unset DISPLAY WAYLAND_DISPLAY

expect() { grep -qE "$1" <<<"$out" || fail "no line like '$1' in:
$out"; }

# A bare session bus: no notification service, no tray host.
set +e
out=$(dbus-run-session -- "$tray" --doctor --config "$dir/cfg.json" 2>/dev/null)
rc=$?
set -e
[ $rc -eq 1 ] || fail "exit $rc, not 1, with failing checks"
expect "^ok    config: $dir/cfg.json \(--config\): valid, 3 source\(s\)$"
expect "^(ok|warn)  keyring: "
expect "^ok    source Shop: $url: reachable, the token is taken \(user alice\)$"
expect "^FAIL  source Ops: $url: .*(refused|401)"
expect "^warn  source Signin: $url: no token yet; the app asks for the password once$"
expect "^FAIL  notifications: nothing answers org.freedesktop.Notifications"
expect "^FAIL  tray: no StatusNotifierItem host and no display"
[ "$(wc -l <<<"$out")" -eq 7 ] || fail "not one line per check:
$out"

# A desktop: the notification service and the tray host are found; the broken
# source still fails the run. An administrator's file adds its own line.
mkdir -p "$dir/etc/notify"
printf '{"quiet_hours": {"from": "19:00", "to": "07:00"}, "locked": ["quiet_hours"]}\n' >"$dir/etc/notify/notify-tray.json"
set +e
out=$(dbus-run-session -- bash -c '
    '"$here"'/fake-desktop.py > "'"$dir"'/fake.log" 2>&1 &
    for _ in $(seq 100); do grep -q ready "'"$dir"'/fake.log" && break; sleep 0.05; done
    "'"$tray"'" --doctor --config "'"$dir"'/cfg.json"' 2>/dev/null)
rc=$?
set -e
[ $rc -eq 1 ] || fail "exit $rc with a refused token"
expect "^ok    config: $dir/etc/notify/notify-tray.json \(the administrator's\): valid, quiet hours; locked: quiet_hours$"
expect "^ok    notifications: fake-notifications 1.0 \(org.freedesktop.Notifications\)$"
expect "^ok    tray: a StatusNotifierItem host is registered"

# All well: exit 0.
sed -i 's/wrong-token-xyz/alice-token-0001/; s/"sign_in": "password"/"token": "alice-token-0001"/' "$dir/cfg.json"
out=$(dbus-run-session -- bash -c '
    '"$here"'/fake-desktop.py > "'"$dir"'/fake2.log" 2>&1 &
    for _ in $(seq 100); do grep -q ready "'"$dir"'/fake2.log" && break; sleep 0.05; done
    "'"$tray"'" --doctor --config "'"$dir"'/cfg.json"' 2>/dev/null) || fail "exit $? with everything working:
$out"
grep -q "^FAIL" <<<"$out" && fail "a failure with everything working: $out"
echo "doctor: ok"
