"""A requests transport adapter that points tweepy at another X (the sandbox) and adds time-outs.

tweepy hard-codes X's hosts (``https://api.twitter.com`` in ``Client.request``,
``https://twitter.com`` / ``https://api.twitter.com`` in ``OAuth2UserHandler``) and passes no
time-out to requests. Rather than copying tweepy's request code, we let tweepy and oauthlib build
the request as they would for X (so oauthlib's https checks still pass) and rewrite scheme, host
and port at the last moment, in the adapter that sends it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies

# Every host tweepy, oauthlib or HumasDesk itself may address for X.
X_HOSTS = frozenset({"api.twitter.com", "twitter.com", "api.x.com", "x.com", "upload.twitter.com"})
#: X's documents name api.x.com and x.com; tweepy still builds the old names. Requests for the
#: real X go to the documented host; the legacy names stay accepted everywhere (as input, as
#: a configured base URL), since X still answers on them.
DOCUMENTED_HOSTS = {"api.twitter.com": "api.x.com", "twitter.com": "x.com"}

Timeout = float | tuple[float, float]

# (connect, read) in seconds. Connecting takes milliseconds when X is reachable; the read
# time-out is what the official waits at most for one answer.
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)


def is_x_url(url: str) -> bool:
    """True when the URL addresses one of X's hosts (https, default port)."""
    parts = urlsplit(url)
    return parts.scheme == "https" and (parts.hostname or "").lower() in X_HOSTS


def is_loopback_url(url: str) -> bool:
    """True for http(s) URLs on this machine's loopback interface."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def documented_url(url: str) -> str:
    """``url`` on X's documented host (api.twitter.com → api.x.com, twitter.com → x.com)."""
    if not is_x_url(url):
        return url
    parts = urlsplit(url)
    host = DOCUMENTED_HOSTS.get((parts.hostname or "").lower())
    if host is None:
        return url
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def rebase_url(url: str, base_url: str | None) -> str:
    """``url`` with scheme/host/port (and any path prefix) of ``base_url`` if it aims at X;
    with no ``base_url`` (the real X), on X's documented host.

    URLs for other hosts (the loopback listener, anything else) come back unchanged.
    """
    if not base_url:
        return documented_url(url)
    if not is_x_url(url):
        return url
    parts = urlsplit(url)
    base = urlsplit(base_url)
    path = base.path.rstrip("/") + parts.path
    return urlunsplit((base.scheme, base.netloc, path, parts.query, parts.fragment))


class XTransportAdapter(HTTPAdapter):
    """Sends requests built for X's hosts to ``base_url``; adds a default time-out to all.

    With ``base_url=None`` (real X) only tweepy's legacy host names become the documented
    ones (``api.x.com``, ``x.com``), and the time-out still applies: tweepy would otherwise
    wait forever on a hung connection. No retries: a POST that
    reached X must not be sent twice (a duplicate post is worse than an error).
    """

    def __init__(self, base_url: str | None = None, *, timeout: Timeout = DEFAULT_TIMEOUT) -> None:
        super().__init__(max_retries=0)
        if base_url is not None:
            base = urlsplit(base_url)
            if base.scheme not in ("http", "https") or not base.netloc:
                raise ValueError(f"base_url must be http(s)://host[:port], got {base_url!r}")
        self.base_url = base_url.rstrip("/") if base_url else None
        self.timeout = timeout

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Timeout | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        if timeout is None:
            timeout = self.timeout
        new_url = rebase_url(request.url or "", self.base_url)
        if is_loopback_url(new_url):
            # No proxy can reach this machine's 127.0.0.1 (local sandbox, sign-in listener),
            # whatever HTTP(S)_PROXY an office network sets.
            proxies = {}
        elif new_url != request.url:
            # requests chose the proxies for X's host; choose again for where we really go.
            proxies = get_environ_proxies(new_url)
        request.url = new_url
        return super().send(
            request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies
        )


def mount_transport(
    session: requests.Session,
    base_url: str | None = None,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
) -> XTransportAdapter:
    """Mount one :class:`XTransportAdapter` on ``session`` for http and https; return it.

    Works for ``tweepy.Client.session`` and for ``tweepy.OAuth2UserHandler`` (which is itself
    a ``requests_oauthlib.OAuth2Session``).
    """
    adapter = XTransportAdapter(base_url, timeout=timeout)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return adapter
