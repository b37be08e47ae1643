"""The activity log: append-only, hash-chained, tamper-evident, erasable personal fields."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from humasdesk.core.activity import (
    Action,
    ActivityEntry,
    NewEntry,
)
from humasdesk.core.models import Slot
from humasdesk.store import ActivityLog, ConnectionFactory, LogFilter
from humasdesk.store.activity_log import verify_file

from .conftest import FakeClock, drop_guards, edit_entry, raw, rehash_from


def _fill(log: ActivityLog, n: int = 10) -> list[ActivityEntry]:
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(
                log.append(
                    Action.MENTION_RECEIVED,
                    slot=Slot.OFFICE,
                    account_id="100",
                    handle="humas_kota",
                    x_post_id=f"m{i}",
                    citizen_handle=f"@warga{i}",
                    citizen_text=f"Laporan jalan rusak nomor {i}",
                )
            )
        else:
            out.append(
                log.append(
                    Action.POST_SENT,
                    slot=Slot.OFFICE,
                    account_id="100",
                    handle="humas_kota",
                    x_post_id=f"p{i}",
                    text=f"Pengumuman {i}",
                )
            )
    return out


def test_append_and_verify_round_trip(log):
    """Each desk action must be stored as given and the chain must verify, or the official
    gets a false tampering alarm on every start."""
    entries = _fill(log, 7)
    assert [e.seq for e in entries] == list(range(1, 8))
    assert entries[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    for e in entries:
        stored = log.get(e.seq)
        assert stored == e
        assert stored.problem() is None
    result = log.verify()
    assert result.ok and result.checked == 7 and result.head_seq == 7
    assert log.head().seq == 7 and log.head().hash == entries[-1].hash


def test_empty_log_verifies(log):
    """A fresh install must not start with a warning."""
    result = log.check_at_startup()
    assert result.ok and result.checked == 0 and result.head_seq == 0
    assert log.head().seq == 0 and log.count() == 0


def test_update_and_delete_refused(log, db_path):
    """If the desk (or anyone with the file) could edit the log, it would prove nothing."""
    _fill(log, 3)
    conn = raw(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE activity SET canonical = canonical || ' ' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE activity SET hash = prev_hash WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM activity WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        conn.execute(
            "INSERT INTO activity (seq, canonical, prev_hash, hash) VALUES (9, '{}', 'x', 'y')"
        )
    conn.close()
    assert log.verify().ok


def test_edited_text_names_its_seq(log, db_path):
    """A post text edited in the file (triggers dropped) must be named, so the official can
    tell a supervisor exactly which record is wrong."""
    _fill(log, 10)
    conn = raw(db_path)
    drop_guards(conn)
    edit_entry(conn, 5, text="Pengumuman palsu")
    conn.close()
    result = log.verify()
    assert not result.ok
    assert result.first_bad_seq == 5
    assert result.checked == 4
    assert "hash" in result.reason


def test_changed_hash_is_caught(log, db_path):
    """A replaced hash value is named at its own seq."""
    _fill(log, 10)
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("UPDATE activity SET hash = ? WHERE seq = 6", ("f" * 64,))
    conn.close()
    assert log.verify().first_bad_seq == 6


def test_reformatted_details_are_caught(log, db_path):
    """Any byte changed in a chained row, even a harmless-looking one, is tampering."""
    log.append(Action.EXPORT_MADE, details={"format": "csv", "rows": 3})
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("UPDATE activity SET canonical = replace(canonical, '\"rows\":3', '\"rows\": 3')")
    assert '"rows": 3' in conn.execute("SELECT canonical FROM activity").fetchone()[0]
    conn.close()
    assert log.verify().first_bad_seq == 1


def test_deleted_row_names_the_missing_seq(log, db_path):
    """A deleted post record must be noticed and named, not silently skipped."""
    _fill(log, 10)
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("DELETE FROM activity WHERE seq = 4")
    conn.close()
    result = log.verify()
    assert result.first_bad_seq == 4 and result.reason == "entry missing"


def test_deleted_first_row_is_caught(log, db_path):
    """Cutting the beginning of the log off must not look like a shorter honest log."""
    _fill(log, 4)
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("DELETE FROM activity WHERE seq = 1")
    conn.close()
    assert log.verify().first_bad_seq == 1


def test_forged_replacement_row_is_caught(log, db_path):
    """A row swapped for a forged one with a correctly computed hash is still caught: the
    next entry committed to the original."""
    _fill(log, 8)
    conn = raw(db_path)
    drop_guards(conn)
    edit_entry(conn, 5, text="Pengumuman yang tidak pernah ada", rehash=True)
    conn.close()
    result = log.verify()
    assert result.first_bad_seq == 5
    assert "entry 6" in result.reason


def test_forged_row_inserted_at_the_end_is_caught(log, db_path):
    """A row added behind the desk's back (not linked to the head) is named."""
    _fill(log, 5)
    conn = raw(db_path)
    drop_guards(conn)
    forged = log.get(5).canonical_bytes().decode().replace('"seq":5', '"seq":6')
    for seq in (6, 9):
        conn.execute(
            "INSERT INTO activity (seq, canonical, prev_hash, hash) VALUES (?, ?, ?, ?)",
            (seq, forged, "a" * 64, "b" * 64),
        )
    conn.close()
    assert log.verify().first_bad_seq == 6


