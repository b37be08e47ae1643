"""The outbox, drafts and X usage counters in SQLite (schema in ``migrations._m2_desk``).

Every state change of an outbox item is one committed transaction, and the changes that race
(a send starting while the official presses "Batalkan") are compare-and-set updates: a row
moves to ``sending`` only from ``queued``/``failed`` and to ``cancelled`` only from
``queued``/``failed``, so exactly one of them wins.

Send leases: the desk's workers and `humasdesk sync` (another process) share the outbox.
``mark_sending`` records who took the item (an owner id, its process id, until when); an
item left ``sending`` is treated as interrupted by a crash only when its lease is stale —
no owner, expired, its process gone, or the caller's own — never while another live sender
may be waiting for X's answer. So each item goes out once, whoever sends it.

Threads: give the store a ``ConnectionFactory`` and each calling thread gets its own
connection (like ``ActivityLog``), or one ``Database`` for single-threaded use.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from humasdesk.core.activity import format_ts, parse_ts
from humasdesk.core.compose import Draft
from humasdesk.core.cost import UsageCounts
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.store.database import ThreadStore, pid_alive, transaction

#: How long a send may take before others may treat it as interrupted (media uploads
#: included); a crashed sender's items are free at once (its process is gone).
SEND_LEASE = timedelta(minutes=15)
#: The lease columns, cleared by every transition out of ``sending``.
_NO_LEASE = "lease_owner = NULL, lease_pid = NULL, lease_until = NULL"


class OutboxState(StrEnum):
    QUEUED = "queued"
    SCHEDULED = "scheduled"  # waits for its due time (issue 15)
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    MISSED = "missed"  # its due time passed by more than the grace period: a person decides


class PostKind(StrEnum):
    POST = "post"
    REPLY = "reply"
    QUOTE = "quote"
    THREAD_PART = "thread_part"
    REPOST = "repost"  # stored as 'post' with repost_of set (see migrations._m6)


@dataclass(frozen=True)
class OutboxItem:
    """One post waiting, going, gone or refused."""

    id: int
    slot: Slot
    account_id: str
    handle: str | None
    state: OutboxState
    kind: PostKind
    text: str
    reply_to: str | None
    quote_of: str | None
    thread_id: int | None
    thread_index: int | None
    media: tuple[ImageAttachment, ...]
    official_capacity: bool
    not_before: datetime  # end of the undo window
    attempts: int
    outcome_unknown: bool  # a send may have reached X: look on X before sending again
    last_error_kind: str | None
    last_error_text: str | None
    next_attempt_at: datetime | None  # failed: automatic retry time (None: waits for Retry)
    x_post_id: str | None
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime
    repost_of: str | None = None  # the post this item reposts (kind REPOST)
    due_at: datetime | None = None  # a scheduled post's time (None: sent after the undo window)

    def undo_seconds_left(self, now: datetime) -> float:
        """Seconds left to "Batalkan" (0 once the window is over)."""
        if self.state is not OutboxState.QUEUED:
            return 0.0
        return max(0.0, (self.not_before - now).total_seconds())

    @property
    def will_retry(self) -> bool:
        return self.state is OutboxState.FAILED and self.next_attempt_at is not None


@dataclass(frozen=True)
class NewOutboxItem:
    """What ``OutboxStore.add`` stores (ids and times are assigned by the store)."""

    slot: Slot
    account_id: str
    handle: str | None
    kind: PostKind
    text: str
    not_before: datetime
    reply_to: str | None = None
    quote_of: str | None = None
    media: tuple[ImageAttachment, ...] = field(default=(), repr=False)
    official_capacity: bool = False
    repost_of: str | None = None
    due_at: datetime | None = None  # scheduled: stored as ``scheduled``, due then


# --- media JSON -------------------------------------------------------------------------------


def media_to_json(images: Iterable[ImageAttachment]) -> str:
    return json.dumps(
        [
            {
                "mime": i.mime,
                "size": i.size,
                "alt_text": i.alt_text,
                "path": i.path,
                "data": None if i.data is None else base64.b64encode(i.data).decode("ascii"),
            }
            for i in images
        ]
    )


def media_from_json(text: str | None) -> tuple[ImageAttachment, ...]:
    out = []
    for d in json.loads(text or "[]"):
        data = d.get("data")
        out.append(
            ImageAttachment(
                mime=d.get("mime"),
                size=int(d.get("size") or 0),
                alt_text=d.get("alt_text") or "",
                path=d.get("path"),
                data=None if data is None else base64.b64decode(data),
            )
        )
    return tuple(out)


def _ts(value: datetime | None) -> str | None:
    return None if value is None else format_ts(value)


def _dt(value: str | None) -> datetime | None:
    return None if value is None else parse_ts(value)


_COLS = (
    "id, slot, account_id, handle, state, kind, text, reply_to, quote_of, thread_id, "
    "thread_index, media, official_capacity, not_before, attempts, outcome_unknown, "
    "last_error_kind, last_error_text, next_attempt_at, x_post_id, sent_at, created_at, "
    "updated_at, repost_of, due_at"
)


def _item(row: Sequence[Any]) -> OutboxItem:
    return OutboxItem(
        id=int(row[0]),
        slot=Slot(row[1]),
        account_id=row[2],
        handle=row[3],
        state=OutboxState(row[4]),
        kind=PostKind.REPOST if row[23] else PostKind(row[5]),
        text=row[6],
        reply_to=row[7],
        quote_of=row[8],
        thread_id=row[9],
        thread_index=row[10],
        media=media_from_json(row[11]),
        official_capacity=bool(row[12]),
        not_before=parse_ts(row[13]),
        attempts=int(row[14]),
        outcome_unknown=bool(row[15]),
        last_error_kind=row[16],
        last_error_text=row[17],
        next_attempt_at=_dt(row[18]),
        x_post_id=row[19],
        sent_at=_dt(row[20]),
        created_at=parse_ts(row[21]),
        updated_at=parse_ts(row[22]),
        repost_of=row[23],
        due_at=_dt(row[24]),
    )


_LIVE = "('queued', 'failed', 'scheduled')"  # states a send may start from
_CANCELLABLE = "('queued', 'failed', 'scheduled', 'missed')"  # and a cancel


class OutboxStore(ThreadStore):
    """Outbox rows, drafts and usage counters. Each method commits on its own."""

    # --- adding and reading -------------------------------------------------------------------

    def add(self, items: Sequence[NewOutboxItem], now: datetime) -> list[OutboxItem]:
        """Store items as ``queued`` (``scheduled`` with a ``due_at``), in one transaction.
        Several items form a thread: ``thread_id`` is the first item's id, ``thread_index``
        0, 1, 2..."""
        conn = self._conn()
        ts = format_ts(now)
        ids: list[int] = []
        with transaction(conn):
            for index, it in enumerate(items):
                cur = conn.execute(
                    "INSERT INTO outbox (slot, account_id, handle, state, kind, text, reply_to, "
                    "quote_of, thread_id, thread_index, media, official_capacity, not_before, "
                    "created_at, updated_at, repost_of, due_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        str(it.slot), it.account_id, it.handle,
                        (OutboxState.SCHEDULED if it.due_at else OutboxState.QUEUED).value,
                        PostKind.POST.value if it.kind is PostKind.REPOST else it.kind.value,
                        it.text, it.reply_to, it.quote_of,
                        ids[0] if ids else None, index if len(items) > 1 else None,
                        media_to_json(it.media), int(it.official_capacity),
                        format_ts(it.due_at or it.not_before), ts, ts, it.repost_of,
                        _ts(it.due_at),
                    ),
                )  # fmt: skip
                ids.append(int(cur.lastrowid or 0))
            if len(ids) > 1:
                conn.execute("UPDATE outbox SET thread_id = ? WHERE id = ?", (ids[0], ids[0]))
        return [self.get(i) for i in ids]  # type: ignore[misc]

    def get(self, item_id: int) -> OutboxItem | None:
        row = (
            self._conn()
            .execute(
                f"SELECT {_COLS} FROM outbox WHERE id = ?",  # noqa: S608
                (item_id,),
            )
            .fetchone()
        )
        return None if row is None else _item(row)

    def items(
        self,
        slot: Slot,
        states: Iterable[OutboxState] | None = None,
        *,
        limit: int = 500,
    ) -> list[OutboxItem]:
        """The slot's items, newest first (the Outbox tab)."""
        sql = f"SELECT {_COLS} FROM outbox WHERE slot = ?"  # noqa: S608
        args: list[Any] = [str(slot)]
        if states is not None:
            wanted = [OutboxState(s).value for s in states]
            sql += f" AND state IN ({','.join('?' * len(wanted))})"
            args += wanted
        sql += " ORDER BY id DESC LIMIT ?"
        args.append(limit)
        return [_item(r) for r in self._conn().execute(sql, args)]

    def thread(self, thread_id: int) -> list[OutboxItem]:
        rows = self._conn().execute(
            f"SELECT {_COLS} FROM outbox WHERE thread_id = ? ORDER BY thread_index",  # noqa: S608
            (thread_id,),
        )
        return [_item(r) for r in rows]

    def due(self, slot: Slot, now: datetime) -> list[OutboxItem]:
        """Items to send now, oldest first: past the undo window, not waiting for a retry
        time, and (for a thread part) with the previous part sent."""
        ts = format_ts(now)
        rows = self._conn().execute(
            f"SELECT {_COLS} FROM outbox o WHERE slot = ? AND not_before <= ? AND ("  # noqa: S608
            " (state IN ('queued', 'scheduled') AND (next_attempt_at IS NULL"
            "  OR next_attempt_at <= ?))"
            " OR (state = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?))"
            " AND (thread_id IS NULL OR thread_index = 0 OR EXISTS (SELECT 1 FROM outbox p"
            "  WHERE p.thread_id = o.thread_id AND p.thread_index = o.thread_index - 1"
            "  AND p.state = 'sent'))"
            " ORDER BY id",
            (str(slot), ts, ts, ts),
        )
        return [_item(r) for r in rows]

    def next_wake(self, slot: Slot) -> datetime | None:
        """When the next queued, scheduled or auto-retried item of the slot may become due."""
        row = (
            self._conn()
            .execute(
                "SELECT MIN(MAX(not_before, IFNULL(next_attempt_at, not_before))) FROM outbox "
                "WHERE slot = ? AND (state IN ('queued', 'scheduled') OR (state = 'failed' "
                "AND next_attempt_at IS NOT NULL))",
                (str(slot),),
            )
            .fetchone()
        )
        return _dt(row[0]) if row and row[0] else None

    def recent_texts(self, slot: Slot, since: datetime) -> list[OutboxItem]:
        """Items of the slot that went out or may still go out, created or sent since
        ``since`` (for the cross-account duplicate rule)."""
        ts = format_ts(since)
        rows = self._conn().execute(
            f"SELECT {_COLS} FROM outbox WHERE slot = ? AND ("  # noqa: S608
            " state IN ('queued', 'scheduled', 'missed', 'sending', 'sent')"
            " OR (state = 'failed' AND (next_attempt_at IS NOT NULL OR outcome_unknown = 1)))"
            " AND MAX(created_at, IFNULL(sent_at, created_at)) >= ? ORDER BY id DESC",
            (str(slot), ts),
        )
        return [_item(r) for r in rows]

    def texts_near(self, slot: Slot, at: datetime, window: timedelta) -> list[OutboxItem]:
        """Items of the slot that went out or may still go out (scheduled and missed ones
        too) whose time — sent, else due, else queued — lies within `window` of `at`, either
        side (the cross-account duplicate rule with scheduled posts, issue 15)."""
        lo, hi = format_ts(at - window), format_ts(at + window)
        rows = self._conn().execute(
            f"SELECT {_COLS} FROM outbox WHERE slot = ? AND ("  # noqa: S608
            " state IN ('queued', 'scheduled', 'missed', 'sending', 'sent')"
            " OR (state = 'failed' AND (next_attempt_at IS NOT NULL OR outcome_unknown = 1)))"
            " AND COALESCE(sent_at, due_at, created_at) BETWEEN ? AND ? ORDER BY id DESC",
            (str(slot), lo, hi),
        )
        return [_item(r) for r in rows]

    # --- scheduled posts (issue 15) -----------------------------------------------------------

    def scheduled(
        self,
        slot: Slot,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[OutboxItem]:
        """The slot's items with a due time in ``[start, end)`` (any state), by due time: the
        calendar ("Terjadwal")."""
        sql = f"SELECT {_COLS} FROM outbox WHERE slot = ? AND due_at IS NOT NULL"  # noqa: S608
        args: list[Any] = [str(slot)]
        if start is not None:
            sql += " AND due_at >= ?"
            args.append(format_ts(start))
        if end is not None:
            sql += " AND due_at < ?"
            args.append(format_ts(end))
        sql += " ORDER BY due_at, id"
        return [_item(r) for r in self._conn().execute(sql, args)]

    def mark_missed(self, slot: Slot | None, now: datetime, grace: timedelta) -> list[OutboxItem]:
        """Items whose due time is more than `grace` ago and that would go out by themselves
        (scheduled; or queued/auto-retried after a refusal that X did not take) become
        ``missed``: a person decides. Compare-and-set per row: with several processes each
        item is marked (and returned) once. An item that may already be on X is left to the
        sender's look-up."""
        conn = self._conn()
        limit = format_ts(now - grace)
        ts = format_ts(now)
        cond = (
            "due_at IS NOT NULL AND due_at < ? AND outcome_unknown = 0 AND (state = 'scheduled'"
            " OR state = 'queued' OR (state = 'failed' AND next_attempt_at IS NOT NULL))"
        )
        args: list[Any] = [limit]
        if slot is not None:
            cond += " AND slot = ?"
            args.append(str(slot))
        marked: list[int] = []
        with transaction(conn):
            ids = [r[0] for r in conn.execute(f"SELECT id FROM outbox WHERE {cond}", args)]  # noqa: S608
            for i in ids:
                cur = conn.execute(
                    f"UPDATE outbox SET state = 'missed', next_attempt_at = NULL, "  # noqa: S608
                    f"updated_at = ?, {_NO_LEASE} WHERE id = ? AND {cond}",
                    (ts, i, *args),
                )
                if cur.rowcount == 1:
                    marked.append(i)
        return [item for i in marked if (item := self.get(i)) is not None]

    def missed_while_sending(self, item_id: int, now: datetime) -> bool:
        """sending → missed: a sender that holds the item found it too late to go out (its
        earlier attempt is not on X). False if the item is no longer ``sending``."""
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE outbox SET state = 'missed', next_attempt_at = NULL, "  # noqa: S608
                f"outcome_unknown = 0, updated_at = ?, {_NO_LEASE} "
                "WHERE id = ? AND state = 'sending'",
                (format_ts(now), item_id),
            )
        return cur.rowcount == 1

    def reschedule(self, item_id: int, due_at: datetime, now: datetime) -> list[OutboxItem]:
        """A scheduled, missed or refused (not possibly on X) item gets a new due time and
        is ``scheduled`` again, its error cleared; a thread moves with all its unsent parts.
        Returns the moved items (empty: no longer movable, e.g. sending or sent)."""
        conn = self._conn()
        movable = "(state IN ('scheduled', 'missed') OR (state = 'failed' AND outcome_unknown = 0))"
        with transaction(conn):
            row = conn.execute(
                "SELECT thread_id FROM outbox WHERE id = ? AND " + movable,  # noqa: S608
                (item_id,),
            ).fetchone()
            if row is None:
                return []
            thread_id = row[0]
            if thread_id is None:
                ids = [item_id]
            else:
                ids = [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM outbox WHERE thread_id = ? AND " + movable,  # noqa: S608
                        (thread_id,),
                    )
                ]
            due = format_ts(due_at)
            for i in ids:
                conn.execute(
                    "UPDATE outbox SET state = 'scheduled', due_at = ?, not_before = ?, "  # noqa: S608
                    "next_attempt_at = NULL, last_error_kind = NULL, last_error_text = NULL, "
                    f"updated_at = ?, {_NO_LEASE} WHERE id = ?",
                    (due, due, format_ts(now), i),
                )
        return [item for i in ids if (item := self.get(i)) is not None]

    def edit_text(self, item_id: int, text: str, now: datetime) -> OutboxItem | None:
        """A scheduled or missed item's new text (None: it is no longer waiting)."""
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE outbox SET text = ?, updated_at = ? WHERE id = ? "
                "AND state IN ('scheduled', 'missed')",
                (text, format_ts(now), item_id),
            )
        return self.get(item_id) if cur.rowcount == 1 else None

    def previous_part(self, item: OutboxItem) -> OutboxItem | None:
        if item.thread_id is None or not item.thread_index:
            return None
        row = (
            self._conn()
            .execute(
                f"SELECT {_COLS} FROM outbox WHERE thread_id = ? AND thread_index = ?",  # noqa: S608
                (item.thread_id, item.thread_index - 1),
            )
            .fetchone()
        )
        return None if row is None else _item(row)

    def claimed(self, x_post_ids: Iterable[str]) -> set[str]:
        """Which of these X post ids already belong to an outbox item (as its sent post)."""
        ids = list(x_post_ids)
        if not ids:
            return set()
        rows = self._conn().execute(
            f"SELECT x_post_id FROM outbox WHERE x_post_id IN ({','.join('?' * len(ids))})",  # noqa: S608
            ids,
        )
        return {r[0] for r in rows}

    # --- transitions (each committed on its own) ----------------------------------------------

    def mark_sending(
        self,
        item_id: int,
        now: datetime,
        *,
        owner: str | None = None,
        pid: int | None = None,
        lease: timedelta = SEND_LEASE,
    ) -> bool:
        """queued/failed/scheduled → sending, counting the attempt, leased to `owner`
        (process `pid`, default this one) until ``now + lease``. False if the item is no longer live
        (cancelled meanwhile, or another sender took it)."""
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?, "  # noqa: S608
                "lease_owner = ?, lease_pid = ?, lease_until = ? "
                f"WHERE id = ? AND state IN {_LIVE}",
                (
                    format_ts(now), owner, os.getpid() if pid is None else pid,
                    format_ts(now + lease), item_id,
                ),
            )  # fmt: skip
        return cur.rowcount == 1

    def mark_sent(self, item_id: int, x_post_id: str | None, now: datetime) -> None:
        conn = self._conn()
        ts = format_ts(now)
        with transaction(conn):
            conn.execute(
                "UPDATE outbox SET state = 'sent', x_post_id = ?, sent_at = ?, updated_at = ?, "  # noqa: S608
                f"next_attempt_at = NULL, outcome_unknown = 0, {_NO_LEASE} WHERE id = ?",
                (x_post_id, ts, ts, item_id),
            )

    def mark_failed(
        self,
        item_id: int,
        now: datetime,
        *,
        kind: str,
        text: str,
        next_attempt_at: datetime | None = None,
        outcome_unknown: bool | None = None,
    ) -> None:
        """sending → failed with X's reason. ``next_attempt_at`` schedules an automatic
        retry (network, 5xx); ``outcome_unknown`` records that the post may be on X."""
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE outbox SET state = 'failed', last_error_kind = ?, last_error_text = ?, "  # noqa: S608
                "next_attempt_at = ?, outcome_unknown = IFNULL(?, outcome_unknown), "
                f"updated_at = ?, {_NO_LEASE} WHERE id = ?",
                (
                    kind, text, _ts(next_attempt_at),
                    None if outcome_unknown is None else int(outcome_unknown),
                    format_ts(now), item_id,
                ),
            )  # fmt: skip

    def requeue(
        self,
        item_id: int,
        now: datetime,
        *,
        next_attempt_at: datetime | None,
        kind: str | None = None,
        text: str | None = None,
        refund_attempt: bool = False,
    ) -> None:
        """sending → queued (rate limit, usage cap, sign-in needed): X did not take it."""
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error_kind = ?, "  # noqa: S608
                f"last_error_text = ?, attempts = attempts - ?, updated_at = ?, {_NO_LEASE} "
                "WHERE id = ?",
                (_ts(next_attempt_at), kind, text, int(refund_attempt), format_ts(now), item_id),
            )

    def cancel(self, item_id: int, now: datetime) -> list[OutboxItem]:
        """queued/failed/scheduled/missed → cancelled; for a thread part, the part and every
        later unsent part. Returns the cancelled items (empty when too late: sending, sent or
        cancelled)."""
        conn = self._conn()
        with transaction(conn):
            row = conn.execute(
                "SELECT thread_id, thread_index FROM outbox WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return []
            thread_id, index = row
            cur = conn.execute(
                f"UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ? "  # noqa: S608
                f"AND state IN {_CANCELLABLE}",
                (format_ts(now), item_id),
            )
            if cur.rowcount != 1:
                return []
            ids = [item_id]
            if thread_id is not None:
                later = conn.execute(
                    f"SELECT id FROM outbox WHERE thread_id = ? AND thread_index > ? "  # noqa: S608
                    f"AND state IN {_CANCELLABLE} ORDER BY thread_index",
                    (thread_id, index),
                ).fetchall()
                for (other,) in later:
                    conn.execute(
                        "UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ?",
                        (format_ts(now), other),
                    )
                    ids.append(other)
        return [self.get(i) for i in ids]  # type: ignore[misc]

    def retry(self, item_id: int, now: datetime) -> bool:
        """failed → queued, due at once (the Retry button)."""
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE outbox SET state = 'queued', next_attempt_at = NULL, updated_at = ? "
                "WHERE id = ? AND state = 'failed'",
                (format_ts(now), item_id),
            )
        return cur.rowcount == 1

    def hold_carried_over(
        self, slot: Slot, now: datetime, not_before: datetime
    ) -> list[OutboxItem]:
        """Items of the slot left waiting by an earlier session (queued, or failed with an
        automatic retry, and not possibly on X already) wait at least until `not_before`: a
        new undo window. Returns them, oldest first."""
        conn = self._conn()
        ts, nb = format_ts(now), format_ts(not_before)
        with transaction(conn):
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM outbox WHERE slot = ? AND (state = 'queued' OR "
                    "(state = 'failed' AND next_attempt_at IS NOT NULL AND outcome_unknown = 0)) "
                    "ORDER BY id",
                    (str(slot),),
                )
            ]
            for i in ids:
                conn.execute(
                    "UPDATE outbox SET not_before = MAX(not_before, ?), "
                    "next_attempt_at = CASE WHEN next_attempt_at IS NULL THEN NULL "
                    "ELSE MAX(next_attempt_at, ?) END, updated_at = ? WHERE id = ?",
                    (nb, nb, ts, i),
                )
        return [item for i in ids if (item := self.get(i)) is not None]

    def recover_interrupted(
        self, slot: Slot, now: datetime, *, owner: str | None = None
    ) -> list[int]:
        """Items left ``sending`` by a crash: their outcome is unknown. They become failed
        with ``outcome_unknown`` and an immediate retry (which looks on X first). Only items
        whose lease is stale count (see the module docstring); `owner` is the caller's own
        lease id: its own ``sending`` items are not being sent any more."""
        conn = self._conn()
        ts = format_ts(now)
        with transaction(conn):
            rows = conn.execute(
                "SELECT id, lease_owner, lease_pid, lease_until FROM outbox "
                "WHERE slot = ? AND state = 'sending'",
                (str(slot),),
            ).fetchall()
            ids = [
                i
                for i, held_by, held_pid, until in rows
                if held_by is None
                or held_by == owner
                or until is None
                or parse_ts(until) <= now
                or not pid_alive(held_pid)
            ]
            for i in ids:
                conn.execute(
                    "UPDATE outbox SET state = 'failed', outcome_unknown = 1, "  # noqa: S608
                    "last_error_kind = 'interrupted', last_error_text = ?, "
                    f"next_attempt_at = ?, updated_at = ?, {_NO_LEASE} WHERE id = ?",
                    ("The desk stopped while sending.", ts, ts, i),
                )
        return ids

    # --- drafts -------------------------------------------------------------------------------

    def save_draft(self, draft: Draft, now: datetime) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT OR REPLACE INTO drafts (slot, text, reply_to, quote_of, media, "
                "official_capacity, thread, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    str(draft.slot), draft.text, draft.reply_to, draft.quote_of,
                    media_to_json(draft.images), int(draft.official_capacity),
                    json.dumps(list(draft.thread)), format_ts(now),
                ),
            )  # fmt: skip

    def load_draft(self, slot: Slot) -> Draft | None:
        row = (
            self._conn()
            .execute(
                "SELECT text, reply_to, quote_of, media, official_capacity, thread, updated_at "
                "FROM drafts WHERE slot = ?",
                (str(slot),),
            )
            .fetchone()
        )
        if row is None:
            return None
        return Draft(
            slot=slot,
            text=row[0],
            reply_to=row[1],
            quote_of=row[2],
            images=media_from_json(row[3]),
            official_capacity=bool(row[4]),
            thread=tuple(json.loads(row[5] or "[]")),
            updated_at=parse_ts(row[6]),
        )

    def has_outgoing_text(self, slot: Slot, text: str) -> bool:
        """Whether the slot's outbox holds `text` as a post that is not cancelled (it waits,
        went out, or failed): a draft with that text was already used."""
        row = (
            self._conn()
            .execute(
                "SELECT 1 FROM outbox WHERE slot = ? AND text = ? AND state != 'cancelled' LIMIT 1",
                (str(slot), text),
            )
            .fetchone()
        )
        return row is not None

    def clear_draft(self, slot: Slot) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute("DELETE FROM drafts WHERE slot = ?", (str(slot),))

    # --- usage (cost estimate) ----------------------------------------------------------------

    def add_usage(self, account_id: str, month: str, counts: UsageCounts) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT INTO x_usage (account_id, month, posts, url_posts, reads, deletes) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT (account_id, month) DO UPDATE SET "
                "posts = posts + excluded.posts, url_posts = url_posts + excluded.url_posts, "
                "reads = reads + excluded.reads, deletes = deletes + excluded.deletes",
                (account_id, month, counts.posts, counts.url_posts, counts.reads, counts.deletes),
            )

    def add_billed(
        self, account_id: str, events: Iterable[tuple[str, str, str]], now: datetime
    ) -> int:
        """Record billed events ``(utc_day, kind, resource_id)``; one already recorded (a
        same-day repeat of a read) is left out. Returns how many were new."""
        conn = self._conn()
        with transaction(conn):
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO x_billing (day, kind, resource_id, account_id, at) "
                "VALUES (?,?,?,?,?)",
                [(day, kind, rid, account_id, format_ts(now)) for day, kind, rid in events],
            )
            return conn.total_changes - before

    def billed(self, month: str, account_id: str | None = None) -> dict[str, int]:
        """Billed events per kind in ``"YYYY-MM"``, for one account or all of them."""
        sql = "SELECT kind, count(*) FROM x_billing WHERE substr(day, 1, 7) = ?"
        args: tuple[str, ...] = (month,)
        if account_id is not None:
            sql += " AND account_id = ?"
            args += (account_id,)
        return dict(self._conn().execute(sql + " GROUP BY kind", args).fetchall())

    def usage(self, account_id: str, month: str) -> UsageCounts:
        row = (
            self._conn()
            .execute(
                "SELECT posts, url_posts, reads, deletes FROM x_usage WHERE account_id = ? "
                "AND month = ?",
                (account_id, month),
            )
            .fetchone()
        )
        return UsageCounts(*row) if row else UsageCounts()
