"""Reach and engagement in SQLite (issue 16): the posts whose numbers are read, each reading
(snapshot), readings skipped for the budget, the budget's ledger, and the own timeline's
sync position. Post texts here are the desk's own (records); no citizen data is kept.
"""

# ruff: noqa: S608  (the SQL built here joins constant column lists and "?" marks only)
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from humasdesk.core.activity import ActivityEntry, entry_from_canonical, format_ts, parse_ts
from humasdesk.core.snapshots import POINTS, PUBLIC_FIELDS, Measured, Snapshot
from humasdesk.store.database import ThreadStore, transaction


@dataclass(frozen=True)
class MeasuredPost:
    x_post_id: str
    account_id: str
    slot: str | None
    handle: str | None
    kind: str  # "post" | "reply"
    posted_at: datetime
    text: str | None
    official_capacity: bool
    done: int
    demand: bool
    deleted_at: datetime | None
    replaced_by: str | None
    edit_of: str | None

    @property
    def measured(self) -> Measured:
        return Measured(self.x_post_id, self.account_id, self.posted_at, self.done, self.demand)

    @property
    def active(self) -> bool:
        """Still read: not deleted on X, not replaced by a newer version."""
        return self.deleted_at is None and self.replaced_by is None


_POST_COLS = (
    "x_post_id, account_id, slot, handle, kind, posted_at, text, official_capacity, done, "
    "demand, deleted_at, replaced_by, edit_of"
)
_SNAP_COLS = (
    "x_post_id, account_id, read_at, point, "
    + ", ".join(PUBLIC_FIELDS)
    + (", non_public, organic, fields")
)


def _dt(value: str | None) -> datetime | None:
    return None if value is None else parse_ts(value)


def _post(row: Sequence[Any]) -> MeasuredPost:
    return MeasuredPost(
        x_post_id=row[0],
        account_id=row[1],
        slot=row[2],
        handle=row[3],
        kind=row[4],
        posted_at=parse_ts(row[5]),
        text=row[6],
        official_capacity=bool(row[7]),
        done=int(row[8]),
        demand=bool(row[9]),
        deleted_at=_dt(row[10]),
        replaced_by=row[11],
        edit_of=row[12],
    )


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(dict(value), sort_keys=True)


def _snap(row: Sequence[Any]) -> Snapshot:
    n = len(PUBLIC_FIELDS)
    values = dict(zip(PUBLIC_FIELDS, row[4 : 4 + n], strict=True))
    return Snapshot(
        x_post_id=row[0],
        account_id=row[1],
        read_at=parse_ts(row[2]),
        point=row[3],
        **values,
        non_public=None if row[4 + n] is None else json.loads(row[4 + n]),
        organic=None if row[5 + n] is None else json.loads(row[5 + n]),
        fields=tuple(json.loads(row[6 + n])),
    )


