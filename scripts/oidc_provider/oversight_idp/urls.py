"""URLs of the local provider.

/o/...              django-oauth-toolkit: authorize, token, revoke, introspect,
                    OIDC discovery, JWKS, userinfo, RP-initiated logout.
                    The application-management pages are deliberately not mounted:
                    the one client is registered by `python -m django oversight_seed`.
/accounts/login/    Django's stock login form (our template), where
                    /o/authorize/ sends a browser that is not signed in.
"""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from oauth2_provider import urls as oauth2_urls

provider_urlpatterns = (
    oauth2_urls.base_urlpatterns + oauth2_urls.oidc_urlpatterns + oauth2_urls.metadata_urlpatterns
)

urlpatterns = [
    path("o/", include((provider_urlpatterns, "oauth2_provider"), namespace="oauth2_provider")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
]
