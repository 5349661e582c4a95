#!/usr/bin/env python3
"""Security check of a live Oversight holding two synthetic authorities.

Made from the command line only (synth, import, users add, users token, serve), then attacked
over HTTP the way a browser, a script or a hostile upload would: every route with every role and
nobody, another authority's data, CSRF, session fixation, cookies and headers, hostile uploads,
XML bombs and external entities, injection strings in every form, password guessing.

Run it with scripts/security-check (which finds or builds the binary). Python 3.11, standard
library only. Exit status: 0 no breach, 1 a check failed, 2 the set-up failed.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import csv
import dataclasses
import hashlib
import hmac
import html
import html.parser
import http.client
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile
import zlib

# --------------------------------------------------------------------------------------------
# Constants that a change in the product may need adjusted.

AUTHORITY_A = "358"
AUTHORITY_B = "359"
ROLES = [
    "administrator",
    "performance-analyst",
    "manager",
    "auditor",
    "moderator",
    "strategic-lead",
    "board-member",
    "partner-auditor",
    "regional-analyst",
]
# A region of both authorities, and its regional analyst (docs/regional.md): the regional pages
# only, every member's aggregates, never a child.
REGION = "SC"
REGIONAL_USER = "r.regional"
CHILD_LEVEL_ROLES = {"administrator", "performance-analyst", "manager", "auditor", "moderator", "strategic-lead"}
SIGN_IN = "/sign-in"
# Multi-factor sign-in (being added): the pages sign-in may redirect to.
MFA_SETUP = "/sign-in/set-up-authenticator"
MFA_CODE = "/sign-in/code"
MFA_KEY_ELEMENT_ID = "authenticator-key"
MFA_RECOVERY_ELEMENT_IDS = ("recovery-codes",)
SESSION_COOKIE_SECURE = "__Host-oversight_session"
SESSION_COOKIE_PLAIN = "oversight_session"
SIGN_IN_FORM_COOKIE = "oversight_signin"
UPLOAD_LIMIT_MB = 2  # --max-upload-mb for the server under test (small, so the oversized file is small)
ADDRESS_FAILURE_LIMIT = 30  # docs/security.md: 30 failures from one address in five minutes
NAME_LOCK_FAILURES = 5  # docs/web.md: five failed sign-ins in a row lock the name
PASSWD_MARKERS = ("root:x:0:0", "root:*:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:x:")
SLOW_SECONDS = 5.0  # a hostile file must be refused within this

INJECTIONS = {
    "sql-quote": "' OR '1'='1",
    "sql-drop": "'; DROP TABLE users;--",
    "html-script": "<script>alert(1)</script>",
    "html-attr": '"><img src=x onerror=alert(1)>',
    "csv-hyperlink": '=HYPERLINK("http://x")',
    "csv-plus": "+SUM(1)",
    "csv-at": "@cmd",
    "csv-minus": "-2+3",
}
# What must never appear raw in an HTML answer (the escaped form is fine).
RAW_HTML_MARKERS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")

# --------------------------------------------------------------------------------------------
# Results


class SetupError(Exception):
    pass


@dataclasses.dataclass
class Row:
    check: str
    tried: str
    count: int = 0
    failures: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    skipped: bool = False
    seconds: float = 0.0

    @property
    def result(self) -> str:
        if self.failures:
            return "FAIL"
        return "SKIP" if self.skipped else "PASS"


class Report:
    def __init__(self, verbose: bool) -> None:
        self.rows: list[Row] = []
        self.verbose = verbose
        self.lock = threading.Lock()
        self.requests = 0

    def row(self, check: str, tried: str) -> Row:
        r = Row(check, tried)
        self.rows.append(r)
        return r

    def counted(self) -> None:
        with self.lock:
            self.requests += 1

    def log(self, message: str) -> None:
        if self.verbose:
            with self.lock:
                print("  " + message, file=sys.stderr, flush=True)


REPORT = Report(verbose=False)


def expect(row: Row, ok: bool, failure: str) -> bool:
    """Counts one thing tried; records `failure` when it did not hold."""
    row.count += 1
    if not ok:
        row.failures.append(failure)
    return ok


# --------------------------------------------------------------------------------------------
# HTTP: a small browser with its own cookie jar (Secure cookies are sent over plain HTTP on
# loopback on purpose: the server under test runs with production cookie settings).


@dataclasses.dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    seconds: float
    method: str = ""
    path: str = ""

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str | None:
        loc = self.header("Location")
        return loc

    @property
    def location_path(self) -> str | None:
        loc = self.location
        if loc is None:
            return None
        return urllib.parse.urlsplit(loc).path

    def is_redirect_to(self, path: str) -> bool:
        return self.status in (301, 302, 303, 307, 308) and (self.location_path or "") == path

    def brief(self) -> str:
        extra = f" -> {self.location}" if self.location else ""
        snippet = ""
        if self.status >= 400 and self.body:
            m = re.search(r"<h1[^>]*>(.*?)</h1>", self.text, re.S)
            snippet = f" ({html.unescape(re.sub('<[^>]+>', '', m.group(1))).strip()[:80]})" if m else f" ({self.text[:80]!r})"
        return f"{self.method} {self.path} -> {self.status}{extra}{snippet}"


def parse_set_cookie(value: str) -> tuple[str, str, dict[str, str]]:
    parts = [p.strip() for p in value.split(";")]
    name, _, val = parts[0].partition("=")
    attrs: dict[str, str] = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        attrs[k.strip().lower()] = v.strip()
    return name.strip(), val.strip(), attrs


class Browser:
    """One user agent: a cookie jar and the headers a browser sends navigating within the site."""

    def __init__(self, server: "Server", label: str = "") -> None:
        self.server = server
        self.label = label
        self.cookies: dict[str, str] = {}
        self.headers = {"Sec-Fetch-Site": "same-origin", "User-Agent": "oversight-security-check"}
        self.user: "User | None" = None
        self.cookie_log: list[tuple[str, str, dict[str, str]]] = []  # every Set-Cookie received

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
        send_cookies: bool = True,
    ) -> Response:
        h = dict(self.headers)
        if headers:
            h.update(headers)
        if send_cookies and self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        h.setdefault("Host", f"127.0.0.1:{self.server.port}")
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=h, encode_chunked="chunked" in h.get("Transfer-Encoding", ""))
            resp = conn.getresponse()
            data = resp.read()
            headers_list = resp.getheaders()
            status = resp.status
        finally:
            conn.close()
        REPORT.counted()
        r = Response(status, headers_list, data, time.monotonic() - started, method, path)
        for v in r.headers_all("Set-Cookie"):
            name, val, attrs = parse_set_cookie(v)
            self.cookie_log.append((name, val, attrs))
            if val == "" or attrs.get("max-age") == "0" or "1970" in attrs.get("expires", ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = val
        REPORT.log(f"[{self.label}] {r.brief()}")
        return r

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post_form(self, path: str, fields, **kw) -> Response:
        items = list(fields.items()) if isinstance(fields, dict) else list(fields)
        body = urllib.parse.urlencode(items).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.server.base}
        headers.update(kw.pop("headers", {}) or {})
        return self.request("POST", path, body=body, headers=headers, **kw)

    def post_multipart(self, path: str, fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]], **kw) -> Response:
        body, ctype = multipart(fields, files)
        headers = {"Content-Type": ctype, "Origin": self.server.base}
        headers.update(kw.pop("headers", {}) or {})
        return self.request("POST", path, body=body, headers=headers, **kw)

    def session(self) -> str | None:
        return self.cookies.get(self.server.session_cookie)

    def csrf(self, path: str = "/account/password") -> str:
        """The session's CSRF token, read from a form on a page every signed-in user may open."""
        r = self.get(path)
        for f in parse_forms(r.text):
            if f.value("csrf"):
                return f.value("csrf")
        raise SetupError(f"no CSRF token on {path} for {self.label}: {r.brief()}")


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "----oversight-check-" + secrets.token_hex(12)
    out = io.BytesIO()
    for name, value in fields:
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode())
        out.write(value.encode() + b"\r\n")
    for name, filename, data in files:
        out.write(
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


# --------------------------------------------------------------------------------------------
# HTML: forms, links and elements by id.


@dataclasses.dataclass
class Field:
    tag: str
    type: str
    name: str
    value: str
    options: list[str] = dataclasses.field(default_factory=list)
    checked: bool = False
    selected: str | None = None


@dataclasses.dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list[Field] = dataclasses.field(default_factory=list)

    def value(self, name: str) -> str | None:
        for f in self.fields:
            if f.name == name:
                return f.value
        return None

    def has(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)

    def defaults(self) -> list[tuple[str, str]]:
        """What a browser would send without typing: hidden and text values, checked boxes and
        radios, each select's selected (or first) option."""
        out: list[tuple[str, str]] = []
        for f in self.fields:
            if not f.name:
                continue
            if f.tag == "select":
                choice = f.selected if f.selected is not None else (f.options[0] if f.options else "")
                out.append((f.name, choice))
            elif f.type in ("checkbox", "radio"):
                if f.checked:
                    out.append((f.name, f.value or "on"))
            elif f.type in ("submit", "button", "image", "reset", "file"):
                continue
            else:
                out.append((f.name, f.value))
        # A radio group with nothing checked: a browser sends nothing; choose the first so the
        # form gets past "choose one" and the text fields are read.
        names = {n for n, _ in out}
        for f in self.fields:
            if f.type == "radio" and f.name and f.name not in names:
                out.append((f.name, f.value))
                names.add(f.name)
        return out

    def text_fields(self) -> list[Field]:
        return [
            f
            for f in self.fields
            if f.name
            and f.name != "csrf"
            and (f.tag == "textarea" or (f.tag == "input" and f.type in ("text", "search", "email", "tel", "url", "number", "date", "month", "password", "")))
        ]


class _FormParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: Field | None = None
        self.option_value: str | None = None
        self.option_text = ""
        self.textarea: Field | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "form":
            self.current = Form(a.get("action", ""), a.get("method", "get").lower(), a.get("enctype", ""))
            self.forms.append(self.current)
        if self.current is None:
            return
        if tag == "input":
            self.current.fields.append(
                Field("input", a.get("type", "text").lower(), a.get("name", ""), a.get("value", ""), checked="checked" in a)
            )
        elif tag == "textarea":
            self.textarea = Field("textarea", "textarea", a.get("name", ""), "")
            self.current.fields.append(self.textarea)
        elif tag == "select":
            self.select = Field("select", "select", a.get("name", ""), "")
            self.current.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            self.option_value = a.get("value")
            self.option_text = ""
            if "selected" in a:
                self.select.selected = a.get("value", "")
            if self.option_value is not None:
                self.select.options.append(self.option_value)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            if self.select is not None and self.select.selected is not None:
                self.select.value = self.select.selected
            self.select = None
        elif tag == "option" and self.select is not None and self.option_value is None:
            self.select.options.append(self.option_text.strip())

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data
        if self.select is not None:
            self.option_text += data


def parse_forms(page: str) -> list[Form]:
    p = _FormParser()
    p.feed(page)
    return p.forms


def parse_links(page: str) -> list[str]:
    p = _FormParser()
    p.feed(page)
    return p.links


class _ElementText(html.parser.HTMLParser):
    VOID = {"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}

    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.depth = 0
        self.text = ""
        self.found = False
        self.items: list[str] = []
        self.item = ""
        self.in_item = False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
            if tag in ("li", "code", "td"):
                self.in_item = True
                self.item = ""
        elif dict(attrs).get("id") == self.element_id:
            self.depth = 1
            self.found = True

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        if tag in ("li", "code", "td") and self.in_item:
            if self.item.strip():
                self.items.append(self.item.strip())
            self.in_item = False
        self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text += data
            if self.in_item:
                self.item += data


def element_text(page: str, element_id: str) -> tuple[str | None, list[str]]:
    """The text of the element with this id (None when absent), and the texts of the list items
    or code elements inside it."""
    p = _ElementText(element_id)
    p.feed(page)
    return (p.text.strip() if p.found else None), p.items


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def error_message(page: str) -> str:
    """The error summary's or the page's first heading's words, for reports."""
    m = re.search(r'class="ov-error-summary[^"]*".*?</div>', page, re.S)
    if m:
        return " ".join(visible_text(m.group(0)).split())[:200]
    m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return " ".join(visible_text(m.group(1)).split())[:200] if m else page[:120]


# --------------------------------------------------------------------------------------------
# TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits)


def totp(secret_base32: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    s = secret_base32.replace(" ", "").replace("-", "").upper()
    s += "=" * (-len(s) % 8)
    key = base64.b32decode(s)
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % (10**digits)).zfill(digits)


# --------------------------------------------------------------------------------------------
# The deployment under test: a store of two authorities, users, tokens, servers.


@dataclasses.dataclass
class User:
    la: str
    username: str
    role: str
    password: str
    agency: str = ""
    token: str = ""
    totp_secret: str = ""
    recovery_codes: list[str] = dataclasses.field(default_factory=list)
    last_step: int = -1  # the last time step whose code the server accepted (a code works once)
    mfa_lock: threading.Lock = dataclasses.field(default_factory=threading.Lock, repr=False, compare=False)


def new_password() -> str:
    words = ["lantern", "orbit", "meadow", "copper", "harbour", "violet", "thistle", "granite", "puffin", "saffron"]
    return " ".join(secrets.choice(words) for _ in range(3)) + " " + secrets.token_hex(3)


class Deployment:
    def __init__(self, binary: str, root: str) -> None:
        self.binary = binary
        self.root = root
        self.database = os.path.join(root, "store.sqlite")
        self.env = dict(os.environ)
        self.env["OVERSIGHT_DATABASE"] = self.database
        self.env.pop("DATABASE_URL", None)
        self.env["LOG_LEVEL"] = "warning"
        self.users: dict[tuple[str, str], User] = {}  # (la, username)
        self.data = {AUTHORITY_A: os.path.join(root, "data-a"), AUTHORITY_B: os.path.join(root, "data-b")}
        self.metrics_token = secrets.token_hex(24)

    def run(self, args: list[str], input_text: str | None = None, env: dict | None = None, timeout: float = 120, cwd: str | None = None):
        e = dict(self.env)
        if env:
            e.update(env)
        return subprocess.run(
            [self.binary, *args], input=input_text, capture_output=True, text=True, env=e, timeout=timeout, cwd=cwd or self.root
        )

    def must(self, args: list[str], **kw) -> str:
        p = self.run(args, **kw)
        if p.returncode != 0:
            raise SetupError(f"oversight {' '.join(args)} exited {p.returncode}: {p.stderr.strip()[-400:] or p.stdout.strip()[-400:]}")
        return p.stdout

    def by_role(self, la: str, role: str) -> User:
        return self.users[(la, f"{'a' if la == AUTHORITY_A else 'b'}.{role}")]

    def setup(self) -> None:
        # Two small synthetic authorities (different seeds, so their children differ), one store.
        for la, seed in ((AUTHORITY_A, 1), (AUTHORITY_B, 2)):
            self.must(["synth", "--out", self.data[la], "--la", la, "--years", "2024..2025", "--seed", str(seed), "--scale", "0.05"])
        for la in (AUTHORITY_A, AUTHORITY_B):
            self.must(["import", self.data[la], "--la", la, "--user", "security-check"])
        # Users: one a role in each authority; extra accounts that the checks may lock, change or
        # disable without disturbing the others; one username that both authorities use.
        wanted: list[User] = []
        for la, prefix in ((AUTHORITY_A, "a"), (AUTHORITY_B, "b")):
            for role in ROLES:
                wanted.append(User(la, f"{prefix}.{role}", role, new_password(), "police" if role == "partner-auditor" else ""))
            wanted.append(User(la, "shared.name", "manager", new_password()))
        for name in ("a.lockme", "a.session", "a.injection", "a.fixation", "a.mfa", "a.mfalock", "a.disableme"):
            wanted.append(User(AUTHORITY_A, name, "manager", new_password()))
        wanted.append(User(AUTHORITY_A, "a.mfainject", "auditor", new_password()))
        wanted.append(User(AUTHORITY_A, "a.lockme2", "manager", new_password()))

        def add(u: User) -> None:
            args = ["users", "add", u.username, "--role", u.role, "--la", u.la, "--name", f"Check {u.username}"]
            if u.agency:
                args += ["--agency", u.agency]
            for attempt in range(5):
                p = self.run(args, env={"OVERSIGHT_PASSWORD": u.password})
                if p.returncode == 0:
                    return
                if "locked" not in (p.stderr + p.stdout).lower() or attempt == 4:
                    raise SetupError(f"users add {u.username} --la {u.la}: {p.stderr.strip()[-300:]}")
                time.sleep(0.2)

        self.must(["region", "add", "Security check region", "--code", REGION, "--la", f"{AUTHORITY_A},{AUTHORITY_B}"])
        wanted.append(User(REGION, REGIONAL_USER, "regional-analyst", new_password()))
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(add, wanted))
        for u in wanted:
            self.users[(u.la, u.username)] = u
        regional = self.users[(REGION, REGIONAL_USER)]
        out = self.must(["users", "token", regional.username, "--la", REGION, "--days", "1", "--name", "security-check"])
        m = re.search(r"\b(ovt_[A-Za-z0-9]+)\b", out) or re.search(r"^(\S{20,})$", out.strip(), re.M)
        if not m:
            raise SetupError(f"no token in the output of users token {regional.username}: {out!r}")
        regional.token = m.group(1)
        # An API token for every role of both authorities.
        for u in wanted:
            if u.username.startswith(("a.", "b.")) and u.role in ROLES and u.username.split(".", 1)[1] in ROLES:
                out = self.must(["users", "token", u.username, "--la", u.la, "--days", "1", "--name", "security-check"])
                m = re.search(r"\b(ovt_[A-Za-z0-9]+)\b", out) or re.search(r"^(\S{20,})$", out.strip(), re.M)
                if not m:
                    raise SetupError(f"no token in the output of users token {u.username}: {out!r}")
                u.token = m.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, deployment: Deployment, name: str, extra: list[str], secure: bool) -> None:
        self.deployment = deployment
        self.name = name
        self.extra = extra
        self.secure = secure
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.dir = os.path.join(deployment.root, f"serve-{name}")
        os.makedirs(self.dir, exist_ok=True)
        self.process: subprocess.Popen | None = None
        self.log_path = os.path.join(self.dir, "serve.log")
        self.session_cookie = SESSION_COOKIE_SECURE if secure else SESSION_COOKIE_PLAIN
        self.trusts_proxy = "--trust-proxy" in extra
        # Failed sign-ins (wrong passwords, wrong codes) sent to this server from this machine's
        # address: the per-address limit (check 9) counts them.
        self.sign_in_failures = 0
        self.failures_lock = threading.Lock()

    def count_failure(self, headers: dict | None = None) -> None:
        if self.trusts_proxy and "X-Forwarded-For" in (headers or {}):
            return  # counted against the address the proxy's header names
        with self.failures_lock:
            self.sign_in_failures += 1

    @property
    def uploads(self) -> str:
        return os.path.join(self.dir, "uploads")

    def start(self) -> None:
        env = dict(self.deployment.env)
        env["OVERSIGHT_METRICS_TOKEN"] = self.deployment.metrics_token
        env["LOG_LEVEL"] = "info"
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [self.deployment.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.extra],
            cwd=self.dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupError(f"serve ({self.name}) exited {self.process.returncode}: {self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/readyz")
                r = conn.getresponse()
                body = r.read()
                conn.close()
                if r.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SetupError(f"serve ({self.name}) not ready after 60 s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, n: int = 1500) -> str:
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-n:]
        except OSError:
            return ""


