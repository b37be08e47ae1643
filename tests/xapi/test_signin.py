"""Signing in, refreshing and signing out through tweepy's OAuth2UserHandler and the listener."""

from __future__ import annotations

import threading
import time
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from humasdesk.core.errors import AuthExpired, OAuthError
from humasdesk.xapi.client import XClient
from humasdesk.xapi.listener import LoopbackListener
from humasdesk.xapi.oauth import SCOPES, OAuthFlow, refresh_tokens
from humasdesk.xapi.signin import sign_in_headless

from .conftest import CLIENT_ID, OFFICE, PERSONAL


def test_headless_sign_in_gives_working_tokens_for_the_chosen_account(sandbox):
    """Practice mode and self-test sign in this way; without it nobody can use the desk."""
    tokens = sign_in_headless(CLIENT_ID, sandbox.base_url, PERSONAL, timeout=10)
    assert tokens.access_token and tokens.refresh_token
    assert tokens.username == PERSONAL and tokens.user_id
    assert set(SCOPES) <= set(tokens.scopes)
    assert tokens.expires_at > time.time() + 600  # an epoch time, not a duration
    client = XClient(tokens, base_url=sandbox.base_url)
    try:
        assert client.me().username == PERSONAL
    finally:
        client.close()


def test_authorization_url_points_at_the_sandbox_with_pkce(sandbox):
    """The browser must open the practice X, not x.com, and the code must be PKCE-bound."""
    flow = OAuthFlow(CLIENT_ID, "http://127.0.0.1:9/callback", base_url=sandbox.base_url)
    url = flow.authorization_url()
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == sandbox.base_url
    assert parts.path == "/i/oauth2/authorize"
    query = parse_qs(parts.query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"] == [flow.state]
    assert query["redirect_uri"] == ["http://127.0.0.1:9/callback"]
    assert set(query["scope"][0].split()) == set(SCOPES)


def test_authorization_url_for_real_x_uses_x_com():
    """Without a sandbox the official must land on X's own consent page."""
    flow = OAuthFlow(CLIENT_ID, "http://127.0.0.1:8765/callback")
    assert flow.authorization_url().startswith("https://x.com/i/oauth2/authorize?")


class _Form(HTMLParser):
    """The hidden fields of the sandbox's consent form."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value") or ""


def test_denied_consent_reaches_the_listener_and_raises_oauth_error(sandbox):
    """If the official presses "Tolak" on X, the desk says consent was denied, no tokens."""
    with LoopbackListener(timeout=10) as listener:
        flow = OAuthFlow(CLIENT_ID, listener.redirect_uri, base_url=sandbox.base_url)
        url = flow.authorization_url()
        listener.expected_state = flow.state
        page = requests.get(url, timeout=10)
        assert page.status_code == 200
        form = _Form()
        form.feed(page.text)
        answers: list[requests.Response] = []

        def press_deny() -> None:
            answers.append(
                requests.post(
                    f"{sandbox.base_url}/i/oauth2/authorize",
                    data={**form.fields, "decision": "deny"},
                    timeout=10,
                )
            )

        browser = threading.Thread(target=press_deny)
        browser.start()
        callback = listener.wait()
        browser.join(10)
    assert "error=access_denied" in callback
    assert "ditolak" in answers[0].text.lower() or "dibatalkan" in answers[0].text.lower()
    with pytest.raises(OAuthError, match=r"[Cc]onsent was denied"):
        flow.exchange(callback)


def test_callback_of_another_sign_in_is_refused(sandbox):
    """A stale tab's answer must never sign the official in (state mismatch)."""
    flow = OAuthFlow(CLIENT_ID, "http://127.0.0.1:9/callback", base_url=sandbox.base_url)
    flow.authorization_url()
    with pytest.raises(OAuthError, match="wrong state"):
        flow.exchange("http://127.0.0.1:9/callback?code=abc&state=not-ours")


def test_code_is_single_use(sandbox):
    """A replayed callback must not yield a second set of tokens."""
    with LoopbackListener(timeout=10) as listener:
        flow = OAuthFlow(CLIENT_ID, listener.redirect_uri, base_url=sandbox.base_url)
        url = flow.authorization_url() + f"&sandbox_user={OFFICE}"
        listener.expected_state = flow.state
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10}).start()
        callback = listener.wait()
    flow.exchange(callback)
    with pytest.raises(OAuthError):
        flow.exchange(callback)


def test_refresh_rotates_and_the_old_refresh_token_is_refused(sandbox, office_tokens):
    """After a refresh only the new refresh token works: the app must store it at once."""
    new = refresh_tokens(CLIENT_ID, office_tokens, base_url=sandbox.base_url)
    assert new.access_token != office_tokens.access_token
    assert new.refresh_token and new.refresh_token != office_tokens.refresh_token
    assert (new.user_id, new.username) == (office_tokens.user_id, office_tokens.username)
    client = XClient(new, base_url=sandbox.base_url)
    try:
        assert client.me().username == OFFICE
    finally:
        client.close()
    with pytest.raises(OAuthError):
        refresh_tokens(CLIENT_ID, office_tokens, base_url=sandbox.base_url)


def test_refresh_through_the_flow_object(sandbox, office_tokens):
    """The flow's refresh keeps user id and handle, so the pane stays bound to its account."""
    flow = OAuthFlow(CLIENT_ID, "http://127.0.0.1:9/callback", base_url=sandbox.base_url)
    new = flow.refresh(office_tokens)
    assert new.user_id == office_tokens.user_id


def test_set_tokens_switches_a_live_client_to_refreshed_tokens(sandbox, office_tokens):
    """After a background refresh the same client must send the new token, not the old one."""
    sent: list[str] = []
    client = XClient(
        office_tokens,
        base_url=sandbox.base_url,
        session_hooks=[lambda r, *a, **k: sent.append(r.request.headers["Authorization"])],
    )
    try:
        new = refresh_tokens(CLIENT_ID, office_tokens, base_url=sandbox.base_url)
        client.set_tokens(new)
        assert client.me().username == OFFICE
    finally:
        client.close()
    assert sent == [f"Bearer {new.access_token}"]


def test_revoke_signs_out_at_x(sandbox, office, office_tokens):
    """Sign-out must kill the token at X: a stolen copy is useless afterwards."""
    office.me()
    OAuthFlow(CLIENT_ID, "http://127.0.0.1:9/callback", base_url=sandbox.base_url).revoke(
        office_tokens.access_token
    )
    with pytest.raises(AuthExpired):
        office.me()


def test_expired_access_token_is_auth_expired_and_refresh_recovers(
    sandbox, control, office, office_tokens
):
    """Two hours after sign-in X says 401; the desk must see AuthExpired and refresh."""
    control.advance_clock(2 * 3600 + 60)
    with pytest.raises(AuthExpired):
        office.me()
    office.set_tokens(refresh_tokens(CLIENT_ID, office_tokens, base_url=sandbox.base_url))
    assert office.me().username == OFFICE
