"""Small helpers for driving the sandbox over real HTTP, the way the desk does."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests

CLIENT_ID = "humasdesk-test"
REDIRECT = "http://127.0.0.1:48123/callback"
ALL_SCOPES = "tweet.read tweet.write users.read offline.access media.write"
OFFICE_ID = "1700000000000000001"  # HumasDemo
PERSONAL_ID = "1700000000000000002"  # rina_humas
TIMEOUT = 10


@dataclass
class Pkce:
    verifier: str
    challenge: str


def pkce() -> Pkce:
    verifier = secrets.token_urlsafe(96)[:128]
    digest = hashlib.sha256(verifier.encode()).digest()
    return Pkce(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode())


def authorize_params(p: Pkce, scope: str = ALL_SCOPES, state: str = "st-123") -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": scope,
        "state": state,
        "code_challenge": p.challenge,
        "code_challenge_method": "S256",
    }


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def get_code(base: str, p: Pkce, handle: str = "HumasDemo", scope: str = ALL_SCOPES) -> str:
    r = requests.get(
        base + "/i/oauth2/authorize",
        params={**authorize_params(p, scope), "sandbox_user": handle},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert r.status_code == 302, r.text
    return query_of(r.headers["location"])["code"]


def exchange(base: str, code: str, verifier: str, **extra: str) -> requests.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "code_verifier": verifier,
        "client_id": CLIENT_ID,
        **extra,
    }
    return requests.post(base + "/2/oauth2/token", data=data, timeout=TIMEOUT)


def sign_in(base: str, handle: str = "HumasDemo", scope: str = ALL_SCOPES) -> dict:
    p = pkce()
    r = exchange(base, get_code(base, p, handle, scope), p.verifier)
    assert r.status_code == 200, r.text
    return r.json()


def bearer(tokens: dict | str) -> dict[str, str]:
    token = tokens if isinstance(tokens, str) else tokens["access_token"]
    return {"Authorization": f"Bearer {token}"}


def api(base: str, method: str, path: str, token: dict | str, **kw) -> requests.Response:
    return requests.request(
        method, base + path, headers=bearer(token), timeout=kw.pop("timeout", TIMEOUT), **kw
    )


def control(base: str, method: str, path: str, **kw) -> requests.Response:
    return requests.request(method, base + "/_sandbox/" + path, timeout=TIMEOUT, **kw)


def inject_mention(base: str, to: str, sender: str, text: str, **extra) -> str:
    r = control(base, "POST", "mentions", json={"to": to, "from": sender, "text": text, **extra})
    assert r.status_code == 201, r.text
    return r.json()["data"]["id"]


def post(base: str, token: dict, text: str, timeout: float = TIMEOUT, **body) -> requests.Response:
    return api(base, "POST", "/2/tweets", token, json={"text": text, **body}, timeout=timeout)


def upload_chunked(
    base: str,
    token: dict | str,
    data: bytes,
    media_type: str,
    category: str,
    *,
    chunk: int = 1024 * 1024,
) -> dict:
    """INITIALIZE, APPEND in segments, FINALIZE (as X's docs describe); FINALIZE's `data`."""
    r = api(
        base,
        "POST",
        "/2/media/upload/initialize",
        token,
        json={"media_type": media_type, "total_bytes": len(data), "media_category": category},
    )
    assert r.status_code == 200, r.text
    mid = r.json()["data"]["id"]
    for index, start in enumerate(range(0, len(data), chunk)):
        r = api(
            base,
            "POST",
            f"/2/media/upload/{mid}/append",
            token,
            files={"media": ("blob", data[start : start + chunk], "application/octet-stream")},
            data={"segment_index": str(index)},
        )
        assert r.status_code == 200, r.text
    r = api(base, "POST", f"/2/media/upload/{mid}/finalize", token)
    assert r.status_code == 200, r.text
    return r.json()["data"]


def advance_clock(base: str, seconds: float) -> None:
    r = control(base, "POST", "clock", json={"advance_s": seconds})
    assert r.status_code == 200, r.text
