"""When the desk reads a post's reach and engagement, and what one reading holds (pure).

X bills every post a metrics read returns ($0.005; the same post again on the same UTC day
is free), so the desk reads each of the two accounts' posts and replies at a few moments
only: about 1 hour, 1 day, 7 days and 28 days after posting (`POINTS`), in batches of up to
100, plus once when the official asks ("Perbarui angka"). A reading that comes late covers
every point passed meanwhile (one read, not four). A monthly budget per account caps what
the reads cost; when a point would not fit, the least useful points give way first
(+1 h, then +1 d, then +7 d; +28 d, the figure that lasts, last): a point is only taken when
what is left after it still pays for this month's more useful points still to come.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

#: (name, time after posting), in time order.
POINTS: tuple[tuple[str, timedelta], ...] = (
    ("1h", timedelta(hours=1)),
    ("1d", timedelta(days=1)),
    ("7d", timedelta(days=7)),
    ("28d", timedelta(days=28)),
)
ON_DEMAND = "demand"
#: X shows non-public and organic metrics of the account's own posts for 30 days.
PRIVATE_DAYS = 30
#: Private metrics are asked only up to this age (a margin before X's 30 days).
PRIVATE_UNTIL = timedelta(days=PRIVATE_DAYS) - timedelta(hours=1)
BATCH = 100
DEFAULT_BUDGET_USD = Decimal("2")

#: X's names, in X's order of `public_metrics`.
PUBLIC_FIELDS = (
    "impression_count",
    "like_count",
    "retweet_count",
    "quote_count",
    "reply_count",
    "bookmark_count",
)
ENGAGEMENT_FIELDS = ("like_count", "retweet_count", "quote_count", "reply_count")


@dataclass(frozen=True)
class Snapshot:
    """One reading of one post's numbers. A figure X did not return (missing or null) is
    None, never 0; `fields` names what X did return (``public_metrics.like_count`` …)."""

    x_post_id: str
    account_id: str
    read_at: datetime
    point: str  # a POINTS name, or ON_DEMAND
    impression_count: int | None = None
    like_count: int | None = None
    retweet_count: int | None = None
    quote_count: int | None = None
    reply_count: int | None = None
    bookmark_count: int | None = None
    non_public: Mapping[str, int | None] | None = None
    organic: Mapping[str, int | None] | None = None
    fields: tuple[str, ...] = ()

    def value(self, name: str) -> int | None:
        return getattr(self, name)

    @property
    def engagements(self) -> int | None:
        """likes + reposts + quotes + replies; None when X gave none of them."""
        return engagements_of({n: self.value(n) for n in ENGAGEMENT_FIELDS})


def engagements_of(counts: Mapping[str, Any]) -> int | None:
    """likes + reposts + quotes + replies of X's public counts (a missing, null or non-count
    one adds nothing); None when none of them is there. `Snapshot.engagements`, and the
    rekap reading an export's snapshot line without making a `Snapshot` of it."""
    known = [v for v in (_count(counts.get(n)) for n in ENGAGEMENT_FIELDS) if v is not None]
    return sum(known) if known else None


def impressions_of(counts: Mapping[str, Any]) -> int | None:
    """X's impression count among the public counts (None when missing, null, not a count)."""
    return _count(counts.get("impression_count"))


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _group(raw: Any) -> dict[str, int | None] | None:
    if not isinstance(raw, Mapping):
        return None
    return {str(k): _count(v) for k, v in raw.items()}


def snapshot_from_x(
    x_post_id: str, account_id: str, groups: Mapping[str, Any], read_at: datetime, point: str
) -> Snapshot:
    """A `Snapshot` of the metric groups of one post as X sent them."""
    public = _group(groups.get("public_metrics")) or {}
    fields: list[str] = []
    for group in ("public_metrics", "non_public_metrics", "organic_metrics"):
        got = _group(groups.get(group))
        fields += [f"{group}.{k}" for k, v in sorted((got or {}).items()) if v is not None]
    return Snapshot(
        x_post_id=x_post_id,
        account_id=account_id,
        read_at=read_at,
        point=point,
        **{name: public.get(name) for name in PUBLIC_FIELDS},
        non_public=_group(groups.get("non_public_metrics")),
        organic=_group(groups.get("organic_metrics")),
        fields=tuple(fields),
    )


