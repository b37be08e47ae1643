"""Map tweepy/requests/oauthlib failures onto HumasDesk's core errors.

One function, :func:`map_error`, decides. Messages are built here from X's problem body
(``detail``/``title``/``type``/``errors[].message``) and never from ``str(exc)``: tweepy's and
requests' exception texts may carry response text, and the exception objects hold the request
with its ``Authorization`` header. Callers raise the mapped error *outside* their ``except``
block so the original exception is not even attached as ``__context__``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import requests
import tweepy

from humasdesk.core.errors import (
    AuthExpired,
    CreditsDepleted,
    DuplicatePost,
    Forbidden,
    InvalidRequest,
    NetworkError,
    NotFound,
    OAuthError,
    OAuthFailure,
    RateLimited,
    ReplyNotAllowed,
    ServerError,
    UsageCapped,
    XError,
)

_MAX_DETAIL = 300  # X's details are one sentence; a proxy's HTML error page is not.


def map_error(exc: BaseException, *, secrets: Iterable[str | None] = ()) -> XError:
    """The core error for ``exc`` (tweepy, requests, oauthlib or already a core error).

    ``secrets`` (tokens in use) are masked in the message, in case X ever echoes one back.
    """
    if isinstance(exc, XError):
        return exc
    response = getattr(exc, "response", None)
    if isinstance(exc, tweepy.HTTPException | requests.HTTPError) and response is not None:
        return _scrub(error_for_response(response), secrets)
    if isinstance(
        exc,
        requests.ConnectionError
        | requests.Timeout
        | requests.exceptions.ChunkedEncodingError
        | requests.exceptions.ContentDecodingError,
    ):
        return NetworkError(_network_message(exc))
    oauth_error = _oauthlib_error(exc)
    if oauth_error is not None:
        return _scrub(oauth_error, secrets)
    if isinstance(exc, requests.RequestException):
        return NetworkError(f"The request to X failed ({type(exc).__name__}).")
    # A 200 whose body is not what X documents (not JSON, fields missing).
    return XError(f"X sent an answer that cannot be read ({type(exc).__name__}).")


def error_for_response(response: requests.Response) -> XError:
    """The core error for an HTTP error response from X (status >= 400)."""
    status = response.status_code
    body = _json_body(response)
    detail = _detail(body) or response.reason or str(status)
    problem_type = str(body.get("type") or "")

    if status == 402 or _credits_problem(body, problem_type):
        return CreditsDepleted(f"The X developer account has no credits left ({status}): {detail}")
    if status == 401:
        return AuthExpired(f"X refused the token (401): {detail}")
    if status == 403:
        reason = str(body.get("reason") or detail or body.get("title") or problem_type)
        lowered = detail.lower()
        if "duplicate" in lowered:
            return DuplicatePost(f"X refused a duplicate post (403): {detail}", reason=reason)
        if "reply" in lowered and ("not allowed" in lowered or "not permitted" in lowered):
            return ReplyNotAllowed(f"X does not allow this reply (403): {detail}", reason)
        return Forbidden(f"X refused the action (403): {detail}", reason=reason)
    if status == 429:
        if problem_type.endswith("usage-capped"):
            period = str(body.get("period") or "")
            message = f"The app's usage cap is reached ({period or 'period unknown'}): {detail}"
            return UsageCapped(message, period)
        reset_at = _reset_at(response)
        return RateLimited(f"Too many requests to X (429): {detail}", reset_at)
    if status == 404:
        return NotFound(f"Not found on X (404): {detail}")
    if status == 400:
        return InvalidRequest(f"X refused the request (400): {detail}")
    if status >= 500:
        return ServerError(f"X failed ({status}): {detail}", status)
    return XError(f"X answered {status}: {detail}")


def _credits_problem(body: dict[str, Any], problem_type: str) -> bool:
    """X's credits-depleted problem (type ``…/credits-depleted``, title ``CreditsDepleted``),
    whatever status a proxy or a later X puts on it."""
    title = str(body.get("title") or "").replace(" ", "").lower()
    return problem_type.rstrip("/").endswith("credits-depleted") or title == "creditsdepleted"


def _json_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _detail(body: dict[str, Any]) -> str:
    """X's own words: the specific ``errors[].message`` first (400s put the reason there and
    keep ``detail`` generic), then ``detail``, then ``title``."""
    parts: list[str] = []
    errors = body.get("errors")
    if isinstance(errors, list):
        for err in errors:
            if isinstance(err, dict):
                text = err.get("message") or err.get("detail")
                if text:
                    parts.append(str(text))
            elif isinstance(err, str):
                parts.append(err)
    for key in ("detail", "title", "error_description", "error"):
        value = body.get(key)
        if isinstance(value, str) and value and value not in parts:
            parts.append(value)
            break
    return " — ".join(parts)[:_MAX_DETAIL]


def _reset_at(response: requests.Response) -> datetime | None:
    raw = response.headers.get("x-rate-limit-reset")
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC) if raw else None
    except (ValueError, OverflowError, OSError):
        return None


def _network_message(exc: BaseException) -> str:
    if isinstance(exc, requests.Timeout):
        return "X did not answer in time (time-out)."
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "The connection to X broke off in the middle of an answer."
    return "Could not reach X (connection refused or dropped)."


def _oauthlib_error(exc: BaseException) -> XError | None:
    """OAuth protocol failures: oauthlib's errors and its scope Warning."""
    # Recognised by class name rather than imported: xapi's layer rule allows tweepy and
    # requests, and oauthlib is only reached through them.
    if not any(
        cls.__name__ == "OAuth2Error" and cls.__module__.startswith("oauthlib.")
        for cls in type(exc).__mro__
    ):
        return None
    code = str(getattr(exc, "error", "") or type(exc).__name__)
    # For a server-side error oauthlib's description is X's error_description.
    words = str(getattr(exc, "description", "") or code)[:_MAX_DETAIL]
    return OAuthError(f"Sign-in with X failed ({code}): {words}", OAuthFailure.REFUSED)


def _scrub(error: XError, secrets: Iterable[str | None]) -> XError:
    """Mask any token that X echoed into the message (defence in depth)."""
    message = str(error)
    masked = message
    for secret in secrets:
        if secret and len(secret) >= 8:
            masked = masked.replace(secret, "***")
    if masked != message:
        error.args = (masked,)
    return error
