"""SQLite side of citizens' data and records (schema in ``migrations._m3_privacy``).

* ``privacy_requests`` — the data-subject requests register (access, correction,
  restriction, erasure): received, deadline, open → granted | refused with a reason.
* ``privacy_erasure_runs`` / ``privacy_erased_mentions`` — what each erasure did to the
  mentions inbox (the activity log records its own erasures in the chain).
* ``privacy_leases`` — advisory leases so that an erasure never runs while an export is
  being written (and no export starts while an erasure runs). Taking a lease is one
  ``BEGIN IMMEDIATE`` transaction that checks for a conflicting live lease and inserts its
  own, so two processes cannot both win. Exports may overlap each other; an erasure
  excludes everything. A lease is *stale* (ignored) once past ``expires_at`` or when its
  process (``pid``, same laptop) no longer exists — a crash never blocks erasure for good.

Also the queries the privacy services need over the activity log and the inbox (read-only
on ``activity``; the log itself is only changed through `ActivityLog`), and the deletions a
handover makes in the office slot's inbox, outbox and draft.

Citizens' handles and texts are never logged here; log lines carry counts and ids only.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from humasdesk.core.activity import format_ts, parse_ts
from humasdesk.core.privacy import PrivacyError, RequestKind, RequestStatus
from humasdesk.store.database import ThreadStore, pid_alive, transaction

logger = logging.getLogger(__name__)

EXPORT = "export"
ERASURE = "erasure"
DEFAULT_LEASE_TTL = timedelta(hours=2)
_IN_CHUNK = 500


class LeaseConflict(PrivacyError):
    """Another export or erasure holds a lease that excludes this one."""

    code = "lease_conflict"

    def __init__(self, wanted: str, held: str, purpose: str) -> None:
        if wanted == ERASURE and held == EXPORT:
            msg_id = "export_running"
            msg = (
                f"ekspor sedang berjalan ({purpose}); penghapusan ditunda — tunggu ekspor "
                "selesai lalu ulangi"
            )
        elif wanted == EXPORT:
            msg_id = "erasure_running"
            msg = (
                f"penghapusan data sedang berjalan ({purpose}); ulangi setelah penghapusan selesai"
            )
        else:
            msg_id = "other_erasure_running"
            msg = f"penghapusan lain sedang berjalan ({purpose}); tunggu hingga selesai"
        super().__init__(msg, msg_id)
        self.wanted = wanted
        self.held = held
        self.purpose = purpose


class RequestNotFound(PrivacyError):
    code = "request_not_found"

    def __init__(self, request_id: int) -> None:
        super().__init__(
            f"permintaan nomor {request_id} tidak ada di register",
            "request_not_found",
            request=request_id,
        )
        self.request_id = request_id


class RequestNotOpen(PrivacyError):
    code = "request_not_open"

    def __init__(self, request_id: int, status: str) -> None:
        super().__init__(
            f"permintaan nomor {request_id} sudah ditutup ({status})",
            "request_closed",
            request=request_id,
        )
        self.request_id = request_id


@dataclass(frozen=True)
class DataRequest:
    id: int
    handle: str  # normalised (no @, lower case)
    kind: RequestKind
    received_at: datetime
    deadline: datetime | None
    status: RequestStatus
    reason: str | None
    closed_at: datetime | None
    note: str | None

    def __repr__(self) -> str:  # no personal data in reprs
        return f"DataRequest(id={self.id}, kind={self.kind.value}, status={self.status.value})"


def _removed(details: Any) -> bool:
    """Whether a `mention_tagged` entry's details say the tag was removed."""
    try:
        d = json.loads(details or "{}")
    except ValueError:
        return False
    return bool(d.get("removed")) if isinstance(d, dict) else False


class _Sorted:
    """Look-ups in a stream of (key, value) rows sorted by key, for keys asked in increasing
    order (a merge step): the value of the key's last row, or None."""

    def __init__(self, rows: Iterable[tuple[Any, Any]]) -> None:
        self._rows = iter(rows)
        self._next = next(self._rows, None)

    def get(self, key: str) -> Any:
        value = None
        while self._next is not None and self._next[0] <= key:
            if self._next[0] == key:
                value = self._next[1]
            self._next = next(self._rows, None)
        return value


