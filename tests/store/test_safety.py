"""Start-up with a damaged database or an unwritable data folder: nothing is lost,
and the official is told what happened and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.database import open_database
from humasdesk.store.safety import DatabaseUnusable, Unusable, open_checked


def _log_with_entries(path, n=3):
    db = open_database(path)
    log = ActivityLog(db)
    for i in range(n):
        log.append("post_sent", slot="office", account_id="1", handle="HumasDemo", text=f"p{i}")
    db.close()


def test_healthy_database_is_opened_in_place(tmp_path):
    path = tmp_path / "humasdesk.db"
    _log_with_entries(path)
    report = open_checked(path)
    assert report.moved_aside is None
    assert ActivityLog(open_database(path)).verify().checked == 3


def test_garbage_file_is_moved_aside_not_deleted_and_a_new_database_starts(tmp_path):
    path = tmp_path / "humasdesk.db"
    garbage = b"this is not sqlite at all" * 100
    path.write_bytes(garbage)
    report = open_checked(path)
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == garbage
    assert report.moved_aside.parent == tmp_path
    db = open_database(path)
    assert ActivityLog(db).verify().ok
    db.close()


def test_damaged_pages_are_detected_and_the_file_kept(tmp_path):
    path = tmp_path / "humasdesk.db"
    _log_with_entries(path, n=300)
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(raw))
    report = open_checked(path)
    assert report.moved_aside is not None
    assert report.moved_aside.stat().st_size == len(raw)
    assert report.problems


def test_unwritable_data_folder_is_a_clear_error():
    """/proc refuses new files even for root: a real unwritable place, not a mock."""
    with pytest.raises(DatabaseUnusable) as caught:
        open_checked(Path("/proc/humasdesk-test/humasdesk.db"))
    assert caught.value.reason is Unusable.READ_ONLY


def test_full_disk_is_a_clear_error(tmp_path, monkeypatch):
    import humasdesk.store.safety as safety

    def full(path):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(safety, "open_database", full)
    with pytest.raises(DatabaseUnusable) as caught:
        open_checked(tmp_path / "humasdesk.db")
    assert caught.value.reason is Unusable.NO_SPACE
