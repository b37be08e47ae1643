"""The activity log view: every entry of the log, newest first, with filters and details.

`LogView(log_source)` queries `log_source` (the `ActivityLog`, thread-safe) only on its own
`Worker`; the GUI thread never waits on the database. The table loads ~200 rows at a time as
the official scrolls (`LogTableModel`). Opening an entry (double-click or Enter) reads it
again on the worker and shows `LogEntryDialog`: every field as plain text, and a "Lihat di X"
button for entries about a post.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from urllib.parse import quote

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.activity import ActivityEntry
from humasdesk.core.models import Slot
from humasdesk.gui.models.log_model import (
    ACTION_LABELS,
    COL_ACCOUNT,
    COL_ACTION,
    COL_CITIZEN,
    COL_SEQ,
    COL_TEXT,
    COL_TIME,
    LogSource,
    LogTableModel,
    action_text,
    entry_text,
    erased_handle_text,
    slot_text,
    text_erased,
)
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.tasks import Worker
from humasdesk.store.activity_log import LogFilter

logger = logging.getLogger(__name__)

UrlOpener = Callable[[QUrl], object]

SEARCH_DEBOUNCE_MS = 300
# A QDateEdit can't be empty: its minimum date stands for "no limit" and shows special text.
OPEN_DATE = QDate(2000, 1, 1)

_HANDLE = re.compile(r"[A-Za-z0-9_]{1,50}")
_POST_ID = re.compile(r"[0-9]{1,25}")


def post_url(handle: str | None, x_post_id: str | None) -> QUrl | None:
    """ "https://x.com/<handle>/status/<id>", or None unless both look like X's."""
    if not handle or not x_post_id:
        return None
    handle = handle.lstrip("@")
    if not _HANDLE.fullmatch(handle) or not _POST_ID.fullmatch(x_post_id):
        return None
    return QUrl(f"https://x.com/{quote(handle)}/status/{x_post_id}")


def local_midnight(d: date) -> datetime:
    """The start of day `d` on this laptop's clock, as an aware datetime."""
    return datetime.combine(d, time()).astimezone()


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _plain_box(text: str, parent: QWidget, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setPlainText(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(120)
    return box


class LogEntryDialog(QDialog):
    """Every field of one entry, as plain text. Citizen text is never rendered as HTML.

    `url_opener(QUrl)` opens the "Lihat di X" link (default `QDesktopServices.openUrl`).

    Signals:
        post_link_opened(QUrl): the official opened the entry's post on X.
    """

    post_link_opened = Signal(QUrl)

    def __init__(
        self,
        entry: ActivityEntry,
        *,
        url_opener: UrlOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entry = entry
        self._open_url = url_opener or QDesktopServices.openUrl
        self.setWindowTitle(self.tr("Log entry %1").replace("%1", str(entry.seq)))
        self.post_url = post_url(entry.handle, entry.x_post_id)

        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}

        def row(key: str, label: str, value: str) -> None:
            widget = _plain_label(value, self)
            widget.setAccessibleName(label)
            form.addRow(label, widget)
            self.fields[key] = widget

        def box(key: str, label: str, value: str) -> None:
            widget = _plain_box(value, self, label)
            form.addRow(label, widget)
            self.fields[key] = widget

        row("seq", self.tr("Number"), str(entry.seq))
        row("ts_local", self.tr("Time"), local_time(entry.ts))
        row(
            "ts_utc", self.tr("Time (UTC)"), entry.ts.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " UTC"
        )
        row("slot", self.tr("Account slot"), slot_text(entry.slot))
        row("handle", self.tr("Handle"), f"@{entry.handle}" if entry.handle else "")
        row("action", self.tr("Action"), action_text(entry.action, entry.details))
        row("x_post_id", self.tr("X post ID"), entry.x_post_id or "")
        row("in_reply_to", self.tr("In reply to"), entry.in_reply_to or "")
        box("text", self.tr("Text"), entry.text or "")
        erased = text_erased(entry)
        erased_mark = entry_text(entry) if erased else ""
        handle = entry.citizen_handle or ""
        if not handle and entry.erased_at is not None and entry.citizen_handle_digest:
            handle = erased_handle_text()
        row("citizen_handle", self.tr("Citizen"), handle)
        box("citizen_text", self.tr("Citizen's text"), entry.citizen_text or erased_mark)
        details = json.dumps(dict(entry.details), indent=2, ensure_ascii=False, sort_keys=True)
        box("details", self.tr("Details"), details)
        row("prev_hash", self.tr("Previous hash"), entry.prev_hash)
        row("hash", self.tr("Hash"), entry.hash)

        self.view_on_x_button = QPushButton(self.tr("View on X"), self)
        self.view_on_x_button.setAccessibleName(self.tr("Open this post on X in the browser"))
        if self.post_url is not None:
            self.view_on_x_button.setToolTip(self.post_url.toString())
        self.view_on_x_button.clicked.connect(self.on_view_on_x_button_clicked)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))  # Qt ships no Indonesian for its buttons
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.view_on_x_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.view_on_x_button.setVisible(self.post_url is not None)  # after addButton shows it
        self.view_on_x_button.setEnabled(self.post_url is not None)
        self.button_box = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def on_view_on_x_button_clicked(self) -> None:
        if self.post_url is None:
            return
        self._open_url(self.post_url)
        self.post_link_opened.emit(self.post_url)


