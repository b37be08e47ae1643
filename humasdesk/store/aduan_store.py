"""The complaint register in SQLite: cases, reply templates per pane, keyword suggestions.

A case names its citizen by pseudonym only; the citizen's handle and words stay in the
inbox (`mentions`) and the log's erasable fields. Log lines name case ids and counts only.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from humasdesk.core.activity import format_ts, parse_ts
from humasdesk.core.aduan import Case, CaseStatus, ComplaintClass
from humasdesk.core.models import Slot
from humasdesk.core.templates import Template
from humasdesk.store.database import ThreadStore, transaction

logger = logging.getLogger(__name__)

_COLS = (
    "id, slot, account_id, mention_id, pseudonym, category, category_suggested, status, "
    "reject_reason, received_at, opened_at, first_response_at, closed_at, forwarded_at, "
    "lapor_id, mention_deleted, citizen_erased_at, post_ids"
)


def _dt(value: str | None) -> datetime | None:
    return None if value is None else parse_ts(value)


def _case(row: Sequence[Any]) -> Case:
    return Case(
        id=row[0],
        slot=Slot(row[1]),
        account_id=row[2],
        mention_id=row[3],
        pseudonym=row[4],
        category=ComplaintClass(row[5]),
        category_suggested=bool(row[6]),
        status=CaseStatus(row[7]),
        reject_reason=row[8],
        received_at=parse_ts(row[9]),
        opened_at=parse_ts(row[10]),
        first_response_at=_dt(row[11]),
        closed_at=_dt(row[12]),
        forwarded_at=_dt(row[13]),
        lapor_id=row[14],
        mention_deleted=bool(row[15]),
        citizen_erased_at=_dt(row[16]),
        post_ids=tuple(json.loads(row[17] or "[]")),
    )


@dataclass(frozen=True)
class TaggedMention:
    """A mention tagged "aduan" that has no case yet (what opening one needs)."""

    x_post_id: str
    slot: Slot
    account_id: str
    author: str | None
    created_at: datetime | None
    received_at: datetime
    first_reply_at: datetime | None
    replied_post_id: str | None


@dataclass(frozen=True)
class StoredSuggestion:
    mention_id: str
    account_id: str
    category: ComplaintClass
    found: tuple[str, ...]
    state: str
    created_at: datetime


class AduanStore(ThreadStore):
    """Cases (by id), templates (per slot) and suggestions (per mention)."""

    # -- the pseudonym key -------------------------------------------------------------------

    def pseudonym_key(self) -> bytes:
        """The register's own random key for citizens' pseudonyms (made once, kept)."""
        conn = self._conn()
        row = conn.execute("SELECT value FROM aduan_meta WHERE key = 'pseudonym_key'").fetchone()
        if row:
            return bytes.fromhex(row[0])
        with transaction(conn):
            conn.execute(
                "INSERT OR IGNORE INTO aduan_meta (key, value) VALUES ('pseudonym_key', ?)",
                (os.urandom(32).hex(),),
            )
        row = conn.execute("SELECT value FROM aduan_meta WHERE key = 'pseudonym_key'").fetchone()
        return bytes.fromhex(row[0])

    # -- cases -----------------------------------------------------------------------------

    def tagged_without_case(self) -> list[TaggedMention]:
        rows = self._conn().execute(
            "SELECT x_post_id, slot, account_id, author_username, created_at, received_at, "
            "first_reply_at, replied_post_id FROM mentions WHERE is_complaint = 1 AND "
            "x_post_id NOT IN (SELECT mention_id FROM aduan_cases) ORDER BY received_at"
        )
        return [
            TaggedMention(r[0], Slot(r[1]), r[2], r[3], _dt(r[4]), parse_ts(r[5]), _dt(r[6]), r[7])
            for r in rows
        ]

    def mention_for(self, x_post_id: str) -> TaggedMention | None:
        row = (
            self._conn()
            .execute(
                "SELECT x_post_id, slot, account_id, author_username, created_at, received_at, "
                "first_reply_at, replied_post_id FROM mentions WHERE x_post_id = ?",
                (x_post_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return TaggedMention(
            row[0], Slot(row[1]), row[2], row[3], _dt(row[4]), parse_ts(row[5]), _dt(row[6]),
            row[7],
        )  # fmt: skip

    def mention_text(self, x_post_id: str) -> str | None:
        """The citizen's words (for the forwarding sheet; None once erased or unknown)."""
        row = (
            self._conn()
            .execute("SELECT text FROM mentions WHERE x_post_id = ?", (x_post_id,))
            .fetchone()
        )
        return row[0] if row and row[0] else None

    def insert_case(
        self,
        *,
        slot: Slot,
        account_id: str,
        mention_id: str,
        pseudonym: str,
        category: ComplaintClass,
        suggested: bool,
        received_at: datetime,
        now: datetime,
        first_response_at: datetime | None,
        post_ids: Sequence[str],
    ) -> Case | None:
        """A new case in status *diterima* (*dibalas* when the mention was answered
        already); None when the mention has one (never two cases for one mention)."""
        status = CaseStatus.REPLIED if first_response_at else CaseStatus.RECEIVED
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "INSERT OR IGNORE INTO aduan_cases (slot, account_id, mention_id, pseudonym, "
                "category, category_suggested, status, received_at, opened_at, "
                "first_response_at, post_ids, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    slot.value, account_id, mention_id, pseudonym, category.value, int(suggested),
                    status.value, format_ts(received_at), format_ts(now),
                    None if first_response_at is None else format_ts(first_response_at),
                    json.dumps(list(post_ids)), format_ts(now),
                ),
            )  # fmt: skip
            if cur.rowcount != 1:
                return None
            case_id = cur.lastrowid
        assert case_id is not None
        return self.get(case_id)

    def get(self, case_id: int) -> Case | None:
        row = (
            self._conn()
            .execute(f"SELECT {_COLS} FROM aduan_cases WHERE id = ?", (case_id,))  # noqa: S608
            .fetchone()
        )
        return None if row is None else _case(row)

    def by_mention(self, mention_id: str) -> Case | None:
        row = (
            self._conn()
            .execute(
                f"SELECT {_COLS} FROM aduan_cases WHERE mention_id = ?",  # noqa: S608
                (mention_id,),
            )
            .fetchone()
        )
        return None if row is None else _case(row)

    def cases(self, account_id: str | None = None, *, open_only: bool = False) -> list[Case]:
        sql = f"SELECT {_COLS} FROM aduan_cases"  # noqa: S608
        where, args = [], []
        if account_id is not None:
            where.append("account_id = ?")
            args.append(account_id)
        if open_only:
            where.append("status NOT IN ('closed', 'rejected')")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_case(r) for r in self._conn().execute(sql + " ORDER BY id", args)]

    def update(self, case_id: int, now: datetime, **fields: Any) -> Case | None:
        """Set these columns (values as the dataclass holds them) on one case."""
        cols, args = [], []
        for name, value in fields.items():
            if isinstance(value, datetime):
                value = format_ts(value)
            elif isinstance(value, (ComplaintClass, CaseStatus)):
                value = value.value
            elif isinstance(value, bool):
                value = int(value)
            elif isinstance(value, tuple):
                value = json.dumps(list(value))
            cols.append(f"{name} = ?")
            args.append(value)
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                f"UPDATE aduan_cases SET {', '.join(cols)}, updated_at = ? WHERE id = ?",  # noqa: S608
                [*args, format_ts(now), case_id],
            )
        return self.get(case_id)

    def take_first_reply(
        self, case_id: int, at: datetime, reply_id: str | None, now: datetime
    ) -> CaseStatus | None:
        """Record the first reply once (a second process or worker doing the same finds it
        done): *diterima* becomes *dibalas*. Returns the status before, or None when the
        reply was recorded already."""
        conn = self._conn()
        with transaction(conn):  # BEGIN IMMEDIATE: read and write as one
            row = conn.execute(
                "SELECT status, post_ids FROM aduan_cases WHERE id = ? "
                "AND first_response_at IS NULL",
                (case_id,),
            ).fetchone()
            if row is None:
                return None
            posts = json.loads(row[1] or "[]")
            if reply_id and reply_id not in posts:
                posts.append(reply_id)
            conn.execute(
                "UPDATE aduan_cases SET first_response_at = ?, post_ids = ?, updated_at = ?, "
                "status = CASE WHEN status = 'received' THEN 'replied' ELSE status END "
                "WHERE id = ?",
                (format_ts(at), json.dumps(posts), format_ts(now), case_id),
            )
        return CaseStatus(row[0])

    def first_replies(self) -> list[tuple[int, datetime, str | None]]:
        """Open cases whose mention was answered since: (case id, first reply, reply id)."""
        rows = self._conn().execute(
            "SELECT c.id, m.first_reply_at, m.replied_post_id FROM aduan_cases c "
            "JOIN mentions m ON m.x_post_id = c.mention_id "
            "WHERE c.first_response_at IS NULL AND m.first_reply_at IS NOT NULL"
        )
        return [(r[0], parse_ts(r[1]), r[2]) for r in rows]

    def conversation_posts(self, case: Case) -> tuple[str, ...]:
        """The posts of the case's conversation the log knows: the account's replies to
        the mention, in order (the mention itself is `case.mention_id`)."""
        rows = self._conn().execute(
            "SELECT x_post_id FROM activity WHERE in_reply_to = ? AND account_id = ? "
            "AND action IN ('reply_sent', 'post_sent') AND x_post_id IS NOT NULL ORDER BY seq",
            (case.mention_id, case.account_id),
        )
        return tuple(r[0] for r in rows)

    # -- templates -----------------------------------------------------------------------------

    def templates(self, slot: Slot, starters: Iterable[Template] = ()) -> list[Template]:
        """The pane's templates in their order; the first read seeds `starters`."""
        conn = self._conn()
        seeded = conn.execute(
            "SELECT 1 FROM aduan_template_seeded WHERE slot = ?", (slot.value,)
        ).fetchone()
        if not seeded:
            with transaction(conn):
                conn.execute(
                    "INSERT OR IGNORE INTO aduan_template_seeded (slot) VALUES (?)", (slot.value,)
                )
                for i, t in enumerate(starters):
                    conn.execute(
                        "INSERT OR IGNORE INTO aduan_templates (slot, name, body, position) "
                        "VALUES (?,?,?,?)",
                        (slot.value, t.name, t.body, i),
                    )
        rows = conn.execute(
            "SELECT name, body FROM aduan_templates WHERE slot = ? ORDER BY position, id",
            (slot.value,),
        )
        return [Template(r[0], r[1]) for r in rows]

    def save_template(self, slot: Slot, template: Template, old_name: str | None = None) -> None:
        conn = self._conn()
        with transaction(conn):
            if old_name is not None and old_name != template.name:
                conn.execute(
                    "UPDATE aduan_templates SET name = ?, body = ? WHERE slot = ? AND name = ?",
                    (template.name, template.body, slot.value, old_name),
                )
                return
            conn.execute(
                "INSERT INTO aduan_templates (slot, name, body, position) VALUES (?,?,?, "
                "(SELECT IFNULL(MAX(position), 0) + 1 FROM aduan_templates WHERE slot = ?)) "
                "ON CONFLICT (slot, name) DO UPDATE SET body = excluded.body",
                (slot.value, template.name, template.body, slot.value),
            )

    def delete_template(self, slot: Slot, name: str) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "DELETE FROM aduan_templates WHERE slot = ? AND name = ?", (slot.value, name)
            )

    # -- suggestions ---------------------------------------------------------------------------

    def add_suggestion(
        self, mention_id: str, account_id: str, category: ComplaintClass,
        found: Sequence[str], now: datetime,
    ) -> bool:  # fmt: skip
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "INSERT OR IGNORE INTO aduan_suggestions (mention_id, account_id, category, "
                "found, created_at) VALUES (?,?,?,?,?)",
                (mention_id, account_id, category.value, json.dumps(list(found)), format_ts(now)),
            )
        return cur.rowcount == 1

    def suggestions(self, account_id: str, state: str = "open") -> list[StoredSuggestion]:
        rows = self._conn().execute(
            "SELECT s.mention_id, s.account_id, s.category, s.found, s.state, s.created_at "
            "FROM aduan_suggestions s JOIN mentions m ON m.x_post_id = s.mention_id "
            "WHERE s.account_id = ? AND s.state = ? AND m.is_complaint = 0 "
            "ORDER BY s.created_at DESC",
            (account_id, state),
        )
        return [
            StoredSuggestion(r[0], r[1], ComplaintClass(r[2]), tuple(json.loads(r[3])), r[4],
                             parse_ts(r[5]))
            for r in rows
        ]  # fmt: skip

    def suggestion(self, mention_id: str) -> StoredSuggestion | None:
        row = (
            self._conn()
            .execute(
                "SELECT mention_id, account_id, category, found, state, created_at "
                "FROM aduan_suggestions WHERE mention_id = ?",
                (mention_id,),
            )
            .fetchone()
        )
        if row is None:
            return None
        return StoredSuggestion(row[0], row[1], ComplaintClass(row[2]),
                                tuple(json.loads(row[3])), row[4], parse_ts(row[5]))  # fmt: skip

    def decide_suggestion(self, mention_id: str, state: str) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE aduan_suggestions SET state = ? WHERE mention_id = ?", (state, mention_id)
            )
