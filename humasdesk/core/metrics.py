"""Report metrics per account and period, computed from activity-log entries (pure, no Qt/SQL).

Definitions (quoted in the report appendix)
===========================================

Inputs: the activity entries (any order; duplicates by `seq` are ignored), a `Period`
``[start, end)`` (start inclusive, end exclusive, timezone-aware) and ``as_of`` (the moment the
report describes; default ``period.end``). Entries after ``as_of`` are ignored. Entries are
grouped by ``account_id`` (the staff account's X user id); entries without one (exports,
chain checks) belong to no account.

* **Posts** (broadcast posts): ``post_sent`` entries in the period with no ``in_reply_to``.
  A post later deleted still counts: it was published. Posts made outside the desk (X's
  app, x.com) and found on the account's timeline count the same: ``post_seen`` like
  ``post_sent``, ``reply_seen`` like ``reply_sent``, ``repost_seen`` like ``repost_sent``,
  each at X's time of the post; an edit made on X (``post_edited_on_x``) is no new post.
* **Replies**: ``reply_sent`` entries in the period, plus ``post_sent`` entries in the period
  that carry ``in_reply_to`` (a reply logged as a post).
* **Mentions received**: distinct mentions (``mention_received``, identified by
  ``x_post_id``; the earliest entry counts if one is logged twice) received by the account in
  the period.
* **Mentions answered**: those mentions for which the same account sent at least one reply
  (as defined above) whose ``in_reply_to`` is the mention's ``x_post_id``, at or after the
  mention's time and no later than ``as_of`` — the reply may fall after the period's end.
  **Answered share** = answered ÷ received (None when none were received).
* **Time to first response** for an answered mention = time of the account's earliest such
  reply − time of the mention. Reported over the answered mentions of the period:
  **median** and **90th percentile**, both by the *nearest-rank* method: for n sorted values
  the p-th percentile is the value at rank ⌈p/100 · n⌉ (1-based), so the median of an even
  count is the lower of the two middle values, and every figure is an actual response time.
  None when no mention was answered.
* **Two-way ratio** = replies ÷ broadcast posts (None when there were no broadcast posts).
* **Complaints** ("aduan"): mentions received in the period that were tagged ``aduan``
  (a ``mention_tagged`` entry of the same account, ``x_post_id`` = the mention,
  ``details["tag"] == "aduan"``, at any time up to ``as_of``). Measured against the
  SP4N-LAPOR! service times:

  - **first response within 3 days**: the time to first response (above) is ≤ 3 × 24 h.
    Each complaint falls in exactly one bucket: ``responded_within`` (≤ 3 days),
    ``responded_late`` (answered, > 3 days), ``unanswered_overdue`` (no reply by ``as_of``
    and more than 3 days have passed), ``unanswered_pending`` (no reply yet, 3 days not yet
    passed at ``as_of``). ``first_response_share`` = responded_within ÷ complaints.
  - **resolution within 5, 14 and 60 days**: resolution time = time of the account's earliest
    ``mention_handled`` entry for the mention − time of the mention. ``resolved_within_5d``,
    ``_14d``, ``_60d`` are cumulative counts (a complaint resolved in 4 days counts in all
    three); ``unresolved`` counts complaints with no ``mention_handled`` by ``as_of``.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.models import Slot
from humasdesk.core.snapshots import Snapshot

FIRST_RESPONSE_SLA = timedelta(days=3)  # SP4N-LAPOR!: first response within 3 days
#: The report's time-to-first-response histogram: upper limits of its bars (the last bar
#: has none). A bar holds times below its limit, except the SP4N-LAPOR! bar, which holds
#: exactly 3 days too ("within 3 days").
RESPONSE_BUCKETS: tuple[timedelta | None, ...] = (
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=24),
    FIRST_RESPONSE_SLA,
    None,
)
RESOLUTION_SLAS = (timedelta(days=5), timedelta(days=14), timedelta(days=60))
COMPLAINT_TAG = "aduan"


@dataclass(frozen=True)
class Period:
    """``[start, end)``: start inclusive, end exclusive; both timezone-aware."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        for t in (self.start, self.end):
            if t.tzinfo is None:
                raise ValueError("period bounds must be timezone-aware")
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    def __contains__(self, ts: datetime) -> bool:
        return self.start <= ts < self.end


