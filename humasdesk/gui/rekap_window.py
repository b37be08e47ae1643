"""*HumasDesk → Rekap laporan bawahan…*: the supervisor's window (also `humasdesk rekap`).

The supervisor adds the officials' JSON Lines exports (or drops them), and each file's
verdict appears in the table as it is checked — before anything is counted —, with a
progress bar and *Batal*. The check (`services.rekap.check_inputs`) runs on the window's
`Worker`: it gets plain data (paths, the register, the period, a `queue.SimpleQueue` to put
each file's verdict in, an `Event` to cancel) and returns the `Rekap`; a GUI-thread timer
drains the queue, so no Qt object ever crosses to the worker and the window stays
responsive. *Simpan rekap…* writes the PDF, XLSX or CSV, signed with this data folder's key
(`write_rekap`, on the worker too). *Kunci tepercaya…* opens `TrustedKeysDialog`: the
register, with add (the official's ``signing-key.pub`` or the fingerprint from their
report) and retire.

Collaborators come in through the constructor: the register (`TrustedKeys`), the
`signer_factory` (called on the worker: the keyring may prompt), the PDF writer factory,
and `today` for the default period.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from humasdesk.core.rekap import TrustedKey, Verdict
from humasdesk.gui.messages import describe_export_failure
from humasdesk.gui.privacy.common import message_label, open_save_dialog, show_message
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.gui.rekap_text import gap_message, verdict_label, verdict_message
from humasdesk.services.rekap import (
    FileCheck,
    NothingUsable,
    Rekap,
    RekapCancelled,
    RekapHeader,
    check_inputs,
    write_rekap,
)
from humasdesk.store.exports.signed import ExportCancelled, ExportFailed, SignedFile, Signer
from humasdesk.store.trusted_keys import KeyRegisterError, TrustedKeys

logger = logging.getLogger(__name__)

SignerFactory = Callable[[], Signer]
PdfWriterFactory = Callable[[], Any]
POLL_MS = 100
SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv"}
BAD_COLOUR = "#8A1C12"
OK_COLOUR = "#1B5E20"


def default_pdf_writer_factory() -> Any:
    from humasdesk.gui.report.adapters import rekap_pdf_writer

    return rekap_pdf_writer()


class RekapFilesModel(QAbstractTableModel):
    """One row per input file: name, official, verdict, reason (plain text)."""

    COL_FILE, COL_OFFICIAL, COL_VERDICT, COL_REASON = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.checks: dict[int, FileCheck] = {}  # row -> verdict, once known
        self.tz: Any = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.paths)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("File"),
            self.tr("Official"),
            self.tr("Verdict"),
            self.tr("Reason"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        check = self.checks.get(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_FILE:
                return self.paths[row].name
            if check is None:
                return self.tr("waiting…") if col == self.COL_VERDICT else ""
            if col == self.COL_OFFICIAL:
                return f"{check.key.name} — {check.key.unit}" if check.key else "–"
            if col == self.COL_VERDICT:
                return verdict_label(check.verdict)
            return verdict_message(check.verdict, check.detail, self.tz)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_VERDICT and check:
            return QColor(OK_COLOUR if check.verdict is Verdict.COUNTED else BAD_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_FILE:
            return str(self.paths[row])
        return None

    def set_paths(self, paths: Sequence[Path]) -> None:
        self.beginResetModel()
        self.paths = list(paths)
        self.checks = {}
        self.endResetModel()

    def clear_checks(self) -> None:
        self.beginResetModel()
        self.checks = {}
        self.endResetModel()

    def set_check(self, row: int, check: FileCheck) -> None:
        self.checks[row] = check
        self.dataChanged.emit(self.index(row, 0), self.index(row, 3))


def _check_job(
    paths: list[Path],
    register: TrustedKeys,
    start: datetime | None,
    end: datetime | None,
    events: queue.SimpleQueue[tuple[str, Any]],
    cancel: Callable[[], bool],
) -> Rekap | NothingUsable:
    """The background check: plain data in, the `Rekap` out (verdicts and progress go into
    `events` as they come; the GUI thread drains it)."""
    rows = {str(p): i for i, p in enumerate(paths)}

    def on_file(fc: FileCheck) -> None:
        # a copy: the check may still refine this file's counts after telling
        events.put(("file", (rows.get(str(fc.path), -1), dataclasses.replace(fc))))

    def progress(done: int, total: int) -> None:
        events.put(("progress", (done, total)))

    try:
        return check_inputs(
            [str(p) for p in paths],
            register,
            start=start,
            end=end,
            on_file=on_file,
            progress=progress,
            cancel=cancel,
        )
    except NothingUsable as exc:
        return exc  # not an error of the window: the verdicts say why


def _write_job(
    rekap: Rekap,
    out: Path,
    fmt: str,
    header: RekapHeader,
    signer_factory: SignerFactory,
    pdf_writer: Any,
) -> SignedFile:
    from humasdesk.gui.privacy.common import make_signer

    return write_rekap(
        rekap, out, fmt, signer=make_signer(signer_factory), header=header, pdf_writer=pdf_writer
    )


class RekapWindow(WorkerDialog):
    """The supervisor's rekap window (see the module docstring).

    Signals:
        files_checked(object): the `Rekap` after a check (verdicts of every file).
        rekap_written(object): the `SignedFile` of a rekap written and signed.
        rekap_failed(str): the message shown when a check or a write failed.
    """

    files_checked = Signal(object)
    rekap_written = Signal(object)
    rekap_failed = Signal(str)

    worker_name = "rekap"

    def __init__(
        self,
        register: TrustedKeys,
        *,
        signer_factory: SignerFactory,
        pdf_writer_factory: PdfWriterFactory | None = None,
        default_dir: str | Path | None = None,
        today: date | None = None,
        files: Sequence[str | Path] = (),
        agency: str = "",
        unit: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consolidate the officials' reports"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.register = register
        self._signer_factory = signer_factory
        self._pdf_writer_factory = pdf_writer_factory or default_pdf_writer_factory
        self._default_dir = Path(default_dir) if default_dir else Path.home()
        self._cancel_event = threading.Event()
        self._events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self.rekap: Rekap | None = None
        self.file_dialog: QFileDialog | None = None
        self.keys_dialog: TrustedKeysDialog | None = None
        today = today or date.today()

        self.model = RekapFilesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Input files and their verdicts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("&Add files…"), self)
        self.remove_button = QPushButton(self.tr("&Drop from the list"), self)
        self.keys_button = QPushButton(self.tr("Trusted &keys…"), self)
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the running check"))
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save the rekap…"), self)
        self.save_button.setEnabled(False)

        self.whole_period = QCheckBox(self.tr("The whole period of the files"), self)
        self.whole_period.setChecked(True)
        self.from_date = self._date_edit(self.tr("Period start"), today.replace(day=1))
        self.to_date = self._date_edit(self.tr("Period end"), today)
        self.ranking_check = QCheckBox(self.tr("Include a ranking of the officials"), self)
        self.ranking_check.setChecked(True)
        self.classification_combo = QComboBox(self)
        self.classification_combo.setAccessibleName(self.tr("Security classification"))
        for c in CLASSIFICATIONS:
            self.classification_combo.addItem(c, c)
        self.classification_combo.setCurrentText(DEFAULT_CLASSIFICATION)
        self.agency_edit = QLineEdit(agency, self)
        self.agency_edit.setAccessibleName(self.tr("Agency"))
        self.unit_edit = QLineEdit(unit, self)
        self.unit_edit.setAccessibleName(self.tr("Unit"))

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Check progress"))
        self.progress_bar.setVisible(False)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.message_label = message_label(self, self.tr("Rekap message"))

        period_row = QHBoxLayout()
        period_row.addWidget(self.whole_period)
        period_row.addWidget(self.from_date)
        period_row.addWidget(QLabel("–", self))
        period_row.addWidget(self.to_date)
        period_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Period"), period_row)
        form.addRow(self.tr("Agency"), self.agency_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Classification"), self.classification_combo)
        form.addRow("", self.ranking_check)
        file_buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.keys_button):
            file_buttons.addWidget(b)
        file_buttons.addStretch(1)
        actions = QDialogButtonBox(self)
        actions.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        actions.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        actions.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = actions.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))  # Qt ships no Indonesian for its buttons
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Add the JSON Lines exports your officials sent you. Each file is checked "
                "against the register of trusted keys before anything is counted; files that "
                "fail are left out and listed with the reason."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(file_buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addWidget(actions)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.keys_button.clicked.connect(self.on_keys_button_clicked)
        self.check_button.clicked.connect(self.on_check_button_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.whole_period.toggled.connect(self.on_whole_period_toggled)
        self.on_whole_period_toggled(True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.resize(980, 620)
        if files:
            self.add_files([Path(f) for f in files])

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit

    # --- the files ------------------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add files (a file already listed is not added twice) and check them all."""
        known = {p.resolve() for p in self.model.paths}
        new = [p for p in paths if p.resolve() not in known]
        self.model.set_paths([*self.model.paths, *new])
        self._invalidate()
        if self.model.paths:
            self.start_check()

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows:
            return
        self.model.set_paths([p for i, p in enumerate(self.model.paths) if i not in rows])
        self._invalidate()
        if self.model.paths:
            self.start_check()

    def _invalidate(self) -> None:
        self.rekap = None
        self.save_button.setEnabled(False)
        self.summary_label.setText("")

    def period(self) -> tuple[datetime | None, datetime | None]:
        if self.whole_period.isChecked():
            return None, None
        a, b = self.from_date.date(), self.to_date.date()
        start = datetime.combine(date(a.year(), a.month(), a.day()), time()).astimezone()
        end_day = date(b.year(), b.month(), b.day()) + timedelta(days=1)
        return start, datetime.combine(end_day, time()).astimezone()

    # --- checking -------------------------------------------------------------------------------

    def start_check(self) -> bool:
        """Check every listed file on the worker; False when nothing was started."""
        if self.is_running() or not self.model.paths:
            return False
        start, end = self.period()
        if start is not None and end is not None and start >= end:
            show_message(
                self.message_label,
                self.tr("The period's end is before its start; swap the dates."),
                error=True,
            )
            return False
        self._cancel_event = threading.Event()
        self._events = queue.SimpleQueue()
        self.model.clear_checks()
        self._invalidate()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        show_message(self.message_label, self.tr("Checking the files…"))
        submitted = self.run_task(
            _check_job,
            list(self.model.paths),
            self.register,
            start,
            end,
            self._events,
            self._cancel_event.is_set,
            on_done=self.on_worker_check_done,
            on_error=self.on_worker_check_failed,
        )
        if submitted:
            self._timer.start()
        return submitted

    def cancel_check(self) -> None:
        if self.is_running():
            self._cancel_event.set()
            self.cancel_button.setEnabled(False)
            show_message(self.message_label, self.closing_note())

    def closing_note(self) -> str:
        return self.tr("Stopping…")

    def _closing_while_running(self) -> None:
        self.cancel_check()

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        self._cancel_event.set()
        self._timer.stop()
        return super().shutdown(wait=wait, timeout=timeout)

    def _running_changed(self, running: bool) -> None:
        for w in (
            self.add_button,
            self.remove_button,
            self.keys_button,
            self.check_button,
            self.whole_period,
            self.ranking_check,
        ):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.save_button.setEnabled(not running and self.rekap is not None)
        self.on_whole_period_toggled(self.whole_period.isChecked())

    def _drain(self) -> None:
        while True:
            try:
                kind, value = self._events.get_nowait()
            except queue.Empty:
                return
            if kind == "file":
                row, fc = value
                if 0 <= row < len(self.model.paths):
                    self.model.tz = self.model.tz or datetime.now().astimezone().tzinfo
                    self.model.set_check(row, fc)
            elif kind == "progress":
                done, total = value
                self.progress_bar.setRange(0, max(1, total))
                self.progress_bar.setValue(min(done, total))

    # --- slots ----------------------------------------------------------------------------------

    def on_timer_timeout(self) -> None:
        self._drain()

    def on_whole_period_toggled(self, checked: bool) -> None:
        enabled = not checked and not self.is_running()
        self.from_date.setEnabled(enabled)
        self.to_date.setEnabled(enabled)

    def on_add_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Add the officials' exports"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("JSON Lines exports (*.jsonl);;All files (*)"))
        dialog.setDirectory(str(self._default_dir))
        dialog.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        self.file_dialog = dialog
        dialog.open()

    def on_remove_button_clicked(self) -> None:
        self.remove_selected()

    def on_check_button_clicked(self) -> None:
        self.start_check()

    def on_cancel_button_clicked(self) -> None:
        self.cancel_check()

    def on_keys_button_clicked(self) -> None:
        dialog = TrustedKeysDialog(self.register, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_keys_dialog_finished)
        self.keys_dialog = dialog
        dialog.open()

    def on_keys_dialog_finished(self, result: int) -> None:
        changed = self.keys_dialog is not None and self.keys_dialog.changed
        self.keys_dialog = None
        if changed and self.model.paths:
            self.start_check()  # a key added or retired changes the verdicts

    def on_worker_check_done(self, result: Rekap | NothingUsable) -> None:
        self._timer.stop()
        self.progress_bar.setVisible(False)
        rekap = result.rekap if isinstance(result, NothingUsable) else result
        self.model.tz = rekap.tz
        for i, fc in enumerate(rekap.files):
            if i < len(self.model.paths):
                self.model.set_check(i, fc)
        self.files_checked.emit(rekap)
        if isinstance(result, NothingUsable):
            self.rekap = None
            self.summary_label.setText("")
            show_message(
                self.message_label,
                self.tr(
                    "No file can be counted, so there is no rekap. The table says why for "
                    "each file."
                ),
                error=True,
            )
            return
        self.rekap = rekap
        self.save_button.setEnabled(True)
        lines = [
            self.tr("%1 of %2 files counted, %3 entries, %4 officials in %5 units.")
            .replace("%1", str(len(rekap.counted_files)))
            .replace("%2", str(len(rekap.files)))
            .replace("%3", str(rekap.entries_counted))
            .replace("%4", str(len(rekap.officials)))
            .replace("%5", str(len(rekap.units())))
        ]
        if rekap.excluded:
            lines.append(
                self.tr("%1 files are left out of the figures (see the table).").replace(
                    "%1", str(len(rekap.excluded))
                )
            )
        lines.extend(gap_message(g) for g in rekap.gaps)
        self.summary_label.setText("\n".join(lines))
        show_message(self.message_label, "")

    def on_worker_check_failed(self, exc: BaseException) -> None:
        self._timer.stop()
        self._drain()
        self.progress_bar.setVisible(False)
        if isinstance(exc, RekapCancelled):
            show_message(self.message_label, self.tr("Check cancelled; nothing was counted."))
            return
        if isinstance(exc, KeyRegisterError):
            text = self.tr(
                "The register of trusted keys cannot be read (trusted-keys.json); restore it "
                "from a backup."
            )
        else:
            logger.error("rekap check failed: %s", type(exc).__name__)
            text = self.tr("The check failed (%1).").replace("%1", type(exc).__name__)
        show_message(self.message_label, text, error=True)
        self.rekap_failed.emit(text)

    def on_save_button_clicked(self) -> None:
        if self.rekap is None:
            return
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the rekap"),
            ".pdf",
            self.tr("PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)"),
            lambda f: self.save_to(Path(f)),
            directory=self._default_dir,
            file_name="rekap-humas.pdf",
        )

    def header(self) -> RekapHeader:
        return RekapHeader(
            agency=self.agency_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            classification=str(self.classification_combo.currentData()),
            ranking=self.ranking_check.isChecked(),
        )

    def save_to(self, out: Path) -> bool:
        """Write and sign the checked rekap to `out` (its suffix picks the format)."""
        if self.rekap is None or self.is_running():
            return False
        fmt = SUFFIXES.get(out.suffix.lower())
        if fmt is None:
            show_message(
                self.message_label,
                self.tr("Name the file .pdf, .xlsx or .csv."),
                error=True,
            )
            return False
        pdf_writer = self._pdf_writer_factory() if fmt == "pdf" else None
        if fmt == "pdf" and pdf_writer is None:
            show_message(self.message_label, self.tr("PDF is not available."), error=True)
            return False
        show_message(self.message_label, self.tr("Writing the rekap…"))
        return self.run_task(
            _write_job,
            self.rekap,
            out,
            fmt,
            self.header(),
            self._signer_factory,
            pdf_writer,
            on_done=self.on_worker_write_done,
            on_error=lambda exc: self.on_worker_write_failed(exc, out),
        )

    def on_worker_write_done(self, signed: SignedFile) -> None:
        show_message(
            self.message_label,
            self.tr("Rekap written and signed: %1 (key %2).")
            .replace("%1", str(signed.path))
            .replace("%2", format_fingerprint(signed.fingerprint, groups=4)),
        )
        self.rekap_written.emit(signed)

    def on_worker_write_failed(self, exc: BaseException, out: Path) -> None:
        if isinstance(exc, ExportCancelled):
            text = self.tr("Cancelled; no file was left behind.")
        elif isinstance(exc, ExportFailed):
            text = describe_export_failure(exc, out)
        else:
            logger.error("rekap write failed: %s", type(exc).__name__)
            text = self.tr("The rekap could not be written (%1).").replace("%1", type(exc).__name__)
        show_message(self.message_label, text, error=True)
        self.rekap_failed.emit(text)


