"""Register Oversight's client and the synthetic test users (idempotent).

Run by scripts/oidc-provider after `migrate`, on every start, so a change of
OVERSIGHT_OIDC_REDIRECT_URIS or of the state directory's credentials takes
effect. Secrets come from the environment, never from argv:

  OVERSIGHT_IDP_CLIENT_ID, OVERSIGHT_IDP_CLIENT_SECRET, OVERSIGHT_IDP_TEST_PASSWORD,
  OVERSIGHT_IDP_REDIRECT_URIS (space separated)
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from oauth2_provider.models import get_application_model

# Synthetic people only: (username, email, first name, last name).
TEST_USERS = [
    ("sso.admin", "sso.admin@example.test", "Sso", "Admin"),
    ("sso.analyst", "sso.analyst@example.test", "Sso", "Analyst"),
    ("sso.stranger", "stranger@example.test", "Sso", "Stranger"),
]


def _env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise CommandError(f"{name} is not set")
    return value


class Command(BaseCommand):
    help = "Create or update Oversight's OIDC client and the test users."

    @transaction.atomic
    def handle(self, *args, **options):
        client_id = _env("OVERSIGHT_IDP_CLIENT_ID")
        client_secret = _env("OVERSIGHT_IDP_CLIENT_SECRET")
        password = _env("OVERSIGHT_IDP_TEST_PASSWORD")
        redirect_uris = " ".join(_env("OVERSIGHT_IDP_REDIRECT_URIS").split())

        User = get_user_model()
        for username, email, first, last in TEST_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.email, user.first_name, user.last_name = email, first, last
            user.is_active = True
            if not user.check_password(password):
                user.set_password(password)
            user.save()

        Application = get_application_model()
        app = Application.objects.filter(client_id=client_id).first() or Application(client_id=client_id)
        app.name = "Oversight (local SSO tests)"
        app.client_type = Application.CLIENT_CONFIDENTIAL
        app.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
        app.algorithm = Application.RS256_ALGORITHM
        # Loopback http://127.0.0.1 redirect URIs match on any port (RFC 8252
        # section 7.3, implemented by django-oauth-toolkit); scheme, host, path
        # and query must match exactly.
        app.redirect_uris = redirect_uris
        app.post_logout_redirect_uris = " ".join(
            uri.rsplit("/sign-in/sso/callback", 1)[0] + "/" for uri in redirect_uris.split()
        )
        app.skip_authorization = True  # trusted first-party client: no consent page
        # Stored hashed (the library default). Only set when it changed, since
        # each hashing costs a full PBKDF2 run.
        if app.pk is None or not _secret_matches(app, client_secret):
            app.client_secret = client_secret
        app.hash_client_secret = True
        app.full_clean()
        app.save()
        self.stdout.write(f"client {client_id}: redirect_uris={redirect_uris}")


def _secret_matches(app, plaintext):
    from django.contrib.auth.hashers import check_password

    return check_password(plaintext, app.client_secret)
