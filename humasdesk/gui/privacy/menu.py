"""The "Data warga" menu: opens the privacy and records dialogs with the desk's services.

One `PrivacyMenu` per desk, made once the database is open. It builds each dialog with the
same collaborators the command line uses (the export signing key, the agency and unit from
Settings → Privasi, the plain-text PDF writer with the classification on every page) and
keeps at most one of each open. The handover signs out the office session the desk holds
and tells the desk when the office account has been handed over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from humasdesk.core.models import Slot
from humasdesk.core.privacy import DEFAULT_CLASSIFICATION, DocumentHeader, RetentionPolicy
from humasdesk.services.desk_services import DeskServices
from humasdesk.services.session import AccountSession
from humasdesk.settings import Settings

logger = logging.getLogger(__name__)


class PrivacyMenu(QObject):
    """Opens the dialogs of the "Data warga" menu.

    Signals:
        office_handed_over(object): the `HandoverResult`; the office account is signed out
            and its data cleared from this laptop.
    """

    office_handed_over = Signal(object)

    def __init__(
        self,
        window: Any,
        services: DeskServices,
        *,
        settings: Settings | None,
        data_root: Path | None,
        sessions: Mapping[Slot, AccountSession],
        default_dir: Path | None = None,
        session_key: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._session_key = session_key  # signs when there is no keyring (see ExportSigner)
        self.services = services
        self._settings = settings
        self._data_root = data_root
        self._sessions = sessions
        self._default_dir = default_dir or Path.home()
        self.dialogs: dict[str, QDialog] = {}
        window.action_requests.triggered.connect(self.open_requests)
        window.action_access_report.triggered.connect(lambda: self.open_access_report())
        window.action_retention.triggered.connect(self.open_retention)
        window.action_breach.triggered.connect(self.open_breach)
        window.action_handover.triggered.connect(self.open_handover)
        for action in window.privacy_actions:
            action.setEnabled(True)

    # --- collaborators ------------------------------------------------------------------------

    def header(self) -> DocumentHeader:
        return DocumentHeader(
            self._text_setting("agency_name"),
            self._text_setting("unit_name"),
            DEFAULT_CLASSIFICATION,
        )

    def signer_factory(self) -> Callable[[], Any]:
        from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner

        key_path = self._data_root / PUBLIC_KEY_FILENAME if self._data_root else None
        return lambda: ExportSigner(public_key_path=key_path, session_key=self._session_key)

    def pdf_writer(self, title: str) -> Callable[[str, Path], None] | None:
        from humasdesk.gui.report.adapters import text_pdf_writer

        return text_pdf_writer(title, self.header().classification)

    def policy(self) -> RetentionPolicy:
        return RetentionPolicy.from_settings(self._settings)

    def _text_setting(self, key: str) -> str:
        return str(self._settings.get(key) or "") if self._settings is not None else ""

    # --- dialogs ------------------------------------------------------------------------------

    def _show(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        """Raise the open dialog of this kind, or make and open a new one."""
        dialog = self.dialogs.get(key)
        if dialog is not None and (not shiboken6.isValid(dialog) or not dialog.isVisible()):
            # Closed and waiting to be deleted: raising it would show nothing (a quick
            # reopen after closing did exactly that); a new one is made.
            self.dialogs.pop(key, None)
            dialog = None
        if dialog is not None:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(
            lambda _=None, k=key, d=dialog: self.dialogs.pop(k, None)
            if self.dialogs.get(k) is d
            else None
        )
        self.dialogs[key] = dialog
        dialog.open()
        return dialog

    def open_requests(self) -> QDialog:
        from humasdesk.gui.privacy.requests_dialog import RequestsDialog

        return self._show(
            "requests",
            lambda: RequestsDialog(
                self.services.log,
                self.services.privacy,
                signer_factory=self.signer_factory(),
                header=self.header(),
                pdf_writer=self.pdf_writer("Laporan akses data pribadi"),
                default_dir=self._default_dir,
                parent=self.window,
            ),
        )

    def open_access_report(self, handle: str = "") -> QDialog:
        from humasdesk.gui.privacy.access_report_dialog import AccessReportDialog

        return self._show(
            "access",
            lambda: AccessReportDialog(
                self.services.log,
                self.services.privacy,
                signer_factory=self.signer_factory(),
                header=self.header(),
                pdf_writer=self.pdf_writer("Laporan akses data pribadi"),
                handle=handle,
                default_dir=self._default_dir,
                parent=self.window,
            ),
        )

    def open_retention(self) -> QDialog:
        from humasdesk.gui.privacy.retention_dialog import RetentionDialog

        return self._show(
            "retention",
            lambda: RetentionDialog(
                self.services.log,
                self.services.privacy,
                policy=self.policy(),
                header=self.header(),
                pdf_writer=self.pdf_writer("Dokumen penilaian arsip"),
                default_dir=self._default_dir,
                parent=self.window,
            ),
        )

    def open_breach(self) -> QDialog:
        from humasdesk.gui.privacy.breach_dialog import BreachDialog

        return self._show(
            "breach",
            lambda: BreachDialog(
                self.services.log,
                self.services.privacy,
                header=self.header(),
                pdf_writer=self.pdf_writer(
                    "Konsep pemberitahuan kegagalan pelindungan data pribadi"
                ),
                default_dir=self._default_dir,
                parent=self.window,
            ),
        )

    def open_handover(self) -> QDialog | None:
        """The guided handover, for the signed-in office account only: the handover has to
        revoke its access at X."""
        session = self._sessions.get(Slot.OFFICE)
        if session is None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Hand over the office account"),
                self.tr(
                    "Sign the office account in first: the handover exports its records and "
                    "then revokes its access at X."
                ),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return None
        from humasdesk.gui.privacy.handover_dialog import HandoverDialog

        accounts = self.services.accounts

        def make() -> QDialog:
            dialog = HandoverDialog(
                self.services.log,
                self.services.privacy,
                office_handle=session.account.username,
                signer_factory=self.signer_factory(),
                sign_out=lambda: accounts.sign_out(session),
                default_dir=self._default_dir,
                parent=self.window,
            )
            dialog.handed_over.connect(self.office_handed_over)
            return dialog

        return self._show("handover", make)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the dialogs' workers (the desk is closing)."""
        for dialog in list(self.dialogs.values()):
            shutdown = getattr(dialog, "shutdown", None)
            if shutdown is not None:
                shutdown(wait=True, timeout=timeout)
            dialog.close()


__all__ = ["PrivacyMenu"]
