"""The canonical form: stable, reimplementable by a supervisor, identical on every path."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from humasdesk.core.activity import (
    GENESIS_HASH,
    Action,
    ActivityEntry,
    canonical_bytes_reference,
    format_ts,
    parse_action,
    personal_digest,
)
from humasdesk.core.models import Slot

HOSTILE = [
    "",
    'kutip "ganda" dan \\ garis miring',
    "baris\nbaru\r\ttab\b\f",
    "kontrol \x00\x01\x1f\x7f",
    "pemisah \u2028 \u2029",
    "emoji 🇮🇩👍🏽 dan aksara ꦲꦏ꧀ꦱꦫ",
    "Jalan di Kelurahan Sukamaju rusak parah, mohon ditindaklanjuti 🙏",
    "</script><b>&amp;</b>",
]


def _entry(text: str | None, **kw) -> ActivityEntry:
    fields = {
        "seq": 1,
        "ts": datetime(2024, 3, 1, 1, 2, 3, 456789, tzinfo=UTC),
        "slot": Slot.OFFICE,
        "account_id": "1500",
        "handle": "humas_kota",
        "action": Action.POST_SENT,
        "x_post_id": "1790000000000000001",
        "in_reply_to": None,
        "text": text,
        "details": {"b": [1, "dua"], "a": {"z": None, "é": True}},
        "citizen_handle": None,
        "citizen_text": None,
        "citizen_handle_digest": None,
        "citizen_text_digest": None,
        "prev_hash": GENESIS_HASH,
        "hash": "",
    }
    fields.update(kw)
    return ActivityEntry(**fields)


@pytest.mark.parametrize("text", [*HOSTILE, None])
def test_fast_canonical_equals_json_definition(text):
    """If the fast encoder drifted from the documented JSON form, a supervisor's independent
    verifier would call an honest log tampered."""
    e = _entry(text, handle=text, in_reply_to=text, details={"t": text or "", "n": 5})
    assert e.canonical_bytes() == canonical_bytes_reference(e)


def test_golden_vector():
    """A change of the format would silently make every old log unverifiable: pin one hash."""
    e = _entry("Selamat pagi, warga!")
    expected_bytes = (
        '{"account_id":"1500","action":"post_sent","citizen_handle_digest":null,'
        '"citizen_text_digest":null,"details":{"a":{"z":null,"é":true},"b":[1,"dua"]},'
        '"handle":"humas_kota","in_reply_to":null,"seq":1,"slot":"office",'
        '"text":"Selamat pagi, warga!","ts":"2024-03-01T01:02:03.456Z","v":1,'
        '"x_post_id":"1790000000000000001"}'
    ).encode()
    assert e.canonical_bytes() == expected_bytes
    assert e.computed_hash() == hashlib.sha256(GENESIS_HASH.encode() + expected_bytes).hexdigest()


def test_times_are_utc_milliseconds_and_naive_times_refused():
    """A local (WIB) time stored as if UTC would shift every report by seven hours."""
    wib = timezone(timedelta(hours=7))
    assert format_ts(datetime(2024, 3, 1, 8, 0, 0, 999999, tzinfo=wib)) == (
        "2024-03-01T01:00:00.999Z"
    )
    with pytest.raises(ValueError):
        format_ts(datetime(2024, 3, 1, 8, 0))


def test_salted_digest_depends_on_salt():
    """Without a per-entry salt, an erased handle could be found again by hashing guesses."""
    assert personal_digest(b"a" * 16, "@budi") != personal_digest(b"b" * 16, "@budi")
    assert personal_digest(b"a" * 16, "@budi") == hashlib.sha256(b"a" * 16 + b"@budi").hexdigest()


def test_unknown_action_is_kept_as_text():
    """A log written by a newer version must still load and verify here."""
    assert parse_action("post_sent") is Action.POST_SENT
    assert parse_action("thread_sent") == "thread_sent"


def test_stored_canonical_and_derived_columns_for_hostile_text(log):
    """The stored canonical text is what is hashed, and the columns the view filters on are
    derived from it; both must round-trip any text a citizen or the official can type."""
    for t in HOSTILE:
        log.append(
            Action.MENTION_RECEIVED,
            slot=Slot.PERSONAL,
            account_id="9",
            handle=t,
            x_post_id=t,
            text=t,
            details={"q": t},
            citizen_handle="@" + t,
            citizen_text=t,
        )
    conn = log._conn()
    rows = conn.execute(
        "SELECT seq, canonical, text, handle, x_post_id, action, slot FROM activity ORDER BY seq"
    ).fetchall()
    for (seq, canonical, text, handle, x_post_id, action, slot), t in zip(
        rows, HOSTILE, strict=True
    ):
        entry = log.get(seq)
        assert canonical.encode() == entry.canonical_bytes() == canonical_bytes_reference(entry)
        assert entry.text == entry.handle == entry.x_post_id == t
        assert entry.details == {"q": t} and entry.citizen_text == t
        if "\x00" not in t:  # SQLite's json_extract stops text at NUL; the entry does not
            assert (text, handle, x_post_id) == (t, t, t)
        assert (action, slot) == ("mention_received", "personal")
    assert log.verify().ok


def test_external_verifier_reimplementation(log):
    """A supervisor following only the documented format must reach the stored hashes."""
    log.append(Action.SIGNED_IN, slot=Slot.OFFICE, account_id="1", handle="humas")
    log.append(
        Action.MENTION_RECEIVED,
        slot=Slot.OFFICE,
        account_id="1",
        x_post_id="77",
        citizen_handle="@warga",
        citizen_text="Lampu jalan mati",
        details={"lang": "in"},
    )
    prev = "0" * 64
    for e in log.page(newest_first=False):
        obj = {
            "v": 1,
            "seq": e.seq,
            "ts": e.ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{e.ts.microsecond // 1000:03d}Z",
            "slot": e.slot and str(e.slot),
            "account_id": e.account_id,
            "handle": e.handle,
            "action": str(e.action),
            "x_post_id": e.x_post_id,
            "in_reply_to": e.in_reply_to,
            "text": e.text,
            "details": dict(e.details),
            "citizen_handle_digest": e.citizen_handle_digest,
            "citizen_text_digest": e.citizen_text_digest,
        }
        body = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert e.prev_hash == prev
        assert hashlib.sha256((prev + body).encode()).hexdigest() == e.hash
        if e.citizen_text is not None:
            salt = bytes.fromhex(e.personal_salt)
            assert hashlib.sha256(salt + e.citizen_text.encode()).hexdigest() == (
                e.citizen_text_digest
            )
        prev = e.hash
