"""The requests register (register permintaan subjek data, UU 27/2022): the requests citizens
made about their data, each with its deadline, and what was done with them.

The official registers a request (handle, kind, when it was received; the deadline is 3×24
hours for access, correction and restriction, none for erasure, whose period the law does
not set), and later closes it
as granted or refused — a refusal always with its reason. An open erasure request is carried
out here after a yes/no question that says records (aduan, answered mentions) are kept under
UU 43/2009; the outcome says how many were erased, how many kept, and how the request was
closed. An open access request opens the access report dialog for that handle.

Every service call (and the register's own query) runs on the dialog's `Worker`; results
come back on the GUI thread. Service refusals (`PrivacyError`) are shown in the UI language
(`gui.messages.describe_privacy_error`). Handles are shown as plain text in an item view
(never rich text).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.privacy import (
    CLASS_LABELS,
    REQUEST_KIND_LABELS,
    REQUEST_STATUS_LABELS,
    DataClass,
    DocumentHeader,
    InvalidHandle,
    PrivacyError,
    RequestKind,
    RequestStatus,
    normalize_handle,
    time_left_text,
)
from humasdesk.gui.messages import describe_privacy_error
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.privacy.access_report_dialog import AccessReportDialog
from humasdesk.gui.privacy.common import (
    AskYesNo,
    Clock,
    PdfTextWriter,
    SignerFactory,
    date_time_edit,
    edit_time,
    message_label,
    set_edit_time,
    show_message,
    utc_now,
)
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.privacy import (
    RequestErasureOutcome,
    close_request,
    erase_for_request,
    register_request,
)
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.privacy_store import DataRequest, PrivacyStore

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

LATE_COLOR = QColor("#b00020")
REFRESH_MS = 60_000  # the "time left" column follows the clock


class RequestsModel(QAbstractTableModel):
    """The register as a table, one row per request in id order. `data()` formats only;
    the rows and the time they are measured against come from `set_rows`/`set_now`."""

    COL_ID, COL_HANDLE, COL_KIND, COL_RECEIVED, COL_DEADLINE, COL_LEFT, COL_STATUS, COL_REASON = (
        range(8)
    )
    COLUMN_COUNT = 8
    #: `DataRequest` of the row.
    RequestRole = Qt.ItemDataRole.UserRole + 1
    #: True while the request is open and past its deadline.
    LateRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DataRequest] = []
        self._now: datetime | None = None
        self._headers = (
            self.tr("No."),
            self.tr("Handle"),
            self.tr("Kind"),
            self.tr("Received"),
            self.tr("Deadline"),
            self.tr("Time left"),
            self.tr("Status"),
            self.tr("Reason"),
        )

    def set_rows(self, rows: Sequence[DataRequest], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COL_LEFT),
                self.index(len(self._rows) - 1, self.COL_LEFT),
            )

    def request_at(self, row: int) -> DataRequest | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == request_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self._headers[section]
        return None

    def _late(self, r: DataRequest) -> bool:
        return (
            r.status is RequestStatus.OPEN
            and r.deadline is not None
            and self._now is not None
            and self._now > r.deadline
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        r = self.request_at(index.row())
        if r is None or not 0 <= index.column() < self.COLUMN_COUNT:
            return None
        col = index.column()
        if role == self.RequestRole:
            return r
        if role == self.LateRole:
            return self._late(r)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.COL_DEADLINE, self.COL_LEFT):
            return QBrush(LATE_COLOR) if self._late(r) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: DataRequest, col: int) -> str:
        if col == self.COL_ID:
            return QLocale().toString(r.id)
        if col == self.COL_HANDLE:
            return "@" + r.handle
        if col == self.COL_KIND:
            return REQUEST_KIND_LABELS[r.kind]
        if col == self.COL_RECEIVED:
            return local_time(r.received_at)
        if col == self.COL_DEADLINE:
            if r.deadline is None:  # erasure: UU 27/2022 Pasal 43 names no period
                return self.tr("none set by law")
            return local_time(r.deadline)
        if col == self.COL_LEFT:
            if r.status is not RequestStatus.OPEN:
                return self.tr("closed %1").replace("%1", local_time(r.closed_at))
            if r.deadline is None or self._now is None:
                return ""
            return time_left_text(r.deadline, self._now)
        if col == self.COL_STATUS:
            return REQUEST_STATUS_LABELS[r.status]
        if col == self.COL_REASON:
            return r.reason or ""
        return ""


class RequestsDialog(WorkerDialog):
    """The requests register (see the module docstring). Registering, closing and erasing are
    `WorkerDialog` tasks (loading the register is not: it runs beside them); closing while
    one runs closes when it is done.

    Signals:
        requests_loaded(int): the table was (re)loaded; how many requests it shows.
        request_registered(int): a request was registered; its id.
        request_closed(int): a request was closed as granted or refused; its id.
        erasure_done(object): the `RequestErasureOutcome` of an erasure carried out.
        action_failed(str): an action was refused or failed; the message shown.
    """

    requests_loaded = Signal(int)
    request_registered = Signal(int)
    request_closed = Signal(int)
    erasure_done = Signal(object)
    action_failed = Signal(str)

    worker_name = "privacy-requests"

    def __init__(
        self,
        log: ActivityLog,
        privacy: PrivacyStore,
        *,
        signer_factory: SignerFactory,
        header: DocumentHeader,
        clock: Clock | None = None,
        pdf_writer: PdfTextWriter | None = None,
        default_dir: str | Path | None = None,
        ask: AskYesNo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Requests from data subjects"))
        self._log = log
        self._privacy = privacy
        self._signer_factory = signer_factory
        self._header = header
        self._clock: Clock = clock or utc_now
        self._pdf_writer = pdf_writer
        self._default_dir = default_dir
        if ask is None:
            from humasdesk.gui.slot_desk import ask_yes_no

            ask = ask_yes_no
        self._ask = ask
        self._select_after_load: int | None = None
        self.access_dialog: AccessReportDialog | None = None

        # --- the register ---
        self.model = RequestsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Register of requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setStretchLastSection(True)
        register_label = QLabel(self.tr("R&equests"), self)
        register_label.setBuddy(self.table)

        # --- acting on the selected request ---
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason for closing the request"))
        self.reason_edit.setPlaceholderText(
            self.tr("required for a refusal, e.g. kewajiban arsip (UU 43/2009)")
        )
        self.reason_edit.setMaxLength(300)
        reason_note = QLabel(
            self.tr("The reason is kept in the activity log: write no citizen's data in it."),
            self,
        )
        reason_note.setTextFormat(Qt.TextFormat.PlainText)
        reason_note.setWordWrap(True)
        self.grant_button = QPushButton(self.tr("Close as &granted"), self)
        self.grant_button.setAccessibleName(self.tr("Close the selected request as granted"))
        self.refuse_button = QPushButton(self.tr("&Refuse…"), self)
        self.refuse_button.setAccessibleName(
            self.tr("Close the selected request as refused, with the reason")
        )
        self.erase_button = QPushButton(self.tr("Carry out the &erasure…"), self)
        self.erase_button.setAccessibleName(self.tr("Carry out the selected erasure request"))
        self.access_button = QPushButton(self.tr("&Access report…"), self)
        self.access_button.setAccessibleName(
            self.tr("Make the access report for the selected request")
        )
        for b in (self.grant_button, self.refuse_button, self.erase_button, self.access_button):
            b.setAutoDefault(False)

        # --- registering a new request ---
        self.handle_edit = QLineEdit(self)
        self.handle_edit.setAccessibleName(self.tr("Handle of the person asking"))
        self.handle_edit.setPlaceholderText(self.tr("@name"))
        self.handle_edit.setMaxLength(40)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind of request"))
        for kind in RequestKind:
            self.kind_combo.addItem(REQUEST_KIND_LABELS[kind], kind.value)
        self.received_edit = date_time_edit(self, self.tr("Received at"), self._clock())
        self.register_button = QPushButton(self.tr("Re&gister"), self)
        self.register_button.setAccessibleName(self.tr("Register the request"))
        self.register_button.setDefault(True)

        self.message_label = message_label(self, self.tr("Register status"))

        self.button_box = QDialogButtonBox(self)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Reload the register"))
        self.refresh_button.setAutoDefault(False)
        self.button_box.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)

        # --- layout ---
        act_box = QGroupBox(self.tr("Selected request"), self)
        act_form = QFormLayout(act_box)
        reason_label = QLabel(self.tr("Rea&son"), act_box)
        reason_label.setBuddy(self.reason_edit)
        act_form.addRow(reason_label, self.reason_edit)
        act_form.addRow("", reason_note)
        act_row = QHBoxLayout()
        for b in (self.grant_button, self.refuse_button, self.erase_button, self.access_button):
            act_row.addWidget(b)
        act_row.addStretch(1)
        act_form.addRow(act_row)

        new_box = QGroupBox(self.tr("New request"), self)
        new_form = QFormLayout(new_box)
        handle_label = QLabel(self.tr("&Handle"), new_box)
        handle_label.setBuddy(self.handle_edit)
        new_form.addRow(handle_label, self.handle_edit)
        kind_label = QLabel(self.tr("&Kind"), new_box)
        kind_label.setBuddy(self.kind_combo)
        new_form.addRow(kind_label, self.kind_combo)
        received_label = QLabel(self.tr("Recei&ved"), new_box)
        received_label.setBuddy(self.received_edit)
        new_form.addRow(received_label, self.received_edit)
        deadline_note = QLabel(
            self.tr(
                "Access, correction and restriction must be answered within 3 × 24 hours of "
                "receipt. The law sets no period for erasure: follow the agency's own target."
            ),
            new_box,
        )
        deadline_note.setTextFormat(Qt.TextFormat.PlainText)
        deadline_note.setWordWrap(True)
        new_form.addRow(deadline_note)
        new_form.addRow("", self.register_button)

        layout = QVBoxLayout(self)
        layout.addWidget(register_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(act_box)
        layout.addWidget(new_box)
        layout.addWidget(self.message_label)
        layout.addWidget(self.button_box)

        order: list[QWidget] = [
            self.table,
            self.reason_edit,
            self.grant_button,
            self.refuse_button,
            self.erase_button,
            self.access_button,
            self.handle_edit,
            self.kind_combo,
            self.received_edit,
            self.register_button,
            self.refresh_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        # --- wiring ---
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.model.modelReset.connect(self.on_model_reset)
        self.grant_button.clicked.connect(self.on_grant_button_clicked)
        self.refuse_button.clicked.connect(self.on_refuse_button_clicked)
        self.erase_button.clicked.connect(self.on_erase_button_clicked)
        self.access_button.clicked.connect(self.on_access_button_clicked)
        self.register_button.clicked.connect(self.on_register_button_clicked)
        self.refresh_button.clicked.connect(self.on_refresh_button_clicked)
        self.button_box.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.on_timer_timeout)

        self._update_buttons()
        # A top-level window ignores its word-wrapped labels' height-for-width: ask for it,
        # or the deadline note is cut with a large system font.
        self.resize(900, max(640, self.heightForWidth(900), self.minimumSizeHint().height()))
        self.refresh()

    # --- public API ---------------------------------------------------------------------------

    def selected_request(self) -> DataRequest | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.request_at(rows[0].row())

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def is_busy(self) -> bool:
        """Whether an action runs (`is_running`)."""
        return self.is_running()

    def refresh(self) -> None:
        """Reload the register (on the worker)."""
        self._ensure_worker()
        self.worker.submit(
            self._privacy.requests,
            on_done=self.on_worker_requests_loaded,
            on_error=self.on_worker_requests_failed,
        )

    def register(self) -> bool:
        """Register the request the form describes; False (message shown) if not valid."""
        if self._running:
            return False
        try:
            handle = normalize_handle(self.handle_edit.text())
        except InvalidHandle as exc:
            return self._refuse(describe_privacy_error(exc))
        kind = RequestKind(self.kind_combo.currentData())
        received = edit_time(self.received_edit)
        return self._run(
            register_request,
            (self._log, self._privacy, handle, kind, received),
            self.on_worker_registered,
        )

    def close_selected(self, outcome: RequestStatus) -> bool:
        """Close the selected open request as granted or refused (with the reason)."""
        req = self.selected_request()
        if self._running or req is None or req.status is not RequestStatus.OPEN:
            return False
        reason = self.reason_edit.text().strip()
        if outcome is RequestStatus.REFUSED and not reason:
            self.reason_edit.setFocus()
            return self._refuse(
                self.tr(
                    "A refusal needs its reason (for example the archive obligation, "
                    "UU 43/2009). Write it in the Reason field."
                )
            )
        if outcome is RequestStatus.GRANTED:
            question = self.tr("Close request no. %1 (%2) as granted?")
        else:
            question = self.tr("Refuse request no. %1 (%2) with the reason given?")
        question = question.replace("%1", str(req.id)).replace("%2", REQUEST_KIND_LABELS[req.kind])
        if not self._ask(self, self.tr("Close the request"), question):
            return False
        return self._run(
            close_request,
            (self._log, self._privacy, req.id, outcome, reason, self._clock()),
            self.on_worker_closed,
        )

    def erase_selected(self) -> bool:
        """Carry out the selected open erasure request, after a yes/no question."""
        req = self.selected_request()
        if (
            self._running
            or req is None
            or req.kind is not RequestKind.ERASURE
            or req.status is not RequestStatus.OPEN
        ):
            return False
        question = self.tr(
            "Erase what this desk holds about @%1 for request no. %2?\n\n"
            "The handle and text of mentions nobody answered are erased from the activity log "
            "and the inbox; this cannot be undone.\n\n"
            "Records are kept: aduan and mentions the office answered or handled are official "
            "records under UU 43/2009 (Kearsipan). The request is then closed, saying what was "
            "kept."
        )
        question = question.replace("%1", req.handle).replace("%2", str(req.id))
        if not self._ask(self, self.tr("Carry out the erasure"), question):
            show_message(self.message_label, self.tr("Nothing was erased."))
            return False
        return self._run(
            lambda: erase_for_request(
                self._log, self._privacy, req.id, self._clock(), confirmed=True
            ),
            (),
            self.on_worker_erased,
        )

    def open_access_report(self) -> AccessReportDialog | None:
        """The access report dialog for the selected open access request."""
        req = self.selected_request()
        if (
            req is None
            or req.kind is not RequestKind.ACCESS
            or req.status is not RequestStatus.OPEN
        ):
            return None
        dialog = AccessReportDialog(
            self._log,
            self._privacy,
            signer_factory=self._signer_factory,
            header=self._header,
            clock=self._clock,
            pdf_writer=self._pdf_writer,
            handle=req.handle,
            request_id=req.id,
            default_dir=self._default_dir,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.report_made.connect(self.on_access_dialog_report_made)
        dialog.destroyed.connect(self.on_access_dialog_destroyed)
        self.access_dialog = dialog
        dialog.open()
        return dialog

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Stop the worker (and an open access report dialog's)."""
        self._timer.stop()
        ok = True
        if self.access_dialog is not None:
            ok = self.access_dialog.shutdown(wait=wait, timeout=timeout)
        return super().shutdown(wait=wait, timeout=timeout) and ok

    def closing_note(self) -> str:
        return self.tr("Closing when the action is done…")

    # --- slots --------------------------------------------------------------------------------

    def on_table_selection_changed(self, *args: object) -> None:
        self._update_buttons()

    def on_model_reset(self) -> None:
        self._update_buttons()

    def on_grant_button_clicked(self) -> None:
        self.close_selected(RequestStatus.GRANTED)

    def on_refuse_button_clicked(self) -> None:
        self.close_selected(RequestStatus.REFUSED)

    def on_erase_button_clicked(self) -> None:
        self.erase_selected()

    def on_access_button_clicked(self) -> None:
        self.open_access_report()

    def on_register_button_clicked(self) -> None:
        self.register()

    def on_refresh_button_clicked(self) -> None:
        set_edit_time(self.received_edit, self._clock())
        self.refresh()

    def on_timer_timeout(self) -> None:
        self.model.set_now(self._clock())

    def on_worker_requests_loaded(self, rows: list[DataRequest]) -> None:
        keep = self._select_after_load
        if keep is None:
            current = self.selected_request()
            keep = None if current is None else current.id
        self._select_after_load = None
        self.model.set_rows(rows, self._clock())
        if keep is not None:
            self.select_request(keep)
        self._update_buttons()
        self.requests_loaded.emit(len(rows))

    def on_worker_requests_failed(self, exc: BaseException) -> None:
        logger.error("requests register could not be read: %s", type(exc).__name__)
        self._fail(
            self.tr("The register could not be read (%1).").replace("%1", type(exc).__name__)
        )

    def on_worker_registered(self, req: DataRequest) -> None:
        logger.info("data request %d registered (%s)", req.id, req.kind.value)
        self.handle_edit.clear()
        set_edit_time(self.received_edit, self._clock())
        if req.deadline is None:
            text = self.tr(
                "Request no. %1 (%2) registered. UU 27/2022 sets no period for it: follow the "
                "agency's own target."
            )
        else:
            text = self.tr("Request no. %1 (%2) registered; answer by %3.").replace(
                "%3", local_time(req.deadline)
            )
        text = text.replace("%1", str(req.id)).replace("%2", REQUEST_KIND_LABELS[req.kind])
        show_message(self.message_label, text)
        self._select_after_load = req.id
        self.refresh()
        self.request_registered.emit(req.id)

    def on_worker_closed(self, req: DataRequest) -> None:
        logger.info("data request %d closed as %s", req.id, req.status.value)
        self.reason_edit.clear()
        text = (
            self.tr("Request no. %1 closed as %2.")
            .replace("%1", str(req.id))
            .replace("%2", REQUEST_STATUS_LABELS[req.status])
        )
        show_message(self.message_label, text)
        self._select_after_load = req.id
        self.refresh()
        self.request_closed.emit(req.id)

    def on_worker_erased(self, out: RequestErasureOutcome) -> None:
        req = out.request
        kept = sum(out.kept_records.values())
        logger.info(
            "erasure for request %d: %d entries, %d inbox rows erased, %d kept; %s",
            req.id,
            out.erasure.count,
            out.erasure.mention_rows,
            kept,
            req.status.value,
        )
        locale = QLocale()
        lines = [
            self.tr("Erased: the handle and text of %1 log entries and %2 inbox messages.")
            .replace("%1", locale.toString(out.erasure.count))
            .replace("%2", locale.toString(out.erasure.mention_rows))
        ]
        if kept:
            lines.append(
                self.tr("Kept as records (UU 43/2009): %1 (%2).")
                .replace("%1", locale.toString(kept))
                .replace("%2", self._kept_text(out.kept_records))
            )
        else:
            lines.append(self.tr("Nothing had to be kept as a record."))
        lines.append(
            self.tr("Request no. %1 closed as %2: %3")
            .replace("%1", str(req.id))
            .replace("%2", REQUEST_STATUS_LABELS[req.status])
            .replace("%3", req.reason or "")
        )
        show_message(self.message_label, "\n".join(lines))
        self._select_after_load = req.id
        self.refresh()
        self.erasure_done.emit(out)

    def on_worker_action_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrivacyError):
            logger.info("privacy action refused: %s", exc.message_id)
            text = describe_privacy_error(exc)
        else:
            logger.error("privacy action failed unexpectedly: %s", type(exc).__name__)
            text = self.tr("The action failed (%1). Details are in the log file.").replace(
                "%1", type(exc).__name__
            )
        self.refresh()
        self._fail(text)

    def on_access_dialog_report_made(self, result: object) -> None:
        show_message(
            self.message_label,
            self.tr(
                "The access report is made. Close the request as granted once it has been "
                "handed to the person."
            ),
        )
        self.refresh()

    def on_access_dialog_destroyed(self) -> None:
        self.access_dialog = None

    def showEvent(self, event: QShowEvent) -> None:
        if self._ensure_worker():  # shown again after a close: the register may have changed
            self.refresh()
        self._timer.start()
        super().showEvent(event)

    # --- internals ----------------------------------------------------------------------------

    def _run(self, fn: Any, args: tuple[Any, ...], on_done: Any) -> bool:
        show_message(self.message_label, self.tr("Working…"))
        return self.run_task(fn, *args, on_done=on_done, on_error=self.on_worker_action_failed)

    def _refuse(self, text: str) -> bool:
        self._fail(text)
        return False

    def _fail(self, text: str) -> None:
        show_message(self.message_label, text, error=True)
        self.action_failed.emit(text)

    def _kept_text(self, kept: Mapping[str, int]) -> str:
        parts = []
        for value, n in sorted(kept.items()):
            try:
                label = CLASS_LABELS[DataClass(value)]
            except ValueError:
                label = value
            parts.append(f"{label}: {QLocale().toString(n)}")
        return "; ".join(parts)

    def _running_changed(self, running: bool) -> None:
        for w in (self.handle_edit, self.kind_combo, self.received_edit, self.register_button):
            w.setEnabled(not running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        req = self.selected_request()
        is_open = req is not None and req.status is RequestStatus.OPEN and not self._running
        self.grant_button.setEnabled(is_open)
        self.refuse_button.setEnabled(is_open)
        self.reason_edit.setEnabled(is_open)
        self.erase_button.setEnabled(
            is_open and req is not None and req.kind is RequestKind.ERASURE
        )
        self.access_button.setEnabled(
            is_open and req is not None and req.kind is RequestKind.ACCESS
        )


__all__ = ["RequestsDialog", "RequestsModel"]