# --------------------------------------------------------------------------------------------
# Signing in through the real form, with multi-factor sign-in when the server asks for it.


class SignInFailed(Exception):
    def __init__(self, message: str, response: Response | None = None) -> None:
        super().__init__(message)
        self.response = response


def sign_in_form(b: Browser) -> Form:
    r = b.get(SIGN_IN)
    if r.status in (302, 303) and b.session():
        # A signed-in browser is sent on from the sign-in page: read the form as a browser without
        # the session would (the form's cookie still lands in this jar).
        r = b.get(SIGN_IN, send_cookies=False)
    for f in parse_forms(r.text):
        if f.has("csrf") and f.has("username"):
            return f
    raise SignInFailed(f"no sign-in form at {SIGN_IN}", r)


def submit_sign_in(b: Browser, user: User | None, username: str | None = None, password: str | None = None, authority: str | None = None, extra_headers: dict | None = None) -> Response:
    """Posts the sign-in form once (a fresh form token each time); returns the answer as is."""
    form = sign_in_form(b)
    fields = [("csrf", form.value("csrf") or ""), ("username", username if username is not None else user.username),
              ("password", password if password is not None else user.password)]
    la = authority if authority is not None else (user.la if user else "")
    if form.has("authority") or authority is not None:
        fields.append(("authority", la))
    r = b.post_form(SIGN_IN, fields, headers=extra_headers or {})
    if r.status == 422 and fields[1][1].strip() and fields[2][1]:
        b.server.count_failure({**b.headers, **(extra_headers or {})})
    return r


def sign_in(server: Server, user: User, label: str | None = None) -> Browser:
    b = Browser(server, label or f"{server.name}:{user.la}/{user.username}")
    r = submit_sign_in(b, user)
    r = second_factor(b, user, r)
    if r.status not in (302, 303) or (r.location_path or "") in (SIGN_IN, MFA_SETUP, MFA_CODE):
        raise SignInFailed(f"{user.la}/{user.username} could not sign in: {r.brief()} {error_message(r.text)}", r)
    if (r.location_path or "") == "/account/password":
        raise SignInFailed(f"{user.la}/{user.username} must change their password first", r)
    if not b.session():
        raise SignInFailed(f"{user.la}/{user.username}: no session cookie {server.session_cookie} after sign-in", r)
    b.user = user
    return b


def form_on(page: Response, field: str) -> Form | None:
    for f in parse_forms(page.text):
        if f.has(field):
            return f
    return None


