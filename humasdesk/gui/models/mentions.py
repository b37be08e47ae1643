"""Item model for one account's mentions inbox, newest first as given."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from humasdesk.gui.models.rows import Index, RowsModel, local_time
from humasdesk.store.mentions_store import Mention, MentionState


def mention_state_text(state: MentionState) -> str:
    return {
        MentionState.NEW: QCoreApplication.translate("InboxView", "New", "mention state"),
        MentionState.READ: QCoreApplication.translate("InboxView", "Read", "mention state"),
        MentionState.REPLIED: QCoreApplication.translate("InboxView", "Replied", "mention state"),
        MentionState.IGNORED: QCoreApplication.translate("InboxView", "Ignored", "mention state"),
    }[state]


def author_text(m: Mention) -> str:
    """ "Name @handle", from X: plain text, one line."""
    name = " ".join((m.author_name or "").split())
    handle = f"@{m.author_username}" if m.author_username else ""
    return " ".join(p for p in (name, handle) if p) or QCoreApplication.translate(
        "InboxView", "Unknown author"
    )


def status_text(m: Mention) -> str:
    parts = [mention_state_text(m.state)]
    if m.handled_at is not None:
        parts.append(QCoreApplication.translate("InboxView", "Handled"))
    if m.is_complaint:
        parts.append(QCoreApplication.translate("InboxView", "Complaint"))
    return " · ".join(parts)


class MentionListModel(RowsModel):
    """Rows are `Mention`s. The citizen's name and text are plain DisplayRole text, drawn by
    the default delegate (never as rich text). Unread (``baru``) rows are bold."""

    MentionRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2
    StateRole = Qt.ItemDataRole.UserRole + 3
    UnreadRole = Qt.ItemDataRole.UserRole + 4
    ComplaintRole = Qt.ItemDataRole.UserRole + 5

    def row_key(self, item: Any) -> Hashable:
        return item.x_post_id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        m: Mention | None = self.item_at(index)
        if m is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            when = local_time(m.created_at or m.received_at)
            return f"{author_text(m)} · {when}\n{m.text}\n{status_text(m)}"
        if role == Qt.ItemDataRole.FontRole:
            if m.state is MentionState.NEW:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return local_time(m.created_at or m.received_at)  # ours: no remote text here
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{status_text(m)}. {author_text(m)}: {m.text}"
        if role == self.MentionRole:
            return m
        if role == self.IdRole:
            return m.x_post_id
        if role == self.StateRole:
            return m.state.value
        if role == self.UnreadRole:
            return m.state is MentionState.NEW
        if role == self.ComplaintRole:
            return m.is_complaint
        return None

    def set_mentions(self, mentions: Sequence[Mention]) -> None:
        self._replace(mentions)

    def mention_at(self, row: int) -> Mention | None:
        return self.item_at(self.index(row)) if row >= 0 else None

    def unread_count(self) -> int:
        return sum(1 for m in self._rows if m.state is MentionState.NEW)

    def index_of(self, x_post_id: str) -> QModelIndex:
        row = self.row_of(x_post_id)
        return self.index(row) if row >= 0 else QModelIndex()
