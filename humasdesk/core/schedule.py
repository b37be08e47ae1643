"""Scheduled posts, the pure part (issue 15): reading a time someone typed, the zone names
Indonesians use, the rules a due time must meet, the grace period and quiet periods.

A scheduled post keeps its absolute instant (stored in UTC): a laptop whose zone changes
between scheduling and sending sends it at the same instant, and the calendar shows it in
the new zone. No I/O, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: How far ahead a post may be scheduled.
MAX_AHEAD = timedelta(days=366)
#: `schedule_grace_minutes`' default: later than this and the post is missed, not sent.
DEFAULT_GRACE = timedelta(minutes=15)
#: A time just typed as "now" or a few seconds back is not "in the past".
PAST_SLACK = timedelta(seconds=60)

#: Indonesia's three zones, by the names people say (and IANA's names for them).
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
_ZONE_BY_OFFSET = {7: "WIB", 8: "WITA", 9: "WIT"}
_ZONE_BY_NAME = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}


class ScheduleProblem(StrEnum):
    """Why a due time cannot be used. The GUI and the command line say each in Indonesian."""

    BAD_FORMAT = "bad_format"  # not "YYYY-MM-DD HH:MM"
    NO_SUCH_DATE = "no_such_date"  # e.g. 29 February of a year that is not a leap year
    UNKNOWN_ZONE = "unknown_zone"
    IN_PAST = "in_past"
    TOO_FAR = "too_far"  # more than a year ahead
    QUIET_PERIOD = "quiet_period"  # into the pane's quiet period: ask once more
    UNCONFIRMED = "unconfirmed"  # an office post needs the office confirmation (or --yes)


class ScheduleError(ValueError):
    def __init__(self, problem: ScheduleProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


_WHEN = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2})[:.](\d{2})\s*$")


def zone(name: str | None) -> tzinfo | None:
    """The zone a name stands for (``WIB``, ``Asia/Makassar``, ``UTC``); no name: None, the
    laptop's own rules (which `parse_when` and `format_local` apply for each date)."""
    if name is None or not name.strip():
        return None
    key = name.strip()
    key = ZONE_ALIASES.get(key.upper(), key)
    if key.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(ScheduleProblem.UNKNOWN_ZONE, name) from None


def local_zone() -> tzinfo:
    """The laptop's zone now (read each time: it may change while the desk runs)."""
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


def parse_when(text: str, tz: tzinfo | None) -> datetime:
    """``"YYYY-MM-DD HH:MM"`` in `tz` (None: the laptop's zone) as an aware instant (UTC).
    Raises `ScheduleError`."""
    m = _WHEN.match(text or "")
    if m is None:
        raise ScheduleError(ScheduleProblem.BAD_FORMAT, text)
    year, month, day, hour, minute = (int(g) for g in m.groups())
    try:
        d = date(year, month, day)
    except ValueError:
        raise ScheduleError(ScheduleProblem.NO_SUCH_DATE, text) from None
    if hour > 23 or minute > 59:
        raise ScheduleError(ScheduleProblem.BAD_FORMAT, text)
    naive = datetime.combine(d, time(hour, minute))
    local = naive.astimezone() if tz is None else naive.replace(tzinfo=tz)
    return local.astimezone(UTC)


def check_due(
    due: datetime, now: datetime, *, max_ahead: timedelta = MAX_AHEAD
) -> ScheduleProblem | None:
    """A due time's own rules: not in the past, not more than a year ahead."""
    if due < now - PAST_SLACK:
        return ScheduleProblem.IN_PAST
    if due > now + max_ahead:
        return ScheduleProblem.TOO_FAR
    return None


def is_missed(due: datetime, now: datetime, grace: timedelta) -> bool:
    """Whether a post due at `due` is too late to go out by itself at `now`."""
    return now > due + grace


def grace_from_minutes(value: object) -> timedelta:
    """`schedule_grace_minutes` as a period: at least one minute (15 when unreadable)."""
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_GRACE
    return timedelta(minutes=max(1, minutes))


