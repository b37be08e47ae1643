"""Composition root: builds the Qt application, the window and its collaborators.

The only module outside `gui/` that imports PySide6. `cli.py` imports it lazily,
so `humasdesk sandbox`, `export` and `verify` start without Qt.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QApplication

from humasdesk import __version__
from humasdesk.gui.collector import GuiThreadCollector, collect_on_gui_thread
from humasdesk.gui.i18n import install_translators
from humasdesk.gui.main_window import MainWindow
from humasdesk.paths import DataPaths, resolve_data_dir, resources_dir
from humasdesk.practice import wants_practice
from humasdesk.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from humasdesk.credentials import TokenStorage
    from humasdesk.gui.desk import DeskController
    from humasdesk.practice import PracticeBackend
    from humasdesk.services.desk_services import DeskServices

logger = logging.getLogger(__name__)


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
    backend: PracticeBackend | None
    paths: DataPaths
    settings: Settings
    controller: DeskController | None = None  # made once the window has painted
    collector: GuiThreadCollector | None = None
    shut_down: bool = False  # close() ran: nothing may start after it

    def remember_layout(self) -> None:
        """Keep the window's place, size and pane mode for the next start."""
        geometry = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.set("window_geometry", geometry)
        self.settings.set("single_pane", self.window.single_pane)
        try:
            self.settings.save()
        except OSError as exc:
            logger.warning("could not save the window layout: %s", type(exc).__name__)

    def close(self) -> None:
        self.shut_down = True
        if self.controller is not None:
            self.controller.shutdown()
            if self.controller.services is not None:
                self.controller.services.close()
        if self.backend is not None:
            self.backend.stop()
        if self.collector is not None:
            self.collector.stop()  # the workers have stopped: automatic collection is safe


def open_in_browser(url: str) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl(url))


def build_desk(
    options: DeskOptions,
    *,
    token_store: TokenStorage | None = None,
    open_url: Callable[[str], object] = open_in_browser,
    sign_in_timeout: float = 300,
) -> Desk:
    """Create and show the window; its panes come once it has painted (a skeleton first,
    `MainWindow`), sign-in and loading once they have.

    `token_store`, `open_url` and `sign_in_timeout` let tests replace the keyring,
    the system browser and the wait for X's answer.
    """
    paths = resolve_data_dir(options.data_dir).ensure()
    settings = Settings.load(paths.settings)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = collect_on_gui_thread(app)  # Qt objects must die on the GUI thread only
    app.setApplicationName("HumasDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("HumasDesk")
    app.setDesktopFileName("humasdesk")  # matches resources/humasdesk.desktop (Wayland)
    language = options.lang or settings.get("language")
    app._humasdesk_translators = install_translators(app, language)  # type: ignore[attr-defined]

    # Only the choice now; the target (and practice mode's emulator object) after the paint.
    practice = wants_practice(settings, sandbox=options.sandbox, sandbox_url=options.sandbox_url)
    window = MainWindow(practice=practice, defer_panes=True)
    if settings.get("window_geometry"):
        window.restoreGeometry(QByteArray.fromBase64(settings.get("window_geometry").encode()))
    window.set_single_pane(settings.get("single_pane"))

    desk = Desk(app, window, None, paths, settings, collector=collector)

    def after_panes_ready() -> None:
        # The controller and everything behind it (logging to file, the services, tweepy,
        # the sandbox, the network) come after the window and its panes have painted, so
        # the official sees the desk at once.
        if desk.shut_down:
            return  # closed while the skeleton showed: nothing was started, nothing to do
        from PySide6.QtGui import QIcon

        from humasdesk.gui.desk import DeskController
        from humasdesk.logsetup import configure_logging
        from humasdesk.practice import x_target
        from humasdesk.services.session import PRACTICE_HANDLES

        target = x_target(paths, settings, sandbox=options.sandbox, sandbox_url=options.sandbox_url)
        desk.backend = target.backend

        def prepare_services() -> DeskServices:
            # Runs on a worker: the sandbox start, the keyring import and its probe are slow.
            from humasdesk.credentials import FallbackTokenStore, TokenStore
            from humasdesk.services.desk_services import (
                budget_from,
                build_desk_services,
                rates_from,
            )
            from humasdesk.services.schedule import grace_from, quiet_from

            endpoint = target.endpoint()
            primary = token_store or TokenStore(target.keyring_service)
            return build_desk_services(
                paths.database,
                endpoint,
                FallbackTokenStore(primary),
                office_handle=target.office_handle,
                undo_s=settings.get("undo_seconds"),
                rates=rates_from(
                    {k: settings.get(k) for k in ("rate_post", "rate_post_with_url", "rate_read")}
                ),
                grace=grace_from(settings.get),  # scheduled posts (issue 15): Settings → Jadwal
                quiet=quiet_from(settings.get),
                metrics_budget=budget_from(settings.get("metrics_budget_usd")),  # issue 16
            )

        # The icon loads the SVG icon engine and QtSvg: after the first paint too.
        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "humasdesk.svg")))
        configure_logging(paths.logs)
        logger.info("desk started (practice=%s)", practice)
        desk.controller = DeskController(
            window,
            prepare_services=prepare_services,
            open_url=open_url,
            practice_handles=PRACTICE_HANDLES if practice else None,
            sign_in_timeout=sign_in_timeout,
            settings=settings,
            data_root=paths.root,
            parent=window,
        )
        desk.controller.start()

    # Queued: whoever else waits for the panes hears of them before this work starts.
    window.panes_ready.connect(lambda: QTimer.singleShot(0, after_panes_ready))
    window.show()
    return desk


def run_desk(options: DeskOptions) -> int:
    return run_built_desk(build_desk(options))


def run_built_desk(desk: Desk) -> int:
    """Run the desk until the official closes it, then release everything."""
    # The desk's main window closing ends the process, whatever else is still open.
    desk.window.closed.connect(desk.app.quit)
    try:
        code = desk.app.exec()
        desk.remember_layout()
    finally:
        desk.close()
    if desk.controller is not None and desk.controller.restart_wanted:
        # Only now: the old desk has released its database, sandbox state and workers.
        import subprocess

        subprocess.Popen(restart_command(), start_new_session=True)
        logger.info("desk restarted for new settings")
    return code


@dataclass
class RekapOptions:
    data_dir: str | None = None
    files: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    lang: str | None = None


def run_rekap_window(options: RekapOptions) -> int:
    """`humasdesk rekap` without -o: the supervisor's window on its own."""
    from PySide6.QtGui import QIcon

    from humasdesk.gui.rekap_window import open_rekap_window
    from humasdesk.logsetup import configure_logging

    paths = resolve_data_dir(options.data_dir).ensure()
    settings = Settings.load(paths.settings)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = collect_on_gui_thread(app)
    app.setApplicationName("HumasDesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "humasdesk.svg")))
    translators = install_translators(app, options.lang or settings.get("language"))
    configure_logging(paths.logs)
    window = open_rekap_window(
        paths.root,
        files=options.files,
        agency=settings.get("agency_name"),
        unit=settings.get("unit_name"),
        period=(options.start, options.end),
    )
    window.finished.connect(app.quit)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown(wait=True, timeout=5)
        collector.stop()
        del translators


def restart_command(argv: list[str] | None = None) -> list[str]:
    """The command that started this desk: the bundle's executable when frozen, else this
    Python running the package, with the same arguments."""
    args = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "humasdesk", *args]
