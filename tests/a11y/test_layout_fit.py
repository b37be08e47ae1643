"""Nothing clipped, nothing overlapping, no holes: the Settings *Privasi* tab cut its
retention help at top and bottom, a paragraph of the export dialog was squeezed over its
neighbours once the result message appeared, and the breach dialog opened with large empty
gaps between its fields."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from humasdesk.settings import Settings
from tests.a11y.clipping import clipped_once_settled, report
from tests.a11y.conftest import open_everything


def test_every_settings_tab_shows_its_help_whole(qtbot, tmp_path):
    from humasdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        problems = clipped_once_settled(qtbot, [dialog])
        assert problems == {}, f"tab {dialog.tabs.tabText(index)}: {report(problems)}"
    # Opened tall enough that no tab needs its scroll bar at the usual font.
    for scroll in (dialog.tabs.widget(i) for i in range(dialog.tabs.count())):
        dialog.tabs.setCurrentWidget(scroll)
        qtbot.waitUntil(lambda s=scroll: s.widget().height() > 0)
        assert not scroll.verticalScrollBar().isVisible(), dialog.tabs.tabText(
            dialog.tabs.indexOf(scroll)
        )


def top_left(widget, top) -> QPoint:
    return widget.mapTo(top, QPoint(0, 0))


def test_the_export_dialog_makes_room_for_its_result(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    dialog = windows.export
    dialog.path_edit.setText(str(tmp_path / "laporan.csv"))
    with qtbot.waitSignal(dialog.export_finished, timeout=30000):
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    problems = clipped_once_settled(qtbot, [dialog])
    assert problems == {}, report(problems)
    label = dialog.privacy_label
    below = dialog.full_citizen_check
    assert top_left(label, dialog).y() + label.height() <= top_left(below, dialog).y()


def test_the_breach_dialog_has_no_empty_gaps_before_a_result(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    dialog = windows.privacy[3]
    rows = [dialog.from_edit, dialog.discovered_edit, dialog.how_edit, dialog.make_button]
    line = dialog.fontMetrics().height()
    for upper, lower in itertools.pairwise(rows):
        gap = top_left(lower, dialog).y() - (top_left(upper, dialog).y() + upper.height())
        assert gap <= line, f"{gap} px under {type(upper).__name__} {upper.accessibleName()!r}"
    bottom = top_left(dialog.make_button, dialog).y() + dialog.make_button.height()
    assert top_left(dialog.button_box, dialog).y() - bottom <= 3 * line
