"""OAuth 2.0 Authorization Code + PKCE for a public client (client id, no secret).

Built on tweepy's ``OAuth2UserHandler`` (a ``requests_oauthlib.OAuth2Session``): it makes the
S256 challenge from a 128-character verifier and a random ``state``. The same handler must
build the URL and exchange the code, since it holds the verifier. tweepy has no refresh or
revoke helpers; :func:`refresh_tokens` and :func:`revoke_token` work without a flow object
because the app refreshes hours after sign-in.

Note: requests_oauthlib logs token request and response bodies at DEBUG level on the
``requests_oauthlib`` logger; the app's log configuration must keep that logger above DEBUG
or mask tokens.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import requests
import tweepy

from humasdesk.core.errors import OAuthError, OAuthFailure, XError
from humasdesk.core.models import TokenSet
from humasdesk.xapi.errors import error_for_response, map_error
from humasdesk.xapi.transport import mount_transport, rebase_url

SCOPES: tuple[str, ...] = (
    "tweet.read",
    "tweet.write",
    "users.read",
    "offline.access",
    "media.write",
)

# Where a browser signs in on the real X (tweepy still builds twitter.com's address).
X_AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
# X's documented hosts; the transport rewrites them for the sandbox.
TOKEN_URL = "https://api.x.com/2/oauth2/token"  # noqa: S105 - a URL, not a secret
REVOKE_URL = "https://api.x.com/2/oauth2/revoke"

# X's access tokens live two hours; used only if X ever leaves out expires_in.
_DEFAULT_LIFETIME = 7200.0


def _handler(
    client_id: str,
    redirect_uri: str | None,
    scopes: Sequence[str] | None,
    base_url: str | None,
    timeout: float,
) -> tweepy.OAuth2UserHandler:
    handler = tweepy.OAuth2UserHandler(
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=list(scopes) if scopes is not None else None,
    )
    mount_transport(handler, base_url, timeout=(min(5.0, timeout), timeout))
    handler.register_compliance_hook("access_token_response", _check_token_response)
    handler.register_compliance_hook("refresh_token_response", _check_token_response)
    return handler


def _check_token_response(response: requests.Response) -> requests.Response:
    """Let oauthlib parse only OAuth answers; map the rest before it chokes on them.

    oauthlib understands ``{"error": ...}`` bodies (invalid_grant etc.). A 429, a 5xx or a
    problem+json body from a proxy or X's edge would otherwise end as an unreadable-token error.
    """
    status = response.status_code
    if status == 429 or status >= 500:
        raise error_for_response(response)
    if status >= 400:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not (isinstance(body, dict) and "error" in body):
            raise OAuthError(
                f"X refused the token request: {error_for_response(response)}",
                OAuthFailure.REFUSED,
            )
    return response


def _token_set(token: dict[str, Any], previous: TokenSet | None = None) -> TokenSet:
    """A TokenSet from oauthlib's token dict; keeps the old refresh token if X sent none."""
    access = token.get("access_token")
    if not access:
        raise OAuthError("X's token answer holds no access token.")
    refresh = token.get("refresh_token") or (previous.refresh_token if previous else None)
    scope = token.get("scope")
    if isinstance(scope, str):
        scopes = tuple(scope.split())
    elif scope:
        scopes = tuple(str(s) for s in scope)
    else:
        scopes = previous.scopes if previous else ()
    try:
        lifetime = float(token.get("expires_in", _DEFAULT_LIFETIME))
    except (TypeError, ValueError):
        lifetime = _DEFAULT_LIFETIME
    return TokenSet(
        access_token=str(access),
        refresh_token=str(refresh) if refresh else None,
        expires_at=time.time() + lifetime,
        scopes=scopes,
        user_id=previous.user_id if previous else None,
        username=previous.username if previous else None,
    )


def _with_https(url: str) -> str:
    """oauthlib only parses the callback URL but refuses http; the loopback one is http."""
    parts = urlsplit(url)
    return urlunsplit(("https", *parts[1:]))


