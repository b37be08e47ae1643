"""The access report for one person (UU 27/2022 hak akses): everything the desk holds about a
citizen's handle, as a signed file to hand over.

The official types the handle (prefilled when opened from the requests register), picks a
format and a file, and presses Buat. `make_access_report` runs on the dialog's `Worker`;
the signer is made there too (the keyring may prompt). "We hold nothing about @x" is a
normal answer, shown as such; every failure gets a plain sentence.

File names travel (mail, folder listings, backups) where the person's erasure cannot reach
them, so the default name holds no handle and a name that holds the handle is refused.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.privacy import DocumentHeader, InvalidHandle, PrivacyError, normalize_handle
from humasdesk.gui.messages import (
    describe_export_failure,
    describe_privacy_error,
    pdf_unavailable_text,
)
from humasdesk.gui.privacy.common import (
    Clock,
    PdfTextWriter,
    SignerFactory,
    make_signer,
    message_label,
    open_save_dialog,
    path_problem,
    show_message,
    utc_now,
)
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.access_report import AccessReportResult, make_access_report
from humasdesk.services.privacy import NothingHeld
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.exports.signed import ExportFailed
from humasdesk.store.privacy_store import LeaseConflict, PrivacyStore

logger = logging.getLogger(__name__)

JSONL, CSV, PDF = "jsonl", "csv", "pdf"
SUFFIXES = {JSONL: ".jsonl", CSV: ".csv", PDF: ".pdf"}


def default_file_name(fmt: str, now: datetime, request_id: int | None) -> str:
    """``laporan-akses-permintaan-12.jsonl`` or ``laporan-akses-20250701-1000.csv``: never
    the handle (file names travel where an erasure cannot reach)."""
    stem = (
        f"laporan-akses-permintaan-{request_id}"
        if request_id is not None
        else f"laporan-akses-{now.astimezone():%Y%m%d-%H%M}"
    )
    return stem + SUFFIXES[fmt]


def _run_report(
    log: ActivityLog,
    privacy: PrivacyStore,
    handle: str,
    fmt: str,
    path: Path,
    signer_factory: SignerFactory,
    header: DocumentHeader,
    clock: Clock,
    pdf_writer: PdfTextWriter | None,
    request_id: int | None,
) -> AccessReportResult:
    """The background job: plain data in, `AccessReportResult` out (or an error)."""
    return make_access_report(
        log,
        privacy,
        handle,
        fmt,
        path,
        signer=make_signer(signer_factory),
        header=header,
        clock=clock,
        pdf_writer=pdf_writer,
        request_id=request_id,
    )


class AccessReportDialog(WorkerDialog):
    """Make the signed access report for one handle (see the module docstring). The report
    runs as a `WorkerDialog` task; closing while it runs closes when it is done.

    Signals:
        report_made(object): the `AccessReportResult` of a report written and signed.
        nothing_held(str): nothing is held about this (normalised) handle; no file written.
        report_failed(str): the report could not be made; the message shown.
    """

    report_made = Signal(object)
    nothing_held = Signal(str)
    report_failed = Signal(str)

    worker_name = "access-report"

    def __init__(
        self,
        log: ActivityLog,
        privacy: PrivacyStore,
        *,
        signer_factory: SignerFactory,
        header: DocumentHeader,
        clock: Clock | None = None,
        pdf_writer: PdfTextWriter | None = None,
        handle: str = "",
        request_id: int | None = None,
        default_dir: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access report for one person"))
        self._log = log
        self._privacy = privacy
        self._signer_factory = signer_factory
        self._header = header
        self._clock: Clock = clock or utc_now
        self._pdf_writer = pdf_writer
        self.request_id = request_id
        self._default_dir = None if default_dir is None else Path(default_dir)
        self._path_edited = False
        self.result_value: AccessReportResult | None = None
        self.file_dialog: QFileDialog | None = None

        # --- fields ---
        self.handle_edit = QLineEdit(handle, self)
        self.handle_edit.setAccessibleName(self.tr("Handle of the person"))
        self.handle_edit.setPlaceholderText(self.tr("@name"))
        self.handle_edit.setMaxLength(40)

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Report format"))
        self.format_combo.addItem(self.tr("JSON Lines"), JSONL)
        self.format_combo.addItem(self.tr("CSV"), CSV)
        self.format_combo.addItem(self.tr("PDF"), PDF)
        if pdf_writer is None:
            model = self.format_combo.model()
            assert isinstance(model, QStandardItemModel)
            item = model.item(self.format_combo.findData(PDF))
            item.setEnabled(False)
            item.setToolTip(self.tr("PDF is not available in this version."))

        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Report file"))
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the report file"))

        self.request_label = QLabel(self)
        self.request_label.setTextFormat(Qt.TextFormat.PlainText)
        self.request_label.setAccessibleName(self.tr("Request"))
        if request_id is not None:
            self.request_label.setText(
                self.tr("For request no. %1 in the register.").replace("%1", str(request_id))
            )
        self.request_label.setVisible(request_id is not None)

        self.message_label = message_label(self, self.tr("Report status"))

        self.make_button = QPushButton(self.tr("&Make"), self)
        self.make_button.setAccessibleName(self.tr("Make the access report"))
        self.make_button.setDefault(True)
        self.button_box = QDialogButtonBox(self)
        self.button_box.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)

        # --- layout ---
        form = QFormLayout()
        handle_label = QLabel(self.tr("&Handle"), self)
        handle_label.setBuddy(self.handle_edit)
        form.addRow(handle_label, self.handle_edit)
        format_label = QLabel(self.tr("&Format"), self)
        format_label.setBuddy(self.format_combo)
        form.addRow(format_label, self.format_combo)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("F&ile"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)

        note = QLabel(
            self.tr(
                "The report holds everything this desk keeps about the person and what was done "
                "with it, without other citizens' data. It is signed like the supervisor's "
                "exports and recorded in the activity log."
            ),
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.request_label)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button_box)

        order: list[QWidget] = [
            self.handle_edit,
            self.format_combo,
            self.path_edit,
            self.browse_button,
            self.make_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        # --- wiring ---
        self.format_combo.currentIndexChanged.connect(self.on_format_combo_changed)
        self.path_edit.textEdited.connect(self.on_path_edit_text_edited)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.make_button.clicked.connect(self.on_make_button_clicked)
        self.button_box.rejected.connect(self.reject)

        self._update_default_path()
        self.resize(520, max(self.heightForWidth(520), self.minimumSizeHint().height()))

    # --- public API ---------------------------------------------------------------------------

    def selected_format(self) -> str:
        return str(self.format_combo.currentData())

    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def validation_error(self) -> str | None:
        """Why the report cannot start (a plain message), or None."""
        try:
            handle = normalize_handle(self.handle_edit.text())
        except InvalidHandle as exc:
            return describe_privacy_error(exc)
        if self.selected_format() == PDF and self._pdf_writer is None:
            return pdf_unavailable_text()
        path = self.output_path()
        problem = path_problem(path)
        if problem is not None:
            return problem
        assert path is not None
        if len(handle) >= 3 and handle in path.name.casefold():
            return self.tr(
                "The file name holds the person's handle. The file name is kept in the "
                "activity log for good, so choose a name without the handle."
            )
        return None

    def start_report(self) -> bool:
        """Check the fields and start the report; False (with the message shown) if not."""
        if self._running:
            return False
        problem = self.validation_error()
        if problem is not None:
            show_message(self.message_label, problem, error=True)
            self.report_failed.emit(problem)
            return False
        path = self.output_path()
        assert path is not None
        show_message(self.message_label, self.tr("Making the report…"))
        logger.info("access report started (request %s)", self.request_id)
        return self.run_task(
            _run_report,
            self._log,
            self._privacy,
            self.handle_edit.text(),
            self.selected_format(),
            path,
            self._signer_factory,
            self._header,
            self._clock,
            self._pdf_writer,
            self.request_id,
            on_done=self.on_worker_report_done,
            on_error=lambda exc: self.on_worker_report_failed(exc, path),
        )

    def closing_note(self) -> str:
        return self.tr("Closing when the report is done…")

    # --- slots --------------------------------------------------------------------------------

    def on_format_combo_changed(self, index: int) -> None:
        self._update_default_path()

    def on_path_edit_text_edited(self, text: str) -> None:
        self._path_edited = True

    def on_browse_button_clicked(self) -> None:
        path = self.output_path()
        suffix = SUFFIXES[self.selected_format()]
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the access report as"),
            suffix,
            self.tr("Report files (*%1)").replace("%1", suffix),
            self.on_file_dialog_file_selected,
            directory=None if path is None else path.parent,
            file_name=None if path is None else path.name,
        )

    def on_file_dialog_file_selected(self, file: str) -> None:
        if file:
            self.path_edit.setText(file)
            self._path_edited = True

    def on_make_button_clicked(self) -> None:
        self.start_report()

    def on_worker_report_done(self, result: AccessReportResult) -> None:
        self.result_value = result
        text = (
            self.tr(
                "The access report is ready: %1\n%2 records; signature in %3.\n"
                "Signing key fingerprint: %4"
            )
            .replace("%1", str(result.path))
            .replace("%2", QLocale().toString(result.records))
            .replace("%3", result.sig_path.name)
            .replace("%4", format_fingerprint(result.fingerprint))
        )
        if result.manifest.get("signing_key_kind") == "session":
            from humasdesk.gui.messages import session_key_notice

            text += "\n" + session_key_notice()
        show_message(self.message_label, text)
        logger.info("access report made: %d records", result.records)
        self.report_made.emit(result)

    def on_worker_report_failed(self, exc: BaseException, path: Path) -> None:
        if isinstance(exc, NothingHeld):
            text = self.tr(
                "We hold nothing about @%1: no mentions, no inbox rows and no requests. "
                "No file was written; you can tell the person so."
            ).replace("%1", exc.handle)
            show_message(self.message_label, text)
            logger.info("access report: nothing held (request %s)", self.request_id)
            self.nothing_held.emit(exc.handle)
            return
        if isinstance(exc, LeaseConflict):
            text = self.tr(
                "An erasure of citizens' data is running; make the report again when it has "
                "finished."
            )
        elif isinstance(exc, ExportFailed):
            text = describe_export_failure(exc, path)
        elif isinstance(exc, PrivacyError):
            text = describe_privacy_error(exc)
        else:
            logger.error("access report failed unexpectedly: %s", type(exc).__name__)
            text = self.tr("The report could not be made (%1).").replace("%1", type(exc).__name__)
        logger.info("access report failed: %s", type(exc).__name__)
        show_message(self.message_label, text, error=True)
        self.report_failed.emit(text)

    # --- internals ----------------------------------------------------------------------------

    def _update_default_path(self) -> None:
        fmt = self.selected_format()
        if not self._path_edited:
            if self._default_dir is not None:
                name = default_file_name(fmt, self._clock(), self.request_id)
                self.path_edit.setText(str(self._default_dir / name))
            return
        path = self.output_path()  # keep the official's name; follow the format's suffix
        if path is not None and path.suffix.lower() in SUFFIXES.values():
            self.path_edit.setText(str(path.with_suffix(SUFFIXES[fmt])))

    def _running_changed(self, running: bool) -> None:
        for widget in (
            self.handle_edit,
            self.format_combo,
            self.path_edit,
            self.browse_button,
            self.make_button,
        ):
            widget.setEnabled(not running)


__all__ = ["AccessReportDialog", "default_file_name"]
