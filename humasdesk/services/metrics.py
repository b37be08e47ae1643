"""Reach and engagement: read each post's numbers at the scheduled moments, within a budget.

``MetricsService.discover`` registers every post and reply of the two accounts the log puts
on the record (sent by the desk or seen on X; an edit replaces the version read; a deletion
stops the reading). ``take_due(session)`` reads the due posts of that account in batches of
up to 100 (``GET /2/tweets?ids=``), as `core.snapshots` plans them within the account's
monthly budget, stores each reading (its own table) and appends one ``metrics_snapshot``
entry per batch (the count; the chain records that numbers were read, not every number).
A post X says is gone is recorded as ``post_deleted_on_x`` once and never read again (its
readings stay). A 429 or other failure mid-way stops there: what was read is kept, the rest
stays due, nothing is read (or billed) twice. No Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal

from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.cost import DEFAULT_RATES, CostRates, day_key, month_key
from humasdesk.core.errors import CreditsDepleted, XError
from humasdesk.core.metrics import (
    Period,
    ReachPost,
    ReachReport,
    compute_reach,
    publication_kind,
)
from humasdesk.core.snapshots import (
    DEFAULT_BUDGET_USD,
    PUBLIC_FIELDS,
    Budget,
    Plan,
    Snapshot,
    plan_reads,
    snapshot_from_x,
)
from humasdesk.services.accounts import SessionExpired
from humasdesk.services.posting import Call, direct_call, utcnow
from humasdesk.services.session import AccountSession
from humasdesk.services.usage import UsageMeter
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.exports.csvfmt import CsvExtra
from humasdesk.store.exports.snapshots import SnapshotRow
from humasdesk.store.metrics_store import MeasuredPost, MetricsStore

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SCAN_KEY = "scanned_seq"
_MS = timedelta(milliseconds=1)  # "up to `until`" includes a reading made at that moment


@dataclass(frozen=True)
class BudgetStatus:
    """One account's metrics reads this month, for the cost meter and the pane header."""

    account_id: str
    month: str
    limit: Decimal
    spent: Decimal
    skipped: int

    @property
    def left(self) -> Decimal:
        return max(Decimal(0), self.limit - self.spent)

    @property
    def exhausted(self) -> bool:
        return self.left < DEFAULT_RATES.read