def _facts_of(conn: Any, x: Any) -> tuple[bool, bool, bool | None]:
    """(answered, handled, tagged) of one mention from the log, by direct queries."""
    answered = conn.execute(
        "SELECT 1 FROM activity WHERE action = 'reply_sent' AND in_reply_to = ? LIMIT 1", (x,)
    ).fetchone()
    handled = conn.execute(
        "SELECT 1 FROM activity WHERE action = 'mention_handled' AND x_post_id = ? LIMIT 1", (x,)
    ).fetchone()
    tag = conn.execute(
        "SELECT details FROM activity WHERE action = 'mention_tagged' AND x_post_id = ? "
        "ORDER BY seq DESC LIMIT 1",
        (x,),
    ).fetchone()
    return answered is not None, handled is not None, None if tag is None else not _removed(tag[0])


@dataclass(frozen=True)
class MentionRecord:
    """Everything the desk knows about one citizen mention, from the log and the inbox."""

    x_post_id: str
    slot: str | None
    ts: datetime
    log_seqs: tuple[int, ...]  # mention_received entries whose personal fields are held
    erased_log_seqs: tuple[int, ...]  # … whose personal fields are already erased
    row_held: bool  # the inbox row still holds the author and text
    answered: bool
    complaint: bool
    handled: bool

    @property
    def held(self) -> bool:
        return bool(self.log_seqs) or self.row_held


@dataclass(frozen=True)
class MentionRow:
    """An inbox row as an access report shows it (the subject's own data)."""

    x_post_id: str
    slot: str
    account_id: str
    author_id: str | None
    author_username: str | None
    author_name: str | None
    text: str
    created_at: datetime | None
    received_at: datetime
    state: str
    is_complaint: bool
    replied_post_id: str | None
    first_reply_at: datetime | None
    handled_at: datetime | None

    def __repr__(self) -> str:
        return f"MentionRow(x_post_id={self.x_post_id!r})"


def _dt(v: str | None) -> datetime | None:
    return None if v is None else parse_ts(v)


def _request(row: Sequence[Any]) -> DataRequest:
    return DataRequest(
        id=int(row[0]),
        handle=row[1],
        kind=RequestKind(row[2]),
        received_at=parse_ts(row[3]),
        deadline=_dt(row[4]),
        status=RequestStatus(row[5]),
        reason=row[6],
        closed_at=_dt(row[7]),
        note=row[8],
    )


_REQ_COLS = "id, handle, kind, received_at, deadline, status, reason, closed_at, note"
_MENTION_COLS = (
    "x_post_id, slot, account_id, author_id, author_username, author_name, text, created_at, "
    "received_at, state, is_complaint, replied_post_id, first_reply_at, handled_at"
)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]


