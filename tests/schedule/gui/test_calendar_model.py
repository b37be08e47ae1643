"""The calendar's item model passes Qt's model checks in the week and the month, and lays
posts out where the official expects them."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from humasdesk.gui.schedule.model import CalendarModel, Period
from scripts.schedule_screenshot import items


def test_week_and_month_pass_qtmodeltester(qtmodeltester):
    now = datetime.now(UTC)
    shown = items(now)
    model = CalendarModel()
    model.set_period(Period.WEEK, now.astimezone().date(), shown)
    qtmodeltester.check(model, force_py=True)
    # Monday holds the two sent posts, stacked by time; the state is said in words.
    assert model.data(model.index(0, 0)).startswith("07.00 · Terkirim")
    assert model.data(model.index(1, 0)).startswith("12.00 · Terkirim")
    assert model.data(model.index(0, 1), CalendarModel.StateRole) == "missed"
    assert model.headerData(0, Qt.Orientation.Horizontal).startswith("Sen ")
    model.set_period(Period.MONTH, now.astimezone().date(), shown)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 7 and model.rowCount() in (4, 5, 6)