def next_code(user: User) -> tuple[str, int | None]:
    """A code the server has not seen: the authenticator's for this time step when no code of
    this step was used yet, else a recovery code, else the next step's (after waiting for it).
    Returns the code and its step (None for a recovery code)."""
    step = int(time.time() // 30)
    if step > user.last_step:
        return totp(user.totp_secret, at=step * 30), step
    if user.recovery_codes:
        return user.recovery_codes.pop(0), None
    time.sleep(max(0.0, (user.last_step + 1) * 30 - time.time() + 0.5))
    step = int(time.time() // 30)
    return totp(user.totp_secret, at=step * 30), step


def continue_link(page: str) -> str | None:
    """The "Continue" link of a page (the recovery codes page), else the first link in <main>
    that leaves the sign-in pages."""
    for m in re.finditer(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', page, re.S):
        if " ".join(visible_text(m.group(2)).split()).lower() == "continue":
            return html.unescape(m.group(1))
    main = re.search(r"<main.*?</main>", page, re.S)
    for href in parse_links(main.group(0) if main else page):
        p = urllib.parse.urlsplit(href).path
        if p.startswith("/") and not p.startswith(("/sign-in", "/assets")):
            return href
    return None


def is_mfa_page(path: str | None) -> bool:
    return (path or "") in (MFA_CODE, MFA_SETUP)


def second_factor(b: Browser, user: User, r: Response) -> Response:
    """Completes multi-factor sign-in when the answer to the password asks for it, and returns
    the answer that ends sign-in (a redirect on, or the refusal); returns `r` itself when no
    second step is asked for (a server without multi-factor sign-in, a role that does not need
    it). Setting up: the key from #authenticator-key (groups of four, spaces removed), the first
    code computed here (RFC 6238), the recovery codes kept for later sign-ins, then the page's
    Continue link (returned as a 303 to it). The browser keeps the newest session cookie."""
    with user.mfa_lock:
        for _ in range(6):
            if r.status not in (301, 302, 303, 307, 308) or not is_mfa_page(r.location_path):
                return r
            page = b.get(r.location)
            if page.status in (301, 302, 303, 307, 308):
                r = page
                continue
            if page.status != 200:
                return page
            form = form_on(page, "code")
            if form is None:
                raise SignInFailed(f"{page.path} has no form with a code field", page)
            action = urllib.parse.urlsplit(form.action).path if form.action else urllib.parse.urlsplit(page.path).path
            fields = [(k, v) for k, v in form.defaults() if k != "code"]
            key, _ = element_text(page.text, MFA_KEY_ELEMENT_ID)
            if key:
                user.totp_secret = re.sub(r"\s+", "", key)
                user.recovery_codes = []
                user.last_step = -1
            if not user.totp_secret:
                raise SignInFailed(f"{user.username}: asked for a code, but no authenticator key is known", page)
            done = page
            for _attempt in range(3):
                code, step = next_code(user)
                done = b.post_form(action, fields + [("code", code)])
                if done.status == 422:
                    b.server.count_failure(b.headers)
                    if step is not None:
                        user.last_step = max(user.last_step, step)  # perhaps used by a sign-in elsewhere: move on
                    refreshed = form_on(done, "code")
                    if refreshed is not None:
                        fields = [(k, v) for k, v in refreshed.defaults() if k != "code"]
                    continue
                if step is not None:
                    user.last_step = max(user.last_step, step)
                if done.status == 200 and key:
                    # The recovery codes, shown once, and a link on.
                    codes: list[str] = []
                    for element_id in MFA_RECOVERY_ELEMENT_IDS:
                        codes += element_text(done.text, element_id)[1]
                    user.recovery_codes = codes
                    nxt = continue_link(done.text) or "/"
                    return Response(303, [("Location", nxt)], b"", done.seconds, "POST", action)
                return done
            return done
        return r


# --------------------------------------------------------------------------------------------
# The checks share one context: the deployment, the servers, signed-in browsers, what is known.


@dataclasses.dataclass
class Route:
    name: str
    method: str
    path: str
    pattern: str
    access: list[str]
    protection: str

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    def allows(self, role: str | None) -> bool:
        if "everyone" in self.access:
            return True
        if role is None:
            return False
        return "signed-in" in self.access or role in self.access


CHILD_ID = re.compile(r"\bC\d{6}\b")


class Context:
    def __init__(self, deployment: Deployment, main: Server, second: Server) -> None:
        self.d = deployment
        self.main = main
        self.second = second
        self.routes: list[Route] = []
        self.browsers: dict[tuple[str, str], Browser] = {}  # (la, role) on the main server
        self.ids: dict[str, set[str]] = {}  # child identifiers in each authority's files
        self.a_only: set[str] = set()
        self.audit_ids: list[str] = []
        self.marker = "chk" + secrets.token_hex(4)
        self.formula_downloads: list[str] = []
        self.mfa = False  # whether sign-in asked for a second factor

    def browser(self, la: str, role: str) -> Browser:
        key = (la, role)
        if key not in self.browsers or not self.browsers[key].session():
            self.browsers[key] = sign_in(self.main, self.d.by_role(la, role))
        return self.browsers[key]

    def load_routes(self) -> None:
        out = self.d.must(["routes", "--json"])
        text = out.strip()
        items = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
        self.routes = [Route(i["name"], i["method"], i["path"], i.get("pattern", i["path"]), i["access"], i.get("protection", "none")) for i in items]
        if len(self.routes) < 10:
            raise SetupError(f"routes --json listed only {len(self.routes)} routes")
        # Fixed paths before patterns with parameters (/audits/rounds is not an audit called "rounds").
        ordered = sorted(self.routes, key=lambda r: r.pattern.count(":"))
        ROUTE_PATTERNS[:] = [(r.method, r.name, re.compile("^" + re.sub(r":\w+", r"[^/?#]+", r.pattern) + "$")) for r in ordered]

    def load_ids(self) -> None:
        for la, folder in self.d.data.items():
            found: set[str] = set()
            for dirpath, _, files in os.walk(folder):
                for f in files:
                    with open(os.path.join(dirpath, f), encoding="utf-8", errors="replace") as fh:
                        found |= set(CHILD_ID.findall(fh.read()))
            self.ids[la] = found
        self.a_only = self.ids[AUTHORITY_A] - self.ids[AUTHORITY_B]
        if not self.a_only:
            raise SetupError("the two synthetic authorities share every child identifier")

    def a_children_in(self, text: str) -> set[str]:
        return set(CHILD_ID.findall(text)) & self.ids[AUTHORITY_A]

    def api(self, token: str | None, path: str, server: Server | None = None, headers: dict | None = None) -> Response:
        b = Browser(server or self.main, "api")
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        return b.get(path, headers=h)


def is_sign_in_redirect(r: Response) -> bool:
    return r.status in (301, 302, 303, 307, 308) and (r.location_path or "") == SIGN_IN


def refused(r: Response) -> bool:
    return r.status in (403, 404)


# ---- 1. every route with every role and with nobody


def route_call(ctx: Context, route: Route, b: Browser, user: User | None, path: str | None = None) -> Response:
    path = path or route.path
    if route.is_api:
        plain = Browser(ctx.main, b.label + ":api")
        headers = {"Authorization": f"Bearer {user.token}"} if user and user.token else {}
        return plain.request(route.method, path, headers=headers)
    if route.method == "GET":
        return b.get(path)
    fields = [("csrf", b.csrf())] if user else []
    if route.protection == "csrf-multipart":
        return b.post_multipart(path, fields, [])
    return b.post_form(path, fields)


def check_routes(ctx: Context) -> list[tuple[Route, str, Response]]:
    """Returns the answers seen, for the header checks."""
    la = AUTHORITY_A
    row = REPORT.row(
        "1 routes x roles",
        f"{len(ctx.routes)} routes x (nobody + {len(ROLES)} roles of {la}; POSTs with a valid CSRF token): allowed -> not "
        "401/403/sign-in; refused -> 403/404; nobody -> sign-in redirect or 401 (API); board/partner never get a child; "
        "HEAD and other spellings of child-level paths; the API refuses session cookies; /metrics only with its token",
    )
    seen: list[tuple[Route, str, Response]] = []
    skipped: list[str] = []
    for route in ctx.routes:
        for role in [None, *ROLES]:
            who = role or "nobody"
            user = ctx.d.by_role(la, role) if role else None
            path = route.path
            if route.name == "sign-in-submit":
                if role is None:
                    # The sign-in form posts with its own double-submit token: a fresh form, no name.
                    b = Browser(ctx.main, "nobody")
                    form = sign_in_form(b)
                    r = b.post_form(SIGN_IN, [("csrf", form.value("csrf") or ""), ("username", ""), ("password", "")])
                    expect(row, r.status not in (401, 403) and r.status < 500, f"{who}: POST {SIGN_IN} with its form token -> {r.status}")
                else:
                    if "sign-in-submit (signed-in roles: covered by sign-in itself)" not in skipped:
                        skipped.append("sign-in-submit (signed-in roles: covered by sign-in itself)")
                continue
            if route.name == "sign-out" and role is not None:
                # Signing out ends the session: use one made for it.
                b = sign_in(ctx.main, user, f"sign-out:{user.username}")
            elif role is None:
                b = Browser(ctx.main, "nobody")
            else:
                b = ctx.browser(la, role)
            if route.name == "import-undo" and route.allows(role) and role is not None:
                path = re.sub(r"/imports/\d+/", "/imports/999999/", path)  # never undo the data under test
            r = route_call(ctx, route, b, user, path)
            seen.append((route, who, r))
            where = f"{who}: {r.brief()}"
            if r.status >= 500:
                expect(row, False, f"{where}: server error")
                continue
            if route.name == "metrics":
                expect(row, r.status in (401, 404), f"{where}: /metrics without the scraper's token must answer 401")
            elif route.name == "sign-out" and role is not None:
                ended = b.get("/")
                expect(row, r.status in (302, 303) and is_sign_in_redirect(ended), f"{where}: sign-out did not end the session ({ended.brief()})")
            elif route.allows(role):
                ok = r.status not in (401, 403) and not is_sign_in_redirect(r) and (r.location_path or "") != "/account/password"
                expect(row, ok, f"{where}: allowed by the route table but refused")
            elif role is None:
                ok = (r.status == 401) if route.is_api else (is_sign_in_redirect(r) or r.status in (401, 403))
                expect(row, ok, f"{where}: nobody signed in must be sent to sign in" + (" (401)" if route.is_api else ""))
            else:
                expect(row, refused(r), f"{where}: not allowed for {role}, must answer 403 or 404")
            if role in ("board-member", "partner-auditor", "regional-analyst") or not route.allows(role):
                leaked = ctx.a_children_in(r.text)
                expect(row, not leaked, f"{where}: answer names children {sorted(leaked)[:3]}")
    # The same routes by HEAD and by other spellings of their paths: nobody and board members get
    # no child, and nobody gets anything but the sign-in page.
    board = ctx.browser(la, "board-member")
    child_routes = [r for r in ctx.routes if r.method == "GET" and not r.allows("board-member") and r.access != ["everyone"]]
    for route in child_routes:
        p = route.path
        variants = list(dict.fromkeys([p + "/", "/" + p, p.replace("/", "/./", 1)]))
        for who, b in (("nobody", Browser(ctx.main, "nobody")), ("board-member", board)):
            for method, path in [("HEAD", p)] + [("GET", v) for v in variants]:
                r = b.request(method, path)
                if who == "nobody" or route.is_api:  # the API answers a session cookie as nobody
                    ok = r.status in (401, 403, 404) or is_sign_in_redirect(r)
                else:
                    ok = r.status in (403, 404) or (r.status in (301, 302, 303, 307, 308) and not ctx.a_children_in(r.text))
                expect(row, ok and not ctx.a_children_in(r.text), f"{who}: {r.brief()} (variant of {route.name})")
    # The API never takes a session cookie (a form elsewhere could otherwise call it).
    b = ctx.browser(la, "performance-analyst")
    for path in ("/api/v1/measures", "//api/v1/measures", "/api//v1/measures", "/api/v1/measures/rereferrals_12m_pct/records/"):
        r = b.get(path)
        expect(row, r.status in (401, 404), f"session cookie on the API: {r.brief()} (must be 401: the API takes bearer tokens only)")
    # Metrics with the scraper's token, and with a wrong one.
    r = ctx.api(ctx.d.metrics_token, "/metrics")
    expect(row, r.status == 200 and "oversight_" in r.text, f"/metrics with its token: {r.brief()}")
    expect(row, not CHILD_ID.search(r.text) and "a.performance-analyst" not in r.text, "/metrics names a child or a user")
    r = ctx.api("wrong" + ctx.d.metrics_token, "/metrics")
    expect(row, r.status == 401, f"/metrics with a wrong token: {r.brief()}")
    row.notes += [f"skipped: {s}" for s in skipped]
    row.notes.append("import-undo for administrators posted to import 999999 (the real one is tried cross-authority and without CSRF)")
    row.notes.append("sign-out for each role on a session signed in for it")
    return seen


# ---- 1b. a child's record opened from another site


def check_region(ctx: Context) -> None:
    row = REPORT.row(
        "1c region",
        f"the regional analyst of region {REGION} ({AUTHORITY_A} and {AUTHORITY_B}): /region and its CSV show both authorities "
        "and no child; every other route refused (403/404) with no child, by page and by API token; each child of either "
        "authority refused; no authority's role opens the regional pages",
    )
    user = ctx.d.users[(REGION, REGIONAL_USER)]
    b = sign_in(ctx.main, user, "regional")
    both = ctx.ids[AUTHORITY_A] | ctx.ids[AUTHORITY_B]

    def children(text: str) -> list[str]:
        return sorted(set(CHILD_ID.findall(text)) & both)

    r = b.get("/region")
    expect(row, r.status == 200 and "Trafford" in r.text and "Wigan" in r.text, f"/region: {r.brief()} (both authorities' columns)")
    expect(row, not children(r.text), f"/region names children {children(r.text)[:3]}")
    r = b.get("/region.csv")
    expect(row, r.status == 200 and f",{REGION}," in r.text, f"/region.csv: {r.brief()}")
    expect(row, not children(r.text), f"/region.csv names children {children(r.text)[:3]}")
    r = b.get("/")
    expect(row, r.status in (302, 303) and (r.location_path or "") == "/region", f"/ sends the regional analyst to /region: {r.brief()}")
    for route in ctx.routes:
        if route.allows("regional-analyst") or route.name in ("sign-out", "sign-in-submit"):
            continue
        r = route_call(ctx, route, b, user)
        expect(row, refused(r) and not children(r.text), f"regional: {r.brief()} ({route.name}) must be refused with no child")
    for la in (AUTHORITY_A, AUTHORITY_B):
        for child in sorted(ctx.ids[la])[:3]:
            for path in (f"/children/{child}", f"/api/v1/measures/rereferrals_12m_pct/records?child={child}"):
                r = ctx.api(user.token, path) if path.startswith("/api/") else b.get(path)
                expect(row, refused(r) and child not in r.text, f"regional: {r.brief()} for {la}'s child {child}")
    for role in ROLES:
        if role == "regional-analyst":
            continue  # an account of an authority, not of a region: the table allows it the page, which names no region
        rb = ctx.browser(AUTHORITY_A, role)
        for path in ("/region", "/region.csv"):
            r = rb.get(path)
            expect(row, refused(r) or is_sign_in_redirect(r) or (r.location_path or "") in (MFA_CODE, MFA_SETUP), f"{AUTHORITY_A} {role}: {r.brief()} on {path}")


def check_child_guard(ctx: Context, child: str) -> None:
    row = REPORT.row("1b child view from elsewhere", "child page and numerator CSV with Sec-Fetch-Site cross-site, same-site, none, and without it a Referer of another host: nothing shown")
    b = ctx.browser(AUTHORITY_A, "performance-analyst")
    for path in (f"/children/{child}", "/measures/rereferrals_12m_pct/numerator.csv"):
        for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}, {"Sec-Fetch-Site": "none"},
                        {"Sec-Fetch-Site": "", "Referer": "http://evil.example/"}, {"Sec-Fetch-Site": "", "Referer": "http://127.0.0.1.evil.example/"}):
            h = dict(headers)
            if h.get("Sec-Fetch-Site") == "":
                # A browser that sends no Sec-Fetch-Site: the header is left out, not sent empty.
                h.pop("Sec-Fetch-Site")
                saved = b.headers.pop("Sec-Fetch-Site", None)
                try:
                    r = b.get(path, headers=h)
                finally:
                    if saved:
                        b.headers["Sec-Fetch-Site"] = saved
            else:
                r = b.get(path, headers=h)
            shown = ctx.a_children_in(re.sub(r'href="[^"]*"', "", r.text))
            expect(row, r.status < 500 and not shown and "Date of birth" not in r.text,
                   f"{path} with {headers}: {r.brief()} shows {sorted(shown)[:3]}")


# ---- 2. one authority's users never reach the other's data


def measure_ids(ctx: Context, token: str) -> list[str]:
    r = ctx.api(token, "/api/v1/measures")
    if r.status != 200:
        raise SetupError(f"/api/v1/measures: {r.brief()}")
    data = json.loads(r.text)
    items = data.get("measures", data) if isinstance(data, dict) else data
    out = []
    for m in items:
        mid = m.get("id") or m.get("measure") if isinstance(m, dict) else None
        if mid:
            out.append(mid)
    return out


def check_cross_authority(ctx: Context) -> dict:
    row = REPORT.row(
        "2 authority isolation",
        f"{AUTHORITY_B}'s users and tokens ask for {AUTHORITY_A}'s children, imports (and undo), audits, users (disable, "
        "reset), actions, reports; every measure's pages, CSVs and API records of B hold only B's children; one username in both",
    )
    a_an, b_an = ctx.browser(AUTHORITY_A, "performance-analyst"), ctx.browser(AUTHORITY_B, "performance-analyst")
    a_tok, b_tok = ctx.d.by_role(AUTHORITY_A, "performance-analyst").token, ctx.d.by_role(AUTHORITY_B, "performance-analyst").token
    # A child of A's only (from A's own drill-down download, checked against B's files).
    r = a_an.get("/measures/rereferrals_12m_pct/numerator.csv")
    listed = [c for c in CHILD_ID.findall(r.text) if c in ctx.a_only]
    if not listed:
        r = a_an.get("/measures/rereferrals_12m_pct/denominator.csv")
        listed = [c for c in CHILD_ID.findall(r.text) if c in ctx.a_only]
    child = listed[0] if listed else sorted(ctx.a_only)[0]
    r = a_an.get(f"/children/{child}")
    expect(row, r.status == 200 and child in r.text, f"control: {AUTHORITY_A}'s analyst opens {child}: {r.brief()}")
    for role in ("performance-analyst", "administrator", "manager"):
        b = ctx.browser(AUTHORITY_B, role)
        for path in (f"/children/{child}", f"/children/{child}?period=2025"):
            r = b.get(path)
            expect(row, refused(r) and child not in r.text, f"{AUTHORITY_B} {role}: {r.brief()} for {AUTHORITY_A}'s child")
    # A child both authorities' files name: B's page must be B's record, not A's.
    shared = sorted(ctx.ids[AUTHORITY_A] & ctx.ids[AUTHORITY_B])[:3]
    for c in shared:
        ra, rb = a_an.get(f"/children/{c}"), b_an.get(f"/children/{c}")

        def body(resp: Response) -> str:
            m = re.search(r"<main.*?</main>", resp.text, re.S)
            return m.group(0) if m else resp.text

        if ra.status == 200 and rb.status == 200:
            expect(row, body(ra) != body(rb), f"{c} (in both authorities' files): {AUTHORITY_B}'s page is the same as {AUTHORITY_A}'s")
    # Every measure's children, as B's analyst sees them (pages, downloads, API): only B's.
    a_only_hits: dict[str, list[str]] = {}
    measures = measure_ids(ctx, b_tok)
    for mid in measures:
        for path in (f"/measures/{mid}", f"/measures/{mid}/numerator.csv", f"/measures/{mid}/denominator.csv"):
            r = b_an.get(path)
            hits = set(CHILD_ID.findall(r.text)) & ctx.a_only
            row.count += 1
            if hits:
                a_only_hits[path] = sorted(hits)[:3]
        r = ctx.api(b_tok, f"/api/v1/measures/{mid}/records")
        hits = set(CHILD_ID.findall(r.text)) & ctx.a_only
        row.count += 1
        if hits:
            a_only_hits[f"API {mid}/records"] = sorted(hits)[:3]
    for where, hits in a_only_hits.items():
        row.failures.append(f"{AUTHORITY_B}'s analyst: {where} lists {AUTHORITY_A}'s children {hits}")
    r = b_an.get("/measures/rereferrals_12m_pct/denominator.csv")
    expect(row, bool(set(CHILD_ID.findall(r.text)) & ctx.ids[AUTHORITY_B]),
           f"control: {AUTHORITY_B}'s analyst sees none of {AUTHORITY_B}'s children in a drill-down ({r.brief()}): the scan above proves nothing")
    # Imports: A's import by number.
    ra = ctx.api(a_tok, "/api/v1/imports")
    a_imports = [i["id"] for i in json.loads(ra.text).get("imports", [])] if ra.status == 200 else []
    expect(row, bool(a_imports), f"control: {AUTHORITY_A}'s imports through the API: {ra.brief()}")
    rb = ctx.api(b_tok, "/api/v1/imports")
    b_imports = [i["id"] for i in json.loads(rb.text).get("imports", [])] if rb.status == 200 else []
    expect(row, not set(a_imports) & set(b_imports), f"{AUTHORITY_B}'s token lists {AUTHORITY_A}'s imports {sorted(set(a_imports) & set(b_imports))}")
    for iid in a_imports[:1]:
        for path in (f"/data/imports/{iid}", f"/data/imports/{iid}/findings.csv", f"/data/imports/{iid}/findings.xlsx"):
            r = b_an.get(path)
            expect(row, refused(r), f"{AUTHORITY_B} analyst: {r.brief()} ({AUTHORITY_A}'s import)")
        b_admin = ctx.browser(AUTHORITY_B, "administrator")
        r = b_admin.post_form(f"/data/imports/{iid}/undo", [("csrf", b_admin.csrf())])
        expect(row, refused(r), f"{AUTHORITY_B} administrator: {r.brief()} (undo of {AUTHORITY_A}'s import)")
        ra = ctx.api(a_tok, "/api/v1/imports")
        status = {i["id"]: i.get("status") for i in json.loads(ra.text).get("imports", [])} if ra.status == 200 else {}
        expect(row, status.get(iid) == "active", f"{AUTHORITY_A}'s import {iid} is {status.get(iid)} after {AUTHORITY_B}'s undo")
    # Users of A, through B's administrator.
    b_admin = ctx.browser(AUTHORITY_B, "administrator")
    r = b_admin.get("/users")
    expect(row, "a.manager" not in r.text and "a.administrator" not in r.text, f"{AUTHORITY_B}'s users page lists {AUTHORITY_A}'s users")
    for action in ("disable", "reset-password", "reset-authenticator"):
        r = b_admin.post_form(f"/users/a.manager/{action}", [("csrf", b_admin.csrf())])
        expect(row, refused(r), f"{AUTHORITY_B} administrator: {r.brief()} on {AUTHORITY_A}'s a.manager")
    r = ctx.api(ctx.d.by_role(AUTHORITY_A, "manager").token, "/api/v1/kpis")
    expect(row, r.status == 200, f"{AUTHORITY_A}'s a.manager still active (token works): {r.brief()}")
    r = b_admin.get("/activity")
    expect(row, "a.administrator" not in r.text and "a.performance-analyst" not in r.text, f"{AUTHORITY_B}'s activity log shows {AUTHORITY_A}'s users")
    r = b_admin.get("/activity.csv")
    expect(row, "a.administrator" not in r.text and "a.performance-analyst" not in r.text, f"{AUTHORITY_B}'s activity.csv shows {AUTHORITY_A}'s users")
    # Plan actions of A, through B's manager and strategic lead.
    a_mgr = ctx.browser(AUTHORITY_A, "manager")
    page = a_mgr.get("/ambitions/1?tab=actions")
    actions = sorted(set(re.findall(r'href="(/plan/actions/\d+)/update"', page.text)))
    for action in actions[:1]:
        marker = ctx.marker + "-cross"
        for role in ("manager", "strategic-lead", "administrator"):
            b = ctx.browser(AUTHORITY_B, role)
            r = b.post_multipart(action, [("csrf", b.csrf()), ("text", marker), ("evidence", marker), ("status", "at_risk")], [])
            expect(row, refused(r) or r.status == 422, f"{AUTHORITY_B} {role}: {r.brief()} on {AUTHORITY_A}'s action")
        r = a_mgr.get("/plan/actions.csv")
        expect(row, marker not in r.text, f"{AUTHORITY_B}'s update reached {AUTHORITY_A}'s {action}")
    # Audits of A (made by a round below), through B's staff.
    for aid in ctx.audit_ids[:1]:
        for role in ("auditor", "manager", "moderator", "administrator", "partner-auditor"):
            b = ctx.browser(AUTHORITY_B, role)
            for path in (f"/audits/{aid}", f"/audits/{aid}/review", f"/audits/{aid}/moderate"):
                r = b.get(path)
                expect(row, refused(r) and not ctx.a_children_in(r.text), f"{AUTHORITY_B} {role}: {r.brief()} ({AUTHORITY_A}'s audit)")
            tok = b.csrf()
            for path, fields in ((f"/audits/{aid}", [("intent", "save"), ("evidence-child-voice", ctx.marker)]),
                                 (f"/audits/{aid}/feedback", [("feedback", ctx.marker)]),
                                 (f"/audits/{aid}/moderate", [("grade", "good"), ("rationale", ctx.marker)])):
                r = b.post_form(path, [("csrf", tok), *fields])
                expect(row, refused(r), f"{AUTHORITY_B} {role}: {r.brief()} ({AUTHORITY_A}'s audit)")
    if not ctx.audit_ids:
        row.notes.append("no audit of A's to try (the round was not made)")
    # A report in A's reports folder (as a board pack made there would be), asked for by B.
    name = f"board-pack-{AUTHORITY_A}-check-{ctx.marker}.html"
    folder = os.path.join(ctx.main.dir, "reports", AUTHORITY_A)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(f"<html><body><p>{ctx.marker} report of {AUTHORITY_A}</p></body></html>")
    r = ctx.browser(AUTHORITY_A, "board-member").get(f"/reports/{name}")
    expect(row, r.status == 200 and ctx.marker in r.text, f"control: {AUTHORITY_A}'s board member opens {AUTHORITY_A}'s report: {r.brief()}")
    for role in ("administrator", "board-member", "performance-analyst"):
        b = ctx.browser(AUTHORITY_B, role)
        r = b.get(f"/reports/{name}")
        expect(row, refused(r) and ctx.marker not in r.text, f"{AUTHORITY_B} {role}: {r.brief()} ({AUTHORITY_A}'s report)")
        for path in (f"/reports/..%2F{AUTHORITY_A}%2F{name}", f"/reports/%2E%2E%2F{AUTHORITY_A}%2F{name}", "/reports"):
            r = b.get(path)
            expect(row, ctx.marker not in r.text and r.status < 500, f"{AUTHORITY_B} {role}: {r.brief()} shows {AUTHORITY_A}'s report")
    # One username in both authorities: each password opens only its own authority.
    a_user, b_user = ctx.d.users[(AUTHORITY_A, "shared.name")], ctx.d.users[(AUTHORITY_B, "shared.name")]
    br = Browser(ctx.main, "shared")
    r = submit_sign_in(br, b_user, password=a_user.password)
    expect(row, r.status == 422 and not br.session(), f"shared.name with {AUTHORITY_B} and {AUTHORITY_A}'s password: {r.brief()}")
    br = Browser(ctx.main, "shared")
    r = submit_sign_in(br, a_user, authority="")
    expect(row, not br.session(), f"shared.name (a name both authorities use) without an authority signed in: {r.brief()}")
    ok = sign_in(ctx.main, a_user, "shared:a")
    page = ok.get("/")
    expect(row, "Trafford" in page.text and "Wigan" not in page.text, f"shared.name with {AUTHORITY_A}: the overview is not Trafford's")
    return {"child": child}


# ---- 3. CSRF


def activity_rows(b: Browser) -> list[dict[str, str]]:
    r = b.get("/activity.csv")
    if r.status != 200:
        return []
    return list(csv.DictReader(io.StringIO(r.text)))


def first_action_path(b: Browser) -> str | None:
    page = b.get("/ambitions/1?tab=actions")
    found = re.search(r'href="(/plan/actions/\d+)/update"', page.text)
    return found.group(1) if found else None


def csrf_cases(ctx: Context) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """For each CSRF-protected route: a real target and the values a valid submission would send,
    each carrying the run's marker where the form has free text, so a change would show."""
    m = ctx.marker
    admin = ctx.browser(AUTHORITY_A, "administrator")
    action = first_action_path(admin) or "/plan/actions/1"
    aid = ctx.audit_ids[0] if ctx.audit_ids else "no-such-audit"
    child = sorted(ctx.a_only)[0]
    period = "2024-04-01..2025-03-31"
    lockme2 = ctx.d.users[(AUTHORITY_A, "a.lockme2")]
    return {
        "users-add": ("/users", [("displayName", m), ("username", m), ("role", "manager"), ("password", new_password())]),
        "users-disable": ("/users/a.lockme2/disable", []),
        "users-enable": ("/users/a.lockme2/enable", []),
        "users-reset": ("/users/a.lockme2/reset-password", []),
        "import-undo": ("/data/imports/1/undo", []),
        "commentary": ("/plan/ambitions/1/commentary", [("period", period), ("text", m)]),
        "action-update": (action, [("text", m), ("evidence", m), ("status", "at_risk")]),
        "action-update-check": (action + "/update", [("text", m), ("evidence", m), ("status", "at_risk")]),
        "action-change": (action + "/change/owner", [("step", "confirm"), ("owner", m)]),
        "action-add": ("/plan/ambitions/1/actions", [("step", "confirm"), ("text", m), ("owner", m)]),
        "entries-submit": ("/plan/entries", [("measure", "hand_multiagency_participation_pct"), ("period", "2025"), ("value", "12.5"), ("source", m)]),
        "rounds-create": ("/audits/rounds", [("name", m), ("month", "2025-03"), ("template", "case-file"), ("cohort", "all-open"),
                                             ("sample-size", "1"), ("due-date", "2026-12-31"), ("moderation-rate", "50")]),
        "supervision-add": ("/audits/supervision", [("worker", "SW00001"), ("date", "2025-01-10"), ("kind", "formal"), ("reflective", "Y")]),
        "supervision-standard": ("/audits/supervision/standards", [("role", m), ("days", "21")]),
        "multi-agency-start": ("/audits/multi-agency", [("child", child), ("auditor", "a.auditor"), ("partner-police", "a.partner-auditor"), ("due", "2026-12-31")]),
        "audit-save": (f"/audits/{aid}", [("intent", "save"), ("evidence-child-voice", m)]),
        "moderate-submit": (f"/audits/{aid}/moderate", [("grade", "good"), ("rationale", m)]),
        "audit-feedback": (f"/audits/{aid}/feedback", [("feedback", m)]),
        "audit-actions": (f"/audits/{aid}/actions", [("action", m)]),
        "audit-action-done": (f"/audits/{aid}/actions/1/done", []),
        "reports-make": ("/reports", [("period", "2025"), ("suppress", "no")]),
        "upload-submit": ("/data/upload", []),
        "users-reset-authenticator": ("/users/a.lockme2/reset-authenticator", []),
        "second-factor-submit": (MFA_CODE, [("code", "123456")]),
        "authenticator-set-up-submit": (MFA_SETUP, [("code", "123456")]),
        "password-change": ("/account/password", [("currentPassword", lockme2.password), ("newPassword", m + " lantern orbit"), ("confirmPassword", m + " lantern orbit")]),
        "sign-out": ("/sign-out", []),
    }


def check_csrf(ctx: Context) -> None:
    routes = [r for r in ctx.routes if r.protection in ("csrf-form", "csrf-multipart")]
    row = REPORT.row(
        "3 CSRF",
        f"{len(routes)} protected POST routes, each with no token, a random token, another session's token "
        "(and a wrong X-CSRF-Token header): 403, nothing changed",
    )
    cases = csrf_cases(ctx)
    admin = ctx.browser(AUTHORITY_A, "administrator")
    other_token = ctx.browser(AUTHORITY_A, "manager").csrf()
    before = activity_rows(admin)
    imports_before = ctx.api(ctx.d.by_role(AUTHORITY_A, "administrator").token, "/api/v1/imports").text
    # The change-password case runs in a.lockme2's own session (if it went through, that is the
    # password that would change).
    lockme2 = ctx.d.users[(AUTHORITY_A, "a.lockme2")]
    own = sign_in(ctx.main, lockme2, "csrf:a.lockme2")
    for route in routes:
        # The sign-in form and a family's feedback link (no session: a double-submit token of its
        # own, and every unusable link answers 404 before the token is read; FeedbackWebTests)
        # are checked on their own.
        if route.name in ("sign-in-submit", "feedback-family-submit"):
            continue
        role = "administrator" if route.allows("administrator") else next(r for r in ROLES if route.allows(r))
        b = own if route.name == "password-change" else ctx.browser(AUTHORITY_A, role)
        path, fields = cases.get(route.name, (route.path, []))
        if route.name not in cases:
            row.notes.append(f"{route.name}: no real target known, tried {route.path}")
        variants = [("no token", fields), ("random token", [("csrf", secrets.token_hex(32)), *fields]),
                    ("another session's token", [("csrf", other_token), *fields])]
        for label, body in variants:
            if route.protection == "csrf-multipart":
                data = b"CHILD,SEX,DOB\r\nC999999,M,01/01/2010\r\n"
                r = b.post_multipart(path, body, [("files", "header.csv", data)])
            else:
                r = b.post_form(path, body)
            expect(row, r.status == 403, f"{route.name} ({label}): {r.brief()}")
        if route.protection == "csrf-form":
            r = b.post_form(path, fields, headers={"X-CSRF-Token": secrets.token_hex(32)})
            expect(row, r.status == 403, f"{route.name} (wrong X-CSRF-Token header): {r.brief()}")
    # The sign-in form: its double-submit token missing, wrong, or without its cookie.
    user = ctx.d.by_role(AUTHORITY_A, "manager")
    for label in ("no token", "wrong token", "token without its cookie"):
        b = Browser(ctx.main, "csrf:sign-in")
        form = sign_in_form(b)
        fields = [("username", user.username), ("password", user.password), ("authority", user.la)]
        if label == "wrong token":
            fields.append(("csrf", secrets.token_hex(24)))
        elif label == "token without its cookie":
            fields.append(("csrf", form.value("csrf") or ""))
            b.cookies.pop(SIGN_IN_FORM_COOKIE, None)
        r = b.post_form(SIGN_IN, fields)
        expect(row, r.status == 403 and not b.session(), f"sign-in-submit ({label}): {r.brief()}")
    # Nothing changed.
    m = ctx.marker
    for path in ("/users", "/ambitions/1?tab=actions", "/ambitions/1?tab=commentary", "/plan/actions.csv", "/audits/rounds", "/audits/supervision", "/activity.csv", "/audits/all.csv", "/plan/entries"):
        r = admin.get(path)
        expect(row, m not in r.text, f"the marker of a refused form shows on {path}")
    r = admin.get("/users")
    expect(row, "/users/a.lockme2/disable" in r.text, "a.lockme2 is disabled after refused forms")
    expect(row, admin.get("/").status == 200, "the administrator was signed out by a refused sign-out")
    imports_after = ctx.api(ctx.d.by_role(AUTHORITY_A, "administrator").token, "/api/v1/imports").text
    expect(row, imports_before == imports_after, "the imports changed after refused forms (undo or upload went through)")
    after = activity_rows(admin)
    known = {tuple(x.values()) for x in before}
    changes = [x for x in after if tuple(x.values()) not in known and not re.search(r"refused|viewed|opened|downloaded|signed in|password accepted|second factor", x.get("action", ""))]
    expect(row, not changes, f"activity log records changes after refused forms: {[(x.get('user'), x.get('action'), x.get('target')) for x in changes][:4]}")
    check = sign_in(ctx.main, lockme2, "csrf:a.lockme2-again")  # the password did not change
    expect(row, check.session() is not None, "a.lockme2's password changed")
    expect(row, not os.listdir(ctx.main.uploads) if os.path.isdir(ctx.main.uploads) else True, f"files left in {ctx.main.uploads}: {os.listdir(ctx.main.uploads) if os.path.isdir(ctx.main.uploads) else ''}")


# ---- 4. sessions


def check_sessions(ctx: Context) -> None:
    row = REPORT.row(
        "4 session fixation",
        "cookie chosen before sign-in replaced; token length and uniqueness; sign-out, password change and disabling end "
        "sessions server-side; revoked and disabled users' API tokens refused; sign-in returns only to this site",
    )
    srv = ctx.main
    user = ctx.d.users[(AUTHORITY_A, "a.fixation")]
    # A session value the client (an attacker) set before sign-in.
    chosen = secrets.token_hex(32)
    b = Browser(srv, "fixation")
    b.cookies[srv.session_cookie] = chosen
    b.cookies[SESSION_COOKIE_PLAIN] = chosen
    r = submit_sign_in(b, user)
    r = second_factor(b, user, r)
    after = b.session()
    expect(row, after is not None and after != chosen, f"session after sign-in is the value set before it ({r.brief()})")
    attacker = Browser(srv, "attacker")
    attacker.cookies[srv.session_cookie] = chosen
    r = attacker.get("/")
    expect(row, is_sign_in_redirect(r), f"the chosen value opens a session: {r.brief()}")
    # Another session already in the browser: signing in again makes a new one.
    first = b.session()
    r = second_factor(b, user, submit_sign_in(b, user))
    expect(row, b.session() not in (None, first), "signing in again in a signed-in browser kept the session token")
    # Tokens: long and never repeated.
    tokens = {first, b.session()}
    expect(row, all(t and len(t) >= 32 for t in tokens), f"session tokens shorter than 128 bits: {[len(t or '') for t in tokens]}")
    expect(row, len(tokens) == 2, "two sign-ins got the same session token")
    # Sign-out ends the session on the server.
    old = b.session()
    r = b.post_form("/sign-out", [("csrf", b.csrf())])
    expect(row, r.status in (302, 303), f"sign-out: {r.brief()}")
    replay = Browser(srv, "replay")
    replay.cookies[srv.session_cookie] = old
    time.sleep(0.1)
    r = replay.get("/")
    expect(row, is_sign_in_redirect(r), f"the signed-out session still opens /: {r.brief()}")
    r = replay.get("/measures")
    expect(row, is_sign_in_redirect(r), f"the signed-out session still opens /measures: {r.brief()}")
    # A password change ends the user's other sessions.
    su = ctx.d.users[(AUTHORITY_A, "a.session")]
    one, two = sign_in(srv, su, "session-1"), sign_in(srv, su, "session-2")
    before_one, before_two = one.session(), two.session()
    new = new_password()
    r = one.post_form("/account/password", [("csrf", one.csrf()), ("currentPassword", su.password), ("newPassword", new), ("confirmPassword", new)])
    changed = r.status in (302, 303)
    expect(row, changed, f"password change: {r.brief()} {error_message(r.text) if r.status >= 400 else ''}")
    if changed:
        su.password = new
        expect(row, one.session() not in (None, before_one), "the browser that changed the password kept its old session token")
        time.sleep(0.1)
        r = two.get("/")
        expect(row, is_sign_in_redirect(r), f"another session of the user survived the password change: {r.brief()}")
        stale = Browser(srv, "stale")
        stale.cookies[srv.session_cookie] = before_one
        r = stale.get("/")
        expect(row, is_sign_in_redirect(r), f"the changing browser's old token survived: {r.brief()}")
    # Disabling a user (through the Users page) ends their sessions and their API tokens; a token
    # revoked at the command line stops at once.
    victim = ctx.d.users[(AUTHORITY_A, "a.disableme")]
    vb = sign_in(srv, victim, "disable-me")
    tokens = []
    for _ in range(2):
        out = ctx.d.must(["users", "token", victim.username, "--la", victim.la, "--days", "1", "--name", "disable-check"])
        tokens.append(re.search(r"\b(ovt_[A-Za-z0-9]+)\b", out).group(1) if "ovt_" in out else out.strip().splitlines()[-1])
    expect(row, ctx.api(tokens[0], "/api/v1/kpis").status == 200, "control: a new API token works")
    listing = ctx.d.must(["users", "tokens", "list", "--la", victim.la])
    numbers = [line.split()[0] for line in listing.splitlines() if victim.username in line and "active" in line]
    if numbers:
        ctx.d.must(["users", "tokens", "revoke", numbers[-1], "--la", victim.la])
        r = ctx.api(tokens[1], "/api/v1/kpis")
        r0 = ctx.api(tokens[0], "/api/v1/kpis")
        expect(row, r.status == 401 or r0.status == 401, f"a revoked token still works ({r.brief()}, {r0.brief()})")
    admin = ctx.browser(AUTHORITY_A, "administrator")
    r = admin.post_form(f"/users/{victim.username}/disable", [("csrf", admin.csrf())])
    expect(row, r.status in (200, 302, 303), f"disabling {victim.username}: {r.brief()}")
    r = vb.get("/")
    expect(row, is_sign_in_redirect(r), f"a disabled user's session still opens /: {r.brief()}")
    r = ctx.api(tokens[0], "/api/v1/kpis")
    expect(row, r.status in (401, 403), f"a disabled user's API token still works: {r.brief()}")
    b = Browser(srv, "disabled")
    r = submit_sign_in(b, victim)
    expect(row, r.status == 422 and not b.session(), f"a disabled user signs in: {r.brief()}")
    # Redirects are relative or to this host, whatever Host the request names.
    r = Browser(srv, "host").get("/measures", headers={"Host": "evil.example"})
    expect(row, "evil.example" not in (r.location or ""), f"a redirect follows the Host header: {r.brief()}")
    # Sign-in returns only to paths on this site.
    for target in ("//evil.example/", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/%5Cevil.example", "/\t/evil.example"):
        b = Browser(srv, "return")
        page = b.get(SIGN_IN + "?returnTo=" + urllib.parse.quote(target, safe=""))
        form = next((f for f in parse_forms(page.text) if f.has("username")), None)
        fields = [(k, v) for k, v in (form.defaults() if form else []) if k not in ("username", "password", "authority", "returnTo")]
        fields += [("username", user.username), ("password", user.password), ("authority", user.la), ("returnTo", target)]
        r = b.post_form(SIGN_IN, fields)
        r = second_factor(b, user, r)
        loc = r.location or ""
        parts = urllib.parse.urlsplit(loc)
        bad = bool(parts.netloc) or loc.startswith(("//", "/\\")) or "evil.example" in urllib.parse.unquote(loc)
        expect(row, not bad, f"returnTo={target!r}: sign-in sent the browser to {loc!r}")


# ---- 4b. multi-factor sign-in


def check_second_factor(ctx: Context) -> None:
    row = REPORT.row(
        "4b multi-factor",
        "a session waiting for its code opens nothing else; wrong, reused and injected codes refused; the session "
        "is replaced when the code is accepted; a recovery code works once; parallel wrong codes lock the codes",
    )
    if not ctx.mfa:
        row.skipped = True
        row.notes.append("the server asked no role for a second factor (no multi-factor sign-in): skipped")
        return
    srv = ctx.second  # behind a "proxy": each browser its own address, so the address limit stays out of the way
    n = [0]

    def browser(label: str) -> Browser:
        n[0] += 1
        b = Browser(srv, label)
        b.headers["X-Forwarded-For"] = f"10.20.{n[0] // 200}.{n[0] % 200 + 1}"
        return b

    u = ctx.d.users[(AUTHORITY_A, "a.mfa")]
    first = browser("mfa:set-up")
    r = submit_sign_in(first, u)
    expect(row, r.status in (302, 303) and is_mfa_page(r.location_path), f"{u.username} (manager): the password alone: {r.brief()}")
    waiting_setup = first.session()
    done = second_factor(first, u, r)
    expect(row, bool(u.totp_secret) and done.status in (302, 303) and not is_mfa_page(done.location_path), f"setting up the authenticator: {done.brief()}")
    expect(row, len(u.recovery_codes) >= 5, f"recovery codes shown at set-up: {len(u.recovery_codes)}")
    expect(row, first.session() not in (None, waiting_setup), "the session was not replaced when the first code was accepted")
    # A waiting session (password right, code to come) opens only the code pages.
    w = browser("mfa:waiting")
    r = submit_sign_in(w, u)
    waiting = w.session()
    expect(row, waiting is not None and is_mfa_page(r.location_path), f"second sign-in: {r.brief()}")
    code_page = w.get(MFA_CODE)
    code_form = form_on(code_page, "code")
    token = code_form.value("csrf") if code_form else ""
    open_routes = {"sign-in", "sign-in-submit", "sign-out", "asset", "healthz", "readyz", "metrics"}
    walked = 0
    for route in ctx.routes:
        # Routes open to everyone (signing in, single sign-on, health) are not behind the code.
        if route.is_api or route.name in open_routes or route.access == ["everyone"] or is_mfa_page(route.path) or not route.allows("manager"):
            continue
        if route.method == "GET":
            r = w.get(route.path)
        else:
            r = w.post_form(route.path, [("csrf", token or "")])
        walked += 1
        ok = r.status in (401, 403) or (r.status in (302, 303) and (is_mfa_page(r.location_path) or r.location_path == SIGN_IN))
        expect(row, ok, f"waiting session: {r.brief()} (must send to the code page)")
    row.notes.append(f"waiting session tried on {walked} routes")
    r = ctx.api(None, "/api/v1/measures", server=srv, headers={"Cookie": f"{srv.session_cookie}={waiting}"})
    expect(row, r.status == 401, f"waiting session on the API: {r.brief()}")
    # A wrong code, then the right one.
    real = totp(u.totp_secret)
    wrong = "000000" if real != "000000" else "111111"
    r = w.post_form(MFA_CODE, [("csrf", token or ""), ("code", wrong)])
    expect(row, r.status == 422 and w.session() == waiting, f"a wrong code: {r.brief()}")
    done = second_factor(w, u, Response(303, [("Location", MFA_CODE)], b"", 0))
    expect(row, done.status in (302, 303) and not is_mfa_page(done.location_path) and w.session() not in (None, waiting),
           f"the right code: {done.brief()}; session replaced: {w.session() != waiting}")
    old = browser("mfa:old-waiting")
    old.cookies[srv.session_cookie] = waiting
    r = old.get("/")
    expect(row, is_sign_in_redirect(r), f"the waiting session's token after the code was accepted: {r.brief()}")
    # The code just used, again (a code works once).
    again = browser("mfa:reuse")
    r = submit_sign_in(again, u)
    page = again.get(MFA_CODE)
    f = form_on(page, "code")
    used = totp(u.totp_secret, at=u.last_step * 30)
    r = again.post_form(MFA_CODE, [(k, v) for k, v in (f.defaults() if f else []) if k != "code"] + [("code", used)])
    expect(row, r.status == 422 and not (r.status in (302, 303) and not is_mfa_page(r.location_path)), f"the code of step {u.last_step} used twice: {r.brief()}")
    # A recovery code works once.
    if u.recovery_codes:
        rc = u.recovery_codes.pop(0)
        page = again.get(MFA_CODE)
        f = form_on(page, "code")
        r = again.post_form(MFA_CODE, [(k, v) for k, v in (f.defaults() if f else []) if k != "code"] + [("code", rc)])
        expect(row, r.status in (302, 303) and not is_mfa_page(r.location_path), f"a recovery code: {r.brief()}")
        twice = browser("mfa:recovery-twice")
        submit_sign_in(twice, u)
        page = twice.get(MFA_CODE)
        f = form_on(page, "code")
        r = twice.post_form(MFA_CODE, [(k, v) for k, v in (f.defaults() if f else []) if k != "code"] + [("code", rc)])
        expect(row, r.status == 422, f"the same recovery code again: {r.brief()}")
    # Injection strings in the code field.
    v = ctx.d.users[(AUTHORITY_A, "a.mfainject")]
    sign_in(srv, v, "mfa:inject-set-up")
    inj = browser("mfa:inject")
    submit_sign_in(inj, v)
    for label, payload in INJECTIONS.items():
        page = inj.get(MFA_CODE)
        f = form_on(page, "code")
        if f is None:
            break  # the codes are locked after five wrong ones: the waiting session has ended
        r = inj.post_form(MFA_CODE, [(k, val) for k, val in f.defaults() if k != "code"] + [("code", payload)])
        expect(row, r.status < 500 and not has_raw_markup(r) and not (r.status in (302, 303) and not is_mfa_page(r.location_path) and r.location_path != SIGN_IN),
               f"code={label}: {r.brief()}")
    # Parallel wrong codes lock the codes: then the right code is refused.
    lk = ctx.d.users[(AUTHORITY_A, "a.mfalock")]
    sign_in(srv, lk, "mfa:lock-set-up")
    lb = browser("mfa:lock")
    submit_sign_in(lb, lk)
    page = lb.get(MFA_CODE)
    f = form_on(page, "code")
    base = [(k, val) for k, val in (f.defaults() if f else []) if k != "code"]
    real = totp(lk.totp_secret)

    def guess(i: int) -> Response:
        code = f"{(int(real) + 1 + i) % 1000000:06d}"
        return lb.post_form(MFA_CODE, base + [("code", code)], headers={"X-Forwarded-For": f"10.21.0.{i + 1}"})

    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(guess, range(10)))
    expect(row, not any(a.status in (302, 303) and not is_mfa_page(a.location_path) and a.location_path != SIGN_IN for a in answers),
           f"10 parallel wrong codes: one signed in ({sorted({a.status for a in answers})})")
    after = browser("mfa:after-lock")
    r = submit_sign_in(after, lk)
    if r.status in (302, 303) and is_mfa_page(r.location_path):
        page = after.get(r.location)
        f = form_on(page, "code")
        code = lk.recovery_codes.pop(0) if lk.recovery_codes else totp(lk.totp_secret)
        r = after.post_form(MFA_CODE, [(k, val) for k, val in (f.defaults() if f else []) if k != "code"] + [("code", code)]) if f else page
    signed_in = r.status in (302, 303) and not is_mfa_page(r.location_path) and r.location_path != SIGN_IN
    expect(row, not signed_in, f"a right code after 10 parallel wrong ones: {r.brief()} (the codes must be locked)")


# ---- 5. cookies and headers


def cookie_attrs(r: Response, name: str) -> dict[str, str] | None:
    for v in r.headers_all("Set-Cookie"):
        n, val, attrs = parse_set_cookie(v)
        if n == name and val:
            return attrs
    return None


def check_cookies_and_headers(ctx: Context, seen: list[tuple[Route, str, Response]]) -> None:
    row = REPORT.row(
        "5 cookies and headers",
        "session and sign-in cookies (secure server and --insecure-cookies server); CSP, nosniff, frames, "
        "Referrer-Policy, HSTS, no-store on every page and child-level download",
    )
    for srv in (ctx.main, ctx.second):
        user = ctx.d.by_role(AUTHORITY_A, "auditor")
        b = Browser(srv, f"cookies:{srv.name}")
        page = b.get(SIGN_IN)
        form_cookie = cookie_attrs(page, SIGN_IN_FORM_COOKIE)
        expect(row, form_cookie is not None, f"{srv.name}: no {SIGN_IN_FORM_COOKIE} cookie on the sign-in page")
        if form_cookie is not None:
            expect(row, "httponly" in form_cookie, f"{srv.name}: {SIGN_IN_FORM_COOKIE} not HttpOnly")
            expect(row, form_cookie.get("samesite", "").lower() in ("strict", "lax"), f"{srv.name}: {SIGN_IN_FORM_COOKIE} SameSite={form_cookie.get('samesite')}")
            if srv.secure:
                expect(row, "secure" in form_cookie, f"{srv.name}: {SIGN_IN_FORM_COOKIE} not Secure")
        b.cookie_log.clear()
        r = submit_sign_in(b, user)
        second_factor(b, user, r)
        # The session cookie set last in sign-in (by the password's answer, or the code's).
        sets = [attrs for name, val, attrs in b.cookie_log if name == srv.session_cookie and val]
        expect(row, bool(sets), f"{srv.name}: sign-in set no cookie named {srv.session_cookie}: {[(n, a) for n, _, a in b.cookie_log]}")
        if not sets:
            continue
        # Every session cookie sign-in set (the one waiting for a code too) carries the flags.
        attrs = {k: v for k, v in sets[0].items()}
        for other in sets[1:]:
            for k in list(attrs):
                if k not in other:
                    attrs.pop(k)
        expect(row, "httponly" in attrs, f"{srv.name}: session cookie not HttpOnly")
        expect(row, attrs.get("samesite", "").lower() in ("lax", "strict"), f"{srv.name}: session cookie SameSite={attrs.get('samesite')}")
        expect(row, attrs.get("path", "/") == "/", f"{srv.name}: session cookie Path={attrs.get('path')}")
        expect(row, "domain" not in attrs, f"{srv.name}: session cookie has a Domain ({attrs.get('domain')})")
        if srv.secure:
            expect(row, "secure" in attrs, "secure server: session cookie not Secure")
            expect(row, srv.session_cookie.startswith("__Host-"), "secure server: session cookie without the __Host- prefix")
        else:
            row.notes.append(f"--insecure-cookies: session cookie {srv.session_cookie} {'with' if 'secure' in attrs else 'without'} Secure (by design on plain HTTP)")
        if srv.secure:
            hsts = b.get("/").header("Strict-Transport-Security") or ""
            m = re.search(r"max-age=(\d+)", hsts)
            expect(row, bool(m) and int(m.group(1)) >= 15552000, f"secure server: Strict-Transport-Security {hsts!r}")
    # Every answer seen while walking the routes.
    child_level = {"child", "measure", "measure-numerator-csv", "measure-denominator-csv", "measure-numerator-xlsx",
                   "measure-denominator-xlsx", "import", "import-findings-csv", "import-findings-xlsx", "audit", "api-measure-records",
                   "activity", "activity-csv", "activity-xlsx", "audits-csv", "audits-xlsx", "lists", "lists-download", "clinics",
                   "clinics-download"}
    problems: dict[str, list[str]] = {}

    def problem(kind: str, where: str) -> None:
        problems.setdefault(kind, []).append(where)

    for route, who, r in seen:
        ctype = (r.header("Content-Type") or "").lower()
        where = f"{who} {r.method} {r.path} ({r.status})"
        row.count += 1
        if "text/html" in ctype:
            csp = r.header("Content-Security-Policy") or ""
            directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}
            script = directives.get("script-src", directives.get("default-src", ""))
            if not csp or "default-src" not in directives:
                problem("no Content-Security-Policy with default-src", where)
            elif "'unsafe-inline'" in script or "'unsafe-eval'" in script or "*" in script.split():
                problem("CSP allows inline or eval'd scripts", where)
            xfo = (r.header("X-Frame-Options") or "").upper()
            fa = directives.get("frame-ancestors", "")
            if xfo not in ("DENY", "SAMEORIGIN") and "'none'" not in fa and "'self'" not in fa:
                problem("framing not refused (X-Frame-Options / frame-ancestors)", where)
            if (r.header("Referrer-Policy") or "").lower() not in ("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin", "origin", "origin-when-cross-origin"):
                problem(f"Referrer-Policy {r.header('Referrer-Policy')!r}", where)
            if "no-store" not in (r.header("Cache-Control") or "").lower():
                problem("page without Cache-Control: no-store", where)
        if (r.header("X-Content-Type-Options") or "").lower() != "nosniff" and route.name != "asset":
            problem("no X-Content-Type-Options: nosniff", where)
        if route.name in child_level and r.status == 200 and "no-store" not in (r.header("Cache-Control") or "").lower():
            problem("child-level answer without Cache-Control: no-store", where)
        if ctx.main.secure and not (r.header("Strict-Transport-Security") or ""):
            problem("no Strict-Transport-Security on the secure server", where)
        if ctype.startswith("text/html") is False and route.name.endswith("-csv") and r.status == 200 and "attachment" not in (r.header("Content-Disposition") or ""):
            problem("CSV download not served as an attachment", where)
    for kind, wheres in problems.items():
        row.failures.append(f"{kind}: {len(wheres)} answers, e.g. {'; '.join(wheres[:3])}")


