"""Accessibility and translation checks see every window the official opens in a working day:
the desk (both accounts signed in, mentions and posts loaded), the settings, the export dialog,
the activity log with one entry open, the office confirmation dialog, and the dialogs of the
"Data warga" menu (requests register, access report, retention, breach kit, handover).

The desk fixtures are the GUI tests' own (`tests/gui/conftest.py`): the real window and
controller against the built-in X emulator, an in-memory keyring, stand-in modal dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from humasdesk.core.compose import Draft
from humasdesk.core.models import Slot
from humasdesk.credentials import signing
from humasdesk.gui.confirm_dialog import ConfirmPostDialog
from humasdesk.gui.log_view import LogEntryDialog
from humasdesk.gui.settings_dialog import SettingsDialog
from humasdesk.settings import Settings
from humasdesk.store.activity_log import LogFilter
from tests.fakes import MemoryKeyring
from tests.gui.conftest import (  # noqa: F401  (fixtures shared with the GUI tests)
    activity_log,
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
    keyring_backend,
    make_desk,
)
from tests.gui.helpers import wait_signed_in

MAIN_SIZE = (1280, 800)


@pytest.fixture
def memory_signer(monkeypatch):
    """Export signatures use an in-memory keyring: no test touches the system keyring."""
    backend = MemoryKeyring()
    real = signing.ExportSigner

    def make(*args, **kwargs):
        kwargs.setdefault("backend", backend)
        kwargs["public_key_path"] = None
        return real(*args, **kwargs)

    monkeypatch.setattr(signing, "ExportSigner", make)
    return backend


def ready_desk(qtbot, desk_factory, keyring, **kwargs):
    """The desk with both accounts signed in and their mentions and posts on screen."""
    window, controller = desk_factory(keyring, **kwargs)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    for pane in window.panes.values():
        qtbot.waitUntil(lambda p=pane: p.composer.handle != "", timeout=10000)
    office = window.panes[Slot.OFFICE]
    qtbot.waitUntil(lambda: office.inbox_view.model.rowCount() > 0, timeout=15000)
    qtbot.waitUntil(lambda: office.posts_view.model.rowCount() > 0, timeout=15000)
    return window, controller


@dataclass
class Windows:
    main: QWidget
    controller: object
    settings: QWidget
    export: QWidget
    log: QWidget
    entry: QWidget
    confirm: QWidget
    privacy: tuple[QWidget, ...] = ()  # the "Data warga" dialogs

    def all(self) -> list[QWidget]:
        return [
            self.main,
            self.settings,
            self.export,
            self.log,
            self.entry,
            self.confirm,
            *self.privacy,
        ]


def open_everything(qtbot, desk_factory, keyring, activity, tmp_path: Path) -> Windows:
    """Opens every window and dialog of the desk, each shown at its own default size
    (the main window at 1280×800)."""
    window, controller = ready_desk(qtbot, desk_factory, keyring)
    window.resize(*MAIN_SIZE)

    settings = SettingsDialog(Settings.load(tmp_path / "settings.json"), window)
    settings.set_storage_text("keyring sistem (SecretService)")
    settings.set_signing_key_text("AB12 CD34 EF56 7890")
    qtbot.addWidget(settings)
    settings.show()

    qtbot.waitUntil(lambda: window.action_export.isEnabled(), timeout=10000)
    window.action_export.trigger()
    export = controller.export_dialog
    assert export is not None
    qtbot.waitUntil(export.isVisible)

    window.action_log.trigger()
    log = controller.log_window
    assert log is not None
    qtbot.waitUntil(log.isVisible)

    entries = list(activity.iter_entries(LogFilter()))
    assert entries, "signing in leaves entries in the log"
    entry = LogEntryDialog(entries[-1], url_opener=lambda url: None, parent=window)
    qtbot.addWidget(entry)
    entry.show()

    office = controller.sessions[Slot.OFFICE]
    account = office.account
    confirm = ConfirmPostDialog(
        Slot.OFFICE,
        account,
        Draft(slot=Slot.OFFICE, text="Layanan perizinan dibuka Senin."),
        window,
    )
    qtbot.addWidget(confirm)
    confirm.show()
    menu = controller.privacy_menu
    assert menu is not None
    for action in window.privacy_actions:
        action.trigger()
    privacy = tuple(menu.dialogs[k] for k in ("requests", "access", "retention", "breach",
                                              "handover"))  # fmt: skip
    for w in (window, settings, export, log, entry, confirm, *privacy):
        qtbot.waitExposed(w)
    return Windows(window, controller, settings, export, log, entry, confirm, privacy)
