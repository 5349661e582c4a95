#!/usr/bin/env python3
"""End-to-end check of the local OpenID Connect provider, done the way Oversight's
SSO client uses it (authorization code flow + PKCE S256, confidential client).

    eval "$(scripts/oidc-provider start)"
    python3 scripts/oidc_provider/check.py [--auth basic|post]

Configuration comes from the OVERSIGHT_OIDC_* variables that `start` prints; when
they are not set, from the running provider via `scripts/oidc-provider env`.

Only the standard library is needed for the flow itself. Verifying the RS256
signature needs `cryptography`: when this interpreter lacks it, the script
re-executes itself with the provider's virtualenv interpreter
($OVERSIGHT_OIDC_DIR/venv/bin/python, default /tmp/oversight-oidc), which has it.

`browser_sign_in()` and `Session` are meant to be imported by the end-to-end tests.
"""

import base64
import hashlib
import html.parser
import http.cookiejar
import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

REDIRECT_URI = "http://127.0.0.1:8765/sign-in/sso/callback"
HERE = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# A minimal browser: cookies, no automatic redirects.
# --------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # hand 3xx responses back to the caller


class Response:
    def __init__(self, url, status, headers, body):
        self.url, self.status, self.headers, self.body = url, status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Session:
    """Cookie-keeping HTTP client that never follows redirects by itself."""

    def __init__(self, timeout=10):
        self.cookies = http.cookiejar.CookieJar()
        self.timeout = timeout
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(self, method, url, data=None, headers=None):
        body = None
        hdrs = {"User-Agent": "oversight-oidc-check/1"}
        hdrs.update(headers or {})
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        req = urllib.request.Request(url, data=body, headers=hdrs, method=method)
        try:
            with self._opener.open(req, timeout=self.timeout) as r:
                return Response(url, r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:  # 3xx (unfollowed) and 4xx/5xx land here
            return Response(url, e.code, e.headers, e.read())

    def get(self, url, headers=None):
        return self.request("GET", url, headers=headers)

    def post(self, url, data, headers=None):
        return self.request("POST", url, data=data, headers=headers)


class _Forms(html.parser.HTMLParser):
    """Collects each <form>'s method, action and <input>/<button> name/value pairs."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (a.get("method") or "get").lower(),
                               "action": a.get("action") or "", "fields": [], "types": {}})
        elif tag in ("input", "button") and self.forms and a.get("name"):
            self.forms[-1]["fields"].append((a["name"], a.get("value") or ""))
            self.forms[-1]["types"][a["name"]] = (a.get("type") or "text").lower()


def _origin(url):
    p = urllib.parse.urlsplit(url)
    return (p.scheme, p.hostname, p.port or {"http": 80, "https": 443}.get(p.scheme))


def browser_sign_in(session, authorize_url, username, password, max_steps=20):
    """Walk the provider's pages like a browser and return the callback URL.

    Starts at `authorize_url` (the provider's authorization endpoint with all its
    query parameters), follows redirects while they stay on the provider's origin
    (scheme, host and port), fills in and submits the sign-in form (user name,
    password, and every other field it carries, e.g. Django's hidden
    csrfmiddlewaretoken and next), approves a consent form if one is shown, and
    returns the first redirect target that leaves the provider's origin: the
    client's redirect_uri with `code` and `state` (or `error`). That URL is NOT
    requested. Raises RuntimeError when the flow stalls (e.g. wrong password).
    """
    provider = _origin(authorize_url)
    url, method, data = authorize_url, "GET", None
    for _ in range(max_steps):
        resp = session.request(method, url, data=data)
        if resp.status in (301, 302, 303, 307, 308):
            target = urllib.parse.urljoin(url, resp.headers["Location"])
            if _origin(target) != provider:
                return target
            url, method, data = target, "GET", None
            continue
        if resp.status != 200:
            raise RuntimeError(f"{method} {url} answered {resp.status}: {resp.text[:500]}")
        parser = _Forms()
        parser.feed(resp.text)
        login = [f for f in parser.forms if "password" in f["types"].values()]
        consent = [f for f in parser.forms if "allow" in f["types"]]
        if login:
            if method == "POST" and any(k == "password" for k, _ in data or []):
                raise RuntimeError(f"sign-in as {username!r} was refused at {url}")
            form = login[0]
            fields = []
            for name, value in form["fields"]:
                kind = form["types"][name]
                if kind == "password":
                    value = password
                elif kind in ("text", "email") and name in ("username", "login", "email", "user"):
                    value = username
                if kind not in ("submit", "button") or name == "allow":
                    fields.append((name, value))
        elif consent:
            form = consent[0]
            fields = [(n, v) for n, v in form["fields"] if form["types"][n] != "submit" or n == "allow"]
        else:
            raise RuntimeError(f"no sign-in or consent form at {url}: {resp.text[:500]}")
        url = urllib.parse.urljoin(url, form["action"] or url)
        method, data = form["method"].upper(), fields
        if method == "GET":
            url = url.split("?")[0] + "?" + urllib.parse.urlencode(fields)
            data = None
    raise RuntimeError(f"no redirect to the client after {max_steps} steps")


# --------------------------------------------------------------------------
# Token helpers
# --------------------------------------------------------------------------

def b64url_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def verify_rs256(jwt, jwks):
    """Verify an RS256 JWT's signature with the key of the JWKS named by its kid."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    header_b64, payload_b64, sig_b64 = jwt.split(".")
    header = json.loads(b64url_decode(header_b64))
    assert header["alg"] == "RS256", header
    keys = [k for k in jwks["keys"] if k.get("kid") == header.get("kid")] if "kid" in header else jwks["keys"]
    assert keys, f"no JWKS key with kid {header.get('kid')!r}"
    k = keys[0]
    assert k["kty"] == "RSA", k
    public = rsa.RSAPublicNumbers(int.from_bytes(b64url_decode(k["e"]), "big"),
                                  int.from_bytes(b64url_decode(k["n"]), "big")).public_key()
    # Raises cryptography.exceptions.InvalidSignature on a bad signature.
    public.verify(b64url_decode(sig_b64), f"{header_b64}.{payload_b64}".encode(),
                  padding.PKCS1v15(), hashes.SHA256())
    return k


def _config():
    names = ["ISSUER", "CLIENT_ID", "CLIENT_SECRET", "TEST_USER", "TEST_PASSWORD", "TEST_EMAIL"]
    cfg = {n: os.environ.get("OVERSIGHT_OIDC_" + n) for n in names}
    if not all(cfg.values()):  # not eval'd: ask the running provider
        script = os.path.join(os.path.dirname(HERE), "oidc-provider")
        out = subprocess.run([script, "env"], check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            key, _, value = line.removeprefix("export OVERSIGHT_OIDC_").partition("=")
            cfg[key] = value.strip("'")
    return cfg


def _reexec_in_venv():
    try:
        import cryptography  # noqa: F401
    except ImportError:
        state = os.environ.get("OVERSIGHT_OIDC_DIR", "/tmp/oversight-oidc")
        py = os.path.join(state, "venv", "bin", "python")
        if os.path.exists(py) and os.path.realpath(sys.executable) != os.path.realpath(py):
            os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])
        sys.exit(f"`cryptography` is needed to verify RS256 and {py} does not exist; "
                 "run scripts/oidc-provider start first")


