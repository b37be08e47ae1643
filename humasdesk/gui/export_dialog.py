"""The export dialog: a signed export of the activity log for the supervisor.

The official picks a format, a period, the accounts and a file. The choice is checked first
(nothing starts until it is valid); then `export_activity` runs as the dialog's one task
(`WorkerDialog`) with a progress bar and a Batal button wired to its `cancel` callable.
Closing the window while it runs cancels it, and the window closes once it has stopped.
The PDF report writer runs there too: off the GUI thread it draws its charts with
QPainter, which its docstring (`humasdesk.gui.report.writer`) names as safe on any thread.
The GUI thread never waits on the export.

Collaborators come in through the constructor:

* `signer_factory()` returns the signer (normally `ExportSigner(public_key_path=<data dir> /
  "signing-key.pub")`). It is called on the worker thread, as the keyring may prompt.
* `pdf_writer_factory()` returns the service's `pdf_writer` callable or None (no PDF in this
  build). The default is `gui.report.adapters.report_pdf_writer`.
* `privacy` (the `PrivacyStore`): the export then holds an export lease (`guarded_export`),
  so no erasure of citizens' data runs while it reads the log.
* `agency`, `unit`: the names from Settings → Privasi, editable here; with the chosen
  classification (default "Terbatas") they go into the signed manifest and onto each PDF page.
* `url_opener(QUrl)` opens the folder after a successful export (default
  `QDesktopServices.openUrl`).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from humasdesk.gui.date_field import DateField
from humasdesk.gui.messages import describe_export_failure, pdf_unavailable_text
from humasdesk.gui.privacy.common import make_signer
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.export import (
    MAX_NAME_LENGTH,
    ExportCancelled,
    ExportFailed,
    ExportFormat,
    ExportOptions,
    ExportResult,
    InvalidExportOptions,
    PdfWriter,
    Signer,
    export_activity,
)
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.exports import format_fingerprint
from humasdesk.store.privacy_store import LeaseConflict, PrivacyStore

logger = logging.getLogger(__name__)

SignerFactory = Callable[[], Signer]
PdfWriterFactory = Callable[[], PdfWriter | None]
UrlOpener = Callable[[QUrl], object]

SUFFIXES = {
    ExportFormat.CSV: ".csv",
    ExportFormat.XLSX: ".xlsx",
    ExportFormat.JSONL: ".jsonl",
    ExportFormat.PDF: ".pdf",
}
OFFICE_ONLY = frozenset({"office"})
OFFICE_AND_PERSONAL = frozenset({"office", "personal"})


def default_pdf_writer_factory() -> PdfWriter | None:
    """`write_report_pdf` in the service's `pdf_writer` shape (the adapter the command
    line uses too)."""
    from humasdesk.gui.report.adapters import report_pdf_writer

    return report_pdf_writer()


#: Within this many days of a month's start, the report is most likely for the month before.
FRESH_MONTH_DAYS = 7


def default_period(today: date) -> tuple[date, date]:
    """The period a supervisor most likely asked for: this month so far, or the whole
    previous month in the first week of a month (on the 1st, "this month" is one day)."""
    if today.day > FRESH_MONTH_DAYS:
        return today.replace(day=1), today
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def default_file_name(fmt: ExportFormat, start: date) -> str:
    """ "laporan-humas-2026-11.csv": the month the period starts in."""
    return f"laporan-humas-{start.year:04d}-{start.month:02d}{SUFFIXES[fmt]}"


def local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


def _run_export(
    log: ActivityLog,
    privacy: PrivacyStore | None,
    options: ExportOptions,
    out_path: Path,
    signer_factory: SignerFactory,
    pdf_writer: PdfWriter | None,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> ExportResult:
    """The background job: plain data in, `ExportResult` out (or an export error). With a
    privacy store the export holds a lease, so no erasure runs while it reads the log."""
    signer = make_signer(signer_factory)
    kwargs = {"pdf_writer": pdf_writer, "progress": progress, "cancel": cancel}
    if privacy is not None:
        from humasdesk.services.privacy import guarded_export

        return guarded_export(log, privacy, options, out_path, signer=signer, **kwargs)
    return export_activity(log, options, out_path, signer=signer, **kwargs)


class ExportDialog(WorkerDialog):
    """Choose and make a signed export of the activity log (see the module docstring).

    Signals:
        export_finished(object): the `ExportResult` of a successful export.
        export_failed(str): the export failed; the Indonesian message shown.
        export_cancelled(): the official cancelled; nothing was left behind.
        export_progressed(int, int): entries done, total (relayed from the worker thread).
    """

    export_finished = Signal(object)
    export_failed = Signal(str)
    export_cancelled = Signal()
    export_progressed = Signal(int, int)

    worker_name = "export"

    def __init__(
        self,
        log: ActivityLog,
        *,
        signer_factory: SignerFactory,
        pdf_writer_factory: PdfWriterFactory | None = None,
        default_dir: str | Path,
        url_opener: UrlOpener | None = None,
        today: date | None = None,
        privacy: PrivacyStore | None = None,
        agency: str = "",
        unit: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the activity log"))
        self._log = log
        self._privacy = privacy
        self._signer_factory = signer_factory
        self._pdf_writer_factory = pdf_writer_factory or default_pdf_writer_factory
        self._default_dir = Path(default_dir)
        self._open_url = url_opener or QDesktopServices.openUrl
        self._cancel_event = threading.Event()
        self._path_edited = False
        self.result_value: ExportResult | None = None
        self.file_dialog: QFileDialog | None = None

        today = today or date.today()
        # --- fields ---
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Export format"))
        for fmt, label in (
            (ExportFormat.CSV, self.tr("CSV")),
            (ExportFormat.XLSX, self.tr("XLSX (Excel)")),
            (ExportFormat.JSONL, self.tr("JSON Lines")),
            (ExportFormat.PDF, self.tr("PDF report")),
        ):
            self.format_combo.addItem(label, fmt.value)
        # The signed PDF report is what a supervisor reads; the others are for analysis.
        self.format_combo.setCurrentIndex(self.format_combo.findData(ExportFormat.PDF.value))

        start, end = default_period(today)
        self.from_date = self._date_edit(self.tr("Period start"), start)
        self.to_date = self._date_edit(self.tr("Period end"), end)

        self.accounts_combo = QComboBox(self)
        self.accounts_combo.setAccessibleName(self.tr("Accounts"))
        self.accounts_combo.addItem(self.tr("Office only"), "office")
        self.accounts_combo.addItem(self.tr("Office + Personal"), "all")
        self.accounts_combo.setCurrentIndex(1)

        self.include_personal_check = QCheckBox(self.tr("Include the whole personal account"))
        self.include_personal_check.setAccessibleName(self.tr("Include the whole personal account"))
        self.privacy_label = QLabel(
            self.tr(
                "Unticked (the default), the supervisor's export holds the office account and "
                "only those personal posts marked as official capacity (kapasitas jabatan)."
            ),
            self,
        )
        self.privacy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.privacy_label.setWordWrap(True)
        self.privacy_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.include_personal_check.setAccessibleDescription(self.privacy_label.text())

        self.full_citizen_check = QCheckBox(self.tr("Show citizens' handles and words in full"))
        self.full_citizen_check.setAccessibleName(
            self.tr("Show citizens' handles and words in full")
        )
        self.full_citizen_check.setAccessibleDescription(
            self.tr(
                "Unticked (the default), citizens' handles are replaced by pseudonyms and "
                "phone numbers, e-mail addresses and NIK numbers are masked. Ticking it is "
                "recorded in the activity log."
            )
        )
        self.full_citizen_check.setToolTip(self.full_citizen_check.accessibleDescription())

        self.agency_edit = QLineEdit(agency, self)
        self.agency_edit.setAccessibleName(self.tr("Agency"))
        self.agency_edit.setMaxLength(MAX_NAME_LENGTH)
        self.unit_edit = QLineEdit(unit, self)
        self.unit_edit.setAccessibleName(self.tr("Unit"))
        self.unit_edit.setMaxLength(MAX_NAME_LENGTH)
        self.classification_combo = QComboBox(self)
        self.classification_combo.setAccessibleName(self.tr("Security classification"))
        self.classification_combo.setAccessibleDescription(
            self.tr("Printed on every page of the report and stated in the signed file.")
        )
        for name in CLASSIFICATIONS:
            self.classification_combo.addItem(name, name)  # official terms: not translated
        self.classification_combo.setCurrentIndex(CLASSIFICATIONS.index(DEFAULT_CLASSIFICATION))

        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Output file"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the output file"))

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(False)

        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Export status"))
        self.message_label.setVisible(False)

        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setAccessibleName(self.tr("Start the export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the running export"))
        self.cancel_button.setEnabled(False)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_folder_button.setAccessibleName(self.tr("Open the folder of the export"))
        self.button_box = QDialogButtonBox(self)
        self.button_box.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setVisible(False)  # after addButton, which shows it
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))  # Qt ships no Indonesian for its buttons
        self.close_button.setAutoDefault(False)
        self.close_button.setDefault(False)

        # --- layout ---
        form = QFormLayout()
        form.addRow(self.tr("&Format"), self.format_combo)
        period = QHBoxLayout()
        period.addWidget(self.from_date)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.to_date)
        period.addStretch(1)
        period_label = QLabel(self.tr("&Period"), self)
        period_label.setBuddy(self.from_date)
        form.addRow(period_label, period)
        form.addRow(self.tr("&Accounts"), self.accounts_combo)
        form.addRow("", self.include_personal_check)
        form.addRow("", self.privacy_label)
        form.addRow("", self.full_citizen_check)
        form.addRow(self.tr("A&gency"), self.agency_edit)
        form.addRow(self.tr("U&nit"), self.unit_edit)
        form.addRow(self.tr("C&lassification"), self.classification_combo)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&Output file"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button_box)

        order: list[QWidget] = [
            self.format_combo,
            self.from_date,
            self.to_date,
            self.accounts_combo,
            self.include_personal_check,
            self.full_citizen_check,
            self.agency_edit,
            self.unit_edit,
            self.classification_combo,
            self.path_edit,
            self.browse_button,
            self.export_button,
            self.cancel_button,
            self.open_folder_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        # --- wiring ---
        self.format_combo.currentIndexChanged.connect(self.on_format_combo_changed)
        self.from_date.dateChanged.connect(self.on_from_date_changed)
        self.accounts_combo.currentIndexChanged.connect(self.on_accounts_combo_changed)
        self.path_edit.textEdited.connect(self.on_path_edit_text_edited)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.open_folder_button.clicked.connect(self.on_open_folder_button_clicked)
        self.button_box.rejected.connect(self.reject)
        self.export_progressed.connect(self.on_self_export_progressed)

        self._update_default_path()
        # A top-level window ignores its word-wrapped labels' height-for-width: ask for it,
        # or the privacy note is cut to one line (longer with large fonts or translations).
        self.resize(560, max(self.heightForWidth(560), self.minimumSizeHint().height()))

    def _date_edit(self, name: str, value: date) -> DateField:
        edit = DateField(QDate(value), self)
        edit.setAccessibleName(name)
        edit.problem_changed.connect(self.on_date_problem_changed)
        return edit

    def on_date_problem_changed(self, text: str) -> None:
        """A date that cannot be read is said at once, not dropped in silence."""
        problem = self.from_date.problem or self.to_date.problem
        if problem or self.message_label.property("error"):
            self._show_message(problem, error=bool(problem))

    # --- public API ---------------------------------------------------------------------------

    def selected_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def options(self) -> ExportOptions:
        """The `ExportOptions` the fields describe (dates are local days, `to` inclusive)."""
        start = local_midnight(self.from_date.date().toPython())
        end = local_midnight(self.to_date.date().toPython() + timedelta(days=1))
        all_accounts = self.accounts_combo.currentData() == "all"
        return ExportOptions(
            fmt=self.selected_format(),
            start=start,
            end=end,
            accounts=OFFICE_AND_PERSONAL if all_accounts else OFFICE_ONLY,
            include_personal=all_accounts and self.include_personal_check.isChecked(),
            citizen_data="full" if self.full_citizen_check.isChecked() else "masked",
            agency=self.agency_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            classification=str(self.classification_combo.currentData()),
        )

    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def validation_error(self) -> str | None:
        """Why the export cannot start (a plain Indonesian message), or None."""
        for field in (self.from_date, self.to_date):
            if not field.commit():  # what is typed there now, not only what was read
                return field.problem
        if self.from_date.date() > self.to_date.date():
            return self.tr("The start date is after the end date; correct the period.")
        path = self.output_path()
        if path is None:
            return self.tr("Choose the file to export to.")
        if path.is_dir():
            return self.tr("%1 is a folder; give the export a file name.").replace("%1", str(path))
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist; choose another folder.").replace(
                "%1", str(path.parent)
            )
        try:
            self.options().validate()
        except InvalidExportOptions as exc:
            return self.tr("These export settings are not valid (%1).").replace("%1", str(exc))
        return None

    def start_export(self) -> bool:
        """Check the fields and start the export; False (with the message shown) if invalid."""
        if self.is_running():
            return False
        error = self.validation_error()
        if error is not None:
            self._show_message(error, error=True)
            return False
        path = self.output_path()
        assert path is not None
        options = self.options()
        pdf_writer = None
        if options.fmt == ExportFormat.PDF:
            try:
                pdf_writer = self._pdf_writer_factory()
            except Exception as exc:  # a broken Qt report module: say PDF is unavailable
                logger.warning("no PDF report writer: %s", type(exc).__name__)
                pdf_writer = None
            if pdf_writer is None:
                self._show_message(pdf_unavailable_text())
                return False
        self._cancel_event = threading.Event()
        self.result_value = None
        self.open_folder_button.setVisible(False)
        self.progress_bar.setRange(0, 0)  # busy until the first report
        if options.fmt in (ExportFormat.CSV, ExportFormat.XLSX):
            self.progress_bar.setFormat(self.tr("%v of %m entries checked"))
        else:  # JSON Lines and PDF read the period twice: a percentage doesn't mislead
            self.progress_bar.setFormat("%p%")
        self.progress_bar.setVisible(True)
        self._show_message(self.tr("Exporting…"))
        submitted = self.run_task(
            _run_export,
            self._log,
            self._privacy,
            options,
            path,
            self._signer_factory,
            pdf_writer,
            self.export_progressed.emit,
            self._cancel_event.is_set,
            on_done=self.on_worker_export_done,
            on_error=lambda exc: self.on_worker_export_failed(exc, path),
        )
        if not submitted:
            self.progress_bar.setVisible(False)
            self._show_message("")
        return submitted

    def cancel_export(self) -> None:
        """Ask the running export to stop; it removes its temporary files."""
        if self.is_running():
            self._cancel_event.set()
            self.cancel_button.setEnabled(False)
            self._show_message(self.closing_note())

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Cancel a running export and stop the worker."""
        self._cancel_event.set()
        return super().shutdown(wait=wait, timeout=timeout)

    def closing_note(self) -> str:
        return self.tr("Cancelling…")

    # --- slots --------------------------------------------------------------------------------

    def on_format_combo_changed(self, index: int) -> None:
        self._update_default_path()

    def on_from_date_changed(self, value: QDate) -> None:
        self._update_default_path()

    def on_accounts_combo_changed(self, index: int) -> None:
        all_accounts = self.accounts_combo.currentData() == "all"
        self.include_personal_check.setEnabled(all_accounts)
        if not all_accounts:
            self.include_personal_check.setChecked(False)

    def on_path_edit_text_edited(self, text: str) -> None:
        self._path_edited = True
        # A name ending in .csv, .xlsx… is that format: the file holds what its name says.
        by_suffix = {suffix: fmt for fmt, suffix in SUFFIXES.items()}
        fmt = by_suffix.get(Path(text.strip()).suffix.lower())
        if fmt is not None and fmt is not self.selected_format():
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt.value))

    def on_browse_button_clicked(self) -> None:
        path = self.output_path()
        from humasdesk.gui.file_dialogs import file_dialog

        dialog = file_dialog(self, self.tr("Save the export as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        suffix = SUFFIXES[self.selected_format()]
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.setNameFilter(self.tr("Export files (*%1)").replace("%1", suffix))
        if path is not None:
            dialog.setDirectory(str(path.parent))
            dialog.selectFile(path.name)
        dialog.fileSelected.connect(self.on_file_dialog_file_selected)
        self.file_dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def on_file_dialog_file_selected(self, file: str) -> None:
        if file:
            self.path_edit.setText(file)
            self._path_edited = True

    def on_export_button_clicked(self) -> None:
        self.start_export()

    def on_cancel_button_clicked(self) -> None:
        self.cancel_export()

    def on_open_folder_button_clicked(self) -> None:
        if self.result_value is not None:
            self._open_url(QUrl.fromLocalFile(str(self.result_value.path.parent)))

    def on_self_export_progressed(self, done: int, total: int) -> None:
        if not self.is_running():
            return
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(min(done, total))

    def on_worker_export_done(self, result: ExportResult) -> None:
        self.result_value = result
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        text = self.tr(
            "Export finished: %1\n%2 entries; signature in %3.\nSigning key fingerprint: %4"
        )
        text = (
            text.replace("%1", str(result.path))
            .replace("%2", QLocale().toString(result.entries))
            .replace("%3", result.sig_path.name)
            .replace("%4", format_fingerprint(result.fingerprint))
        )
        if result.manifest.signing_key_kind == "session":
            from humasdesk.gui.messages import session_key_notice

            text += "\n" + session_key_notice()
        if not result.logged:
            text += "\n" + self.tr("The export could not be recorded in the activity log.")
        self._show_message(text)
        self.open_folder_button.setVisible(True)
        self.export_finished.emit(result)

    def on_worker_export_failed(self, exc: BaseException, path: Path) -> None:
        self.progress_bar.setVisible(False)
        if isinstance(exc, ExportCancelled):
            self._show_message(self.tr("Export cancelled; no file was left behind."))
            self.export_cancelled.emit()
        else:
            if isinstance(exc, ExportFailed):
                text = describe_export_failure(exc, path)
            elif isinstance(exc, InvalidExportOptions):
                text = self.tr("These export settings are not valid (%1).").replace("%1", str(exc))
            elif isinstance(exc, LeaseConflict):
                text = self.tr(
                    "Citizens' data is being erased right now; export again when it has "
                    "finished. No file was written."
                )
            else:
                logger.error("export failed unexpectedly: %s", type(exc).__name__)
                text = self.tr("The export failed (%1).").replace("%1", type(exc).__name__)
            self._show_message(text, error=True)
            self.export_failed.emit(text)

    # --- closing (WorkerDialog) ---------------------------------------------------------------

    def _closing_while_running(self) -> None:
        self.cancel_export()  # the window closes once the export has stopped

    # --- internals ----------------------------------------------------------------------------

    def _update_default_path(self) -> None:
        fmt = self.selected_format()
        if not self._path_edited:
            name = default_file_name(fmt, self.from_date.date().toPython())
            self.path_edit.setText(str(self._default_dir / name))
            return
        path = self.output_path()  # keep the official's name; follow the format's suffix
        if path is not None and path.suffix.lower() in SUFFIXES.values():
            self.path_edit.setText(str(path.with_suffix(SUFFIXES[fmt])))

    def _running_changed(self, running: bool) -> None:
        for widget in (
            self.format_combo,
            self.from_date,
            self.to_date,
            self.accounts_combo,
            self.path_edit,
            self.browse_button,
            self.export_button,
        ):
            widget.setEnabled(not running)
        self.include_personal_check.setEnabled(
            not running and self.accounts_combo.currentData() == "all"
        )
        self.cancel_button.setEnabled(running)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("error", error)
        self.message_label.setVisible(bool(text))
        if text:
            from humasdesk.gui.fit import grow_to_fit

            grow_to_fit(self)  # room for the message: the paragraphs above keep theirs
