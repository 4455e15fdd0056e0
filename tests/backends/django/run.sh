#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the reference Django backend under gunicorn on 127.0.0.1:PORT (0: any
# free port; gunicorn logs "Listening at: http://127.0.0.1:N"). Settings come
# from the environment (see notifybackend/settings.py).
set -euo pipefail
cd "$(dirname "$0")"
port=${1:-0}
# Debian's Python: that is where python3-django and python3-djangorestframework are.
exec /usr/bin/python3 -m gunicorn.app.wsgiapp --bind "127.0.0.1:${port}" --workers 1 --worker-class gthread \
    --threads "${NOTIFY_DJANGO_THREADS:-40}" --timeout 600 --graceful-timeout 2 --log-level info \
    notifybackend.wsgi:application
