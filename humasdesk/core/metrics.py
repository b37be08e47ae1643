"""Report metrics per account and period, computed from activity-log entries (pure, no Qt/SQL).

Definitions (quoted in the report appendix)
===========================================

Inputs: the activity entries (any order; duplicates by `seq` are ignored), a `Period`
``[start, end)`` (start inclusive, end exclusive, timezone-aware) and ``as_of`` (the moment the
report describes; default ``period.end``). Entries after ``as_of`` are ignored. Entries are
grouped by ``account_id`` (the staff account's X user id); entries without one (exports,
chain checks) belong to no account.

* **Posts** (broadcast posts): ``post_sent`` entries in the period with no ``in_reply_to``.
  A post later deleted still counts: it was published.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.models import Slot

FIRST_RESPONSE_SLA = timedelta(days=3)
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


def _is_reply(e: ActivityEntry) -> bool:
    a = str(e.action)
    return a == Action.REPLY_SENT or (a == Action.POST_SENT and e.in_reply_to is not None)


@dataclass
class _Acc:
    handle: str | None = None
    slot: Slot | str | None = None
    posts: int = 0
    replies: int = 0
    reposts: int = 0


def compute_metrics(
    entries: Iterable[ActivityEntry],
    period: Period,
    as_of: datetime | None = None,
) -> MetricsReport:
    """Metrics per account for `period` (definitions in the module docstring).

    Pass every entry that can matter: the period's entries and the replies, tags and
    `mention_handled` entries that follow it up to `as_of`.
    """
    cutoff = as_of or period.end
    seen: set[int] = set()
    accounts: dict[str, _Acc] = {}
    mentions: dict[tuple[str, str], datetime] = {}  # (account, mention id) -> received at
    first_reply: dict[tuple[str, str], datetime] = {}
    first_handled: dict[tuple[str, str], datetime] = {}
    tagged: set[tuple[str, str]] = set()

    ordered = sorted(entries, key=lambda x: x.seq)
    # The desk's own accounts are never citizens: a repost by the other account reaches
    # this one as a mention, but nobody outside wrote it.
    own = {e.handle.casefold() for e in ordered if e.handle}
    for e in ordered:
        if e.seq in seen or e.ts > cutoff or e.account_id is None:
            continue
        if (
            str(e.action) == Action.MENTION_RECEIVED
            and e.citizen_handle
            and e.citizen_handle.lstrip("@").casefold() in own
        ):
            continue
        seen.add(e.seq)
        acc = accounts.setdefault(e.account_id, _Acc())
        if e.handle is not None:
            acc.handle = e.handle
        if e.slot is not None:
            acc.slot = e.slot
        action = str(e.action)
        in_period = e.ts in period
        if _is_reply(e):
            if in_period:
                acc.replies += 1
            if e.in_reply_to is not None:
                key = (e.account_id, e.in_reply_to)
                if key not in first_reply or e.ts < first_reply[key]:
                    first_reply[key] = e.ts
        elif action == Action.POST_SENT:
            if in_period:
                acc.posts += 1
        elif action == Action.REPOST_SENT:
            if in_period:
                acc.reposts += 1
        elif action == Action.MENTION_RECEIVED and e.x_post_id is not None:
            key = (e.account_id, e.x_post_id)
            if key not in mentions or e.ts < mentions[key]:
                mentions[key] = e.ts
        elif action == Action.MENTION_HANDLED and e.x_post_id is not None:
            key = (e.account_id, e.x_post_id)
            if key not in first_handled or e.ts < first_handled[key]:
                first_handled[key] = e.ts
        elif (
            action == Action.MENTION_TAGGED
            and e.x_post_id is not None
            and e.details.get("tag") == COMPLAINT_TAG
        ):
            tagged.add((e.account_id, e.x_post_id))

    results = []
    for account_id in sorted(accounts):
        acc = accounts[account_id]
        received = 0
        times: list[timedelta] = []
        c = dict.fromkeys(
            (
                "count",
                "within",
                "late",
                "overdue",
                "pending",
                "r5",
                "r14",
                "r60",
                "unresolved",
            ),
            0,
        )
        for (acc_id, mention_id), at in mentions.items():
            if acc_id != account_id or at not in period:
                continue
            received += 1
            key = (acc_id, mention_id)
            reply_at = first_reply.get(key)
            response = reply_at - at if reply_at is not None and reply_at >= at else None
            if response is not None:
                times.append(response)
            if key not in tagged:
                continue
            c["count"] += 1
            if response is not None:
                c["within" if response <= FIRST_RESPONSE_SLA else "late"] += 1
            elif cutoff - at > FIRST_RESPONSE_SLA:
                c["overdue"] += 1
            else:
                c["pending"] += 1
            handled_at = first_handled.get(key)
            if handled_at is None or handled_at < at:
                c["unresolved"] += 1
            else:
                took = handled_at - at
                for name, limit in zip(("r5", "r14", "r60"), RESOLUTION_SLAS, strict=True):
                    if took <= limit:
                        c[name] += 1
        answered = len(times)
        results.append(
            AccountMetrics(
                account_id=account_id,
                handle=acc.handle,
                slot=acc.slot,
                posts=acc.posts,
                replies=acc.replies,
                mentions_received=received,
                mentions_answered=answered,
                answered_share=answered / received if received else None,
                first_response_median=nearest_rank(times, 50),
                first_response_p90=nearest_rank(times, 90),
                two_way_ratio=acc.replies / acc.posts if acc.posts else None,
                complaints=ComplaintMetrics(
                    count=c["count"],
                    responded_within=c["within"],
                    responded_late=c["late"],
                    unanswered_overdue=c["overdue"],
                    unanswered_pending=c["pending"],
                    first_response_share=c["within"] / c["count"] if c["count"] else None,
                    resolved_within_5d=c["r5"],
                    resolved_within_14d=c["r14"],
                    resolved_within_60d=c["r60"],
                    unresolved=c["unresolved"],
                ),
                reposts=acc.reposts,
            )
        )
    return MetricsReport(period=period, as_of=cutoff, accounts=tuple(results))
