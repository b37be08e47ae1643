"""The desk on a real X display, driven by real X input (xdotool), as the official used it:

1. click the first office mention, click *Aduan*, press ↓, type "halo";
2. Tab from the office pane's last widget into the personal pane, to its composer;
3. screenshots of what was seen (first screen, the focused pane, the reply confirmation,
   the file picker, Settings → Privasi) into OUTDIR.

    DISPLAY=:N python -m tests.xvfb.keyboard_probe DATA_DIR OUTDIR

Prints one line of JSON with what happened; the test reads it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.models import Slot
from humasdesk.credentials import SessionTokenStore

XDOTOOL = shutil.which("xdotool") or "xdotool"


def spin(app: QApplication, done, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("waited too long")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    """Let X deliver what xdotool sent and the desk react (real input has no signal)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def xdo(*args: str) -> None:
    subprocess.run([XDOTOOL, *args], check=True, timeout=10)


def click(app: QApplication, widget: QWidget, at: QPoint | None = None) -> None:
    point = widget.mapToGlobal(at if at is not None else widget.rect().center())
    xdo("mousemove", "--sync", str(point.x()), str(point.y()))
    xdo("click", "1")
    settle(app)


def shot(out: Path, name: str) -> None:
    subprocess.run(["import", "-window", "root", str(out / name)], check=True, timeout=30)


def main(data_dir: str, outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    desk = build_desk(DeskOptions(sandbox=True, data_dir=data_dir), token_store=SessionTokenStore())
    app, window = desk.app, desk.window
    window.resize(1280, 780)
    window.move(0, 0)
    spin(app, lambda: desk.controller is not None and len(desk.controller.sessions) == 2)
    controller = desk.controller
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    spin(app, lambda: office.inbox_view.model.rowCount() > 1)
    spin(app, lambda: personal.composer.handle != "")
    settle(app, 1.0)
    xdo("windowfocus", "--sync", str(int(window.winId())))  # no window manager on Xvfb
    settle(app)
    shot(out, "first-screen.png")
    result: dict[str, object] = {}

    # 1. The reported incident, with real input.
    inbox = office.inbox_view
    view = inbox.mention_list
    click(app, view.viewport(), view.visualRect(inbox.model.index(0, 0)).center())
    first = inbox.selected_id()
    click(app, inbox.complaint_button)
    spin(app, lambda: getattr(inbox.selected_mention(), "is_complaint", False))
    xdo("key", "Down")
    settle(app)
    xdo("type", "--delay", "30", "halo")
    settle(app)
    focus = QApplication.focusWidget()
    result["down_focus_in_office"] = focus is not None and office.isAncestorOf(focus)
    result["down_moved_to_next_mention"] = inbox.selected_id() not in (None, first)
    result["personal_text_after_down"] = personal.composer.parts[0].edit.toPlainText()
    result["office_has_keyboard"] = office.has_keyboard and not personal.has_keyboard
    shot(out, "focused-pane.png")

    # 2. Tab may cross, and the composer that gets the keyboard says whose it is.
    for _ in range(40):
        if QApplication.focusWidget() is personal.composer.parts[0].edit:
            break
        xdo("key", "Tab")
        settle(app, 0.15)
    result["tab_reached_personal_composer"] = (
        QApplication.focusWidget() is personal.composer.parts[0].edit
    )
    result["personal_has_keyboard"] = personal.has_keyboard and not office.has_keyboard
    result["personal_placeholder"] = personal.composer.parts[0].edit.placeholderText()
    shot(out, "focused-pane-personal.png")

    # 3. The reply confirmation, the file picker and Settings → Privasi, for people to see.
    office.composer.parts[0].edit.setFocus()
    inbox.reply_requested.emit(inbox.model.mention_at(0))
    office.composer.parts[0].edit.setPlainText("Terima kasih, laporan Anda sudah kami teruskan.")

    def capture_modal(kind: type, name: str) -> None:
        def look() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, kind) or not box.isVisible():
                QTimer.singleShot(50, look)
                return
            box.move(120, 60)
            settle(app, 0.8)
            shot(out, name)
            box.reject()

        QTimer.singleShot(0, look)

    capture_modal(QDialog, "reply-confirmation.png")
    click(app, office.composer.send_button)
    settle(app, 0.5)
    capture_modal(QFileDialog, "file-picker.png")
    click(app, office.composer.add_image_button)
    settle(app, 0.5)
    window.action_settings.trigger()
    spin(app, lambda: getattr(controller.settings_dialog, "isVisible", lambda: False)())
    dialog = controller.settings_dialog
    dialog.move(120, 40)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    settle(app, 0.8)
    shot(out, "settings-privasi.png")
    dialog.reject()
    settle(app)

    print(json.dumps(result), flush=True)
    window.close_guard = None
    window.close()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
