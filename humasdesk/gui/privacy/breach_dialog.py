"""The breach kit (kegagalan pelindungan data pribadi, UU 27/2022 Pasal 46): after a laptop is
lost or data leaked, who was affected in a period, a notification draft with what the law
asks for, and the 3×24-hour deadline from discovery.

The official gives the period, when the breach was discovered and how it happened, and
presses Buat. `breach_kit` runs on the dialog's `Worker` (it records the period and the
counts in the activity log, never the handles). The deadline and the time left are shown
large; the affected handles in a list and the draft in a read-only text box — both plain
text, as handles and the official's words are never rendered as rich text. The draft can be
copied, saved as a text file, or as a PDF when a `pdf_writer(text, path)` was given.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.privacy import DocumentHeader, PrivacyError, time_left_text
from humasdesk.gui.fit import grow_to_fit, needed_height
from humasdesk.gui.messages import describe_export_failure, describe_privacy_error
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.privacy.common import (
    Clock,
    PdfTextWriter,
    date_time_edit,
    edit_time,
    message_label,
    open_save_dialog,
    path_problem,
    show_message,
    utc_now,
)
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.privacy import BreachKit, breach_kit
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.exports.signed import ExportFailed, write_unsigned
from humasdesk.store.privacy_store import PrivacyStore

logger = logging.getLogger(__name__)

DEFAULT_PERIOD = timedelta(days=30)
REFRESH_MS = 60_000  # the time left follows the clock
LATE_STYLE = "color: #b00020; font-weight: bold;"


def write_text_file(text: str, path: Path) -> Path:
    """Write `text` (UTF-8) atomically; raises `ExportFailed` with the reason."""
    return write_unsigned(path, lambda body: body.file.write(text.encode("utf-8")))


def write_pdf_file(text: str, path: Path, pdf_writer: PdfTextWriter) -> Path:
    """Lay `text` out with `pdf_writer` into a temporary file, then move it into place."""
    return write_unsigned(path, lambda body: body.write_by_path(lambda tmp: pdf_writer(text, tmp)))


RESULT_HEIGHT = 560  # px: the handles and the draft side by side


class BreachDialog(WorkerDialog):
    """Make the breach kit for a period (see the module docstring). Making the kit and saving
    the draft are `WorkerDialog` tasks; closing while one runs closes when it is done.

    Signals:
        kit_made(object): the `BreachKit` made and shown.
        kit_failed(str): the kit could not be made (invalid period…); the message shown.
        file_saved(str): the draft was saved at this path.
        save_failed(str): the draft could not be saved; the message shown.
    """

    kit_made = Signal(object)
    kit_failed = Signal(str)
    file_saved = Signal(str)
    save_failed = Signal(str)

    worker_name = "breach-kit"

    def __init__(
        self,
        log: ActivityLog,
        privacy: PrivacyStore,
        *,
        header: DocumentHeader,
        clock: Clock | None = None,
        pdf_writer: PdfTextWriter | None = None,
        default_dir: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data breach: who is affected and the notification"))
        self._log = log
        self._privacy = privacy
        self._header = header
        self._clock: Clock = clock or utc_now
        self._pdf_writer = pdf_writer
        self._default_dir = None if default_dir is None else Path(default_dir)
        self.kit: BreachKit | None = None
        self.file_dialog: QFileDialog | None = None

        now = self._clock()
        # --- fields ---
        self.from_edit = date_time_edit(self, self.tr("Period start"), now - DEFAULT_PERIOD)
        self.to_edit = date_time_edit(self, self.tr("Period end"), now)
        self.discovered_edit = date_time_edit(self, self.tr("Discovered at"), now)
        self.how_edit = QPlainTextEdit(self)
        self.how_edit.setAccessibleName(self.tr("How it happened"))
        self.how_edit.setPlaceholderText(
            self.tr("For example: the office laptop was stolen from the car on …")
        )
        self.how_edit.setTabChangesFocus(True)
        self.how_edit.setFixedHeight(self.how_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.make_button = QPushButton(self.tr("&Make"), self)
        self.make_button.setAccessibleName(self.tr("Make the breach kit"))
        self.make_button.setDefault(True)

        # --- results ---
        self.deadline_label = QLabel(self)
        self.deadline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline_label.setAccessibleName(self.tr("Notification deadline"))
        self.deadline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.deadline_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.deadline_label.setFont(font)
        self.deadline_label.setWordWrap(True)
        self.time_left_label = QLabel(self)
        self.time_left_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_left_label.setAccessibleName(self.tr("Time left to notify"))
        self.time_left_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Affected data"))
        self.handles_list = QListWidget(self)
        self.handles_list.setAccessibleName(self.tr("Affected accounts"))
        self.handles_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.draft_edit = QPlainTextEdit(self)
        self.draft_edit.setReadOnly(True)
        self.draft_edit.setTabChangesFocus(True)
        self.draft_edit.setAccessibleName(self.tr("Notification draft"))
        self.draft_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the notification draft"))
        self.copy_list_button = QPushButton(self.tr("Copy the &list"), self)
        self.copy_list_button.setAccessibleName(self.tr("Copy the list of affected accounts"))
        self.save_text_button = QPushButton(self.tr("Save as &text…"), self)
        self.save_text_button.setAccessibleName(self.tr("Save the draft as a text file"))
        self.save_pdf_button = QPushButton(self.tr("Save as &PDF…"), self)
        self.save_pdf_button.setAccessibleName(self.tr("Save the draft as a PDF file"))
        self.save_pdf_button.setVisible(pdf_writer is not None)
        for b in (
            self.copy_button,
            self.copy_list_button,
            self.save_text_button,
            self.save_pdf_button,
        ):
            b.setAutoDefault(False)

        self.message_label = message_label(self, self.tr("Breach kit status"))

        self.button_box = QDialogButtonBox(self)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)

        # --- layout ---
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.to_edit)
        period.addWidget(to_label)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        period_label = QLabel(self.tr("&Period"), self)
        period_label.setBuddy(self.from_edit)
        form.addRow(period_label, period)
        discovered_label = QLabel(self.tr("&Discovered at"), self)
        discovered_label.setBuddy(self.discovered_edit)
        form.addRow(discovered_label, self.discovered_edit)
        how_label = QLabel(self.tr("&How it happened"), self)
        how_label.setBuddy(self.how_edit)
        form.addRow(how_label, self.how_edit)
        make_row = QHBoxLayout()
        make_row.addWidget(self.make_button)
        make_row.addStretch(1)
        form.addRow("", make_row)

        self.result_box = QGroupBox(self.tr("Notification"), self)
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.deadline_label)
        result_layout.addWidget(self.time_left_label)
        result_layout.addWidget(self.summary_label)
        lists = QHBoxLayout()
        handles_col = QVBoxLayout()
        handles_label = QLabel(self.tr("Affected &accounts"), self.result_box)
        handles_label.setBuddy(self.handles_list)
        handles_col.addWidget(handles_label)
        handles_col.addWidget(self.handles_list, 1)
        draft_col = QVBoxLayout()
        draft_label = QLabel(self.tr("Notification d&raft"), self.result_box)
        draft_label.setBuddy(self.draft_edit)
        draft_col.addWidget(draft_label)
        draft_col.addWidget(self.draft_edit, 1)
        lists.addLayout(handles_col, 1)
        lists.addLayout(draft_col, 3)
        result_layout.addLayout(lists, 1)
        buttons = QHBoxLayout()
        for b in (
            self.copy_button,
            self.copy_list_button,
            self.save_text_button,
            self.save_pdf_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        result_layout.addLayout(buttons)
        self.result_box.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.result_box, 1)
        layout.addWidget(self.button_box)

        order: list[QWidget] = [
            self.from_edit,
            self.to_edit,
            self.discovered_edit,
            self.how_edit,
            self.make_button,
            self.handles_list,
            self.draft_edit,
            self.copy_button,
            self.copy_list_button,
            self.save_text_button,
            self.save_pdf_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        # --- wiring ---
        self.make_button.clicked.connect(self.on_make_button_clicked)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.copy_list_button.clicked.connect(self.on_copy_list_button_clicked)
        self.save_text_button.clicked.connect(self.on_save_text_button_clicked)
        self.save_pdf_button.clicked.connect(self.on_save_pdf_button_clicked)
        self.button_box.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._update_buttons()
        # As tall as the form until there is a result (no empty gaps between its rows);
        # the result then makes it grow (see on_worker_kit_done).
        self.resize(860, needed_height(self, 860))

    # --- public API ---------------------------------------------------------------------------

    def validation_error(self) -> str | None:
        start, end = edit_time(self.from_edit), edit_time(self.to_edit)
        if start >= end:
            return self.tr("The period must start before it ends; correct the dates.")
        if edit_time(self.discovered_edit) > self._clock():
            return self.tr("The breach cannot have been discovered in the future.")
        return None

    def make_kit(self) -> bool:
        """Check the fields and make the kit; False (with the message shown) if not valid."""
        if self._running:
            return False
        problem = self.validation_error()
        if problem is not None:
            self._fail(problem, self.kit_failed)
            return False
        start, end = edit_time(self.from_edit), edit_time(self.to_edit)
        discovered = edit_time(self.discovered_edit)
        how = self.how_edit.toPlainText().strip()
        show_message(self.message_label, self.tr("Making the breach kit…"))
        log, privacy, header, clock = self._log, self._privacy, self._header, self._clock

        def job() -> BreachKit:
            return breach_kit(
                log,
                privacy,
                start,
                end,
                clock(),
                discovered_at=discovered,
                header=header,
                how=how,
            )

        return self.run_task(
            job, on_done=self.on_worker_kit_done, on_error=self.on_worker_kit_failed
        )

    def draft_text(self) -> str:
        return self.kit.notification_text if self.kit is not None else ""

    def save_text(self, path: str | os.PathLike[str]) -> bool:
        """Save the draft as a UTF-8 text file at `path` (on the worker)."""
        return self._save(Path(path), write_text_file)

    def save_pdf(self, path: str | os.PathLike[str]) -> bool:
        """Save the draft as a PDF through the given `pdf_writer` (on the worker)."""
        if self._pdf_writer is None:
            return False
        return self._save(Path(path), partial(write_pdf_file, pdf_writer=self._pdf_writer))

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        self._timer.stop()
        return super().shutdown(wait=wait, timeout=timeout)

    def closing_note(self) -> str:
        return self.tr("Closing when the work is done…")

    # --- slots --------------------------------------------------------------------------------

    def on_make_button_clicked(self) -> None:
        self.make_kit()

    def on_copy_button_clicked(self) -> None:
        if self.kit is not None:
            QGuiApplication.clipboard().setText(self.kit.notification_text)
            show_message(self.message_label, self.tr("The draft was copied."))

    def on_copy_list_button_clicked(self) -> None:
        if self.kit is not None:
            QGuiApplication.clipboard().setText("\n".join(self.kit.handles))
            show_message(self.message_label, self.tr("The list of accounts was copied."))

    def on_save_text_button_clicked(self) -> None:
        self._choose_file(".txt", self.tr("Text files (*.txt)"), self.on_text_file_selected)

    def on_save_pdf_button_clicked(self) -> None:
        self._choose_file(".pdf", self.tr("PDF files (*.pdf)"), self.on_pdf_file_selected)

    def on_text_file_selected(self, file: str) -> None:
        if file:
            self.save_text(file)

    def on_pdf_file_selected(self, file: str) -> None:
        if file:
            self.save_pdf(file)

    def on_timer_timeout(self) -> None:
        self._show_time_left()

    def on_worker_kit_done(self, kit: BreachKit) -> None:
        self.kit = kit
        logger.info("breach kit made: %d handles, %d entries", len(kit.handles), kit.entries)
        self.deadline_label.setText(self.tr("Notify by %1").replace("%1", local_time(kit.deadline)))
        self._show_time_left()
        locale = QLocale()
        self.summary_label.setText(
            self.tr(
                "%1 affected accounts; %2 log entries with citizens' data in the period "
                "(%3 of them already erased)."
            )
            .replace("%1", locale.toString(len(kit.handles)))
            .replace("%2", locale.toString(kit.entries))
            .replace("%3", locale.toString(kit.erased_entries))
        )
        self.handles_list.clear()
        self.handles_list.addItems(list(kit.handles))
        self.draft_edit.setPlainText(kit.notification_text)
        self.result_box.setVisible(True)
        grow_to_fit(self, min_height=RESULT_HEIGHT)
        show_message(
            self.message_label,
            self.tr(
                "Check and complete the draft before sending it: the parts in [brackets] are "
                "for you to fill in."
            ),
        )
        self._timer.start()
        self._update_buttons()
        self.kit_made.emit(kit)

    def on_worker_kit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrivacyError):
            text = describe_privacy_error(exc)
        else:
            logger.error("breach kit failed unexpectedly: %s", type(exc).__name__)
            text = self.tr("The breach kit could not be made (%1).").replace(
                "%1", type(exc).__name__
            )
        self._fail(text, self.kit_failed)

    def showEvent(self, event: QShowEvent) -> None:
        if self.kit is not None:
            self._timer.start()
        super().showEvent(event)

    # --- internals ----------------------------------------------------------------------------

    def _save(self, path: Path, writer: Callable[[str, Path], Path]) -> bool:
        if self._running or self.kit is None:
            return False
        problem = path_problem(path)
        if problem is not None:
            self._fail(problem, self.save_failed)
            return False
        text = self.draft_text()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ExportFailed):
                message = describe_export_failure(exc, path)
            else:
                logger.error("breach draft not saved: %s", type(exc).__name__)
                message = self.tr("The file could not be written (%1).").replace(
                    "%1", type(exc).__name__
                )
            self._fail(message, self.save_failed)

        def saved(result: Path) -> None:
            show_message(self.message_label, self.tr("Saved: %1").replace("%1", str(result)))
            self.file_saved.emit(str(result))

        return self.run_task(writer, text, path, on_done=saved, on_error=failed)

    def _choose_file(self, suffix: str, name_filter: str, slot: Callable[[str], None]) -> None:
        if self.kit is None:
            return
        stamp = self.kit.deadline.astimezone()
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the notification draft as"),
            suffix,
            name_filter,
            slot,
            directory=self._default_dir,
            file_name=f"pemberitahuan-kegagalan-pdp-{stamp:%Y%m%d}{suffix}",
        )

    def _show_time_left(self) -> None:
        if self.kit is None:
            return
        now = self._clock()
        late = now > self.kit.deadline
        self.time_left_label.setText(time_left_text(self.kit.deadline, now))
        self.time_left_label.setStyleSheet(LATE_STYLE if late else "")
        self.time_left_label.setProperty("late", late)

    def _fail(self, text: str, signal: SignalInstance) -> None:
        show_message(self.message_label, text, error=True)
        signal.emit(text)

    def _running_changed(self, running: bool) -> None:
        for w in (
            self.from_edit,
            self.to_edit,
            self.discovered_edit,
            self.how_edit,
            self.make_button,
        ):
            w.setEnabled(not running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.kit is not None and not self._running
        for b in (
            self.copy_button,
            self.copy_list_button,
            self.save_text_button,
            self.save_pdf_button,
        ):
            b.setEnabled(ready)


__all__ = ["BreachDialog", "write_pdf_file", "write_text_file"]
