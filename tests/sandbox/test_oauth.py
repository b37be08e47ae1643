"""OAuth 2.0 code flow with PKCE, refresh rotation and revocation against the sandbox."""

from __future__ import annotations

from html.parser import HTMLParser

import requests

from tests.sandbox.helpers import (
    CLIENT_ID,
    REDIRECT,
    TIMEOUT,
    api,
    authorize_params,
    control,
    exchange,
    get_code,
    pkce,
    query_of,
    sign_in,
)


class _FormReader(HTMLParser):
    """Collects the consent form's fields the way a browser would submit them."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.radios: list[str] = []
        self.buttons: list[tuple[str, str]] = []
        self.action = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action", "")
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        elif tag == "input" and a.get("type") == "radio":
            self.radios.append(a["value"])
        elif tag == "button":
            self.buttons.append((a.get("name", ""), a.get("value", "")))


def _consent(base: str, params: dict) -> _FormReader:
    r = requests.get(base + "/i/oauth2/authorize", params=params, timeout=TIMEOUT)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    form = _FormReader()
    form.feed(r.text)
    return form


def test_full_code_flow_with_good_verifier(sandbox):
    """Without a working PKCE exchange, nobody could sign in to practice mode at all."""
    base = sandbox.base_url
    p = pkce()
    code = get_code(base, p)
    r = exchange(base, code, p.verifier)
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 7200
    assert set(body["scope"].split()) >= {"tweet.write", "offline.access", "media.write"}
    assert body["access_token"] != body["refresh_token"]
    assert body["access_token"][:6] != body["refresh_token"][:6]  # kinds look different
    me = api(base, "GET", "/2/users/me", body)
    assert me.status_code == 200
    assert me.json()["data"]["username"] == "HumasDemo"


def test_no_refresh_token_without_offline_access(sandbox):
    """The desk must not believe it can refresh when X gave no refresh token."""
    tokens = sign_in(sandbox.base_url, scope="tweet.read users.read")
    assert "refresh_token" not in tokens


def test_bad_verifier_is_refused(sandbox):
    """A stolen code without the verifier must not give an attacker a token."""
    base = sandbox.base_url
    p = pkce()
    r = exchange(base, get_code(base, p), pkce().verifier)
    assert r.status_code == 400
    assert r.json()["error"] in ("invalid_grant", "invalid_request")
    assert "error_description" in r.json()


def test_code_is_single_use(sandbox):
    """A replayed callback must not mint a second set of tokens."""
    base = sandbox.base_url
    p = pkce()
    code = get_code(base, p)
    assert exchange(base, code, p.verifier).status_code == 200
    again = exchange(base, code, p.verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_code_expires_after_30_seconds(sandbox):
    """A sign-in left in the browser too long must fail cleanly, as on X."""
    base = sandbox.base_url
    p = pkce()
    code = get_code(base, p)
    control(base, "POST", "clock", json={"advance_s": 31})
    r = exchange(base, code, p.verifier)
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"


def test_redirect_uri_must_match(sandbox):
    """The code is bound to the callback the desk asked for."""
    base = sandbox.base_url
    p = pkce()
    r = exchange(base, get_code(base, p), p.verifier, redirect_uri="http://127.0.0.1:1/other")
    assert r.status_code == 400


def test_missing_parameter_is_invalid_request(sandbox):
    """The desk gets OAuth's own error shape, not a problem+json, from the token endpoint."""
    r = requests.post(
        sandbox.base_url + "/2/oauth2/token",
        data={"grant_type": "authorization_code", "client_id": CLIENT_ID},
        timeout=TIMEOUT,
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_request"


def test_non_loopback_redirect_refused_without_redirecting(sandbox):
    """A forged authorize link must never send a code to someone else's server."""
    base = sandbox.base_url
    for uri in (
        "https://evil.example/cb",
        "http://evil.example/cb",
        "http://127.0.0.1.evil.example/cb",
        "http://127.0.0.1@evil.example/cb",
    ):
        params = {**authorize_params(pkce()), "redirect_uri": uri, "sandbox_user": "HumasDemo"}
        r = requests.get(
            base + "/i/oauth2/authorize", params=params, allow_redirects=False, timeout=TIMEOUT
        )
        assert r.status_code == 400, uri
        assert "location" not in r.headers


def test_localhost_and_ipv6_loopback_redirects_accepted(sandbox):
    """Loopback callbacks in their other spellings still work."""
    for uri in ("http://localhost:5000/cb", "http://[::1]:5000/cb"):
        params = {**authorize_params(pkce()), "redirect_uri": uri, "sandbox_user": "rina_humas"}
        r = requests.get(
            sandbox.base_url + "/i/oauth2/authorize",
            params=params,
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        assert r.status_code == 302
        assert r.headers["location"].startswith(uri + "?code=")


def test_pkce_plain_or_missing_refused(sandbox):
    """Without S256 PKCE the code could be used by whoever intercepts it."""
    base = sandbox.base_url
    good = {**authorize_params(pkce()), "sandbox_user": "HumasDemo"}
    plain = {**good, "code_challenge_method": "plain"}
    missing = {k: v for k, v in good.items() if not k.startswith("code_challenge")}
    for params in (plain, missing):
        r = requests.get(
            base + "/i/oauth2/authorize", params=params, allow_redirects=False, timeout=TIMEOUT
        )
        assert r.status_code == 400
        assert "location" not in r.headers


def test_refresh_rotates_and_old_refresh_token_dies(sandbox):
    """The desk must keep the new refresh token: the old one stops working, as on X."""
    base = sandbox.base_url
    first = sign_in(base)
    data = {"grant_type": "refresh_token", "client_id": CLIENT_ID}
    r = requests.post(
        base + "/2/oauth2/token",
        data={**data, "refresh_token": first["refresh_token"]},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert api(base, "GET", "/2/users/me", second).status_code == 200
    stale = requests.post(
        base + "/2/oauth2/token",
        data={**data, "refresh_token": first["refresh_token"]},
        timeout=TIMEOUT,
    )
    assert stale.status_code == 400
    assert stale.json()["error"] == "invalid_grant"


def test_refresh_with_basic_auth_client(sandbox):
    """Clients that send the client id as Basic auth are served too."""
    base = sandbox.base_url
    tokens = sign_in(base)
    r = requests.post(
        base + "/2/oauth2/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(CLIENT_ID, ""),
        timeout=TIMEOUT,
    )
    assert r.status_code == 200


def test_revoke_makes_token_unusable(sandbox):
    """After sign-out the old token must not post from the account."""
    base = sandbox.base_url
    tokens = sign_in(base)
    r = requests.post(
        base + "/2/oauth2/revoke",
        data={"token": tokens["access_token"], "client_id": CLIENT_ID},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200
    assert r.json() == {"revoked": True}
    me = api(base, "GET", "/2/users/me", tokens)
    assert me.status_code == 401
    assert me.headers["content-type"].startswith("application/problem+json")
    assert me.json() == {
        "title": "Unauthorized",
        "type": "about:blank",
        "status": 401,
        "detail": "Unauthorized",
    }
    refreshed = requests.post(
        base + "/2/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": CLIENT_ID,
        },
        timeout=TIMEOUT,
    )
    assert refreshed.status_code == 400


def test_access_token_expires_after_two_hours():
    """The desk must refresh before 2 h; an old token gets 401 like on X."""
    from humasdesk.sandbox import Sandbox

    now = [1_800_000_000.0]
    sb = Sandbox(clock=lambda: now[0])
    sb.start()
    try:
        tokens = sign_in(sb.base_url)
        assert api(sb.base_url, "GET", "/2/users/me", tokens).status_code == 200
        now[0] += 7201
        assert api(sb.base_url, "GET", "/2/users/me", tokens).status_code == 401
    finally:
        sb.stop()


def test_garbage_token_is_401(sandbox):
    """A made-up token must never reach an account."""
    r = api(sandbox.base_url, "GET", "/2/users/me", "not-a-token")
    assert r.status_code == 401
    r = requests.get(sandbox.base_url + "/2/users/me", timeout=TIMEOUT)
    assert r.status_code == 401


def test_tokens_listed_by_control_api(sandbox):
    """Tests elsewhere find the tokens the desk holds, to check none leak into logs."""
    tokens = sign_in(sandbox.base_url)
    data = control(sandbox.base_url, "GET", "tokens").json()["data"]
    assert tokens["access_token"] in data["access_tokens"]
    assert tokens["refresh_token"] in data["refresh_tokens"]


def test_consent_page_lists_staff_and_escapes(sandbox):
    """A crafted link must not inject script into the page the official trusts."""
    evil = '"><script>alert(1)</script>'
    params = {**authorize_params(pkce(), state=evil), "client_id": evil}
    r = requests.get(sandbox.base_url + "/i/oauth2/authorize", params=params, timeout=TIMEOUT)
    assert r.status_code == 200
    assert "<script>" not in r.text
    assert "&lt;script&gt;" in r.text
    assert "Izinkan" in r.text and "Tolak" in r.text
    form = _consent(sandbox.base_url, params)
    assert form.hidden["state"] == evil  # round-trips intact once unescaped
    assert form.radios == ["HumasDemo", "rina_humas"]


def test_consent_error_page_escapes(sandbox):
    """Even the refusal page must not echo markup."""
    params = authorize_params(pkce(), scope="tweet.read <b>x</b>")
    r = requests.get(sandbox.base_url + "/i/oauth2/authorize", params=params, timeout=TIMEOUT)
    assert r.status_code == 400
    assert "<b>" not in r.text


def test_consent_form_approve_gives_code_for_chosen_account(sandbox):
    """Choosing rina_humas on the page signs in rina_humas, not the office account."""
    base = sandbox.base_url
    p = pkce()
    form = _consent(base, authorize_params(p))
    assert ("decision", "allow") in form.buttons
    r = requests.post(
        base + form.action,
        data={**form.hidden, "sandbox_user": "rina_humas", "decision": "allow"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert r.status_code == 302
    assert r.headers["location"].startswith(REDIRECT + "?")
    q = query_of(r.headers["location"])
    assert q["state"] == "st-123"
    tokens = exchange(base, q["code"], p.verifier).json()
    me = api(base, "GET", "/2/users/me", tokens).json()["data"]
    assert me["username"] == "rina_humas"


def test_consent_form_deny_redirects_access_denied(sandbox):
    """Pressing Tolak must tell the desk the official refused, with the same state."""
    base = sandbox.base_url
    form = _consent(base, authorize_params(pkce()))
    r = requests.post(
        base + form.action,
        data={**form.hidden, "sandbox_user": "HumasDemo", "decision": "deny"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert r.status_code == 302
    q = query_of(r.headers["location"])
    assert q == {"error": "access_denied", "state": "st-123"}
