"""Report metrics, checked against figures computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from humasdesk.core.activity import Action, ActivityEntry, NewEntry
from humasdesk.core.metrics import Period, compute_metrics, nearest_rank
from humasdesk.core.models import Slot

MARCH = Period(datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC))
_seq = count(1)


def at(month: int, day: int, hour: int = 10, minute: int = 0, ms: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, 0, ms * 1000, tzinfo=UTC)


def ev(action, ts, account="100", x=None, reply_to=None, details=None, slot=Slot.OFFICE):
    return ActivityEntry(
        seq=next(_seq),
        ts=ts,
        slot=slot,
        account_id=account,
        handle="humas_kota" if account == "100" else "kepala_humas",
        action=action,
        x_post_id=x,
        in_reply_to=reply_to,
        text=None,
        details=details or {},
        citizen_handle=None,
        citizen_text=None,
        citizen_handle_digest=None,
        citizen_text_digest=None,
        prev_hash="",
        hash="",
    )


def scenario() -> list[ActivityEntry]:
    P, R, M = Action.POST_SENT, Action.REPLY_SENT, Action.MENTION_RECEIVED
    T, H = Action.MENTION_TAGGED, Action.MENTION_HANDLED
    aduan = {"tag": "aduan"}
    return [
        # broadcast posts: period boundaries (start inclusive, end exclusive)
        ev(P, datetime(2024, 2, 29, 23, 59, 59, 999000, tzinfo=UTC)),  # out
        ev(P, datetime(2024, 3, 1, tzinfo=UTC)),  # in
        ev(P, at(3, 5)),
        ev(P, at(3, 10)),
        ev(P, datetime(2024, 3, 31, 23, 59, 59, 999000, tzinfo=UTC)),  # in
        ev(P, datetime(2024, 4, 1, tzinfo=UTC)),  # out
        ev(Action.POST_DELETED, at(3, 11), x="p-del"),
        # m1: answered after 1 h; aduan; handled after 4 days
        ev(M, at(3, 2), x="m1"),
        ev(T, at(3, 2, 10, 5), x="m1", details=aduan),
        ev(R, at(3, 2, 11), x="r1", reply_to="m1"),
        ev(H, at(3, 6), x="m1"),
        # m2: first reply after 2 h; a second reply logged as post_sent; tagged "info"
        ev(M, at(3, 3), x="m2"),
        ev(R, at(3, 3, 12), x="r2", reply_to="m2"),
        ev(P, at(3, 3, 13), x="r2b", reply_to="m2"),
        ev(T, at(3, 3, 12), x="m2", details={"tag": "info"}),
        # m3: aduan, answered after 4 days (late), handled after 16 days
        ev(M, at(3, 4), x="m3"),
        ev(T, at(3, 4, 11), x="m3", details=aduan),
        ev(R, at(3, 8), x="r3", reply_to="m3"),
        ev(H, at(3, 20), x="m3"),
        # m4: aduan, answered exactly 3 days later (in April), handled after 10 days
        ev(M, at(3, 30), x="m4"),
        ev(T, at(3, 30, 11), x="m4", details=aduan),
        ev(R, at(4, 2), x="r4", reply_to="m4"),
        ev(H, at(4, 9), x="m4"),
        # m5: aduan, never answered by 100 (200 answers it; 100 replies after as_of)
        ev(M, at(3, 31), x="m5"),
        ev(T, at(3, 31, 11), x="m5", details=aduan),
        ev(R, at(3, 31, 12), account="200", x="r5", reply_to="m5", slot=Slot.PERSONAL),
        ev(R, at(4, 11), x="r5late", reply_to="m5"),
        # m6: received in February (not counted), answered in March (reply counts)
        ev(M, at(2, 28), x="m6"),
        ev(T, at(2, 28, 11), x="m6", details=aduan),
        ev(R, at(3, 1, 9), x="r6", reply_to="m6"),
        # m7: logged twice by two syncs; earliest counts: answered after 30 min
        ev(M, at(3, 15), x="m7"),
        ev(M, at(3, 15, 10, 5), x="m7"),
        ev(R, at(3, 15, 10, 30), x="r7", reply_to="m7"),
        # not an account's action
        ev(Action.EXPORT_MADE, at(3, 20), account=None),
    ]


def test_account_figures_match_hand_computation():
    """The supervisor's report must show exactly the defined figures: a miscount here is a
    wrong number in an official evaluation."""
    report = compute_metrics(scenario(), MARCH, as_of=at(4, 10))
    office = report.for_account("100")
    assert office.handle == "humas_kota" and office.slot is Slot.OFFICE
    assert office.posts == 4
    assert office.replies == 6  # r1, r2, r2b, r3, r6, r7 (r4 is in April)
    assert office.two_way_ratio == pytest.approx(1.5)
    assert office.mentions_received == 6  # m1 m2 m3 m4 m5 m7
    assert office.mentions_answered == 5
    assert office.answered_share == pytest.approx(5 / 6)
    # times: 30 min, 1 h, 2 h, 3 d, 4 d -> median rank 3, p90 rank 5
    assert office.first_response_median == timedelta(hours=2)
    assert office.first_response_p90 == timedelta(days=4)
    c = office.complaints
    assert c.count == 4  # m1 m3 m4 m5
    assert (c.responded_within, c.responded_late) == (2, 1)
    assert (c.unanswered_overdue, c.unanswered_pending) == (1, 0)
    assert c.first_response_share == pytest.approx(0.5)
    assert (c.resolved_within_5d, c.resolved_within_14d, c.resolved_within_60d) == (1, 2, 3)
    assert c.unresolved == 1

    personal = report.for_account("200")
    assert personal.posts == 0 and personal.replies == 1
    assert personal.two_way_ratio is None  # no broadcast posts: no ratio, not infinity
    assert personal.mentions_received == 0 and personal.answered_share is None
    assert personal.first_response_median is None and personal.complaints.count == 0
    assert [a.account_id for a in report.accounts] == ["100", "200"]


def test_as_of_at_period_end_counts_open_complaints_as_pending():
    """A report made on the last day must not call a complaint overdue before 3 days pass."""
    report = compute_metrics(scenario(), MARCH)  # as_of = period end
    c = report.for_account("100").complaints
    assert report.as_of == MARCH.end
    # m4's reply (2 April) is after as_of: m4 and m5 are open and younger than 3 days
    assert (c.responded_within, c.responded_late, c.unanswered_pending) == (1, 1, 2)
    assert c.unanswered_overdue == 0
    assert report.for_account("100").mentions_answered == 4
    assert (c.resolved_within_5d, c.resolved_within_14d, c.resolved_within_60d) == (1, 1, 2)
    assert c.unresolved == 2


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([1, 2, 3, 4], 50, 2),  # even count: lower middle (rank ceil(2) = 2)
        ([1, 2, 3, 4, 5], 50, 3),
        ([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 90, 9),  # rank ceil(9) = 9
        ([5, 1, 4, 2, 3, 6, 7, 8, 9, 10, 11], 90, 10),  # rank ceil(9.9) = 10
        ([7], 90, 7),
    ],
)
def test_nearest_rank(values, p, expected):
    """The appendix promises nearest-rank percentiles; any interpolation would differ."""
    got = nearest_rank([timedelta(minutes=v) for v in values], p)
    assert got == timedelta(minutes=expected)
    assert nearest_rank([], 50) is None


def test_period_must_be_aware_and_ordered():
    """A naive period would be read in the laptop's zone and miss a night of entries."""
    with pytest.raises(ValueError):
        Period(datetime(2024, 3, 1), datetime(2024, 4, 1))
    with pytest.raises(ValueError):
        Period(MARCH.end, MARCH.start)


def test_metrics_from_the_store(log):
    """The figures come from what the log really holds, including erased mentions."""
    log.append_many(
        [
            NewEntry(Action.POST_SENT, slot=Slot.OFFICE, account_id="1", ts=at(3, 1)),
            NewEntry(
                Action.MENTION_RECEIVED,
                slot=Slot.OFFICE,
                account_id="1",
                x_post_id="m",
                citizen_handle="@a",
                citizen_text="tolong",
                ts=at(3, 2),
            ),
            NewEntry(Action.REPLY_SENT, account_id="1", in_reply_to="m", ts=at(3, 2, 10, 45)),
        ]
    )
    log.erase_personal([2], "uji")
    report = compute_metrics(log.iter_entries(), MARCH)
    m = report.for_account("1")
    assert (m.posts, m.replies, m.mentions_received, m.mentions_answered) == (1, 1, 1, 1)
    assert m.first_response_median == timedelta(minutes=45)
    assert m.two_way_ratio == 1.0
