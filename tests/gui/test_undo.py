"""Undo costs one click: the post just queued is selected in *Kotak keluar*, so *Batalkan*
works at once (before, it stayed grey until the official found and selected the row, out of
a 10-second window)."""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from humasdesk.core.models import Slot
from humasdesk.store.outbox_store import OutboxState
from tests.gui.helpers import wait_signed_in


def test_batalkan_right_after_sending_takes_the_post_back(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = make_desk(keyring_backend, undo_s=30)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    pane = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: pane.composer.handle != "", timeout=10000)
    text = "Maaf, jadwal yang benar adalah pukul 09.00."
    pane.composer.parts[0].edit.setPlainText(text)
    QTest.mouseClick(pane.composer.send_button, Qt.MouseButton.LeftButton)
    outbox = pane.outbox_view
    qtbot.waitUntil(lambda: outbox.pending_count() == 1, timeout=10000)
    assert pane.tabs.currentWidget() is outbox
    assert outbox.cancel_button.isEnabled()  # no row to find and select first

    QTest.mouseClick(outbox.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.composer.parts[0].edit.toPlainText() == text, timeout=10000)
    assert [i.state for i in controller.services.outbox.items(Slot.PERSONAL)] == [
        OutboxState.CANCELLED
    ]
    posts = requests.get(
        f"{sandbox.base_url}/_sandbox/posts", params={"author": "rina_humas"}, timeout=10
    ).json()["data"]
    assert text not in [p["text"] for p in posts]
