"""The transport adapter: tweepy's hard-coded X hosts go to the sandbox; nothing hangs forever."""

from __future__ import annotations

import socket

import pytest
import requests
import tweepy

from humasdesk.xapi.client import XClient
from humasdesk.xapi.signin import sign_in_headless
from humasdesk.xapi.transport import is_loopback_url, mount_transport, rebase_url

from .conftest import CLIENT_ID, OFFICE


def test_rebase_rewrites_only_x_hosts():
    """Only X's hosts are redirected; the sign-in listener and other sites are left alone."""
    base = "http://127.0.0.1:5000"
    assert rebase_url("https://api.twitter.com/2/tweets?a=1", base) == f"{base}/2/tweets?a=1"
    assert rebase_url("https://x.com/i/oauth2/authorize", base) == f"{base}/i/oauth2/authorize"
    assert rebase_url("https://upload.twitter.com/2/media/upload", base).startswith(base)
    assert rebase_url("https://api.x.com/2/users/me", base + "/prefix/") == (
        f"{base}/prefix/2/users/me"
    )
    assert rebase_url("http://127.0.0.1:7/callback", base) == "http://127.0.0.1:7/callback"
    assert rebase_url("https://example.org/2/tweets", base) == "https://example.org/2/tweets"
    # Real X: tweepy's legacy host becomes the documented one (tests/xapi/test_hosts.py).
    assert rebase_url("https://api.twitter.com/2/tweets", None) == "https://api.x.com/2/tweets"
    assert is_loopback_url("http://127.0.0.1:1/") and is_loopback_url("http://[::1]:1/")
    assert not is_loopback_url("https://api.x.com/")


def test_tweepy_client_reaches_the_sandbox_through_the_adapter(sandbox, office_tokens):
    """tweepy's own Client, untouched, must talk to practice X once the adapter is mounted."""
    client = tweepy.Client(bearer_token=office_tokens.access_token)
    mount_transport(client.session, sandbox.base_url)
    try:
        assert client.get_me(user_auth=False).data.username == OFFICE
    finally:
        client.session.close()


def test_default_timeout_applies_without_a_base_url():
    """Against real X too, a server that accepts but never answers must not block forever:
    a request made without a time-out gets the adapter's read time-out (without it, this
    test would hang until pytest-timeout). How long it takes is bench/xapi_waits.py's."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        with requests.Session() as session:
            mount_transport(session, None, timeout=(1.0, 0.3))
            with pytest.raises(requests.ReadTimeout, match=r"read timeout=0\.3"):
                session.get(f"http://127.0.0.1:{port}/", timeout=None)


def test_office_proxy_settings_do_not_break_practice_mode(sandbox, monkeypatch):
    """Government networks set HTTP(S)_PROXY; practice X and the listener are on 127.0.0.1."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens there
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    tokens = sign_in_headless(CLIENT_ID, sandbox.base_url, OFFICE, timeout=10)
    client = XClient(tokens, base_url=sandbox.base_url)
    try:
        assert client.me().username == OFFICE
    finally:
        client.close()


def test_bad_base_url_is_refused():
    """A typo in --sandbox-url must fail at once, not send tokens somewhere odd."""
    with pytest.raises(ValueError):
        mount_transport(requests.Session(), "127.0.0.1:5000")  # no scheme
