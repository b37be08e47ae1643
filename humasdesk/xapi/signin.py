"""The real OAuth flow, headless: for practice mode and ``humasdesk self-test``.

Everything a real sign-in does happens, over real HTTP: a loopback listener on 127.0.0.1, the
PKCE authorization URL, the consent page (the sandbox approves at once for
``sandbox_user=<handle>``), its 302 into the listener, the state check, and the code exchange.
Only the browser is replaced by a ``requests`` GET that follows the redirect.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from humasdesk.core.errors import OAuthError, XError
from humasdesk.core.models import TokenSet
from humasdesk.xapi.client import XClient
from humasdesk.xapi.errors import map_error
from humasdesk.xapi.listener import LoopbackListener
from humasdesk.xapi.oauth import SCOPES, OAuthFlow
from humasdesk.xapi.transport import mount_transport


def _add_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = urlencode([*parse_qsl(parts.query), *params.items()])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def sign_in_headless(
    client_id: str,
    base_url: str,
    sandbox_user: str,
    *,
    timeout: float = 30,
    port: int = 0,
) -> TokenSet:
    """Sign ``sandbox_user`` in at the sandbox ``base_url``; tokens with user id and handle.

    Raises OAuthError (refused, time-out), NetworkError or ServerError.
    """
    with LoopbackListener(port, timeout=timeout) as listener:
        flow = OAuthFlow(
            client_id, listener.redirect_uri, base_url=base_url, scopes=SCOPES, timeout=timeout
        )
        url = _add_query(flow.authorization_url(), sandbox_user=sandbox_user)
        listener.expected_state = flow.state
        browser_failure: list[XError] = []

        def browse() -> None:
            # The "browser": opens the consent page and follows its 302 to the listener.
            try:
                with requests.Session() as session:
                    # The listener is on 127.0.0.1: keep an office proxy out of the redirect.
                    mount_transport(session, None, timeout=timeout)
                    response = session.get(url, timeout=timeout, allow_redirects=True)
                    if not response.ok or urlsplit(response.url).port != listener.port:
                        browser_failure.append(
                            OAuthError(
                                "The sign-in page did not send the browser back to HumasDesk "
                                f"(status {response.status_code})."
                            )
                        )
            except Exception as exc:
                browser_failure.append(map_error(exc))
            if browser_failure:
                listener.cancel()

        browser = threading.Thread(target=browse, name="headless-browser", daemon=True)
        browser.start()
        try:
            callback = listener.wait()
        except OAuthError:
            browser.join(timeout)
            if browser_failure:
                raise browser_failure[0] from None
            raise
        browser.join(timeout)
    tokens = flow.exchange(callback)
    client = XClient(tokens, base_url=base_url, timeout=timeout)
    try:
        account = client.me()
    finally:
        client.close()
    return replace(tokens, user_id=account.user_id, username=account.username)
