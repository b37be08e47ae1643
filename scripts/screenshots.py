"""Screenshots of the desk from a real window, for people to look at.

    python scripts/screenshots.py OUTDIR [--lang id|en]

Needs a display (Xvfb in the tests: tests/xvfb/). Each scene is the real window
and controller against the built-in X emulator; nothing is drawn by hand.
Scenes: desk-practice.png (both panes with posts), pane-signing-in.png (a pane
waiting for the browser), session-only-warning.png (no secure storage).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from humasdesk.core.models import Slot
from humasdesk.credentials import FallbackTokenStore, TokenStore
from humasdesk.gui.desk import DeskController
from humasdesk.gui.i18n import install_translators
from humasdesk.gui.main_window import MainWindow
from humasdesk.sandbox import Sandbox
from humasdesk.services.accounts import AccountService, XEndpoint
from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES


class MemoryKeyring:
    """Keeps the scenes' practice tokens out of the machine's real keyring."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def wait_until(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(50)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if not condition():
        raise SystemExit("scene did not reach its state in time")


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Scene:
    def __init__(self, sandbox: Sandbox, backend: object, *, practice: bool) -> None:
        self.window = MainWindow(practice=True)

        def prepare() -> AccountService:
            return AccountService(
                XEndpoint(PRACTICE_CLIENT_ID, sandbox.base_url, 0),
                FallbackTokenStore(TokenStore("humasdesk-screenshots", backend=backend)),
            )

        self.controller = DeskController(
            self.window,
            prepare_service=prepare,
            open_url=lambda url: None,  # no browser on the virtual screen
            practice_handles=PRACTICE_HANDLES if practice else None,
            parent=self.window,
        )
        self.window.resize(1280, 760)
        self.window.show()
        self.controller.start()

    def shoot(self, path: Path) -> None:
        settle()
        self.window.grab().save(str(path))
        print(path)

    def close(self) -> None:
        self.controller.shutdown()
        self.window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    opts = parser.parse_args()
    opts.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    keep = install_translators(app, opts.lang)  # noqa: F841 (translators must stay alive)
    from keyring.backends.fail import Keyring as NoKeyring

    with tempfile.TemporaryDirectory():
        sandbox = Sandbox(host="127.0.0.1", port=0)
        sandbox.start()
        try:
            scene = Scene(sandbox, MemoryKeyring(), practice=True)
            panes = scene.window.panes.values()
            wait_until(lambda: all(p.pages.count() > 2 and p.posts_view.model.rowCount()
                                   for p in panes))  # fmt: skip
            scene.shoot(opts.outdir / "desk-practice.png")
            scene.close()

            scene = Scene(sandbox, MemoryKeyring(), practice=False)
            pane = scene.window.panes[Slot.OFFICE]
            wait_until(lambda: pane.pages.currentIndex() == 0)
            pane.sign_in_button.click()
            wait_until(lambda: Slot.OFFICE in scene.controller._attempts)
            scene.shoot(opts.outdir / "pane-signing-in.png")
            scene.close()

            scene = Scene(sandbox, NoKeyring(), practice=True)
            wait_until(lambda: len(scene.controller.sessions) == 2)
            wait_until(lambda: scene.window.panes[Slot.OFFICE].storage_warning.isVisible())
            scene.shoot(opts.outdir / "session-only-warning.png")
            scene.close()
        finally:
            sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
