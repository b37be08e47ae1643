"""X's documented hosts: api.x.com for the API and the token endpoints, x.com for the consent
page. tweepy still builds api.twitter.com/twitter.com; those requests go to the documented
hosts, and the legacy names stay accepted.

Where the desk really connects is seen by an HTTPS proxy on 127.0.0.1 that records each
CONNECT line and closes: real requests, real sockets, nothing reaches the internet.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from humasdesk.core.errors import NetworkError, XError
from humasdesk.core.models import TokenSet
from humasdesk.xapi.client import XClient
from humasdesk.xapi.oauth import OAuthFlow, refresh_tokens, revoke_token
from humasdesk.xapi.transport import documented_url, rebase_url


class ConnectRecorder:
    """A proxy that notes the host of every CONNECT and refuses the tunnel."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.targets: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                line = conn.recv(4096).split(b"\r\n", 1)[0].decode("ascii", "replace")
                if line.startswith("CONNECT "):
                    self.targets.append(line.split()[1])
                conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def proxy(monkeypatch) -> Iterator[ConnectRecorder]:
    recorder = ConnectRecorder()
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{recorder.port}")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield recorder
    recorder.close()


TOKENS = TokenSet(access_token="at-host-test", refresh_token="rt-host-test", expires_at=0,
                  scopes=(), user_id="1", username="HumasDemo")  # fmt: skip


def test_api_calls_go_to_api_x_com(proxy):
    """tweepy's Client builds api.twitter.com; the desk connects to api.x.com."""
    client = XClient(TOKENS, timeout=5, sleep=lambda s: None)  # uploads retry: no waiting
    try:
        with pytest.raises(NetworkError):
            client.me()
        with pytest.raises(XError):
            client.upload_media(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image/png")
    finally:
        client.close()
    assert proxy.targets and set(proxy.targets) == {"api.x.com:443"}


def test_token_endpoints_are_on_api_x_com(proxy):
    with pytest.raises(XError):
        refresh_tokens("client-id", TOKENS, timeout=5)
    with pytest.raises(XError):
        revoke_token("client-id", "at-host-test", timeout=5)
    assert proxy.targets == ["api.x.com:443", "api.x.com:443"]


def test_consent_page_is_on_x_com():
    url = OAuthFlow("client-id", "http://127.0.0.1:8765/callback").authorization_url()
    assert url.startswith("https://x.com/i/oauth2/authorize?")


def test_legacy_hosts_are_still_accepted(proxy):
    """An agency network that only lets api.twitter.com through can still name it."""
    assert documented_url("https://twitter.com/i/oauth2/authorize?a=1") == (
        "https://x.com/i/oauth2/authorize?a=1"
    )
    assert rebase_url("https://api.x.com/2/users/me", "https://api.twitter.com") == (
        "https://api.twitter.com/2/users/me"
    )
    client = XClient(TOKENS, base_url="https://api.twitter.com", timeout=5)
    try:
        with pytest.raises(NetworkError):
            client.me()
    finally:
        client.close()
    assert proxy.targets == ["api.twitter.com:443"]
