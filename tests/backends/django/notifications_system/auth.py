# SPDX-License-Identifier: MIT
"""Django REST framework's TokenAuthentication, with the tokens from the settings instead of a table."""
from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class User:
    is_authenticated = True
    is_active = True

    def __init__(self, username):
        self.username = username

    def __str__(self):
        return self.username


def user_for_token(key):
    for username, token in settings.USER_TOKENS.items():
        if token == key:
            return User(username)
    return None


class UserTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`; anything else (Bearer too) is not authenticated."""

    def authenticate_credentials(self, key):
        user = user_for_token(key)
        if user is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return (user, key)


class SettingsPasswordBackend:
    """A Django authentication backend over USER_PASSWORDS (Django password hashes, by user name)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        from django.contrib.auth.hashers import check_password

        encoded = settings.USER_PASSWORDS.get(username)
        if encoded is None or not check_password(password, encoded):
            return None
        return User(username)

    def get_user(self, user_id):
        return None
