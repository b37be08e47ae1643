"""What one reading holds and when readings are due (pure: `core.snapshots`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from humasdesk.core.snapshots import (
    Budget,
    Measured,
    due_index,
    plan_reads,
    snapshot_from_x,
)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def test_a_metric_x_leaves_out_or_sends_as_null_is_none_never_zero():
    snap = snapshot_from_x(
        "1", "9", {"public_metrics": {"impression_count": None, "like_count": 3,
                                      "retweet_count": "7", "reply_count": True}},
        T0, "1h",
    )  # fmt: skip
    assert snap.impression_count is None  # null
    assert snap.quote_count is None and snap.bookmark_count is None  # missing
    assert snap.retweet_count is None and snap.reply_count is None  # not a count
    assert snap.like_count == 3
    assert snap.fields == ("public_metrics.like_count",)
    assert snap.non_public is None and snap.organic is None
    assert snap.engagements == 3


def test_no_metrics_at_all():
    snap = snapshot_from_x("1", "9", {}, T0, "demand")
    assert snap.fields == () and snap.engagements is None


def test_due_points():
    assert due_index(T0, 0, T0 + timedelta(minutes=59)) is None
    assert due_index(T0, 0, T0 + timedelta(hours=1)) == 0
    assert due_index(T0, 1, T0 + timedelta(hours=5)) is None
    assert due_index(T0, 1, T0 + timedelta(days=9)) == 2  # +1 d and +7 d: one reading
    assert due_index(T0, 4, T0 + timedelta(days=90)) is None


def test_plan_free_reads_need_no_budget():
    """A post already read today is free at X: read even with nothing left."""
    m = Measured("1", "9", T0)
    plan = plan_reads([m], T0 + timedelta(hours=2), Budget(Decimal(0), Decimal(0),
                      Decimal("0.005")), read_today={"1"})  # fmt: skip
    assert [r.x_post_id for r in plan.reads] == ["1"] and plan.cost == 0


def test_plan_most_useful_first_and_never_over():
    posts = [Measured(str(i), "9", T0 - timedelta(days=d)) for i, d in enumerate((0.1, 2, 8, 29))]
    now = T0 + timedelta(hours=2)
    plan = plan_reads(posts, now, Budget(Decimal("0.01"), Decimal(0), Decimal("0.005")))
    assert [r.point for r in plan.reads] == ["28d", "7d"]
    assert {s.point for s in plan.skipped} == {"1d", "1h"}
    assert plan.cost == Decimal("0.010")
