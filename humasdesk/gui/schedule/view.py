"""The "Terjadwal" tab of a pane: the missed posts first (when there are any), then the week
or the month at a glance, each post with its time, first line and state, and what can be
done with the selected one. Keyboard: Tab through the controls, arrows in the calendar,
Enter on a day of the month opens its week.

Signals (past-tense requests for the controller, item ids as ints):
    move_requested(int): "Ubah waktu…" / "Jadwalkan ulang".
    edit_requested(int): "Ubah teks…".
    send_now_requested(int): "Kirim sekarang".
    cancel_requested(int): "Batalkan" (the text goes back to the composer).
    move_to_day_requested(int, date): the post was dragged onto another day.
    period_changed(): the week or month shown changed; the controller loads its posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Slot
from humasdesk.core.schedule import format_local
from humasdesk.gui.composer import FlowLayout
from humasdesk.gui.schedule.model import (
    CalendarModel,
    Period,
    first_line,
    month_name,
    period_bounds,
    state_text,
)
from humasdesk.gui.theme import WARNING_COLOURS, follow_font
from humasdesk.store.outbox_store import OutboxItem, OutboxState

#: What can be done with a post in each state.
MOVABLE = frozenset({OutboxState.SCHEDULED, OutboxState.MISSED, OutboxState.FAILED})
EDITABLE = frozenset({OutboxState.SCHEDULED, OutboxState.MISSED})
SENDABLE_NOW = frozenset({OutboxState.SCHEDULED, OutboxState.MISSED, OutboxState.FAILED})
CANCELLABLE = frozenset(
    {OutboxState.SCHEDULED, OutboxState.MISSED, OutboxState.FAILED, OutboxState.QUEUED}
)


def x_link(item: OutboxItem) -> str:
    return f"https://x.com/{item.handle}/status/{item.x_post_id}" if item.x_post_id else ""


class ScheduleView(QWidget):
    """One pane's scheduled posts. Signals: see the module docstring."""

    move_requested = Signal(int)
    edit_requested = Signal(int)
    send_now_requested = Signal(int)
    cancel_requested = Signal(int)
    move_to_day_requested = Signal(int, object)
    period_changed = Signal()

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.setObjectName(f"schedule_{slot.value}")
        self.anchor = date.today()
        self.kind = Period.WEEK
        self._items: list[OutboxItem] = []
        self._missed: list[OutboxItem] = []
        self._selected_id: int | None = None  # kept across reloads and period changes

        # Missed posts: listed first, each waiting for a person.
        background, text = WARNING_COLOURS
        self.missed_box = QFrame(self)
        self.missed_box.setObjectName("missedBox")
        self.missed_box.setStyleSheet(
            f"#missedBox {{ background: {background}; }} #missedBox QLabel {{ color: {text}; }}"
        )
        self.missed_title = QLabel(self.missed_box)
        self.missed_title.setWordWrap(True)
        self.missed_title.setTextFormat(Qt.TextFormat.PlainText)
        follow_font(self.missed_title, bold=True)
        self.missed_list = QListWidget(self.missed_box)
        self.missed_list.setAccessibleName(self.tr("Missed scheduled posts"))
        self.missed_send_button = QPushButton(self.tr("Send now"), self.missed_box)
        self.missed_move_button = QPushButton(self.tr("Reschedule…"), self.missed_box)
        self.missed_cancel_button = QPushButton(self.tr("Cancel post"), self.missed_box)
        self.missed_send_button.clicked.connect(
            lambda: self._missed_action(self.send_now_requested)
        )
        self.missed_move_button.clicked.connect(lambda: self._missed_action(self.move_requested))
        self.missed_cancel_button.clicked.connect(
            lambda: self._missed_action(self.cancel_requested)
        )
        missed_buttons = self._flow(
            self.missed_send_button, self.missed_move_button, self.missed_cancel_button
        )
        box = QVBoxLayout(self.missed_box)
        box.setContentsMargins(6, 4, 6, 4)
        box.addWidget(self.missed_title)
        box.addWidget(self.missed_list)
        box.addLayout(missed_buttons)
        self.missed_box.setVisible(False)

        # The period: week or month, back, today, forward.
        self.week_button = QPushButton(self.tr("Week"), self)
        self.month_button = QPushButton(self.tr("Month"), self)
        for b in (self.week_button, self.month_button):
            b.setCheckable(True)
        self.week_button.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.week_button)
        group.addButton(self.month_button)
        self.week_button.toggled.connect(self.on_week_button_toggled)
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.on_today_button_clicked)
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        follow_font(self.period_label, bold=True)
        self.period_label.setWordWrap(True)
        bar = self._flow(
            self.week_button,
            self.month_button,
            self.previous_button,
            self.today_button,
            self.next_button,
        )

        self.model = CalendarModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("scheduleCalendar")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Scheduled posts calendar"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("#scheduleCalendar::item { padding: 3px 4px; }")
        self.table.setTabKeyNavigation(False)  # Tab leaves the calendar; arrows move in it
        # Drag a post onto another day (the keyboard's way: "Ubah waktu…").
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model.item_dropped.connect(self.move_to_day_requested)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentChanged.connect(self.on_table_current_changed)
        # Rows as tall as their text at the columns' real width (known only once laid out).
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents()
        )
        self.table.activated.connect(self.on_table_activated)

        self.details = QLabel(self)
        self.details.setObjectName("scheduleDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # the post's text, X's reason
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Selected post"))
        self.status = QLabel(self)
        self.status.setObjectName("scheduleStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #8A1C12;")

        self.move_button = QPushButton(self.tr("Change time…"), self)
        self.edit_button = QPushButton(self.tr("Edit text…"), self)
        self.send_now_button = QPushButton(self.tr("Send now"), self)
        self.cancel_button = QPushButton(self.tr("Cancel post"), self)
        self.move_button.clicked.connect(lambda: self._action(self.move_requested))
        self.edit_button.clicked.connect(lambda: self._action(self.edit_requested))
        self.send_now_button.clicked.connect(lambda: self._action(self.send_now_requested))
        self.cancel_button.clicked.connect(lambda: self._action(self.cancel_requested))
        actions = self._flow(
            self.move_button, self.edit_button, self.send_now_button, self.cancel_button
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.missed_box)
        layout.addLayout(bar)
        layout.addWidget(self.period_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self.set_items([])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The columns' new width is known after this event: fit the rows to it then.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _flow(self, *widgets: QWidget) -> FlowLayout:
        """A row of buttons that wraps when the pane is narrow or the words long, left to
        right (an empty tail keeps the last button from the right edge)."""
        row = FlowLayout()
        for w in widgets:
            row.addWidget(w)
        tail = QWidget(self)
        tail.setFixedSize(0, 0)
        row.addWidget(tail)
        return row

    # --- the period ---------------------------------------------------------------------------

    def bounds(self) -> tuple[datetime, datetime]:
        """The instants the calendar shows, for the controller's query."""
        start, end = period_bounds(self.kind, self.anchor)
        return (datetime.combine(start, datetime.min.time()).astimezone(),
                datetime.combine(end, datetime.min.time()).astimezone())  # fmt: skip

    def step(self, direction: int) -> None:
        if self.kind is Period.WEEK:
            self.anchor += timedelta(days=7 * direction)
        else:
            first = self.anchor.replace(day=1)
            if direction > 0:
                self.anchor = (first + timedelta(days=32)).replace(day=1)
            else:
                self.anchor = (first - timedelta(days=1)).replace(day=1)
        self._refresh_period()

    def on_today_button_clicked(self) -> None:
        self.anchor = date.today()
        self._refresh_period()

    def on_week_button_toggled(self, on: bool) -> None:
        self.kind = Period.WEEK if on else Period.MONTH
        self._refresh_period()

    def show_week_of(self, day: date) -> None:
        self.anchor = day
        self.week_button.setChecked(True)  # toggles to the week (or refreshes below)
        self._refresh_period()

    def _refresh_period(self) -> None:
        self._show()
        self.period_changed.emit()

    # --- content ------------------------------------------------------------------------------

    def set_items(self, items: Sequence[OutboxItem], missed: Sequence[OutboxItem] = ()) -> None:
        """The posts of the period shown (any state) and every missed post of the pane."""
        self._items = list(items)
        self._missed = list(missed)
        self._show()
        self._show_missed()

    def _show(self) -> None:
        keep = self._selected_id
        self.model.set_period(self.kind, self.anchor, self._items)
        if keep is not None:
            self.select(keep)
        start, end = period_bounds(self.kind, self.anchor)
        if self.kind is Period.WEEK:
            last = end - timedelta(days=1)
            self.period_label.setText(
                self.tr("Week of %1 – %2")
                .replace("%1", f"{start.day} {month_name(start.month)}")
                .replace("%2", f"{last.day} {month_name(last.month)} {last.year}")
            )
        else:
            self.period_label.setText(f"{month_name(self.anchor.month)} {self.anchor.year}")
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _show_missed(self) -> None:
        self.missed_list.clear()
        for item in self._missed:
            when = format_local(item.due_at) if item.due_at else ""
            row = QListWidgetItem(f"{when} · {first_line(item.text)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.missed_list.addItem(row)
        if self._missed:
            self.missed_list.setCurrentRow(0)
            rows = min(4, len(self._missed))
            height = self.missed_list.sizeHintForRow(0) * rows + 2 * self.missed_list.frameWidth()
            self.missed_list.setFixedHeight(height + 4)
        self.missed_title.setText(
            self.tr(
                "%1 scheduled post(s) missed their time while the laptop was off or asleep. "
                "They were not sent: send now, reschedule or cancel."
            ).replace("%1", str(len(self._missed)))
        )
        self.missed_box.setVisible(bool(self._missed))

    def select(self, item_id: int) -> bool:
        idx = self.model.index_of(item_id)
        if not idx.isValid():
            return False
        self.table.setCurrentIndex(idx)
        return True

    def current_item(self) -> OutboxItem | None:
        idx = self.table.currentIndex()
        return self.model.data(idx, CalendarModel.ItemRole) if idx.isValid() else None  # type: ignore[return-value]

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item = self.current_item()
        if item is not None:
            self._selected_id = item.id
        self._update_buttons()

    def on_table_activated(self, index: QModelIndex) -> None:
        if self.kind is Period.MONTH:
            self.show_week_of(self.model.data(index, CalendarModel.DayRole))  # type: ignore[arg-type]
            items = [i for i in self.model.items()]
            if items:
                self.table.setCurrentIndex(self.model.index(0, index.column() % 7))

    def _update_buttons(self) -> None:
        item = self.current_item()
        state = item.state if item is not None else None
        self.move_button.setEnabled(state in MOVABLE)
        self.edit_button.setEnabled(state in EDITABLE)
        self.send_now_button.setEnabled(state in SENDABLE_NOW)
        self.cancel_button.setEnabled(state in CANCELLABLE)
        if item is None or item.due_at is None:
            empty = not self._items
            self.details.setText(
                self.tr("No scheduled posts in this period. Use “Schedule…” in the composer.")
                if empty
                else self.tr("Select a post to see it in full.")
            )
            return
        lines = [f"{format_local(item.due_at)} · {state_text(item)}"]
        if item.state is OutboxState.SENT and item.x_post_id:
            lines.append(self.tr("On X: %1").replace("%1", x_link(item)))
        if item.state is OutboxState.FAILED and item.last_error_text:
            lines.append(self.tr("X said: %1").replace("%1", item.last_error_text))
        lines.append(item.text)
        self.details.setText("\n".join(lines))

    def _action(self, signal: Signal) -> None:
        item = self.current_item()
        if item is not None:
            signal.emit(item.id)  # type: ignore[attr-defined]

    def _missed_action(self, signal: Signal) -> None:
        row = self.missed_list.currentItem()
        if row is not None:
            signal.emit(int(row.data(Qt.ItemDataRole.UserRole)))  # type: ignore[attr-defined]
