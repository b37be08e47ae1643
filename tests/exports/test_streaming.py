"""Exports stream: a year of a busy desk must not need the whole log in memory."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from humasdesk.core.activity import NewEntry
from humasdesk.core.models import Slot
from humasdesk.credentials.signing import ExportSigner
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.store import ActivityLog, open_database
from humasdesk.store.exports import verify_export
from tests.fakes import MemoryKeyring

N = 50_000
PEAK_LIMIT = 30 * 1024 * 1024


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "humasdesk.db"
    db = open_database(path, synchronous="OFF")
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    text = "Informasi layanan publik hari ini, silakan hubungi kami. " * 4

    def entries():
        for i in range(N):
            if i % 5 == 0:
                yield NewEntry(
                    action="mention_received",
                    slot=Slot.OFFICE,
                    account_id="100",
                    x_post_id=str(10**18 + i),
                    citizen_handle=f"@warga{i % 997}",
                    citizen_text=f"Mohon info {i}, telp 0812345{i:05d}",
                    ts=t0 + timedelta(minutes=i),
                )
            else:
                yield NewEntry(
                    action="post_sent",
                    slot=Slot.PERSONAL if i % 7 == 0 else Slot.OFFICE,
                    account_id="100",
                    handle="humas_kota",
                    x_post_id=str(10**18 + i),
                    text=text,
                    details={"official_capacity": True} if i % 14 == 0 else {},
                    ts=t0 + timedelta(minutes=i),
                )

    ActivityLog(db).append_many(entries())
    db.close()
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_peak_memory_stays_small(big_db, tmp_path, fmt, record_property):
    """Exporting 50 000 entries must not load the log: the Python heap's peak stays far
    below the size of the data (an old office laptop must not swap or die)."""
    db = open_database(big_db, synchronous="OFF")
    signer = ExportSigner(backend=MemoryKeyring())
    signer.ensure()
    out = tmp_path / f"besar.{fmt}"
    try:
        log = ActivityLog(db)
        tracemalloc.start()
        try:
            result = export_activity(log, ExportOptions(fmt=fmt), out, signer=signer)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        db.close()
    record_property("peak_mb", round(peak / 2**20, 1))
    print(f"{fmt}: {result.entries} entries, {out.stat().st_size / 2**20:.1f} MB file, "
          f"peak {peak / 2**20:.1f} MB")  # fmt: skip
    assert result.entries > 40_000
    assert peak < PEAK_LIMIT
    assert verify_export(out, expected_public_key=signer.public_key_bytes).problems == []
