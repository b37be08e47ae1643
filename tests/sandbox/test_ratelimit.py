"""Rate-limit headers on every API answer, and 429 once a 15-minute window is spent."""

from __future__ import annotations

import time

import requests

from tests.sandbox.helpers import OFFICE_ID, api, sign_in

RL_HEADERS = ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")


def test_headers_on_success_and_error(sandbox):
    """The desk reads these headers to pace itself; they must always be there."""
    base = sandbox.base_url
    tokens = sign_in(base)
    for r in (
        api(base, "GET", "/2/users/me", tokens),
        api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", tokens, params={"max_results": 1}),
        api(base, "GET", "/2/users/me", "bad-token"),
    ):
        for h in (*RL_HEADERS, "api-version", "x-access-level"):
            assert h in r.headers, (r.status_code, h)
    me = api(base, "GET", "/2/users/me", tokens)
    assert me.headers["x-rate-limit-limit"] == "75"
    assert int(me.headers["x-rate-limit-reset"]) > time.time()


def test_users_me_429_after_75(sandbox):
    """After X's limit the desk gets 429 with a reset time, and must wait instead of looping."""
    base = sandbox.base_url
    tokens = sign_in(base)
    with requests.Session() as s:
        s.headers["Authorization"] = f"Bearer {tokens['access_token']}"
        for i in range(75):
            r = s.get(base + "/2/users/me", timeout=10)
            assert r.status_code == 200, i
        assert r.headers["x-rate-limit-remaining"] == "0"
        r = s.get(base + "/2/users/me", timeout=10)
    assert r.status_code == 429
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json() == {
        "title": "Too Many Requests",
        "detail": "Too Many Requests",
        "type": "about:blank",
        "status": 429,
    }
    assert r.headers["x-rate-limit-remaining"] == "0"
    assert int(r.headers["x-rate-limit-reset"]) > time.time()


def test_limits_are_per_user_and_window_resets(sandbox):
    """One account's spent limit does not block the other; the window reopens after 15 min."""
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    rina = sign_in(base, "rina_humas")
    with requests.Session() as s:
        s.headers["Authorization"] = f"Bearer {office['access_token']}"
        for _ in range(76):
            last = s.get(base + "/2/users/me", timeout=10)
    assert last.status_code == 429
    assert api(base, "GET", "/2/users/me", rina).status_code == 200
    requests.post(base + "/_sandbox/clock", json={"advance_s": 901}, timeout=10)
    assert api(base, "GET", "/2/users/me", office).status_code == 200