# ---- hostile files


def zip_bytes(entries: list[tuple[str, bytes]], level: int = 9) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def zip_of_zeros(name: str, size: int) -> bytes:
    """One entry of `size` zero bytes, deflated as it is written (a few hundred KB for 100 MB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=size > 0xFFFFFFFF) as f:
            chunk = b"0" * (1 << 20)
            left = size
            while left > 0:
                f.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return out.getvalue()


def lie_about_sizes(data: bytes, claimed: int = 1000) -> bytes:
    """The same ZIP with every entry's uncompressed size (local header and central directory)
    declared as `claimed` bytes."""
    b = bytearray(data)
    i = 0
    while True:
        i = b.find(b"PK\x03\x04", i)
        if i < 0:
            break
        struct.pack_into("<I", b, i + 22, claimed)
        i += 4
    i = 0
    while True:
        i = b.find(b"PK\x01\x02", i)
        if i < 0:
            break
        struct.pack_into("<I", b, i + 24, claimed)
        i += 4
    return bytes(b)


PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def elf_bytes() -> bytes:
    for candidate in ("/bin/true", "/usr/bin/true"):
        try:
            with open(candidate, "rb") as f:
                data = f.read(64 * 1024)
                if data.startswith(b"\x7fELF"):
                    return data
        except OSError:
            pass
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(256)) * 64


BILLION_LAUGHS_DTD = (
    '<!DOCTYPE {root} [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


def doctype(kind: str, root: str) -> tuple[str, str]:
    """A document type declaration of `kind` for a document whose root is `root`, and the entity
    reference to put in a text node."""
    if kind == "billion-laughs":
        return BILLION_LAUGHS_DTD.format(root=root), "&lol9;"
    if kind == "quadratic":
        return f'<!DOCTYPE {root} [\n <!ENTITY big "{"x" * 50000}">\n]>\n', "&big;" * 2000
    if kind == "external-entity":
        return f'<!DOCTYPE {root} [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', "&xxe;"
    if kind == "parameter-entity":
        return (f'<!DOCTYPE {root} [\n <!ENTITY % file SYSTEM "file:///etc/passwd">\n'
                f' <!ENTITY % eval "<!ENTITY leak \'&#x25;file;\'>">\n %eval;\n]>\n'), "&leak;"
    if kind == "external-dtd":
        return f'<!DOCTYPE {root} SYSTEM "file:///etc/passwd">\n', ""
    raise ValueError(kind)


XML_KINDS = ("billion-laughs", "quadratic", "external-entity", "parameter-entity", "external-dtd")


def hostile_xml(original: str, kind: str, root: str, element: str) -> str:
    """`original` (a real return) with a DOCTYPE after its XML declaration and the entity
    referenced in the first `element`'s text."""
    dtd, ref = doctype(kind, root)
    decl_end = original.find("?>") + 2 if original.startswith("<?xml") else 0
    out = original[:decl_end] + "\n" + dtd + original[decl_end:].lstrip()
    if ref:
        out = re.sub(f"<{element}>([^<]*)</{element}>", lambda m: f"<{element}>{m.group(1)}{ref}</{element}>", out, count=1)
    return out


