# SPDX-License-Identifier: MIT
"""The per-user event lists and notifications, in Django's cache as the note's system keeps them."""
import itertools
import threading

from django.core.cache import cache

_lock = threading.Lock()
_sequence = itertools.count(1)
MAX_EVENTS = 1000


def events(user):
    """[(seq, payload)] where payload is a JSON-able value or a raw string; oldest first."""
    return cache.get(f"sse_events:{user}", [])


def push_event(user, payload):
    with _lock:
        items = events(user)
        items.append((next(_sequence), payload))
        cache.set(f"sse_events:{user}", items[-MAX_EVENTS:], None)


def notifications(user):
    return cache.get(f"notifications:{user}", [])


def add_notification(user, item):
    with _lock:
        items = [n for n in notifications(user) if n["id"] != item["id"]]
        items.append(item)
        cache.set(f"notifications:{user}", items, None)


def mark_read(user, notification_id):
    with _lock:
        items = notifications(user)
        found = False
        for item in items:
            if str(item["id"]) == str(notification_id):
                item["is_read"] = True
                found = True
        cache.set(f"notifications:{user}", items, None)
        return found


def generation():
    return cache.get("sse_generation", 0)


def bump_generation():
    with _lock:
        cache.set("sse_generation", generation() + 1, None)


def resend_all():
    return cache.get("sse_resend_all", False)


def set_resend_all(value):
    cache.set("sse_resend_all", bool(value), None)
