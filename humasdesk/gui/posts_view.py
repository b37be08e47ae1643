"""The account's own posts on X, with Hapus (after a confirmation) and Muat ulang.

Signals:
    delete_requested(str): the official confirmed deleting the post with this id from X.
    refresh_requested(): the official asked to load the posts again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Post, Slot
from humasdesk.gui.inbox_view import configure_list, status_label
from humasdesk.gui.models.own_posts import OwnPostListModel

QUOTE_CHARS = 280  # a longer post is cut in the confirmation (the list shows it whole)


class PostsView(QWidget):
    """The posts of the account in one slot, newest first.

    Signals: delete_requested(str), refresh_requested().

    ``confirm(message) -> bool`` asks before a deletion; tests replace it.
    """

    delete_requested = Signal(str)
    refresh_requested = Signal()

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.handle = ""
        self.setObjectName(f"posts_{slot.value}")
        self.confirm: Callable[[str], bool] = self.ask_to_delete
        # The order the list shows (the reach panel sorts by the numbers; issue 16).
        self.order: Callable[[Sequence[Post]], Sequence[Post]] = lambda posts: posts

        self.status = status_label(self)
        self.empty_label = QLabel(self.tr("No posts yet."), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.model = OwnPostListModel(self)
        self.post_list = QListView(self)
        configure_list(self.post_list)
        self.post_list.setModel(self.model)
        self.post_list.setAccessibleName(self.tr("Posts"))
        self.post_list.selectionModel().selectionChanged.connect(
            self.on_selection_model_selection_changed
        )
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.post_list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.on_delete_button_clicked)

        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected post from X"))
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.refresh_button = QPushButton(self.tr("Reload"), self)
        self.refresh_button.setAccessibleName(self.tr("Reload the posts from X"))
        self.refresh_button.clicked.connect(self.refresh_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.post_list, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.post_list, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.refresh_button)
        self.setFocusProxy(self.post_list)
        self._refresh_state()

    # --- input from the controller ------------------------------------------------------------

    def set_posts(self, posts: Sequence[Post]) -> None:
        """Show these posts (newest first). The selected post stays selected."""
        keep = self.selected_id()
        self.model.set_posts(self.order(posts))
        if keep is not None and self.selected_id() != keep:
            row = self.model.row_of(keep)
            if row >= 0:
                self.post_list.setCurrentIndex(self.model.index(row))
        self._refresh_state()

    def set_handle(self, handle: str) -> None:
        """The account's @handle, named in the confirmation."""
        self.handle = handle

    def show_status(self, text: str) -> None:
        """A loading or error line in plain text (empty hides it)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def selected_post(self) -> Post | None:
        rows = self.post_list.selectionModel().selectedRows()
        return self.model.post_at(rows[0].row()) if rows else None

    def selected_id(self) -> str | None:
        post = self.selected_post()
        return None if post is None else post.id

    def confirmation_text(self, post: Post) -> str:
        quoted = post.text if len(post.text) <= QUOTE_CHARS else post.text[:QUOTE_CHARS] + "…"
        account = f"@{self.handle}" if self.handle else self.tr("this account")
        return (
            self.tr('Delete this post of %1 from X?\n\n"%2"\n\nThis cannot be undone.')
            .replace("%1", account)  # the handle first: a "%1" in the post stays as written
            .replace("%2", quoted)
        )

    def ask_to_delete(self, message: str) -> bool:
        """The production confirmation: the account in its colour, the post as written,
        "Keep" as the default."""
        from humasdesk.gui.confirm_dialog import ask_for_account

        return ask_for_account(
            self, self.slot, self.handle, self.tr("Delete post"), message,
            yes=self.tr("Delete"), no=self.tr("Keep"),
        )  # fmt: skip

    # --- slots --------------------------------------------------------------------------------

    def on_selection_model_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        self._refresh_state()

    def on_delete_button_clicked(self) -> None:
        post = self.selected_post()
        if post is not None and self.confirm(self.confirmation_text(post)):
            self.delete_requested.emit(post.id)

    # --- state --------------------------------------------------------------------------------

    def _refresh_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.post_list.setVisible(not empty)
        self.delete_button.setEnabled(self.selected_post() is not None)
