# SPDX-License-Identifier: MIT
"""The views of the reference backend: the SSE stream as a Django backend
built on its cache serves it, the notifications list and reads with Django
REST framework, and the test controls."""
import json
import threading
import time
import uuid
from datetime import datetime, timezone

from django.conf import settings
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import store
from .auth import UserTokenAuthentication, user_for_token

_streams_lock = threading.Lock()
_open_streams = {}


def _format(payload):
    """One SSE event: unnamed, no id, the type inside the JSON (or a raw string as it is)."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return "".join(f"data: {line}\n" for line in text.split("\n")) + "\n"


def _authenticate(request):
    """DRF's Token header, or ?token= (the note's EventSource frontend cannot send headers)."""
    auth = UserTokenAuthentication()
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        parts = header.split()
        if len(parts) == 2 and parts[0].lower() == auth.keyword.lower():
            return user_for_token(parts[1])
        return None
    token = request.GET.get("token")
    return user_for_token(token) if token else None


class SSEStreamView(View):
    def get(self, request):
        user = _authenticate(request)
        if user is None:
            response = JsonResponse({"detail": "Invalid token."}, status=401)
            response["WWW-Authenticate"] = "Token"
            return response
        name = user.username
        with _streams_lock:
            if _open_streams.get(name, 0) >= settings.SSE_MAX_STREAMS_PER_USER:
                response = JsonResponse({"detail": "Too many streams."}, status=429)
                response["Retry-After"] = "5"
                return response
            _open_streams[name] = _open_streams.get(name, 0) + 1

        def event_generator():
            try:
                started = time.monotonic()
                last_write = started
                generation = store.generation()
                items = store.events(name)
                sent_upto = items[-1][0] if items else 0  # a new stream starts live
                yield _format({"type": "connection_established", "user": name})
                while True:
                    now = time.monotonic()
                    if store.generation() != generation or now - started >= settings.SSE_TIMEOUT_SECONDS:
                        return
                    resend = store.resend_all()
                    for seq, payload in store.events(name):
                        if resend or seq > sent_upto:
                            yield _format(payload)
                            last_write = now
                        sent_upto = max(sent_upto, seq)
                    if now - last_write >= settings.SSE_HEARTBEAT_SECONDS:
                        yield ": heartbeat\n\n"
                        last_write = now
                    time.sleep(settings.SSE_POLL_SECONDS)
            finally:
                with _streams_lock:
                    _open_streams[name] -= 1

        response = StreamingHttpResponse(event_generator(), content_type="text/event-stream")
        response["Cache-Control"] = "no-cache"
        response["X-Accel-Buffering"] = "no"
        return response


class NotificationSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    message = serializers.CharField(allow_blank=True)
    level = serializers.CharField()
    notification_type = serializers.CharField(allow_blank=True)
    link = serializers.CharField(allow_blank=True)
    created_at = serializers.CharField()
    is_read = serializers.BooleanField()


class NotificationListView(generics.ListAPIView):
    """GET /api/v1/notifications/: newest first, LimitOffsetPagination."""

    serializer_class = NotificationSerializer

    def get_queryset(self):
        return sorted(store.notifications(self.request.user.username), key=lambda n: n["created_at"], reverse=True)


class MarkReadView(APIView):
    def post(self, request, notification_id):
        name = request.user.username
        if not store.mark_read(name, notification_id):
            return Response({"detail": "Not found."}, status=404)
        store.push_event(name, {"type": "read", "ids": [notification_id]})
        return Response(status=204)


def _json_body(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return None


@csrf_exempt
def test_publish(request):
    """{"user": "alice", "event": {...}} or {"user": "alice", "raw": "text"}; "store": false keeps a
    notification out of the list."""
    body = _json_body(request)
    if request.method != "POST" or not isinstance(body, dict) or "user" not in body:
        return JsonResponse({"detail": "POST {user, event|raw}"}, status=400)
    user = body["user"]
    payload = body["raw"] if "raw" in body else body.get("event")
    if isinstance(payload, dict) and payload.get("type") == "notification" and body.get("store", True):
        inner = payload.get("data", payload)
        store.add_notification(user, {
            "id": str(inner.get("id") or uuid.uuid4()),
            "title": inner.get("title", ""),
            "message": inner.get("message", ""),
            "level": inner.get("level", "info"),
            "notification_type": inner.get("notification_type", ""),
            "link": inner.get("link", ""),
            "created_at": inner.get("created_at") or datetime.now(timezone.utc).isoformat(),
            "is_read": False,
        })
    store.push_event(user, payload)
    return JsonResponse({"ok": True})


@csrf_exempt
def test_drop(request):
    store.bump_generation()
    return HttpResponse(status=204)


@csrf_exempt
def test_config(request):
    body = _json_body(request) or {}
    if "resend_all" in body:
        store.set_resend_all(body["resend_all"])
    return HttpResponse(status=204)