def test_threads_keep_the_chain_linear(db_path):
    """Both account workers append at once; the chain must not fork or skip a seq."""
    factory = ConnectionFactory(db_path, synchronous="NORMAL")
    log = ActivityLog(factory)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(200):
                log.append(
                    Action.POST_SENT,
                    slot=Slot.OFFICE if n % 2 else Slot.PERSONAL,
                    account_id=str(n),
                    text=f"utas {n}-{i}",
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        seqs = [r[0] for r in log._conn().execute("SELECT seq FROM activity ORDER BY seq")]
        assert seqs == list(range(1, 801))
        result = log.verify()
        assert result.ok and result.checked == 800
    finally:
        log.close()


# -- personal data --------------------------------------------------------------------


def test_same_handle_gets_different_digests(log):
    """Equal digests would let anyone link a citizen's mentions after erasure."""
    a = log.append(Action.MENTION_RECEIVED, account_id="1", citizen_handle="@budi")
    b = log.append(Action.MENTION_RECEIVED, account_id="1", citizen_handle="@budi")
    assert a.citizen_handle_digest != b.citizen_handle_digest
    assert a.personal_salt != b.personal_salt
    assert a.citizen_text_digest is None


def test_erasure_keeps_chain_and_removes_values(log, db_path):
    """Erasing a citizen's data (UU 27/2022) must not make the log look tampered, and the
    words must really be gone: from the table, the salt and the search index."""
    _fill(log, 10)  # mentions at seq 1, 4, 7, 10
    assert log.count(LogFilter(search="jalan rusak")) == 4
    assert log.seqs_for_citizen("@warga3") == [4]
    erased = log.erase_personal([4, 7, 5, 99], "permintaan subjek data")
    assert erased == 2  # 5 has no personal fields, 99 does not exist

    for seq in (4, 7):
        e = log.get(seq)
        assert e.citizen_handle is None and e.citizen_text is None
        assert e.personal_salt is None and e.erased_at is not None
        assert e.citizen_handle_digest is not None  # still committed in the chain
    conn = raw(db_path)
    row = conn.execute("SELECT * FROM activity_personal WHERE seq = 4").fetchone()
    conn.close()
    assert row[1:4] == (None, None, None)
    assert log.count(LogFilter(search="jalan rusak")) == 2
    assert log.count(LogFilter(search="nomor 3")) == 0
    assert log.seqs_for_citizen("@warga3") == []

    last = log.page(limit=1)[0]
    assert last.action is Action.PERSONAL_DATA_ERASED
    assert last.details == {
        "data_class": "citizen_handle+citizen_text",
        "count": 2,
        "reason": "permintaan subjek data",
        "seq_ranges": [[4, 4], [7, 7]],
    }
    assert "warga" not in str(last) and "rusak" not in str(last)
    assert log.verify().ok
    assert log.erase_personal([4], "lagi") == 0  # nothing left: no second entry
    assert log.head().seq == 11


def test_personal_values_cannot_be_changed_or_restored(log, db_path):
    """Erasure is one-way: nobody may rewrite what a citizen said or bring it back."""
    _fill(log, 4)
    log.erase_personal([4], "retensi")
    conn = raw(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="only be erased"):
        conn.execute("UPDATE activity_personal SET citizen_text = 'lain' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="only be erased"):
        conn.execute(
            "UPDATE activity_personal SET citizen_handle = '@warga3', erased_at = erased_at "
            "WHERE seq = 4"
        )
    with pytest.raises(sqlite3.IntegrityError, match="only be erased"):
        conn.execute("UPDATE activity_personal SET citizen_text = NULL WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="not deleted"):
        conn.execute("DELETE FROM activity_personal WHERE seq = 1")
    conn.close()
    assert log.verify().ok


def test_tampered_personal_fields_are_named(log, db_path):
    """A mention's text rewritten, or silently dropped, behind the triggers is caught."""
    _fill(log, 10)
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("UPDATE activity_personal SET citizen_text = 'teks lain' WHERE seq = 7")
    conn.close()
    result = log.verify()
    assert result.first_bad_seq == 7 and "digest" in result.reason

    conn = raw(db_path)
    conn.execute("UPDATE activity_personal SET citizen_text = NULL WHERE seq = 4")
    conn.close()
    result = log.verify()
    assert result.first_bad_seq == 4 and "erasure" in result.reason


# -- checkpoint and start-up ----------------------------------------------------------


def test_incremental_verify_uses_checkpoint(log):
    """Start-up must not re-hash a million entries every morning."""
    _fill(log, 10)
    first = log.verify_incremental()
    assert first.ok and first.checked == 10
    assert log.checkpoint().seq == 10
    _fill(log, 3)
    second = log.verify_incremental()
    assert second.ok and second.checked == 3 and second.from_seq == 11
    assert log.checkpoint().seq == 13
    assert log.verify_incremental().checked == 0


def test_rewrite_before_checkpoint_is_caught(log, db_path):
    """An attacker who rewrites an old entry and re-hashes everything after it makes a
    self-consistent chain; the checkpoint still gives it away."""
    _fill(log, 10)
    assert log.verify_incremental().ok
    conn = raw(db_path)
    drop_guards(conn)
    edit_entry(conn, 3, text="Pengumuman versi baru")
    rehash_from(conn, 3)
    conn.close()
    assert log.verify().ok  # the chain alone cannot tell
    result = log.verify_incremental()
    assert not result.ok and result.first_bad_seq == 10
    assert "checkpoint" in result.reason
    assert log.checkpoint().seq == 10  # not moved past a break


def test_cut_tail_is_caught_by_checkpoint(log, db_path):
    """Deleting the newest entries leaves a valid shorter chain; the checkpoint remembers."""
    _fill(log, 10)
    assert log.verify_incremental().ok
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("DELETE FROM activity WHERE seq > 7")
    conn.close()
    result = log.verify_incremental()
    assert not result.ok and result.first_bad_seq == 8


def test_startup_check_logs_break_once_and_keeps_warning(log, db_path):
    """A break must be shown on every start (persistent) but logged only once."""
    _fill(log, 6)
    conn = raw(db_path)
    drop_guards(conn)
    edit_entry(conn, 2, text="diubah")
    conn.close()
    first = log.check_at_startup()
    assert not first.ok and first.first_bad_seq == 2
    breaks = log.page(LogFilter(actions=frozenset({Action.CHAIN_BREAK_DETECTED})))
    assert len(breaks) == 1
    assert breaks[0].details["first_bad_seq"] == 2
    again = log.check_at_startup()
    assert not again.ok and again.first_bad_seq == 2
    assert log.count(LogFilter(actions=frozenset({Action.CHAIN_BREAK_DETECTED}))) == 1


def test_verify_reports_progress_and_can_be_cancelled(log):
    """The progress dialog needs figures, and its Cancel button must work."""
    log.append_many(NewEntry(action=Action.POST_SENT, text=f"p{i}") for i in range(12_000))
    seen: list[tuple[int, int]] = []
    result = log.verify(progress=lambda done, total: seen.append((done, total)))
    assert result.ok and seen[-1] == (12_000, 12_000) and len(seen) >= 3
    calls = iter([False, True])
    cancelled = log.verify(cancel=lambda: next(calls))
    assert cancelled.cancelled and not cancelled.ok and cancelled.checked == 5000


def test_verify_file(db_path, log):
    """`humasdesk verify FILE` gets the same answer as the desk."""
    _fill(log, 3)
    assert verify_file(db_path).ok
    with pytest.raises(FileNotFoundError):
        verify_file(db_path.with_name("tidak-ada.db"))


# -- log view queries -----------------------------------------------------------------


def test_search_indonesian_text_and_hostile_input(log):
    """The official types what she remembers; FTS syntax in it must never crash the view."""
    log.append(
        Action.POST_SENT,
        slot=Slot.OFFICE,
        account_id="1",
        text="Jadwal vaksinasi di Puskesmas Cempaka",
    )
    log.append(
        Action.MENTION_RECEIVED,
        slot=Slot.OFFICE,
        account_id="1",
        x_post_id="m1",
        citizen_handle="@ibu_sri",
        citizen_text="Pelayanan di kelurahan lambat, saya sudah melaporkan AND menunggu (3 hari)",
    )
    log.append(
        Action.POST_SENT, slot=Slot.PERSONAL, account_id="2", text="Selamat Hari Kemerdekaan"
    )

    def found(q: str) -> list[int]:
        return [e.seq for e in log.page(LogFilter(search=q))]

    assert found("vaksinasi") == [1]
    assert found("puskesmas cempaka") == [1]
    assert found("lapor") == []  # prefix match, not infix
    assert found("melapor") == [2]
    assert found("kelurahan lambat") == [2]
    assert found("kemerdekaan") == [3]
    assert found("Kemerdékaan") == [3]  # diacritics folded
    for hostile in ['"', "*", "AND", "(", 'NEAR("a" "b")', "OR 1=1 --", "'; DROP TABLE", "^"]:
        found(hostile)
        log.count(LogFilter(search=hostile))
    assert found("AND") == [2]  # a word, not an operator
    assert found('"(3 hari)"') == [2]
    assert log.count(LogFilter(search='" * (')) == 3  # no words: no search filter


def test_filters_and_paging(log):
    """The log view pages lazily through filtered results without losing or repeating rows."""
    t0 = datetime(2024, 5, 1, tzinfo=UTC)
    log.append_many(
        NewEntry(
            action=Action.POST_SENT if i % 2 else Action.REPLY_SENT,
            slot=Slot.OFFICE if i % 3 else Slot.PERSONAL,
            account_id="1" if i % 3 else "2",
            text=f"teks {i} banjir" if i % 5 == 0 else f"teks {i}",
            ts=t0 + timedelta(hours=i),
        )
        for i in range(100)
    )
    assert log.count() == 100
    day2 = LogFilter(start=t0 + timedelta(days=1), end=t0 + timedelta(days=2))
    assert log.count(day2) == 24
    got = log.page(day2, 0, 100, newest_first=False)
    assert got[0].ts == t0 + timedelta(days=1)  # start inclusive
    assert got[-1].ts == t0 + timedelta(hours=47)  # end exclusive
    office_posts = LogFilter(slots=frozenset({Slot.OFFICE}), actions=frozenset({Action.POST_SENT}))
    expected = [i + 1 for i in range(100) if i % 3 and i % 2]
    assert log.count(office_posts) == len(expected)
    pages = [log.page(office_posts, off, 7, newest_first=False) for off in range(0, 40, 7)]
    assert [e.seq for p in pages for e in p] == expected
    newest = log.page(office_posts, 0, 3)
    assert [e.seq for e in newest] == sorted(expected, reverse=True)[:3]
    combined = LogFilter(
        search="banjir", slots=frozenset({Slot.PERSONAL}), end=t0 + timedelta(days=2)
    )
    assert [e.seq for e in log.page(combined, newest_first=False)] == [1, 16, 31, 46]
    assert log.count(LogFilter(account_ids=frozenset({"2"}))) == 34
    assert log.count(LogFilter(actions=frozenset())) == 0
    assert [e.seq for e in log.iter_entries(LogFilter(search="banjir"), batch=3)] == list(
        range(1, 101, 5)
    )


def test_clock_times_are_ms_utc(db_path):
    """Times are stored as UTC with milliseconds so exports agree across WIB/WITA/WIT."""
    clock = FakeClock(datetime(2024, 1, 1, 0, 0, 0, 123456, tzinfo=UTC))
    with ActivityLog(ConnectionFactory(db_path), clock=clock) as log:
        e = log.append(Action.SIGNED_IN, slot=Slot.OFFICE)
        assert e.ts == datetime(2024, 1, 1, 0, 0, 1, 123000, tzinfo=UTC)
        ts = log._conn().execute("SELECT ts FROM activity").fetchone()[0]
        assert ts == "2024-01-01T00:00:01.123Z"


def _many(n: int) -> Iterator[NewEntry]:
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(n):
        mention = i % 3 == 0
        yield NewEntry(
            action=Action.MENTION_RECEIVED if mention else Action.POST_SENT,
            slot=Slot.OFFICE,
            account_id="100",
            handle="humas_kota",
            x_post_id=str(1_790_000_000_000_000_000 + i),
            text=None if mention else f"Pengumuman {i}",
            citizen_handle=f"@warga{i % 50}" if mention else None,
            citizen_text=(f"Laporan jalan rusak nomor {i}" if i % 2 else None) if mention else None,
            ts=t0 + timedelta(minutes=i),
        )


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"),
    [
        ("text", 12_345, "does not match its hash"),
        ("citizen_text", 11_116, "digest"),
        ("dropped_personal", 10_006, "erasure"),
        ("gap", 10_500, "missing"),
    ],
)
def test_damage_past_the_first_batches_is_named(log, db_path, tamper, first_bad, reason):
    """Verification checks thousands of entries at a time; damage deep in a long log must
    still be named exactly (entry, reason, how many verified before it), or the official
    looks for it in the wrong place."""
    log.append_many(_many(15_000))
    conn = raw(db_path)
    drop_guards(conn)
    if tamper == "text":
        edit_entry(conn, first_bad, text="Pengumuman yang diubah")
    elif tamper == "citizen_text":
        conn.execute(
            "UPDATE activity_personal SET citizen_text = 'teks lain' WHERE seq = ?", (first_bad,)
        )
    elif tamper == "dropped_personal":
        conn.execute("UPDATE activity_personal SET citizen_text = NULL WHERE seq = ?", (first_bad,))
    else:
        conn.execute("DELETE FROM activity WHERE seq = ?", (first_bad,))
    conn.close()
    result = log.verify()
    assert not result.ok
    assert result.first_bad_seq == first_bad and reason in result.reason
    assert result.checked == first_bad - 1


def test_long_log_with_erasures_verifies(log):
    """Erasing citizens' data over many batches of entries must not raise a false alarm,
    and every entry must be counted as verified."""
    log.append_many(_many(15_000))
    personal = [r[0] for r in log._conn().execute("SELECT seq FROM activity_personal")]
    assert log.erase_personal(personal[2000::3], "masa retensi habis") == 1000
    result = log.verify()
    assert result.ok and result.checked == log.head().seq == 15_001
    result = log.verify(from_seq=9_999)
    assert result.ok and result.checked == 15_001 - 9_999 + 1
