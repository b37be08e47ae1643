"""Scheduled posts (issue 15): schedule, move, edit, cancel, send now, and mark missed.

A scheduled post is an outbox item in the state ``scheduled`` with its due time (`due_at`);
the senders (the desk's workers, `humasdesk sync`) take it like any queued post once it is
due, through the outbox's leases, so it goes out once, whoever sends it. The undo window is
skipped: the official confirmed at scheduling time.

Nothing goes out late without a person deciding: a post whose time passed by more than the
grace period (`schedule_grace_minutes`) while no sender ran becomes ``missed`` and waits for
"Kirim sekarang", "Jadwalkan ulang" or "Batalkan". The checks of the composer (length, media,
the office confirmation, the cross-account duplicate rule — scheduled items count, within
24 hours of each other's due time) run when a post is scheduled and again when it is sent
(`recheck`), since X's state may have changed.

Every change is an activity-log entry: ``post_scheduled``, ``schedule_moved``,
``schedule_edited``, ``schedule_cancelled``, ``post_missed`` (``core.activity``).
No Qt; cheap SQLite calls only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from humasdesk.core.activity import Action, format_ts
from humasdesk.core.compose import ComposeCheck, Draft, check_post, normalise_newlines
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Account, Slot
from humasdesk.core.schedule import (
    DEFAULT_GRACE,
    MAX_AHEAD,
    QuietPeriod,
    ScheduleProblem,
    check_due,
    grace_from_minutes,
    in_quiet_period,
    is_missed,
)
from humasdesk.services.outbox import (
    CROSS_ACCOUNT_WINDOW,
    CancelResult,
    CrossAccountDuplicate,
    RecentPost,
    compose_checks,
    draft_of,
    find_cross_account,
    new_items,
)
from humasdesk.services.posting import utcnow
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.outbox_store import (
    OutboxItem,
    OutboxState,
    OutboxStore,
    PostKind,
)

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: A pane's quiet period (None: none marked).
QuietPeriods = Callable[[Slot], QuietPeriod | None]


@dataclass(frozen=True)
class ScheduleResult:
    """What scheduling (or moving, or editing) did. ``ok`` False: nothing changed, and
    ``problem`` (a due-time rule), ``checks`` (the composer's rules, one per post) or
    ``duplicate`` (the other account's text) says why; ``quiet`` is the quiet period a due
    time falls into (``problem`` QUIET_PERIOD: ask once more, then pass quiet_confirmed)."""

    ok: bool
    items: tuple[OutboxItem, ...] = ()
    problem: ScheduleProblem | None = None
    checks: tuple[ComposeCheck, ...] = ()
    duplicate: CrossAccountDuplicate | None = None
    quiet: QuietPeriod | None = None
    gone: bool = False  # the item is no longer waiting (sent, sending, cancelled meanwhile)


@dataclass(frozen=True)
class Recheck:
    """Why a due post is not sent after all (at its time): failed with this reason."""

    kind: str  # a FailureKind value
    message: str


def _no_quiet(slot: Slot) -> QuietPeriod | None:
    return None


def quiet_from(get: Callable[[str], Any]) -> QuietPeriods:
    """The panes' quiet periods from settings (``quiet_office``, ``quiet_personal``), read
    when asked (a change in Settings applies at once)."""

    def quiet(slot: Slot) -> QuietPeriod | None:
        return QuietPeriod.parse(str(get(f"quiet_{slot.value}") or ""))

    return quiet


def grace_from(get: Callable[[str], Any]) -> Callable[[], timedelta]:
    """`schedule_grace_minutes` from settings, read when asked (at least one minute)."""
    return lambda: grace_from_minutes(get("schedule_grace_minutes"))


class Scheduler:
    """The official's scheduled posts for both panes, over the shared outbox."""

    def __init__(
        self,
        store: OutboxStore,
        log: ActivityLog,
        clock: Clock = utcnow,
        *,
        grace: timedelta | Callable[[], timedelta] = DEFAULT_GRACE,
        quiet: QuietPeriods = _no_quiet,
        window: timedelta = CROSS_ACCOUNT_WINDOW,
        max_ahead: timedelta = MAX_AHEAD,
    ) -> None:
        self.store = store
        self.log = log
        self._clock = clock
        self._grace = grace
        self.quiet = quiet
        self.window = window
        self.max_ahead = max_ahead

    @property
    def grace(self) -> timedelta:
        g = self._grace
        return g() if callable(g) else g

    def now(self) -> datetime:
        return self._clock()

    # --- scheduling ---------------------------------------------------------------------------

    def schedule(
        self,
        slot: Slot,
        account: Account,
        texts: Sequence[str],
        due_at: datetime,
        *,
        confirmed: bool = False,
        quiet_confirmed: bool = False,
        reply_to: str | None = None,
        quote_of: str | None = None,
        media: Sequence[ImageAttachment] = (),
        official_capacity: bool = False,
        other_recent: Iterable[RecentPost] = (),
    ) -> ScheduleResult:
        """Check, then store a post (several texts: a thread) due at `due_at`. An office
        post needs `confirmed` (the office confirmation dialog, or ``--yes``); a due time in
        the pane's quiet period needs `quiet_confirmed`."""
        texts = [normalise_newlines(t) for t in texts] or [""]
        problem = check_due(due_at, self._clock(), max_ahead=self.max_ahead)
        if problem is not None:
            return ScheduleResult(ok=False, problem=problem)
        checks = self._checks(texts, media, reply_to, quote_of)
        if not all(c.ok for c in checks):
            return ScheduleResult(ok=False, checks=checks)
        if slot is Slot.OFFICE and not confirmed:
            return ScheduleResult(ok=False, checks=checks, problem=ScheduleProblem.UNCONFIRMED)
        quiet = self.quiet(slot)
        if in_quiet_period(due_at, quiet) and not quiet_confirmed:
            return ScheduleResult(
                ok=False, checks=checks, problem=ScheduleProblem.QUIET_PERIOD, quiet=quiet
            )
        duplicate = find_cross_account(self.store, slot, texts, due_at, self.window, other_recent)
        if duplicate is not None:
            return ScheduleResult(ok=False, checks=checks, duplicate=duplicate)
        now = self._clock()
        kind = PostKind.THREAD_PART if len(texts) > 1 else (
            PostKind.REPLY if reply_to else PostKind.QUOTE if quote_of else PostKind.POST
        )  # fmt: skip
        capacity = bool(official_capacity) and slot is Slot.PERSONAL
        new = new_items(
            slot, account, texts, kind, reply_to=reply_to, quote_of=quote_of, media=media,
            official_capacity=official_capacity, not_before=due_at, due_at=due_at,
        )  # fmt: skip
        items = self.store.add(new, now)
        first = items[0]
        details: dict[str, Any] = {"outbox_id": first.id, "due_at": format_ts(due_at)}
        if len(items) > 1:
            details["parts"] = len(items)
        if reply_to:
            details["reply_to"] = reply_to
        if media:
            details["media"] = len(media)
        if capacity:
            details["official_capacity"] = True
        if quiet_confirmed and quiet is not None and in_quiet_period(due_at, quiet):
            details["quiet_period"] = str(quiet)
        self._append(Action.POST_SCHEDULED, first, text=first.text, details=details)
        return ScheduleResult(ok=True, items=tuple(items), checks=checks)

    def schedule_draft(
        self,
        account: Account,
        draft: Draft,
        due_at: datetime,
        *,
        confirmed: bool = False,
        quiet_confirmed: bool = False,
        other_recent: Iterable[RecentPost] = (),
    ) -> ScheduleResult:
        """Schedule what a pane's composer holds (a post, reply, quote or thread)."""
        return self.schedule(
            draft.slot, account, [draft.text, *draft.thread], due_at, confirmed=confirmed,
            quiet_confirmed=quiet_confirmed, reply_to=draft.reply_to, quote_of=draft.quote_of,
            media=draft.images, official_capacity=draft.official_capacity,
            other_recent=other_recent,
        )  # fmt: skip

    def _checks(
        self,
        texts: Sequence[str],
        media: Sequence[ImageAttachment],
        reply_to: str | None,
        quote_of: str | None,
    ) -> tuple[ComposeCheck, ...]:
        return compose_checks(texts, media, reply_to, quote_of)

    # --- the official's controls --------------------------------------------------------------

    def move(
        self, item_id: int, due_at: datetime, *, quiet_confirmed: bool = False
    ) -> ScheduleResult:
        """ "Ubah waktu…" / "Jadwalkan ulang": a new due time (same rules as scheduling)."""
        item = self.store.get(item_id)
        if item is None:
            return ScheduleResult(ok=False, gone=True)
        problem = check_due(due_at, self._clock(), max_ahead=self.max_ahead)
        if problem is not None:
            return ScheduleResult(ok=False, problem=problem)
        quiet = self.quiet(item.slot)
        if in_quiet_period(due_at, quiet) and not quiet_confirmed:
            return ScheduleResult(ok=False, problem=ScheduleProblem.QUIET_PERIOD, quiet=quiet)
        return self._move(item, due_at, send_now=False)

    def send_now(self, item_id: int) -> ScheduleResult:
        """ "Kirim sekarang": due at once (the next pass of a sender takes it)."""
        item = self.store.get(item_id)
        if item is None:
            return ScheduleResult(ok=False, gone=True)
        return self._move(item, self._clock(), send_now=True)

    def _move(self, item: OutboxItem, due_at: datetime, *, send_now: bool) -> ScheduleResult:
        others = [i for i in self._thread_of(item)] if item.thread_id is not None else [item]
        texts = [i.text for i in others if i.state is not OutboxState.SENT]
        duplicate = find_cross_account(self.store, item.slot, texts, due_at, self.window)
        if duplicate is not None:
            return ScheduleResult(ok=False, duplicate=duplicate)
        before = item.due_at
        moved = self.store.reschedule(item.id, due_at, self._clock())
        if not moved:
            return ScheduleResult(ok=False, gone=True)
        details: dict[str, Any] = {
            "outbox_id": moved[0].id,
            "from": None if before is None else format_ts(before),
            "to": format_ts(due_at),
            "due_at": format_ts(due_at),
        }
        if item.state is OutboxState.MISSED:
            details["was_missed"] = True
        if send_now:
            details["send_now"] = True
        self._append(Action.SCHEDULE_MOVED, moved[0], text=moved[0].text, details=details)
        return ScheduleResult(ok=True, items=tuple(moved))

    def edit(self, item_id: int, text: str) -> ScheduleResult:
        """A waiting item's new text, with the composer's checks and the duplicate rule."""
        item = self.store.get(item_id)
        if item is None or item.state not in (OutboxState.SCHEDULED, OutboxState.MISSED):
            return ScheduleResult(ok=False, gone=True)
        text = normalise_newlines(text)
        reply_to = item.reply_to if item.kind is PostKind.REPLY else None
        checks = self._checks([text], item.media, reply_to, item.quote_of)
        if not checks[0].ok:
            return ScheduleResult(ok=False, checks=checks)
        at = item.due_at or self._clock()
        duplicate = find_cross_account(self.store, item.slot, [text], at, self.window)
        if duplicate is not None:
            return ScheduleResult(ok=False, checks=checks, duplicate=duplicate)
        edited = self.store.edit_text(item_id, text, self._clock())
        if edited is None:
            return ScheduleResult(ok=False, gone=True)
        details: dict[str, Any] = {"outbox_id": item.id, "previous_text": item.text}
        if item.due_at is not None:
            details["due_at"] = format_ts(item.due_at)
        self._append(Action.SCHEDULE_EDITED, edited, text=text, details=details)
        return ScheduleResult(ok=True, items=(edited,), checks=checks)

    def cancel(self, item_id: int) -> CancelResult:
        """ "Batalkan": the item (a thread from this part on) is cancelled and its text goes
        back to the composer."""
        item = self.store.get(item_id)
        cancelled = self.store.cancel(item_id, self._clock())
        if not cancelled or item is None:
            return CancelResult(ok=False)
        first = cancelled[0]
        details: dict[str, Any] = {"outbox_id": first.id}
        if item.due_at is not None:
            details["due_at"] = format_ts(item.due_at)
        if item.state is OutboxState.MISSED:
            details["was_missed"] = True
        if len(cancelled) > 1:
            details["parts"] = len(cancelled)
        self._append(Action.SCHEDULE_CANCELLED, first, text=first.text, details=details)
        return CancelResult(ok=True, draft=draft_of(cancelled), items=tuple(cancelled))

    # --- missed -------------------------------------------------------------------------------

    def mark_missed(self, slot: Slot | None = None) -> list[OutboxItem]:
        """Items more than the grace period late become ``missed`` (one ``post_missed``
        entry per post; a thread's parts count as one). Returns the newly missed items."""
        now = self._clock()
        missed = self.store.mark_missed(slot, now, self.grace)
        seen: set[int] = set()
        for item in sorted(missed, key=lambda i: (i.thread_id or i.id, i.thread_index or 0)):
            key = item.thread_id or item.id
            if key in seen:
                continue
            seen.add(key)
            details: dict[str, Any] = {
                "outbox_id": item.id,
                "due_at": format_ts(item.due_at) if item.due_at else None,
                "grace_minutes": int(self.grace.total_seconds() // 60),
            }
            self._append(Action.POST_MISSED, item, text=item.text, details=details)
        if missed:
            logger.info("schedule: %d post(s) missed their time", len(missed))
        return missed

    def too_late(self, item: OutboxItem) -> bool:
        """Whether a scheduled item is past its time by more than the grace period."""
        return item.due_at is not None and is_missed(item.due_at, self._clock(), self.grace)

    def missed_while_sending(self, item: OutboxItem) -> bool:
        """An item a sender holds turned out too late (an earlier attempt that may have
        reached X did not): missed, logged, not sent."""
        if not self.store.missed_while_sending(item.id, self._clock()):
            return False
        details: dict[str, Any] = {
            "outbox_id": item.id,
            "due_at": format_ts(item.due_at) if item.due_at else None,
            "grace_minutes": int(self.grace.total_seconds() // 60),
            "after_attempt": True,
        }
        self._append(Action.POST_MISSED, item, text=item.text, details=details)
        return True

    def missed(self, slot: Slot | None = None) -> list[OutboxItem]:
        """The missed items waiting for a person, oldest due first."""
        slots = [slot] if slot is not None else list(Slot)
        items = [i for s in slots for i in self.store.items(s, [OutboxState.MISSED], limit=10_000)]
        return sorted(items, key=lambda i: (i.due_at or i.created_at, i.id))

    def calendar(
        self, slot: Slot, start: datetime | None = None, end: datetime | None = None
    ) -> list[OutboxItem]:
        """The pane's items with a due time in ``[start, end)``, any state, by due time."""
        return self.store.scheduled(slot, start, end)

    # --- at sending time ----------------------------------------------------------------------

    def recheck(self, item: OutboxItem) -> Recheck | None:
        """The composer's rules and the cross-account rule once more, when a scheduled item
        is about to go out (None: send it)."""
        reply_to = item.reply_to if item.kind is PostKind.REPLY else None
        check = check_post(item.text, item.media, reply_to=reply_to, quote_of=item.quote_of)
        if not check.ok:
            problems = ", ".join(p.value for p in check.problems)
            return Recheck("invalid", f"The post no longer meets X's rules ({problems}).")
        at = item.due_at or self._clock()
        duplicate = find_cross_account(self.store, item.slot, [item.text], at, self.window)
        if duplicate is not None:
            return Recheck(
                "cross_account_duplicate",
                "The other account has sent or scheduled the same text within 24 hours.",
            )
        return None

    def _thread_of(self, item: OutboxItem) -> list[OutboxItem]:
        return self.store.thread(item.thread_id) if item.thread_id is not None else [item]

    def _append(
        self, action: Action, item: OutboxItem, *, text: str, details: dict[str, Any]
    ) -> None:
        self.log.append(
            action,
            slot=item.slot,
            account_id=item.account_id,
            handle=item.handle,
            in_reply_to=item.reply_to if item.kind is PostKind.REPLY else None,
            text=text,
            details=details,
        )


__all__ = ["Recheck", "ScheduleResult", "Scheduler", "grace_from", "quiet_from"]
