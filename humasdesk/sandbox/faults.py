"""Injected faults: the next N requests matching a path prefix fail in a chosen way."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any


@dataclass
class Fault:
    count: int = 1
    status: int | None = 503  # None: answer normally (a pure delay)
    path_prefix: str = ""
    path_suffix: str = ""  # e.g. "/append": every chunked APPEND, whatever its media id
    method: str = ""  # empty: any method
    skip: int = 0  # let this many matching requests through first
    delay_ms: int = 0
    drop_connection: bool = False
    after_commit: bool = False  # do the work, then fail the response

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        f = cls(
            count=int(data.get("count", 1)),
            status=_status(data),
            path_prefix=str(data.get("path_prefix", "")),
            path_suffix=str(data.get("path_suffix", "")),
            skip=int(data.get("skip", 0)),
            method=str(data.get("method", "")).upper(),
            delay_ms=int(data.get("delay_ms", 0)),
            drop_connection=bool(data.get("drop_connection", False)),
            after_commit=bool(data.get("after_commit", False)),
        )
        if f.count < 1 or f.delay_ms < 0 or f.skip < 0:
            raise ValueError("count >= 1, delay_ms >= 0 and skip >= 0 are required")
        if not f.path_prefix.startswith("/") and f.path_prefix:
            raise ValueError("path_prefix must start with /")
        return f

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _status(data: dict[str, Any]) -> int | None:
    """Without `status`, a delay or a dropped connection is the whole fault; else 503."""
    if "status" not in data:
        return None if data.get("delay_ms") or data.get("drop_connection") else 503
    status = int(data["status"])
    HTTPStatus(status)  # raises ValueError for codes with no meaning
    if status < 400:
        raise ValueError("a fault status must be 4xx or 5xx")
    return status


class FaultQueue:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        self._faults.append(fault)

    def clear(self) -> None:
        self._faults.clear()

    def pending(self) -> list[Fault]:
        return list(self._faults)

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault matching this request, with one use spent."""
        for f in self._faults:
            if (
                path.startswith(f.path_prefix)
                and path.endswith(f.path_suffix)
                and f.method in ("", method)
            ):
                if f.skip > 0:
                    f.skip -= 1
                    return None
                f.count -= 1
                if f.count <= 0:
                    self._faults.remove(f)
                return f
        return None
