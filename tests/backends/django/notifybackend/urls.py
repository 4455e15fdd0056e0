# SPDX-License-Identifier: MIT
from django.urls import path

from notifications_system import views
from notifications_system.signin import obtain_auth_token

urlpatterns = [
    path("api/v1/notifications/sse/stream/", views.SSEStreamView.as_view()),
    path("notifications/sse/stream/", views.SSEStreamView.as_view()),
    path("api/v1/notifications/", views.NotificationListView.as_view()),
    path("api/v1/notifications/<str:notification_id>/read/", views.MarkReadView.as_view()),
    path("api-token-auth/", obtain_auth_token),
    path("test/publish/", views.test_publish),
    path("test/drop/", views.test_drop),
    path("test/config/", views.test_config),
]
