"""Retention and disposal review: what the retention schedule erases, and the records due
for the records officer's review.

Tabs:

* **Retention**: the values in force (`RetentionPolicy`), a preview of what the schedule
  would erase now (`preview_retention`) and *Erase now…*, which runs
  `apply_retention(trigger="manual", confirmed=True)` only after a yes/no question.
* **Disposal review**: the records due for review (`disposal_review`), *Make proposal
  documents…* (`disposal_documents`: the daftar usul musnah and the konsep berita acara
  pemusnahan, shown in the next two tabs with *Save as text…* and, when a `pdf_writer` is
  given, *Save as PDF…*), and *Erase approved records…*, which asks for the approval reference
  (the berita acara number) and a confirmation, then runs `erase_approved_disposal` for the
  records in the proposal.

Every service call, file write and PDF runs on the dialog's `Worker`; one task at a time.
An erasure refused because an export is running (`LeaseConflict`) is reported and nothing
is erased. Closing while a task runs waits for it and closes when it has finished (erasures
cannot be stopped halfway).

`confirm(title, text) -> bool` and `ask_reference() -> str | None` ask the official; tests
replace them.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.privacy import (
    CLASS_LABELS,
    DocumentHeader,
    PrivacyError,
    RetentionPolicy,
    ReviewItem,
)
from humasdesk.gui.messages import describe_privacy_error
from humasdesk.gui.modal import run_modal
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.privacy.common import Clock, open_save_dialog, utc_now
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.privacy import (
    DisposalDocuments,
    ErasureReport,
    RetentionPreview,
    apply_retention,
    disposal_documents,
    disposal_review,
    erase_approved_disposal,
    preview_retention,
)
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.privacy_store import LeaseConflict, PrivacyStore

logger = logging.getLogger(__name__)

PdfWriter = Callable[[str, Path], object]
Index = QModelIndex | QPersistentModelIndex

# Which document
PROPOSAL = "proposal"
DESTRUCTION_REPORT = "destruction_report"

# Tabs
TAB_RETENTION = 0
TAB_REVIEW = 1
TAB_PROPOSAL = 2
TAB_REPORT = 3


def ask_yes_no_plain(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question shown as plain text, No by default, with Indonesian buttons (the
    desk's own Yes/No: Qt ships no Indonesian translation of its standard buttons)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    yes = box.addButton(
        QCoreApplication.translate("SlotDesk", "Yes"), QMessageBox.ButtonRole.YesRole
    )
    no = box.addButton(QCoreApplication.translate("SlotDesk", "No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    run_modal(box)
    return box.clickedButton() is yes


def default_document_name(which: str, now: datetime, suffix: str) -> str:
    stem = "daftar-usul-musnah" if which == PROPOSAL else "konsep-berita-acara-pemusnahan"
    return f"{stem}-{now.astimezone():%Y-%m-%d}{suffix}"


# --- background jobs (plain data in, plain data out) --------------------------------------------


def _load(
    log: ActivityLog, privacy: PrivacyStore, policy: RetentionPolicy, now: datetime
) -> tuple[RetentionPreview, list[ReviewItem]]:
    return preview_retention(privacy, policy, now), disposal_review(
        log, privacy, now, policy=policy
    )


def _write_text(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_pdf(pdf_writer: PdfWriter, text: str, path: Path) -> Path:
    pdf_writer(text, path)
    return path


# --- the review table ------------------------------------------------------------------------

COL_SEQ = 0
COL_DATE = 1
COL_ACCOUNT = 2
COL_CLASS = 3
COL_POST = 4
COL_DESCRIPTION = 5
COLUMN_COUNT = 6

ItemRole = Qt.ItemDataRole.UserRole + 1  # the ReviewItem of the row


class ReviewItemsModel(QAbstractTableModel):
    """The records due for disposal review, one row each (no citizen's data: the service's
    descriptions name the kind of record and its ids only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ReviewItem] = []

    def set_items(self, items: Sequence[ReviewItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ReviewItem]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_SEQ: self.tr("No."),
            COL_DATE: self.tr("Date"),
            COL_ACCOUNT: self.tr("Account"),
            COL_CLASS: self.tr("Kind of record"),
            COL_POST: self.tr("Post id"),
            COL_DESCRIPTION: self.tr("Description"),
        }.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return item
        return None

    def _display(self, item: ReviewItem, col: int) -> str | None:
        if col == COL_SEQ:
            return str(item.seq)
        if col == COL_DATE:
            return local_time(item.ts)
        if col == COL_ACCOUNT:
            if item.slot == "office":
                return self.tr("Office")
            if item.slot == "personal":
                return self.tr("Personal")
            return "-"
        if col == COL_CLASS:
            return CLASS_LABELS.get(item.data_class, str(item.data_class))
        if col == COL_POST:
            return item.x_post_id or "-"
        if col == COL_DESCRIPTION:
            return item.description
        return None


