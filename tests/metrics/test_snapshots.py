"""Snapshots, not polling: each post's numbers read at about +1 h, +1 d, +7 d and +28 d in
batches of up to 100, within the month's budget, billed exactly as X bills them."""

from __future__ import annotations

from decimal import Decimal

from humasdesk.core.activity import Action
from humasdesk.core.models import Slot

HOUR = 3600
DAY = 24 * HOUR


def _post_in_app(desk, n: int, author: str = "HumasDemo") -> list[str]:
    return [desk.control.app_post(author, f"Pengumuman nomor {i}.")["id"] for i in range(n)]


def _points(desk, post_id: str) -> list[str]:
    return [s.point for s in desk.metrics_store.snapshots([post_id])]


def test_readings_follow_the_schedule_and_one_late_reading_covers_what_passed(desk):
    office = desk.sign_in(Slot.OFFICE)
    (pid,) = _post_in_app(desk, 1)
    desk.sync(office)
    assert _points(desk, pid) == []  # not an hour old yet: nothing read
    desk.clock.advance(HOUR + 60)
    desk.sync(office)
    desk.sync(office)  # nothing new is due: no second reading
    assert _points(desk, pid) == ["1h"]
    desk.clock.advance(8 * DAY)  # the desk was closed: +1 d and +7 d passed meanwhile
    desk.sync(office)
    assert _points(desk, pid) == ["1h", "7d"]
    desk.clock.advance(21 * DAY)
    desk.sync(office)
    desk.clock.advance(30 * DAY)
    desk.sync(office)
    assert _points(desk, pid) == ["1h", "7d", "28d"]  # then never again on schedule
    snaps = desk.metrics_store.snapshots([pid])
    assert [s.impression_count for s in snaps] == sorted(s.impression_count for s in snaps)
    assert all(s.non_public is not None for s in snaps)  # under 30 days: as the token allows
    desk.metrics.request_reading(x_post_id=pid)  # "Perbarui angka", 59 days after posting
    desk.sync(office)
    late = desk.metrics_store.snapshots([pid])[-1]
    assert late.point == "demand" and late.impression_count is not None
    assert late.non_public is None and late.organic is None  # X's 30 days are over
    assert "non_public_metrics.impression_count" not in late.fields
    entries = desk.entries(Action.METRICS_SNAPSHOT)
    assert [e.details["count"] for e in entries] == [1, 1, 1, 1]


def test_batches_hold_at_most_100_posts(desk):
    office = desk.sign_in(Slot.OFFICE)
    desk.metrics._budget = Decimal("10")
    _post_in_app(desk, 130)
    desk.clock.advance(HOUR + 60)
    desk.sync(office)
    counts = [e.details["count"] for e in desk.entries(Action.METRICS_SNAPSHOT)]
    assert counts == [100, 30]


def test_a_429_mid_batch_leaves_the_rest_due_and_nothing_is_billed_twice(desk):
    office = desk.sign_in(Slot.OFFICE)
    desk.metrics._budget = Decimal("10")
    _post_in_app(desk, 130)
    desk.timeline.sync(office, call=desk.accounts.call)
    desk.clock.advance(HOUR + 60)
    desk.control.fault(status=429, method="GET", path_prefix="/2/tweets",
                       path_suffix="/2/tweets", skip=1)  # fmt: skip
    first = desk.metrics.take_due(office, call=desk.accounts.call)
    assert first.read == 100 and first.error is not None
    second = desk.metrics.take_due(office, call=desk.accounts.call)
    assert second.read == 30 and second.ok
    assert desk.metrics.take_due(office, call=desk.accounts.call).read == 0
    (month,) = desk.control.billing()["months"].values()
    events = month["accounts"][office.account.user_id]["events"]
    assert events["post_read"] == 130
    assert Decimal(month["usd"]) == desk.usage.estimate()


