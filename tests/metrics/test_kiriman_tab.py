"""The Kiriman tab shows each post's latest numbers and when they were read, its trend,
sorts by impressions or engagement rate, sums up the last 7 and 30 days, and says plainly
when the month's budget for reading numbers is used up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from humasdesk.core.metrics import ReachFigures
from humasdesk.core.models import Post, Slot
from humasdesk.core.snapshots import Snapshot
from humasdesk.gui.posts_view import PostsView
from humasdesk.gui.reach_view import ReachPanel, ReachRow, ReachState, numbers_text
from tests.qt_fixtures import collect_qt_objects, indonesian_ui  # noqa: F401

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)


def snap(pid: str, impressions: int | None, likes: int, hours: float = 1) -> Snapshot:
    return Snapshot(pid, "1", NOW - timedelta(hours=hours), "1d", impressions, likes, 1, 0, 2, 0)


def figures(measured: int, total: int, rate: float | None) -> ReachFigures:
    return ReachFigures("1", measured, measured, 0, total, total // max(1, measured),
                        int(total * (rate or 0)), rate, (), (), NOW, NOW)  # fmt: skip


@pytest.fixture
def view(qtbot):
    v = PostsView(Slot.OFFICE)
    qtbot.addWidget(v)
    panel = ReachPanel(v)
    posts = [Post(id=str(100 + i), text=f"Kiriman {i}", author_id="1",
                  created_at=NOW - timedelta(days=i)) for i in range(3)]  # fmt: skip
    v.set_posts(posts)
    v.resize(600, 500)
    v.show()
    return v, panel


def test_numbers_trend_sorting_and_summary(view, qtbot):
    v, panel = view
    state = ReachState(
        rows={
            "100": ReachRow(snap("100", 50, 1), (10, 50)),
            "101": ReachRow(snap("101", 900, 9), (300, 800, 900)),
            "102": ReachRow(snap("102", 300, 30), (200, 180, 300)),  # a drop is kept
        },
        week=figures(2, 950, 0.02),
        month=figures(3, 1250, 0.035),
        spent=Decimal("0.045"),
        limit=Decimal("2"),
    )
    panel.set_state(state)
    assert panel.summary.text() == (
        "7 hari terakhir: 2 kiriman, 950 tayangan, keterlibatan 2,0 % · "
        "30 hari terakhir: 3 kiriman, 1.250 tayangan, keterlibatan 3,5 %"
    )
    assert panel.budget.text() == "Baca angka bulan ini: US$0,045 dari US$2,00"
    text = numbers_text(state.rows["101"])
    assert text.startswith("900 tayangan · 9 suka · 1 repost · 2 balasan · 1,3 % · dibaca ")
    assert numbers_text(None) == "Belum diukur"

    ids = lambda: [v.model.post_at(r).id for r in range(v.model.rowCount())]  # noqa: E731
    assert ids() == ["100", "101", "102"]
    panel.sort.setCurrentIndex(panel.sort.findData("impressions"))
    assert ids() == ["101", "102", "100"]
    panel.sort.setCurrentIndex(panel.sort.findData("rate"))
    assert ids() == ["102", "100", "101"]  # 10.7 %, 6 %, 1.3 %
    panel.sort.setCurrentIndex(panel.sort.findData("newest"))
    assert ids() == ["100", "101", "102"]
    rect = v.post_list.visualRect(v.model.index(0))
    assert rect.height() > 22 + v.fontMetrics().height()  # the numbers line below the text
    assert not v.grab().isNull()  # painting the rows (numbers, sparkline) does not fail


def test_zero_impressions_give_no_rate_and_a_missing_figure_is_a_dash(view):
    _v, _panel = view
    row = ReachRow(snap("100", None, 3))
    assert numbers_text(row).startswith("– tayangan · 3 suka")
    assert ReachRow(snap("100", 0, 3)).rate is None  # never divided by zero, never negative


def test_an_exhausted_budget_says_so(view, qtbot):
    _v, panel = view
    panel.set_state(ReachState(spent=Decimal("2"), limit=Decimal("2"), skipped=4, exhausted=True))
    assert panel.warning.isVisible()
    assert panel.warning.text().startswith("Anggaran baca angka bulan ini sudah habis")
    assert "4 pembacaan dilewati agar anggaran tidak terlampaui" in panel.budget.text()
    assert panel.summary.text() == (
        "7 hari terakhir: belum ada kiriman yang diukur · "
        "30 hari terakhir: belum ada kiriman yang diukur"
    )


def test_refresh_numbers_asks_for_the_selected_post(view, qtbot):
    v, panel = view
    assert not panel.refresh_button.isEnabled()
    v.post_list.setCurrentIndex(v.model.index(1))
    assert panel.refresh_button.isEnabled()
    with qtbot.waitSignal(panel.refresh_requested) as blocker:
        panel.refresh_button.click()
    assert blocker.args == ["101"]


def test_the_pane_header_says_when_the_budget_is_used_up(qtbot):
    """The pane's header (beside the agency's cost) shows the month's metrics reads, and
    says so when the budget is used up."""
    from humasdesk.gui.reach_view import header_text

    assert header_text(ReachState(spent=Decimal("0.125"), limit=Decimal("2"))) == (
        "Baca angka: US$0,13 dari 2,00"
    )
    used_up = ReachState(spent=Decimal("2"), limit=Decimal("2"), exhausted=True)
    assert header_text(used_up) == "Anggaran baca angka habis"
    assert header_text(ReachState()) == ""
