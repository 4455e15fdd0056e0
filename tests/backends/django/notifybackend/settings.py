# SPDX-License-Identifier: MIT
"""Settings of the reference backend; everything tests vary comes from the environment."""
import json
import os

SECRET_KEY = "reference-backend-for-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "notifybackend.urls"
WSGI_APPLICATION = "notifybackend.wsgi.application"
INSTALLED_APPS = ["rest_framework", "notifications_system"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
APPEND_SLASH = True
DATABASES = {}
USE_TZ = True
TIME_ZONE = "UTC"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "notify"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["notifications_system.auth.UserTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": int(os.environ.get("NOTIFY_DJANGO_PAGE_SIZE", "20")),
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
}

# The note's numbers: poll the cache every 3 s, heartbeat every 30 s, end streams after 300 s, 5 per user.
SSE_POLL_SECONDS = float(os.environ.get("SSE_POLL_SECONDS", "3"))
SSE_HEARTBEAT_SECONDS = float(os.environ.get("SSE_HEARTBEAT_SECONDS", "30"))
SSE_TIMEOUT_SECONDS = float(os.environ.get("SSE_TIMEOUT_SECONDS", "300"))
SSE_MAX_STREAMS_PER_USER = int(os.environ.get("SSE_MAX_STREAMS_PER_USER", "5"))

# {"alice": "token", ...}
USER_TOKENS = json.loads(os.environ.get("NOTIFY_DJANGO_USERS", '{"alice": "alice-token-0001", "bob": "bob-token-0002"}'))

# {"alice": "pbkdf2_sha256$..."}: who may sign in at /api-token-auth/ (DRF's obtain_auth_token), and with what.
USER_PASSWORDS = json.loads(os.environ.get("NOTIFY_DJANGO_PASSWORDS", "{}"))
AUTHENTICATION_BACKENDS = ["notifications_system.auth.SettingsPasswordBackend"]

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
