"""Erasure while an export is running: refused with a clear error, nothing half-done."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from humasdesk.core.privacy import RetentionPolicy
from humasdesk.services.export import ExportOptions
from humasdesk.services.privacy import apply_retention, guarded_export
from humasdesk.store import ConnectionFactory
from humasdesk.store.privacy_store import ERASURE, EXPORT, LeaseConflict, PrivacyStore

from .conftest import NOW, seq_of


def test_erasure_while_an_export_is_running_is_refused(desk, signer, tmp_path):
    """If retention erased rows between an export's counting and writing passes, the file
    could hold half-erased data next to a manifest that says otherwise. The erasure waits
    (refuses, nothing erased) and the export completes."""
    seen: list[BaseException] = []

    def pdf_writer(entries, metrics, manifest, path):  # runs in the middle of the export
        other = PrivacyStore(ConnectionFactory(desk.path, synchronous="NORMAL"))
        try:
            out: list[BaseException] = []

            def erase() -> None:  # another thread, its own connection
                try:
                    apply_retention(desk.log, other, RetentionPolicy(), NOW)
                except BaseException as exc:
                    out.append(exc)

            t = threading.Thread(target=erase)
            t.start()
            t.join(10)
            seen.extend(out)
        finally:
            other.close()
        path.write_bytes(b"%PDF-1.4 stub\n")

    head = desk.log.head().seq
    result = guarded_export(
        desk.log,
        desk.privacy,
        ExportOptions(fmt="pdf"),
        tmp_path / "lap.pdf",
        signer=signer,
        pdf_writer=pdf_writer,
        clock=desk.clock,
    )
    assert result.path.is_file()
    assert len(seen) == 1 and isinstance(seen[0], LeaseConflict)
    assert seen[0].code == "lease_conflict" and "ekspor sedang berjalan" in str(seen[0])
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle == "warga_lama"
    assert desk.log.head().seq == head + 1  # only export_made
    # after the export, the erasure runs
    assert apply_retention(desk.log, desk.privacy, RetentionPolicy(), NOW).count == 2
    assert desk.privacy.live_leases(NOW) == []


def test_no_export_starts_while_an_erasure_holds_its_lease(desk, signer, tmp_path):
    """The other way round: an export begun mid-erasure is refused, not written."""
    with desk.privacy.lease(ERASURE, "uji", NOW):
        with pytest.raises(LeaseConflict):
            guarded_export(
                desk.log,
                desk.privacy,
                ExportOptions(fmt="csv"),
                tmp_path / "a.csv",
                signer=signer,
                clock=desk.clock,
            )
    assert not (tmp_path / "a.csv").exists()
    with desk.privacy.lease(EXPORT, "a", NOW), desk.privacy.lease(EXPORT, "b", NOW):
        pass  # exports may overlap each other


def test_a_crashed_exports_stale_lease_does_not_block_erasure_for_ever(desk):
    """A lease left by a crash expires (or its process is gone), so retention is not
    blocked indefinitely."""
    desk.privacy.acquire_lease(EXPORT, "crash", NOW - timedelta(hours=3))  # expired
    desk.privacy.acquire_lease(EXPORT, "dead pid", NOW, pid=2**22 + 12345)
    assert apply_retention(desk.log, desk.privacy, RetentionPolicy(), NOW).count == 2
