"""Snowflake-style ids: they grow with time like X's, so since_id/until_id compare as integers."""

from __future__ import annotations

from datetime import UTC, datetime

# X's snowflake epoch (2010-11-04T01:42:54.657Z) in milliseconds.
X_EPOCH_MS = 1288834974657


def snowflake(ms: int, seq: int) -> int:
    return ((ms - X_EPOCH_MS) << 22) | (seq & 0x3FFFFF)


def iso_ms(epoch_s: float) -> str:
    """UTC ISO-8601 with milliseconds and a Z, the way X writes `created_at`."""
    dt = datetime.fromtimestamp(epoch_s, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


class IdMaker:
    """Makes ids from a timestamp; never repeats nor goes backwards, even if the clock does."""

    def __init__(self, last: int = 0) -> None:
        self.last = last

    def make(self, epoch_s: float) -> str:
        candidate = snowflake(int(epoch_s * 1000), 0)
        self.last = max(candidate, self.last + 1)
        return str(self.last)
