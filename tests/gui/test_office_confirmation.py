"""The real office confirmation dialog (every other desk test answers it with a stand-in).

Before anything goes out from the office account the desk asks, naming the account in the
office colour. Its safe answer is the default: Enter or Esc goes back to editing and nothing
is queued; only the send button publishes. If this breaks, a personal message slips out from
the office account with one press of Enter — the incident the desk exists to prevent.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from humasdesk.core.models import Slot
from humasdesk.gui.confirm_dialog import ConfirmPostDialog, confirm_post
from humasdesk.gui.theme import SLOT_COLOURS
from tests.gui.helpers import ModalAnswer, press
from tests.gui.test_desk_work import outbox_items, ready, texts_on_x, type_and_send
from tests.qt_fixtures import drain


def what_the_official_sees(dialog: ConfirmPostDialog) -> dict:
    band = dialog.band
    picture = band.grab().toImage()
    return {
        "title": dialog.windowTitle(),
        "band": band.text(),
        "band_colour": picture.pixelColor(3, 3).name(),
        "send": dialog.send_button.text(),
        "cancel": dialog.cancel_button.text(),
        "default_is_cancel": dialog.cancel_button.isDefault()
        and not dialog.send_button.isDefault(),
        "focus_on_send": dialog.focusWidget() is dialog.send_button,
        "text": [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)],
    }


@pytest.mark.parametrize(
    "key",
    [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape],
    ids=["Return", "Enter", "Escape"],
)
def test_enter_or_escape_goes_back_to_editing_and_queues_nothing(
    qtbot, make_desk, keyring_backend, sandbox, key
):
    """The dialog names the office account on the office colour and shows the text; Enter
    (the default is "Kembali menyunting") and Esc both go back to the composer."""
    window, controller = ready(qtbot, make_desk, keyring_backend, confirm=confirm_post)
    office = window.panes[Slot.OFFICE]
    text = "Catatan pribadi: jemput anak pukul 16.00"
    answer = ModalAnswer(
        ConfirmPostDialog, lambda d: press(d, key), look=what_the_official_sees
    ).arm()
    type_and_send(qtbot, office, text)  # returns when the dialog has closed
    assert answer.answered == 1
    (seen,) = answer.seen
    assert seen["title"] == "Kirim sebagai @HumasDemo?"
    assert seen["band"] == "Akun Kantor: Humas Kementerian Demo (@HumasDemo)"
    assert QColor(seen["band_colour"]) == QColor(SLOT_COLOURS[Slot.OFFICE])
    assert seen["send"] == "Kirim sebagai @HumasDemo"
    assert seen["cancel"] == "Kembali menyunting"
    assert seen["default_is_cancel"] and not seen["focus_on_send"]
    assert seen["text"] == [text]
    drain(qtbot, controller.slot_desks[Slot.OFFICE].worker)
    assert outbox_items(controller, Slot.OFFICE) == []
    assert office.composer.parts[0].text() == text  # back to editing, nothing lost
    assert office.composer.isEnabled()
    assert text not in texts_on_x(sandbox, "HumasDemo")


def test_the_send_button_publishes_from_the_office_account(
    qtbot, make_desk, keyring_backend, sandbox
):
    """Tab to "Kirim sebagai @HumasDemo" and press Space: the post goes out from the office
    account, and only from it."""
    window, _ = ready(qtbot, make_desk, keyring_backend, confirm=confirm_post)
    office = window.panes[Slot.OFFICE]
    text = "Layanan Dukcapil keliling hadir di Kecamatan Sukamaju hari Sabtu."

    def tab_to_send_and_press_space(dialog: ConfirmPostDialog) -> None:
        for _ in range(10):
            if dialog.focusWidget() is dialog.send_button:
                break
            press(dialog, Qt.Key.Key_Tab)
        QTest.keyClick(dialog.send_button, Qt.Key.Key_Space)

    answer = ModalAnswer(ConfirmPostDialog, tab_to_send_and_press_space).arm()
    type_and_send(qtbot, office, text)
    assert answer.answered == 1
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "HumasDemo"), timeout=15000)
    assert text not in texts_on_x(sandbox, "rina_humas")


def test_personal_posts_are_not_asked_about(qtbot, make_desk, keyring_backend, sandbox):
    """The question is for the office account only: the personal pane sends directly."""
    window, _ = ready(qtbot, make_desk, keyring_backend, confirm=confirm_post)
    answer = ModalAnswer(ConfirmPostDialog, lambda d: d.reject()).arm()
    text = "Selamat pagi, semangat bekerja untuk rekan-rekan Humas."
    type_and_send(qtbot, window.panes[Slot.PERSONAL], text)
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "rina_humas"), timeout=15000)
    assert answer.answered == 0