class OAuthFlow:
    """One sign-in: :meth:`authorization_url`, then the browser, then :meth:`exchange`.

    ``base_url`` is the sandbox (or another X); ``None`` is the real X.
    """

    def __init__(
        self,
        client_id: str,
        redirect_uri: str,
        *,
        base_url: str | None = None,
        scopes: Sequence[str] = SCOPES,
        timeout: float = 15,
    ) -> None:
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.base_url = base_url
        self.scopes = tuple(scopes)
        self.timeout = timeout
        self._handler = _handler(client_id, redirect_uri, self.scopes, base_url, timeout)
        self._state: str | None = None

    @property
    def state(self) -> str | None:
        """The ``state`` of the last authorization URL (for the loopback listener)."""
        return self._state

    def authorization_url(self) -> str:
        """The page the official opens in the browser to approve HumasDesk.

        Each call makes a new verifier and state; only the last URL can be exchanged.
        """
        url = self._handler.get_authorization_url()
        self._state = parse_qs(urlsplit(url).query)["state"][0]
        if self.base_url:
            return rebase_url(url, self.base_url)
        parts = urlsplit(url)
        x = urlsplit(X_AUTHORIZE_URL)
        return urlunsplit((x.scheme, x.netloc, x.path, parts.query, ""))

    def exchange(self, callback_url: str) -> TokenSet:
        """Trade the code in ``callback_url`` for tokens.

        Raises OAuthError for a wrong state, a refusal on X's consent page, or a refused
        code; NetworkError/ServerError/RateLimited when X cannot answer.
        """
        if self._state is None:
            raise OAuthError("No sign-in was started (authorization_url() was not called).")
        query = parse_qs(urlsplit(callback_url).query)
        state = (query.get("state") or [""])[0]
        if state != self._state:
            raise OAuthError(
                "The sign-in answer does not belong to this sign-in (wrong state).",
                OAuthFailure.WRONG_STATE,
            )
        error = (query.get("error") or [""])[0]
        if error == "access_denied":
            raise OAuthError(
                "Consent was denied on X: HumasDesk was not given access.", OAuthFailure.DENIED
            )
        if error:
            description = (query.get("error_description") or [""])[0][:200]
            raise OAuthError(f"X refused the sign-in ({error}): {description}".rstrip(": "))
        if not (query.get("code") or [""])[0]:
            raise OAuthError("The sign-in answer from X holds no authorization code.")
        try:
            token = self._handler.fetch_token(_with_https(callback_url))
        except Warning as scope_changed:
            # X granted other scopes than asked; keep what was granted (TokenSet.scopes
            # shows it) and let the caller decide whether it is enough.
            token = getattr(scope_changed, "token", None)
            failure = None if token is not None else OAuthError(str(scope_changed))
        except Exception as exc:
            failure = map_error(exc)
        else:
            failure = None
        if failure is not None:
            raise failure
        return _token_set(dict(token))

    def refresh(self, tokens: TokenSet) -> TokenSet:
        """New tokens for ``tokens`` (see :func:`refresh_tokens`)."""
        return refresh_tokens(self.client_id, tokens, base_url=self.base_url, timeout=self.timeout)

    def revoke(self, token: str) -> None:
        """Revoke ``token`` at X (see :func:`revoke_token`)."""
        revoke_token(self.client_id, token, base_url=self.base_url, timeout=self.timeout)


def refresh_tokens(
    client_id: str,
    tokens: TokenSet,
    *,
    base_url: str | None = None,
    timeout: float = 15,
) -> TokenSet:
    """Refresh an access token. X rotates the refresh token: store the returned one at once,
    the old one is dead. ``user_id``/``username`` carry over.

    Raises OAuthError when X refuses (the official must sign in again), NetworkError,
    ServerError or RateLimited when it may work later.
    """
    if not tokens.refresh_token:
        raise OAuthError(
            "No refresh token: sign in again (was offline.access granted?).",
            OAuthFailure.REFUSED,
        )
    handler = _handler(client_id, None, None, base_url, timeout)
    try:
        token = handler.refresh_token(
            TOKEN_URL, refresh_token=tokens.refresh_token, client_id=client_id
        )
    except Exception as exc:
        failure: XError | None = map_error(exc, secrets=(tokens.refresh_token,))
    else:
        failure = None
    finally:
        handler.close()
    if failure is not None:
        raise failure
    return _token_set(dict(token), previous=tokens)


def revoke_token(
    client_id: str,
    token: str,
    *,
    base_url: str | None = None,
    timeout: float = 15,
    token_type_hint: str | None = None,
) -> None:
    """Revoke an access or refresh token at X (sign-out). Revoking a dead token succeeds."""
    handler = _handler(client_id, None, None, base_url, timeout)
    data = {"token": token, "client_id": client_id}
    if token_type_hint:
        data["token_type_hint"] = token_type_hint
    try:
        response = handler.post(REVOKE_URL, data=data, withhold_token=True)
        failure = None if response.ok else _revoke_failure(response)
    except Exception as exc:
        failure = map_error(exc, secrets=(token,))
    finally:
        handler.close()
    if failure is not None:
        raise failure


def _revoke_failure(response: requests.Response) -> XError:
    error = error_for_response(response)
    if response.status_code == 429 or response.status_code >= 500:
        return error
    return OAuthError(f"X refused to revoke the token: {error}")
