"""Item model for the activity log view: the whole log, newest first, loaded page by page.

Every query runs on a `Worker` (never on the GUI thread): `canFetchMore`/`fetchMore` ask for
the next page and return at once; the rows are inserted when the page arrives. `set_filter`
resets the model, counts the matching entries and loads the first page. Answers to an older
filter are dropped (a generation number), and entries appended while the official scrolls do
not appear twice (pages continue below the last seq shown).

`data()` only formats the `ActivityEntry` it holds; remote text (citizen handle and text) is
plain DisplayRole text for the default delegate, and its tooltip is escaped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.models import Slot
from humasdesk.gui.models.rows import Index, local_time, plain_tooltip
from humasdesk.store.activity_log import LogFilter

logger = logging.getLogger(__name__)

PAGE_SIZE = 200

# Columns
COL_SEQ = 0
COL_TIME = 1
COL_ACCOUNT = 2
COL_ACTION = 3
COL_TEXT = 4
COL_CITIZEN = 5
COLUMN_COUNT = 6

# Roles
EntryRole = Qt.ItemDataRole.UserRole + 1  # the ActivityEntry of the row
SeqRole = Qt.ItemDataRole.UserRole + 2  # its seq (int)

_CONTEXT = "LogTableModel"

_HEADERS = {
    COL_SEQ: QT_TRANSLATE_NOOP("LogTableModel", "No."),
    COL_TIME: QT_TRANSLATE_NOOP("LogTableModel", "Time"),
    COL_ACCOUNT: QT_TRANSLATE_NOOP("LogTableModel", "Account"),
    COL_ACTION: QT_TRANSLATE_NOOP("LogTableModel", "Action"),
    COL_TEXT: QT_TRANSLATE_NOOP("LogTableModel", "Text"),
    COL_CITIZEN: QT_TRANSLATE_NOOP("LogTableModel", "Citizen"),
}

ACTION_LABELS: dict[str, str] = {
    Action.POST_SENT: QT_TRANSLATE_NOOP("LogTableModel", "Post sent"),
    Action.REPLY_SENT: QT_TRANSLATE_NOOP("LogTableModel", "Reply sent"),
    Action.REPOST_SENT: QT_TRANSLATE_NOOP("LogTableModel", "Repost sent"),
    Action.POST_FAILED: QT_TRANSLATE_NOOP("LogTableModel", "Post failed"),
    Action.POST_DELETED: QT_TRANSLATE_NOOP("LogTableModel", "Post deleted"),
    Action.MENTION_RECEIVED: QT_TRANSLATE_NOOP("LogTableModel", "Mention received"),
    Action.MENTION_HANDLED: QT_TRANSLATE_NOOP("LogTableModel", "Mention handled"),
    Action.MENTION_IGNORED: QT_TRANSLATE_NOOP("LogTableModel", "Mention ignored"),
    Action.MENTION_TAGGED: QT_TRANSLATE_NOOP("LogTableModel", "Mention tagged"),
    Action.SIGNED_IN: QT_TRANSLATE_NOOP("LogTableModel", "Signed in"),
    Action.SIGNED_OUT: QT_TRANSLATE_NOOP("LogTableModel", "Signed out"),
    Action.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("LogTableModel", "Sign-in failed"),
    Action.SESSION_EXPIRED: QT_TRANSLATE_NOOP("LogTableModel", "Session expired"),
    Action.EXPORT_MADE: QT_TRANSLATE_NOOP("LogTableModel", "Export made"),
    Action.CHAIN_BREAK_DETECTED: QT_TRANSLATE_NOOP("LogTableModel", "Log chain broken"),
    Action.PERSONAL_DATA_ERASED: QT_TRANSLATE_NOOP("LogTableModel", "Personal data erased"),
    # Issue 15, scheduled posts.
    Action.POST_SCHEDULED: QT_TRANSLATE_NOOP("LogTableModel", "Post scheduled"),
    Action.SCHEDULE_MOVED: QT_TRANSLATE_NOOP("LogTableModel", "Scheduled post moved"),
    Action.SCHEDULE_EDITED: QT_TRANSLATE_NOOP("LogTableModel", "Scheduled post edited"),
    Action.SCHEDULE_CANCELLED: QT_TRANSLATE_NOOP("LogTableModel", "Scheduled post cancelled"),
    Action.POST_MISSED: QT_TRANSLATE_NOOP("LogTableModel", "Scheduled post missed"),
    # issue 16: posts made outside the desk, what X says happened since, metrics reads
    Action.POST_SEEN: QT_TRANSLATE_NOOP("LogTableModel", "Post sent outside HumasDesk"),
    Action.REPLY_SEEN: QT_TRANSLATE_NOOP("LogTableModel", "Reply sent outside HumasDesk"),
    Action.REPOST_SEEN: QT_TRANSLATE_NOOP("LogTableModel", "Repost made outside HumasDesk"),
    Action.POST_EDITED_ON_X: QT_TRANSLATE_NOOP("LogTableModel", "Post edited on X"),
    Action.POST_DELETED_ON_X: QT_TRANSLATE_NOOP("LogTableModel", "Post deleted on X"),
    Action.METRICS_SNAPSHOT: QT_TRANSLATE_NOOP("LogTableModel", "Numbers read from X"),
}

_SLOT_LABELS = {
    Slot.OFFICE: QT_TRANSLATE_NOOP("LogTableModel", "Office"),
    Slot.PERSONAL: QT_TRANSLATE_NOOP("LogTableModel", "Personal"),
}

_ERASED = QT_TRANSLATE_NOOP("LogTableModel", "(text erased)")
_ERASED_HANDLE = QT_TRANSLATE_NOOP("LogTableModel", "(erased)")


class LogSource(Protocol):
    """The query side of `ActivityLog` (thread-safe: called from the worker's thread)."""

    def count(self, filters: LogFilter | None = None) -> int: ...
    def page(
        self,
        filters: LogFilter | None = None,
        offset: int = 0,
        limit: int = 200,
        *,
        newest_first: bool = True,
    ) -> list[ActivityEntry]: ...
    def get(self, seq: int) -> ActivityEntry | None: ...


class Submitter(Protocol):
    """What the model needs of `humasdesk.gui.tasks.Worker`."""

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


TAG_LABELS: dict[str, str] = {
    "aduan": QT_TRANSLATE_NOOP("LogTableModel", "Mention tagged as a complaint (aduan)"),
}
OTHER_TAG_LABEL = QT_TRANSLATE_NOOP("LogTableModel", "Mention tagged: %1")
UNTAG_LABELS: dict[str, str] = {
    "aduan": QT_TRANSLATE_NOOP("LogTableModel", "Complaint (aduan) tag removed"),
}


def action_text(action: Action | str, details: Mapping[str, Any] | None = None) -> str:
    """The Indonesian label of an action; an unknown action (newer version) as its raw value.
    A tag says which tag it was, and whether it was put on or taken off."""
    if str(action) == Action.MENTION_TAGGED and details:
        tag = str(details.get("tag") or "")
        labels = UNTAG_LABELS if details.get("removed") else TAG_LABELS
        if tag in labels:
            return _tr(labels[tag])
        if tag:
            return _tr(OTHER_TAG_LABEL).replace("%1", tag)
    label = ACTION_LABELS.get(str(action))
    return _tr(label) if label is not None else str(action)


def slot_text(slot: Slot | str | None) -> str:
    """ "Kantor" / "Pribadi"; an unknown slot as its raw value; "" for none."""
    if slot is None:
        return ""
    label = _SLOT_LABELS.get(str(slot))
    return _tr(label) if label is not None else str(slot)


def account_text(entry: ActivityEntry) -> str:
    """ "Kantor @humas_kota"."""
    handle = f"@{entry.handle}" if entry.handle else ""
    return " ".join(p for p in (slot_text(entry.slot), handle) if p)


def text_erased(entry: ActivityEntry) -> bool:
    """True when the entry had a citizen's text that has been erased."""
    return (
        entry.erased_at is not None
        and entry.citizen_text is None
        and entry.citizen_text_digest is not None
    )


def entry_text(entry: ActivityEntry) -> str:
    """The desk's own text, or the citizen's text, or the erased marker (full, multi-line)."""
    if entry.text:
        return entry.text
    if entry.citizen_text:
        return entry.citizen_text
    if text_erased(entry):
        return _tr(_ERASED)
    return ""


def erased_handle_text() -> str:
    """What stands for an erased citizen handle in the detail dialog."""
    return _tr(_ERASED_HANDLE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class LogTableModel(QAbstractTableModel):
    """Rows are `ActivityEntry`s matching the current `LogFilter`, newest first.

    Signals:
        total_counted(int): the number of entries matching the filter (after `set_filter`).
        page_loaded(int): a page arrived and this many rows were added.
        loading_changed(bool): a query started (True) or none is pending any more (False).
        query_failed(str): a query raised (the exception's type name; details in the log).
    """

    total_counted = Signal(int)
    page_loaded = Signal(int)
    loading_changed = Signal(bool)
    query_failed = Signal(str)

    def __init__(
        self,
        log_source: LogSource,
        worker: Submitter,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._source = log_source
        self._worker = worker
        self._page_size = page_size
        self._filter = LogFilter()
        self._rows: list[ActivityEntry] = []
        self._offset = 0  # raw offset of the next page
        self._exhausted = False
        self._page_pending = False
        self._count_pending = False
        self._generation = 0
        self._total: int | None = None
        self._loading_shown = False

    # --- Qt API -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        label = _HEADERS.get(section)
        return None if label is None else _tr(label)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None or not 0 <= index.column() < COLUMN_COUNT:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return plain_tooltip(entry_text(entry))
            if col == COL_CITIZEN:
                return plain_tooltip(entry.citizen_handle or "")
            if col == COL_TIME:
                return entry.ts.strftime("%Y-%m-%d %H:%M:%S UTC")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == EntryRole:
            return entry
        if role == SeqRole:
            return entry.seq
        return None

    def _display(self, entry: ActivityEntry, col: int) -> str:
        if col == COL_SEQ:
            return str(entry.seq)
        if col == COL_TIME:
            return local_time(entry.ts)
        if col == COL_ACCOUNT:
            return account_text(entry)
        if col == COL_ACTION:
            return action_text(entry.action, entry.details)
        if col == COL_TEXT:
            return _one_line(entry_text(entry))
        return entry.citizen_handle or ""

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        """Ask for the next page; the rows arrive later (`page_loaded`)."""
        if parent.isValid() or self._exhausted or self._page_pending:
            return
        self._page_pending = True
        self._update_loading()
        generation = self._generation
        submitted = self._worker.submit(
            self._source.page,
            self._filter,
            self._offset,
            self._page_size,
            on_done=lambda page: self.on_worker_page_done(generation, page),
            on_error=lambda exc: self.on_worker_query_failed(generation, exc),
        )
        if not submitted:  # the worker is shut down (view closing)
            self._page_pending = False
            self._exhausted = True
            self._update_loading()

    # --- access -------------------------------------------------------------------------------

    def entry_at(self, row: int) -> ActivityEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_seq(self, seq: int) -> int:
        """The row showing entry `seq` (among the rows loaded), or -1."""
        for row, entry in enumerate(self._rows):
            if entry.seq == seq:
                return row
        return -1

    def current_filter(self) -> LogFilter:
        return self._filter

    def total(self) -> int | None:
        """Matching entries, as last counted (None while counting)."""
        return self._total

    def is_loading(self) -> bool:
        return self._page_pending or self._count_pending

    # --- filtering ----------------------------------------------------------------------------

    def set_filter(self, filters: LogFilter) -> None:
        """Show the entries matching `filters`: reset, count, load the first page."""
        self._filter = filters
        self.reload()

    def reload(self) -> None:
        """Drop the rows and query again (e.g. after new entries were appended)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._offset = 0
        self._exhausted = False
        self._page_pending = False
        self._count_pending = False
        self._total = None
        self.endResetModel()
        generation = self._generation
        self._count_pending = self._worker.submit(
            self._source.count,
            self._filter,
            on_done=lambda n: self.on_worker_count_done(generation, n),
            on_error=lambda exc: self.on_worker_query_failed(generation, exc),
        )
        self._update_loading()
        self.fetchMore(QModelIndex())

    # --- results (GUI thread) -----------------------------------------------------------------

    def on_worker_count_done(self, generation: int, n: int) -> None:
        if generation != self._generation:
            return
        self._count_pending = False
        self._total = int(n)
        self.total_counted.emit(self._total)
        self._update_loading()

    def on_worker_page_done(self, generation: int, page: Sequence[ActivityEntry]) -> None:
        if generation != self._generation:
            return
        self._page_pending = False
        self._offset += len(page)
        if len(page) < self._page_size:
            self._exhausted = True
        # Newest first: a later page only holds older entries. Entries appended since the
        # last page shift the offsets; the repeats they cause are dropped here.
        last = self._rows[-1].seq if self._rows else None
        fresh = [e for e in page if last is None or e.seq < last]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        self.page_loaded.emit(len(fresh))
        self._update_loading()

    def on_worker_query_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        logger.warning("activity log query failed: %s", type(exc).__name__)
        self._page_pending = False
        self._count_pending = False
        self._exhausted = True  # don't hammer a broken database; `reload` tries again
        self.query_failed.emit(type(exc).__name__)
        self._update_loading()

    def _update_loading(self) -> None:
        loading = self.is_loading()
        if loading != self._loading_shown:
            self._loading_shown = loading
            self.loading_changed.emit(loading)
