"""RFC 7807 problem bodies worded the way X words them."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

PROBLEMS = "https://api.twitter.com/2/problems/"
INVALID_REQUEST_DETAIL = "One or more parameters to your request was invalid."

Problem = dict[str, Any]


class ApiError(Exception):
    """Raised inside a handler to answer with a problem body."""

    def __init__(self, status: int, body: Problem, headers: dict[str, str] | None = None) -> None:
        super().__init__(body.get("detail", ""))
        self.status = status
        self.body = body
        self.headers = headers or {}


def generic(status: int, detail: str | None = None) -> Problem:
    """X's about:blank problems (401, 403, 429, 5xx)."""
    title = HTTPStatus(status).phrase
    return {"title": title, "type": "about:blank", "status": status, "detail": detail or title}


def unauthorized() -> ApiError:
    return ApiError(401, generic(401, "Unauthorized"))


def forbidden(detail: str = "Forbidden") -> ApiError:
    return ApiError(403, generic(403, detail))


def too_many_requests() -> Problem:
    return generic(429, "Too Many Requests")


def invalid_request(message: str, parameters: dict[str, list[str]] | None = None) -> ApiError:
    """400 as X sends it: the reasons sit in `errors`, `detail` is always the same sentence."""
    err: dict[str, Any] = {"message": message}
    if parameters:
        err["parameters"] = parameters
    body = {
        "errors": [err],
        "title": "Invalid Request",
        "detail": INVALID_REQUEST_DETAIL,
        "type": PROBLEMS + "invalid-request",
    }
    return ApiError(400, body)


def not_found_item(resource_type: str, parameter: str, value: str) -> Problem:
    """One resource-not-found entry, as X puts in `errors` of a 200 or in a 404 body."""
    return {
        "value": value,
        "detail": f"Could not find {resource_type} with {parameter}: [{value}].",
        "title": "Not Found Error",
        "resource_type": resource_type,
        "parameter": parameter,
        "resource_id": value,
        "type": PROBLEMS + "resource-not-found",
    }


def not_found(resource_type: str, parameter: str, value: str) -> ApiError:
    return ApiError(404, {**not_found_item(resource_type, parameter, value), "status": 404})
