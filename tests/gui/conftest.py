"""GUI tests see the desk as the official does: in Bahasa Indonesia."""

from __future__ import annotations

import pytest

from humasdesk.credentials import FallbackTokenStore, TokenStore
from humasdesk.gui.desk import DeskController
from humasdesk.gui.main_window import MainWindow
from humasdesk.services.accounts import XEndpoint
from humasdesk.services.desk_services import DeskServices, build_desk_services
from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.database import ConnectionFactory, open_database
from tests.fakes import MemoryKeyring
from tests.gui.helpers import SERVICE, Browser
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)


@pytest.fixture
def keyring_backend():
    return MemoryKeyring()


@pytest.fixture
def activity_log(tmp_path):
    path = tmp_path / "humasdesk.db"
    open_database(path).close()
    log = ActivityLog(ConnectionFactory(path))
    yield log
    log.close()


class Confirmations:
    """Stands in for the office confirmation dialog: records and answers."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[tuple[object, str]] = []

    def __call__(self, parent, slot, account, draft) -> bool:
        self.asked.append((slot, account.username))
        return self.answer


@pytest.fixture
def make_desk(qtbot, sandbox, activity_log, tmp_path):
    """Builds the real window and controller against the sandbox, with an in-memory keyring
    and stand-ins for the browser and the modal dialogs."""
    made = []

    def make(
        backend,
        *,
        browser=None,
        practice=True,
        office_handle="",
        callback_port=0,
        timeout=20.0,
        undo_s=0.3,
        confirm=None,
        ask=None,
        close_prompt=None,
    ):
        window = MainWindow(practice=practice)
        qtbot.addWidget(window)

        def prepare() -> DeskServices:
            return build_desk_services(
                tmp_path / "humasdesk.db",
                XEndpoint(PRACTICE_CLIENT_ID, sandbox.base_url, callback_port),
                FallbackTokenStore(TokenStore(SERVICE, backend=backend)),
                office_handle=office_handle,
                undo_s=undo_s,
            )

        controller = DeskController(
            window,
            prepare_services=prepare,
            open_url=browser or Browser(),
            practice_handles=PRACTICE_HANDLES if practice else None,
            sign_in_timeout=timeout,
            confirm_sign_out=False,
            confirm=confirm or Confirmations(),
            ask=ask or (lambda parent, title, text: False),
            close_prompt=close_prompt or (lambda parent, pending: "leave"),
            parent=window,
        )
        window.show()
        controller.start()
        made.append(controller)
        return window, controller

    yield make
    for controller in made:
        controller.window.close_guard = None  # teardown closes without asking
        controller.shutdown()
        if controller.services is not None:
            controller.services.close()
