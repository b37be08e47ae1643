"""One account's pane: a coloured header that names the account, then its posts.

The pane shows one of three pages: signed out (with the sign-in action), signing
in (waiting for the browser, with Cancel), and the account's posts.

Signals:
    sign_in_requested(): the official asked to sign this slot in.
    sign_in_cancelled(): the official cancelled a sign-in in progress.
    sign_out_requested(): the official confirmed signing this slot out.
    credits_retry_requested(): the official pressed "Coba lagi" on the used-up credit notice.
    unread_changed(int): the number of unread mentions of this account changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
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
    from humasdesk.store.outbox_store import OutboxItem


WARM_UP_MODULES = (
    "humasdesk.gui.slot_desk",
    "humasdesk.gui.privacy.menu",
    "humasdesk.gui.composer",
    "humasdesk.gui.inbox_view",
    "humasdesk.gui.outbox_view",
    "humasdesk.gui.posts_view",
    # The dialogs, so their first opening does not wait for an import (bench/dialogs.py).
    "humasdesk.gui.confirm_dialog",
    "humasdesk.gui.image_dialogs",
    "humasdesk.gui.settings_dialog",
    "humasdesk.gui.export_dialog",
    "humasdesk.gui.log_view",
    "humasdesk.gui.privacy.requests_dialog",
    "humasdesk.gui.privacy.access_report_dialog",
    "humasdesk.gui.privacy.retention_dialog",
    "humasdesk.gui.privacy.breach_dialog",
    "humasdesk.gui.privacy.handover_dialog",
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


# The frame around the pane that has the keyboard (px); the others keep a thin grey one.
KEYBOARD_FRAME = 4
IDLE_FRAME_COLOUR = "#C9CED4"


def takes_keyboard_on_tab(widget: QWidget, top: QWidget) -> bool:
    """Whether Tab could stop at `widget` (Qt's own test in its focus-chain walk)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isVisibleTo(top)
        and widget.isEnabled()
    )


class CarriedOverNotice(QFrame):
    """What an earlier session left to send, each with its own *Batalkan*, shown at start
    before any of it goes out (the undo window starts again for them).

    Signals:
        cancel_requested(int): the official pressed Batalkan for this outbox item id.
        focus_left(): the row with the keyboard is about to go (its post went or was
            cancelled).
    """

    cancel_requested = Signal(int)
    focus_left = Signal()
    PREVIEW_CHARS = 70

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carriedOver")
        background, text = WARNING_COLOURS
        self.setStyleSheet(
            f"#carriedOver {{ background: {background}; border-left: 4px solid "
            f"{SLOT_COLOURS[slot]}; }} #carriedOver QLabel {{ color: {text}; }}"
        )
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        follow_font(self.title, bold=True)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.title)
        box.addLayout(self.rows_box)
        self.rows: dict[int, QWidget] = {}
        self.cancel_buttons: dict[int, QPushButton] = {}
        self.setVisible(False)

    def show_items(self, items: Sequence[OutboxItem]) -> None:
        for item in items:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = " ".join(item.text.split())
            if len(text) > self.PREVIEW_CHARS:
                text = text[: self.PREVIEW_CHARS - 1] + "…"
            label = QLabel(text, row)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip("")
            button = QPushButton(self.tr("Cancel"), row)
            button.setAccessibleName(self.tr("Cancel this post: %1").replace("%1", text))
            button.clicked.connect(lambda _=False, i=item.id: self.cancel_requested.emit(i))
            line.addWidget(label, 1)
            line.addWidget(button)
            self.rows_box.addWidget(row)
            self.rows[item.id] = row
            self.cancel_buttons[item.id] = button
        self._update_title()

    def keep_only(self, waiting_ids: set[int]) -> None:
        """Drop the rows of items that went out or were cancelled."""
        for item_id in [i for i in self.rows if i not in waiting_ids]:
            row = self.rows.pop(item_id)
            self.cancel_buttons.pop(item_id)
            focus = row.window().focusWidget()
            if focus is not None and row.isAncestorOf(focus):
                self.focus_left.emit()  # before the row goes: the pane says where to
            row.hide()
            row.deleteLater()
        self._update_title()

    def _update_title(self) -> None:
        self.title.setText(
            self.tr("%1 post(s) from the last session will be sent.").replace(
                "%1", str(len(self.rows))
            )
        )
        self.setVisible(bool(self.rows))


