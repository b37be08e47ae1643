"""Many sends from the desk's GUI, both panes, with the real office confirmation dialog and a
busy worker thread: does the desk survive, and does every post reach X exactly once?

The desk once died with a segmentation fault within a few sends: a confirmation dialog that
PySide6 handed to Python after `exec()` was freed by the garbage collector on a worker thread
(see `humasdesk/gui/collector.py`). This drives the same path: text into the composer, the
send button, the real `ConfirmPostDialog` answered with its own send button, the outbox, the
sandbox over HTTP; meanwhile a worker runs Python that makes reference cycles, as the desk's
workers do when they decode X's answers.

    python -X faulthandler bench/send_stress.py --sends 500            # offscreen
    QT_QPA_PLATFORM=xcb DISPLAY=:1 python -X faulthandler bench/send_stress.py --sends 500

X allows 100 posts per account per 15 minutes, and the sandbox holds the desk to it: 500 sends
take at least 37.5 minutes (the desk waits out each 429 with the posts kept in its outbox), so
give `--deadline` room. Runs the desk in this process; the sandbox runs in a child process.
Exit code 0 only if all sends reached the sandbox exactly once. Ends with one line of JSON.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import SERVICE, MemoryKeyring, emit, sandbox, table  # noqa: E402

PREFIX = "Uji tekanan kiriman"


def churn(stop_at: float) -> int:
    """Python work that leaves reference cycles behind (as decoding X's JSON into objects
    does), on a worker thread, so the garbage collector gets triggered there."""
    made = 0
    while time.monotonic() < stop_at:
        for _ in range(200):
            node: dict[str, object] = {"n": made}
            node["self"] = node
            made += 1
        time.sleep(0.002)
    return made


def run(sends: int, *, sandbox_url: str | None, deadline_s: float) -> dict[str, object]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from humasdesk.core.models import Slot
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.gui.collector import collect_on_gui_thread
    from humasdesk.gui.confirm_dialog import ConfirmPostDialog
    from humasdesk.gui.desk import DeskController
    from humasdesk.gui.i18n import install_translators
    from humasdesk.gui.main_window import MainWindow
    from humasdesk.gui.tasks import Worker
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = collect_on_gui_thread(app)  # as the desk's composition root does
    translators = install_translators(app, "id")
    data = Path(tempfile.mkdtemp(prefix="send-stress-"))
    keyring = MemoryKeyring()
    figures: dict[str, object] = {}
    with sandbox(sandbox_url) as base_url:
        import requests

        window = MainWindow(practice=True)
        controller = DeskController(
            window,
            prepare_services=lambda: build_desk_services(
                data / "humasdesk.db",
                XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
                FallbackTokenStore(TokenStore(SERVICE, backend=keyring)),
                undo_s=0.05,
            ),
            open_url=lambda url: None,
            practice_handles=PRACTICE_HANDLES,
            confirm_sign_out=False,
            ask=lambda *args: False,
            close_prompt=lambda *args: "leave",
            parent=window,
        )  # confirm=None: the real office confirmation dialog
        window.show()
        controller.start()
        busy = Worker("busy", window)
        started = time.monotonic()
        busy.submit(churn, started + deadline_s)
        clicked = {"sends": 0, "confirmed": 0}

        def answer_dialog() -> None:
            for widget in app.topLevelWidgets():
                if isinstance(widget, ConfirmPostDialog) and widget.isVisible():
                    QTest.mouseClick(widget.send_button, Qt.MouseButton.LeftButton)
                    clicked["confirmed"] += 1

        def next_send() -> None:
            n = clicked["sends"]
            if len(controller.sessions) < 2 or n >= sends:
                return
            slot = Slot.OFFICE if n % 2 == 0 else Slot.PERSONAL
            composer = window.panes[slot].composer
            if not composer.isEnabled() or not composer.handle:
                return  # still queuing the previous one
            composer.parts[0].edit.setPlainText(f"{PREFIX} {slot.value} {n}")
            if composer.send_button.isEnabled():
                clicked["sends"] += 1
                if slot is Slot.OFFICE:
                    QTimer.singleShot(0, answer_dialog)  # runs inside the dialog's exec()
                QTest.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)

        def on_x() -> list[str]:
            reply = requests.get(f"{base_url}/_sandbox/posts", timeout=10)
            return [p["text"] for p in reply.json()["data"] if p["text"].startswith(PREFIX)]

        def check() -> None:
            texts = on_x()
            if len(texts) >= sends or time.monotonic() - started > deadline_s:
                figures["texts"] = texts
                app.exit(0)

        sender = QTimer()
        sender.timeout.connect(next_send)
        sender.start(15)
        checker = QTimer()
        checker.timeout.connect(check)
        checker.start(500)
        app.exec()
        elapsed = time.monotonic() - started
        sender.stop()
        checker.stop()
        window.close_guard = None
        controller.shutdown()
        busy.shutdown(wait=True, timeout=5)
        if controller.services is not None:
            controller.services.close()
        window.close()
        window.deleteLater()
    texts = figures.pop("texts", [])
    for translator in translators:
        app.removeTranslator(translator)
    collector.stop()
    return {
        "sends": sends,
        "clicked": clicked["sends"],
        "confirmed": clicked["confirmed"],
        "on_x": len(texts),
        "duplicates": len(texts) - len(set(texts)),
        "seconds": round(elapsed, 1),
        "platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sends", type=int, default=500)
    parser.add_argument("--sandbox-url", default=None)
    parser.add_argument("--deadline", type=float, default=900, help="seconds before giving up")
    opts = parser.parse_args()
    faulthandler.enable()
    fig = run(opts.sends, sandbox_url=opts.sandbox_url, deadline_s=opts.deadline)
    header = ["sends asked", "clicked", "office confirmed", "on X", "duplicates", "s", "platform"]
    row = [fig["sends"], fig["clicked"], fig["confirmed"], fig["on_x"], fig["duplicates"],
           fig["seconds"], fig["platform"]]  # fmt: skip
    print(table([row], header))
    emit(fig)
    return 0 if fig["on_x"] == fig["sends"] and fig["duplicates"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
