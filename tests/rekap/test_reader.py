"""The streaming reader of JSON Lines exports (`store.exports.jsonl_read`): its fast path
reads a line by position and pattern, its exact path by the definition. Whatever a line
holds, both must reach the same verdict and hand on the same fields — or the rekap would
count what `humasdesk verify` calls edited."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

import humasdesk.store.exports.jsonl_read as jr
from humasdesk.core.activity import GENESIS_HASH, ActivityEntry, chain_hash, personal_digest
from humasdesk.store.exports.jsonl import check_jsonl, entry_line
from humasdesk.store.exports.rows import CitizenMasker

T0 = datetime(2024, 3, 1, tzinfo=UTC)
TEXTS = [
    "Info layanan",
    'Klarifikasi: "bantuan" tidak benar\nbaris dua\ttab',
    "Emoji 👍 dan aksara ꦲꦏ",
    "back\\slash and \x01 control",
    None,
]


def entries(full: bool) -> bytes:
    masker = CitizenMasker(full=full, key=b"k" * 32)
    prev = GENESIS_HASH
    out = [
        json.dumps(
            {
                "type": "manifest",
                "format": "humasdesk-activity-export",
                "version": 1,
                "accounts": ["office", "personal"],
                "personal_scope": "official_capacity",
                "entries": 10,
                "first_seq": 1,
                "last_seq": 12,
            }
        ).encode()
        + b"\n"
    ]
    seq = 0
    for i in range(12):
        seq += 1
        if i == 5:
            seq += 1  # a filtered gap
        salt = os.urandom(16)
        citizen = ("@warga", TEXTS[i % 4]) if i % 3 == 0 else None
        e = ActivityEntry(
            seq=seq,
            ts=T0 + timedelta(minutes=i, milliseconds=i),
            slot="office" if i % 5 else "personal",
            account_id="100",
            handle="humas",
            action=("post_sent", "mention_received", "mention_tagged")[i % 3],
            x_post_id=f"9{i}",
            in_reply_to=None if i % 2 else "91",
            text=TEXTS[i % 5],
            details={"official_capacity": True}
            if i % 5 == 0
            else ({"tag": "aduan", "n": [1, {"b": None}]} if i % 3 == 2 else {}),
            citizen_handle=citizen[0] if citizen else None,
            citizen_text=citizen[1] if citizen else None,
            citizen_handle_digest=personal_digest(salt, citizen[0]) if citizen else None,
            citizen_text_digest=personal_digest(salt, citizen[1]) if citizen else None,
            prev_hash=prev if seq != 9 else "f" * 64,
            hash="",
            personal_salt=salt.hex() if citizen else None,
        )
        e = replace(e, hash=chain_hash(e.prev_hash, e.canonical_bytes()))
        prev = e.hash
        out.append(entry_line(e, masker))
    return b"".join(out)


def scan(data: bytes, exact: bool, monkeypatch) -> tuple[jr.JsonlScan, list[tuple]]:
    got: list[tuple] = []
    if exact:

        def never(*a):
            raise jr._Slow

        monkeypatch.setattr(jr, "_fast", never)
    result = jr.scan_jsonl(io.BytesIO(data), lambda *f: got.append(f))
    monkeypatch.undo()
    return result, got


def mutations(data: bytes):
    lines = data.split(b"\n")
    yield "as written", data
    for i in range(1, len(lines) - 1):
        line = lines[i]
        for pos in (30, 120, 200, len(line) // 2, len(line) - 20, len(line) - 3):
            if 0 <= pos < len(line):
                changed = bytearray(line)
                changed[pos] ^= 0x01
                yield (
                    f"line {i} byte {pos}",
                    b"\n".join([*lines[:i], bytes(changed), *lines[i + 1 :]]),
                )
    yield "reordered keys", data.replace(b'"seq":2,"prev_hash"', b'"prev_hash"', 1)
    yield "spaces", data.replace(b'"action":"', b'"action": "', 1)


@pytest.mark.parametrize("full", [False, True])
def test_fast_and_exact_paths_agree(full, monkeypatch):
    data = entries(full)
    for what, variant in mutations(data):
        fast, fast_fields = scan(variant, False, monkeypatch)
        exact, exact_fields = scan(variant, True, monkeypatch)
        assert (fast.ok, fast.problems, fast.first_bad_seq, fast.entries, fast.filtered_gaps) == (
            exact.ok,
            exact.problems,
            exact.first_bad_seq,
            exact.entries,
            exact.filtered_gaps,
        ), what
        assert fast_fields == exact_fields, what
        assert (fast.sha256, fast.size, fast.last_hash) == (
            exact.sha256,
            exact.size,
            exact.last_hash,
        )


def test_entry_replaced_is_named(monkeypatch):
    """Entry 9 links to a hash that is not entry 8's: an entry was replaced."""
    result = check_jsonl(io.BytesIO(entries(False)))
    assert not result.ok
    assert result.first_bad_seq == 9 and "does not link to entry 8" in result.problems[0]


def test_fast_path_takes_the_common_lines(monkeypatch):
    """The fast path is not dead code: most lines of a masked export go through it."""
    calls = []
    original = jr._exact
    monkeypatch.setattr(jr, "_exact", lambda *a: calls.append(1) or original(*a))
    result = jr.scan_jsonl(io.BytesIO(entries(False)))
    assert result.entries == 12 and len(calls) <= 3  # the text with a raw control character