@dataclass(frozen=True)
class ComplaintMetrics:
    """Complaints ("aduan") against SP4N-LAPOR! service times (see the module docstring)."""

    count: int = 0
    responded_within: int = 0
    responded_late: int = 0
    unanswered_overdue: int = 0
    unanswered_pending: int = 0
    first_response_share: float | None = None
    resolved_within_5d: int = 0
    resolved_within_14d: int = 0
    resolved_within_60d: int = 0
    unresolved: int = 0


@dataclass(frozen=True)
class AccountMetrics:
    """The figures for one account over one period (definitions in the module docstring)."""

    account_id: str
    handle: str | None
    slot: Slot | str | None
    posts: int
    replies: int
    mentions_received: int
    mentions_answered: int
    answered_share: float | None
    first_response_median: timedelta | None
    first_response_p90: timedelta | None
    two_way_ratio: float | None
    complaints: ComplaintMetrics
    reposts: int = 0  # the other account's posts shared as they are (not in `posts`)


@dataclass(frozen=True)
class MetricsReport:
    period: Period
    as_of: datetime
    accounts: tuple[AccountMetrics, ...]
    #: reach and engagement (issue 16), when the caller read the snapshots
    reach: ReachReport | None = None
    #: each account's display name as of the period's end (account id -> name)
    names: Mapping[str, str] = field(default_factory=dict)
    #: answered mentions per `RESPONSE_BUCKETS` bar, per account id (the report's histogram)
    response_histograms: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def response_histogram(self, account_id: str) -> tuple[int, ...]:
        return self.response_histograms.get(account_id, (0,) * len(RESPONSE_BUCKETS))

    def for_account(self, account_id: str) -> AccountMetrics | None:
        return next((a for a in self.accounts if a.account_id == account_id), None)


def nearest_rank(values: Sequence[timedelta], p: float) -> timedelta | None:
    """The p-th percentile (0 < p ≤ 100) by nearest rank: sorted value at rank ⌈p/100·n⌉."""
    if not values:
        return None
    if not 0 < p <= 100:
        raise ValueError("percentile must be in (0, 100]")
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


