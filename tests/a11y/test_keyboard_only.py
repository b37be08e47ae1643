"""A working morning with the keyboard alone.

Only key events, each sent to whatever has focus: Ctrl+1, write a post, Ctrl+Return (the
office confirmation, here a stand-in, accepts) and the post is on X; Tab to the tabs, arrow
back to the mentions, Tab into the list, arrow to a citizen's mention, Enter to answer it,
type, Ctrl+Return and the reply is on X; Ctrl+E, Tab to the file name, type it, Enter, and
the report and its signature are written. If this breaks, an official who cannot use a
mouse (or a PR head on a laptop without one) is stuck half-way through the day's work.
"""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from humasdesk.core.models import Slot
from humasdesk.store.exports.sigfile import sig_path_for
from tests.a11y.conftest import ready_desk

CTRL = Qt.KeyboardModifier.ControlModifier


def posts_by(sandbox, handle: str) -> list[dict]:
    return requests.get(
        f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10
    ).json()["data"]


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has keyboard focus"
    qtbot.keyClick(focus, k, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def tab_to(qtbot, target, limit: int = 20) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target, f"Tab never reached {target!r}"


def test_post_reply_and_export_with_the_keyboard_only(
    qtbot, make_desk, keyring_backend, sandbox, tmp_path, memory_signer
):
    window, controller = ready_desk(qtbot, make_desk, keyring_backend)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    office = window.panes[Slot.OFFICE]
    window.panes[Slot.PERSONAL].composer.parts[0].edit.setFocus()  # start anywhere

    # 1. Write and send an office post.
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is office.composer.parts[0].edit
    post = "Layanan KTP elektronik buka Sabtu pukul 08.00 WIB."
    type_text(qtbot, post)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: post in [p["text"] for p in posts_by(sandbox, "HumasDemo")], timeout=15000
    )

    # 2. Answer a citizen's mention.
    inbox = office.inbox_view
    tab_to(qtbot, office.tabs.tabBar())  # the outbox tab shows the queued post ...
    for _ in range(office.tabs.count()):
        key(qtbot, Qt.Key.Key_Left)  # ... the arrows go back to the mentions
    assert office.tabs.currentWidget() is inbox
    tab_to(qtbot, inbox.mention_list)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Up)  # the newest mention, whatever the list started on
    mention = inbox.selected_mention()
    assert mention is not None
    key(qtbot, Qt.Key.Key_Return)
    assert office.composer.reply_to == mention.x_post_id
    assert QApplication.focusWidget() is office.composer.parts[0].edit
    reply = "Terima kasih, laporan Anda sudah kami teruskan ke dinas terkait."
    type_text(qtbot, reply)
    key(qtbot, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(
        lambda: reply in [p["text"] for p in posts_by(sandbox, "HumasDemo")], timeout=15000
    )
    qtbot.waitUntil(
        lambda: (
            inbox.model.mention_at(inbox.model.index_of(mention.x_post_id).row()).state.value
            == "dibalas"
        ),
        timeout=15000,
    )  # it went out as the answer to that citizen

    # 3. Export a signed report.
    key(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: controller.export_dialog is not None)
    dialog = controller.export_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    tab_to(qtbot, dialog.path_edit)
    out = tmp_path / "laporan-keyboard.csv"
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, str(out))
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        key(qtbot, Qt.Key.Key_Return)
    assert out.exists()
    assert sig_path_for(out).exists()
