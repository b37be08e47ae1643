"""A large `append_many` batch is checked as a whole (issue 14): the chain guard holds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from humasdesk.core.activity import Action, NewEntry
from humasdesk.core.models import Slot
from humasdesk.store.activity_log import _BATCH_CHECK_MIN, LogFilter, _check_batch_links
from tests.store.conftest import drop_guards, raw

TRIGGER = "activity_insert_extends_chain"


def _batch(n: int, start: int = 0) -> list[NewEntry]:
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    out = []
    for i in range(start, start + n):
        if i % 2:
            out.append(
                NewEntry(
                    Action.MENTION_RECEIVED,
                    slot=Slot.OFFICE,
                    account_id="1",
                    handle="humas",
                    x_post_id=str(1000 + i),
                    citizen_handle=f"warga_{i}",
                    citizen_text=f"@humas jalan rusak nomor {i}",
                    ts=t0 + timedelta(seconds=i),
                )
            )
        else:
            out.append(
                NewEntry(
                    Action.POST_SENT,
                    slot=Slot.PERSONAL,
                    text=f"Info layanan {i}",
                    details={"outbox_id": i},
                    ts=t0 + timedelta(seconds=i),
                )
            )
    return out


def _trigger_sql(db_path) -> str | None:
    conn = raw(db_path)
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)
    ).fetchone()
    conn.close()
    return row[0] if row else None


def test_large_batch_verifies_and_the_guard_is_back(log, db_path):
    before = _trigger_sql(db_path)
    log.append(Action.SIGNED_IN, slot=Slot.OFFICE, account_id="1", handle="humas")
    head = log.append_many(_batch(_BATCH_CHECK_MIN + 7))
    assert head.seq == _BATCH_CHECK_MIN + 8
    log.append_many(_batch(3, start=10_000))  # a small batch after a large one
    result = log.verify()
    assert result.ok and result.checked == _BATCH_CHECK_MIN + 11
    assert _trigger_sql(db_path) == before
    # every mention is in the search index: odd i in the two batches
    assert log.count(LogFilter(search="rusak")) == (_BATCH_CHECK_MIN + 7) // 2 + 1
    conn = raw(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        conn.execute(
            "INSERT INTO activity (seq, canonical, prev_hash, hash) VALUES (9999, '{}', 'x', 'y')"
        )
    conn.close()


def test_a_failing_batch_leaves_nothing_and_keeps_the_guard(log, db_path):
    before = _trigger_sql(db_path)
    log.append(Action.SIGNED_IN)
    bad = _batch(_BATCH_CHECK_MIN)
    bad.append(NewEntry(""))  # no action: refused in the middle of the batch
    with pytest.raises(ValueError, match="needs an action"):
        log.append_many(bad)
    assert log.head().seq == 1
    assert _trigger_sql(db_path) == before
    assert log.verify().ok


def test_the_batch_check_refuses_what_the_trigger_refuses(log, db_path):
    """The whole-batch check names the same three conditions as the trigger: a wrong link,
    a canonical form naming another seq, a seq after the last one."""
    log.append_many(_batch(5))
    _check_batch_links(log._conn(), 1, 5)  # a good chain passes
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("UPDATE activity SET prev_hash = 'x' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        _check_batch_links(log._conn(), 1, 5)
    conn.execute("UPDATE activity SET prev_hash = (SELECT hash FROM activity WHERE seq = 2) "
                 "WHERE seq = 3")  # fmt: skip
    _check_batch_links(log._conn(), 1, 5)
    conn.execute(
        "UPDATE activity SET canonical = replace(canonical, '\"seq\":4,', '\"seq\":40,') "
        "WHERE seq = 4"
    )
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        _check_batch_links(log._conn(), 1, 5)
    conn.close()


def test_the_batch_check_refuses_a_gap_or_an_extra_row(log, db_path):
    log.append_many(_batch(4))
    conn = raw(db_path)
    drop_guards(conn)
    conn.execute("DELETE FROM activity WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        _check_batch_links(log._conn(), 1, 4)
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        _check_batch_links(log._conn(), 1, 2)  # a row beyond the batch
    conn.close()


@pytest.mark.parametrize(
    "details",
    [
        {"outbox_id": 17}, {"outbox_id": -3}, {"outbox_id": 10**30}, {"tag": "aduan"},
        {"tag": "Aduan2"}, {"tag": "é"}, {"tag": "a b"}, {"tag": ""}, {"tag": "١٢"},
        {"ok": True}, {"ok": None}, {"n": 1.5}, {"key-x": 1}, {"ключ": 1}, {"x": [1]},
        {"x": {"y": 1}}, {"first_bad_seq": 3, "reason": "x"},
    ],
)  # fmt: skip
def test_canonical_details_fast_path_is_the_json_definition(details):
    import json

    from humasdesk.core.activity import canonical_details

    assert canonical_details(details) == json.dumps(
        details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
