"""Composition root: builds the Qt application, the window and its collaborators.

The only module outside `gui/` that imports PySide6. `cli.py` imports it lazily,
so `humasdesk sandbox`, `export` and `verify` start without Qt.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from humasdesk import __version__
from humasdesk.gui.desk import DeskController
from humasdesk.gui.i18n import install_translators
from humasdesk.gui.main_window import MainWindow
from humasdesk.logsetup import configure_logging
from humasdesk.paths import DataPaths, resolve_data_dir
from humasdesk.practice import PracticeBackend
from humasdesk.services.session import sign_in_practice
from humasdesk.settings import Settings

logger = logging.getLogger(__name__)

ENV_SANDBOX_URL = "HUMASDESK_SANDBOX_URL"


@dataclass
class DeskOptions:
    sandbox: bool = False
    sandbox_url: str | None = None
    data_dir: str | None = None
    lang: str | None = None


@dataclass
class Desk:
    app: QApplication
    window: MainWindow
    controller: DeskController
    backend: PracticeBackend | None
    paths: DataPaths

    def close(self) -> None:
        self.controller.shutdown()
        if self.backend is not None:
            self.backend.stop()


def build_desk(options: DeskOptions) -> Desk:
    """Create and show the window; sign-in and loading start once it has painted."""
    paths = resolve_data_dir(options.data_dir).ensure()
    settings = Settings.load(paths.settings)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("HumasDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("HumasDesk")
    language = options.lang or settings.get("language")
    app._humasdesk_translators = install_translators(app, language)  # type: ignore[attr-defined]

    sandbox_url = options.sandbox_url or os.environ.get(ENV_SANDBOX_URL) or None
    practice = options.sandbox or bool(sandbox_url) or not settings.x_client_id
    backend = PracticeBackend(paths, external_url=sandbox_url) if practice else None
    window = MainWindow(practice=practice)
    controller = DeskController(
        window,
        connect_backend=backend.start if backend else None,
        sign_in=lambda slot, base_url: sign_in_practice(slot, base_url=base_url),
        parent=window,
    )

    def after_first_paint() -> None:
        # Logging to file, sign-in and loading (tweepy, the sandbox, the network) wait
        # until the window has painted, so the official sees the desk at once.
        configure_logging(paths.logs)
        logger.info("desk started (practice=%s)", practice)
        controller.start()

    window.first_painted.connect(after_first_paint)
    window.show()
    return Desk(app, window, controller, backend, paths)


def run_desk(options: DeskOptions) -> int:
    desk = build_desk(options)
    try:
        return desk.app.exec()
    finally:
        desk.close()