@dataclass(frozen=True)
class ReadResult:
    read: int = 0  # posts whose numbers were stored
    skipped: int = 0  # due readings left out for the budget
    deleted: int = 0  # posts X says are gone (recorded now)
    batches: int = 0
    exhausted: bool = False  # the budget left nothing to read with
    error: XError | SessionExpired | None = None  # what stopped it (the rest waits)
    snapshots: tuple[Snapshot, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.error is None


class MetricsService:
    def __init__(
        self,
        store: MetricsStore,
        log: ActivityLog,
        clock: Clock = utcnow,
        *,
        usage: UsageMeter | None = None,
        budget_usd: Callable[[str], Decimal] | Decimal = DEFAULT_BUDGET_USD,
        rates: CostRates | None = None,
    ) -> None:
        self.store = store
        self.log = log
        self._clock = clock
        self.usage = usage
        self._budget = budget_usd
        self.rates = rates or (usage.rates if usage is not None else DEFAULT_RATES)
        # Both panes' reach tabs discover at once: the second waits and finds nothing new,
        # instead of registering the same posts beside the first (twice the work and memory
        # on the first start over a long log).
        self._discovering = threading.Lock()

    # --- which posts are measured ------------------------------------------------------------

    def discover(self) -> int:
        """Register the posts the log put on the record since the last scan; returns how
        many are new."""
        with self._discovering:
            scanned = int(self.store.state(SCAN_KEY) or 0)
            added = 0
            while True:
                entries = self.store.posted_entries_after(scanned)
                if not entries:
                    break
                added += self._register(entries)
                scanned = entries[-1].seq
                self.store.set_state(SCAN_KEY, str(scanned))
            return added

    def _register(self, entries: list[ActivityEntry]) -> int:
        """New posts in one transaction per run of them; an edit or a deletion in between
        first writes what came before it (an edit reads the version it replaces)."""
        added = 0
        batch: list[MeasuredPost] = []

        def flush() -> None:
            nonlocal added
            if batch:
                added += self.store.add_posts(batch)
                batch.clear()

        for e in entries:
            action = str(e.action)
            if not e.x_post_id or not e.account_id:
                continue
            if action in ("post_deleted", "post_deleted_on_x"):
                flush()
                self.store.mark_deleted([e.x_post_id], e.ts)
                continue
            edit_of = e.details.get("edit_of") if action == Action.POST_EDITED_ON_X else None
            if edit_of:
                flush()
            previous = self.store.post(str(edit_of)) if edit_of else None
            is_reply = action in (Action.REPLY_SENT, Action.REPLY_SEEN) or (
                e.in_reply_to is not None and action in (Action.POST_SENT, Action.POST_SEEN)
            )
            batch.append(
                MeasuredPost(
                    x_post_id=e.x_post_id,
                    account_id=e.account_id,
                    slot=None if e.slot is None else str(e.slot),
                    handle=e.handle,
                    kind=previous.kind if previous else ("reply" if is_reply else "post"),
                    posted_at=previous.posted_at if previous else e.ts,
                    text=e.text,
                    official_capacity=bool(e.details.get("official_capacity"))
                    or bool(previous and previous.official_capacity),
                    done=previous.done if previous else 0,
                    demand=False,
                    deleted_at=None,
                    replaced_by=None,
                    edit_of=str(edit_of) if edit_of else None,
                )
            )
            if previous is not None:
                flush()
                self.store.mark_replaced(previous.x_post_id, e.x_post_id)
        flush()
        return added

    # --- the budget --------------------------------------------------------------------------

    def budget_limit(self, account_id: str) -> Decimal:
        b = self._budget
        return b(account_id) if callable(b) else b

    def budget(self, account_id: str, now: datetime | None = None) -> BudgetStatus:
        now = now or self._clock()
        month = month_key(now)
        spent = self.store.billed_reads(account_id, month) * self.rates.read
        return BudgetStatus(
            account_id=account_id,
            month=month,
            limit=self.budget_limit(account_id),
            spent=spent,
            skipped=self.store.skipped_count(account_id, month),
        )

    def plan(self, account_id: str, now: datetime | None = None) -> Plan:
        now = now or self._clock()
        status = self.budget(account_id, now)
        posts = self.store.posts(account_id, active_only=True, open_only=True)
        return plan_reads(
            [p.measured for p in posts],
            now,
            Budget(status.limit, status.spent, self.rates.read),
            read_today=self.store.read_today(day_key(now)),
            upcoming=[p.measured for p in posts],
        )

    def request_reading(self, account_id: str | None = None, x_post_id: str | None = None) -> int:
        """ "Perbarui angka": one reading now (the next `take_due`, within the budget)."""
        self.discover()
        return self.store.request_reading(account_id, x_post_id)

    # --- reading ------------------------------------------------------------------------------

    def take_due(self, session: AccountSession, call: Call = direct_call) -> ReadResult:
        """Read what is due for the session's account now (module docstring)."""
        self.discover()
        account = session.account
        if self.usage is not None:
            self.usage.watch(session.client)
            if self.usage.credits.blocked():
                return ReadResult(error=CreditsDepleted(self.usage.credits.message))
        now = self._clock()
        plan = self.plan(account.user_id, now)
        if plan.skipped:
            self.store.add_skips(
                account.user_id,
                [(s.x_post_id, s.point, s.index) for s in plan.skipped],
                now,
                "budget",
            )
            logger.info("metrics: %d readings skipped for the budget (slot %s)",
                        len(plan.skipped), session.slot.value)  # fmt: skip
        read = deleted = batches = 0
        taken: list[Snapshot] = []
        error: XError | SessionExpired | None = None
        for private, reads in plan.batches():
            ids = [r.x_post_id for r in reads]
            today = self.store.read_today(day_key(self._clock()))
            try:
                answer = call(session, lambda s, i=ids, p=private: s.client.lookup_metrics(
                    i, private=p))  # fmt: skip
            except (XError, SessionExpired) as exc:
                error = exc
                logger.info("metrics read stopped for slot %s: %s", session.slot.value,
                            type(exc).__name__)  # fmt: skip
                break
            at = self._clock()
            batches += 1
            snaps = [
                snapshot_from_x(r.x_post_id, account.user_id, answer.found[r.x_post_id], at,
                                r.point)
                for r in reads
                if r.x_post_id in answer.found
            ]  # fmt: skip
            settled = set(answer.found) | set(answer.missing)
            done = {r.x_post_id: r.index + 1 for r in reads if r.index >= 0 and r.x_post_id in
                    settled}  # fmt: skip
            day = day_key(at)
            ledger = [(day, s.x_post_id, account.user_id, s.x_post_id not in today) for s in snaps]
            self.store.add_snapshots(snaps, done, ledger)
            gone = self.store.mark_deleted(sorted(answer.missing), at)
            for pid in gone:
                self._deleted_on_x(session, pid, at)
            read += len(snaps)
            deleted += len(gone)
            taken += snaps
            details: dict[str, object] = {"count": len(snaps), "private": private}
            if gone:
                details["deleted"] = len(gone)
            refused = sorted(answer.refused - set(answer.found))
            if refused:
                details["refused"] = len(refused)
            self.log.append(
                Action.METRICS_SNAPSHOT,
                slot=session.slot,
                account_id=account.user_id,
                handle=account.username,
                details=details,
                ts=at,
            )
        return ReadResult(
            read=read,
            skipped=len(plan.skipped),
            deleted=deleted,
            batches=batches,
            exhausted=plan.exhausted,
            error=error,
            snapshots=tuple(taken),
        )

    def _deleted_on_x(self, session: AccountSession, x_post_id: str, at: datetime) -> None:
        post = self.store.post(x_post_id)
        self.log.append(
            Action.POST_DELETED_ON_X,
            slot=session.slot,
            account_id=session.account.user_id,
            handle=session.account.username,
            x_post_id=x_post_id,
            text=post.text if post else None,
            ts=at,
        )

    def refresh(self, session: AccountSession, call: Call = direct_call) -> ReadResult:
        """Read every measured post of the account now, within the budget."""
        self.request_reading(session.account.user_id)
        return self.take_due(session, call)


# --- the report's and the exports' reach (read from the store; figures in core.metrics) ----


class ReachCollector:
    """Taps the report's entries (one pass, any order): the posts and replies the figures
    count, each with its X id and time; an edit on X moves the post to its newer version."""

    def __init__(self) -> None:
        self.posts: dict[str, tuple[str, datetime, str | None]] = {}
        self.edits: dict[str, str] = {}  # old id -> new id
        self.accounts: set[str] = set()

    def add(self, e: ActivityEntry) -> None:
        action = str(e.action)
        if e.account_id and e.slot is not None:
            self.accounts.add(e.account_id)
        kind = publication_kind(action, e.in_reply_to)
        if kind in ("post", "reply") and e.x_post_id and e.account_id:
            self.posts[e.x_post_id] = (e.account_id, e.ts, e.text)
        elif action == Action.POST_EDITED_ON_X and e.x_post_id:
            old = e.details.get("edit_of")
            if isinstance(old, str):
                self.edits[old] = e.x_post_id

    def reach_posts(self, store: MetricsStore) -> list[ReachPost]:
        """Each post with its newest version's latest reading (the store read once: a year
        of posts is one query for the posts and one for the readings)."""
        measured = {m.x_post_id: m for m in store.posts()}
        newest: dict[str, str] = {}
        for pid in self.posts:
            cur, seen = pid, {pid}
            while True:
                nxt = self.edits.get(cur)
                if nxt is None:
                    m = measured.get(cur)
                    nxt = m.replaced_by if m is not None else None
                if nxt is None or nxt in seen:
                    break
                seen.add(nxt)
                cur = nxt
            newest[pid] = cur
        wanted = set(newest.values())
        latest = store.latest_snapshots() if wanted & set(measured) else {}
        out = []
        for pid, (account_id, ts, text) in self.posts.items():
            version = newest[pid]
            m = measured.get(version)
            out.append(
                ReachPost(
                    account_id=account_id,
                    x_post_id=version,
                    posted_at=ts,
                    text=m.text if m is not None and m.text else text,
                    latest=latest.get(version),
                    deleted=m is not None and m.deleted_at is not None,
                )
            )
        return out

    def report(self, store: MetricsStore, period: Period, tz: tzinfo) -> ReachReport:
        return compute_reach(self.reach_posts(store), period, tz, self.accounts)

    def snapshot_rows(self, store: MetricsStore, until: datetime) -> list[SnapshotRow]:
        """Every reading (up to `until`) of the collected posts' versions, in time order."""
        ids = set(self.posts) | set(self.edits.values())
        measured = {m.x_post_id: m for m in store.posts()}
        if not ids & set(measured):
            return []
        rows = []
        for snap in store.snapshots(end=until + _MS):
            if snap.x_post_id not in ids:
                continue
            m = measured.get(snap.x_post_id)
            rows.append(
                SnapshotRow(
                    snapshot=snap,
                    slot=m.slot if m else None,
                    handle=m.handle if m else None,
                    posted_at=m.posted_at if m else None,
                )
            )
        return rows


#: The CSV's columns after the activity's: each post's latest numbers, X's names.
CSV_REACH_COLUMNS = (*PUBLIC_FIELDS, "angka_dibaca_pada")


def csv_reach_extra(store: MetricsStore, tz: tzinfo | None, until: datetime) -> CsvExtra:
    """Each measured post's latest numbers as CSV cells (read up to `until`)."""
    from humasdesk.store.exports.rows import LocalTimes

    times = LocalTimes(tz)
    cells = {}
    for pid, read_at, *values in store.latest_public(end=until + _MS):
        numbers = ",".join("" if v is None else str(v) for v in values)
        cells[pid] = f",{numbers},{times.iso(read_at) or ''}"
    return CsvExtra(CSV_REACH_COLUMNS, cells)
