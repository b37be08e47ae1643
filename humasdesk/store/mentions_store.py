"""The mentions inbox in SQLite: citizens' posts that mention an account, and sync state.

A mention's author and text are personal data (UU 27/2022): this module never logs them;
log lines name post ids and counts only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from humasdesk.core.activity import format_ts, parse_ts
from humasdesk.core.models import Post, Slot
from humasdesk.store.database import ThreadStore, transaction


class MentionState(StrEnum):
    """Where a mention stands in the inbox (shown as is, in Bahasa Indonesia)."""

    NEW = "baru"
    READ = "dibaca"
    REPLIED = "dibalas"
    IGNORED = "diabaikan"


@dataclass(frozen=True)
class Mention:
    x_post_id: str
    slot: Slot
    account_id: str
    author_id: str | None
    author_username: str | None
    author_name: str | None
    text: str  # plain text: show it with Qt.TextFormat.PlainText
    created_at: datetime | None
    received_at: datetime
    state: MentionState
    is_complaint: bool
    replied_post_id: str | None
    first_reply_at: datetime | None
    handled_at: datetime | None

    def __repr__(self) -> str:  # no personal data in reprs (they end up in logs)
        return f"Mention(x_post_id={self.x_post_id!r}, state={self.state.value})"


_COLS = (
    "x_post_id, slot, account_id, author_id, author_username, author_name, text, created_at, "
    "received_at, state, is_complaint, replied_post_id, first_reply_at, handled_at"
)
# Newest first: by X's time, then by id length and id (snowflakes compare as numbers).
_ORDER = "ORDER BY created_at DESC, length(x_post_id) DESC, x_post_id DESC"


def _dt(value: str | None) -> datetime | None:
    return None if value is None else parse_ts(value)


def _mention(row: Sequence[Any]) -> Mention:
    return Mention(
        x_post_id=row[0],
        slot=Slot(row[1]),
        account_id=row[2],
        author_id=row[3],
        author_username=row[4],
        author_name=row[5],
        text=row[6],
        created_at=_dt(row[7]),
        received_at=parse_ts(row[8]),
        state=MentionState(row[9]),
        is_complaint=bool(row[10]),
        replied_post_id=row[11],
        first_reply_at=_dt(row[12]),
        handled_at=_dt(row[13]),
    )


class MentionsStore(ThreadStore):
    """Mentions per account, newest first, and each account's ``since_id``."""

    def add_new(
        self, slot: Slot, account_id: str, posts: Iterable[Post], now: datetime
    ) -> list[Mention]:
        """Store mentions not seen before (state ``baru``); return only the new ones."""
        conn = self._conn()
        added: list[str] = []
        with transaction(conn):
            for p in posts:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO mentions (x_post_id, slot, account_id, author_id, "
                    "author_username, author_name, text, created_at, received_at, state) "
                    "VALUES (?,?,?,?,?,?,?,?,?,'baru')",
                    (
                        p.id, str(slot), account_id, p.author_id or None, p.author_username,
                        p.author_name, p.text,
                        None if p.created_at is None else format_ts(p.created_at),
                        format_ts(now),
                    ),
                )  # fmt: skip
                if cur.rowcount == 1:
                    added.append(p.id)
        return [m for m in (self.get(i) for i in added) if m is not None]

    def remove_authored_by(self, account_id: str, author_ids: Iterable[str]) -> int:
        """Drop inbox rows of `account_id` written by these authors (the desk's own
        accounts, stored before the desk knew them as its own). Returns how many."""
        ids = sorted(set(author_ids))
        if not ids:
            return 0
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                f"DELETE FROM mentions WHERE account_id = ? AND author_id IN "  # noqa: S608
                f"({','.join('?' * len(ids))})",
                [account_id, *ids],
            )
        return cur.rowcount

    def get(self, x_post_id: str) -> Mention | None:
        row = (
            self._conn()
            .execute(
                f"SELECT {_COLS} FROM mentions WHERE x_post_id = ?",  # noqa: S608
                (x_post_id,),
            )
            .fetchone()
        )
        return None if row is None else _mention(row)

    def mentions(
        self,
        account_id: str,
        states: Iterable[MentionState] | None = None,
        *,
        complaints_only: bool = False,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Mention]:
        """The account's mentions, newest first."""
        sql = f"SELECT {_COLS} FROM mentions WHERE account_id = ?"  # noqa: S608
        args: list[Any] = [account_id]
        if states is not None:
            wanted = [MentionState(s).value for s in states]
            sql += f" AND state IN ({','.join('?' * len(wanted))})"
            args += wanted
        if complaints_only:
            sql += " AND is_complaint = 1"
        sql += f" {_ORDER} LIMIT ? OFFSET ?"
        args += [limit, offset]
        return [_mention(r) for r in self._conn().execute(sql, args)]

    def unread_count(self, account_id: str) -> int:
        row = (
            self._conn()
            .execute(
                "SELECT count(*) FROM mentions WHERE account_id = ? AND state = 'baru'",
                (account_id,),
            )
            .fetchone()
        )
        return int(row[0])

    def count(self, account_id: str) -> int:
        row = (
            self._conn()
            .execute("SELECT count(*) FROM mentions WHERE account_id = ?", (account_id,))
            .fetchone()
        )
        return int(row[0])

    def set_state(self, x_post_id: str, state: MentionState) -> Mention | None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE mentions SET state = ? WHERE x_post_id = ?",
                (MentionState(state).value, x_post_id),
            )
        return self.get(x_post_id)

    def set_handled(self, x_post_id: str, now: datetime) -> Mention | None:
        """Record that the matter was handled (first time only); an unread one becomes read."""
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE mentions SET handled_at = IFNULL(handled_at, ?), "
                "state = CASE WHEN state = 'baru' THEN 'dibaca' ELSE state END "
                "WHERE x_post_id = ?",
                (format_ts(now), x_post_id),
            )
        return self.get(x_post_id)

    def set_complaint(self, x_post_id: str, is_complaint: bool) -> Mention | None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "UPDATE mentions SET is_complaint = ? WHERE x_post_id = ?",
                (int(is_complaint), x_post_id),
            )
        return self.get(x_post_id)

    def mark_replied(self, x_post_id: str, reply_post_id: str | None, at: datetime) -> bool:
        """The account answered this mention: ``dibalas``; the first reply's time is kept."""
        conn = self._conn()
        with transaction(conn):
            cur = conn.execute(
                "UPDATE mentions SET state = 'dibalas', "
                "replied_post_id = IFNULL(replied_post_id, ?), "
                "first_reply_at = IFNULL(first_reply_at, ?) WHERE x_post_id = ?",
                (reply_post_id, format_ts(at), x_post_id),
            )
        return cur.rowcount == 1

    # --- sync state ---------------------------------------------------------------------------

    def newest_id(self, account_id: str) -> str | None:
        row = (
            self._conn()
            .execute("SELECT newest_id FROM mention_sync WHERE account_id = ?", (account_id,))
            .fetchone()
        )
        return row[0] if row else None

    def set_newest_id(
        self, slot: Slot, account_id: str, newest_id: str | None, now: datetime
    ) -> None:
        conn = self._conn()
        with transaction(conn):
            conn.execute(
                "INSERT INTO mention_sync (account_id, slot, newest_id, synced_at) "
                "VALUES (?,?,?,?) ON CONFLICT (account_id) DO UPDATE SET "
                "slot = excluded.slot, newest_id = IFNULL(excluded.newest_id, newest_id), "
                "synced_at = excluded.synced_at",
                (account_id, str(slot), newest_id, format_ts(now)),
            )