# -- one implementation, two ways in --------------------------------------------------------
# `MetricsAccumulator` takes entries one at a time (in any order, each once) and keeps only
# what the definitions need, in integer milliseconds since the epoch (the log's precision).
# `compute_metrics` (the officials' reports) and the supervisor's rekap both go through it;
# the rekap feeds it fields read straight from a JSON Lines export (`add_fields`) and merges
# the per-account `AccountTally`s into per-unit and total figures (`merge_tallies`).

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_FIRST_RESPONSE_SLA_MS = FIRST_RESPONSE_SLA // _MS
_RESOLUTION_SLAS_MS = tuple(limit // _MS for limit in RESOLUTION_SLAS)
_POST = str(Action.POST_SENT)
_REPOST = str(Action.REPOST_SENT)
_REPLY = str(Action.REPLY_SENT)
# Posts made outside the desk and found on X count like the desk's own (issue 16).
_POSTS = POST_ACTIONS = frozenset({_POST, str(Action.POST_SEEN)})
_REPLIES = REPLY_ACTIONS = frozenset({_REPLY, str(Action.REPLY_SEEN)})
_REPOSTS = REPOST_ACTIONS = frozenset({_REPOST, str(Action.REPOST_SEEN)})
SEEN_ACTIONS = frozenset({str(Action.POST_SEEN), str(Action.REPLY_SEEN), str(Action.REPOST_SEEN)})
#: The entries whose posts reach and engagement count (`publication_kind` "post" or "reply").
REACH_ACTIONS = _POSTS | _REPLIES


def publication_kind(action: str, in_reply_to: str | None) -> str | None:
    """``"post"``, ``"reply"`` or ``"repost"`` for an entry the figures count as one (made
    in the desk or seen on X), None for any other entry (the definitions above)."""
    if action in _REPLIES or (action in _POSTS and in_reply_to is not None):
        return "reply"
    if action in _POSTS:
        return "post"
    if action in _REPOSTS:
        return "repost"
    return None
_MENTION = str(Action.MENTION_RECEIVED)
_HANDLED = str(Action.MENTION_HANDLED)
_TAGGED = str(Action.MENTION_TAGGED)


def to_ms(ts: datetime) -> int:
    """Milliseconds since 1970-01-01 UTC (exact for the log's millisecond times)."""
    return (ts - _EPOCH) // _MS


def from_ms(ms: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=ms)


@dataclass
class AccountTally:
    """An account's raw figures for one period, before shares and percentiles: what can be
    added up across accounts (a unit, all units) without the entries. `response_ms` holds
    every answered mention's time to first response (ms), so merged percentiles are exact."""

    account_id: str
    handle: str | None = None
    slot: Slot | str | None = None
    posts: int = 0
    replies: int = 0
    reposts: int = 0
    mentions_received: int = 0
    response_ms: array[int] = field(default_factory=lambda: array("q"))
    complaints: int = 0
    responded_within: int = 0
    responded_late: int = 0
    unanswered_overdue: int = 0
    unanswered_pending: int = 0
    resolved_within_5d: int = 0
    resolved_within_14d: int = 0
    resolved_within_60d: int = 0
    unresolved: int = 0
    #: Other tallies' response times, pooled by reference: a unit's or the total's figures
    #: never copy the answered mentions of all officials (`pooled_ranks` reads them in place).
    pooled: list[array[int]] = field(default_factory=list, repr=False)

    def add(self, other: AccountTally) -> None:
        for name in _TALLY_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.pooled.append(other.response_ms)
        self.pooled.extend(other.pooled)
        self.__dict__.pop("_figures", None)

    @property
    def answered(self) -> int:
        return len(self.response_ms) + sum(len(a) for a in self.pooled)

    def figures(self) -> AccountMetrics:
        """The defined figures (module docstring) from these counts (kept until `add`)."""
        cached = self.__dict__.get("_figures")
        if cached is not None:
            return cached
        self.__dict__["_figures"] = figures = self._compute()
        return figures

    def _compute(self) -> AccountMetrics:
        answered = self.answered
        median, p90 = pooled_ranks([self.response_ms, *self.pooled], (50, 90))

        n = self.complaints
        return AccountMetrics(
            account_id=self.account_id,
            handle=self.handle,
            slot=self.slot,
            posts=self.posts,
            replies=self.replies,
            mentions_received=self.mentions_received,
            mentions_answered=answered,
            answered_share=answered / self.mentions_received if self.mentions_received else None,
            first_response_median=median,
            first_response_p90=p90,
            two_way_ratio=self.replies / self.posts if self.posts else None,
            complaints=ComplaintMetrics(
                count=n,
                responded_within=self.responded_within,
                responded_late=self.responded_late,
                unanswered_overdue=self.unanswered_overdue,
                unanswered_pending=self.unanswered_pending,
                first_response_share=self.responded_within / n if n else None,
                resolved_within_5d=self.resolved_within_5d,
                resolved_within_14d=self.resolved_within_14d,
                resolved_within_60d=self.resolved_within_60d,
                unresolved=self.unresolved,
            ),
            reposts=self.reposts,
        )


def response_bucket(ms: int) -> int:
    """The `RESPONSE_BUCKETS` bar of one time to first response (ms)."""
    for i, limit in enumerate(RESPONSE_BUCKETS):
        if limit is None:
            return i
        limit_ms = limit // _MS
        if ms < limit_ms or (limit == FIRST_RESPONSE_SLA and ms == limit_ms):
            return i
    return len(RESPONSE_BUCKETS) - 1


def response_histogram(parts: Sequence[array[int]]) -> tuple[int, ...]:
    counts = [0] * len(RESPONSE_BUCKETS)
    for a in parts:
        for v in a:
            counts[response_bucket(v)] += 1
    return tuple(counts)


_TALLY_COUNTS = (
    "posts",
    "replies",
    "reposts",
    "mentions_received",
    "complaints",
    "responded_within",
    "responded_late",
    "unanswered_overdue",
    "unanswered_pending",
    "resolved_within_5d",
    "resolved_within_14d",
    "resolved_within_60d",
    "unresolved",
)


SORT_AT_MOST = 200_000  # values sorted whole; more are selected by bucket (same result)


def pooled_ranks(parts: Sequence[array[int]], ps: Sequence[float]) -> list[timedelta | None]:
    """The nearest-rank percentiles `ps` of all times in `parts` (ms), as `nearest_rank`
    defines them (`pooled_rank_values`)."""
    return [
        None if v is None else timedelta(milliseconds=v) for v in pooled_rank_values(parts, ps)
    ]


def pooled_rank_values(parts: Sequence[array[int]], ps: Sequence[float]) -> list[int | None]:
    """The nearest-rank percentiles `ps` of all values (≥ 0) in `parts`. Up to
    `SORT_AT_MOST` values are simply sorted; beyond, two passes find each rank by counting
    values per bucket and sorting only the bucket it falls in, so the memory stays that of
    the counts however many values there are."""
    n = sum(len(a) for a in parts)
    if n == 0:
        return [None for _p in ps]
    ranks = [max(1, math.ceil(p / 100 * n)) for p in ps]
    if n <= SORT_AT_MOST:
        values = sorted(v for a in parts for v in a)
        return [values[r - 1] for r in ranks]
    top = max(max(a) for a in parts if len(a))
    shift = max(0, top.bit_length() - 14)
    counts = [0] * ((top >> shift) + 1)
    for a in parts:
        for v in a:
            counts[v >> shift] += 1
    out: list[int | None] = []
    for r in ranks:
        bucket, seen = 0, 0
        while seen + counts[bucket] < r:
            seen += counts[bucket]
            bucket += 1
        inside = sorted(v for a in parts for v in a if v >> shift == bucket)
        out.append(inside[r - seen - 1])
    return out


def merge_tallies(
    tallies: Iterable[AccountTally], account_id: str = "", handle: str | None = None
) -> AccountTally:
    """One tally for a group of accounts (a unit, all units): counts summed, response times
    pooled, so the group's median is the median of all its answered mentions."""
    out = AccountTally(account_id=account_id, handle=handle)
    for t in tallies:
        out.add(t)
    return out


@dataclass
class _AccountState:
    handle: str | None = None
    handle_seq: int = -1
    slot: Slot | str | None = None
    slot_seq: int = -1
    posts: array[int] = field(default_factory=lambda: array("q"))
    replies: array[int] = field(default_factory=lambda: array("q"))
    reposts: array[int] = field(default_factory=lambda: array("q"))


class MetricsAccumulator:
    """The entries' state for the figures, in one pass (see the section comment above).

    Entries after `as_of` are ignored, as are entries with no account. Each entry must be
    given once (the caller de-duplicates by seq); the order does not matter. Memory: two
    integers per post or reply and one dict item per mention, reply target and tag, so a
    caller streaming many officials uses one accumulator per official."""

    def __init__(self, as_of: datetime) -> None:
        self.as_of = as_of
        self._cutoff = to_ms(as_of)
        self._accounts: dict[str, _AccountState] = {}
        self._mentions: dict[tuple[str, str], int] = {}
        self._first_reply: dict[tuple[str, str], int] = {}
        self._first_handled: dict[tuple[str, str], int] = {}
        self._tagged: set[tuple[str, str]] = set()
        # The desk's own accounts are never citizens: a repost by the other account reaches
        # this one as a mention, but nobody outside wrote it (see `tallies`).
        self._own_handles: set[str] = set()
        self._mention_authors: dict[tuple[str, str], str] = {}

    def add(self, e: ActivityEntry) -> None:
        if e.handle:
            self._own_handles.add(e.handle.casefold())
        if str(e.action) == _MENTION and e.citizen_handle and e.account_id and e.x_post_id:
            author = e.citizen_handle.lstrip("@").casefold()
            self._mention_authors[(e.account_id, e.x_post_id)] = author
        self.add_fields(
            seq=e.seq,
            ms=to_ms(e.ts),
            account_id=e.account_id,
            handle=e.handle,
            slot=e.slot,
            action=str(e.action),
            x_post_id=e.x_post_id,
            in_reply_to=e.in_reply_to,
            tag=e.details.get("tag") if str(e.action) == _TAGGED else None,
        )

    def add_fields(
        self,
        seq: int,
        ms: int,
        account_id: str | None,
        handle: str | None,
        slot: Slot | str | None,
        action: str,
        x_post_id: str | None,
        in_reply_to: str | None,
        tag: object = None,
    ) -> None:
        """One entry as plain fields: `ms` its time (`to_ms`), `tag` its ``details["tag"]``
        (only read for ``mention_tagged``). Positional on purpose: the rekap calls this once
        per entry of a million."""
        if ms > self._cutoff or account_id is None:
            return
        acc = self._accounts.get(account_id)
        if acc is None:
            acc = self._accounts[account_id] = _AccountState()
        if handle is not None and seq > acc.handle_seq:
            acc.handle, acc.handle_seq = handle, seq
        if slot is not None and seq > acc.slot_seq:
            acc.slot, acc.slot_seq = slot, seq
        if action in _REPLIES or (action in _POSTS and in_reply_to is not None):
            acc.replies.append(ms)
            if in_reply_to is not None:
                key = (account_id, in_reply_to)
                first = self._first_reply.get(key)
                if first is None or ms < first:
                    self._first_reply[key] = ms
        elif action in _POSTS:
            acc.posts.append(ms)
        elif action in _REPOSTS:
            acc.reposts.append(ms)
        elif x_post_id is None:
            return
        elif action == _MENTION:
            key = (account_id, x_post_id)
            first = self._mentions.get(key)
            if first is None or ms < first:
                self._mentions[key] = ms
        elif action == _HANDLED:
            key = (account_id, x_post_id)
            first = self._first_handled.get(key)
            if first is None or ms < first:
                self._first_handled[key] = ms
        elif action == _TAGGED and tag == COMPLAINT_TAG:
            self._tagged.add((account_id, x_post_id))

    @property
    def account_ids(self) -> list[str]:
        return sorted(self._accounts)

    def tallies(self, period: Period) -> dict[str, AccountTally]:
        """Each account's `AccountTally` for `period` (any period; the same `as_of`)."""
        start, end, cutoff = to_ms(period.start), to_ms(period.end), self._cutoff
        out: dict[str, AccountTally] = {}
        for account_id, acc in self._accounts.items():
            out[account_id] = AccountTally(
                account_id=account_id,
                handle=acc.handle,
                slot=acc.slot,
                posts=sum(1 for t in acc.posts if start <= t < end),
                replies=sum(1 for t in acc.replies if start <= t < end),
                reposts=sum(1 for t in acc.reposts if start <= t < end),
            )
        own = self._own_handles
        for key, at in self._mentions.items():
            if not start <= at < end:
                continue
            if self._mention_authors.get(key) in own:
                continue
            t = out[key[0]]
            t.mentions_received += 1
            reply_at = self._first_reply.get(key)
            response = reply_at - at if reply_at is not None and reply_at >= at else None
            if response is not None:
                t.response_ms.append(response)
            if key not in self._tagged:
                continue
            t.complaints += 1
            if response is not None:
                if response <= _FIRST_RESPONSE_SLA_MS:
                    t.responded_within += 1
                else:
                    t.responded_late += 1
            elif cutoff - at > _FIRST_RESPONSE_SLA_MS:
                t.unanswered_overdue += 1
            else:
                t.unanswered_pending += 1
            handled_at = self._first_handled.get(key)
            if handled_at is None or handled_at < at:
                t.unresolved += 1
            else:
                took = handled_at - at
                r5, r14, r60 = _RESOLUTION_SLAS_MS
                t.resolved_within_5d += took <= r5
                t.resolved_within_14d += took <= r14
                t.resolved_within_60d += took <= r60
        return out

    def report(self, period: Period) -> MetricsReport:
        """The officials' report: each account's figures and its response-time histogram
        (the rekap reads `tallies` and needs no histogram)."""
        tallies = self.tallies(period)
        return MetricsReport(
            period=period,
            as_of=self.as_of,
            accounts=tuple(tallies[a].figures() for a in sorted(tallies)),
            response_histograms={
                a: response_histogram([t.response_ms]) for a, t in tallies.items()
            },
        )


def compute_metrics(
    entries: Iterable[ActivityEntry],
    period: Period,
    as_of: datetime | None = None,
) -> MetricsReport:
    """Metrics per account for `period` (definitions in the module docstring).

    Pass every entry that can matter: the period's entries and the replies, tags and
    `mention_handled` entries that follow it up to `as_of`.
    """
    acc = MetricsAccumulator(as_of or period.end)
    seen: set[int] = set()
    for e in entries:
        if e.seq in seen:
            continue
        seen.add(e.seq)
        acc.add(e)
    return acc.report(period)


def month_periods(period: Period, tz: tzinfo) -> list[Period]:
    """The calendar months (in `tz`) that `period` touches, each cut to `period`: the rows
    of a month-by-month trend."""
    out: list[Period] = []
    local = period.start.astimezone(tz)
    month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    while month < period.end:
        nxt = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        lo, hi = max(month, period.start), min(nxt, period.end)
        if lo < hi:
            out.append(Period(lo, hi))
        month = nxt
    return out


# -- reach and engagement (issue 16) ----------------------------------------------------------
# Definitions (quoted in the report appendix):
#
# * A post is **measured** when the desk has read its numbers at least once; its figures are
#   those of its **latest reading** (`core.snapshots.Snapshot`), as of that reading's time.
#   The posts are the period's posts and replies of the report's selection (made in the
#   desk or seen on X), each counted once (an edit on X: its newest version).
# * **Impressions**: X's `impression_count`. Total = the sum over measured posts that have
#   the figure; **median** by nearest rank (as above). Posts whose reading lacks the figure
#   are counted in `without_impressions`, never as 0.
# * **Engagements** of a post = likes + reposts + quotes + replies (X's `like_count`,
#   `retweet_count`, `quote_count`, `reply_count`; a missing one adds nothing).
#   **Engagement rate** = the engagements of the posts with an impressions figure ÷ their
#   impressions (None when they have no impressions); a post's own rate likewise (None for 0
#   impressions). A count lower than an earlier reading is kept as X gave it; no rate is
#   negative, since no count is.
# * **Per week**: the impressions of the posts by the (local) week they were posted in,
#   weeks starting Monday.
# * **A group of accounts** (the supervisor's rekap: an official, a unit, all units): the
#   counts added up, the median over all the group's measured posts pooled (`ReachTally`).

TOP_POSTS = 10


@dataclass(frozen=True)
class ReachPost:
    """One post of the report with its latest reading (None: never read)."""

    account_id: str
    x_post_id: str
    posted_at: datetime
    text: str | None
    latest: Snapshot | None = None
    deleted: bool = False

    @property
    def impressions(self) -> int | None:
        return None if self.latest is None else self.latest.impression_count

    @property
    def engagements(self) -> int | None:
        return None if self.latest is None else self.latest.engagements

    @property
    def engagement_rate(self) -> float | None:
        imp, eng = self.impressions, self.engagements
        if not imp or eng is None:
            return None
        return eng / imp


@dataclass(frozen=True)
class ReachFigures:
    account_id: str
    posts: int  # the period's posts and replies
    measured: int  # with at least one reading
    without_impressions: int  # measured, but no impressions figure
    impressions_total: int
    impressions_median: int | None
    engagements_total: int  # of the posts with an impressions figure
    engagement_rate: float | None
    best: tuple[ReachPost, ...]  # the ten with the most impressions
    weekly: tuple[tuple[date, int], ...]  # (Monday, impressions of the week's posts)
    read_from: datetime | None  # the oldest latest reading (figures as of then …)
    read_to: datetime | None  # … to the newest


@dataclass(frozen=True)
class ReachReport:
    period: Period
    accounts: tuple[ReachFigures, ...]

    def for_account(self, account_id: str) -> ReachFigures | None:
        return next((a for a in self.accounts if a.account_id == account_id), None)


@dataclass
class ReachTally:
    """Reach and engagement of a group of posts from each one's latest reading (definitions
    above): what can be added up across accounts (an official, a unit, all units) without
    the posts. `impressions` holds each measured post's impressions figure, so merged
    medians are exact. `compute_reach` (the officials' reports) and the supervisor's rekap
    both count through it."""

    posts: int = 0
    measured: int = 0
    without_impressions: int = 0
    engagements_total: int = 0  # of the posts with an impressions figure
    impressions: array[int] = field(default_factory=lambda: array("q"))
    #: other tallies' figures, pooled by reference (as `AccountTally.pooled`)
    pooled: list[array[int]] = field(default_factory=list, repr=False)

    def add_post(self, impressions: int | None, engagements: int | None, measured: bool) -> None:
        """One post: its latest reading's impressions and engagements (`measured` False: it
        was never read)."""
        self.posts += 1
        if not measured:
            return
        self.measured += 1
        if impressions is None:
            self.without_impressions += 1
            return
        self.impressions.append(impressions)
        self.engagements_total += engagements or 0

    def add(self, other: ReachTally) -> None:
        self.posts += other.posts
        self.measured += other.measured
        self.without_impressions += other.without_impressions
        self.engagements_total += other.engagements_total
        self.pooled.append(other.impressions)
        self.pooled.extend(other.pooled)

    @property
    def impressions_total(self) -> int:
        return sum(self.impressions) + sum(sum(a) for a in self.pooled)

    @property
    def impressions_median(self) -> int | None:
        (median,) = pooled_rank_values([self.impressions, *self.pooled], (50,))
        return median

    @property
    def engagement_rate(self) -> float | None:
        total = self.impressions_total
        return self.engagements_total / total if total else None


def merge_reach(tallies: Iterable[ReachTally]) -> ReachTally:
    """One reach tally for a group (a unit, all units): counts summed, impressions pooled."""
    out = ReachTally()
    for t in tallies:
        out.add(t)
    return out


def compute_reach(
    posts: Iterable[ReachPost], period: Period, tz: tzinfo, account_ids: Iterable[str] = ()
) -> ReachReport:
    """Reach and engagement per account for `period` (definitions above); `account_ids`
    are reported even with no post (their section says so)."""
    by_account: dict[str, dict[str, ReachPost]] = {a: {} for a in account_ids}
    for p in posts:
        if p.posted_at in period:
            by_account.setdefault(p.account_id, {})[p.x_post_id] = p
    out = []
    for account_id in sorted(by_account):
        items = list(by_account[account_id].values())
        tally = ReachTally()
        for p in items:
            tally.add_post(p.impressions, p.engagements, p.latest is not None)
        measured = [p for p in items if p.latest is not None]
        with_imp = [p for p in measured if p.impressions is not None]
        weeks: dict[date, int] = {}
        for p in with_imp:
            d = p.posted_at.astimezone(tz).date()
            monday = d - timedelta(days=d.weekday())
            weeks[monday] = weeks.get(monday, 0) + (p.impressions or 0)
        reads = [p.latest.read_at for p in measured if p.latest is not None]
        best = sorted(with_imp, key=lambda p: (-(p.impressions or 0), p.posted_at))[:TOP_POSTS]
        out.append(
            ReachFigures(
                account_id=account_id,
                posts=tally.posts,
                measured=tally.measured,
                without_impressions=tally.without_impressions,
                impressions_total=tally.impressions_total,
                impressions_median=tally.impressions_median,
                engagements_total=tally.engagements_total,
                engagement_rate=tally.engagement_rate,
                best=tuple(best),
                weekly=tuple(sorted(weeks.items())),
                read_from=min(reads, default=None),
                read_to=max(reads, default=None),
            )
        )
    return ReachReport(period, tuple(out))