def zone_label(when: datetime) -> str:
    """How the zone of an aware time is said: WIB/WITA/WIT in Indonesia (by name or by
    offset), else the zone's own name (``CET``) or its offset (``UTC+05:30``)."""
    tz = when.tzinfo
    key = getattr(tz, "key", None)
    if key in _ZONE_BY_NAME:
        return _ZONE_BY_NAME[key]
    offset = when.utcoffset() or timedelta()
    name = when.tzname() or ""
    if offset == timedelta(0) and name in ("UTC", "GMT", ""):
        return "UTC"
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest == 0 and hours in _ZONE_BY_OFFSET and (not name or name.startswith(("+", "W"))):
        return _ZONE_BY_OFFSET[hours]
    if name and not name.startswith(("+", "-")):
        return name
    sign = "+" if offset >= timedelta(0) else "-"
    total = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{total // 60:02d}:{total % 60:02d}"


def format_local(when: datetime, tz: tzinfo | None = None) -> str:
    """``2026-12-02 07:00 WIB``: an instant as the laptop's clock (or `tz`) shows it."""
    local = when.astimezone(tz) if tz is not None else when.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {zone_label(local)}"


@dataclass(frozen=True)
class QuietPeriod:
    """Hours of the day (laptop's time) a pane's posts should not go out, e.g. 22.00–05.00.
    `start` == `end` is no quiet period at all."""

    start: time
    end: time

    def contains(self, local: datetime) -> bool:
        t = local.time().replace(tzinfo=None)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end  # across midnight

    @classmethod
    def parse(cls, text: str) -> QuietPeriod | None:
        """``"22:00-05:00"`` (also ``22.00–05.00``); empty or unreadable text: None."""
        m = re.match(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$", text or "")
        if m is None:
            return None
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            return None
        period = cls(time(h1, m1), time(h2, m2))
        return None if period.start == period.end else period

    def __str__(self) -> str:
        return f"{self.start:%H.%M}–{self.end:%H.%M}"


def in_quiet_period(due: datetime, period: QuietPeriod | None, tz: tzinfo | None = None) -> bool:
    local = due.astimezone(tz) if tz is not None else due.astimezone()
    return period is not None and period.contains(local)


__all__ = [
    "DEFAULT_GRACE",
    "MAX_AHEAD",
    "QuietPeriod",
    "ScheduleError",
    "ScheduleFigures",
    "ScheduleProblem",
    "ScheduleTally",
    "check_due",
    "format_local",
    "grace_from_minutes",
    "in_quiet_period",
    "is_missed",
    "local_zone",
    "parse_when",
    "zone",
    "zone_label",
]


# --- the period's account of scheduled posts (the PDF report, exports) ------------------------


@dataclass
class ScheduleFigures:
    """One account's scheduled posts in a period, from its activity entries."""

    scheduled: int = 0  # post_scheduled entries (a thread counts once)
    sent_on_time: int = 0  # sent by themselves at their time (within the grace period)
    sent_after_missed: int = 0  # missed first, then sent because a person decided
    missed: int = 0  # post_missed entries
    cancelled: int = 0  # schedule_cancelled entries

    @property
    def any(self) -> bool:
        return bool(self.scheduled or self.sent_on_time or self.sent_after_missed
                    or self.missed or self.cancelled)  # fmt: skip


class ScheduleTally:
    """Streams activity entries once (with the report's other figures) and counts, per
    account id: scheduled, sent on time, missed, sent after being missed, cancelled. A sent
    post counts as scheduled-and-sent when its ``post_sent`` carries ``scheduled_for``; it is
    on time unless a ``post_missed`` for the same outbox item came before it."""

    _WATCH = frozenset({
        "post_scheduled", "post_missed", "schedule_cancelled", "post_sent", "reply_sent",
    })  # fmt: skip

    def __init__(self) -> None:
        self.per_account: dict[str, ScheduleFigures] = {}
        self._missed: set[tuple[str, object]] = set()

    def add(self, entry: Any, action: str, period: Any) -> None:
        if action not in self._WATCH or entry.ts not in period:
            return
        details = entry.details or {}
        if action in ("post_sent", "reply_sent") and "scheduled_for" not in details:
            return
        acc = entry.account_id or ""
        figures = self.per_account.setdefault(acc, ScheduleFigures())
        outbox_id = details.get("outbox_id")
        if action == "post_scheduled":
            figures.scheduled += 1
        elif action == "post_missed":
            figures.missed += 1
            self._missed.add((acc, outbox_id))
        elif action == "schedule_cancelled":
            figures.cancelled += 1
        elif (acc, outbox_id) in self._missed:
            figures.sent_after_missed += 1
        else:
            figures.sent_on_time += 1

    def get(self, account_id: str | None) -> ScheduleFigures:
        return self.per_account.get(account_id or "", ScheduleFigures())

    @property
    def any(self) -> bool:
        return any(f.any for f in self.per_account.values())
