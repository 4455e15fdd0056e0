# SPDX-License-Identifier: MIT
"""Django REST framework's obtain_auth_token, as a backend mounts it at /api-token-auth/.

DRF's own view keeps tokens in its authtoken table; this backend keeps them in
the settings (auth.py), so the view is DRF's ObtainAuthToken with only the
token lookup changed: the same parsers, serializer, validation and answers.
"""
from django.conf import settings
from rest_framework import parsers, renderers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.response import Response
from rest_framework.views import APIView


class ObtainAuthToken(APIView):
    throttle_classes = ()
    permission_classes = ()
    authentication_classes = ()
    parser_classes = (parsers.FormParser, parsers.MultiPartParser, parsers.JSONParser)
    renderer_classes = (renderers.JSONRenderer,)
    serializer_class = AuthTokenSerializer

    def post(self, request, *args, **kwargs):
        serializer = self.serializer_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        return Response({"token": settings.USER_TOKENS[user.username]})


obtain_auth_token = ObtainAuthToken.as_view()
