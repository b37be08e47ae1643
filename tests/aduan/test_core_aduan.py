"""Classes, limits, calendar-day clocks, statuses and the LAPOR! ID (core/aduan.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from humasdesk.core.aduan import (
    Case,
    CaseStatus,
    ClockState,
    ComplaintClass,
    LaporIdError,
    TransitionError,
    case_clocks,
    check_transition,
    deadline,
    parse_lapor_id,
    reminder_counts,
    reply_slot_problem,
)
from humasdesk.core.models import Slot

WIB = timezone(timedelta(hours=7))


def case(received: datetime, cls=ComplaintClass.COMPLAINT, **kw) -> Case:
    base = dict(
        id=1, slot=Slot.OFFICE, account_id="1", mention_id="m1", pseudonym="Warga-ab12",
        category=cls, status=CaseStatus.RECEIVED, received_at=received, opened_at=received,
    )  # fmt: skip
    base.update(kw)
    return Case(**base)


def test_sp4n_lapor_class_limits():
    """The four SP4N-LAPOR! classes carry their limits: 5, 5, 14 and 60 days."""
    assert ComplaintClass.INFORMATION.limit_days == 5
    assert ComplaintClass.COMPLAINT.limit_days == 5
    assert ComplaintClass.DISPUTE.limit_days == 14
    assert ComplaintClass.FIELD_CHECK.limit_days == 60
    assert ComplaintClass.FIELD_CHECK.label == "perlu pemeriksaan lapangan"


def test_deadline_counts_calendar_dates_in_the_office_zone():
    """A complaint at 23:50 WIB and one at 08:00 WIB on the same date are due at the end of
    the same day; one at 00:10 WIB the next date is due a day later. Weekends count."""
    late = datetime(2026, 3, 6, 23, 50, tzinfo=WIB)  # a Friday
    early = datetime(2026, 3, 6, 8, 0, tzinfo=WIB)
    after_midnight = datetime(2026, 3, 7, 0, 10, tzinfo=WIB)
    due = datetime(2026, 3, 10, 0, 0, tzinfo=WIB)  # end of Monday 9 March (D + 3)
    assert deadline(late, 3, WIB) == due
    assert deadline(early, 3, WIB) == due
    assert deadline(after_midnight, 3, WIB) == due + timedelta(days=1)
    # 16:50 UTC on 6 March is already 7 March in WIB
    assert deadline(datetime(2026, 3, 6, 17, 10, tzinfo=UTC), 3, WIB) == due + timedelta(days=1)


def test_clock_goes_near_at_80_percent_then_overdue_at_the_deadline():
    received = datetime(2026, 3, 2, 0, 0, tzinfo=WIB)  # limit 3: due 6 March 00:00, 96 h
    c = case(received)
    assert (
        case_clocks(c, received + timedelta(hours=76), WIB).first_response.state
        is ClockState.RUNNING
    )
    assert (
        case_clocks(c, received + timedelta(hours=77), WIB).first_response.state is ClockState.NEAR
    )
    at_due = datetime(2026, 3, 6, 0, 0, tzinfo=WIB)
    assert case_clocks(c, at_due, WIB).first_response.state is ClockState.OVERDUE
    assert case_clocks(c, at_due, WIB).reminder is ClockState.OVERDUE


def test_stopped_clocks_say_met_or_missed_and_leave_the_reminders():
    received = datetime(2026, 3, 2, 9, 0, tzinfo=WIB)
    answered = case(received, first_response_at=received + timedelta(days=1),
                    closed_at=received + timedelta(days=7), status=CaseStatus.CLOSED)  # fmt: skip
    clocks = case_clocks(answered, received + timedelta(days=30), WIB)
    assert clocks.first_response.state is ClockState.MET
    assert clocks.completion.state is ClockState.MISSED  # 7 days > 5 for a complaint
    assert clocks.completion.days_used == 7
    assert clocks.reminder is None
    assert clocks.next_deadline is None


def test_reminder_counts_count_each_case_once():
    now = datetime(2026, 3, 20, 12, 0, tzinfo=WIB)
    cases = [
        case(now - timedelta(days=10)),  # overdue on both clocks: counted once
        case(now - timedelta(days=5), first_response_at=now),  # completion at 91 %: near
        case(now - timedelta(hours=2)),  # fresh
        case(now - timedelta(days=10), ComplaintClass.FIELD_CHECK, first_response_at=now),
    ]
    counts = reminder_counts(cases, now, WIB)
    assert (counts.near, counts.overdue, counts.total) == (1, 1, 2)


def test_lapor_id_accepts_the_tracking_number_and_refuses_others_naming_the_format():
    assert parse_lapor_id("#1916449") == "1916449"
    assert parse_lapor_id(" 1916449 ") == "1916449"
    assert parse_lapor_id("# 10234567") == "10234567"
    for bad in ("", "123", "LAPOR-1916449", "19164ab", "12345678901", "#1916449x"):
        with pytest.raises(LaporIdError) as err:
            parse_lapor_id(bad)
        assert "7 sampai 10 angka, boleh diawali # (contoh: #1916449)" in str(err.value)


def test_status_changes_follow_the_register_and_a_rejection_needs_a_reason():
    check_transition(CaseStatus.RECEIVED, CaseStatus.FORWARDED)
    check_transition(CaseStatus.FORWARDED, CaseStatus.CLOSED)
    with pytest.raises(TransitionError, match="perlu alasan penolakan"):
        check_transition(CaseStatus.RECEIVED, CaseStatus.REJECTED, "  ")
    check_transition(CaseStatus.RECEIVED, CaseStatus.REJECTED, "bukan wewenang instansi")
    with pytest.raises(
        TransitionError, match="berstatus selesai tidak dapat diubah menjadi dibalas"
    ):
        check_transition(CaseStatus.CLOSED, CaseStatus.REPLIED)


def test_a_reply_from_the_other_pane_is_refused():
    """X lets only the summoned account answer in its name."""
    c = case(datetime(2026, 3, 2, tzinfo=WIB))
    assert reply_slot_problem(c, Slot.OFFICE) is None
    assert reply_slot_problem(c, Slot.PERSONAL) == (
        "Aduan ini ditujukan kepada akun kantor: balas dari panel akun itu."
    )


def test_case_repr_holds_no_personal_data():
    c = case(datetime(2026, 3, 2, tzinfo=WIB), pseudonym="Warga-secret")
    assert "secret" not in repr(c)


def test_days_used_count_the_offices_dates():
    """Received 23:30 WIB, answered 00:30 WIB the next day: one calendar day in WIB, though
    both are on the same UTC date."""
    received = datetime(2026, 3, 2, 23, 30, tzinfo=WIB)
    c = case(received, first_response_at=received + timedelta(hours=1))
    clocks = case_clocks(c, received + timedelta(days=1), WIB)
    assert clocks.first_response.days_used == 1
    assert clocks.completion.days_used is None