class MetricsStore(ThreadStore):
    # --- the own timeline's position ----------------------------------------------------------

    def timeline_newest_id(self, account_id: str) -> str | None:
        row = (
            self._conn()
            .execute("SELECT newest_id FROM own_timeline_sync WHERE account_id = ?", (account_id,))
            .fetchone()
        )
        return row[0] if row else None

    def set_timeline_newest_id(
        self, slot: str, account_id: str, newest_id: str | None, now: datetime
    ) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT INTO own_timeline_sync (account_id, slot, newest_id, synced_at) "
                "VALUES (?,?,?,?) ON CONFLICT (account_id) DO UPDATE SET slot = excluded.slot, "
                "newest_id = IFNULL(excluded.newest_id, newest_id), synced_at = excluded.synced_at",
                (account_id, slot, newest_id, format_ts(now)),
            )

    # --- measured posts -----------------------------------------------------------------------

    def add_posts(self, posts: Iterable[MeasuredPost]) -> int:
        """Register posts to measure (a known id is left as it is); returns how many were new."""
        conn = self._conn()
        with transaction(conn):
            before = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO measured_posts ({_POST_COLS}) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        p.x_post_id, p.account_id, p.slot, p.handle, p.kind,
                        format_ts(p.posted_at), p.text, int(p.official_capacity), p.done,
                        int(p.demand), None if p.deleted_at is None else format_ts(p.deleted_at),
                        p.replaced_by, p.edit_of,
                    )
                    for p in posts
                ],
            )  # fmt: skip
            return conn.total_changes - before

    def post(self, x_post_id: str) -> MeasuredPost | None:
        row = (
            self._conn()
            .execute(f"SELECT {_POST_COLS} FROM measured_posts WHERE x_post_id = ?", (x_post_id,))
            .fetchone()
        )
        return _post(row) if row else None

    def posts(
        self,
        account_id: str | None = None,
        *,
        active_only: bool = False,
        since: datetime | None = None,
        open_only: bool = False,
    ) -> list[MeasuredPost]:
        """Oldest first (posted at or after `since`; `open_only`: with a reading still to
        take, scheduled or asked for)."""
        sql = f"SELECT {_POST_COLS} FROM measured_posts"
        where, args = [], []
        if account_id is not None:
            where.append("account_id = ?")
            args.append(account_id)
        if since is not None:
            where.append("posted_at >= ?")
            args.append(format_ts(since))
        if active_only:
            where.append("deleted_at IS NULL AND replaced_by IS NULL")
        if open_only:
            where.append(f"(done < {len(POINTS)} OR demand = 1)")
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn().execute(sql + " ORDER BY posted_at, x_post_id", args).fetchall()
        return [_post(r) for r in rows]

    def mark_deleted(self, x_post_ids: Iterable[str], now: datetime) -> list[str]:
        """Mark posts X says are gone; returns those newly marked."""
        conn = self._conn()
        out = []
        with transaction(conn):
            for pid in x_post_ids:
                cur = conn.execute(
                    "UPDATE measured_posts SET deleted_at = ?, demand = 0 "
                    "WHERE x_post_id = ? AND deleted_at IS NULL",
                    (format_ts(now), pid),
                )
                if cur.rowcount:
                    out.append(pid)
        return out

    def mark_replaced(self, old_id: str, new_id: str) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE measured_posts SET replaced_by = ?, demand = 0 WHERE x_post_id = ?",
                (new_id, old_id),
            )

    def request_reading(self, account_id: str | None = None, x_post_id: str | None = None) -> int:
        """Ask for one reading now ("Perbarui angka") of one post, or every active post of
        an account (or of both). Returns how many posts will be read."""
        sql = (
            "UPDATE measured_posts SET demand = 1 WHERE deleted_at IS NULL AND replaced_by IS NULL"
        )
        args: list[str] = []
        if account_id is not None:
            sql += " AND account_id = ?"
            args.append(account_id)
        if x_post_id is not None:
            sql += " AND x_post_id = ?"
            args.append(x_post_id)
        conn = self._conn()
        with transaction(conn):
            return conn.execute(sql, args).rowcount

    # --- readings -----------------------------------------------------------------------------

    def add_snapshots(
        self,
        snapshots: Sequence[Snapshot],
        done: dict[str, int],
        reads: Iterable[tuple[str, str, str, bool]],
    ) -> None:
        """Store readings, each post's new `done` count (demand cleared), and the ledger rows
        ``(day, x_post_id, account_id, billed)`` in one transaction."""
        conn = self._conn()
        with transaction(conn):
            conn.executemany(
                f"INSERT INTO metric_snapshots ({_SNAP_COLS}) VALUES "
                f"({','.join('?' * (7 + len(PUBLIC_FIELDS)))})",
                [
                    (
                        s.x_post_id, s.account_id, format_ts(s.read_at), s.point,
                        *(s.value(n) for n in PUBLIC_FIELDS), _json(s.non_public),
                        _json(s.organic), json.dumps(list(s.fields)),
                    )
                    for s in snapshots
                ],
            )  # fmt: skip
            conn.executemany(
                "UPDATE measured_posts SET done = max(done, ?), demand = 0 WHERE x_post_id = ?",
                [(n, pid) for pid, n in done.items()],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO metric_reads (day, x_post_id, account_id, billed) "
                "VALUES (?,?,?,?)",
                [(d, pid, acc, int(b)) for d, pid, acc, b in reads],
            )

    def add_skips(
        self, account_id: str, skips: Iterable[tuple[str, str, int]], now: datetime, reason: str
    ) -> None:
        """Skipped readings ``(x_post_id, point, index)``: the point counts as passed."""
        rows = list(skips)
        conn = self._conn()
        with transaction(conn):
            conn.executemany(
                "INSERT INTO metric_skips (x_post_id, account_id, point, at, reason) "
                "VALUES (?,?,?,?,?)",
                [(pid, account_id, point, format_ts(now), reason) for pid, point, _i in rows],
            )
            conn.executemany(
                "UPDATE measured_posts SET done = max(done, ?), demand = 0 WHERE x_post_id = ?",
                [(i + 1, pid) for pid, _p, i in rows if i >= 0],
            )
            conn.executemany(
                "UPDATE measured_posts SET demand = 0 WHERE x_post_id = ?",
                [(pid,) for pid, _p, i in rows if i < 0],
            )

    def skipped_count(self, account_id: str, month: str) -> int:
        row = (
            self._conn()
            .execute(
                "SELECT count(*) FROM metric_skips WHERE account_id = ? AND substr(at, 1, 7) = ?",
                (account_id, month),
            )
            .fetchone()
        )
        return int(row[0])

    def billed_reads(self, account_id: str, month: str) -> int:
        """Post reads the metrics reads were billed for in `month` (the budget's ledger)."""
        row = (
            self._conn()
            .execute(
                "SELECT count(*) FROM metric_reads WHERE account_id = ? AND billed = 1 "
                "AND substr(day, 1, 7) = ?",
                (account_id, month),
            )
            .fetchone()
        )
        return int(row[0])

    def read_today(self, day: str) -> set[str]:
        """Posts X already billed a read of on `day` (any way the desk read them)."""
        rows = self._conn().execute(
            "SELECT resource_id FROM x_billing WHERE day = ? AND kind = 'post_read'", (day,)
        )
        return {r[0] for r in rows}

    def snapshots(
        self,
        x_post_ids: Iterable[str] | None = None,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Snapshot]:
        """Readings in time order (of some posts; read in ``[start, end)``)."""
        if x_post_ids is not None:
            ids = list(dict.fromkeys(x_post_ids))
            if len(ids) > 500:  # SQLite caps the "?" of one statement: in parts, merged
                parts = [
                    self.snapshots(ids[i : i + 500], start=start, end=end)
                    for i in range(0, len(ids), 500)
                ]
                return sorted((s for p in parts for s in p), key=lambda s: s.read_at)
        sql = f"SELECT {_SNAP_COLS} FROM metric_snapshots"
        where: list[str] = []
        args: list[Any] = []
        if x_post_ids is not None:
            if not ids:
                return []
            where.append(f"x_post_id IN ({','.join('?' * len(ids))})")
            args += ids
        if start is not None:
            where.append("read_at >= ?")
            args.append(format_ts(start))
        if end is not None:
            where.append("read_at < ?")
            args.append(format_ts(end))
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn().execute(sql + " ORDER BY read_at, id", args).fetchall()
        return [_snap(r) for r in rows]

    def _latest(self, cols: str, end: datetime | None) -> Any:
        inner = "SELECT id, row_number() OVER (PARTITION BY x_post_id ORDER BY read_at DESC, "
        inner += "id DESC) AS rn FROM metric_snapshots"
        args: list[Any] = []
        if end is not None:
            inner += " WHERE read_at < ?"
            args.append(format_ts(end))
        return self._conn().execute(
            f"SELECT {cols} FROM metric_snapshots WHERE id IN "
            f"(SELECT id FROM ({inner}) WHERE rn = 1)",
            args,
        )

    def latest_snapshots(self, end: datetime | None = None) -> dict[str, Snapshot]:
        """Each post's latest reading (read before `end`), by post id: one query."""
        return {r[0]: _snap(r) for r in self._latest(_SNAP_COLS, end)}

    def latest_public(self, end: datetime | None = None) -> list[tuple[Any, ...]]:
        """Each post's latest public numbers as stored: ``(x_post_id, read_at text,
        impression_count, …)`` in X's order, for the CSV (nothing parsed)."""
        cols = "x_post_id, read_at, " + ", ".join(PUBLIC_FIELDS)
        return self._latest(cols, end).fetchall()

    # --- scan position over the activity log --------------------------------------------------

    def state(self, key: str) -> str | None:
        row = (
            self._conn().execute("SELECT value FROM metrics_state WHERE key = ?", (key,)).fetchone()
        )
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT INTO metrics_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # --- what the desk itself has under way ----------------------------------------------------

    def desk_pending_since(self, account_id: str) -> datetime | None:
        """When the earliest send of this account that may have reached X unrecorded
        (sending, or outcome unknown) last changed; None when there is none."""
        row = (
            self._conn()
            .execute(
                "SELECT min(updated_at) FROM outbox WHERE account_id = ? AND (state = 'sending' "
                "OR (outcome_unknown = 1 AND state NOT IN ('cancelled', 'sent')))",
                (account_id,),
            )
            .fetchone()
        )
        return _dt(row[0]) if row and row[0] else None

    def desk_pending_texts(self, account_id: str) -> set[str]:
        """Texts of this account's outbox items whose send may have reached X without being
        recorded yet (sending, or outcome unknown): the sender records those, not the
        timeline sync."""
        rows = self._conn().execute(
            "SELECT text FROM outbox WHERE account_id = ? AND (state = 'sending' "
            "OR (outcome_unknown = 1 AND state != 'cancelled'))",
            (account_id,),
        )
        return {r[0] for r in rows}

    # --- what the activity log already holds (read only; the log appends) ---------------------

    def recorded_post_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these X posts the log already records as posted (by the desk or seen)."""
        wanted = list(dict.fromkeys(ids))
        out: set[str] = set()
        for i in range(0, len(wanted), 500):
            part = wanted[i : i + 500]
            rows = self._conn().execute(
                f"SELECT DISTINCT x_post_id FROM activity WHERE x_post_id IN "
                f"({','.join('?' * len(part))}) AND action IN ({_POSTED_SQL})",
                part,
            )
            out |= {r[0] for r in rows}
        return out

    def recorded_text(self, x_post_id: str) -> str | None:
        """The text the log records for this post (its latest version on the record)."""
        row = (
            self._conn()
            .execute(
                f"SELECT text FROM activity WHERE x_post_id = ? AND action IN ({_POSTED_SQL}) "
                "ORDER BY seq DESC LIMIT 1",
                (x_post_id,),
            )
            .fetchone()
        )
        return row[0] if row else None

    def recorded_reposts(self, account_id: str) -> set[str]:
        """Posts this account's reposts on the record share (``details.repost_of``)."""
        rows = self._conn().execute(
            "SELECT json_extract(details, '$.repost_of') FROM activity WHERE account_id = ? "
            "AND action IN ('repost_sent', 'repost_seen')",
            (account_id,),
        )
        return {r[0] for r in rows if r[0]}

    def first_signed_in(self, account_id: str) -> datetime | None:
        row = (
            self._conn()
            .execute(
                "SELECT min(ts) FROM activity WHERE action = 'signed_in' AND account_id = ?",
                (account_id,),
            )
            .fetchone()
        )
        return _dt(row[0]) if row and row[0] else None

    def posted_entries_after(self, seq: int, limit: int = 5000) -> list[ActivityEntry]:
        """Log entries after `seq` that put a post on the record or change one (seq order)."""
        rows = self._conn().execute(
            f"SELECT canonical, prev_hash, hash FROM activity WHERE seq > ? AND action IN "
            f"({_POSTED_SQL}, 'post_deleted', 'post_deleted_on_x') ORDER BY seq LIMIT ?",
            (seq, limit),
        )
        return [entry_from_canonical(c, prev_hash=p, hash=h) for c, p, h in rows]

    def display_names(self, until: datetime | None = None) -> dict[str, str]:
        """Each account's display name as of `until` (its latest sign-in before then)."""
        sql = (
            "SELECT account_id, json_extract(details, '$.name') FROM activity "
            "WHERE action = 'signed_in' AND account_id IS NOT NULL"
        )
        args: list[str] = []
        if until is not None:
            sql += " AND ts < ?"
            args.append(format_ts(until))
        out: dict[str, str] = {}
        for account_id, name in self._conn().execute(sql + " ORDER BY seq", args):
            if isinstance(name, str) and name:
                out[account_id] = name
        return out

    def head_seq(self) -> int:
        row = self._conn().execute("SELECT IFNULL(max(seq), 0) FROM activity").fetchone()
        return int(row[0])


#: Actions that put a post of the desk's accounts on the record.
POSTED_ACTIONS = ("post_sent", "reply_sent", "post_seen", "reply_seen", "post_edited_on_x")
_POSTED_SQL = ", ".join(f"'{a}'" for a in POSTED_ACTIONS)