ARROW_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class PaneKeyboard(QObject):
    """Keeps the keyboard in its pane and tells each pane whether it has it.

    Qt's buttons and check boxes move the focus along the window's focus chain on an arrow
    key, and the chain runs from the last button of the office pane into the personal pane:
    an official pressing ↓ after *Aduan* typed into the other account. Here an arrow key on
    a button moves the keyboard within its pane only (and stops at the pane's first and last
    widget); a view under the button may use the key first (`on_arrow_key`, e.g. the inbox:
    ↓ goes to the next mention). Tab and Shift+Tab still cross panes, and the pane that
    receives the keyboard lights up before anything is typed.

    It follows the application's focus and watches the key presses of the focused widget."""

    def __init__(self, panes: list[AccountPane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self.on_app_focus_changed)

    def pane_of(self, widget: QWidget | None) -> AccountPane | None:
        for pane in self.panes:
            if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
                return pane
        return None

    def on_app_focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if now is None or now.window() is not self.panes[0].window():
            return  # a dialog or another window: the keyboard comes back where it was
        owner = self.pane_of(now)
        if owner is not None and isinstance(now, QAbstractButton):
            now.installEventFilter(self)  # installing again only moves it to the front
        for pane in self.panes:
            pane.set_has_keyboard(pane is owner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QAbstractButton)
            or event.key() not in ARROW_KEYS  # type: ignore[attr-defined]
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # type: ignore[attr-defined]
        ):
            return False
        pane = self.pane_of(watched)
        if pane is None:
            return False
        key = event.key()  # type: ignore[attr-defined]
        widget = watched.parentWidget()
        while widget is not None and widget is not pane:
            handler = getattr(widget, "on_arrow_key", None)
            if handler is not None and handler(watched, key):
                return True
            widget = widget.parentWidget()
        pane.move_focus_within(key in (Qt.Key.Key_Down, Qt.Key.Key_Right))
        return True


class AccountPane(QWidget):
    """A pane bound to one slot. It shows only what that slot's account does."""

    sign_in_requested = Signal()
    sign_in_cancelled = Signal()
    sign_out_requested = Signal()
    credits_retry_requested = Signal()
    unread_changed = Signal(int)

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.account: Account | None = None
        self.setObjectName(f"pane_{slot.value}")
        self.has_keyboard = False
        self.practice = False  # practice mode: the emulator, where nothing is billed
        self.header = AccountHeader(slot, self)
        self.header.sign_out_button.clicked.connect(self.sign_out_requested)

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

        self.carried_over = CarriedOverNotice(slot, self)
        self.carried_over.focus_left.connect(self.on_carried_over_focus_left)
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
        self._metrics_cost = ""  # issue 16: reading the posts' numbers against the budget

        layout = QVBoxLayout(self)
        margin = KEYBOARD_FRAME + 4
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.header)
        layout.addWidget(self.offline_label)
        layout.addWidget(self.carried_over)
        layout.addWidget(self.credits_notice)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pages, 1)
        self.show_loading()

    # --- the keyboard -----------------------------------------------------------------------

    def on_carried_over_focus_left(self) -> None:
        """A cancelled post's text comes back to the composer: the keyboard goes there."""
        if self.pages.count() > 2:
            self.composer.parts[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_has_keyboard(self, on: bool) -> None:
        """The keyboard is in this pane: a frame in the account's colour says so."""
        if on == self.has_keyboard:
            return
        self.has_keyboard = on
        self.update()

    def keyboard_frame_colour(self) -> str:
        return SLOT_COLOURS[self.slot] if self.has_keyboard else IDLE_FRAME_COLOUR

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        width = KEYBOARD_FRAME if self.has_keyboard else 1
        pen = QPen(QColor(self.keyboard_frame_colour()))
        pen.setWidth(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        inset = width / 2
        painter.drawRect(self.rect().toRectF().adjusted(inset, inset, -inset, -inset))
        painter.end()

    def move_focus_within(self, forward: bool) -> bool:
        """Give the keyboard to the next (or previous) widget of this pane in Tab order; at
        the pane's first or last widget the keyboard stays where it is."""
        start = self.window().focusWidget()
        if start is None or not self.isAncestorOf(start):
            return False
        order = self.tab_order()
        if start not in order:
            return True
        index = order.index(start) + (1 if forward else -1)
        if 0 <= index < len(order):
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            order[index].setFocus(reason)
        return True

    def tab_order(self) -> list[QWidget]:
        """This pane's widgets that Tab stops at, in Tab order (the window's focus chain)."""
        top = self.window()
        order: list[QWidget] = []
        widget = top.nextInFocusChain()
        for _ in range(10_000):  # the chain is a ring through the window; a guard all the same
            if widget is top:
                break
            if self.isAncestorOf(widget) and takes_keyboard_on_tab(widget, top):
                order.append(widget)
            widget = widget.nextInFocusChain()
        return order

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
        self.unread_changed.emit(unread)

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
        self._metrics_cost = ""
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
        if self.practice:
            # The emulator bills nobody: its figure is what real X would charge, and says so.
            if cost is None:
                parts.append(self.tr("Practice Mode: not billed"))
            else:
                amount = QLocale().toString(float(cost), "f", 2)
                parts.append(
                    self.tr("Practice Mode, not billed: on the real X ≈ US$%1").replace(
                        "%1", amount
                    )
                )
        elif cost is not None:
            amount = QLocale().toString(float(cost), "f", 2)
            parts.append(self.tr("Agency's X cost this month ≈ US$%1").replace("%1", amount))
        if self._metrics_cost:
            parts.append(self._metrics_cost)
        self.header.quota_label.setText(" · ".join(parts))

    def show_metrics_cost(self, text: str) -> None:
        """What reading the posts' numbers cost this month against the budget, or that the
        budget is used up (issue 16; `gui.reach_view` words it)."""
        self._metrics_cost = text
        self.show_cost(self._cost, self._cost_month)
