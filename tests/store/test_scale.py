"""Scale: a sensible time for bulk appends, verification and search (printed, not asserted)."""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime, timedelta

from humasdesk.core.activity import Action, NewEntry
from humasdesk.core.models import Slot
from humasdesk.store import LogFilter
from humasdesk.store.activity_log import _VERIFY_SQL

N = 100_000


def test_100k_append_verify_search(log, capsys):
    """A year of busy desk work must append, verify off the GUI thread, and search quickly;
    a regression of an order of magnitude shows up in these figures."""
    t0 = datetime(2024, 1, 1, tzinfo=UTC)

    def entries():
        for i in range(N):
            mention = i % 2 == 0
            yield NewEntry(
                action=Action.MENTION_RECEIVED if mention else Action.POST_SENT,
                slot=Slot.OFFICE if i % 3 else Slot.PERSONAL,
                account_id="1",
                handle="humas_kota",
                x_post_id=str(1_790_000_000_000_000_000 + i),
                text=None if mention else f"Pengumuman {i}: banjir di kecamatan {i % 977}",
                citizen_handle=f"@warga{i % 500}" if mention else None,
                citizen_text=f"Mohon bantuan, jalan rusak di kelurahan {i % 1311}"
                if mention
                else None,
                ts=t0 + timedelta(seconds=30 * i),
            )

    start = time.perf_counter()
    head = log.append_many(entries())
    append_s = time.perf_counter() - start
    assert head.seq == N

    start = time.perf_counter()
    result = log.verify()
    verify_s = time.perf_counter() - start
    assert result.ok and result.checked == N

    conn = log._conn()
    blobs = [bytes(r[2]) for r in conn.execute(_VERIFY_SQL, (1,))]
    salted = [
        bytes(salt) + value.encode()
        for salt, handle, text in conn.execute(
            "SELECT salt, citizen_handle, citizen_text FROM activity_personal"
        )
        for value in (handle, text)
    ]
    start = time.perf_counter()
    for b in blobs:
        hashlib.sha256(b).hexdigest()
    sha_s = time.perf_counter() - start
    start = time.perf_counter()
    for b in salted:
        hashlib.sha256(b).hexdigest()
    sha_all_s = sha_s + time.perf_counter() - start

    timings = {}
    for q in ("banjir kecamatan 12", "jalan rusak", "AND (", "kelurahan 1310"):
        start = time.perf_counter()
        n = log.count(LogFilter(search=q))
        page = log.page(LogFilter(search=q), 0, 100)
        timings[q] = (n, len(page), (time.perf_counter() - start) * 1000)
    with capsys.disabled():
        print(
            f"\n{N} entries: append_many {append_s:.2f} s ({N / append_s:,.0f}/s); "
            f"verify {verify_s:.2f} s ({N / verify_s:,.0f}/s); "
            f"plain sha256 over the entry bytes {sha_s:.3f} s, plus the salted personal "
            f"values {sha_all_s:.3f} s (verify/sha256 = {verify_s / sha_all_s:.1f}x)"
        )
        for q, (n, got, ms) in timings.items():
            print(f"  search {q!r}: {n} matches, first page {got}, {ms:.1f} ms (count + page)")