# --- the dialog --------------------------------------------------------------------------------


def _plain_label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RetentionDialog(WorkerDialog):
    """Retention and disposal review (see the module docstring). Every task is a
    `WorkerDialog` task; closing while one runs closes when it has finished.

    Signals:
        loaded(): the preview and the review list were (re)loaded.
        retention_applied(object): the `ErasureReport` of an *Erase now* run.
        documents_made(object): the `DisposalDocuments` made for the records officer.
        disposal_erased(object): the `ErasureReport` of an approved disposal.
        document_saved(str): a document was written to this path.
        task_failed(str): a task failed; the message shown (an erasure erased nothing).
    """

    loaded = Signal()
    retention_applied = Signal(object)
    documents_made = Signal(object)
    disposal_erased = Signal(object)
    document_saved = Signal(str)
    task_failed = Signal(str)

    worker_name = "retention"

    def __init__(
        self,
        log: ActivityLog,
        privacy: PrivacyStore,
        *,
        policy: RetentionPolicy,
        header: DocumentHeader,
        clock: Clock | None = None,
        pdf_writer: PdfWriter | None = None,
        default_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention and disposal review"))
        self._log = log
        self._privacy = privacy
        self._policy = policy
        self._header = header
        self._clock = clock or utc_now
        self._pdf_writer = pdf_writer
        self._default_dir = default_dir
        self._busy_status: str | None = None
        self.preview: RetentionPreview | None = None
        self.documents: DisposalDocuments | None = None
        self._documents_erased = False
        self.file_dialog: QFileDialog | None = None
        self.confirm: Callable[[str, str], bool] = self.ask_yes_no
        self.ask_reference: Callable[[], str | None] = self.ask_approval_reference

        self.tabs = QTabWidget(self)
        # Every tab title stays readable (long translations widen the dialog instead).
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.setAccessibleName(self.tr("Retention and disposal review sections"))
        self.tabs.addTab(self._retention_tab(), self.tr("Re&tention"))
        self.tabs.addTab(self._review_tab(), self.tr("Disposal re&view"))
        self.proposal_text, self.save_proposal_text_button, self.save_proposal_pdf_button = (
            self._document_tab(
                PROPOSAL,
                self.tr("Proposal list (daftar usul musnah)"),
                self.tr("Proposal &list"),
            )
        )
        self.report_text, self.save_report_text_button, self.save_report_pdf_button = (
            self._document_tab(
                DESTRUCTION_REPORT,
                self.tr("Draft destruction report (konsep berita acara pemusnahan)"),
                self.tr("Draft destruction &report"),
            )
        )
        self.tabs.setTabEnabled(TAB_PROPOSAL, False)
        self.tabs.setTabEnabled(TAB_REPORT, False)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Task progress"))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setVisible(False)
        self.status_label = _plain_label(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Load the preview and the review again"))
        self.refresh_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the window"))
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.refresh_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        order: list[QWidget] = [
            self.tabs,
            self.erase_now_button,
            self.review_table,
            self.make_documents_button,
            self.erase_approved_button,
            self.proposal_text,
            self.save_proposal_text_button,
            self.save_proposal_pdf_button,
            self.report_text,
            self.save_report_text_button,
            self.save_report_pdf_button,
            self.refresh_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        self.erase_now_button.clicked.connect(self.on_erase_now_button_clicked)
        self.make_documents_button.clicked.connect(self.on_make_documents_button_clicked)
        self.erase_approved_button.clicked.connect(self.on_erase_approved_button_clicked)
        self.save_proposal_text_button.clicked.connect(
            lambda: self.choose_save_path(PROPOSAL, pdf=False)
        )
        self.save_proposal_pdf_button.clicked.connect(
            lambda: self.choose_save_path(PROPOSAL, pdf=True)
        )
        self.save_report_text_button.clicked.connect(
            lambda: self.choose_save_path(DESTRUCTION_REPORT, pdf=False)
        )
        self.save_report_pdf_button.clicked.connect(
            lambda: self.choose_save_path(DESTRUCTION_REPORT, pdf=True)
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)

        self._update_buttons()
        self.resize(820, 560)
        self.refresh()

    # --- tabs ---------------------------------------------------------------------------------

    def _retention_tab(self) -> QWidget:
        page = QWidget(self)
        locale = QLocale()
        values = QGroupBox(self.tr("Retention in force"), page)
        self.unanswered_value = _plain_label(
            values,
            self.tr(
                "Citizens' mentions never answered, tagged as aduan or handled: their handle "
                "and text are erased after %1 days (the counts are kept)."
            ).replace("%1", locale.toString(self._policy.unanswered_mention_days)),
        )
        self.unanswered_value.setAccessibleName(self.tr("Retention of unanswered mentions"))
        self.records_value = _plain_label(
            values,
            self.tr(
                "Records (answered mentions, aduan, office posts): listed for disposal review "
                "after %1 days. They are never erased automatically."
            ).replace("%1", locale.toString(self._policy.record_review_days)),
        )
        self.records_value.setAccessibleName(self.tr("Review period of records"))
        values_layout = QVBoxLayout(values)
        values_layout.addWidget(self.unanswered_value)
        values_layout.addWidget(self.records_value)

        due = QGroupBox(self.tr("Due for erasure now"), page)
        self.preview_label = _plain_label(due, self.tr("Loading…"))
        self.preview_label.setAccessibleName(self.tr("What the schedule would erase now"))
        self.erase_now_button = QPushButton(self.tr("&Erase now…"), due)
        self.erase_now_button.setAccessibleName(
            self.tr("Erase the mentions past their retention now")
        )
        due_layout = QVBoxLayout(due)
        due_layout.addWidget(self.preview_label)
        row = QHBoxLayout()
        row.addWidget(self.erase_now_button)
        row.addStretch(1)
        due_layout.addLayout(row)

        layout = QVBoxLayout(page)
        layout.addWidget(values)
        layout.addWidget(due)
        layout.addStretch(1)
        return page

    def _review_tab(self) -> QWidget:
        page = QWidget(self)
        self.review_intro = _plain_label(page)
        self.review_intro.setAccessibleName(self.tr("About the disposal review"))
        self.review_model = ReviewItemsModel(self)
        self.review_table = QTableView(page)
        self.review_table.setModel(self.review_model)
        self.review_table.setAccessibleName(self.tr("Records due for review"))
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review_table.setTabKeyNavigation(False)
        self.review_table.verticalHeader().setVisible(False)
        self.review_table.horizontalHeader().setSectionResizeMode(
            COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.review_count_label = _plain_label(page)
        self.review_count_label.setAccessibleName(self.tr("Number of records due for review"))
        self.make_documents_button = QPushButton(self.tr("&Make proposal documents…"), page)
        self.make_documents_button.setAccessibleName(
            self.tr("Make the proposal list and the draft destruction report")
        )
        self.erase_approved_button = QPushButton(self.tr("Erase &approved records…"), page)
        self.erase_approved_button.setAccessibleName(
            self.tr("Erase the citizens' data of the approved records")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_documents_button)
        buttons.addWidget(self.erase_approved_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.review_intro)
        layout.addWidget(self.review_table, 1)
        layout.addWidget(self.review_count_label)
        layout.addLayout(buttons)
        return page

    def _document_tab(
        self, which: str, name: str, title: str
    ) -> tuple[QPlainTextEdit, QPushButton, QPushButton]:
        page = QWidget(self)
        text = QPlainTextEdit(page)
        text.setReadOnly(True)
        text.setAccessibleName(name)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        text.setTabChangesFocus(True)
        save_text = QPushButton(self.tr("Save as te&xt…"), page)
        save_text.setAccessibleName(self.tr("Save %1 as a text file").replace("%1", name))
        save_pdf = QPushButton(self.tr("Save as &PDF…"), page)
        save_pdf.setAccessibleName(self.tr("Save %1 as a PDF file").replace("%1", name))
        save_pdf.setVisible(self._pdf_writer is not None)
        row = QHBoxLayout()
        row.addWidget(save_text)
        row.addWidget(save_pdf)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(text, 1)
        layout.addLayout(row)
        self.tabs.addTab(page, title)
        return text, save_text, save_pdf

    # --- public API ---------------------------------------------------------------------------

    def is_busy(self) -> bool:
        """Whether a task runs (`is_running`)."""
        return self.is_running()

    def review_items(self) -> list[ReviewItem]:
        return self.review_model.items()

    def refresh(self) -> bool:
        """Load the preview and the review list again (on the worker)."""
        return self._refresh(self.tr("Loading…"))

    def _refresh(self, status: str | None) -> bool:
        now = self._clock()
        return self._submit(
            status,
            _load,
            self._log,
            self._privacy,
            self._policy,
            now,
            on_done=lambda result: self.on_worker_loaded(result, now),
        )

    def erase_now(self) -> bool:
        """Ask, then erase what the schedule would erase now; False if not started."""
        if self._running or self.preview is None:
            return False
        p = self.preview
        locale = QLocale()
        question = (
            self.tr(
                "Erase the handle and text of %1 mentions received before %2 that were never "
                "answered, tagged or handled (%3 activity log entries, %4 inbox messages)? "
                "The counts are kept. This cannot be undone."
            )
            .replace("%1", locale.toString(p.mentions))
            .replace("%2", local_time(p.cutoff))
            .replace("%3", locale.toString(p.entries))
            .replace("%4", locale.toString(p.mention_rows))
        )
        if not self.confirm(self.tr("Erase now"), question):
            self._show_status(self.tr("Nothing was erased."))
            return False
        now = self._clock()
        return self._submit(
            self.tr("Erasing…"),
            _apply_retention_job,
            self._log,
            self._privacy,
            self._policy,
            now,
            on_done=self.on_worker_retention_applied,
            erasing=True,
        )

    def make_documents(self) -> bool:
        """Make the daftar usul musnah and the konsep berita acara for the listed records."""
        items = self.review_items()
        if self._running or not items:
            return False
        now = self._clock()
        return self._submit(
            self.tr("Making the documents…"),
            _documents_job,
            self._log,
            items,
            self._header,
            now,
            self._policy.record_review_days,
            on_done=self.on_worker_documents_made,
        )

    def erase_approved(self) -> bool:
        """Ask for the approval reference and a confirmation, then erase the citizens' data
        attached to the records in the proposal."""
        if self._running or self.documents is None or self._documents_erased:
            return False
        reference = (self.ask_reference() or "").strip()
        if not reference:
            self._show_status(self.tr("No approval reference given; nothing was erased."))
            return False
        items = list(self.documents.items)
        question = (
            self.tr(
                "Erase the citizens' data (handles and texts) attached to the %1 records in "
                "the proposal, approved by %2? The office's own posts stay in the activity "
                "log. This cannot be undone."
            )
            .replace("%1", QLocale().toString(len(items)))
            .replace("%2", reference)
        )
        if not self.confirm(self.tr("Erase approved records"), question):
            self._show_status(self.tr("Nothing was erased."))
            return False
        now = self._clock()
        return self._submit(
            self.tr("Erasing…"),
            _erase_approved_job,
            self._log,
            self._privacy,
            items,
            reference,
            now,
            on_done=self.on_worker_disposal_erased,
            erasing=True,
        )

    def save_document(self, which: str, path: Path, *, pdf: bool = False) -> bool:
        """Write a document (text, or PDF through the `pdf_writer`) on the worker."""
        if self.documents is None or self._running:
            return False
        text = self.documents.proposal if which == PROPOSAL else self.documents.destruction_report
        if pdf:
            if self._pdf_writer is None:
                return False
            return self._submit(
                self.tr("Saving…"),
                _write_pdf,
                self._pdf_writer,
                text,
                path,
                on_done=self.on_worker_document_saved,
            )
        return self._submit(
            self.tr("Saving…"), _write_text, text, path, on_done=self.on_worker_document_saved
        )

    def choose_save_path(self, which: str, *, pdf: bool) -> None:
        """Ask where to save a document (window-modal, no nested event loop)."""
        if self.documents is None:
            return
        suffix = ".pdf" if pdf else ".txt"
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the document as"),
            suffix,
            self.tr("PDF files (*.pdf)") if pdf else self.tr("Text files (*.txt)"),
            lambda file: self.on_file_dialog_file_selected(file, which, pdf),
            directory=self._default_dir,
            file_name=default_document_name(which, self._clock(), suffix),
        )

    def closing_note(self) -> str:
        return self.tr("The window closes when the current task has finished…")

    # --- asking -------------------------------------------------------------------------------

    def ask_yes_no(self, title: str, text: str) -> bool:
        return ask_yes_no_plain(self, title, text)

    def ask_approval_reference(self) -> str | None:
        """The approval number (berita acara / persetujuan pemusnahan), or None."""
        box = QInputDialog(self)
        box.setWindowTitle(self.tr("Erase approved records"))
        box.setLabelText(
            self.tr(
                "Number of the approval of the disposal (berita acara pemusnahan or the "
                "approval letter):"
            )
        )
        box.setInputMode(QInputDialog.InputMode.TextInput)
        box.setTextEchoMode(QLineEdit.EchoMode.Normal)
        box.setOkButtonText(self.tr("Continue"))
        box.setCancelButtonText(self.tr("Cancel"))
        for label in box.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        if run_modal(box) != QDialog.DialogCode.Accepted:
            return None
        return box.textValue()

    # --- slots --------------------------------------------------------------------------------

    def on_erase_now_button_clicked(self) -> None:
        self.erase_now()

    def on_make_documents_button_clicked(self) -> None:
        self.make_documents()

    def on_erase_approved_button_clicked(self) -> None:
        self.erase_approved()

    def on_file_dialog_file_selected(self, file: str, which: str, pdf: bool) -> None:
        if file:
            self.save_document(which, Path(file), pdf=pdf)

    def on_worker_loaded(
        self, result: tuple[RetentionPreview, list[ReviewItem]], now: datetime
    ) -> None:
        preview, items = result
        self.preview = preview
        locale = QLocale()
        if preview.mentions:
            text = (
                self.tr(
                    "Mentions received before %1 that were never answered, tagged or handled: "
                    "%2 mentions (%3 activity log entries, %4 inbox messages)."
                )
                .replace("%1", local_time(preview.cutoff))
                .replace("%2", locale.toString(preview.mentions))
                .replace("%3", locale.toString(preview.entries))
                .replace("%4", locale.toString(preview.mention_rows))
            )
        else:
            text = self.tr(
                "Nothing is due: no unanswered mention received before %1 still holds a "
                "citizen's data."
            ).replace("%1", local_time(preview.cutoff))
        self.preview_label.setText(text)
        self.review_model.set_items(items)
        self.review_table.resizeColumnsToContents()
        self.review_intro.setText(
            self.tr(
                "Records older than %1 days (from before %2) whose data the desk still holds. "
                "This list is a proposal for the records officer: nothing here is erased "
                "automatically."
            )
            .replace("%1", locale.toString(self._policy.record_review_days))
            .replace("%2", local_time(self._policy.review_cutoff(now)))
        )
        self.review_count_label.setText(
            self.tr("%1 records due for review.").replace("%1", locale.toString(len(items)))
        )
        self._finish()
        self.loaded.emit()

    def on_worker_retention_applied(self, report: ErasureReport) -> None:
        logger.info(
            "manual retention run erased %d entries and %d inbox rows",
            report.count,
            report.mention_rows,
        )
        self._finish(self._erased_text(report))
        self.retention_applied.emit(report)
        self._reload_after_erasure()

    def on_worker_documents_made(self, documents: DisposalDocuments) -> None:
        self.documents = documents
        self._documents_erased = False
        self.proposal_text.setPlainText(documents.proposal)
        self.report_text.setPlainText(documents.destruction_report)
        self.tabs.setTabEnabled(TAB_PROPOSAL, True)
        self.tabs.setTabEnabled(TAB_REPORT, True)
        logger.info("disposal documents made for %d records", len(documents.items))
        self._finish(
            self.tr(
                "The documents for %1 records are made. Check them, save them and give them "
                "to the records officer."
            ).replace("%1", QLocale().toString(len(documents.items)))
        )
        self.tabs.setCurrentIndex(TAB_PROPOSAL)
        self.documents_made.emit(documents)

    def on_worker_disposal_erased(self, report: ErasureReport) -> None:
        self._documents_erased = True
        logger.info(
            "approved disposal erased %d entries and %d inbox rows",
            report.count,
            report.mention_rows,
        )
        self._finish(self._erased_text(report))
        self.disposal_erased.emit(report)
        self._reload_after_erasure()

    def on_worker_document_saved(self, path: Path) -> None:
        self._finish(self.tr("Saved: %1").replace("%1", str(path)))
        self.document_saved.emit(str(path))

    def on_worker_failed(self, exc: BaseException, erasing: bool) -> None:
        text = self.failure_message(exc, erasing=erasing)
        self._finish(text, error=True)
        self.task_failed.emit(text)

    # --- internals ----------------------------------------------------------------------------

    def failure_message(self, exc: BaseException, *, erasing: bool = False) -> str:
        if isinstance(exc, LeaseConflict):
            logger.warning("erasure refused: an export is running")
            return describe_privacy_error(exc)
        if isinstance(exc, PrivacyError):
            logger.warning("privacy task refused: %s", exc.message_id)
            return describe_privacy_error(exc)
        if isinstance(exc, OSError):
            logger.warning("document not saved: %s", type(exc).__name__)
            return self.tr("The file could not be saved (%1). Choose another folder.").replace(
                "%1", exc.strerror or type(exc).__name__
            )
        logger.error("privacy task failed unexpectedly: %s", type(exc).__name__)
        text = self.tr("Something went wrong (%1). Details are in the log file.").replace(
            "%1", type(exc).__name__
        )
        if erasing:
            text += "\n" + self.tr("Look at the activity log to see whether anything was erased.")
        return text

    def _erased_text(self, report: ErasureReport) -> str:
        locale = QLocale()
        if not (report.count or report.mention_rows):
            return self.tr("Nothing was due; nothing was erased.")
        return (
            self.tr(
                "Erased: the citizens' data of %1 activity log entries and %2 inbox messages. "
                "The erasure is recorded in the activity log."
            )
            .replace("%1", locale.toString(report.count))
            .replace("%2", locale.toString(report.mention_rows))
        )

    def _reload_after_erasure(self) -> None:
        if self.isVisible():  # not when the window closed as the erasure finished
            self._refresh(None)  # keep saying what was erased

    def _submit(
        self,
        status: str | None,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        erasing: bool = False,
    ) -> bool:
        """Run `fn(*args)` as the dialog's task; `status` is shown meanwhile (None: the
        current status stays). `on_done` and the failure handler end with `_finish`."""
        if self._running:
            return False
        self._busy_status = status
        if status is not None:
            self._show_status(status)
        return self.run_task(
            fn, *args, on_done=on_done, on_error=lambda exc: self.on_worker_failed(exc, erasing)
        )

    def _finish(self, status: str | None = None, *, error: bool = False) -> None:
        """Show how a task ended, then close if the official asked to meanwhile (before a
        reload after an erasure would start another task)."""
        if status is not None:
            self._show_status(status, error=error)
        elif self._busy_status is not None:
            self._show_status("")  # "Loading…" is over
        self._update_buttons()
        self._close_if_asked()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("error", error)

    def _show_closing_note(self, text: str) -> None:
        self._show_status(text)

    def _running_changed(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._running
        due = self.preview is not None and (
            self.preview.mentions or self.preview.entries or self.preview.mention_rows
        )
        self.erase_now_button.setEnabled(idle and bool(due))
        self.make_documents_button.setEnabled(idle and self.review_model.rowCount() > 0)
        self.erase_approved_button.setEnabled(
            idle and self.documents is not None and not self._documents_erased
        )
        have_docs = idle and self.documents is not None
        for button in (
            self.save_proposal_text_button,
            self.save_proposal_pdf_button,
            self.save_report_text_button,
            self.save_report_pdf_button,
        ):
            button.setEnabled(have_docs)
        self.refresh_button.setEnabled(idle)


def _apply_retention_job(
    log: ActivityLog, privacy: PrivacyStore, policy: RetentionPolicy, now: datetime
) -> ErasureReport:
    """The official's *Erase now*: a manual run, confirmed by the yes/no question."""
    return apply_retention(log, privacy, policy, now, trigger="manual", confirmed=True)


def _documents_job(
    log: ActivityLog,
    items: list[ReviewItem],
    header: DocumentHeader,
    now: datetime,
    retention_days: int,
) -> DisposalDocuments:
    return disposal_documents(log, items, header, now, retention_days=retention_days)


def _erase_approved_job(
    log: ActivityLog,
    privacy: PrivacyStore,
    items: list[ReviewItem],
    reference: str,
    now: datetime,
) -> ErasureReport:
    return erase_approved_disposal(log, privacy, items, reference, now, confirmed=True)


__all__ = [
    "DESTRUCTION_REPORT",
    "PROPOSAL",
    "RetentionDialog",
    "ReviewItemsModel",
    "ask_yes_no_plain",
]
