"""OAuth 2.0 authorization code + PKCE (S256), refresh rotation and revocation, as X does them."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from humasdesk.sandbox.state import (
    AccessToken,
    AuthCode,
    RefreshToken,
    State,
    User,
    token_digest,
)

ACCESS_TTL_S = 7200
CODE_TTL_S = 30
KNOWN_SCOPES = frozenset(
    {
        "tweet.read", "tweet.write", "tweet.moderate.write", "users.read", "users.email",
        "follows.read", "follows.write", "offline.access", "space.read", "mute.read",
        "mute.write", "like.read", "like.write", "list.read", "list.write", "block.read",
        "block.write", "bookmark.read", "bookmark.write", "media.write", "dm.read", "dm.write",
    }
)  # fmt: skip
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class AuthorizeError(Exception):
    """The authorize request is unusable; answered with a 400 page, never a redirect."""


class TokenError(Exception):
    """Answered as OAuth does: 400 {"error", "error_description"}."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


@dataclass(frozen=True)
class AuthorizeRequest:
    client_id: str
    redirect_uri: str
    scopes: list[str]
    state: str
    code_challenge: str

    def hidden_fields(self) -> dict[str, str]:
        return {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": " ".join(self.scopes),
            "state": self.state,
            "code_challenge": self.code_challenge,
            "code_challenge_method": "S256",
        }


def is_loopback_redirect(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in LOOPBACK_HOSTS
        and not parts.username
        and not parts.password
        and not parts.fragment
    )


def parse_authorize(params: dict[str, str]) -> AuthorizeRequest:
    """Validate the authorize parameters; PKCE S256 and a loopback redirect are mandatory."""
    if params.get("response_type") != "code":
        raise AuthorizeError("response_type harus 'code'.")
    client_id = params.get("client_id", "")
    if not client_id:
        raise AuthorizeError("client_id tidak ada.")
    redirect_uri = params.get("redirect_uri", "")
    if not is_loopback_redirect(redirect_uri):
        raise AuthorizeError("redirect_uri harus alamat loopback http (127.0.0.1).")
    scopes = params.get("scope", "").split()
    if not scopes:
        raise AuthorizeError("scope tidak ada.")
    unknown = [s for s in scopes if s not in KNOWN_SCOPES]
    if unknown:
        raise AuthorizeError("scope tidak dikenal: " + " ".join(unknown))
    state = params.get("state", "")
    if not state:
        raise AuthorizeError("state tidak ada.")
    if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
        raise AuthorizeError("PKCE wajib dengan code_challenge_method=S256.")
    return AuthorizeRequest(client_id, redirect_uri, scopes, state, params["code_challenge"])


def redirect_with(uri: str, params: dict[str, str]) -> str:
    return uri + ("&" if "?" in uri else "?") + urlencode(params)


def issue_code(state: State, req: AuthorizeRequest, user: User, now: float) -> str:
    code = "sbx-code-" + secrets.token_urlsafe(24)
    digest = token_digest(code)
    state.codes[digest] = AuthCode(
        digest=digest,
        client_id=req.client_id,
        redirect_uri=req.redirect_uri,
        scopes=list(req.scopes),
        challenge=req.code_challenge,
        user_id=user.id,
        issued_at=now,
    )
    return code


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _issue_tokens(
    state: State, user_id: str, client_id: str, scopes: list[str], grant_id: str, now: float
) -> dict[str, object]:
    access = "sbx-at-" + secrets.token_urlsafe(32)
    at_digest = token_digest(access)
    state.access_tokens[at_digest] = AccessToken(
        digest=at_digest,
        user_id=user_id,
        client_id=client_id,
        scopes=list(scopes),
        expires_at=now + ACCESS_TTL_S,
        grant_id=grant_id,
    )
    state.issued_access.append(access)
    body: dict[str, object] = {
        "token_type": "bearer",
        "expires_in": ACCESS_TTL_S,
        "access_token": access,
        "scope": " ".join(scopes),
    }
    if "offline.access" in scopes:
        refresh = "sbx-rt-" + secrets.token_urlsafe(40)
        rt_digest = token_digest(refresh)
        state.refresh_tokens[rt_digest] = RefreshToken(
            digest=rt_digest, user_id=user_id, client_id=client_id, scopes=list(scopes),
            grant_id=grant_id,
        )  # fmt: skip
        state.issued_refresh.append(refresh)
        body["refresh_token"] = refresh
    return body


def _required(form: dict[str, str], *names: str) -> None:
    for name in names:
        if not form.get(name):
            raise TokenError("invalid_request", f"Missing required parameter [{name}].")


def exchange_code(state: State, form: dict[str, str], client_id: str, now: float) -> dict:
    _required(form, "code", "redirect_uri", "code_verifier")
    code = state.codes.get(token_digest(form["code"]))
    bad = TokenError("invalid_grant", "Value passed for the authorization code was invalid.")
    if code is None or code.used or now - code.issued_at > CODE_TTL_S:
        raise bad
    code.used = True  # single use, even when the rest of the exchange fails
    if code.client_id != client_id or code.redirect_uri != form["redirect_uri"]:
        raise bad
    if not secrets.compare_digest(s256(form["code_verifier"]), code.challenge):
        raise TokenError("invalid_grant", "Value passed for the code_verifier was invalid.")
    grant_id = secrets.token_hex(8)
    return _issue_tokens(state, code.user_id, client_id, code.scopes, grant_id, now)


def refresh(state: State, form: dict[str, str], client_id: str, now: float) -> dict:
    _required(form, "refresh_token")
    old = state.refresh_tokens.get(token_digest(form["refresh_token"]))
    if old is None or not old.valid or old.client_id != client_id:
        raise TokenError("invalid_grant", "Value passed for the token was invalid.")
    old.valid = False  # rotation: the old refresh token is spent
    return _issue_tokens(state, old.user_id, client_id, old.scopes, old.grant_id, now)


def revoke(state: State, token: str) -> None:
    """Revoking any token of a sign-in ends the whole sign-in (its access and refresh tokens)."""
    digest = token_digest(token)
    found = state.access_tokens.get(digest) or state.refresh_tokens.get(digest)
    if found is None:
        return  # RFC 7009: unknown tokens are not an error
    for at in state.access_tokens.values():
        if at.grant_id == found.grant_id:
            at.revoked = True
    for rt in state.refresh_tokens.values():
        if rt.grant_id == found.grant_id:
            rt.valid = False


def authenticate(state: State, authorization: str | None, now: float) -> AccessToken | None:
    if not authorization or not authorization.startswith("Bearer "):
        return None
    tok = state.access_tokens.get(token_digest(authorization[len("Bearer ") :].strip()))
    if tok is None or tok.revoked or now >= tok.expires_at:
        return None
    return tok
