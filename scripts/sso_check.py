"""Single sign-on end to end: Oversight's server and a real OpenID provider on loopback.

Run by scripts/sso-check, which starts both. The provider's sign-in form is walked by
scripts/oidc_provider/check.py's browser_sign_in; Oversight's pages by plain HTTP requests with a
cookie jar, as a browser would send them.
"""
import base64
import hashlib
import hmac
import os
import re
import struct
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "oidc_provider"))
from check import Session, browser_sign_in  # noqa: E402

BASE = os.environ["OVERSIGHT_URL"].rstrip("/")
PROVIDER_PASSWORD = os.environ["OVERSIGHT_OIDC_TEST_PASSWORD"]
LOCAL_PASSWORD = os.environ["OVERSIGHT_LOCAL_PASSWORD"]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))


def totp(key, step):
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000:06d}"


def csrf(html):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    return m.group(1) if m else ""


def to_provider(session, return_to=None):
    """Oversight's single sign-on link, answered with a redirect to the provider."""
    url = BASE + "/sign-in/sso?authority=358" + (("&returnTo=" + urllib.parse.quote(return_to, safe="/")) if return_to else "")
    r = session.get(url)
    return r, r.headers.get("Location", "")


def callback_of(session, user):
    r, location = to_provider(session)
    return browser_sign_in(session, location, user, PROVIDER_PASSWORD)


# The sign-in page offers single sign-on.
page = Session().get(BASE + "/sign-in")
check("sign-in page offers single sign-on", page.status == 200 and "/sign-in/sso?authority=358" in page.text)

# A linked administrator: provider, back, authenticator set-up (Oversight's own second step), overview.
browser = Session()
r, location = to_provider(browser, return_to="/measures")
q = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
check("redirect to the provider with PKCE S256, state and nonce",
      r.status == 303 and q.get("code_challenge_method") == ["S256"] and "state" in q and "nonce" in q
      and q.get("redirect_uri") == [BASE + "/sign-in/sso/callback"], location)
callback = browser_sign_in(browser, location, "sso.admin", PROVIDER_PASSWORD)
check("the provider sends the browser back with a code", callback.startswith(BASE + "/sign-in/sso/callback?") and "code=" in callback, callback)
back = browser.get(callback)
check("back at Oversight the administrator is asked for a second factor",
      back.status == 303 and back.headers.get("Location", "").startswith("/sign-in/code"), f"{back.status} {back.headers.get('Location')}")
setup = browser.get(BASE + "/sign-in/set-up-authenticator?returnTo=/measures")
key = re.search(r'id="authenticator-key"[^>]*>([A-Z2-7 ]+)<', setup.text)
check("the authenticator set-up page shows a key", setup.status == 200 and key is not None, str(setup.status))
if key:
    done = browser.post(BASE + "/sign-in/set-up-authenticator",
                        {"csrf": csrf(setup.text), "code": totp(key.group(1).replace(" ", ""), int(time.time()) // 30), "returnTo": "/measures"})
    check("the first code is accepted and recovery codes are shown", done.status == 200 and 'id="recovery-codes"' in done.text, str(done.status))
overview = browser.get(BASE + "/measures")
check("signed in: the page asked for opens", overview.status == 200 and "Sign out" in overview.text, str(overview.status))

# The same callback again: refused (a state works once).
again = Session()
replay = browser.get(callback)
check("a replayed callback is refused", replay.status == 422 and "already used" in replay.text, str(replay.status))

# The callback taken to another browser (no cookie of the sign-in it belongs to): refused.
thief = Session()
own = Session()
stolen = callback_of(own, "sso.admin")
r = thief.get(stolen)
check("a callback from another browser is refused", r.status == 422 and "another browser" in r.text, str(r.status))
r = own.get(stolen)
check("...while the browser that began it still completes", r.status == 303, str(r.status))

# A tampered state: refused.
b = Session()
cb = callback_of(b, "sso.admin")
tampered = re.sub(r"state=([^&]+)", lambda m: "state=" + m.group(1)[::-1], cb)
r = b.get(tampered)
check("a tampered state is refused", r.status == 422, str(r.status))

# The provider signs in someone Oversight does not know: refused, nothing opens.
b = Session()
cb = callback_of(b, "sso.stranger")
r = b.get(cb)
check("an account not linked to a user is refused", r.status == 422 and "not linked" in r.text, str(r.status))
check("...and has no session", b.get(BASE + "/").status == 303)

# An error from the provider (the person cancelled): shown, not a crash.
r = Session().get(BASE + "/sign-in/sso/callback?error=access_denied&state=x")
check("a provider error is shown plainly", r.status == 422 and "access_denied" in r.text, str(r.status))

# Passwords are off for this authority: the right password is refused like any failure.
b = Session()
form = b.get(BASE + "/sign-in")
r = b.post(BASE + "/sign-in", {"username": "local-only", "password": LOCAL_PASSWORD, "csrf": csrf(form.text)})
check("with passwords off a right password is refused", r.status == 422, str(r.status))

failures = [n for n, ok, _ in results if not ok]
print(f"sso-check: {len(results)} checks, {len(failures)} failures")
sys.exit(1 if failures else 0)
