"""The requests register, erasure for a request, and the breach kit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from humasdesk.core.privacy import RequestKind, RequestStatus
from humasdesk.services.privacy import (
    InvalidPeriod,
    InvalidRequest,
    NothingHeld,
    breach_kit,
    close_request,
    erase_for_request,
    register_request,
)
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.privacy_store import RequestNotOpen

from .conftest import NOW, OLD_TEXT, SECOND_OLD_TEXT, seq_of


def _actions(desk, action):
    return list(desk.log.iter_entries(LogFilter(actions=frozenset({action}))))


def test_request_steps_are_in_the_chain_with_a_72_hour_deadline(desk):
    """A supervisor or the PDP authority must be able to see when a request came, its
    deadline, and how it ended — from the tamper-evident log, not an editable table."""
    received = NOW - timedelta(hours=10)
    req = register_request(desk.log, desk.privacy, "@Warga_Baru", "access", received)
    assert req.deadline == received + timedelta(hours=72)
    assert req.handle == "warga_baru" and req.status is RequestStatus.OPEN
    reg = _actions(desk, "data_request_registered")[-1]
    assert reg.details["request_id"] == req.id and reg.details["kind"] == "access"
    assert reg.citizen_handle == "warga_baru"  # erasable personal field, not in the hash
    assert "warga_baru" not in reg.canonical_bytes().decode()

    done = close_request(desk.log, desk.privacy, req.id, "granted", "laporan akses dikirim", NOW)
    assert done.status is RequestStatus.GRANTED and done.closed_at == NOW
    closed = _actions(desk, "data_request_closed")[-1]
    assert closed.details["status"] == "granted" and closed.details["late"] is False
    with pytest.raises(RequestNotOpen):
        close_request(desk.log, desk.privacy, req.id, "refused", "x", NOW)
    assert desk.log.verify().ok


def test_refusal_needs_a_reason(desk):
    """A refusal without its legal reason cannot be defended to the citizen."""
    req = register_request(desk.log, desk.privacy, "warga_aduan", RequestKind.CORRECTION, NOW)
    with pytest.raises(InvalidRequest):
        close_request(desk.log, desk.privacy, req.id, "refused", "  ", NOW)
    with pytest.raises(InvalidRequest):
        register_request(desk.log, desk.privacy, "warga_aduan", "hapus-semua", NOW)


def test_erasure_request_erases_unanswered_and_keeps_records_with_reason(desk):
    """@warga_lama's unanswered mentions go; the register entries stay as proof, and the
    request closes granted. The chain still verifies."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "erasure", NOW)
    out = erase_for_request(desk.log, desk.privacy, req.id, NOW, confirmed=True)
    assert out.erasure.count == 2 and out.erasure.mention_rows == 2
    assert out.request.status is RequestStatus.GRANTED and not out.kept_records
    for x in ("1001", "1006"):
        assert desk.log.get(seq_of(desk, x)).citizen_text is None
    assert desk.log.count(LogFilter(search="berlubang")) == 0
    assert desk.log.verify().ok
    assert OLD_TEXT not in str(out) and SECOND_OLD_TEXT not in str(out)


def test_erasure_request_for_an_aduan_is_refused_with_the_archive_reason(desk):
    """An aduan is an official record (UU 43/2009): the citizen gets a refusal that names the
    archive obligation, and nothing is erased."""
    req = register_request(desk.log, desk.privacy, "warga_aduan", "erasure", NOW)
    out = erase_for_request(desk.log, desk.privacy, req.id, NOW, confirmed=True)
    assert out.erasure.count == 0 and out.kept_records == {"complaint": 1}
    assert out.request.status is RequestStatus.REFUSED
    assert "kewajiban arsip" in (out.request.reason or "")
    assert desk.log.get(seq_of(desk, "1003")).citizen_handle == "warga_aduan"


def test_erasure_request_for_a_handle_we_hold_nothing_about(desk):
    """The official must hear that nothing is held, not get an empty 'granted'."""
    req = register_request(desk.log, desk.privacy, "tidak_dikenal", "erasure", NOW)
    with pytest.raises(NothingHeld):
        erase_for_request(desk.log, desk.privacy, req.id, NOW, confirmed=True)
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN


def test_breach_kit_lists_handles_in_the_period_and_the_deadline(desk):
    """After a breach the agency has 3×24 h to notify: it needs who was affected in that
    period (and only them), and a draft with what the law requires."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    end = datetime(2024, 2, 1, tzinfo=UTC)
    found = NOW - timedelta(hours=20)
    kit = breach_kit(desk.log, desk.privacy, start, end, NOW, discovered_at=found)
    assert kit.handles == ("@warga_aduan", "@warga_dibalas", "@warga_lama", "@warga_pribadi")
    assert kit.deadline == found + timedelta(hours=72)
    assert kit.time_left == "tersisa 2 hari 4 jam"
    assert "nomor telepon" in kit.notification_text  # OLD_TEXT holds a phone number
    assert "a. Data pribadi yang terungkap" in kit.notification_text
    assert "4 warga" in kit.notification_text
    entry = _actions(desk, "breach_kit_made")[-1]
    assert entry.details["handles"] == 4
    assert "warga" not in str(entry.details)
    with pytest.raises(InvalidPeriod):
        breach_kit(desk.log, desk.privacy, end, start, NOW)


def test_breach_kit_refuses_a_discovery_in_the_future_or_without_a_zone(desk):
    """A discovery time in the future would push the 72-hour deadline past the real one."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    end = datetime(2024, 2, 1, tzinfo=UTC)
    before = desk.log.head().seq
    with pytest.raises(InvalidPeriod, match="masa depan"):
        breach_kit(desk.log, desk.privacy, start, end, NOW, discovered_at=NOW + timedelta(hours=1))
    with pytest.raises(InvalidPeriod, match="zona waktu"):
        breach_kit(
            desk.log, desk.privacy, start, end, NOW, discovered_at=datetime(2024, 2, 2, 9, 0)
        )
    assert desk.log.head().seq == before  # nothing recorded
