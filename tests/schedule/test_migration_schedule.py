"""The schedule migration rebuilds the outbox with its new states without losing a row, a
column added before it, or an index."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from humasdesk.store.database import connect
from humasdesk.store.migrations import MIGRATIONS, _m8_schedule, migrate, user_version


def test_outbox_rows_survive_and_take_the_new_states(tmp_path):
    path = tmp_path / "humasdesk.db"
    db = connect(path)
    before = MIGRATIONS[: MIGRATIONS.index(_m8_schedule)]
    migrate(db, path, before)
    db.conn.execute(
        "INSERT INTO outbox (slot, account_id, handle, state, kind, text, not_before, "
        "created_at, updated_at, repost_of, lease_owner) VALUES ('office', '1', 'HumasDemo', "
        "'sent', 'post', 'Teks lama', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', "
        "'2026-01-01T00:00:00.000Z', NULL, NULL)"
    )
    indexes = {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'")}  # fmt: skip
    migrate(db, path)
    assert user_version(db) == len(MIGRATIONS)
    (text, state, due) = db.conn.execute("SELECT text, state, due_at FROM outbox").fetchone()
    assert (text, state, due) == ("Teks lama", "sent", None)
    after = {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'")}  # fmt: skip
    assert indexes <= after and "outbox_due" in after
    db.conn.execute("UPDATE outbox SET state = 'scheduled'")
    db.conn.execute("UPDATE outbox SET state = 'missed'")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("UPDATE outbox SET state = 'lost'")
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert isinstance(db, Database)
    db.close()
