"""One account's pane: a coloured header that names the account, then its posts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Account, Post, Slot
from humasdesk.gui.post_model import PostListModel
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT


def initials(name: str) -> str:
    parts = [p for p in name.split() if p[:1].isalnum()]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


class AccountHeader(QFrame):
    """Colour band with avatar initials, name, @handle and the slot's role."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        colour = SLOT_COLOURS[slot]
        self.setObjectName("accountHeader")
        self.setStyleSheet(
            f"#accountHeader {{ background: {colour}; border-radius: 4px; }}"
            f"#accountHeader QLabel {{ color: {TEXT_ON_SLOT}; }}"
        )
        self.avatar = QLabel("…", self)
        self.avatar.setFixedSize(44, 44)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.avatar.setStyleSheet(
            f"border: 2px solid {TEXT_ON_SLOT}; border-radius: 22px; font-weight: bold;"
        )
        self.name_label = QLabel(self)
        self.name_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.handle_label = QLabel(self)
        self.role_label = QLabel(self.role_text(), self)
        self.role_label.setStyleSheet("font-weight: bold;")
        for label in (self.name_label, self.handle_label, self.role_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from X

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name_label)
        names.addWidget(self.handle_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.avatar)
        row.addLayout(names, 1)
        row.addWidget(self.role_label, 0, Qt.AlignmentFlag.AlignTop)
        self.set_account(None)

    def role_text(self) -> str:
        return (
            self.tr("Office account") if self.slot is Slot.OFFICE else self.tr("Personal account")
        )

    def set_account(self, account: Account | None) -> None:
        if account is None:
            self.avatar.setText("…")
            self.name_label.setText(self.role_text())
            self.handle_label.setText(self.tr("Not signed in"))
        else:
            self.avatar.setText(initials(account.name))
            self.name_label.setText(account.name)
            self.handle_label.setText(f"@{account.username}")
        self.setAccessibleName(
            f"{self.role_text()}: {self.name_label.text()} {self.handle_label.text()}"
        )


class AccountPane(QWidget):
    """A pane bound to one slot. It shows only what that slot's account does."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.account: Account | None = None
        self.setObjectName(f"pane_{slot.value}")
        self.header = AccountHeader(slot, self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.posts_title = QLabel(self.tr("Recent posts"), self)
        self.posts_title.setStyleSheet("font-weight: bold;")
        self.post_model = PostListModel(self)
        self.post_list = QListView(self)
        self.post_list.setModel(self.post_model)
        self.post_list.setWordWrap(True)
        # Re-lay out rows on resize, or wrapped posts get cut off with an ellipsis.
        self.post_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.post_list.setAlternatingRowColors(True)
        self.post_list.setSpacing(2)
        self.post_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.post_list.setAccessibleName(self.tr("Recent posts"))
        self.posts_title.setBuddy(self.post_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.status_label)
        layout.addWidget(self.posts_title)
        layout.addWidget(self.post_list, 1)
        self.show_loading()

    def show_loading(self) -> None:
        self.status_label.setText(self.tr("Signing in…"))
        self.status_label.setVisible(True)

    def show_signed_out(self) -> None:
        self.account = None
        self.header.set_account(None)
        self.post_model.set_posts([])
        self.status_label.setText(self.tr("Not signed in."))
        self.status_label.setVisible(True)

    def show_account(self, account: Account) -> None:
        self.account = account
        self.header.set_account(account)
        self.status_label.setText(self.tr("Loading posts…"))
        self.status_label.setVisible(True)

    def show_posts(self, posts: Sequence[Post]) -> None:
        self.post_model.set_posts(posts)
        if posts:
            self.status_label.setVisible(False)
        else:
            self.status_label.setText(self.tr("No posts yet."))
            self.status_label.setVisible(True)

    def show_error(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setVisible(True)
