#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages notify needs to build, test and run the demo,
# only those that are missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools libgl-dev libqt6sql6-sqlite qt6-svg-dev qtkeychain-qt6-dev
    # notify-tray checks config files against their JSON Schema
    libvalijson-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins fonts-dejavu-core
    # TLS for the server and its test certificate, PBKDF2 for its passwords; curl shows the demo stream
    libssl3 libssl-dev openssl curl
    # the desktop check: a virtual display, a window manager, a tray, a notification daemon, a private
    # bus, screenshots; xdotool to use the app by hand under Xvfb
    xvfb openbox trayer dunst dbus x11-utils imagemagick xdotool
    # the fake StatusNotifierItem panel (tests/app/sni-check.py)
    python3-dbus python3-gi
    # interoperability peers: a browser, nginx with nchan
    chromium nginx libnginx-mod-nchan
    # the reference Django backend (tests/backends/django) under gunicorn
    python3-django python3-djangorestframework gunicorn
    # Debian packages: man pages from --help, the package checker, dpkg-shlibdeps
    help2man lintian dpkg-dev fakeroot file
    # several server instances on Redis (--redis): the client library, and the server for the cluster tests
    libhiredis-dev redis-server
    # the libFuzzer builds of the parsers
    clang clang-14 libclang-rt-14-dev
    # scripts/soak-tests.sh: both cores kept busy while the suite runs
    stress-ng
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js: the machine's own when it has one (the interop tests need 20+).
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
