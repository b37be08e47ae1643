"""The activity log: append-only, hash-chained, with erasable personal fields beside it.

Layout (schema in `migrations.py`):

* `activity` — the chained entries: `seq`, `canonical` (the entry's canonical JSON, the one
  stored copy of its fields), `prev_hash`, `hash`, and the fields (`ts`, `slot`, `action`,
  `text`, …) as generated columns derived from `canonical` for indexes, filters and FTS, so
  what the view shows is always what the hash covers. Verification hashes the stored bytes
  directly. Triggers refuse UPDATE and DELETE, and refuse an INSERT that is not exactly the
  next link (`seq = head + 1`, `prev_hash = head hash`, canonical seq = seq).
* `activity_personal` — per entry that carries personal data: `salt`, `citizen_handle`,
  `citizen_text`, `erased_at`. A trigger lets values only become NULL (with `erased_at` set):
  erasing is possible, editing or "un-erasing" is not.
* `activity_fts` — FTS5 external-content index over own post text and mention text; erasing a
  mention's text removes it from the index (trigger).
* `verify_checkpoint` — the last (seq, hash) that verified, so start-up verifies only the tail.

The canonical form and the hash are defined in `humasdesk.core.activity`.

Threads: give `ActivityLog` a `ConnectionFactory` and each thread that calls it gets its own
connection. Appends take the write lock (`BEGIN IMMEDIATE`) and read the head inside that
transaction, so several writers keep the chain linear.

Nothing here logs a citizen's handle or text; log lines name seqs only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from humasdesk.core.activity import (
    GENESIS_HASH,
    SALT_BYTES,
    Action,
    ActivityEntry,
    NewEntry,
    VerifyResult,
    canonical_details,
    canonical_text_from_fields,
    entry_from_canonical,
    format_ts,
    parse_action,
    parse_ts,
    personal_digest,
    personal_problem,
)
from humasdesk.core.models import Slot
from humasdesk.store.database import ConnectionFactory, Connections, transaction

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Progress = Callable[[int, int], None]  # (checked, total)
Cancel = Callable[[], bool]

UNREADABLE_ACTION = "(unreadable)"
_CHUNK = 5000
_VERIFY_BATCH = 5000
_IN_CHUNK = 500

# The stored row of one entry, as `iter_rows` gives it and `entry_from_row` reads it.
ROW_COLUMNS = (
    "seq", "canonical", "prev_hash", "hash", "salt", "citizen_handle", "citizen_text", "erased_at",
)  # fmt: skip
_COLUMNS = (
    "a.seq, a.canonical, a.prev_hash, a.hash, p.salt, p.citizen_handle, p.citizen_text, p.erased_at"
)
_FROM = "FROM activity a LEFT JOIN activity_personal p ON p.seq = a.seq"

_INSERT_ACTIVITY = "INSERT INTO activity (seq, canonical, prev_hash, hash) VALUES (?,?,?,?)"
_INSERT_PERSONAL = (
    "INSERT INTO activity_personal (seq, salt, citizen_handle, citizen_text) VALUES (?,?,?,?)"
)
_INSERT_FTS = "INSERT INTO activity_fts (rowid, text, citizen_text) VALUES (?,?,?)"

# A batch of at least this many entries is checked as a whole (`append_many`).
_BATCH_CHECK_MIN = 500
_CHAIN_TRIGGER = "activity_insert_extends_chain"
# The first entry in seq range [?, ?] that is not the next link of the chain: the chain
# trigger's conditions (prev_hash is the hash of the entry before it, or the genesis hash
# for seq 1; the canonical form names the row's own seq), for a whole batch at once.
_BATCH_LINKS_SQL = (
    "SELECT a.seq FROM activity a LEFT JOIN activity b ON b.seq = a.seq - 1 "
    "WHERE a.seq BETWEEN ? AND ? "
    "AND (a.prev_hash IS NOT IFNULL(b.hash, CASE WHEN a.seq = 1 THEN ? END) "
    "OR json_extract(a.canonical, '$.seq') IS NOT a.seq) "
    "ORDER BY a.seq LIMIT 1"
)


def _check_batch_links(conn: sqlite3.Connection, first: int, last: int) -> None:
    """Raise the chain trigger's error unless entries `first`..`last` are exactly the next
    links after entry `first - 1`: no seq missing or beyond `last`, each linking to the one
    before it (checked inside the transaction that inserted them)."""
    count, top = conn.execute(
        "SELECT count(*), max(seq) FROM activity WHERE seq >= ?", (first,)
    ).fetchone()
    bad = conn.execute(_BATCH_LINKS_SQL, (first, last, GENESIS_HASH)).fetchone()
    if count != last - first + 1 or top != last or bad is not None:
        raise sqlite3.IntegrityError("activity log entries must extend the chain")


# Verification hashes the stored bytes `prev_hash || canonical` directly. Values are fetched
# as BLOBs so damaged text cannot stop the walk.
_VERIFY_SQL = (
    "SELECT seq, CAST(hash AS BLOB), CAST(prev_hash || canonical AS BLOB) "
    "FROM activity WHERE seq >= ? ORDER BY seq"
)
_VERIFY_PERSONAL_SQL = (
    "SELECT seq, salt, CAST(citizen_handle AS BLOB), CAST(citizen_text AS BLOB), erased_at "
    "FROM activity_personal WHERE seq >= ? ORDER BY seq"
)
_NO_PERSONAL = b'null,"citizen_text_digest":null,'
_HANDLE_KEY = b',"citizen_handle_digest":'
_HK = len(_HANDLE_KEY)
_TEXT_KEY = b',"citizen_text_digest":'


def _digests(hashed: bytes) -> tuple[str | None, str | None]:
    """The two personal digests of a verified canonical entry.

    Only `account_id` and `action` (JSON strings, whose quotes are escaped) come before the
    `citizen_handle_digest` key, so its first unescaped occurrence is the top-level key.
    """
    i = hashed.find(_HANDLE_KEY)
    if i < 0:
        raise ValueError("no citizen_handle_digest key")
    pos = i + len(_HANDLE_KEY)
    out: list[str | None] = []
    for key in (None, _TEXT_KEY):
        if key is not None:
            if hashed[pos : pos + len(key)] != key:
                raise ValueError("unexpected layout")
            pos += len(key)
        if hashed[pos : pos + 4] == b"null":
            out.append(None)
            pos += 4
        else:
            out.append(hashed[pos + 1 : pos + 65].decode("ascii"))
            pos += 66
    return out[0], out[1]


def _text(value: bytes | None) -> str | None:
    return None if value is None else bytes(value).decode("utf-8", "surrogateescape")


def _personal_row_problem(
    hashed: bytes,
    salt: bytes | None,
    erased_at: Any,
    ch: bytes | None,
    ct: bytes | None,
) -> str | None:
    try:
        chd, ctd = _digests(hashed)
    except (ValueError, UnicodeError):
        return "entry is not in canonical form"
    try:
        handle, text = _text(ch), _text(ct)
        for value in (handle, text):
            if value is not None:
                value.encode("utf-8")
    except UnicodeError:
        return "personal field is not valid text"
    return personal_problem(
        salt=None if salt is None else bytes(salt),
        erased=erased_at is not None,
        pairs=((handle, chd), (text, ctd)),
    )


@dataclass(frozen=True)
class LogFilter:
    """Which entries the log view shows. `start` inclusive, `end` exclusive (aware datetimes);
    None means no limit. `search` is plain user text (see `fts_query`)."""

    start: datetime | None = None
    end: datetime | None = None
    slots: frozenset[Slot] | None = None
    actions: frozenset[str] | None = None
    search: str | None = None
    account_ids: frozenset[str] | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.start is None
            and self.end is None
            and self.slots is None
            and self.actions is None
            and fts_query(self.search) is None
            and self.account_ids is None
        )


@dataclass(frozen=True)
class Head:
    """The last entry of the chain (seq 0 and the genesis hash for an empty log)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Checkpoint:
    """The last point the chain verified up to."""

    seq: int
    hash: str
    at: datetime


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 query from user text: its words, each quoted and prefix-matched, all
    required (`"banjir"* "jalan"*`). FTS operators and punctuation in the text (`"`, `*`,
    `AND`, `(`…) are treated as words or dropped, never as syntax. None when no word is left
    (the search filter is then not applied)."""
    if not text:
        return None
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


_HANDLE = re.compile(r"@?(\w{1,50})")


def citizen_handle_query(text: str | None) -> str | None:
    """The handle when the search is one, as the log shows it (``@warga_01`` or
    ``warga_01``), without its ``@`` (stored either way: `_held_handle` looks up both)."""
    m = _HANDLE.fullmatch((text or "").strip())
    return m.group(1) if m else None


def _search_only(f: LogFilter) -> str | None:
    """The FTS query when `f` filters by search text and nothing else."""
    if f.start or f.end or f.slots is not None or f.actions is not None:
        return None
    if f.account_ids is not None:
        return None
    return fts_query(f.search)


def _ranges(seqs: Sequence[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for s in sorted(set(seqs)):
        if out and s == out[-1][1] + 1:
            out[-1][1] = s
        else:
            out.append([s, s])
    return out


_SLOT_VALUES = {s: s.value for s in Slot}  # a Slot or its text (StrEnum: equal, same hash)


def _slot_value(slot: Slot | str | None) -> str | None:
    if slot is None:
        return None
    value = _SLOT_VALUES.get(slot)
    return value if value is not None else str(Slot(slot))  # raises for an unknown slot


def entry_from_row(row: Sequence[Any]) -> ActivityEntry:
    """The entry of one stored row (`ROW_COLUMNS`); a damaged row becomes an entry with
    action `UNREADABLE_ACTION`."""
    seq, canonical, prev_hash, hash_, salt, ch, ct, erased_at = row
    personal = {
        "citizen_handle": ch,
        "citizen_text": ct,
        "personal_salt": None if salt is None else bytes(salt).hex(),
        "erased_at": None if erased_at is None else parse_ts(erased_at),
    }
    try:
        return entry_from_canonical(canonical, prev_hash=prev_hash, hash=hash_, **personal)
    except (ValueError, KeyError, TypeError):
        # A damaged row must still show in the log view (verification names it).
        return ActivityEntry(
            seq=seq, ts=datetime(1970, 1, 1, tzinfo=UTC), slot=None, account_id=None,
            handle=None, action=UNREADABLE_ACTION, x_post_id=None, in_reply_to=None,
            text=None, details={}, citizen_handle_digest=None, citizen_text_digest=None,
            prev_hash=str(prev_hash), hash=str(hash_), **personal,
        )  # fmt: skip


class ActivityLog:
    """Append, erase personal fields, verify and query the activity log.

    `source` is a `ConnectionFactory` (each calling thread gets its own connection; call
    `close()` at the end) or one `Database` (single-threaded use; not closed by `close()`).
    The schema must exist (`open_database` applies migrations).
    """

    def __init__(
        self,
        source: ConnectionFactory | Database,
        *,
        clock: Clock | None = None,
        salt_source: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._salt = salt_source
        self._connections = Connections(source)

    # -- connections -------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        return self._connections.conn()

    def close(self) -> None:
        """Close the connections this log opened (from any thread, once they are idle)."""
        self._connections.close()

    @property
    def source(self) -> ConnectionFactory | Database:
        """The database the log reads (another store over the same file: the reach)."""
        return self._connections.source

    def __enter__(self) -> ActivityLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- appending ---------------------------------------------------------------------
    def append(
        self,
        action: Action | str,
        *,
        slot: Slot | None = None,
        account_id: str | None = None,
        handle: str | None = None,
        x_post_id: str | None = None,
        in_reply_to: str | None = None,
        text: str | None = None,
        details: dict[str, Any] | None = None,
        citizen_handle: str | None = None,
        citizen_text: str | None = None,
        ts: datetime | None = None,
    ) -> ActivityEntry:
        """Append one entry and return it as stored (seq, hashes assigned)."""
        new = NewEntry(
            action=action,
            slot=slot,
            account_id=account_id,
            handle=handle,
            x_post_id=x_post_id,
            in_reply_to=in_reply_to,
            text=text,
            details=details or {},
            citizen_handle=citizen_handle,
            citizen_text=citizen_text,
            ts=ts,
        )
        conn = self._conn()
        with transaction(conn):
            out: list[ActivityEntry] = []
            self._append_in_tx(conn, [new], out)
        return out[0]

    def append_many(self, entries: Iterable[NewEntry]) -> Head:
        """Append many entries in one transaction (imports, benchmarks); returns the new head.

        A large batch is checked as a whole instead of row by row: inside the write
        transaction the chain trigger is set aside, the rows are inserted, one query checks
        that every one of them is the next link (`_BATCH_LINKS_SQL`, the trigger's three
        conditions), and the trigger is put back before COMMIT. No other connection ever
        sees the log without its trigger (DDL is transactional; the write lock is held), and
        a batch that fails the check is rolled back with the trigger's own error. Any
        trigger on `activity` makes SQLite compute all eleven generated columns (a JSON
        parse each) for every inserted row, which was most of the append time.
        """
        entries = list(entries)
        conn = self._conn()
        with transaction(conn):
            if len(entries) < _BATCH_CHECK_MIN:
                return self._append_in_tx(conn, entries, None)
            row = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                (_CHAIN_TRIGGER,),
            ).fetchone()
            if row is not None:
                conn.execute(f"DROP TRIGGER {_CHAIN_TRIGGER}")
            first = self.head_in(conn).seq + 1
            head = self._append_in_tx(conn, entries, None)
            _check_batch_links(conn, first, head.seq)
            if row is not None:
                conn.execute(row[0])
            return head

    def _append_in_tx(
        self,
        conn: sqlite3.Connection,
        entries: Iterable[NewEntry],
        out: list[ActivityEntry] | None,
    ) -> Head:
        row = conn.execute("SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0], row[1]) if row else (0, GENESIS_HASH)
        act: list[tuple[Any, ...]] = []
        pers: list[tuple[Any, ...]] = []
        fts: list[tuple[Any, ...]] = []
        sha = hashlib.sha256

        def flush() -> None:
            conn.executemany(_INSERT_ACTIVITY, act)
            if pers:
                conn.executemany(_INSERT_PERSONAL, pers)
            if fts:
                conn.executemany(_INSERT_FTS, fts)
            act.clear()
            pers.clear()
            fts.clear()

        for e in entries:
            seq += 1
            action = str(e.action)
            if not action:
                raise ValueError("an activity entry needs an action")
            ts = format_ts(e.ts if e.ts is not None else self._clock())
            slot = _slot_value(e.slot)
            details = canonical_details(e.details)
            chd = ctd = None
            salt = None
            if e.has_personal:
                salt = self._salt(SALT_BYTES)
                if e.citizen_handle is not None:
                    chd = personal_digest(salt, e.citizen_handle)
                if e.citizen_text is not None:
                    ctd = personal_digest(salt, e.citizen_text)
            canon = canonical_text_from_fields(
                seq=seq,
                ts=ts,
                slot=slot,
                account_id=e.account_id,
                handle=e.handle,
                action=action,
                x_post_id=e.x_post_id,
                in_reply_to=e.in_reply_to,
                text=e.text,
                details_json=details,
                citizen_handle_digest=chd,
                citizen_text_digest=ctd,
            )
            h = sha((prev + canon).encode("utf-8")).hexdigest()
            act.append((seq, canon, prev, h))
            if salt is not None:
                pers.append((seq, salt, e.citizen_handle, e.citizen_text))
            if e.text is not None or e.citizen_text is not None:
                fts.append((seq, e.text, e.citizen_text))
            if out is not None:
                out.append(
                    ActivityEntry(
                        seq=seq,
                        ts=parse_ts(ts),
                        slot=None if slot is None else Slot(slot),
                        account_id=e.account_id,
                        handle=e.handle,
                        action=parse_action(action),
                        x_post_id=e.x_post_id,
                        in_reply_to=e.in_reply_to,
                        text=e.text,
                        details=json.loads(details),
                        citizen_handle=e.citizen_handle,
                        citizen_text=e.citizen_text,
                        citizen_handle_digest=chd,
                        citizen_text_digest=ctd,
                        prev_hash=prev,
                        hash=h,
                        personal_salt=None if salt is None else salt.hex(),
                    )
                )
            prev = h
            if len(act) >= _CHUNK:
                flush()
        if act:
            flush()
        return Head(seq, prev)

    # -- erasure -----------------------------------------------------------------------
    def erase_personal(
        self,
        seqs: Iterable[int],
        reason: str,
        *,
        data_class: str = "citizen_handle+citizen_text",
    ) -> int:
        """Erase the personal fields (citizen handle, mention text and their salt) of the
        given entries; the chain keeps verifying. Appends one `personal_data_erased` entry
        naming the data class, the count, the reason and the seq ranges (never the values).
        `reason` must not itself hold personal data. Returns how many entries were erased
        (entries without personal fields or already erased are skipped)."""
        wanted = sorted(set(int(s) for s in seqs))
        conn = self._conn()
        now = format_ts(self._clock())
        with transaction(conn):
            erased: list[int] = []
            for i in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[i : i + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT seq FROM activity_personal WHERE erased_at IS NULL "  # noqa: S608
                    f"AND seq IN ({marks})",
                    chunk,
                ).fetchall()
                hits = [r[0] for r in rows]
                if not hits:
                    continue
                marks = ",".join("?" * len(hits))
                conn.execute(
                    "UPDATE activity_personal SET salt = NULL, citizen_handle = NULL, "  # noqa: S608
                    f"citizen_text = NULL, erased_at = ? WHERE seq IN ({marks})",
                    [now, *hits],
                )
                erased.extend(hits)
            if erased:
                self._append_in_tx(
                    conn,
                    [
                        NewEntry(
                            action=Action.PERSONAL_DATA_ERASED,
                            details={
                                "data_class": data_class,
                                "count": len(erased),
                                "reason": reason,
                                "seq_ranges": _ranges(erased),
                            },
                        )
                    ],
                    None,
                )
        logger.info("erased personal fields of %d activity entries", len(erased))
        return len(erased)

    def has_post_entry(self, x_post_id: str) -> bool:
        """Whether a `post_sent`/`reply_sent` entry for this X post exists already (or, issue
        16, the own-timeline sync recorded it as `post_seen`/`reply_seen`)."""
        row = (
            self._conn()
            .execute(
                "SELECT 1 FROM activity WHERE x_post_id = ? "
                "AND action IN ('post_sent', 'reply_sent', 'post_seen', 'reply_seen') LIMIT 1",
                (x_post_id,),
            )
            .fetchone()
        )
        return row is not None

    def desk_accounts(self) -> dict[str, str]:
        """The desk's own X accounts (user id → handle): every account that ever signed in
        here. Their posts are never a citizen's (a repost by the other account mentions the
        office, but no citizen wrote it)."""
        rows = self._conn().execute(
            "SELECT account_id, handle FROM activity WHERE action = 'signed_in' "
            "AND account_id IS NOT NULL ORDER BY seq"
        )
        return {r[0]: r[1] or "" for r in rows}

    def seqs_for_citizen(self, citizen_handle: str) -> list[int]:
        """Seqs of entries that still hold this citizen handle (for erasure and access reports)."""
        rows = self._conn().execute(
            "SELECT seq FROM activity_personal WHERE citizen_handle = ? ORDER BY seq",
            (citizen_handle,),
        )
        return [r[0] for r in rows]

    # -- head, checkpoint --------------------------------------------------------------
    def head(self) -> Head:
        return self.head_in(self._conn())

    @staticmethod
    def head_in(conn: sqlite3.Connection) -> Head:
        row = conn.execute("SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1").fetchone()
        return Head(row[0], row[1]) if row else Head(0, GENESIS_HASH)

    def checkpoint(self) -> Checkpoint | None:
        row = self._conn().execute("SELECT seq, hash, at FROM verify_checkpoint").fetchone()
        return Checkpoint(row[0], row[1], parse_ts(row[2])) if row else None

    def _save_checkpoint(self, seq: int, hash_: str) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT OR REPLACE INTO verify_checkpoint (id, seq, hash, at) VALUES (1, ?, ?, ?)",
                (seq, hash_, format_ts(self._clock())),
            )

    # -- verification ------------------------------------------------------------------
    def verify(
        self,
        from_seq: int | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> VerifyResult:
        """Walk the chain from `from_seq` (default 1) to the head, in seq order, and report the
        first bad entry: a missing seq (gap, or the first entry not being 1), an entry whose
        content no longer matches its hash, an entry whose successor's `prev_hash` does not
        match it (it was replaced and re-hashed), a personal value that does not match its
        digest or vanished without an erasure record. Reads one consistent snapshot.
        `progress(checked, total)` is called every few thousand entries; `cancel()` returning
        True stops the walk (`cancelled=True`, `ok=False`). Run it off the GUI thread."""
        start = 1 if from_seq is None else max(1, int(from_seq))
        conn = self._conn()
        conn.execute("BEGIN")  # one read snapshot (WAL): appends meanwhile are not seen
        try:
            return self._verify_in_snapshot(conn, start, progress, cancel)
        finally:
            conn.execute("COMMIT")

    def _verify_in_snapshot(
        self,
        conn: sqlite3.Connection,
        start: int,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> VerifyResult:
        head_row = conn.execute("SELECT MAX(seq) FROM activity").fetchone()
        head_seq = int(head_row[0] or 0)
        total = max(0, head_seq - start + 1)

        def bad(seq: int, reason: str, checked: int) -> VerifyResult:
            logger.warning("activity log verification failed at seq %d: %s", seq, reason)
            return VerifyResult(
                ok=False,
                checked=checked,
                first_bad_seq=seq,
                reason=reason,
                head_seq=head_seq,
                from_seq=start,
            )

        if start == 1:
            prev = GENESIS_HASH.encode("ascii")
        else:
            r = conn.execute(
                "SELECT CAST(hash AS BLOB) FROM activity WHERE seq = ?", (start - 1,)
            ).fetchone()
            if r is None:
                return bad(start - 1, "entry missing", 0)
            prev = bytes(r[0])
        expected = start
        checked = 0
        sha = hashlib.sha256
        cur = conn.execute(_VERIFY_SQL, (start,))
        personal = iter(conn.execute(_VERIFY_PERSONAL_SQL, (start,)))
        pnext = next(personal, None)
        while True:
            if cancel is not None and cancel():
                return VerifyResult(
                    ok=False,
                    checked=checked,
                    reason="cancelled",
                    head_seq=head_seq,
                    cancelled=True,
                    from_seq=start,
                )
            rows = cur.fetchmany(_VERIFY_BATCH)
            if not rows:
                break
            for seq, hash_, hashed in rows:
                if seq != expected:
                    return bad(expected, "entry missing", checked)
                if hashed is None or hash_ is None or sha(hashed).hexdigest().encode() != hash_:
                    return bad(seq, "entry content does not match its hash", checked)
                if hashed[:64] != prev:
                    if seq - 1 >= start:
                        return bad(
                            seq - 1,
                            f"entry differs from what entry {seq} commits to (replaced)",
                            checked - 1,
                        )
                    return bad(seq, "entry does not link to the previous entry", checked)
                while pnext is not None and pnext[0] < seq:  # beside a missing entry
                    pnext = next(personal, None)
                if pnext is not None and pnext[0] == seq:
                    _, salt, ch, ct, erased_at = pnext
                    pnext = next(personal, None)
                    if salt is not None and erased_at is None:
                        # Fast path: the digests the chain should hold for these values.
                        hd = (
                            b"null" if ch is None else b'"%s"' % sha(salt + ch).hexdigest().encode()
                        )
                        td = (
                            b"null" if ct is None else b'"%s"' % sha(salt + ct).hexdigest().encode()
                        )
                        if hashed.startswith(
                            hd + _TEXT_KEY + td + b",", hashed.find(_HANDLE_KEY) + _HK
                        ):
                            prev = hash_
                            expected += 1
                            checked += 1
                            continue
                    problem = _personal_row_problem(hashed, salt, erased_at, ch, ct)
                    if problem is not None:
                        return bad(seq, problem, checked)
                elif not hashed.startswith(_NO_PERSONAL, hashed.find(_HANDLE_KEY) + _HK):
                    # the chain commits to personal fields whose row is gone
                    problem = _personal_row_problem(hashed, None, None, None, None)
                    if problem is not None:
                        return bad(seq, problem, checked)
                prev = hash_
                expected += 1
                checked += 1
            if progress is not None:
                progress(checked, total)
        if progress is not None:
            progress(checked, total)
        return VerifyResult(ok=True, checked=checked, head_seq=head_seq, from_seq=start)

    def verify_incremental(
        self, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> VerifyResult:
        """Verify from the last checkpoint (the whole chain if there is none) and move the
        checkpoint to the head when it verifies. A checkpoint that no longer matches its row
        means the chain was rewritten or cut short: the whole chain is verified, and if that
        finds nothing earlier, the checkpoint's seq (or the first missing seq) is named."""
        cp = self.checkpoint()
        if cp is None:
            result = self.verify(1, progress, cancel)
        else:
            row = (
                self._conn()
                .execute("SELECT hash FROM activity WHERE seq = ?", (cp.seq,))
                .fetchone()
            )
            if row is not None and row[0] == cp.hash:
                result = self.verify(cp.seq + 1, progress, cancel)
            else:
                result = self.verify(1, progress, cancel)
                if result.ok:
                    if row is None:
                        result = VerifyResult(
                            ok=False,
                            checked=result.checked,
                            first_bad_seq=result.head_seq + 1,
                            reason=f"entries after {result.head_seq} are missing "
                            f"(verified earlier up to {cp.seq})",
                            head_seq=result.head_seq,
                        )
                    else:
                        result = VerifyResult(
                            ok=False,
                            checked=result.checked,
                            first_bad_seq=cp.seq,
                            reason="entry no longer matches the verified checkpoint "
                            "(the chain was rewritten at or before it)",
                            head_seq=result.head_seq,
                        )
                    logger.warning(
                        "activity log checkpoint mismatch at seq %d", result.first_bad_seq
                    )
        if result.ok and result.head_seq > 0 and (cp is None or result.head_seq > cp.seq):
            r = (
                self._conn()
                .execute("SELECT hash FROM activity WHERE seq = ?", (result.head_seq,))
                .fetchone()
            )
            self._save_checkpoint(result.head_seq, r[0])
        return result

    def check_at_startup(
        self, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> VerifyResult:
        """`verify_incremental`, and a detected break is itself logged (`chain_break_detected`,
        once per distinct break). The caller shows a persistent warning while `ok` is False:
        the checkpoint stays before the break, so every start finds it again."""
        result = self.verify_incremental(progress, cancel)
        if not result.ok and not result.cancelled:
            self.record_break(result)
        return result

    def record_break(self, result: VerifyResult) -> ActivityEntry | None:
        """Append a `chain_break_detected` entry for `result` unless the latest one already
        names the same entry and reason. Returns the entry appended, or None."""
        details = {"first_bad_seq": result.first_bad_seq, "reason": result.reason}
        row = (
            self._conn()
            .execute(
                "SELECT details FROM activity WHERE action = ? ORDER BY seq DESC LIMIT 1",
                (str(Action.CHAIN_BREAK_DETECTED),),
            )
            .fetchone()
        )
        if row is not None:
            try:
                if json.loads(row[0]) == details:
                    return None
            except ValueError:
                pass
        return self.append(Action.CHAIN_BREAK_DETECTED, details=details)

    # -- queries for the log view ------------------------------------------------------
    def _where(self, f: LogFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if f.start is not None:
            clauses.append("a.ts >= ?")
            params.append(format_ts(f.start))
        if f.end is not None:
            clauses.append("a.ts < ?")
            params.append(format_ts(f.end))
        if f.slots is not None:
            vals = sorted(str(Slot(s)) for s in f.slots)
            clauses.append(f"a.slot IN ({','.join('?' * len(vals))})" if vals else "0")
            params.extend(vals)
        if f.account_ids is not None:
            vals = sorted(f.account_ids)
            clauses.append(f"a.account_id IN ({','.join('?' * len(vals))})" if vals else "0")
            params.extend(vals)
        if f.actions is not None:
            vals = sorted(str(a) for a in f.actions)
            clauses.append(f"a.action IN ({','.join('?' * len(vals))})" if vals else "0")
            params.extend(vals)
        q = fts_query(f.search)
        handle = self._held_handle(f.search)
        if q is not None and handle is not None:
            # The words, or a citizen's handle as the log's "Warga" column shows it.
            clauses.append(
                "(a.seq IN (SELECT rowid FROM activity_fts WHERE activity_fts MATCH ?) "
                "OR a.seq IN (SELECT seq FROM activity_personal WHERE citizen_handle IN (?, ?)))"
            )
            params.extend([q, handle, "@" + handle])
        elif q is not None:
            clauses.append("a.seq IN (SELECT rowid FROM activity_fts WHERE activity_fts MATCH ?)")
            params.append(q)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _held_handle(self, search: str | None) -> str | None:
        """The citizen handle the search names, if the log holds it (an indexed look-up)."""
        handle = citizen_handle_query(search)
        if handle is None:
            return None
        row = (
            self._conn()
            .execute(
                "SELECT 1 FROM activity_personal WHERE citizen_handle IN (?, ?) LIMIT 1",
                (handle, "@" + handle),
            )
            .fetchone()
        )
        return handle if row else None

    def _index_only(self, f: LogFilter) -> str | None:
        """The FTS query when the index alone answers `f` (not for a citizen's handle)."""
        q = _search_only(f)
        if q is not None and self._held_handle(f.search) is not None:
            return None
        return q

    def count(self, filters: LogFilter | None = None) -> int:
        """How many entries match (for the view's row count)."""
        f = filters or LogFilter()
        if f.is_empty:
            return self.head().seq  # seqs have no gaps: the head is the count
        q = self._index_only(f)
        if q is not None:  # the index alone answers: every indexed row is an entry
            sql, params = "SELECT count(*) FROM activity_fts WHERE activity_fts MATCH ?", [q]
        else:
            where, params = self._where(f)
            sql = f"SELECT count(*) FROM activity a{where}"  # noqa: S608
        return int(self._conn().execute(sql, params).fetchone()[0])

    def page(
        self,
        filters: LogFilter | None = None,
        offset: int = 0,
        limit: int = 200,
        *,
        newest_first: bool = True,
    ) -> list[ActivityEntry]:
        """One page of matching entries, newest first by default (for lazy loading)."""
        f = filters or LogFilter()
        order = "DESC" if newest_first else "ASC"
        q = self._index_only(f)
        if q is not None:
            # Walk the index in rowid order and stop at the page: no full match set is built.
            sql = (
                f"SELECT {_COLUMNS} FROM activity_fts f JOIN activity a ON a.seq = f.rowid "  # noqa: S608
                "LEFT JOIN activity_personal p ON p.seq = a.seq "
                f"WHERE activity_fts MATCH ? ORDER BY f.rowid {order} LIMIT ? OFFSET ?"
            )
            params: list[Any] = [q]
        else:
            where, params = self._where(f)
            sql = f"SELECT {_COLUMNS} {_FROM}{where} ORDER BY a.seq {order} LIMIT ? OFFSET ?"
        rows = self._conn().execute(sql, [*params, int(limit), int(offset)])
        return [entry_from_row(r) for r in rows]

    def get(self, seq: int) -> ActivityEntry | None:
        row = self._conn().execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.seq = ?", (seq,)).fetchone()
        return entry_from_row(row) if row else None

    def iter_entries(
        self, filters: LogFilter | None = None, *, batch: int = 2000
    ) -> Iterator[ActivityEntry]:
        """Matching entries in seq order, read in batches (for metrics and exports)."""
        for rows in self.iter_rows(filters, batch=batch):
            yield from (entry_from_row(r) for r in rows)

    def iter_rows(
        self,
        filters: LogFilter | None = None,
        *,
        max_seq: int | None = None,
        batch: int = 2000,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Matching entries as stored rows (`ROW_COLUMNS`), in seq order, up to `max_seq`,
        one list of at most `batch` rows at a time. For writers that decode only what they
        write (the CSV export); `entry_from_row` makes an `ActivityEntry` of a row."""
        where, params = self._where(filters or LogFilter())
        if max_seq is not None:
            where += (" AND " if where else " WHERE ") + "a.seq <= ?"
            params.append(int(max_seq))
        cur = self._conn().execute(
            f"SELECT {_COLUMNS} {_FROM}{where} ORDER BY a.seq",
            params,
        )
        while rows := cur.fetchmany(batch):
            yield rows


def verify_file(path: str | os.PathLike[str]) -> VerifyResult:
    """Verify the whole chain of a database file (for `humasdesk verify FILE`).

    Raises FileNotFoundError for a missing file and `DatabaseTooNew` for a newer schema."""
    from pathlib import Path

    from humasdesk.store.migrations import LATEST_VERSION, DatabaseTooNew

    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(str(p))
    factory = ConnectionFactory(path)
    with ActivityLog(factory) as log:
        version = int(log._conn().execute("PRAGMA user_version").fetchone()[0])
        if version > LATEST_VERSION:
            raise DatabaseTooNew(version, LATEST_VERSION, p)
        return log.verify()


__all__ = [
    "ROW_COLUMNS",
    "ActivityLog",
    "Checkpoint",
    "Head",
    "LogFilter",
    "entry_from_row",
    "fts_query",
    "verify_file",
]