def test_a_post_deleted_on_x_is_marked_its_readings_kept_and_never_read_again(desk):
    office = desk.sign_in(Slot.OFFICE)
    keep, gone = _post_in_app(desk, 2)
    desk.clock.advance(HOUR + 60)
    desk.sync(office)
    desk.control.app_delete(gone)
    desk.clock.advance(DAY)
    desk.sync(office)
    (deleted,) = desk.entries(Action.POST_DELETED_ON_X)
    assert deleted.x_post_id == gone and deleted.text == "Pengumuman nomor 1."
    assert desk.metrics_store.post(gone).deleted_at is not None
    assert _points(desk, gone) == ["1h"]  # kept
    desk.clock.advance(7 * DAY)
    desk.metrics.request_reading(office.account.user_id)
    desk.sync(office)
    assert _points(desk, gone) == ["1h"]  # never read again
    assert _points(desk, keep) == ["1h", "1d", "7d"]  # the +7 d reading answers the demand too
    assert len(desk.entries(Action.POST_DELETED_ON_X)) == 1


def test_the_budget_is_never_exceeded_and_the_least_useful_readings_go_first(desk):
    """$0.02 pays four reads for three posts that want twelve: the +1 h readings give way
    first and every +28 d reading, the figure that lasts, is still paid for."""
    office = desk.sign_in(Slot.OFFICE)
    desk.metrics._budget = Decimal("0.02")
    ids = _post_in_app(desk, 3)
    desk.timeline.sync(office, call=desk.accounts.call)
    desk.clock.advance(HOUR + 60)
    first = desk.metrics.take_due(office, call=desk.accounts.call)
    assert first.skipped == 3 and first.read == 0
    for days in (1, 7, 28):
        desk.clock.advance(days * DAY - (days == 1) * HOUR)
        desk.metrics.take_due(office, call=desk.accounts.call)
        assert desk.metrics.budget(office.account.user_id).spent <= Decimal("0.02")
    points = [_points(desk, i) for i in ids]
    assert all(p[-1] == "28d" for p in points), points
    assert not any("1h" in p for p in points)


def test_an_exhausted_budget_reads_nothing_and_says_so(desk):
    office = desk.sign_in(Slot.OFFICE)
    desk.metrics._budget = Decimal("0")
    _post_in_app(desk, 2)
    desk.timeline.sync(office, call=desk.accounts.call)
    desk.clock.advance(HOUR + 60)
    before = desk.control.billing()
    result = desk.metrics.take_due(office, call=desk.accounts.call)
    assert result.read == 0 and result.exhausted and result.skipped == 2
    assert desk.metrics.budget(office.account.user_id).exhausted
    assert desk.control.billing() == before  # no read at all


def test_the_cost_meter_equals_the_sandbox_bill_to_the_cent(desk):
    office = desk.sign_in(Slot.OFFICE)
    personal = desk.sign_in(Slot.PERSONAL)
    _post_in_app(desk, 3)
    _post_in_app(desk, 2, author="rina_humas")
    for days in (0.05, 1, 7, 28):
        desk.clock.advance(days * DAY)
        desk.sync(office)
        desk.sync(personal)
    ledger = desk.control.billing()
    total = sum(Decimal(m["usd"]) for m in ledger["months"].values())
    assert total == sum(desk.usage.estimate(month=m) for m in ledger["months"])
    snaps = [s for s in desk.metrics_store.snapshots() if s.account_id == office.account.user_id]
    spent = sum(
        desk.metrics_store.billed_reads(office.account.user_id, m) for m in ledger["months"]
    )
    assert spent == len(snaps) == 12  # 3 posts x 4 points, none on the same UTC day


def test_a_post_deleted_from_the_desk_is_not_read_again(desk):
    from humasdesk.services.posting import delete_post

    office = desk.sign_in(Slot.OFFICE)
    (pid,) = _post_in_app(desk, 1)
    desk.clock.advance(HOUR + 60)
    desk.sync(office)
    delete_post(office, desk.log, pid, call=desk.accounts.call)
    desk.clock.advance(DAY)
    desk.sync(office)
    assert _points(desk, pid) == ["1h"]
    assert desk.metrics_store.post(pid).deleted_at is not None
    assert desk.entries(Action.POST_DELETED_ON_X) == []  # the desk's own deletion is on record
