"""New settings that apply at the next start: the desk offers to restart, and a restart
never drops the posts still waiting."""

from __future__ import annotations

import sys

from humasdesk.app import restart_command
from humasdesk.core.models import Slot
from tests.gui.helpers import wait_signed_in


class Answers:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent, title, text) -> bool:
        self.asked.append(text)
        return self.answer


def test_restart_now_closes_the_desk_and_asks_for_a_new_one(qtbot, make_desk, keyring_backend):
    ask = Answers(True)
    window, controller = make_desk(keyring_backend, ask=ask)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    controller.on_settings_saved(True)
    assert len(ask.asked) == 1
    assert controller.restart_wanted
    assert not window.isVisible()


def test_restart_later_keeps_the_desk_open(qtbot, make_desk, keyring_backend):
    window, controller = make_desk(keyring_backend, ask=Answers(False))
    controller.on_settings_saved(True)
    assert not controller.restart_wanted and window.isVisible()
    assert window.statusBar().currentMessage()


def test_no_restart_question_when_nothing_needs_one(qtbot, make_desk, keyring_backend):
    ask = Answers(True)
    window, controller = make_desk(keyring_backend, ask=ask)
    controller.on_settings_saved(False)
    assert ask.asked == [] and not controller.restart_wanted and window.isVisible()


def test_restart_cancelled_at_the_waiting_posts_question(qtbot, make_desk, keyring_backend):
    """Posts are waiting and the official cancels closing: the desk stays, and no restart
    is left pending for a later close."""
    window, controller = make_desk(
        keyring_backend, ask=Answers(True), close_prompt=lambda parent, pending: "cancel",
        undo_s=30,
    )  # fmt: skip
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    pane = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: pane.composer.handle != "", timeout=10000)
    pane.composer.parts[0].edit.setPlainText("Menunggu di kotak keluar")
    pane.composer.on_send_button_clicked()
    qtbot.waitUntil(lambda: controller.pending_posts() > 0, timeout=10000)
    controller.on_settings_saved(True)
    assert window.isVisible() and not controller.restart_wanted


def test_restart_command_repeats_how_the_desk_was_started(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert restart_command(["--sandbox", "--lang", "en"]) == [
        sys.executable, "-m", "humasdesk", "--sandbox", "--lang", "en",
    ]  # fmt: skip
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert restart_command(["--data-dir", "/x"]) == [sys.executable, "--data-dir", "/x"]
