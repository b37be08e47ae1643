"""Domain errors for everything that can go wrong talking to X.

The X client maps tweepy/requests exceptions onto these, so services and the GUI
never see transport details. Messages hold no tokens.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class XError(Exception):
    """Base of every error from talking to X."""


class SecretUnavailable(Exception):
    """A secret the OS keyring keeps (a token, the export signing key) cannot be used now:
    no secure keyring, locked, refused, or unreadable. The credentials package raises its
    subclasses; layers that may not import it (the store) catch this."""


class AuthExpired(XError):
    """The token is expired, revoked or invalid (401). Refresh or sign in again."""


class Forbidden(XError):
    """X refused the action (403). `reason` is X's own wording or problem type."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class DuplicatePost(Forbidden):
    """X refused a post whose text this account already posted (403)."""


class ReplyNotAllowed(Forbidden):
    """X refused a reply to a post that does not mention or quote the account (403)."""


class RateLimited(XError):
    """Too many requests (429). `reset_at` is when X accepts requests again."""

    def __init__(self, message: str, reset_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reset_at = reset_at


class UsageCapped(XError):
    """The app's usage cap is reached (429 usage-capped). `period` is Daily or Monthly."""

    def __init__(self, message: str, period: str = "") -> None:
        super().__init__(message)
        self.period = period


class CreditsDepleted(XError):
    """The developer account's pay-per-use credits are used up (402). Nothing X bills works
    until the account's administrator tops it up; the call did nothing and may be repeated."""


class NotFound(XError):
    """The post or user does not exist (404)."""


class ServerError(XError):
    """X failed (5xx). Safe to retry later."""

    def __init__(self, message: str, status: int = 500) -> None:
        super().__init__(message)
        self.status = status


class NetworkError(XError):
    """X could not be reached: connection refused or dropped, DNS, time-out."""


class InvalidRequest(XError):
    """X refused the request as malformed (400), e.g. text too long or empty."""


class OAuthFailure(StrEnum):
    """Why a sign-in failed, so the GUI can say it in the official's language."""

    DENIED = "denied"  # the official refused on X's consent page
    WRONG_STATE = "wrong_state"  # the answer does not belong to this sign-in
    TIMED_OUT = "timed_out"  # no answer from the browser in time
    CANCELLED = "cancelled"  # the official (or the desk) stopped waiting
    PORT_IN_USE = "port_in_use"  # the callback port is taken
    REFUSED = "refused"  # X refused the code or the refresh token: sign in again
    OTHER = "other"


class OAuthError(XError):
    """The OAuth flow failed: consent denied, wrong state, bad code, time-out."""

    def __init__(
        self, message: str, kind: OAuthFailure = OAuthFailure.OTHER, port: int | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.port = port