def xlsx_parts(rows: list[list[str]], sheet_name: str = "List 1") -> dict[str, str]:
    def col(i: int) -> str:
        return chr(ord("A") + i)

    cells = "".join(
        f'<row r="{r + 1}">' + "".join(f'<c r="{col(c)}{r + 1}" t="s"><v>{r * 100 + c}</v></c>' for c, _ in enumerate(row)) + "</row>"
        for r, row in enumerate(rows)
    )
    strings = [v for row in rows for v in row]
    # Shared strings are indexed densely in order; rebuild the index map accordingly.
    index, k = {}, 0
    for r, row in enumerate(rows):
        for c, _ in enumerate(row):
            index[r * 100 + c] = k
            k += 1
    cells = re.sub(r"<v>(\d+)</v>", lambda m: f"<v>{index[int(m.group(1))]}</v>", cells)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    return {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} {rel}><sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData>{cells}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{html.escape(s)}</t></si>" for s in strings) + "</sst>",
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {ns}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>',
    }


ANNEX_A_ROWS = [
    ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Date of Contact", "Contact Source"],
    ["C900001", "Male", "WBRI", "01/02/2015", "03/04/2024", "Police"],
]
ROOT_ELEMENTS = {
    "xl/workbook.xml": ("workbook", "sheet"),
    "xl/worksheets/sheet1.xml": ("worksheet", "t"),
    "xl/sharedStrings.xml": ("sst", "t"),
    "xl/_rels/workbook.xml.rels": ("Relationships", ""),
    "xl/styles.xml": ("styleSheet", ""),
}


