"""Opening the database and migrating it without losing the official's records."""

from __future__ import annotations

import sqlite3
import stat
import threading

import pytest

from humasdesk.store import (
    LATEST_VERSION,
    ActivityLog,
    ConnectionFactory,
    DatabaseTooNew,
    migrate,
    open_database,
    quick_check,
)
from humasdesk.store.migrations import MIGRATIONS, user_version


def test_fresh_database_is_private_and_configured(tmp_path):
    """Another user on the laptop must not read citizens' messages; WAL keeps the GUI
    responsive while a worker writes."""
    path = tmp_path / "data" / "humasdesk.db"
    db = open_database(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert user_version(db) == LATEST_VERSION
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert {"activity", "activity_personal", "verify_checkpoint"} <= set(db.table_names())
        assert quick_check(db).ok
    finally:
        db.close()
    assert not list(tmp_path.glob("data/*.bak-*"))  # nothing to back up on a fresh file
    again = open_database(path)  # reopening is a no-op
    assert user_version(again) == LATEST_VERSION
    again.close()


def test_backup_before_migrating_non_empty_database(tmp_path):
    """A migration that goes wrong must never cost the official her records: the file is
    copied first, with everything in it."""
    path = tmp_path / "humasdesk.db"
    db = open_database(path)
    ActivityLog(db).append("post_sent", text="Sebelum migrasi")

    def add_column(d) -> None:
        d.conn.execute("ALTER TABLE verify_checkpoint ADD COLUMN note TEXT")

    report = migrate(db, path, (*MIGRATIONS, add_column))
    assert (report.from_version, report.to_version) == (LATEST_VERSION, LATEST_VERSION + 1)
    assert report.backup == tmp_path / f"humasdesk.db.bak-v{LATEST_VERSION}"
    assert stat.S_IMODE(report.backup.stat().st_mode) == 0o600
    assert user_version(db) == LATEST_VERSION + 1
    db.close()
    old = sqlite3.connect(str(report.backup))
    assert old.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert old.execute("SELECT text FROM activity").fetchall() == [("Sebelum migrasi",)]
    old.close()


def test_failed_migration_leaves_previous_version(tmp_path):
    """A half-applied migration would leave a database no version can open."""
    path = tmp_path / "humasdesk.db"
    db = open_database(path)

    def broken(d) -> None:
        d.conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        migrate(db, path, (*MIGRATIONS, broken))
    assert user_version(db) == LATEST_VERSION
    assert "half_done" not in db.table_names()
    db.close()


def test_newer_database_refused(tmp_path):
    """Opening a database from a newer HumasDesk could corrupt it: refuse, say why, change
    nothing."""
    path = tmp_path / "humasdesk.db"
    open_database(path).close()
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    with pytest.raises(DatabaseTooNew) as info:
        open_database(path)
    assert info.value.db_version == 42 and info.value.known_version == LATEST_VERSION
    assert "42" in str(info.value) and str(LATEST_VERSION) in str(info.value)
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 42
    conn.close()


def test_connection_factory_gives_each_thread_a_configured_connection(tmp_path):
    """sqlite3 connections are thread-bound; a worker must get its own, set up the same way."""
    path = tmp_path / "humasdesk.db"
    open_database(path).close()
    factory = ConnectionFactory(path)
    seen: list[tuple[int, int]] = []

    def work() -> None:
        db = factory.connect()
        try:
            seen.append(
                (
                    db.conn.execute("PRAGMA foreign_keys").fetchone()[0],
                    db.conn.execute("PRAGMA user_version").fetchone()[0],
                )
            )
        finally:
            db.close()

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [(1, LATEST_VERSION)]
