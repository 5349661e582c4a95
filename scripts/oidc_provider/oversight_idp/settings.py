"""Django settings for Oversight's local OpenID Connect provider.

This is a test fixture, not a deployment: it runs django-oauth-toolkit's OIDC
provider on the loopback interface so Oversight's single sign-on can be
exercised end to end in CI. scripts/oidc-provider creates the state directory
(database, RSA signing key, Django secret key) before Django is started, and
passes its location and the port in the environment.
"""

import os
from pathlib import Path

STATE_DIR = Path(os.environ.get("OVERSIGHT_OIDC_DIR", "/tmp/oversight-oidc"))
HOST = "127.0.0.1"
PORT = int(os.environ.get("OVERSIGHT_OIDC_PORT", "9400"))

# The issuer is pinned rather than derived from each request's Host header, so
# that discovery, the ID token's "iss" and the printed OVERSIGHT_OIDC_ISSUER
# are the same string (no trailing slash).
ISSUER = f"http://{HOST}:{PORT}/o"

# Both files are written by scripts/oidc-provider (mode 0600) and never committed.
SECRET_KEY = (STATE_DIR / "django-secret-key").read_text().strip()
OIDC_RSA_PRIVATE_KEY = (STATE_DIR / "signing-key.pem").read_text()

DEBUG = False
ALLOWED_HOSTS = [HOST, "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
    "oversight_idp",  # login template + the oversight_seed management command
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "oversight_idp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(STATE_DIR / "provider.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False

# Browsers share cookies between ports of one host, and Oversight runs on the
# same 127.0.0.1. Distinct names keep the provider's cookies from overwriting
# an app cookie called "sessionid" or "csrftoken" (and vice versa).
SESSION_COOKIE_NAME = "oversight_idp_session"
CSRF_COOKIE_NAME = "oversight_idp_csrftoken"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/accounts/login/"

# django-oauth-toolkit: OpenID Connect on, RS256 key, PKCE required.
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_ISS_ENDPOINT": ISSUER,
    "OIDC_RSA_PRIVATE_KEY": OIDC_RSA_PRIVATE_KEY,
    "OAUTH2_VALIDATOR_CLASS": "oversight_idp.validators.OversightValidator",
    "SCOPES": {
        "openid": "OpenID Connect sign-in",
        "email": "Your email address",
        "profile": "Your name and user name",
    },
    "DEFAULT_SCOPES": ["openid"],
    "PKCE_REQUIRED": True,
    # Only the authorization code flow is offered (RFC 9700 / OAuth 2.1).
    "OIDC_RESPONSE_TYPES_SUPPORTED": ["code"],
    # RFC 9700 gates of this django-oauth-toolkit release: reject
    # code_challenge_method=plain, the implicit and password grants, and access
    # tokens in query strings; send "iss" in the authorization response (RFC 9207).
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    # RP-initiated logout (end_session_endpoint), without a confirmation page
    # when a valid id_token_hint is sent.
    "OIDC_RP_INITIATED_LOGOUT_ENABLED": True,
    "OIDC_RP_INITIATED_LOGOUT_ALWAYS_PROMPT": False,
    # Lifetimes: authorization code 60 s (library default), tokens 1 hour.
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 60,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "ID_TOKEN_EXPIRE_SECONDS": 3600,
}

# Everything (requests, tracebacks) goes to stderr, which the start script
# sends to $OVERSIGHT_OIDC_DIR/provider.log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "oauth2_provider": {"level": "DEBUG" if os.environ.get("OVERSIGHT_OIDC_DEBUG") else "INFO"},
    },
}