class TrustedKeysDialog(QDialog):
    """The register of trusted keys: list, add, retire (changes are written at once).

    Signals:
        keys_changed(): a key was added or retired.
    """

    keys_changed = Signal()

    def __init__(self, register: TrustedKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trusted keys of the officials"))
        self.register = register
        self.changed = False
        self.file_dialog: QFileDialog | None = None

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Trusted keys"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.keys_model = TrustedKeysModel(self)
        self.table.setModel(self.keys_model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Official's name"))
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setAccessibleName(self.tr("Official's unit"))
        self.account_edit = QLineEdit(self)
        self.account_edit.setAccessibleName(self.tr("Office account (optional)"))
        self.account_edit.setPlaceholderText("@humas_kota")
        self.key_edit = QLineEdit(self)
        self.key_edit.setAccessibleName(self.tr("Key fingerprint or key file"))
        self.key_edit.setPlaceholderText(
            self.tr("the 64-digit fingerprint from their report, or choose signing-key.pub")
        )
        self.browse_button = QPushButton(self.tr("&Choose key file…"), self)
        self.from_check = QCheckBox(self.tr("Valid from"), self)
        self.from_date = QDateEdit(QDate.currentDate(), self)
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("dd/MM/yyyy")
        self.from_date.setAccessibleName(self.tr("Valid from"))
        self.add_button = QPushButton(self.tr("&Add the key"), self)
        self.retire_date = QDateEdit(QDate.currentDate(), self)
        self.retire_date.setCalendarPopup(True)
        self.retire_date.setDisplayFormat("dd/MM/yyyy")
        self.retire_date.setAccessibleName(self.tr("Retired from"))
        self.retire_button = QPushButton(self.tr("&Retire the selected key from"), self)
        self.message_label = message_label(self, self.tr("Keys message"))

        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.browse_button)
        from_row = QHBoxLayout()
        from_row.addWidget(self.from_check)
        from_row.addWidget(self.from_date)
        from_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Key"), key_row)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Office account"), self.account_edit)
        form.addRow("", from_row)
        retire_row = QHBoxLayout()
        retire_row.addWidget(self.retire_button)
        retire_row.addWidget(self.retire_date)
        retire_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "A key is trusted only when it is in this register: add each official's key "
                "from the signing-key.pub they hand over, or the fingerprint printed in their "
                "report. After a handover (serah terima jabatan), retire the predecessor's key "
                "from the handover day and add the successor's: both stay valid for their own "
                "days."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(retire_row)
        layout.addLayout(form)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.retire_button.clicked.connect(self.on_retire_button_clicked)
        self.resize(860, 520)
        self.reload()

    def reload(self) -> None:
        try:
            self.keys_model.set_keys(self.register.list())
        except KeyRegisterError as exc:
            show_message(self.message_label, register_error_text(exc), error=True)

    def add_key(self) -> bool:
        from humasdesk.store.exports.sigfile import SignatureFileError, read_public_key_file

        text = self.key_edit.text().strip()
        public_key = None
        fingerprint: str | None = text
        if text and (Path(text).expanduser().is_file() or text.endswith(".pub")):
            if text.endswith(".sig"):
                show_message(
                    self.message_label,
                    self.tr(
                        "A .sig file is not a key: trust comes from the key the official hands "
                        "over, never from a file they bring."
                    ),
                    error=True,
                )
                return False
            try:
                public_key = read_public_key_file(Path(text).expanduser())
                fingerprint = None
            except (OSError, SignatureFileError):
                show_message(
                    self.message_label,
                    self.tr("%1 is not a readable HumasDesk public key file.").replace(
                        "%1", Path(text).name
                    ),
                    error=True,
                )
                return False
        valid_from = None
        if self.from_check.isChecked():
            d = self.from_date.date()
            valid_from = date(d.year(), d.month(), d.day())
        try:
            key = self.register.add(
                name=self.name_edit.text(),
                unit=self.unit_edit.text(),
                public_key=public_key,
                fingerprint=fingerprint,
                account=self.account_edit.text(),
                valid_from=valid_from,
            )
        except KeyRegisterError as exc:
            show_message(self.message_label, register_error_text(exc), error=True)
            return False
        self.changed = True
        self.keys_changed.emit()
        self.reload()
        for w in (self.key_edit, self.name_edit, self.unit_edit, self.account_edit):
            w.clear()
        show_message(
            self.message_label,
            self.tr("Added: %1 (%2), key %3.")
            .replace("%1", key.name)
            .replace("%2", key.unit)
            .replace("%3", format_fingerprint(key.fingerprint, groups=4)),
        )
        return True

    def retire_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            show_message(self.message_label, self.tr("Select the key to retire."), error=True)
            return False
        key = self.keys_model.keys[rows[0].row()]
        d = self.retire_date.date()
        try:
            self.register.retire(key.fingerprint, date(d.year(), d.month(), d.day()))
        except KeyRegisterError as exc:
            show_message(self.message_label, register_error_text(exc), error=True)
            return False
        self.changed = True
        self.keys_changed.emit()
        self.reload()
        show_message(
            self.message_label,
            self.tr("%1's key no longer vouches for activity from %2 on.")
            .replace("%1", key.name)
            .replace("%2", d.toString("dd/MM/yyyy")),
        )
        return True

    def on_browse_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("The official's public key"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Public keys (*.pub);;All files (*)"))
        dialog.fileSelected.connect(self.key_edit.setText)
        self.file_dialog = dialog
        dialog.open()

    def on_add_button_clicked(self) -> None:
        self.add_key()

    def on_retire_button_clicked(self) -> None:
        self.retire_selected()


class TrustedKeysModel(QAbstractTableModel):
    """The register's entries: name, unit, account, fingerprint, valid days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: list[TrustedKey] = []

    def set_keys(self, keys: list[TrustedKey]) -> None:
        self.beginResetModel()
        self.keys = list(keys)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Unit"),
            self.tr("Account"),
            self.tr("Fingerprint"),
            self.tr("Valid"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        k = self.keys[index.row()]
        col = index.column()
        if col == 0:
            return k.name
        if col == 1:
            return k.unit
        if col == 2:
            return k.account or "–"
        if col == 3:
            return format_fingerprint(k.fingerprint, groups=4)
        start = k.valid_from.strftime("%d/%m/%Y") if k.valid_from else "…"
        if k.valid_until is None:
            return self.tr("%1 – now").replace("%1", start)
        return (
            self.tr("%1 – until %2 (retired)")
            .replace("%1", start)
            .replace("%2", (k.valid_until - timedelta(days=1)).strftime("%d/%m/%Y"))
        )


def register_error_text(exc: KeyRegisterError) -> str:
    from PySide6.QtCore import QCoreApplication

    p = {k: str(v) for k, v in exc.params.items()}
    texts = {
        "already_registered": QCoreApplication.translate(
            "Rekap", "This key is already in the register, for %1 (%2)."
        )
        .replace("%1", p.get("name", ""))
        .replace("%2", p.get("unit", "")),
        "not_found": QCoreApplication.translate("Rekap", "That key is not in the register."),
        "ambiguous": QCoreApplication.translate(
            "Rekap", "More than one key starts so; type more of the fingerprint."
        ),
        "bad_fingerprint": QCoreApplication.translate(
            "Rekap",
            "That is not a key fingerprint: it has 64 hexadecimal digits (3F2A 9C01 …), or "
            "choose the official's signing-key.pub.",
        ),
        "bad_name": QCoreApplication.translate(
            "Rekap",
            "Name, unit and account must be one line of at most 200 characters; name "
            "and unit are required.",
        ),
        "retire_before_start": QCoreApplication.translate(
            "Rekap", "The key is valid only from %1: retire it from a later day."
        ).replace("%1", p.get("valid_from", "")),
        "already_retired": QCoreApplication.translate(
            "Rekap", "The key is already retired from %1."
        ).replace("%1", p.get("valid_until", "")),
        "unreadable": QCoreApplication.translate(
            "Rekap",
            "The register of trusted keys cannot be read (trusted-keys.json); restore it "
            "from a backup.",
        ),
        "too_new": QCoreApplication.translate(
            "Rekap", "The register was written by a newer HumasDesk; update HumasDesk."
        ),
    }
    return texts.get(exc.code, str(exc))


def open_rekap_window(
    data_root: Path,
    *,
    files: Sequence[str | Path] = (),
    agency: str = "",
    unit: str = "",
    period: tuple[datetime | None, datetime | None] = (None, None),
    parent: QWidget | None = None,
) -> RekapWindow:
    """The window over the data folder's register, signing with its key (not shown yet)."""
    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.paths import DataPaths

    paths = DataPaths(Path(data_root))
    key_path = paths.root / PUBLIC_KEY_FILENAME
    window = RekapWindow(
        TrustedKeys(paths.trusted_keys),
        signer_factory=lambda: ExportSigner(public_key_path=key_path),
        files=(),
        agency=agency,
        unit=unit,
        parent=parent,
    )
    start, end = period
    if start is not None and end is not None:
        window.whole_period.setChecked(False)
        last = (end - timedelta(days=1)).date()
        window.from_date.setDate(QDate(start.year, start.month, start.day))
        window.to_date.setDate(QDate(last.year, last.month, last.day))
    if files:
        window.add_files([Path(f) for f in files])
    return window
