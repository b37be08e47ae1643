"""Deleting a post and signing out are asked about the account in its colour: the official
sees which account the question is about before answering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from humasdesk.core.models import Slot
from humasdesk.gui.confirm_dialog import AccountQuestionDialog
from humasdesk.gui.posts_view import PostsView
from humasdesk.gui.theme import SLOT_COLOURS
from tests.gui_views.conftest import HOSTILE, post


@pytest.mark.parametrize(
    ("slot", "role"), [(Slot.OFFICE, "Akun Kantor"), (Slot.PERSONAL, "Akun Pribadi")]
)
def test_the_question_names_the_account_in_its_colour(qtbot, slot, role):
    dialog = AccountQuestionDialog(
        slot, "HumasDemo", "Hapus", "Hapus kiriman ini?", yes_text="Hapus", no_text="Simpan"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.band.text() == f"{role}: @HumasDemo"
    assert SLOT_COLOURS[slot] in dialog.band.styleSheet()
    assert dialog.band.textFormat() == Qt.TextFormat.PlainText
    assert dialog.no_button.isDefault() and not dialog.yes_button.isDefault()
    assert dialog.band.font().bold()
    assert dialog.band.font().pointSizeF() > QApplication.font().pointSizeF()


def test_enter_and_escape_keep_the_post(qtbot):
    dialog = AccountQuestionDialog(
        Slot.OFFICE, "HumasDemo", "Hapus", "Hapus?", yes_text="Hapus", no_text="Simpan"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == AccountQuestionDialog.DialogCode.Rejected
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == AccountQuestionDialog.DialogCode.Rejected


def test_delete_confirmation_shows_the_office_band_and_the_post_as_written(qtbot):
    """The real confirmation of the posts tab: the office band on top, the post's text (HTML
    included) as typed, and "Keep" unless the official picks "Delete"."""
    view = PostsView(Slot.OFFICE)
    qtbot.addWidget(view)
    view.set_handle("HumasDemo")
    seen = {}

    def answer(click_yes: bool) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AccountQuestionDialog):  # assert outside: never hang here
            seen["unexpected"] = type(dialog).__name__
            if dialog is not None:
                dialog.close()
            return
        seen["band"] = dialog.band.text()
        seen["text"] = dialog.text_label.text()
        seen["format"] = dialog.text_label.textFormat()
        (dialog.yes_button if click_yes else dialog.no_button).click()

    message = view.confirmation_text(post("1", HOSTILE[0]))
    QTimer.singleShot(0, lambda: answer(False))
    assert view.ask_to_delete(message) is False
    assert "unexpected" not in seen, seen
    assert seen["band"].endswith("@HumasDemo") and "Kantor" in seen["band"]
    assert HOSTILE[0] in seen["text"] and seen["format"] == Qt.TextFormat.PlainText
    QTimer.singleShot(0, lambda: answer(True))
    assert view.ask_to_delete(message) is True
