"""One account's outbox: posts waiting out their undo window, going, gone or refused.

A queued post shows a live countdown ("Dikirim dalam 7 dtk") re-rendered every second from
the injected clock; nothing is read for it. Signals:
    cancel_requested(int): the official pressed Batalkan on this outbox item id.
    retry_requested(int): the official pressed Coba lagi on this failed item id.
    pending_changed(int): the number of items not yet out (queued, sending, failed) changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from humasdesk.core.models import Slot
from humasdesk.gui.inbox_view import configure_list, status_label
from humasdesk.gui.models.outbox import CANCELLABLE, OutboxListModel
from humasdesk.store.outbox_store import OutboxItem, OutboxState

Clock = Callable[[], datetime]
TICK_MS = 250  # a countdown second never shows late by more than a quarter second


def utcnow() -> datetime:
    return datetime.now(UTC)


class OutboxView(QWidget):
    """The outbox items of the account in one slot, newest first.

    Signals: cancel_requested(int), retry_requested(int), pending_changed(int).
    """

    cancel_requested = Signal(int)
    retry_requested = Signal(int)
    pending_changed = Signal(int)

    def __init__(self, slot: Slot, parent: QWidget | None = None, *, clock: Clock = utcnow) -> None:
        super().__init__(parent)
        self.slot = slot
        self.clock = clock
        self.setObjectName(f"outbox_{slot.value}")
        self._pending = 0

        self.status = status_label(self)
        self.empty_label = QLabel(self.tr("The outbox is empty."), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.model = OutboxListModel(self, now=clock())
        self.item_list = QListView(self)
        configure_list(self.item_list)
        self.item_list.setModel(self.model)
        self.item_list.setAccessibleName(self.tr("Outbox"))
        self.item_list.selectionModel().selectionChanged.connect(
            self.on_selection_model_selection_changed
        )
        self.model.dataChanged.connect(self.on_model_data_changed)

        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel sending the selected post"))
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setAccessibleName(self.tr("Retry sending the selected post"))
        self.retry_button.clicked.connect(self.on_retry_button_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.item_list, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.item_list, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.retry_button)
        self.setFocusProxy(self.item_list)

        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(TICK_MS)
        self.countdown_timer.timeout.connect(self.on_countdown_timer_timeout)
        self._refresh_state()

    # --- input from the controller ------------------------------------------------------------

    def set_items(self, items: Sequence[OutboxItem]) -> None:
        """Show these items (newest first). The selected item stays selected."""
        keep = self.selected_id()
        self.model.set_items(items, now=self.clock())
        if keep is not None and self.selected_id() != keep:
            self.select(keep)
        self._refresh_state()

    def show_status(self, text: str) -> None:
        """A line about the whole queue (paused for a rate limit, waiting for sign-in)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def pending_count(self) -> int:
        return self.model.pending_count()

    def selected_item(self) -> OutboxItem | None:
        rows = self.item_list.selectionModel().selectedRows()
        return self.model.item_row(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        item = self.selected_item()
        return None if item is None else item.id

    def select(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.item_list.setCurrentIndex(index)
        self.item_list.scrollTo(index)
        return True

    # --- slots --------------------------------------------------------------------------------

    def on_countdown_timer_timeout(self) -> None:
        self.model.set_now(self.clock())
        if not self.model.counting_down():
            self.countdown_timer.stop()

    def on_selection_model_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        self._refresh_buttons()

    def on_model_data_changed(self, *args: object) -> None:
        self._refresh_buttons()

    def on_cancel_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None and item.state in CANCELLABLE:
            self.cancel_requested.emit(item.id)

    def on_retry_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None and item.state is OutboxState.FAILED:
            self.retry_requested.emit(item.id)

    # --- state --------------------------------------------------------------------------------

    def _refresh_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.item_list.setVisible(not empty)
        self._refresh_buttons()
        if self.model.counting_down():
            if not self.countdown_timer.isActive():
                self.countdown_timer.start()
        else:
            self.countdown_timer.stop()
        pending = self.model.pending_count()
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)

    def _refresh_buttons(self) -> None:
        item = self.selected_item()
        self.cancel_button.setEnabled(item is not None and item.state in CANCELLABLE)
        self.retry_button.setEnabled(item is not None and item.state is OutboxState.FAILED)