def hostile_xlsx(part: str, kind: str) -> bytes:
    parts = xlsx_parts(ANNEX_A_ROWS)
    root, element = ROOT_ELEMENTS[part]
    dtd, ref = doctype(kind, root)
    text = parts[part]
    decl_end = text.find("?>") + 2
    text = text[:decl_end] + "\n" + dtd + text[decl_end:].lstrip()
    if ref and element:
        text = re.sub(f"<{element}>([^<]*)</{element}>", lambda m: f"<{element}>{m.group(1)}{ref}</{element}>", text, count=1)
    parts[part] = text
    return zip_bytes(list(parts.items()), level=6)


def xlsx_escaping_relationship() -> bytes:
    """A workbook whose sheet relationship points outside the package (at /etc/passwd)."""
    parts = xlsx_parts(ANNEX_A_ROWS)
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace('Target="worksheets/sheet1.xml"', 'Target="../../../../../../etc/passwd"')
    return zip_bytes(list(parts.items()), level=6)


# ---- 6. uploads


@dataclasses.dataclass
class UploadOutcome:
    first: Response
    final: Response
    seconds: float
    refused: bool
    message: str


def upload(b: Browser, name: str, data: bytes, wait: float = 30.0, chunked: bool = False) -> UploadOutcome:
    """Posts a file to the data upload form and, when it is taken to be imported in the
    background, follows the job until it ends (failed: refused; imported: not refused)."""
    started = time.monotonic()
    token = b.csrf("/data/upload")
    if chunked:
        body, ctype = multipart([("csrf", token)], [("files", name, data)])
        first = b.request("POST", "/data/upload", body=iter([body[i : i + 65536] for i in range(0, len(body), 65536)]),
                          headers={"Content-Type": ctype, "Transfer-Encoding": "chunked", "Origin": b.server.base})
    else:
        first = b.post_multipart("/data/upload", [("csrf", token)], [("files", name, data)])
    final = first
    if first.status in (302, 303) and "/data/jobs/" in (first.location_path or ""):
        deadline = time.monotonic() + wait
        while True:
            final = b.get(first.location_path)
            running = final.status == 200 and "/data/jobs/" in final.path and re.search(r"(?i)\b(running|in progress|importing|validating)\b", final.text)
            if not running or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    seconds = time.monotonic() - started
    if final.status in (302, 303) and "/data/imports/" in (final.location_path or ""):
        return UploadOutcome(first, final, seconds, False, f"imported ({final.location})")
    msg = ""
    m = re.search(r"<main.*?</main>", final.text, re.S)
    words = " ".join(visible_text(m.group(0) if m else final.text).split())
    m2 = re.search(r"(There is a problem.*?|The import failed:.*?)(Status|Upload a|$)", words)
    msg = (m2.group(1) if m2 else words)[:300]
    return UploadOutcome(first, final, seconds, 400 <= final.status < 500, msg)


def store_snapshot(ctx: Context) -> dict[str, str]:
    out = {}
    for la in (AUTHORITY_A, AUTHORITY_B):
        tok = ctx.d.by_role(la, "administrator").token
        imports = ctx.api(tok, "/api/v1/imports")
        listing = json.loads(imports.text).get("imports", []) if imports.status == 200 else []
        out[f"{la} imports"] = json.dumps([(i.get("id"), i.get("status")) for i in listing])
        out[f"{la} measures"] = ctx.api(tok, "/api/v1/measures").text
    out["A measures.csv"] = ctx.browser(AUTHORITY_A, "performance-analyst").get("/measures.csv").text
    return out


def server_path_shown(ctx: Context, text: str) -> bool:
    return ctx.main.dir in text or ctx.d.root in text or "/uploads/" in text


def report_disclosure(row: Row, disclosed: list[tuple[str, "UploadOutcome"]]) -> None:
    """Refusals whose message shows where the server keeps its files (docs/web.md: "No stack
    trace or error detail is ever shown")."""
    if disclosed:
        label, out = disclosed[0]
        m = re.search(r"(/\S*/uploads/\S*)", out.message)
        row.failures.append(
            f"information disclosure: {len(disclosed)} refused uploads show the server's upload path in the page "
            f"({', '.join(l for l, _ in disclosed[:4])}{', ...' if len(disclosed) > 4 else ''}); e.g. {label}: "
            f"{out.final.method} {out.final.path} -> {out.final.status}: \"{out.message[:230]}\""
        )


