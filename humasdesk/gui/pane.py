"""One account's pane: a coloured header that names the account, then its posts.

The pane shows one of three pages: signed out (with the sign-in action), signing
in (waiting for the browser, with Cancel), and the account's posts.

Signals:
    sign_in_requested(): the official asked to sign this slot in.
    sign_in_cancelled(): the official cancelled a sign-in in progress.
    sign_out_requested(): the official confirmed signing this slot out.
    credits_retry_requested(): the official pressed "Coba lagi" on the used-up credit notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Account, Post, Slot
from humasdesk.gui.theme import (
    EMPHASIS_SCALE,
    SLOT_COLOURS,
    SMALL_SCALE,
    TEXT_ON_SLOT,
    WARNING_COLOURS,
    follow_font,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from humasdesk.services.posting import Quota


WARM_UP_MODULES = (
    "humasdesk.gui.slot_desk",
    "humasdesk.gui.privacy.menu",
    "humasdesk.gui.composer",
    "humasdesk.gui.inbox_view",
    "humasdesk.gui.outbox_view",
    "humasdesk.gui.posts_view",
)


def warm_up() -> None:
    """Import the account page's modules and build the post-length rules (a large URL
    pattern) on a worker, so the first sign-in and the first keystroke do not stall the
    GUI thread. Creates no widgets. The desk's own modules come first: the GUI thread
    needs them as soon as the services are ready."""
    import importlib

    for module in WARM_UP_MODULES:
        importlib.import_module(module)
    from humasdesk.core.textlength import parse_post

    parse_post("Selamat pagi https://www.contoh.go.id #layanan @warga")


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
        follow_font(self)  # with a style sheet, it would keep the old size when the font changes
        self.avatar = QLabel("…", self)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        follow_font(self.avatar, bold=True)
        self.fit_avatar()
        self.name_label = QLabel(self)
        self.name_label.setObjectName("accountName")
        follow_font(self.name_label, EMPHASIS_SCALE, bold=True)
        self.name_label.setWordWrap(True)  # a long name at a large font must not widen the desk
        self.handle_label = QLabel(self)
        self.role_label = QLabel(self.role_text(), self)
        follow_font(self.role_label, bold=True)
        follow_font(self.handle_label)
        for label in (self.name_label, self.handle_label, self.role_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from X
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        follow_font(self.sign_out_button)
        self.sign_out_button.setVisible(False)
        self.quota_label = QLabel(self)
        self.quota_label.setObjectName("quotaLabel")
        follow_font(self.quota_label, SMALL_SCALE)
        self.quota_label.setWordWrap(True)  # wraps in a narrow pane instead of being cut

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name_label)
        names.addWidget(self.handle_label)
        names.addWidget(self.quota_label)
        side = QVBoxLayout()
        side.addWidget(self.role_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.avatar)
        row.addLayout(names, 1)
        row.addLayout(side)
        self.set_account(None)

    def fit_avatar(self) -> None:
        """Room for two bold initials at the current font size (large fonts, 200 % scaling)."""
        metrics = QFontMetrics(self.avatar.font())
        side = max(44, metrics.horizontalAdvance("MW") + 16, metrics.height() + 16)
        if self.avatar.width() == side and self.avatar.height() == side:
            return
        self.avatar.setFixedSize(side, side)
        self.avatar.setStyleSheet(
            f"border: 2px solid {TEXT_ON_SLOT}; border-radius: {side // 2}px;"
        )

    def changeEvent(self, event: QEvent) -> None:
        # The system font changed while the desk runs: the avatar's font already has.
        if event.type() == QEvent.Type.FontChange:
            self.fit_avatar()
        super().changeEvent(event)

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
    credits_retry_requested = Signal()

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
        follow_font(self.storage_warning)
        self.storage_warning.setVisible(False)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.offline_label = QLabel(self)
        self.offline_label.setObjectName("offlineLabel")
        self.offline_label.setTextFormat(Qt.TextFormat.PlainText)
        background, text = WARNING_COLOURS
        self.offline_label.setStyleSheet(
            f"#offlineLabel {{ background: {background}; color: {text}; padding: 4px; }}"
        )
        follow_font(self.offline_label, bold=True)
        self.offline_label.setVisible(False)

        # The agency's X credit used up: says so, who can top it up, and offers "Coba lagi".
        self.credits_notice = QFrame(self)
        self.credits_notice.setObjectName("creditsNotice")
        self.credits_notice.setStyleSheet(
            f"#creditsNotice {{ background: {background}; }}"
            f"#creditsNotice QLabel {{ color: {text}; }}"
        )
        self.credits_label = QLabel(self.credits_notice)
        self.credits_label.setObjectName("creditsLabel")
        self.credits_label.setWordWrap(True)
        self.credits_label.setTextFormat(Qt.TextFormat.PlainText)
        follow_font(self.credits_label)
        self.credits_retry_button = QPushButton(self.tr("Try again"), self.credits_notice)
        self.credits_retry_button.clicked.connect(self.credits_retry_requested)
        follow_font(self.credits_retry_button)
        notice_row = QHBoxLayout(self.credits_notice)
        notice_row.setContentsMargins(6, 4, 6, 4)
        notice_row.addWidget(self.credits_label, 1)
        notice_row.addWidget(self.credits_retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.credits_notice.setVisible(False)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_signed_out_page())
        self.pages.addWidget(self._build_signing_in_page())
        self.other_handle = ""  # the other pane's account, for messages
        self._quota: Quota | None = None
        self._cost: Decimal | None = None
        self._cost_month = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.storage_warning)
        layout.addWidget(self.offline_label)
        layout.addWidget(self.credits_notice)
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
            " padding: 8px 16px; border-radius: 4px;"
        )
        follow_font(self.sign_in_button, bold=True)
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_signing_in_page(self) -> QWidget:
        page = QWidget(self)
        self.waiting_text = self.tr(
            "Waiting for approval in the browser… Approve HumasDesk on the X page that "
            "opened, then come back here."
        )
        self.signing_in_label = QLabel(self.waiting_text, page)
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

    def _build_account_page(self) -> None:
        """Composer and tabs, built on the first sign-in (off the first-paint path)."""
        from humasdesk.gui.composer import Composer
        from humasdesk.gui.inbox_view import InboxView
        from humasdesk.gui.outbox_view import OutboxView
        from humasdesk.gui.posts_view import PostsView

        page = QWidget(self)
        # Created in layout order, which is the order Tab follows: the composer, the tab bar,
        # then the lists. (The tab widget and the views hand focus to a proxy, so their place
        # in the focus chain is set by when they are created, not by setTabOrder.)
        self.composer = Composer(self.slot, page)
        self.tabs = QTabWidget(page)
        self.inbox_view = InboxView(self.slot, page)
        self.posts_view = PostsView(self.slot, page)
        self.outbox_view = OutboxView(self.slot, page)
        self.tabs.setObjectName("paneTabs")
        if self.slot is Slot.OFFICE:
            self.tabs.setAccessibleName(self.tr("Office account: mentions, posts and outbox"))
        else:
            self.tabs.setAccessibleName(self.tr("Personal account: mentions, posts and outbox"))
        self.tabs.addTab(self.inbox_view, "")
        self.tabs.addTab(self.posts_view, self.tr("Posts"))
        self.tabs.addTab(self.outbox_view, "")
        self.inbox_view.unread_changed.connect(self.on_inbox_view_unread_changed)
        self.outbox_view.pending_changed.connect(self.on_outbox_view_pending_changed)
        self.on_inbox_view_unread_changed(0)
        self.on_outbox_view_pending_changed(0)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.composer)
        box.addWidget(self.tabs, 1)
        self.pages.addWidget(page)  # index 2

    def on_inbox_view_unread_changed(self, unread: int) -> None:
        text = (
            self.tr("Mentions (%1)").replace("%1", str(unread)) if unread else self.tr("Mentions")
        )
        self.tabs.setTabText(0, text)

    def on_outbox_view_pending_changed(self, pending: int) -> None:
        text = self.tr("Outbox (%1)").replace("%1", str(pending)) if pending else self.tr("Outbox")
        self.tabs.setTabText(2, text)

    def show_tab(self, name: str) -> None:
        pages = {"mentions": self.inbox_view, "posts": self.posts_view, "outbox": self.outbox_view}
        self.tabs.setCurrentWidget(pages[name])

    # --- states -----------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def show_loading(self) -> None:
        self.pages.setCurrentIndex(1 if self.pages.count() < 3 else 2)
        self.signing_in_progress.setVisible(True)
        self.cancel_sign_in_button.setVisible(False)
        self.signing_in_label.setText(self.tr("Signing in…"))
        self._status("")

    def show_signed_out(self, reason: str = "") -> None:
        self.account = None
        self.header.set_account(None)
        self._quota, self._cost, self._cost_month = None, None, ""
        self.header.quota_label.setText("")
        if self.pages.count() > 2:
            self.composer.set_handle("")
        self.offline_label.setVisible(False)
        self.show_credits("")
        self.pages.setCurrentIndex(0)
        self._status(reason or self.tr("Not signed in."))
        self.sign_in_button.setEnabled(True)

    def show_signing_in(self) -> None:
        self.pages.setCurrentIndex(1)
        self.signing_in_label.setText(self.waiting_text)
        self.cancel_sign_in_button.setVisible(True)
        self._status("")
        self.cancel_sign_in_button.setFocus()

    def show_account(self, account: Account) -> None:
        if self.pages.count() < 3:
            self._build_account_page()
        self.account = account
        self.header.set_account(account)
        self.posts_view.set_handle(account.username)
        self.pages.setCurrentIndex(2)
        self._status(self.tr("Loading posts…"))

    def show_posts(self, posts: Sequence[Post]) -> None:
        self.posts_view.set_posts(posts)
        self._status("")

    def show_error(self, message: str) -> None:
        self._status(message)

    def show_storage_warning(self, text: str) -> None:
        self.storage_warning.setText(text)
        self.storage_warning.setVisible(bool(text))

    def show_offline(self, waiting: int | None) -> None:
        """`waiting`: posts held back while X cannot be reached (None: online)."""
        if waiting is None:
            self.offline_label.setVisible(False)
            return
        self.offline_label.setText(
            self.tr("Offline — %1 post(s) waiting").replace("%1", str(waiting))
        )
        self.offline_label.setVisible(True)

    def show_credits(self, text: str) -> None:
        """The used-up credit notice (empty: credits are there, the notice goes)."""
        self.credits_label.setText(text)
        self.credits_notice.setVisible(bool(text))

    def show_quota(self, quota: Quota | None, cost: Decimal | None) -> None:
        """X's rate-limit state for posting and reading, and the agency's estimated X bill
        this month (both accounts: X bills the agency's developer account); with ``cost``
        None the figure shown stays."""
        self._quota = quota
        if cost is None:
            self.show_cost(self._cost, self._cost_month)
        else:
            self.show_cost(cost)

    def show_cost(self, cost: Decimal | None, month: str = "") -> None:
        """The agency's month estimate; within one ``month`` it only grows, so an answer
        that was computed earlier but arrives later does not show a stale, lower figure."""
        if cost is not None and month and month == self._cost_month and self._cost is not None:
            cost = max(cost, self._cost)
        self._cost, self._cost_month = cost, month
        quota = self._quota
        parts = []
        if quota is not None and quota.posting is not None:
            parts.append(
                self.tr("Posting: %1/%2 left")
                .replace("%1", str(quota.posting.remaining))
                .replace("%2", str(quota.posting.limit))
            )
        if quota is not None and quota.mentions is not None:
            parts.append(
                self.tr("Reading: %1/%2 left")
                .replace("%1", str(quota.mentions.remaining))
                .replace("%2", str(quota.mentions.limit))
            )
        if cost is not None:
            amount = QLocale().toString(float(cost), "f", 2)
            parts.append(self.tr("Agency's X cost this month ≈ US$%1").replace("%1", amount))
        self.header.quota_label.setText(" · ".join(parts))