def main():
    _reexec_in_venv()
    auth = "basic"
    if "--auth" in sys.argv:
        auth = sys.argv[sys.argv.index("--auth") + 1]
    cfg = _config()
    issuer = cfg["ISSUER"]
    s = Session()

    disco = s.get(issuer + "/.well-known/openid-configuration").json()
    assert disco["issuer"] == issuer, (disco["issuer"], issuer)
    print("discovery:", json.dumps({k: disco.get(k) for k in (
        "issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
        "end_session_endpoint", "token_endpoint_auth_methods_supported",
        "code_challenge_methods_supported", "id_token_signing_alg_values_supported",
        "response_types_supported", "scopes_supported", "claims_supported")}, indent=2))

    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    verifier = secrets.token_urlsafe(48)
    challenge = b64url(hashlib.sha256(verifier.encode()).digest())
    authorize_url = disco["authorization_endpoint"] + "?" + urllib.parse.urlencode({
        "response_type": "code", "client_id": cfg["CLIENT_ID"], "redirect_uri": REDIRECT_URI,
        "scope": "openid email profile", "state": state, "nonce": nonce,
        "code_challenge": challenge, "code_challenge_method": "S256",
    })
    callback = browser_sign_in(s, authorize_url, cfg["TEST_USER"], cfg["TEST_PASSWORD"])
    print("callback:", callback.replace(callback.split("code=")[1].split("&")[0], "<code>", 1)
          if "code=" in callback else callback)
    assert callback.split("?")[0] == REDIRECT_URI, callback
    params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(callback).query))
    assert "error" not in params, params
    assert params["state"] == state, params
    if "iss" in params:  # RFC 9207
        assert params["iss"] == issuer, params

    form = {"grant_type": "authorization_code", "code": params["code"],
            "redirect_uri": REDIRECT_URI, "code_verifier": verifier}
    headers = {"Accept": "application/json"}
    if auth == "basic":  # client_secret_basic (RFC 6749 2.3.1: form-encode, then base64)
        cred = f"{urllib.parse.quote_plus(cfg['CLIENT_ID'])}:{urllib.parse.quote_plus(cfg['CLIENT_SECRET'])}"
        headers["Authorization"] = "Basic " + base64.b64encode(cred.encode()).decode()
    else:  # client_secret_post
        form.update(client_id=cfg["CLIENT_ID"], client_secret=cfg["CLIENT_SECRET"])
    tok = s.post(disco["token_endpoint"], form, headers=headers)
    assert tok.status == 200, (tok.status, tok.text)
    tokens = tok.json()
    print("token response (values elided):",
          json.dumps({k: (v if k in ("token_type", "expires_in", "scope") else "...")
                      for k, v in tokens.items()}))

    jwks = s.get(disco["jwks_uri"]).json()
    id_token = tokens["id_token"]
    header = json.loads(b64url_decode(id_token.split(".")[0]))
    claims = json.loads(b64url_decode(id_token.split(".")[1]))
    print("id_token header:", json.dumps(header))
    print("id_token claims:", json.dumps(claims, indent=2))
    key = verify_rs256(id_token, jwks)
    print(f"signature: RS256 verified with JWKS key kid={key.get('kid')}")

    assert claims["iss"] == issuer, (claims["iss"], issuer)
    assert claims["aud"] == cfg["CLIENT_ID"] or cfg["CLIENT_ID"] in claims["aud"], claims["aud"]
    assert claims["nonce"] == nonce, claims
    assert claims["email"] == cfg["TEST_EMAIL"], claims

    info = s.get(disco["userinfo_endpoint"],
                 headers={"Authorization": "Bearer " + tokens["access_token"]})
    assert info.status == 200, (info.status, info.text)
    print("userinfo:", info.text)
    assert info.json()["sub"] == claims["sub"]

    # PKCE is enforced: a second sign-in without a code_challenge is refused.
    no_pkce = authorize_url.replace("&code_challenge=" + challenge, "").replace(
        "&code_challenge_method=S256", "")
    refused = browser_sign_in(s, no_pkce, cfg["TEST_USER"], cfg["TEST_PASSWORD"])
    assert "error=" in refused and "code=" not in refused, refused
    print("without PKCE:", refused)
    print("OK")


if __name__ == "__main__":
    main()
