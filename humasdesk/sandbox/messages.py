"""Plain request/response values passed between the HTTP layer and the endpoint handlers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from humasdesk.sandbox import problems

JSON = "application/json; charset=utf-8"
PROBLEM_JSON = "application/problem+json"


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    def q(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.body.decode("utf-8") or "null")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise problems.invalid_request("Request body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise problems.invalid_request("Request body must be a JSON object.")
        return data

    def form(self) -> dict[str, str]:
        parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v[0] for k, v in parsed.items()}

    def check_params(self, allowed: set[str]) -> None:
        """X refuses query parameters it does not know, naming the ones it accepts."""
        for name in self.query:
            if name not in allowed:
                raise problems.invalid_request(
                    f"The query parameter [{name}] is not one of [{','.join(sorted(allowed))}]",
                    {name: self.query[name]},
                )


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON
    headers: dict[str, str] = field(default_factory=dict)
    mutated: bool = False  # the state changed; the server saves it

    @classmethod
    def json(cls, status: int, obj: Any, headers: dict[str, str] | None = None) -> Response:
        return cls(status, _dump(obj), JSON, dict(headers or {}))

    @classmethod
    def problem(cls, status: int, obj: Any, headers: dict[str, str] | None = None) -> Response:
        return cls(status, _dump(obj), PROBLEM_JSON, dict(headers or {}))

    @classmethod
    def html(cls, status: int, text: str) -> Response:
        return cls(status, text.encode("utf-8"), "text/html; charset=utf-8")

    @classmethod
    def redirect(cls, location: str) -> Response:
        return cls(302, b"", "text/plain", {"location": location})


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
