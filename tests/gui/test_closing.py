"""Closing with posts waiting is trustworthy.

*Tutup, kirim nanti* ends the process (the activity log left open once kept it, and its
sending, alive); the next start says what the last session left, with *Batalkan* for each,
and the undo window starts again; a draft whose text was queued never comes back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from humasdesk.core.models import Slot
from humasdesk.store.database import ConnectionFactory
from humasdesk.store.outbox_store import OutboxState, OutboxStore
from tests.gui.close_probe import TEXT
from tests.gui.helpers import wait_signed_in

ROOT = Path(__file__).resolve().parents[2]


def posts_by(sandbox, handle: str) -> list[str]:
    data = requests.get(
        f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10
    ).json()["data"]
    return [p["text"] for p in data]


def test_close_send_next_time_ends_the_process_and_the_post_waits(tmp_path):
    """The real desk process, the log window open, a post waiting: after *Tutup, kirim
    nanti* in the real question box the process ends at once, and the post is still
    waiting in the database (not sent)."""
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.close_probe", str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["step"] == "left"

    store = OutboxStore(ConnectionFactory(data / "humasdesk.db"))
    try:
        items = store.items(Slot.PERSONAL)
    finally:
        store.close()
    assert [(i.text, i.state) for i in items] == [(TEXT, OutboxState.QUEUED)]


def queue_and_leave(qtbot, make_desk, keyring_backend, text: str, undo_s: float = 60):
    """A first desk: a personal post queued, then closed at once with "send next time".
    Returns its controller, shut down."""
    window, controller = make_desk(keyring_backend, undo_s=undo_s)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    pane = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: pane.composer.handle != "", timeout=10000)
    pane.composer.parts[0].edit.setPlainText(text)
    QTest.mouseClick(pane.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.pending_posts() == 1, timeout=10000)
    assert window.close()  # the close prompt answers "leave"
    controller.shutdown()
    return controller


def test_next_start_lists_what_the_last_session_left_with_cancel_for_each(
    qtbot, make_desk, keyring_backend, sandbox
):
    text = "Pengumuman jam layanan baru mulai pekan depan."
    queue_and_leave(qtbot, make_desk, keyring_backend, text)
    started = datetime.now(UTC)

    window, controller = make_desk(keyring_backend, undo_s=30)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    pane = window.panes[Slot.PERSONAL]
    notice = pane.carried_over
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert notice.title.text() == "1 kiriman dari sesi sebelumnya akan dikirim."
    (item_id,) = notice.cancel_buttons
    item = controller.services.outbox.get(item_id)
    assert item.text == text
    assert item.not_before >= started + timedelta(seconds=25)  # a new undo window
    assert window.panes[Slot.OFFICE].carried_over.isHidden()

    button = notice.cancel_buttons[item_id]
    assert button.text() == "Batalkan"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.composer.parts[0].edit.toPlainText() == text, timeout=10000)
    qtbot.waitUntil(notice.isHidden, timeout=10000)
    assert controller.services.outbox.get(item_id).state is OutboxState.CANCELLED
    assert text not in posts_by(sandbox, "rina_humas")


def test_what_the_last_session_left_goes_out_after_the_new_window(
    qtbot, make_desk, keyring_backend, sandbox
):
    text = "Terima kasih atas partisipasi warga dalam musrenbang."
    queue_and_leave(qtbot, make_desk, keyring_backend, text, undo_s=3)

    window, controller = make_desk(keyring_backend, undo_s=1)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    notice = window.panes[Slot.PERSONAL].carried_over
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert text not in posts_by(sandbox, "rina_humas")  # shown before it went out
    qtbot.waitUntil(lambda: text in posts_by(sandbox, "rina_humas"), timeout=15000)
    qtbot.waitUntil(notice.isHidden, timeout=10000)


def test_a_queued_post_never_comes_back_as_the_draft(qtbot, make_desk, keyring_backend):
    """Type, send while the pane's worker is busy: the draft save still pending from the
    typing must not run after the outbox cleared the draft (the next start would offer the
    published text again)."""
    window, controller = make_desk(keyring_backend, undo_s=60)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    pane = window.panes[Slot.PERSONAL]
    composer = pane.composer
    qtbot.waitUntil(lambda: composer.handle != "", timeout=10000)
    desk = controller.slot_desks[Slot.PERSONAL]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    composer.set_draft_delay(0)  # the save is due at once: it races the queueing
    busy = threading.Event()
    desk.worker.submit(busy.wait, 20)  # a sync or send in progress

    text = "Rapat koordinasi humas dimulai pukul 09.00."
    edit = composer.parts[0].edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not composer.isEnabled())
    busy.set()
    qtbot.waitUntil(lambda: controller.pending_posts() == 1, timeout=10000)
    qtbot.waitUntil(lambda: composer.parts[0].edit.toPlainText() == "", timeout=10000)
    with qtbot.waitCallback(timeout=10000) as drained:  # every job queued so far has run
        desk.worker.submit(lambda: None, on_done=drained)
    assert controller.services.outbox_store.load_draft(Slot.PERSONAL) is None
