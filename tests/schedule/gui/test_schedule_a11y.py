"""The "Jadwalkan…" dialog and the "Terjadwal" tab for someone on the keyboard or a screen
reader: every control named, nothing left in English, Enter schedules and Escape cancels,
and Tab walks the tab's controls while the arrows move within the calendar."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from humasdesk.core.models import Slot
from humasdesk.gui.schedule.dialog import ScheduleDialog
from humasdesk.gui.schedule.view import ScheduleView
from tests.a11y.test_accessible_names import unnamed
from tests.a11y.walk import visible_texts


def _english_left(top) -> list[str]:
    english = ("Schedule", "Cancel", "Send", "Week", "Month", "Previous", "Next", "Today",
               "Missed", "Change", "Edit", "Time zone")  # fmt: skip
    return [f"{where}: {text}" for where, text in visible_texts(top)
            if any(text.startswith(word) for word in english)]  # fmt: skip


def test_the_dialog_is_named_indonesian_and_keyboard_driven(qtbot):
    dialog = ScheduleDialog("Jadwalkan kiriman", "Kapan kiriman ini dikirim?")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    assert _english_left(dialog) == []
    assert dialog.ok_button.text() == "Jadwalkan"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.edit.hasFocus, timeout=5000)
    assert dialog.zone_label.text() in ("WIB", "WITA", "WIT") or dialog.zone_label.text()
    # A past time: said at once, and Enter does not accept it.
    past = dialog.edit.dateTime().addDays(-2)
    dialog.edit.setDateTime(past)
    assert dialog.problem_label.text() == "Waktu ini sudah lewat."
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    dialog.edit.setDateTime(past.addDays(4))
    assert not dialog.problem_label.isVisible()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.due() > datetime.now(UTC)


def test_the_tab_is_named_and_walks_by_keyboard(qtbot):
    from scripts.schedule_screenshot import items

    view = ScheduleView(Slot.OFFICE)
    qtbot.addWidget(view)
    shown = items(datetime.now(UTC))
    view.set_items(shown, [i for i in shown if i.state.value == "missed"])
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert unnamed(view) == []
    assert _english_left(view) == []
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.current_item().state.value == "sent"
    assert not view.edit_button.isEnabled()  # a sent post is not edited any more
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert view.current_item().state.value == "missed"
    assert view.send_now_button.isEnabled() and view.edit_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()  # Tab leaves the calendar
    # The month: a day is a cell; Enter opens its week.
    view.month_button.click()
    assert view.model.rowCount() >= 4
    idx = view.model.index(0, 0)
    assert view.model.data(idx, Qt.ItemDataRole.AccessibleTextRole).startswith("Sen ")
    view.table.setCurrentIndex(view.model.index(1, 2))
    view.on_table_activated(view.model.index(1, 2))
    assert view.week_button.isChecked()