def check_uploads(ctx: Context) -> None:
    limit = UPLOAD_LIMIT_MB << 20
    row = REPORT.row(
        "6 uploads",
        f"ZIP bombs (one 100 MB entry, sizes declared small, 60 x 1 MB, nested), traversal names in ZIPs and in the "
        f"form, files over the {UPLOAD_LIMIT_MB} MB limit (with and without a length), wrong kinds: refused, nothing outside uploads, data unchanged",
    )
    b = ctx.browser(AUTHORITY_A, "performance-analyst")
    before = store_snapshot(ctx)
    tag = secrets.token_hex(4)
    bomb = zip_of_zeros("episodes.csv", 100 << 20)
    cases: list[tuple[str, str, bytes, bool]] = [
        ("ZIP bomb: one 100 MB entry", "bomb.zip", bomb, False),
        ("ZIP bomb: sizes declared as 1000 bytes", "bomb-declared-small.zip", lie_about_sizes(bomb), False),
        ("ZIP bomb: 60 entries of 1 MB", "many.zip", zip_bytes([(f"903/2025/part{i}.csv", b"0" * (1 << 20)) for i in range(60)]), False),
        ("nested ZIP bomb", "nested.zip", zip_bytes([("inner.zip", bomb), ("inner2.zip", bomb)]), False),
        ("ZIP name ../../", "traversal.zip", zip_bytes([(f"../../sc-trav-{tag}.csv", b"CHILD,SEX\r\nC1,M\r\n")]), False),
        ("ZIP name deep ../", "traversal-deep.zip", zip_bytes([("a/" + "../" * 12 + f"tmp/sc-deep-{tag}.csv", b"CHILD,SEX\r\n")]), False),
        ("ZIP name absolute", "absolute.zip", zip_bytes([(f"/tmp/sc-abs-{tag}.csv", b"CHILD,SEX\r\n")]), False),
        ("ZIP name with backslashes", "backslash.zip", zip_bytes([(f"..\\..\\sc-bs-{tag}.csv", b"CHILD,SEX\r\n")]), False),
        ("ZIP name with a drive letter", "drive.zip", zip_bytes([(f"C:\\sc-drive-{tag}.csv", b"CHILD,SEX\r\n")]), False),
        ("ZIP name after a good one", "mixed.zip", zip_bytes([("ok.csv", b"CHILD,SEX\r\n"), (f"../sc-mixed-{tag}.csv", b"CHILD,SEX\r\n")]), False),
        ("form file name ../../../", f"../../../sc-form-{tag}.csv", b"junk,junk\r\n1,2\r\n", False),
        ("form file name absolute", f"/tmp/sc-formabs-{tag}.csv", b"junk,junk\r\n1,2\r\n", False),
        ("oversized file", "big.csv", b"CHILD,SEX\r\n" + b"C000001,M\r\n" * ((limit // 10) + 50000), False),
        ("oversized file, no length (chunked)", "big-chunked.csv", b"CHILD,SEX\r\n" + b"C000001,M\r\n" * ((limit // 10) + 50000), True),
        ("PNG named .csv", "header.csv", PNG_BYTES, False),
        ("ELF named .xml", "cin_census.xml", elf_bytes(), False),
        ("ELF named .xlsx", "annex-a.xlsx", elf_bytes(), False),
        ("PNG named .png", "picture.png", PNG_BYTES, False),
        ("ZIP named .xlsx (not a workbook)", "book.xlsx", zip_bytes([("hello.txt", b"hello")]), False),
        ("random bytes named .zip", "random.zip", os.urandom(4096), False),
        ("empty file", "episodes.csv", b"", False),
    ]
    disclosed: list[tuple[str, UploadOutcome]] = []
    for label, name, data, chunked in cases:
        try:
            out = upload(b, name, data, chunked=chunked)
        except (OSError, http.client.HTTPException) as e:
            # A connection cut off while sending an oversized body is a refusal too.
            expect(row, "oversized" in label, f"{label}: {type(e).__name__} {e}")
            continue
        expect(row, out.first.status < 500 and out.final.status < 500, f"{label}: server error {out.first.brief()} / {out.final.brief()}")
        expect(row, out.refused, f"{label}: not refused ({out.first.brief()}; {out.final.brief()}; {out.message})")
        if out.refused:
            expect(row, bool(out.message), f"{label}: refused without a message ({out.final.brief()})")
            if server_path_shown(ctx, out.final.text):
                disclosed.append((label, out))
        if "oversized" in label:
            expect(row, out.first.status == 413, f"{label}: {out.first.brief()} (expected 413)")
        if "bomb" in label.lower():
            expect(row, out.seconds < SLOW_SECONDS * 2, f"{label}: took {out.seconds:.1f} s")
        row.notes.append(f"{label}: {out.final.status} {out.message[:110]}")
    report_disclosure(row, disclosed)
    # Nothing written outside the uploads folder (every traversal name carries this run's tag),
    # nothing left inside it.
    for base in sorted({ctx.main.dir, ctx.d.root, os.path.dirname(ctx.d.root), "/tmp", tempfile.gettempdir(), "/", "/etc"}):
        try:
            stray = [f for f in os.listdir(base) if tag in f]
        except OSError:
            continue
        expect(row, not stray, f"a traversal name wrote outside the uploads folder: {[os.path.join(base, f) for f in stray]}")
    time.sleep(0.3)
    left = [os.path.join(dp, f) for dp, _, fs in os.walk(ctx.main.uploads) for f in fs] if os.path.isdir(ctx.main.uploads) else []
    expect(row, not left, f"files left in the uploads folder: {left[:3]}")
    if os.path.isdir(ctx.main.uploads):
        mode = os.stat(ctx.main.uploads).st_mode & 0o777
        expect(row, mode & 0o077 == 0, f"uploads folder mode {oct(mode)} lets the group or others in")
    db_mode = os.stat(ctx.d.database).st_mode & 0o777
    expect(row, db_mode & 0o077 == 0, f"the database file's mode is {oct(db_mode)}")
    after = store_snapshot(ctx)
    for k in before:
        expect(row, before[k] == after[k], f"{k} changed by refused uploads")
    # A job of A's, asked for by B's analyst.
    out = upload(b, "header.csv", PNG_BYTES)
    job = out.first.location_path or ""
    if "/data/jobs/" in job:
        r = ctx.browser(AUTHORITY_B, "performance-analyst").get(job)
        expect(row, refused(r), f"{AUTHORITY_B}'s analyst opens {AUTHORITY_A}'s upload job: {r.brief()}")


# ---- 7. XML bombs and external entities


def check_xml(ctx: Context) -> None:
    row = REPORT.row(
        "7 XML bombs and entities",
        "billion laughs, quadratic blow-up, external entity, parameter entity, external DTD in CIN XML, SSDA903 XML "
        "and each read part of an XLSX (Annex A); a relationship out of the package: CLI validate and web upload refuse, "
        f"fast (<{SLOW_SECONDS:.0f} s), never show /etc/passwd",
    )
    folder = os.path.join(ctx.d.root, "xml")
    os.makedirs(folder, exist_ok=True)
    src = os.path.join(ctx.d.root, "xml-source")
    ctx.d.must(["synth", "--out", src, "--la", AUTHORITY_A, "--years", "2025", "--seed", "3", "--scale", "0.01", "--xml"])

    def find(pattern: str) -> str:
        for dp, _, fs in os.walk(src):
            for f in fs:
                if re.search(pattern, os.path.join(dp, f)):
                    return os.path.join(dp, f)
        raise SetupError(f"synth --xml wrote no file matching {pattern}")

    cin = open(find(r"cin.*\.xml$"), encoding="utf-8").read()
    ssda = open(find(r"903.*\.xml$"), encoding="utf-8").read()
    cin_root = re.search(r"<([A-Za-z_][\w.-]*)[\s>]", cin[cin.find("?>") + 2 :]).group(1)
    ssda_root = re.search(r"<([A-Za-z_][\w.-]*)[\s>]", ssda[ssda.find("?>") + 2 :]).group(1)
    files: list[tuple[str, str, bytes]] = []  # (label, file name, bytes)
    for kind in XML_KINDS:
        files.append((f"CIN XML {kind}", "cin_census.xml", hostile_xml(cin, kind, cin_root, "LAchildID").encode()))
        files.append((f"SSDA903 XML {kind}", "ssda903.xml", hostile_xml(ssda, kind, ssda_root, "CHILDID").encode()))
    for part in ROOT_ELEMENTS:
        for kind in ("billion-laughs", "external-entity"):
            files.append((f"XLSX {part} {kind}", "annex-a.xlsx", hostile_xlsx(part, kind)))
    files.append(("XLSX relationship to ../../etc/passwd", "annex-a.xlsx", xlsx_escaping_relationship()))
    # Controls: the same files without the hostile part are readable, so a refusal above is the DOCTYPE's.
    controls = [("CIN XML as written", "cin_census.xml", cin.encode()), ("SSDA903 XML as written", "ssda903.xml", ssda.encode()),
                ("XLSX Annex A as written", "annex-a.xlsx", zip_bytes(list(xlsx_parts(ANNEX_A_ROWS).items()), level=6))]
    for i, (label, name, data) in enumerate(controls):
        path = os.path.join(folder, f"control{i}-{name}")
        with open(path, "wb") as f:
            f.write(data)
        p = ctx.d.run(["validate", path, "--year", "2025"], timeout=60)
        expect(row, p.returncode in (0, 1) and "OV-FILE-UNUSABLE" not in p.stdout + p.stderr,
               f"control {label}: validate exited {p.returncode} {(p.stdout + p.stderr).strip()[:200]}")
    b = ctx.browser(AUTHORITY_A, "performance-analyst")
    before = store_snapshot(ctx)
    disclosed: list[tuple[str, UploadOutcome]] = []
    slowest = {"CLI": 0.0, "web": 0.0}
    for i, (label, name, data) in enumerate(files):
        path = os.path.join(folder, f"{i:02d}-{name}")
        with open(path, "wb") as f:
            f.write(data)
        started = time.monotonic()
        try:
            p = ctx.d.run(["validate", path, "--year", "2025"], timeout=SLOW_SECONDS * 6)
            seconds = time.monotonic() - started
            slowest["CLI"] = max(slowest["CLI"], seconds)
            out = p.stdout + p.stderr
            expect(row, p.returncode != 0 and re.search(r"(?i)error", out) is not None, f"CLI {label}: validate exited {p.returncode} {out.strip()[:160]}")
            expect(row, not any(mk in out for mk in PASSWD_MARKERS), f"CLI {label}: the output shows /etc/passwd")
            expect(row, seconds < SLOW_SECONDS, f"CLI {label}: took {seconds:.1f} s")
        except subprocess.TimeoutExpired:
            expect(row, False, f"CLI {label}: validate still running after {SLOW_SECONDS * 6:.0f} s")
        out = upload(b, name, data, wait=SLOW_SECONDS * 6)
        slowest["web"] = max(slowest["web"], out.seconds)
        texts = out.first.text + out.final.text
        expect(row, out.refused, f"web {label}: not refused ({out.final.brief()} {out.message[:120]})")
        expect(row, not any(mk in texts for mk in PASSWD_MARKERS), f"web {label}: the answer shows /etc/passwd")
        expect(row, out.seconds < SLOW_SECONDS, f"web {label}: took {out.seconds:.1f} s")
        if out.refused and server_path_shown(ctx, out.final.text):
            disclosed.append((label, out))
    report_disclosure(row, disclosed)
    row.notes.append(f"{len(files)} hostile files; slowest refusal: validate {slowest['CLI']:.2f} s, web upload {slowest['web']:.2f} s")
    expect(row, ctx.main.alive(), "the server died")
    after = store_snapshot(ctx)
    for k in before:
        expect(row, before[k] == after[k], f"{k} changed by refused XML uploads")


# ---- 8. injection strings in every form field


def valid_values(ctx: Context) -> dict[str, str]:
    """Values that pass each known field's validation, so that the field under attack is the
    only thing wrong (or the submission is stored and shows up in pages and downloads)."""
    return {
        "name": "Check round", "month": "2025-03", "sample-size": "1", "due-date": "2026-12-31", "moderation-rate": "100",
        "worker": "SW00001", "date": "2025-01-10", "role": "Social worker", "days": "21",
        "child": sorted(ctx.a_only)[0], "due": "2026-12-31", "period": "2025", "value": "12.5", "numerator": "", "denominator": "",
        "source": "check", "displayName": "Check User", "text": "progress", "evidence": "evidence", "rationale": "because",
        "feedback": "feedback", "from": "2024-04-01", "to": "2025-03-31", "q": "", "user": "", "action": "an action",
        "grade-rationale": "because", "strengths": "strengths", "areas-for-development": "areas",
    }


FILE_FIELD_TYPES = ("file",)


ROUTE_PATTERNS: list[tuple[str, str, re.Pattern]] = []


def form_key(form: Form) -> tuple:
    """A form by the route it posts to (so one form on every measure's page counts once) and its fields."""
    path = urllib.parse.urlsplit(form.action or "").path
    method = "GET" if form.method == "get" else "POST"
    action = next((name for m, name, pat in ROUTE_PATTERNS if m == method and pat.match(path)), path)
    return (form.method, action, tuple(sorted({f.name for f in form.fields if f.name and f.name != "csrf"})))


def collect_forms(ctx: Context, roles: list[str], extra_pages: list[str]) -> dict[tuple, tuple[str, str, Form]]:
    """Forms on every page each role can open (the route table's GET pages, the links on them to
    pages of the same routes, and `extra_pages`): key -> (role, page, form)."""
    found: dict[tuple, tuple[str, str, Form]] = {}
    patterns = [re.compile("^" + re.sub(r":\w+", r"[^/?#]+", r.pattern) + "$") for r in ctx.routes if r.method == "GET" and not r.is_api]
    for role in roles:
        b = ctx.browser(AUTHORITY_A, role)
        pages = [r.path for r in ctx.routes if r.method == "GET" and not r.is_api and r.allows(role)
                 and not re.search(r"\.(csv|xlsx|txt|json|css)$", r.path) and r.name not in ("healthz", "readyz", "metrics", "sign-in")]
        pages += extra_pages
        seen_pages: set[str] = set()
        queue = list(dict.fromkeys(pages))
        depth = {p: 0 for p in queue}
        while queue:
            page = queue.pop(0)
            if page in seen_pages:
                continue
            seen_pages.add(page)
            r = b.get(page)
            if r.status != 200 or "text/html" not in (r.header("Content-Type") or ""):
                continue
            for f in parse_forms(r.text):
                if f.action in ("/sign-out",):
                    continue
                key = form_key(f)
                if key not in found and (f.text_fields() or f.method == "get" or injectable_choices(f)):
                    found[key] = (role, page, f)
            if depth[page] >= 1:
                continue
            for link in parse_links(r.text):
                p = urllib.parse.urlsplit(link).path
                if not p.startswith("/") or p in depth or re.search(r"\.(csv|xlsx|txt|json|css|html|pdf)$", p):
                    continue
                if any(pat.match(p) for pat in patterns) and ("/children/" not in p) and len([q for q in depth if q.split("/")[1:2] == p.split("/")[1:2]]) < 12:
                    depth[p] = depth[page] + 1
                    queue.append(p)
    return found


def injectable_choices(form: Form) -> list[Field]:
    """A form's fields whose values the browser does not let a user type (selects, radios,
    hidden fields but the CSRF token): a script sends anything in them all the same."""
    out, names = [], set()
    for f in form.fields:
        if f.name and f.name not in ("csrf", "intent") and f.name not in names and (f.tag == "select" or f.type in ("radio", "hidden")):
            names.add(f.name)
            out.append(f)
    return out


ESCAPED_MARKERS = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&#60;script&#62;", "&#x3C;script&#x3E;")


def has_raw_markup(r: Response) -> bool:
    return "text/html" in (r.header("Content-Type") or "") and any(m in r.text for m in RAW_HTML_MARKERS)


def formula_cells(text: str) -> list[str]:
    """Cells of a CSV download that hold one of the injection strings and start as a formula would."""
    bad = []
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        return ["(not CSV)"]
    payloads = [p.lower() for k, p in INJECTIONS.items() if k.startswith("csv")]
    for row in rows:
        for cell in row:
            low = cell.lower()
            if any(p in low for p in payloads) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                bad.append(cell[:60])
    return bad


def payload_cells(text: str) -> int:
    payloads = [p.lower() for k, p in INJECTIONS.items() if k.startswith("csv")]
    try:
        return sum(1 for row in csv.reader(io.StringIO(text)) for cell in row if any(p in cell.lower() for p in payloads))
    except csv.Error:
        return 0


def xlsx_formulas(data: bytes) -> list[str]:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return ["(not a workbook)"]
    bad = []
    for name in z.namelist():
        if name.startswith("xl/worksheets/"):
            text = z.read(name).decode("utf-8", "replace")
            bad += re.findall(r"<f[ >][^<]{0,60}", text)
    return bad


def submit(b: Browser, form: Form, values: list[tuple[str, str]]) -> Response:
    action = form.action or "/"
    if form.method == "get":
        return b.get(action + ("&" if "?" in action else "?") + urllib.parse.urlencode(values))
    if "multipart" in form.enctype:
        return b.post_multipart(action, values, [])
    return b.post_form(action, values)


def check_injection(ctx: Context) -> None:
    row = REPORT.row(
        "8 injection",
        f"{len(INJECTIONS)} strings (SQL, HTML, CSV formulas) in every field of every form each role of {AUTHORITY_A} "
        "reaches (text, selects, radios, hidden), the sign-in form, an uploaded file's cells and path parameters: no 5xx, "
        "escaped in every page after, defused in CSV downloads, no formulas in XLSX, users table intact",
    )
    valid = valid_values(ctx)
    counter = [0]
    stored_payloads = 0

    def fill(form: Form, target: str | None, payload: str | None) -> list[tuple[str, str]]:
        values = []
        for k, v in form.defaults():
            field = next((f for f in form.fields if f.name == k), None)
            if k == target:
                values.append((k, payload))
            elif k == "username":
                counter[0] += 1
                values.append((k, f"inj{counter[0]}.{ctx.marker}"))
            elif k == "password" and form.has("displayName"):
                values.append((k, new_password()))
            elif field is not None and field.tag == "select" and not v:
                options = [o for o in field.options if o]
                values.append((k, "manager" if "manager" in options else (options[0] if options else "")))
            elif k in valid and not v:
                values.append((k, valid[k]))
            else:
                values.append((k, v))
        return values

    escaped_seen = [0]

    def check_answer(r: Response, b: Browser, where: str) -> None:
        expect(row, r.status < 500, f"{where}: {r.brief()}")
        expect(row, not has_raw_markup(r), f"{where}: the string is in the page unescaped")
        escaped_seen[0] += any(m in r.text for m in ESCAPED_MARKERS)
        if r.status in (302, 303) and r.location_path and r.location_path != SIGN_IN:
            r2 = b.get(r.location)
            expect(row, r2.status < 500 and not has_raw_markup(r2), f"{where} then {r2.brief()}: unescaped or server error")
            escaped_seen[0] += any(m in r2.text for m in ESCAPED_MARKERS)

    def attack(forms: dict[tuple, tuple[str, str, Form]], done: set) -> None:
        nonlocal stored_payloads
        for key, (role, page, form) in forms.items():
            if key in done:
                continue
            done.add(key)
            if form.action == "/account/password":
                attack_password_form()
                continue
            b = ctx.browser(AUTHORITY_A, role)
            fields = form.text_fields()
            if form.method == "get":
                fields = [f for f in form.fields if f.name and f.type not in ("hidden", "radio", "checkbox", "submit")]
            elif urllib.parse.urlsplit(form.action).path == "/reports":
                row.notes.append("the board pack form (/reports) gets no strings in its choices: each valid one makes a PDF with Chromium")
            else:
                fields = fields + injectable_choices(form)
            for field in fields:
                for label, payload in INJECTIONS.items():
                    values = fill(form, field.name, payload)
                    r = submit(b, form, values)
                    if r.status == 403 and form.method == "post":
                        # The session's token may have changed: read the form again.
                        fresh = next((f for f in parse_forms(b.get(page).text) if form_key(f) == key), None)
                        if fresh is not None:
                            form = fresh
                            r = submit(b, form, fill(form, field.name, payload))
                    if r.status in (302, 303) or (r.status == 200 and form.method == "post"):
                        stored_payloads += 1
                    check_answer(r, b, f"{role} {form.method.upper()} {form.action} {field.name}={label}")

    def attack_password_form() -> None:
        u = ctx.d.users[(AUTHORITY_A, "a.injection")]
        b = sign_in(ctx.main, u, "injection:password")
        for target in ("newPassword", "currentPassword"):
            for label, payload in INJECTIONS.items():
                if target == "newPassword":
                    values = [("csrf", b.csrf()), ("currentPassword", u.password), ("newPassword", payload), ("confirmPassword", payload)]
                else:
                    values = [("csrf", b.csrf()), ("currentPassword", payload), ("newPassword", new_password()), ("confirmPassword", "x")]
                r = b.post_form("/account/password", values)
                if r.status in (302, 303) and target == "newPassword":
                    u.password = payload
                check_answer(r, b, f"a.injection POST /account/password {target}={label}")

    done: set = set()
    aid = ctx.audit_ids[0] if ctx.audit_ids else None
    extra = [f"/audits/{aid}", f"/audits/{aid}/review"] if aid else []
    forms = collect_forms(ctx, ROLES, extra)
    attack(forms, done)
    # Submit the auditor's audit with the strings in its free text, so moderation, review and the
    # downloads hold them; then attack the forms that appear.
    if aid:
        aud = ctx.browser(AUTHORITY_A, "auditor")
        page = aud.get(f"/audits/{aid}")
        form = next((f for f in parse_forms(page.text) if f.action == f"/audits/{aid}"), None)
        if form:
            values, payloads = [], list(INJECTIONS.values())
            chosen: set[str] = set()
            for i, f in enumerate(form.fields):
                if not f.name:
                    continue
                if f.type == "radio":
                    if f.name not in chosen:
                        chosen.add(f.name)
                        values.append((f.name, f.value))
                elif f.tag == "textarea" or f.type == "text":
                    values.append((f.name, payloads[i % len(payloads)]))
                elif f.type in ("checkbox",):
                    values.append((f.name, f.value or "on"))
                elif f.tag == "select":
                    values.append((f.name, next((o for o in f.options if o), "")))
                elif f.type == "hidden":
                    values.append((f.name, f.value))
            values.append(("intent", "submit"))
            r = aud.post_form(form.action, values)
            check_answer(r, aud, f"auditor submits audit {aid} with the strings")
        forms = collect_forms(ctx, ["manager", "moderator", "administrator", "auditor"], [f"/audits/{aid}/moderate", f"/audits/{aid}/review", "/audits/moderation"])
        attack(forms, done)
    row.notes.append(f"forms attacked: {len(done)}: " + ", ".join(sorted({f'{k[0].upper()} {k[1]}' for k in done})))
    # The sign-in form, as nobody: on the server behind the "proxy", each attempt from an address of
    # its own, so the failures do not use up the first server's per-address allowance.
    lockme2 = ctx.d.users[(AUTHORITY_A, "a.lockme2")]
    for i, target in enumerate(("username", "password", "authority")):
        for j, (label, payload) in enumerate(INJECTIONS.items()):
            b = Browser(ctx.second, "injection:sign-in")
            b.headers["X-Forwarded-For"] = f"10.30.{i}.{j + 1}"
            r = submit_sign_in(b, lockme2, username=payload if target == "username" else None, password=payload if target == "password" else None,
                               authority=payload if target == "authority" else None)
            check_answer(r, b, f"sign-in {target}={label}")
            expect(row, not b.session(), f"sign-in {target}={label} signed in")
    # Path parameters.
    b = ctx.browser(AUTHORITY_A, "administrator")
    for path in ("/children/%27%20OR%20%271%27%3D%271", "/children/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/measures/%27%3B%20DROP%20TABLE%20users%3B--",
                 "/measures/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/audits/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/data/imports/1%20OR%201%3D1",
                 "/plan/ambitions/1%27", "/reports/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/reports/%2Fetc%2Fpasswd", "/assets/..%2F..%2F..%2Fetc%2Fpasswd",
                 "/assets/%2e%2e/%2e%2e/etc/passwd", "/measures?period=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/?period=%27%20OR%20%271%27%3D%271",
                 "/sign-in?returnTo=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"):
        r = b.get(path)
        expect(row, r.status < 500 and not has_raw_markup(r) and not any(m in r.text for m in PASSWD_MARKERS), f"GET {path}: {r.brief()}")
    # Every page of every role, after all that: nothing unescaped, no server error.
    for role in ROLES:
        b = ctx.browser(AUTHORITY_A, role)
        pages = [r.path for r in ctx.routes if r.method == "GET" and not r.is_api and r.allows(role) and r.name not in ("metrics",)]
        pages += [f"/audits/{aid}", f"/audits/{aid}/review", f"/audits/{aid}/moderate"] if aid else []
        for p in pages:
            r = b.get(p)
            expect(row, r.status < 500 and not has_raw_markup(r), f"{role} GET {p} after the injections: {r.brief()}{' unescaped' if has_raw_markup(r) else ''}")
            escaped_seen[0] += any(m in r.text for m in ESCAPED_MARKERS)
    expect(row, escaped_seen[0] > 0, "control: no page showed an HTML string back escaped, so the escaping checks above prove nothing")
    # Downloads: formula strings defused in CSV, no formulas in workbooks. The latest progress of an
    # action (in actions.csv) is set to a formula string last, whatever the order above left.
    mgr = ctx.browser(AUTHORITY_A, "manager")
    action = first_action_path(mgr)
    if action:
        r = mgr.post_multipart(action, [("csrf", mgr.csrf()), ("text", INJECTIONS["csv-hyperlink"]), ("evidence", INJECTIONS["csv-at"]), ("status", "on_track")], [])
        check_answer(r, mgr, f"manager POST {action} with a formula string")
    admin = ctx.browser(AUTHORITY_A, "administrator")
    upload_formulas(ctx, row)
    downloads = ["/plan/actions", "/activity", "/audits/all", "/measures"]
    downloads += [re.sub(r"\.csv$", "", p) for p in ctx.formula_downloads]
    reached: dict[str, int] = {}
    for base in downloads:
        r = admin.get(base + ".csv")
        if r.status == 200:
            bad = formula_cells(r.text)
            expect(row, not bad, f"{base}.csv: cells that a spreadsheet would run: {bad[:3]}")
            reached[base] = payload_cells(r.text)
        r = admin.get(base + ".xlsx")
        if r.status == 200:
            bad = xlsx_formulas(r.body)
            expect(row, not bad, f"{base}.xlsx: formula cells {bad[:3]}")
    row.notes.append("CSV cells holding a formula string (all defused): " + ", ".join(f"{k}.csv {v}" for k, v in reached.items()))
    for base in ("/plan/actions", "/activity"):
        expect(row, reached.get(base, 0) > 0, f"control: no formula string reached {base}.csv, so its check proves nothing")
    r = admin.get("/audits/learning.txt")
    expect(row, r.status < 500 and "text/html" not in (r.header("Content-Type") or ""), f"learning.txt: {r.brief()} {r.header('Content-Type')}")
    # The users table is still there: sign-in works and users are listed.
    again = sign_in(ctx.main, ctx.d.by_role(AUTHORITY_A, "administrator"), "injection:after")
    r = again.get("/users")
    expect(row, r.status == 200 and "a.manager" in r.text, f"/users after the injections: {r.brief()}")
    expect(row, ctx.main.alive(), "the server died")
    row.notes.append(f"submissions that were stored or redirected: {stored_payloads}")


def upload_formulas(ctx: Context, row: Row) -> None:
    """An SSDA903 header file whose cells are formula strings: its findings (and their downloads)
    quote them. The import is undone afterwards through the web."""
    ctx.formula_downloads = []
    b = ctx.browser(AUTHORITY_A, "performance-analyst")
    p = INJECTIONS
    text = ("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"
            f'"{p["csv-hyperlink"].replace(chr(34), chr(34) * 2)}",M,01/01/2010,{p["csv-plus"]},{p["csv-at"]},{p["csv-minus"]},\r\n'
            f'C999001,{p["csv-at"]},01/01/2011,"{p["html-attr"].replace(chr(34), chr(34) * 2)}",{p["html-script"]},0,\r\n')
    out = upload(b, "header.csv", text.encode())
    loc = out.final.location_path or ""
    if not loc.startswith("/data/imports/"):
        row.notes.append(f"the formula file was not imported ({out.message[:120]}); findings downloads not checked")
        return
    page = b.get(loc)
    expect(row, page.status < 500 and not has_raw_markup(page), f"import page of the formula file: {page.brief()}")
    ctx.formula_downloads = [loc + "/findings.csv"]
    r = b.get(loc + "/findings.csv")
    expect(row, not formula_cells(r.text), f"{loc}/findings.csv: cells a spreadsheet would run: {formula_cells(r.text)[:3]}")
    r = b.get(loc + "/findings.xlsx")
    expect(row, not xlsx_formulas(r.body), f"{loc}/findings.xlsx: formula cells")
    for mid in ("cla_at_end", "rereferrals_12m_pct"):
        for part in ("numerator", "denominator"):
            r = b.get(f"/measures/{mid}/{part}.csv")
            if r.status == 200:
                expect(row, not formula_cells(r.text), f"/measures/{mid}/{part}.csv: cells a spreadsheet would run: {formula_cells(r.text)[:3]}")
    admin = ctx.browser(AUTHORITY_A, "administrator")
    r = admin.post_form(loc + "/undo", [("csrf", admin.csrf())])
    expect(row, r.status in (302, 303), f"undo of the formula import: {r.brief()}")


# ---- 9. password guessing


def check_rate_limits(ctx: Context) -> None:
    srv = ctx.second
    row = REPORT.row(
        "9 lockout and rate limits",
        f"30 parallel wrong passwords for one name (then the right one); {ADDRESS_FAILURE_LIMIT}+1 failures from one "
        "address (server behind a proxy: --trust-proxy, X-Forwarded-For); 30+1 unknown API tokens; "
        "the secure server ignores a client's X-Forwarded-For",
    )
    u = ctx.d.users[(AUTHORITY_A, "a.lockme")]

    def guess(i: int) -> Response:
        b = Browser(srv, f"guess{i}")
        return submit_sign_in(b, u, password=f"wrong guess {i} {secrets.token_hex(2)}", extra_headers={"X-Forwarded-For": f"10.1.{i // 200}.{i % 200 + 1}"})

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(guess, range(30)))
    statuses = sorted({r.status for r in answers})
    expect(row, all(r.status in (422, 429, 503) for r in answers), f"30 parallel wrong passwords: statuses {statuses}")
    b = Browser(srv, "right-after")
    r = submit_sign_in(b, u, extra_headers={"X-Forwarded-For": "10.2.0.1"})
    expect(row, r.status in (422, 429) and not b.session() and (r.location_path or "") not in (MFA_CODE, MFA_SETUP),
           f"the right password after 30 parallel wrong ones: {r.brief()} (the name must be locked)")
    # The lock is the store's: the other server refuses the name too.
    # (Checked on the second server only, so the first server's address count is not touched.)
    # One address, many names.
    addr = "10.3.0.1"

    def unknown(i: int) -> Response:
        b = Browser(srv, f"names{i}")
        fake = User(AUTHORITY_A, f"nobody{i}.{ctx.marker}", "manager", "not the password 123")
        return submit_sign_in(b, fake, extra_headers={"X-Forwarded-For": addr})

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(unknown, range(ADDRESS_FAILURE_LIMIT)))
    expect(row, all(r.status in (422, 429) for r in answers), f"{ADDRESS_FAILURE_LIMIT} failures from one address: {sorted({r.status for r in answers})}")
    r = unknown(ADDRESS_FAILURE_LIMIT)
    expect(row, r.status == 429, f"failure {ADDRESS_FAILURE_LIMIT + 1} from one address: {r.brief()} (expected 429)")
    good = ctx.d.by_role(AUTHORITY_A, "manager")
    b = Browser(srv, "blocked-good")
    r = submit_sign_in(b, good, extra_headers={"X-Forwarded-For": addr})
    expect(row, r.status == 429 and not b.session(), f"a right password from the blocked address: {r.brief()}")
    b = Browser(srv, "blocked-spoof")
    r = submit_sign_in(b, good, extra_headers={"X-Forwarded-For": f"192.0.2.7, {addr}"})
    expect(row, r.status == 429 and not b.session(), f"the blocked address behind an entry the client wrote: {r.brief()}")
    b = Browser(srv, "other-address")
    r = second_factor(b, good, submit_sign_in(b, good, extra_headers={"X-Forwarded-For": "10.4.0.1"}))
    expect(row, b.session() is not None, f"control: the same user from another address: {r.brief()}")
    # API tokens guessed from one address.
    taddr = "10.5.0.1"
    for i in range(30):
        r = ctx.api("ovt_" + secrets.token_hex(32), "/api/v1/kpis", server=srv, headers={"X-Forwarded-For": taddr})
        if i == 0:
            expect(row, r.status == 401, f"an unknown API token: {r.brief()}")
    r = ctx.api("ovt_" + secrets.token_hex(32), "/api/v1/kpis", server=srv, headers={"X-Forwarded-For": taddr})
    expect(row, r.status == 429, f"API token 31 from one address: {r.brief()} (expected 429)")
    tok = ctx.d.by_role(AUTHORITY_A, "manager").token
    r = ctx.api(tok, "/api/v1/kpis", server=srv, headers={"X-Forwarded-For": taddr})
    expect(row, r.status == 429, f"a real token from the blocked address: {r.brief()}")
    r = ctx.api(tok, "/api/v1/kpis", server=srv, headers={"X-Forwarded-For": "10.6.0.1"})
    expect(row, r.status == 200, f"control: the real token from another address: {r.brief()}")
    # The first server (no --trust-proxy) counts the connection's address whatever X-Forwarded-For says.
    main = ctx.main
    already = main.sign_in_failures
    need = max(ADDRESS_FAILURE_LIMIT - already, 0)

    def spoof(i: int) -> Response:
        b = Browser(main, f"spoof{i}")
        fake = User(AUTHORITY_A, f"spoof{i}.{ctx.marker}", "manager", "not the password 123")
        return submit_sign_in(b, fake, extra_headers={"X-Forwarded-For": f"198.51.100.{i % 250 + 1}"})

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(spoof, range(need)))
    answers.append(spoof(need))
    hit = next((i + 1 for i, a in enumerate(answers) if a.status == 429), None)
    expect(row, answers[-1].status == 429,
           f"first server: failure {need + 1} after {already} others, each with a new X-Forwarded-For: {answers[-1].brief()} (expected 429: "
           "the connection's address counts when the proxy is not trusted)")
    row.notes.append(f"first server: {already} sign-in failures before, 429 at {hit} more")


# ---- 10. the server's log


def check_logs(ctx: Context) -> None:
    row = REPORT.row("10 server log", "both servers' logs: no child identifier, password, token, username or typed string")
    secrets_ = {u.password for u in ctx.d.users.values()} | {u.token for u in ctx.d.users.values() if u.token}
    secrets_ |= {u.username for u in ctx.d.users.values()}
    secrets_ |= set(INJECTIONS.values()) | {ctx.marker}
    for srv in (ctx.main, ctx.second):
        try:
            with open(srv.log_path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            expect(row, False, f"{srv.name}: no log")
            continue
        lines = text.splitlines()
        row.count += len(lines)
        ids = (set(CHILD_ID.findall(text)) & (ctx.ids[AUTHORITY_A] | ctx.ids[AUTHORITY_B]))
        expect(row, not ids, f"{srv.name} log names children: {sorted(ids)[:3]}")
        found = sorted(s for s in secrets_ if s and len(s) >= 4 and s in text)
        expect(row, not found, f"{srv.name} log holds {len(found)} passwords/tokens/usernames/typed strings, e.g. {[f[:12] + '...' for f in found[:3]]}")


# --------------------------------------------------------------------------------------------
# Putting it together


def prepare(ctx: Context) -> None:
    """Signs in every role of both authorities; A's manager makes an audit round (the audits give
    the audit, moderation and review forms something to act on)."""
    keys = [(la, role) for la in (AUTHORITY_A, AUTHORITY_B) for role in ROLES]

    def one(key):
        la, role = key
        return key, sign_in(ctx.main, ctx.d.by_role(la, role))

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for key, b in pool.map(one, keys):
            ctx.browsers[key] = b
    m = ctx.browser(AUTHORITY_A, "manager")
    page = m.get("/audits/rounds")
    form = next((f for f in parse_forms(page.text) if f.action == "/audits/rounds"), None)
    if form is None:
        raise SetupError("no audit round form at /audits/rounds")
    values = dict(form.defaults())
    values.update({"name": "Security check round", "month": "2025-03", "template": "case-file", "cohort": "all-open",
                   "sample-size": "4", "due-date": "2026-12-31", "moderation-rate": "100"})
    r = m.post_form("/audits/rounds", list(values.items()))
    if r.status not in (200, 302, 303):
        raise SetupError(f"making an audit round: {r.brief()} {error_message(r.text)}")
    ctx.mfa = any(u.totp_secret for u in ctx.d.users.values())
    page = ctx.browser(AUTHORITY_A, "auditor").get("/audits")
    ctx.audit_ids = sorted(set(re.findall(r'href="/audits/([0-9a-f]{8}-[0-9a-f-]{27})"', page.text)))


CHECKS = [
    ("1", "routes"), ("1b", "child-guard"), ("1c", "region"), ("2", "isolation"), ("3", "csrf"), ("4", "sessions"), ("4b", "multi-factor"), ("5", "headers"),
    ("6", "uploads"), ("7", "xml"), ("8", "injection"), ("9", "rate-limits"), ("10", "logs"),
]


def print_table(rows: list[Row], elapsed: float) -> None:
    width_check = max(len(r.check) for r in rows) + 1
    width_tried = 78
    print()
    print(f"{'check':<{width_check}} {'what was tried':<{width_tried}} {'count':>6}  result  time")
    print("-" * (width_check + width_tried + 24))
    for r in rows:
        lines = _wrap(r.tried, width_tried)
        print(f"{r.check:<{width_check}} {lines[0]:<{width_tried}} {r.count:>6}  {r.result:<6} {r.seconds:5.1f}s")
        for line in lines[1:]:
            print(f"{'':<{width_check}} {line}")
    print("-" * (width_check + width_tried + 24))
    for r in rows:
        if r.failures:
            print(f"\nFAIL {r.check}: {len(r.failures)} failure(s)")
            for f in r.failures[:25]:
                print(f"  - {f}")
            if len(r.failures) > 25:
                print(f"  ... and {len(r.failures) - 25} more")
    notes = [(r.check, n) for r in rows for n in r.notes]
    if notes:
        print("\nNotes:")
        for check, n in notes:
            print(f"  [{check}] {n}")


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return lines


def main(argv: list[str]) -> int:
    global REPORT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("OVERSIGHT_BIN", ".build-release/release/oversight"), help="the oversight binary (default: $OVERSIGHT_BIN)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (store, data, logs) and print where it is")
    parser.add_argument("--only", default="", help="comma-separated checks to run (numbers or names: " + ", ".join(f"{n}={k}" for n, k in CHECKS) + ")")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every request on standard error")
    args = parser.parse_args(argv)
    REPORT = Report(args.verbose)
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        print(f"security-check: no oversight binary at {binary} (set OVERSIGHT_BIN)", file=sys.stderr)
        return 2
    started = time.monotonic()
    root = tempfile.mkdtemp(prefix="oversight-security-check-")
    servers: list[Server] = []
    exit_code = 0
    try:
        d = Deployment(binary, root)
        try:
            t = time.monotonic()
            d.setup()
            main_server = Server(d, "secure", ["--max-upload-mb", str(UPLOAD_LIMIT_MB)], secure=True)
            second = Server(d, "proxied", ["--insecure-cookies", "--trust-proxy", "--max-upload-mb", str(UPLOAD_LIMIT_MB)], secure=False)
            servers += [main_server, second]
            main_server.start()
            second.start()
            ctx = Context(d, main_server, second)
            ctx.load_routes()
            ctx.load_ids()
            prepare(ctx)
            setup_seconds = time.monotonic() - t
            print(f"security-check: set up in {setup_seconds:.1f} s: authorities {AUTHORITY_A} and {AUTHORITY_B}, {len(d.users)} users, "
                  f"{len(ctx.routes)} routes; servers on :{main_server.port} (Secure cookies) and :{second.port} "
                  f"(--insecure-cookies --trust-proxy); {'no ' if not ctx.audit_ids else ''}audit round made", flush=True)
        except (SetupError, SignInFailed, OSError, subprocess.SubprocessError, json.JSONDecodeError) as e:
            print(f"security-check: set-up failed: {e}", file=sys.stderr)
            for s in servers:
                if s.log_tail(600):
                    print(f"--- {s.name} log tail:\n{s.log_tail(600)}", file=sys.stderr)
            return 2
        seen: list = []
        state: dict = {}

        def run(number: str, name: str, fn) -> None:
            if only and number not in only and name not in only:
                return
            t0 = time.monotonic()
            before = len(REPORT.rows)
            try:
                fn()
            except Exception as e:  # a check that cannot go on is a failed check, not a crash
                if len(REPORT.rows) == before:
                    REPORT.row(f"{number} {name}", "(did not start)")
                REPORT.rows[-1].failures.append(f"the check stopped: {type(e).__name__}: {e}"
                                                 + (f" [{e.response.brief()}]" if isinstance(e, SignInFailed) and e.response else ""))
            for r in REPORT.rows[before:]:
                r.seconds = time.monotonic() - t0
            print(f"  {number:>3} {name:<12} {time.monotonic() - t0:5.1f} s", file=sys.stderr, flush=True)

        run("1", "routes", lambda: seen.extend(check_routes(ctx)))
        child = sorted(ctx.a_only)[0]
        run("1b", "child-guard", lambda: check_child_guard(ctx, child))
        run("1c", "region", lambda: check_region(ctx))
        run("2", "isolation", lambda: state.update(check_cross_authority(ctx)))
        run("3", "csrf", lambda: check_csrf(ctx))
        run("4", "sessions", lambda: check_sessions(ctx))
        run("4b", "multi-factor", lambda: check_second_factor(ctx))
        run("5", "headers", lambda: check_cookies_and_headers(ctx, seen))
        run("6", "uploads", lambda: check_uploads(ctx))
        run("7", "xml", lambda: check_xml(ctx))
        run("8", "injection", lambda: check_injection(ctx))
        run("9", "rate-limits", lambda: check_rate_limits(ctx))
        run("10", "logs", lambda: check_logs(ctx))
        for s in servers:
            if not s.alive():
                REPORT.row("server", f"{s.name} still running at the end").failures.append(f"{s.name} exited: {s.log_tail(400)}")
        elapsed = time.monotonic() - started
        print_table(REPORT.rows, elapsed)
        failures = sum(len(r.failures) for r in REPORT.rows)
        checks = sum(r.count for r in REPORT.rows)
        print(f"\nsecurity-check: {checks} checks, {REPORT.requests} requests, {failures} failures in {elapsed:.0f} s "
              f"(set-up {setup_seconds:.0f} s)")
        exit_code = 1 if failures else 0
        return exit_code
    finally:
        for s in servers:
            s.stop()
        if args.keep:
            print(f"security-check: kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