class PrivacyStore(ThreadStore):
    """Requests register, erasure bookkeeping, leases, and privacy queries."""

    # -- leases ---------------------------------------------------------------------------
    def acquire_lease(
        self,
        kind: str,
        purpose: str,
        now: datetime,
        *,
        ttl: timedelta = DEFAULT_LEASE_TTL,
        pid: int | None = None,
    ) -> int:
        """Take a lease (``export`` or ``erasure``) or raise `LeaseConflict`."""
        if kind not in (EXPORT, ERASURE):
            raise ValueError(f"unknown lease kind {kind!r}")
        pid = os.getpid() if pid is None else pid
        conn = self._conn()
        with transaction(conn):
            rows = conn.execute(
                "SELECT id, kind, purpose, pid, expires_at FROM privacy_leases"
            ).fetchall()
            for lid, held, held_purpose, held_pid, expires_at in rows:
                if parse_ts(expires_at) <= now or not pid_alive(held_pid):
                    conn.execute("DELETE FROM privacy_leases WHERE id = ?", (lid,))
                    logger.info("stale %s lease %d removed", held, lid)
                    continue
                if kind == ERASURE or held == ERASURE:
                    raise LeaseConflict(kind, held, held_purpose)
            cur = conn.execute(
                "INSERT INTO privacy_leases (kind, purpose, pid, acquired_at, expires_at) "
                "VALUES (?,?,?,?,?)",
                (kind, purpose, pid, format_ts(now), format_ts(now + ttl)),
            )
            return int(cur.lastrowid or 0)

    def release_lease(self, lease_id: int) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute("DELETE FROM privacy_leases WHERE id = ?", (lease_id,))

    @contextmanager
    def lease(
        self, kind: str, purpose: str, now: datetime, *, ttl: timedelta = DEFAULT_LEASE_TTL
    ) -> Iterator[int]:
        lid = self.acquire_lease(kind, purpose, now, ttl=ttl)
        try:
            yield lid
        finally:
            self.release_lease(lid)

    def live_leases(self, now: datetime) -> list[tuple[str, str]]:
        rows = self._conn().execute("SELECT kind, purpose, pid, expires_at FROM privacy_leases")
        return [(k, p) for k, p, pid, exp in rows if parse_ts(exp) > now and pid_alive(pid)]

    # -- requests register ----------------------------------------------------------------
    def add_request(
        self,
        handle: str,
        kind: RequestKind,
        received_at: datetime,
        deadline: datetime | None,
        note: str | None = None,
    ) -> DataRequest:
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "INSERT INTO privacy_requests (handle, kind, received_at, deadline, note) "
                "VALUES (?,?,?,?,?)",
                (
                    handle,
                    RequestKind(kind).value,
                    format_ts(received_at),
                    None if deadline is None else format_ts(deadline),
                    note,
                ),
            )
            rid = int(cur.lastrowid or 0)
        req = self.get_request(rid)
        assert req is not None
        return req

    def get_request(self, request_id: int) -> DataRequest | None:
        row = (
            self._conn()
            .execute(
                f"SELECT {_REQ_COLS} FROM privacy_requests WHERE id = ?",  # noqa: S608
                (request_id,),
            )
            .fetchone()
        )
        return None if row is None else _request(row)

    def requests(
        self, *, status: RequestStatus | None = None, handle: str | None = None
    ) -> list[DataRequest]:
        sql = f"SELECT {_REQ_COLS} FROM privacy_requests WHERE 1"  # noqa: S608
        args: list[Any] = []
        if status is not None:
            sql += " AND status = ?"
            args.append(RequestStatus(status).value)
        if handle is not None:
            sql += " AND handle = ?"
            args.append(handle)
        sql += " ORDER BY id"
        return [_request(r) for r in self._conn().execute(sql, args)]

    def close_request(
        self, request_id: int, status: RequestStatus, reason: str | None, closed_at: datetime
    ) -> DataRequest:
        """open → granted | refused (compare-and-set: closing twice raises)."""
        status = RequestStatus(status)
        if status is RequestStatus.OPEN:
            raise ValueError("a request closes as granted or refused")
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE privacy_requests SET status = ?, reason = ?, closed_at = ? "
                "WHERE id = ? AND status = 'open'",
                (status.value, reason, format_ts(closed_at), request_id),
            )
            if cur.rowcount != 1:
                row = conn.execute(
                    "SELECT status FROM privacy_requests WHERE id = ?", (request_id,)
                ).fetchone()
                if row is None:
                    raise RequestNotFound(request_id)
                raise RequestNotOpen(request_id, row[0])
        req = self.get_request(request_id)
        assert req is not None
        return req

    # -- erasure bookkeeping ----------------------------------------------------------------
    def record_run(
        self,
        *,
        at: datetime,
        trigger: str,
        data_class: str,
        reason: str,
        log_count: int,
        mention_count: int,
        request_id: int | None = None,
    ) -> int:
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "INSERT INTO privacy_erasure_runs (at, trigger, data_class, reason, log_count, "
                "mention_count, request_id) VALUES (?,?,?,?,?,?,?)",
                (format_ts(at), trigger, data_class, reason, log_count, mention_count, request_id),
            )
            return int(cur.lastrowid or 0)

    def erase_mentions(self, x_post_ids: Iterable[str], now: datetime) -> int:
        """Erase the author and text of these inbox rows (the row, its state and times stay,
        so counts are kept). Rows already erased are skipped. Returns how many were erased."""
        ids = sorted(set(x_post_ids))
        conn = self._conn()
        n = 0
        with transaction(conn):
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                held = [
                    r[0]
                    for r in conn.execute(
                        f"SELECT x_post_id FROM mentions WHERE x_post_id IN ({marks}) "  # noqa: S608
                        "AND x_post_id NOT IN (SELECT x_post_id FROM privacy_erased_mentions)",
                        list(chunk),
                    )
                ]
                if not held:
                    continue
                marks = ",".join("?" * len(held))
                conn.execute(
                    "UPDATE mentions SET author_id = NULL, author_username = NULL, "  # noqa: S608
                    f"author_name = NULL, text = '' WHERE x_post_id IN ({marks})",
                    held,
                )
                conn.executemany(
                    "INSERT INTO privacy_erased_mentions (x_post_id, erased_at) VALUES (?, ?)",
                    [(x, format_ts(now)) for x in held],
                )
                n += len(held)
        logger.info("erased citizen fields of %d inbox rows", n)
        return n

    # -- queries over the log and the inbox ----------------------------------------------------
    def mention_records(self) -> Iterator[MentionRecord]:
        """Every citizen mention the desk knows (log and inbox), with the facts that decide
        its data class, in x_post_id order, read in one snapshot.

        A generator: the log's mention entries, the inbox rows and the entries that answer,
        handle or tag a mention are read side by side in x_post_id order and merged, so
        memory holds one mention at a time, not a record (or an id) of every mention (a log
        of 1,000,000 entries has some 400,000; listing them all at start-up, for the
        retention schedule, took 380 MB). Consume it at once: the snapshot (a read
        transaction) lasts until it is exhausted or closed.
        """
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            # The facts from the log's other entries, each read in x_post_id order and
            # looked up as the merge below goes (no set of every id in memory).
            answered = _Sorted(
                conn.execute(
                    "SELECT in_reply_to, 1 FROM activity WHERE action = 'reply_sent' "
                    "AND typeof(in_reply_to) = 'text' ORDER BY in_reply_to"
                )
            )
            handled = _Sorted(
                conn.execute(
                    "SELECT x_post_id, 1 FROM activity WHERE action = 'mention_handled' "
                    "AND typeof(x_post_id) = 'text' ORDER BY x_post_id"
                )
            )
            tagged = _Sorted(  # the latest tag entry of a mention decides
                (x, not _removed(details))
                for x, details in conn.execute(
                    "SELECT x_post_id, details FROM activity WHERE action = 'mention_tagged' "
                    "AND typeof(x_post_id) = 'text' ORDER BY x_post_id, seq"
                )
            )
            log_rows = conn.execute(
                "SELECT a.x_post_id, a.seq, a.ts, a.slot, p.erased_at, p.seq IS NOT NULL "
                "FROM activity a LEFT JOIN activity_personal p ON p.seq = a.seq "
                # `+a.action`: walk the x_post_id index (already in this order) rather than
                # the action index and a sort of every mention entry in memory.
                "WHERE a.x_post_id IS NOT NULL AND +a.action = 'mention_received' "
                "ORDER BY a.x_post_id, a.seq"
            )
            inbox_rows = conn.execute(
                "SELECT m.x_post_id, m.slot, m.created_at, m.received_at, m.state, "
                "m.is_complaint, m.replied_post_id, m.first_reply_at, m.handled_at, "
                "e.x_post_id IS NOT NULL "
                "FROM mentions m LEFT JOIN privacy_erased_mentions e ON e.x_post_id = m.x_post_id "
                "ORDER BY m.x_post_id"
            )
            odd: list[tuple[Any, ...]] = []  # a damaged log's x_post_id that is not text

            def mentions_in_log() -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
                x, group = None, []
                for row in log_rows:
                    if type(row[0]) is not str:
                        odd.append(row)
                    elif row[0] == x:
                        group.append(row)
                    else:
                        if group:
                            yield x, group
                        x, group = row[0], [row]
                if group:
                    yield x, group

            def record(
                x: Any, group: Sequence[tuple[Any, ...]], inbox: tuple[Any, ...] | None
            ) -> MentionRecord:
                seqs: list[int] = []
                erased: list[int] = []
                for _, seq, _, _, erased_at, has_personal in group:
                    if has_personal and erased_at is None:
                        seqs.append(seq)
                    elif has_personal:
                        erased.append(seq)
                if type(x) is str:
                    is_answered = answered.get(x) is not None
                    is_handled = handled.get(x) is not None
                    is_tagged = tagged.get(x)
                else:  # a damaged log's x_post_id (after every text one): looked up directly
                    is_answered, is_handled, is_tagged = _facts_of(conn, x)
                if group:
                    slot, ts = group[0][3], parse_ts(group[0][2])
                else:
                    assert inbox is not None
                    slot, ts = inbox[1], parse_ts(inbox[2] or inbox[3])
                if inbox is not None:
                    _, _, _, _, state, is_c, replied, first_reply, h_at, row_erased = inbox
                    is_answered = is_answered or state == "dibalas" or bool(replied or first_reply)
                    is_handled = is_handled or bool(h_at)
                    if is_c:
                        is_tagged = True
                return MentionRecord(
                    x_post_id=x,
                    slot=slot,
                    ts=ts,
                    log_seqs=tuple(seqs),
                    erased_log_seqs=tuple(erased),
                    row_held=inbox is not None and not row_erased,
                    answered=is_answered,
                    complaint=bool(is_tagged),
                    handled=is_handled,
                )

            logged = mentions_in_log()
            lx, lgroup = next(logged, (None, None))
            ix = next(inbox_rows, None)
            while lgroup is not None or ix is not None:
                if ix is None or (lgroup is not None and lx < ix[0]):
                    yield record(lx, lgroup, None)
                    lx, lgroup = next(logged, (None, None))
                elif lgroup is None or ix[0] < lx:
                    yield record(ix[0], (), ix)
                    ix = next(inbox_rows, None)
                else:
                    yield record(lx, lgroup, ix)
                    lx, lgroup = next(logged, (None, None))
                    ix = next(inbox_rows, None)
            by_x: dict[Any, list[tuple[Any, ...]]] = {}
            for row in odd:
                by_x.setdefault(row[0], []).append(row)
            for x, group in by_x.items():
                yield record(x, group, None)
        finally:
            conn.execute("COMMIT")

    def personal_seqs_for_handle(self, handle: str) -> list[int]:
        """Seqs of log entries that still hold this (normalised) citizen handle."""
        rows = self._conn().execute(
            "SELECT seq FROM activity_personal WHERE citizen_handle IS NOT NULL "
            "AND lower(ltrim(citizen_handle, '@')) = ? ORDER BY seq",
            (handle,),
        )
        return [r[0] for r in rows]

    def mention_rows_for_handle(self, handle: str) -> list[MentionRow]:
        rows = self._conn().execute(
            f"SELECT {_MENTION_COLS} FROM mentions WHERE author_username IS NOT NULL "  # noqa: S608
            "AND lower(ltrim(author_username, '@')) = ? ORDER BY received_at, x_post_id",
            (handle,),
        )
        return [
            MentionRow(
                x_post_id=r[0],
                slot=r[1],
                account_id=r[2],
                author_id=r[3],
                author_username=r[4],
                author_name=r[5],
                text=r[6],
                created_at=_dt(r[7]),
                received_at=parse_ts(r[8]),
                state=r[9],
                is_complaint=bool(r[10]),
                replied_post_id=r[11],
                first_reply_at=_dt(r[12]),
                handled_at=_dt(r[13]),
            )
            for r in rows
        ]

    def handles_in_mentions(self, start: datetime, end: datetime) -> list[tuple[str, str]]:
        """(x_post_id, author_username) of inbox rows received in [start, end) that still
        hold an author."""
        rows = self._conn().execute(
            "SELECT x_post_id, author_username FROM mentions WHERE author_username IS NOT NULL "
            "AND IFNULL(created_at, received_at) >= ? AND IFNULL(created_at, received_at) < ?",
            (format_ts(start), format_ts(end)),
        )
        return [(r[0], r[1]) for r in rows]

    def texts_of_mentions(self, x_post_ids: Iterable[str]) -> list[str]:
        ids = sorted(set(x_post_ids))
        out: list[str] = []
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            out += [
                r[0]
                for r in self._conn().execute(
                    f"SELECT text FROM mentions WHERE x_post_id IN ({marks})",  # noqa: S608
                    list(chunk),
                )
            ]
        return out

    # -- handover ---------------------------------------------------------------------------------
    def busy_outbox(self, slot: str) -> int:
        """Posts of `slot` still queued or being sent (a handover waits for them)."""
        row = (
            self._conn()
            .execute(
                "SELECT count(*) FROM outbox WHERE slot = ? AND state IN ('queued', 'sending')",
                (slot,),
            )
            .fetchone()
        )
        return int(row[0])

    def delete_slot_local_data(self, slot: str, mention_ids: Iterable[str]) -> dict[str, int]:
        """Remove the slot's inbox rows named in `mention_ids`, its finished outbox rows, its
        draft and its mention-sync state, in one transaction. Returns counts per table."""
        ids = sorted(set(mention_ids))
        conn = self._conn()
        counts = {"mentions": 0, "outbox": 0, "drafts": 0, "mention_sync": 0}
        with transaction(conn):
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                cur = conn.execute(
                    f"DELETE FROM mentions WHERE slot = ? AND x_post_id IN ({marks})",  # noqa: S608
                    [slot, *chunk],
                )
                counts["mentions"] += cur.rowcount
            counts["outbox"] = conn.execute(
                "DELETE FROM outbox WHERE slot = ? AND state IN ('sent', 'failed', 'cancelled')",
                (slot,),
            ).rowcount
            counts["drafts"] = conn.execute("DELETE FROM drafts WHERE slot = ?", (slot,)).rowcount
            counts["mention_sync"] = conn.execute(
                "DELETE FROM mention_sync WHERE slot = ?", (slot,)
            ).rowcount
        logger.info("handover removed local %s data: %s", slot, counts)
        return counts

    def slot_personal_seqs(self, slot: str, max_seq: int) -> list[int]:
        """Seqs up to `max_seq` of the slot's entries whose personal fields are still held."""
        rows = self._conn().execute(
            "SELECT p.seq FROM activity_personal p JOIN activity a ON a.seq = p.seq "
            "WHERE a.slot = ? AND p.erased_at IS NULL AND p.seq <= ? ORDER BY p.seq",
            (slot, max_seq),
        )
        return [r[0] for r in rows]

    def slot_mention_ids(self, slot: str, max_seq: int) -> set[str]:
        """X post ids of the slot's mentions recorded in the log up to `max_seq`."""
        rows = self._conn().execute(
            "SELECT x_post_id FROM activity WHERE action = 'mention_received' AND slot = ? "
            "AND seq <= ? AND x_post_id IS NOT NULL",
            (slot, max_seq),
        )
        return {r[0] for r in rows}

    def erased_seqs(self, seqs: Iterable[int]) -> set[int]:
        """Which of `seqs` had personal fields that are now erased."""
        wanted = sorted(set(int(s) for s in seqs))
        out: set[int] = set()
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            out |= {
                r[0]
                for r in self._conn().execute(
                    f"SELECT seq FROM activity_personal WHERE erased_at IS NOT NULL "  # noqa: S608
                    f"AND seq IN ({marks})",
                    list(chunk),
                )
            }
        return out

    def remaining_slot_mentions(self, slot: str) -> int:
        row = (
            self._conn().execute("SELECT count(*) FROM mentions WHERE slot = ?", (slot,)).fetchone()
        )
        return int(row[0])


__all__ = [
    "ERASURE",
    "EXPORT",
    "DataRequest",
    "LeaseConflict",
    "MentionRecord",
    "MentionRow",
    "PrivacyStore",
    "RequestNotFound",
    "RequestNotOpen",
]
