"""Screenshots of the desk from a real window, for people to look at.

    python scripts/screenshots.py OUTDIR [--lang id|en]

Needs a display (Xvfb in the tests: tests/xvfb/). Each scene is the real window
and controller against the built-in X emulator; nothing is drawn by hand.
Scenes: desk-practice.png (both panes with posts, mentions and a post counting down in
the outbox), log-view.png (the activity log), pane-signing-in.png (a pane waiting for the
browser), session-only-warning.png (no secure storage), privacy-requests.png (the requests
register of the "Data warga" menu), handover-done.png (the handover's last step: the values
for the handover report).
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
from humasdesk.gui.pane import AccountPane
from humasdesk.sandbox import Sandbox
from humasdesk.services.accounts import XEndpoint
from humasdesk.services.desk_services import DeskServices, build_desk_services
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
    def __init__(self, sandbox: Sandbox, backend: object, workdir: Path, *, practice: bool) -> None:
        self.window = MainWindow(practice=True)
        self.services: DeskServices | None = None
        database = workdir / f"scene-{id(self)}.db"

        def prepare() -> DeskServices:
            self.services = build_desk_services(
                database,
                XEndpoint(PRACTICE_CLIENT_ID, sandbox.base_url, 0),
                FallbackTokenStore(TokenStore("humasdesk-screenshots", backend=backend)),
                undo_s=30,
            )
            return self.services

        self.controller = DeskController(
            self.window,
            prepare_services=prepare,
            open_url=lambda url: None,  # no browser on the virtual screen
            practice_handles=PRACTICE_HANDLES if practice else None,
            confirm=lambda *args: True,  # the scenes show the desk, not the dialog
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
        self.window.close_guard = None  # a scene's queued post stays queued: no question
        self.controller.shutdown()
        if self.services is not None:
            self.services.close()
        self.window.close()


def shoot_privacy(scene: Scene, outdir: Path, work: Path) -> None:
    """The requests register with one request, then a whole office handover."""
    from datetime import UTC, datetime

    from humasdesk.credentials.signing import ExportSigner
    from humasdesk.gui.privacy.handover_dialog import STEP_DONE
    from humasdesk.services.privacy import register_request

    services, menu = scene.services, scene.controller.privacy_menu
    assert services is not None and menu is not None
    register_request(services.log, services.privacy, "@warga_demo", "access", datetime.now(UTC))
    scene.window.action_requests.trigger()
    requests = menu.dialogs["requests"]
    wait_until(lambda: requests.model.rowCount() > 0)
    settle()
    requests.grab().save(str(outdir / "privacy-requests.png"))
    print(outdir / "privacy-requests.png")
    requests.close()

    signer = ExportSigner(backend=MemoryKeyring(), public_key_path=None)
    menu.signer_factory = lambda: (lambda: signer)  # the scene's key stays in memory
    scene.window.action_handover.trigger()
    handover = menu.dialogs["handover"]
    handover.next_button.click()
    handover.path_edit.setText(str(work / "serah-terima-HumasDemo.jsonl"))
    handover.next_button.click()
    handover.confirm_edit.setText("@HumasDemo")
    handover.run_button.click()
    wait_until(lambda: handover.current_step() == STEP_DONE)
    settle()
    handover.grab().save(str(outdir / "handover-done.png"))
    print(outdir / "handover-done.png")
    handover.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    opts = parser.parse_args()
    opts.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    keep = install_translators(app, opts.lang)  # noqa: F841 (translators must stay alive)
    from keyring.backends.fail import Keyring as NoKeyring

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sandbox = Sandbox(host="127.0.0.1", port=0)
        sandbox.start()
        try:
            scene = Scene(sandbox, MemoryKeyring(), work, practice=True)
            panes = scene.window.panes

            def populated(p: AccountPane) -> bool:
                return (
                    p.pages.count() > 2
                    and p.posts_view.model.rowCount() > 0
                    and p.inbox_view.model.rowCount() > 0
                )

            wait_until(lambda: all(populated(p) for p in panes.values()))
            personal = panes[Slot.PERSONAL]
            personal.composer.parts[0].edit.setPlainText(
                "Terima kasih kepada warga yang hadir di forum konsultasi publik hari ini."
            )
            personal.composer.on_send_button_clicked()
            wait_until(lambda: personal.outbox_view.model.rowCount() > 0)
            panes[Slot.OFFICE].composer.parts[0].edit.setPlainText(
                "Layanan pengaduan dibuka Senin–Jumat pukul 08.00–16.00 WIB."
            )
            scene.shoot(opts.outdir / "desk-practice.png")

            scene.window.action_log.trigger()  # the activity log, as a supervisor sees it
            log_view = scene.controller.log_window
            wait_until(lambda: log_view is not None and log_view.model.rowCount() > 0)
            settle()
            log_view.grab().save(str(opts.outdir / "log-view.png"))
            print(opts.outdir / "log-view.png")
            log_view.close()
            shoot_privacy(scene, opts.outdir, work)
            scene.close()

            scene = Scene(sandbox, MemoryKeyring(), work, practice=False)
            pane = scene.window.panes[Slot.OFFICE]
            wait_until(lambda: pane.pages.currentIndex() == 0)
            pane.sign_in_button.click()
            wait_until(lambda: Slot.OFFICE in scene.controller._attempts)
            scene.shoot(opts.outdir / "pane-signing-in.png")
            scene.close()

            scene = Scene(sandbox, NoKeyring(), work, practice=True)
            wait_until(lambda: len(scene.controller.sessions) == 2)
            wait_until(lambda: scene.window.storage_notice.isVisible())
            scene.shoot(opts.outdir / "session-only-warning.png")
            scene.close()
        finally:
            sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
