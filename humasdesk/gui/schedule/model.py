"""The "Terjadwal" tab's calendar: a week (seven day columns, one cell per post, stacked by
time) or a month (a cell per day with its first posts). Times are the laptop's, read when
the period is set: a zone changed since scheduling shows each post at its same instant in
the new zone.

One item model; ``data()`` only formats what `set_period` was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from humasdesk.core.schedule import zone_label
from humasdesk.gui.models.outbox import failure_text
from humasdesk.store.outbox_store import OutboxItem, OutboxState

Index = QModelIndex | QPersistentModelIndex

_C = "ScheduleCalendar"
_DAYS = (
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Mon"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Tue"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Wed"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Thu"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Fri"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Sat"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "Sun"),
)
_MONTHS = (
    QT_TRANSLATE_NOOP("ScheduleCalendar", "January"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "February"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "March"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "April"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "May"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "June"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "July"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "August"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "September"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "October"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "November"),
    QT_TRANSLATE_NOOP("ScheduleCalendar", "December"),
)
_STATES = {
    OutboxState.SCHEDULED: QT_TRANSLATE_NOOP("ScheduleCalendar", "Scheduled"),
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("ScheduleCalendar", "Waiting to be sent"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("ScheduleCalendar", "Sending"),
    OutboxState.SENT: QT_TRANSLATE_NOOP("ScheduleCalendar", "Sent"),
    OutboxState.MISSED: QT_TRANSLATE_NOOP("ScheduleCalendar", "Missed"),
    OutboxState.CANCELLED: QT_TRANSLATE_NOOP("ScheduleCalendar", "Cancelled"),
}
_FAILED = QT_TRANSLATE_NOOP("ScheduleCalendar", "Failed: %1")
_MORE = QT_TRANSLATE_NOOP("ScheduleCalendar", "+%1 more")
_POSTS = QT_TRANSLATE_NOOP("ScheduleCalendar", "%1 posts")
_NO_POSTS = QT_TRANSLATE_NOOP("ScheduleCalendar", "no posts")
#: Background per state (with the state also said in words: colour is never the only cue).
STATE_COLOURS = {
    OutboxState.SCHEDULED: "#E8F0FB",
    OutboxState.QUEUED: "#E8F0FB",
    OutboxState.SENDING: "#FFF4D6",
    OutboxState.SENT: "#E3F4E6",
    OutboxState.MISSED: "#FBE3D9",
    OutboxState.FAILED: "#F9D9D6",
}
MONTH_CELL_LINES = 3
#: A dragged post: its outbox id.
MIME_TYPE = "application/x-humasdesk-outbox-id"
#: States a post may be dragged to another day from (as "Ubah waktu…").
DRAGGABLE = frozenset({OutboxState.SCHEDULED, OutboxState.MISSED, OutboxState.FAILED})


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def day_name(d: date) -> str:
    return _tr(_DAYS[d.weekday()])


def month_name(month: int) -> str:
    return _tr(_MONTHS[month - 1])


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def period_bounds(kind: Period, anchor: date) -> tuple[date, date]:
    """The days shown: a Monday-to-Sunday week, or the whole weeks around a month."""
    if kind is Period.WEEK:
        start = week_start(anchor)
        return start, start + timedelta(days=7)
    first = anchor.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    start = week_start(first)
    end = week_start(nxt - timedelta(days=1)) + timedelta(days=7)
    return start, end


def local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


def state_text(item: OutboxItem) -> str:
    """Where a scheduled post stands, in words."""
    if item.state is OutboxState.FAILED:
        return _tr(_FAILED).replace("%1", failure_text(item.last_error_kind))
    if item.state is OutboxState.QUEUED and item.last_error_kind:  # e.g. sign in again
        return f"{_tr(_STATES[item.state])}: {failure_text(item.last_error_kind)}"
    return _tr(_STATES[item.state])


def clock_text(when: datetime) -> str:
    local = when.astimezone()
    return f"{local:%H.%M}"


def first_line(text: str, limit: int = 60) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class CalendarModel(QAbstractTableModel):
    """Week: column = day, row n = the day's n-th post by time. Month: row = week, column =
    day, a cell per day. ``ItemRole``: the post of a week cell (None in a month); ``DayRole``:
    the cell's day."""

    ItemRole = Qt.ItemDataRole.UserRole + 1
    DayRole = Qt.ItemDataRole.UserRole + 2
    StateRole = Qt.ItemDataRole.UserRole + 3

    #: item_dropped(int, date): a post was dragged onto another day (same time of day).
    item_dropped = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = Period.WEEK
        self.start = week_start(date.today())
        self.end = self.start + timedelta(days=7)
        self.today = date.today()
        self._by_day: dict[date, list[OutboxItem]] = {}

    # --- what is shown ------------------------------------------------------------------------

    def set_period(
        self, kind: Period, anchor: date, items: Sequence[OutboxItem], today: date | None = None
    ) -> None:
        self.beginResetModel()
        self.kind = kind
        self.start, self.end = period_bounds(kind, anchor)
        self.today = today or date.today()
        by_day: dict[date, list[OutboxItem]] = {}
        for item in sorted(items, key=lambda i: (i.due_at or i.created_at, i.id)):
            if item.due_at is None or item.state is OutboxState.CANCELLED:
                continue
            day = item.due_at.astimezone().date()
            if self.start <= day < self.end:
                by_day.setdefault(day, []).append(item)
        self._by_day = by_day
        self.endResetModel()

    def items(self) -> list[OutboxItem]:
        return [i for day in sorted(self._by_day) for i in self._by_day[day]]

    def index_of(self, item_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                idx = self.index(row, col)
                item = self.data(idx, self.ItemRole)
                if item is not None and item.id == item_id:
                    return idx
        return QModelIndex()

    def day_of(self, row: int, column: int) -> date:
        if self.kind is Period.WEEK:
            return self.start + timedelta(days=column)
        return self.start + timedelta(days=7 * row + column)

    # --- Qt API -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self.kind is Period.WEEK:
            return max(1, max((len(v) for v in self._by_day.values()), default=0))
        return (self.end - self.start).days // 7

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if self.kind is Period.WEEK:
                d = self.start + timedelta(days=section)
                return f"{day_name(d)} {d.day}/{d.month}"
            return _tr(_DAYS[section])
        if self.kind is Period.MONTH:
            d = self.start + timedelta(days=7 * section)
            return f"{d.day}/{d.month}"
        return None

    def _item(self, row: int, column: int) -> OutboxItem | None:
        if self.kind is not Period.WEEK:
            return None
        day_items = self._by_day.get(self.day_of(row, column), [])
        return day_items[row] if row < len(day_items) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        day = self.day_of(row, col)
        if role == self.DayRole:
            return day
        if self.kind is Period.WEEK:
            item = self._item(row, col)
            if role == self.ItemRole:
                return item
            if item is None or item.due_at is None:
                return None
            if role == self.StateRole:
                return item.state.value
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{clock_text(item.due_at)} · {state_text(item)}\n{first_line(item.text)}"
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                local = item.due_at.astimezone()
                return (
                    f"{day_name(day)} {day.day} {month_name(day.month)}, {local:%H.%M} "
                    f"{zone_label(local)}: {state_text(item)}. {first_line(item.text, 200)}"
                )
            if role == Qt.ItemDataRole.BackgroundRole:
                colour = STATE_COLOURS.get(item.state)
                return QColor(colour) if colour else None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1B1F24")
            return None
        # Month: one cell per day.
        items = self._by_day.get(day, [])
        if role == self.ItemRole:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [str(day.day)]
            for item in items[:MONTH_CELL_LINES]:
                assert item.due_at is not None
                lines.append(f"{clock_text(item.due_at)} {first_line(item.text, 24)}")
            if len(items) > MONTH_CELL_LINES:
                lines.append(_tr(_MORE).replace("%1", str(len(items) - MONTH_CELL_LINES)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = _tr(_POSTS).replace("%1", str(len(items))) if items else _tr(_NO_POSTS)
            return f"{day_name(day)} {day.day} {month_name(day.month)}: {count}"
        if role == Qt.ItemDataRole.ForegroundRole:
            in_month = day.month == (self.start + timedelta(days=14)).month
            return QColor("#1B1F24" if in_month else "#6B7480")
        if role == Qt.ItemDataRole.BackgroundRole and day == self.today:
            return QColor("#FFF8E1")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        item = self._item(index.row(), index.column())
        if item is not None and item.state in DRAGGABLE:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag to another day ----------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        for index in indexes:
            item = self._item(index.row(), index.column()) if index.isValid() else None
            if item is not None:
                data.setData(MIME_TYPE, str(item.id).encode("ascii"))
                break
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:  # fmt: skip
        return data.hasFormat(MIME_TYPE) and (parent.isValid() or column >= 0)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:  # fmt: skip
        """A post dropped on a cell moves to that cell's day. Nothing is changed here: the
        controller moves it (with the scheduling rules) and reloads the calendar."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if parent.isValid():
            row, column = parent.row(), parent.column()
        try:
            item_id = int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return False
        self.item_dropped.emit(item_id, self.day_of(max(0, row), column))
        return False  # the view must not remove the dragged cell itself
