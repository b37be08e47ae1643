"""Item model for the account's own posts (the Posts tab), newest first as given."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from humasdesk.core.models import Post
from humasdesk.gui.models.rows import Index, RowsModel, local_time


class OwnPostListModel(RowsModel):
    """Rows are `Post`s: the text (plain DisplayRole text) and the local time."""

    PostRole = Qt.ItemDataRole.UserRole + 1
    PostIdRole = Qt.ItemDataRole.UserRole + 2
    TimeRole = Qt.ItemDataRole.UserRole + 3

    def row_key(self, item: Any) -> Hashable:
        return item.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        post: Post | None = self.item_at(index)
        if post is None:
            return None
        when = local_time(post.created_at)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{post.text}\n{when}" if when else post.text
        if role in (Qt.ItemDataRole.ToolTipRole, self.TimeRole):
            return when
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{post.text}. {when}" if when else post.text
        if role == self.PostRole:
            return post
        if role == self.PostIdRole:
            return post.id
        return None

    def set_posts(self, posts: Sequence[Post]) -> None:
        self._replace(posts)

    def post_at(self, row: int) -> Post | None:
        return self.item_at(self.index(row)) if row >= 0 else None
