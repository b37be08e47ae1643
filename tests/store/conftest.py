"""Fixtures for the store tests: a real SQLite file under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from humasdesk.store import ActivityLog, ConnectionFactory, open_database


class FakeClock:
    """A clock that moves forward one second per reading."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2024, 3, 1, 8, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "humasdesk.db"
    db = open_database(path, synchronous="NORMAL")
    db.close()
    return path


@pytest.fixture
def log(db_path: Path) -> Iterator[ActivityLog]:
    with ActivityLog(
        ConnectionFactory(db_path, synchronous="NORMAL"), clock=FakeClock()
    ) as activity_log:
        yield activity_log


def raw(db_path: Path):
    """A plain sqlite3 connection, as someone tampering with the file would use."""
    import sqlite3

    return sqlite3.connect(str(db_path), isolation_level=None)


def drop_guards(conn) -> None:
    """What an attacker does first: remove the append-only triggers."""
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE '%fts%'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')


def edit_entry(conn, seq: int, *, rehash: bool = False, **fields) -> None:
    """Rewrite fields of one chained entry in canonical form, as a knowledgeable attacker
    would (triggers must be dropped first). With `rehash`, its hash is recomputed too."""
    import hashlib
    import json

    canonical, prev = conn.execute(
        "SELECT canonical, prev_hash FROM activity WHERE seq = ?", (seq,)
    ).fetchone()
    obj = json.loads(canonical)
    obj.update(fields)
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    conn.execute("UPDATE activity SET canonical = ? WHERE seq = ?", (text, seq))
    if rehash:
        h = hashlib.sha256((prev + text).encode()).hexdigest()
        conn.execute("UPDATE activity SET hash = ? WHERE seq = ?", (h, seq))


def rehash_from(conn, seq: int) -> None:
    """An attacker who knows the format recomputes every link from `seq` to the head."""
    import hashlib

    prev = conn.execute("SELECT hash FROM activity WHERE seq = ?", (seq - 1,)).fetchone()[0]
    rows = conn.execute(
        "SELECT seq, canonical FROM activity WHERE seq >= ? ORDER BY seq", (seq,)
    ).fetchall()
    for s, canonical in rows:
        h = hashlib.sha256((prev + canonical).encode()).hexdigest()
        conn.execute("UPDATE activity SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, s))
        prev = h