class LogView(QWidget):
    """The activity log with filters (period, account, action, full-text search).

    `log_source` has `count`, `page` and `get` of `ActivityLog` and is called only from the
    view's worker thread (`self.worker`). `url_opener(QUrl)` opens links (default
    `QDesktopServices.openUrl`). Call `shutdown()` when the desk closes (or add `self.worker`
    to the workers the main window stops with `tasks.shutdown_all`).

    Signals:
        filter_changed(object): a new `LogFilter` was applied (rows are being reloaded).
        entry_opened(object): the detail dialog for this `ActivityEntry` was shown.
    """

    filter_changed = Signal(object)
    entry_opened = Signal(object)

    def __init__(
        self,
        log_source: LogSource,
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("log_view")
        self._source = log_source
        self._open_url = url_opener or QDesktopServices.openUrl
        self._opening: int | None = None
        self.detail_dialog: LogEntryDialog | None = None
        self.worker = Worker("activity-log-view", self)
        self.model = LogTableModel(log_source, self.worker, self)

        # --- filters ---
        self.from_date = self._date_edit(self.tr("From date"))
        self.to_date = self._date_edit(self.tr("To date"))
        self.account_combo = QComboBox(self)
        self.account_combo.setAccessibleName(self.tr("Account"))
        self.account_combo.addItem(self.tr("All accounts"), None)
        self.account_combo.addItem(slot_text(Slot.OFFICE), Slot.OFFICE.value)
        self.account_combo.addItem(slot_text(Slot.PERSONAL), Slot.PERSONAL.value)
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), None)
        for action in ACTION_LABELS:
            self.action_combo.addItem(action_text(action), str(action))
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(self.tr("Search the post and mention text"))
        self.search_edit.setPlaceholderText(self.tr("Search text…"))
        self.search_edit.setClearButtonEnabled(True)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.setAccessibleName(self.tr("Show the whole log again"))

        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName(self.tr("Number of entries"))
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setVisible(False)

        # --- table ---
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Activity log entries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_SEQ, 60),
            (COL_TIME, 160),
            (COL_ACCOUNT, 170),
            (COL_ACTION, 150),
            (COL_CITIZEN, 140),
        ):
            self.table.setColumnWidth(col, width)

        # --- layout ---
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&From"), self.from_date),
            (self.tr("&To"), self.to_date),
            (self.tr("A&ccount"), self.account_combo),
            (self.tr("Actio&n"), self.action_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        search_label = QLabel(self.tr("&Search"), self)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.reset_button)

        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.status_label, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        order = [
            self.from_date,
            self.to_date,
            self.account_combo,
            self.action_combo,
            self.search_edit,
            self.reset_button,
            self.table,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.table)

        # --- wiring ---
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.from_date.dateChanged.connect(self.apply_filters)
        self.to_date.dateChanged.connect(self.apply_filters)
        self.account_combo.currentIndexChanged.connect(self.apply_filters)
        self.action_combo.currentIndexChanged.connect(self.apply_filters)
        self.reset_button.clicked.connect(self.on_reset_button_clicked)
        self.table.activated.connect(self.on_table_activated)
        self.model.total_counted.connect(self.on_model_total_counted)
        self.model.loading_changed.connect(self.on_model_loading_changed)
        self.model.query_failed.connect(self.on_model_query_failed)

        self._filter = self.current_filter()
        self.count_label.setText(self.tr("Loading…"))
        self.model.set_filter(self._filter)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(OPEN_DATE)
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDate(OPEN_DATE)
        return edit

    # --- public API ---------------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        """The `LogFilter` the controls describe (dates are local days, `to` inclusive)."""
        start = end = None
        if self.from_date.date() != OPEN_DATE:
            start = local_midnight(self.from_date.date().toPython())
        if self.to_date.date() != OPEN_DATE:
            end = local_midnight(self.to_date.date().toPython() + timedelta(days=1))
        slot = self.account_combo.currentData()
        action = self.action_combo.currentData()
        search = self.search_edit.text().strip() or None
        return LogFilter(
            start=start,
            end=end,
            slots=None if slot is None else frozenset({Slot(slot)}),
            actions=None if action is None else frozenset({str(action)}),
            search=search,
        )

    def set_period(self, start: date | None, end: date | None) -> None:
        """Set the period filter (local days, both inclusive; None = open)."""
        for edit, value in ((self.from_date, start), (self.to_date, end)):
            edit.blockSignals(True)
            edit.setDate(OPEN_DATE if value is None else QDate(value))
            edit.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Reload the table if the controls describe a different filter than shown."""
        self._search_timer.stop()
        new = self.current_filter()
        if new == self._filter:
            return
        self._filter = new
        self.count_label.setText(self.tr("Loading…"))
        self.model.set_filter(new)
        self.filter_changed.emit(new)

    def refresh(self) -> None:
        """Query again with the same filter (e.g. after entries were appended)."""
        self.count_label.setText(self.tr("Loading…"))
        self.model.reload()

    def open_entry(self, seq: int) -> None:
        """Read entry `seq` on the worker and show its detail dialog."""
        if self._opening == seq:
            return
        self._opening = seq
        self.worker.submit(
            self._source.get,
            seq,
            on_done=lambda entry: self.on_worker_entry_read(seq, entry),
            on_error=lambda exc: self.on_worker_entry_failed(seq, exc),
        )

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Stop the worker (queued queries are dropped)."""
        self._search_timer.stop()
        return self.worker.shutdown(wait=wait, timeout=timeout)

    # --- slots --------------------------------------------------------------------------------

    def on_search_edit_text_changed(self, text: str) -> None:
        self._search_timer.start()

    def on_reset_button_clicked(self) -> None:
        for widget in (self.from_date, self.to_date, self.account_combo, self.action_combo):
            widget.blockSignals(True)
        self.search_edit.blockSignals(True)
        try:
            self.from_date.setDate(OPEN_DATE)
            self.to_date.setDate(OPEN_DATE)
            self.account_combo.setCurrentIndex(0)
            self.action_combo.setCurrentIndex(0)
            self.search_edit.clear()
        finally:
            for widget in (self.from_date, self.to_date, self.account_combo, self.action_combo):
                widget.blockSignals(False)
            self.search_edit.blockSignals(False)
        self.apply_filters()

    def on_table_activated(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index.row())
        if entry is not None:
            self.open_entry(entry.seq)

    def on_worker_entry_read(self, seq: int, entry: ActivityEntry | None) -> None:
        if self._opening == seq:
            self._opening = None
        if entry is None:  # cannot happen in an append-only log; fall back to the row
            row = self.model.row_of_seq(seq)
            entry = self.model.entry_at(row)
            if entry is None:
                return
        self._show_entry(entry)

    def on_worker_entry_failed(self, seq: int, exc: BaseException) -> None:
        if self._opening == seq:
            self._opening = None
        logger.warning("could not read log entry %d: %s", seq, type(exc).__name__)
        entry = self.model.entry_at(self.model.row_of_seq(seq))
        if entry is not None:
            self._show_entry(entry)

    def on_model_total_counted(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 entries").replace("%1", QLocale().toString(total)))

    def on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.status_label.setVisible(False)

    def on_model_query_failed(self, error: str) -> None:
        self.status_label.setText(
            self.tr(
                "The activity log could not be read (%1). Try again with Reset filters."
            ).replace("%1", error)
        )
        self.status_label.setVisible(True)

    # --- internals ----------------------------------------------------------------------------

    def _show_entry(self, entry: ActivityEntry) -> None:
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog.deleteLater()
        dialog = LogEntryDialog(entry, url_opener=self._open_url, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.detail_dialog = dialog
        dialog.open()
        self.entry_opened.emit(entry)
