"""Per-user 15-minute rate-limit windows at X's published limits."""

from __future__ import annotations

from dataclasses import dataclass

WINDOW_S = 900
DEFAULT_LIMIT = 300

# Endpoint key -> requests per user per 15 minutes (X's documented per-user limits).
LIMITS: dict[str, int] = {
    "POST /2/tweets": 100,
    "DELETE /2/tweets/:id": 50,
    "GET /2/users/me": 75,
    "GET /2/users/:id/mentions": 300,
    "GET /2/users/:id/tweets": 900,
    "GET /2/tweets/:id": 900,
    "GET /2/tweets": 900,
    "POST /2/users/:id/retweets": 50,
    # X documents 500 per 15 minutes for /2/media/upload; its chunked commands share it here.
    "POST /2/media/upload": 500,
    "GET /2/media/upload": 500,
    "POST /2/media/upload/initialize": 500,
    "POST /2/media/upload/:id/append": 500,
    "POST /2/media/upload/:id/finalize": 500,
    "POST /2/media/metadata": 500,
}


@dataclass
class Window:
    limit: int
    remaining: int
    reset: int  # epoch seconds

    def headers(self) -> dict[str, str]:
        return {
            "x-rate-limit-limit": str(self.limit),
            "x-rate-limit-remaining": str(self.remaining),
            "x-rate-limit-reset": str(self.reset),
        }


class RateLimiter:
    """Counts every request, refused ones included, as X does."""

    def __init__(self) -> None:
        self._windows: dict[tuple[str, str], Window] = {}

    def clear(self) -> None:
        self._windows.clear()

    def hit(self, user_id: str, key: str, now: float) -> tuple[bool, Window]:
        """Count one request; returns (allowed, window after counting)."""
        limit = LIMITS.get(key, DEFAULT_LIMIT)
        w = self._windows.get((user_id, key))
        if w is None or now >= w.reset:
            w = Window(limit=limit, remaining=limit, reset=int(now) + WINDOW_S)
            self._windows[(user_id, key)] = w
        if w.remaining <= 0:
            return False, w
        w.remaining -= 1
        return True, w

    @staticmethod
    def fresh(key: str, now: float) -> Window:
        """Headers for a request not counted against any user (e.g. a refused token)."""
        limit = LIMITS.get(key, DEFAULT_LIMIT)
        return Window(limit=limit, remaining=limit, reset=int(now) + WINDOW_S)
