"""Item model for one account's posts, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from humasdesk.core.models import Post

_Index = QModelIndex | QPersistentModelIndex


class PostListModel(QAbstractListModel):
    """Rows are `Post`s. Display text is plain (X text is never rendered as markup)."""

    PostRole = Qt.ItemDataRole.UserRole + 1
    PostIdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posts: list[Post] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._posts):
            return None
        post = self._posts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = format_time(post)
            return f"{post.text}\n{when}" if when else post.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return format_time(post)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return post.text
        if role == self.PostRole:
            return post
        if role == self.PostIdRole:
            return post.id
        return None

    def set_posts(self, posts: Sequence[Post]) -> None:
        self.beginResetModel()
        self._posts = list(posts)
        self.endResetModel()

    def post_at(self, row: int) -> Post:
        return self._posts[row]


def format_time(post: Post) -> str:
    """The post's time in the laptop's zone, in the UI locale."""
    if post.created_at is None:
        return ""
    local = QDateTime.fromMSecsSinceEpoch(int(post.created_at.timestamp() * 1000)).toLocalTime()
    # "28 Nov 2026 14.05 WIB": the zone abbreviation says which Indonesian time is meant.
    return f"{QLocale().toString(local, 'd MMM yyyy HH.mm')} {local.timeZoneAbbreviation()}"
