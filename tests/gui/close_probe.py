"""Runs the real desk process the way `humasdesk --sandbox` does, and closes it as an official
would: the activity log open, a personal post waiting in the outbox, then the window's close
and *Tutup, kirim nanti* clicked in the real question box.

    python -m tests.gui.close_probe DATA_DIR

Prints one JSON line when the desk's event loop has ended (the process is about to exit).
The test runs it with a time-out: a desk that does not end there has kept running.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from humasdesk.app import DeskOptions, build_desk, run_built_desk
from humasdesk.core.models import Slot
from humasdesk.credentials import SessionTokenStore

TEXT = "Kiriman ini menunggu sesi berikutnya."
LEAVE = "Tutup, kirim nanti"


def main(data_dir: str) -> int:
    desk = build_desk(DeskOptions(sandbox=True, data_dir=data_dir), token_store=SessionTokenStore())
    window = desk.window
    state = {"step": "signed in"}

    def tick() -> None:
        controller = desk.controller
        step = state["step"]
        if step == "signed in":
            if controller is None or len(controller.sessions) < 2:
                return
            pane = window.panes[Slot.PERSONAL]
            if not pane.composer.handle:
                return
            window.action_log.trigger()
            pane.composer.parts[0].edit.setPlainText(TEXT)
            pane.composer.send_button.click()
            state["step"] = "queued"
        elif step == "queued":
            if controller.pending_posts() < 1 or not controller.log_window.isVisible():
                return
            state["step"] = "closing"
            # Not from this tick: a timer does not fire again while its handler runs, and
            # the close opens the real question box (modal) that the next ticks answer.
            QTimer.singleShot(0, window.close)
        elif step == "closing":
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                for button in box.buttons():
                    if button.text() == LEAVE:
                        state["step"] = "left"
                        button.click()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    code = run_built_desk(desk)
    print(json.dumps({"exit": code, "step": state["step"]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
