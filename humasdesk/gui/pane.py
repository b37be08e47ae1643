"""One account's pane: a coloured header that names the account, then its posts.

The pane shows one of three pages: signed out (with the sign-in action), signing
in (waiting for the browser, with Cancel), and the account's posts.

Signals:
    sign_in_requested(): the official asked to sign this slot in.
    sign_in_cancelled(): the official cancelled a sign-in in progress.
    sign_out_requested(): the official confirmed signing this slot out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Account, Post, Slot
from humasdesk.gui.post_model import PostListModel
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT, WARNING_COLOURS


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
            f"#accountHeader QPushButton {{ color: {TEXT_ON_SLOT}; background: transparent;"
            f" border: 1px solid {TEXT_ON_SLOT}; border-radius: 3px; padding: 2px 8px; }}"
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
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setVisible(False)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name_label)
        names.addWidget(self.handle_label)
        side = QVBoxLayout()
        side.addWidget(self.role_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.avatar)
        row.addLayout(names, 1)
        row.addLayout(side)
        self.set_account(None)

    def role_text(self) -> str:
        if self.slot is Slot.OFFICE:
            return self.tr("Office account")
        return self.tr("Personal account")

    def set_account(self, account: Account | None) -> None:
        if account is None:
            self.avatar.setText("…")
            self.name_label.setText(self.tr("Not signed in"))
            self.handle_label.setText("")
        else:
            self.avatar.setText(initials(account.name))
            self.name_label.setText(account.name)
            self.handle_label.setText(f"@{account.username}")
            self.sign_out_button.setAccessibleName(
                self.tr("Sign out @%1").replace("%1", account.username)
            )
        self.sign_out_button.setVisible(account is not None)
        self.setAccessibleName(
            f"{self.role_text()}: {self.name_label.text()} {self.handle_label.text()}"
        )


class AccountPane(QWidget):
    """A pane bound to one slot. It shows only what that slot's account does."""

    sign_in_requested = Signal()
    sign_in_cancelled = Signal()
    sign_out_requested = Signal()

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.account: Account | None = None
        self.setObjectName(f"pane_{slot.value}")
        self.header = AccountHeader(slot, self)
        self.header.sign_out_button.clicked.connect(self.sign_out_requested)

        self.storage_warning = QLabel(self)
        self.storage_warning.setObjectName("storageWarning")
        self.storage_warning.setWordWrap(True)
        self.storage_warning.setTextFormat(Qt.TextFormat.PlainText)
        background, text = WARNING_COLOURS
        self.storage_warning.setStyleSheet(
            f"#storageWarning {{ background: {background}; color: {text}; padding: 6px; }}"
        )
        self.storage_warning.setVisible(False)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_signed_out_page())
        self.pages.addWidget(self._build_signing_in_page())
        self.pages.addWidget(self._build_posts_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.storage_warning)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pages, 1)
        self.show_loading()

    # --- pages ------------------------------------------------------------------------------

    def _build_signed_out_page(self) -> QWidget:
        page = QWidget(self)
        if self.slot is Slot.OFFICE:
            text = self.tr("Sign in to the office account")
        else:
            text = self.tr("Sign in to the personal account")
        self.sign_in_button = QPushButton(text, page)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setStyleSheet(
            f"background: {SLOT_COLOURS[self.slot]}; color: {TEXT_ON_SLOT};"
            " padding: 8px 16px; font-weight: bold; border-radius: 4px;"
        )
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_signing_in_page(self) -> QWidget:
        page = QWidget(self)
        self.signing_in_label = QLabel(
            self.tr(
                "Waiting for approval in the browser… Approve HumasDesk on the X page that "
                "opened, then come back here."
            ),
            page,
        )
        self.signing_in_label.setWordWrap(True)
        self.signing_in_progress = QProgressBar(page)
        self.signing_in_progress.setRange(0, 0)  # busy: we cannot know how long the official takes
        self.signing_in_progress.setAccessibleName(self.tr("Signing in"))
        self.cancel_sign_in_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_sign_in_button.clicked.connect(self.sign_in_cancelled)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.signing_in_label)
        box.addWidget(self.signing_in_progress)
        box.addWidget(self.cancel_sign_in_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_posts_page(self) -> QWidget:
        page = QWidget(self)
        self.posts_title = QLabel(self.tr("Recent posts"), page)
        self.posts_title.setStyleSheet("font-weight: bold;")
        self.post_model = PostListModel(self)
        self.post_list = QListView(page)
        self.post_list.setModel(self.post_model)
        self.post_list.setWordWrap(True)
        # Re-lay out rows on resize, or wrapped posts get cut off with an ellipsis.
        self.post_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.post_list.setAlternatingRowColors(True)
        self.post_list.setSpacing(2)
        self.post_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.post_list.setAccessibleName(self.tr("Recent posts"))
        self.posts_title.setBuddy(self.post_list)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.posts_title)
        box.addWidget(self.post_list, 1)
        return page

    # --- states -----------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def show_loading(self) -> None:
        self.pages.setCurrentIndex(2)
        self._status(self.tr("Signing in…"))

    def show_signed_out(self, reason: str = "") -> None:
        self.account = None
        self.header.set_account(None)
        self.post_model.set_posts([])
        self.pages.setCurrentIndex(0)
        self._status(reason or self.tr("Not signed in."))
        self.sign_in_button.setEnabled(True)

    def show_signing_in(self) -> None:
        self.pages.setCurrentIndex(1)
        self._status("")
        self.cancel_sign_in_button.setFocus()

    def show_account(self, account: Account) -> None:
        self.account = account
        self.header.set_account(account)
        self.pages.setCurrentIndex(2)
        self._status(self.tr("Loading posts…"))

    def show_posts(self, posts: Sequence[Post]) -> None:
        self.post_model.set_posts(posts)
        self._status("" if posts else self.tr("No posts yet."))

    def show_error(self, message: str) -> None:
        self._status(message)

    def show_storage_warning(self, text: str) -> None:
        self.storage_warning.setText(text)
        self.storage_warning.setVisible(bool(text))
