"""Switching the desk's language: Settings → Umum → Bahasa, then the offer to restart.

The language applies at the next start, so saving it asks (the desk's real yes/no
question) whether to restart now. If these break, an official who picked English keeps an
Indonesian desk with no word why, or the desk restarts without asking and drops her work.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
)

from humasdesk.core.models import Slot
from humasdesk.gui.slot_desk import ask_yes_no
from humasdesk.settings import Settings
from tests.gui.helpers import ModalAnswer, press, wait_signed_in

#: What a desk started on this data folder shows first (in a new process: a language is
#: installed once per process, at start-up).
FIRST_LOOK = r"""
import sys
from humasdesk.app import DeskOptions, build_desk
desk = build_desk(DeskOptions(data_dir=sys.argv[1], sandbox_url="http://127.0.0.1:9"))
print(desk.window.practice_banner.text())
print(desk.window.panes["office"].header.role_label.text())
desk.window.close_guard = None
desk.window.close()
desk.close()
"""


def first_look(data_dir: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_LOOK, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def question(box: QMessageBox) -> dict:
    return {
        "title": box.windowTitle(),
        "text": box.text(),
        "buttons": sorted(b.text() for b in box.buttons()),
        "default": box.defaultButton().text() if box.defaultButton() else None,
    }


def click_button(text: str):
    def act(box: QMessageBox) -> None:
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


@pytest.fixture
def desk_with_settings(qtbot, make_desk, keyring_backend, tmp_path):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    window, controller = make_desk(keyring_backend, ask=ask_yes_no)  # the real question
    controller.settings = Settings.load(data / "settings.json")
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    return window, controller, data


def choose_english_and_save(qtbot, window, controller):
    window.action_settings.trigger()
    dialog = controller.settings_dialog
    qtbot.waitExposed(dialog)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Umum"
    combo = dialog.editors["language"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Bahasa Indonesia", "English"]
    assert combo.currentText() == "Bahasa Indonesia"
    assert dialog.tabs.currentWidget().isAncestorOf(combo)  # on the Umum tab
    assert [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is combo] == ["Bahasa"]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the keyboard, as an official would
    assert combo.currentData() == "en"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)  # returns once the question is answered


def test_choosing_english_offers_a_restart_and_the_next_start_is_in_english(
    qtbot, desk_with_settings
):
    window, controller, data = desk_with_settings
    assert first_look(data)[0].startswith("Mode Latihan:")  # Indonesian before the change
    answer = ModalAnswer(QMessageBox, click_button("Ya"), look=question).arm()
    choose_english_and_save(qtbot, window, controller)
    assert answer.seen == [
        {
            "title": "Mulai ulang HumasDesk",
            "text": "Pengaturan disimpan dan berlaku setelah HumasDesk dibuka kembali. "
            "Mulai ulang sekarang?",
            "buttons": ["Tidak", "Ya"],
            "default": "Tidak",  # Enter does not restart by accident
        }
    ]
    assert json.loads((data / "settings.json").read_text())["language"] == "en"
    assert controller.restart_wanted  # the composition root starts the desk again
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert first_look(data) == [
        "Practice Mode: posts go to the built-in X emulator on this laptop, not to the real X.",
        "Office account",
    ]


def test_restart_later_keeps_the_desk_open_and_says_when_it_applies(qtbot, desk_with_settings):
    """Enter at the question takes its default, Tidak: the desk stays as it is (still in
    Indonesian) and says the change waits for the next start; the choice is saved."""
    window, controller, data = desk_with_settings
    answer = ModalAnswer(QMessageBox, lambda box: press(box, Qt.Key.Key_Return)).arm()
    choose_english_and_save(qtbot, window, controller)
    assert answer.answered == 1
    assert not controller.restart_wanted and window.isVisible()
    assert window.statusBar().currentMessage() == (
        "Pengaturan disimpan. Perubahan berlaku setelah HumasDesk dijalankan ulang."
    )
    assert window.panes[Slot.OFFICE].header.role_label.text() == "Akun Kantor"
    assert json.loads((data / "settings.json").read_text())["language"] == "en"