@dataclass(frozen=True)
class Measured:
    """A post or reply whose numbers the desk reads: `done` points passed so far (0–4)."""

    x_post_id: str
    account_id: str
    posted_at: datetime
    done: int = 0
    demand: bool = False  # the official asked for a reading now


def due_index(posted_at: datetime, done: int, now: datetime) -> int | None:
    """The latest point (index into `POINTS`) passed at `now` and not yet done."""
    age = now - posted_at
    passed = sum(1 for _name, after in POINTS if age >= after)
    return passed - 1 if passed > done else None


def point_month_due(posted_at: datetime, index: int, month: str) -> bool:
    at = posted_at + POINTS[index][1]
    return at.astimezone(UTC).strftime("%Y-%m") == month


@dataclass(frozen=True)
class Read:
    x_post_id: str
    point: str
    index: int  # into POINTS (the done count becomes index + 1); -1 for ON_DEMAND
    free: bool  # already read today: X does not bill it again
    private: bool  # young enough for non-public and organic metrics


@dataclass(frozen=True)
class Skip:
    x_post_id: str
    point: str
    index: int


@dataclass(frozen=True)
class Plan:
    reads: tuple[Read, ...] = ()
    skipped: tuple[Skip, ...] = ()
    cost: Decimal = Decimal(0)
    exhausted: bool = False  # the budget left nothing to read with

    def batches(self, size: int = BATCH) -> list[tuple[bool, list[Read]]]:
        """(private, reads) lookups of at most `size` posts, private ones apart."""
        out: list[tuple[bool, list[Read]]] = []
        for private in (True, False):
            group = [r for r in self.reads if r.private is private]
            out += [(private, group[i : i + size]) for i in range(0, len(group), size)]
        return out


@dataclass(frozen=True)
class Budget:
    limit: Decimal  # US dollars for metrics reads per account and month
    spent: Decimal  # this month so far
    rate: Decimal  # one billed post read

    @property
    def left(self) -> Decimal:
        return max(Decimal(0), self.limit - self.spent)


def plan_reads(
    posts: Iterable[Measured],
    now: datetime,
    budget: Budget,
    *,
    read_today: Iterable[str] = (),
    upcoming: Sequence[Measured] = (),
) -> Plan:
    """Which due readings to take now within `budget` (module docstring). `read_today`:
    posts X already billed today (free again); `upcoming`: every measured post, to reserve
    what this month's more useful points still to come will cost."""
    today = set(read_today)
    month = now.astimezone(UTC).strftime("%Y-%m")
    wanted: list[tuple[int, Measured]] = []
    for m in posts:
        index = due_index(m.posted_at, m.done, now)
        if index is not None:
            wanted.append((index, m))
        elif m.demand:
            wanted.append((-1, m))
    # most useful first: on demand, then +28 d, +7 d, +1 d, +1 h
    wanted.sort(key=lambda w: (w[0] != -1, -w[0], w[1].posted_at, w[1].x_post_id))
    left = budget.left
    reads: list[Read] = []
    skipped: list[Skip] = []
    cost = Decimal(0)
    # This month's points still to come, per point: what a less useful reading must leave.
    to_come = [0] * len(POINTS)
    if wanted:
        for u in upcoming:
            for j in range(u.done, len(POINTS)):
                if u.posted_at + POINTS[j][1] > now and point_month_due(u.posted_at, j, month):
                    to_come[j] += 1
    for index, m in wanted:
        name = ON_DEMAND if index == -1 else POINTS[index][0]
        free = m.x_post_id in today
        price = Decimal(0) if free else budget.rate
        reserve = Decimal(0)
        if index >= 0 and price:
            reserve = sum(to_come[index + 1 :]) * budget.rate
        if free or price + reserve <= left:
            reads.append(Read(m.x_post_id, name, index, free, now - m.posted_at < PRIVATE_UNTIL))
            left -= price
            cost += price
            if not free:
                today.add(m.x_post_id)
        else:
            skipped.append(Skip(m.x_post_id, name, index))
    exhausted = bool(wanted) and not reads and budget.left < budget.rate
    return Plan(tuple(reads), tuple(skipped), cost, exhausted)
