"""One account's mentions inbox: citizens' posts that mention the account.

The view shows what the controller gives it and asks for changes by signal; it reads
nothing itself. Signals:
    reply_requested(Mention): the official wants to answer this mention (Balas, or Enter).
    handled_requested(str): mark the mention with this X post id as handled.
    ignore_requested(str): set the mention to ``diabaikan``.
    complaint_toggled(str, bool): the official tagged (True) or untagged a mention as aduan.
    read_requested(str): an unread mention was selected; mark it ``dibaca``.
    unread_changed(int): the number of unread (``baru``) mentions changed (for the tab label).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Slot
from humasdesk.gui.models.mentions import MentionListModel
from humasdesk.gui.theme import WARNING_COLOURS, follow_font
from humasdesk.store.mentions_store import Mention, MentionState


def configure_list(view: QListView) -> None:
    """Wrapped, selectable, read-only rows (shared by the pane's list views)."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap rows on resize
    view.setAlternatingRowColors(True)
    view.setSpacing(2)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def status_label(parent: QWidget) -> QLabel:
    """A plain-text warning line, hidden while empty (its text may quote X)."""
    label = QLabel(parent)
    label.setObjectName("syncStatus")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    background, text = WARNING_COLOURS
    label.setStyleSheet(f"#syncStatus {{ background: {background}; color: {text}; padding: 6px; }}")
    follow_font(label)
    label.setVisible(False)
    return label


class InboxView(QWidget):
    """The mentions of the account in one slot, newest first, with what can be done to them.

    Signals: reply_requested(Mention), handled_requested(str), ignore_requested(str),
    complaint_toggled(str, bool), read_requested(str), unread_changed(int).
    """

    reply_requested = Signal(object)
    handled_requested = Signal(str)
    ignore_requested = Signal(str)
    complaint_toggled = Signal(str, bool)
    read_requested = Signal(str)
    unread_changed = Signal(int)

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.setObjectName(f"inbox_{slot.value}")
        self._unread = 0
        self._restoring = False
        self._last_good: datetime | None = None

        self.sync_status = status_label(self)
        # When X was last asked, so the official knows how fresh the list is.
        self.synced_label = QLabel(self)
        self.synced_label.setObjectName("syncedLabel")
        self.synced_label.setTextFormat(Qt.TextFormat.PlainText)
        self.synced_label.setWordWrap(True)  # a narrow pane or a longer language: wraps
        self.synced_label.setStyleSheet("#syncedLabel { color: palette(placeholder-text); }")
        follow_font(self.synced_label, 8 / 9)
        self.synced_label.setVisible(False)
        self.empty_label = QLabel(self.tr("No mentions yet."), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.model = MentionListModel(self)
        self.mention_list = QListView(self)
        configure_list(self.mention_list)
        self.mention_list.setModel(self.model)
        self.mention_list.setAccessibleName(self.tr("Mentions"))
        self.mention_list.activated.connect(self.on_mention_list_activated)
        self.mention_list.selectionModel().selectionChanged.connect(
            self.on_selection_model_selection_changed
        )
        self.model.dataChanged.connect(self.on_model_data_changed)

        self.reply_button = QPushButton(self.tr("Reply"), self)
        self.reply_button.setAccessibleName(self.tr("Reply to the selected mention"))
        self.reply_button.clicked.connect(self.on_reply_button_clicked)
        self.handled_button = QPushButton(self.tr("Mark handled"), self)
        self.handled_button.setAccessibleName(self.tr("Mark the selected mention as handled"))
        self.handled_button.clicked.connect(self.on_handled_button_clicked)
        self.ignore_button = QPushButton(self.tr("Ignore"), self)
        self.ignore_button.setAccessibleName(self.tr("Ignore the selected mention"))
        self.ignore_button.clicked.connect(self.on_ignore_button_clicked)
        self.complaint_button = QPushButton(self.tr("Complaint"), self)
        self.complaint_button.setCheckable(True)
        self.complaint_button.setAccessibleName(self.tr("Tag the selected mention as a complaint"))
        self.complaint_button.setToolTip(
            self.tr("An aduan is measured against the SP4N-LAPOR! service times in the report.")
        )
        self.complaint_button.clicked.connect(self.on_complaint_button_clicked)

        buttons = QHBoxLayout()
        for button in (self.reply_button, self.handled_button, self.ignore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.complaint_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sync_status)
        layout.addWidget(self.synced_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.mention_list, 1)
        layout.addLayout(buttons)

        QWidget.setTabOrder(self.mention_list, self.reply_button)
        QWidget.setTabOrder(self.reply_button, self.handled_button)
        QWidget.setTabOrder(self.handled_button, self.ignore_button)
        QWidget.setTabOrder(self.ignore_button, self.complaint_button)
        self.setFocusProxy(self.mention_list)
        self._refresh_state()

    def action_buttons(self) -> tuple[QPushButton, ...]:
        return (self.reply_button, self.handled_button, self.ignore_button,
                self.complaint_button)  # fmt: skip

    def on_arrow_key(self, widget: QWidget, key: Qt.Key) -> bool:
        """↑/↓ on a button under the list go to the previous/next mention (what the official
        means after tagging one). Asked by the pane's keyboard guard; True: done."""
        if widget not in self.action_buttons() or self.model.rowCount() == 0:
            return False
        if key not in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return False
        self.step_selection(1 if key == Qt.Key.Key_Down else -1)
        self.mention_list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def step_selection(self, step: int) -> None:
        rows = self.mention_list.selectionModel().selectedRows()
        row = rows[0].row() + step if rows else 0
        row = max(0, min(self.model.rowCount() - 1, row))
        self.mention_list.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.mention_list.scrollTo(self.model.index(row, 0))

    # --- input from the controller ------------------------------------------------------------

    def set_mentions(self, mentions: Sequence[Mention]) -> None:
        """Show these mentions (newest first). The selected mention stays selected."""
        keep = self.selected_id()
        self._restoring = True  # re-selecting after a refresh is not the official opening it
        try:
            self.model.set_mentions(mentions)
            if keep is not None and self.selected_id() != keep:
                self.select(keep)
        finally:
            self._restoring = False
        self._refresh_state()

    def show_synced(self, at: datetime, next_in_s: float | None, *, ok: bool) -> None:
        """The last sync that reached X (`ok`), or the last good one after a failure."""
        if ok:
            self._last_good = at
        last = self._last_good
        if last is None:
            self.synced_label.setVisible(False)
            return
        local = QDateTime.fromMSecsSinceEpoch(int(last.timestamp() * 1000)).toLocalTime()
        when = QLocale().toString(local, "HH.mm")
        if ok and next_in_s is not None:
            text = self.tr("Synced with X at %1; next check in %2 s.").replace("%1", when)
            text = text.replace("%2", str(round(next_in_s)))
        else:
            text = self.tr("Last synced with X at %1.").replace("%1", when)
        self.synced_label.setText(text)
        self.synced_label.setVisible(True)
        self._fit_synced_label()

    def _fit_synced_label(self) -> None:
        # The tab's page does not pass height-for-width on: a wrapped line would be cut.
        width = max(1, self.width())
        self.synced_label.setMinimumHeight(self.synced_label.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.synced_label.isVisible():
            self._fit_synced_label()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.synced_label.isVisible():
            self._fit_synced_label()

    def show_sync_status(self, text: str) -> None:
        """A sync problem, in plain text (empty hides it)."""
        self.sync_status.setText(text)
        self.sync_status.setVisible(bool(text))

    def unread_count(self) -> int:
        return self.model.unread_count()

    def selected_mention(self) -> Mention | None:
        rows = self.mention_list.selectionModel().selectedRows()
        return self.model.mention_at(rows[0].row()) if rows else None

    def selected_id(self) -> str | None:
        m = self.selected_mention()
        return None if m is None else m.x_post_id

    def select(self, x_post_id: str) -> bool:
        index = self.model.index_of(x_post_id)
        if not index.isValid():
            return False
        self.mention_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.mention_list.scrollTo(index)
        return True

    # --- slots --------------------------------------------------------------------------------

    def on_selection_model_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        self._refresh_buttons()
        m = self.selected_mention()
        if m is not None and m.state is MentionState.NEW and not self._restoring:
            self.read_requested.emit(m.x_post_id)

    def on_model_data_changed(self, *args: object) -> None:
        self._refresh_buttons()

    def on_mention_list_activated(self, index: QModelIndex) -> None:
        m = self.model.mention_at(index.row())
        if m is not None:
            self.reply_requested.emit(m)

    def on_reply_button_clicked(self) -> None:
        m = self.selected_mention()
        if m is not None:
            self.reply_requested.emit(m)

    def on_handled_button_clicked(self) -> None:
        m = self.selected_mention()
        if m is not None:
            self.handled_requested.emit(m.x_post_id)

    def on_ignore_button_clicked(self) -> None:
        m = self.selected_mention()
        if m is not None:
            self.ignore_requested.emit(m.x_post_id)

    def on_complaint_button_clicked(self, checked: bool) -> None:
        m = self.selected_mention()
        if m is not None:
            self.complaint_toggled.emit(m.x_post_id, checked)

    # --- state --------------------------------------------------------------------------------

    def _refresh_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.mention_list.setVisible(not empty)
        self._refresh_buttons()
        unread = self.model.unread_count()
        if unread != self._unread:
            self._unread = unread
            self.unread_changed.emit(unread)

    def _refresh_buttons(self) -> None:
        m = self.selected_mention()
        self.reply_button.setEnabled(m is not None)
        self.handled_button.setEnabled(m is not None and m.handled_at is None)
        self.ignore_button.setEnabled(m is not None and m.state is not MentionState.IGNORED)
        self.complaint_button.setEnabled(m is not None)
        self.complaint_button.setChecked(m is not None and m.is_complaint)
