"""Confirmations that name the account in its colour: the office-post confirmation (the
account, its colour and the text, before queuing) and the yes/no questions before deleting a
post or signing an account out.

The classic government social-media incident is a personal post sent from the
office account; these dialogs make the account impossible to overlook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Account, Slot
from humasdesk.gui.fit import screen_of
from humasdesk.gui.modal import run_modal
from humasdesk.gui.theme import EMPHASIS_SCALE, SLOT_COLOURS, TEXT_ON_SLOT, follow_font

if TYPE_CHECKING:
    from humasdesk.core.compose import Draft

QWIDGETSIZE_MAX = 16777215  # Qt's largest widget size


class ConfirmPostDialog(QDialog):
    def __init__(
        self, slot: Slot, account: Account, draft: Draft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPostDialog")
        role = self.tr("Office account") if slot is Slot.OFFICE else self.tr("Personal account")
        handle = account.username
        self.band = band = account_band(slot, f"{role}: {account.name} (@{handle})", self)
        self.is_reply = draft.reply_to is not None
        if self.is_reply:
            self.setWindowTitle(self.tr("Reply as @%1?").replace("%1", handle))
            if draft.reply_author:
                asked = self.tr(
                    "This is a REPLY to @%1. It will be published from @%2 for everyone to see:"
                ).replace("%1", draft.reply_author)
            else:
                asked = self.tr(
                    "This is a REPLY. It will be published from @%2 for everyone to see:"
                )
            asked = asked.replace("%2", handle)
        else:
            self.setWindowTitle(self.tr("Send as @%1?").replace("%1", handle))
            asked = self.tr("This will be published from @%1 for everyone to see:").replace(
                "%1", handle
            )
        question = QLabel(asked, self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.question_label = question
        # The citizen's words being answered: plain text, they come from X.
        self.replied_label = QLabel(self)
        self.replied_label.setObjectName("repliedTo")
        self.replied_label.setTextFormat(Qt.TextFormat.PlainText)
        self.replied_label.setWordWrap(True)
        self.replied_label.setStyleSheet(
            f"#repliedTo {{ border-left: 4px solid {SLOT_COLOURS[slot]}; padding: 4px; }}"
        )
        if self.is_reply and draft.reply_author:
            said = " ".join(draft.reply_text.split())
            if len(said) > 280:
                said = said[:279] + "…"
            self.replied_label.setText(
                self.tr("@%1 wrote: “%2”").replace("%1", draft.reply_author).replace("%2", said)
            )
        self.replied_label.setVisible(bool(self.replied_label.text()))
        text = QPlainTextEdit(self)
        text.setPlainText("\n\n".join([draft.text, *draft.thread]))
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Text to be sent"))
        self.images = None
        if draft.images:
            from humasdesk.gui.image_dialogs import ImageStrip

            self.images_label = QLabel(
                self.tr("With %1 image(s), as shown:").replace("%1", str(len(draft.images))),
                self,
            )
            self.images = ImageStrip(draft.images, self)
        buttons = QDialogButtonBox(self)
        send = self.tr("Send reply as @%1") if self.is_reply else self.tr("Send as @%1")
        self.send_button = buttons.addButton(
            send.replace("%1", account.username),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button = buttons.addButton(
            self.tr("Back to editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setDefault(True)  # Enter does not publish by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(band)
        layout.addWidget(question)
        layout.addWidget(self.replied_label)
        layout.addWidget(text)
        if self.images is not None:
            layout.addWidget(self.images_label)
            layout.addWidget(self.images)
        layout.addWidget(buttons)
        self.fit_to_text()

    def fit_to_text(self) -> None:
        fit_to_band(self, self.band, 520, 320)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the official changed the system font
            self.fit_to_text()


def account_band(slot: Slot, text: str, parent: QWidget) -> QLabel:
    """The account named in large bold type on its colour (plain text: names are remote)."""
    band = QLabel(text, parent)
    band.setTextFormat(Qt.TextFormat.PlainText)
    band.setWordWrap(True)  # a long name at a large font: taller, not wider than the screen
    band.setObjectName("accountBand")
    band.setStyleSheet(
        f"#accountBand {{ background: {SLOT_COLOURS[slot]}; color: {TEXT_ON_SLOT};"
        " padding: 10px; }"
    )
    follow_font(band, EMPHASIS_SCALE, bold=True)
    return band


def fit_to_band(dialog: QDialog, band: QLabel, min_width: int, min_height: int) -> None:
    """As wide as the dialog's `band` on one line, but not wider than the screen: at a large
    font the band wraps and the dialog grows taller instead, so the account is never cut
    off."""
    layout = dialog.layout()
    outer = layout.contentsMargins()
    one_line = one_line_width(band) + outer.left() + outer.right()
    screen = screen_of(dialog).availableGeometry()
    width = min(max(min_width, one_line), screen.width() * 9 // 10)
    dialog.resize(width, max(min_height, layout.totalHeightForWidth(width)))


class AccountQuestionDialog(QDialog):
    """A yes/no question about one account (delete its post, sign it out), with the account
    in its colour on top. The safe answer is the default and Esc."""

    def __init__(
        self,
        slot: Slot,
        handle: str,
        title: str,
        text: str,
        *,
        yes_text: str,
        no_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountQuestionDialog")
        self.setWindowTitle(title)
        role = self.tr("Office account") if slot is Slot.OFFICE else self.tr("Personal account")
        self.band = account_band(slot, f"{role}: @{handle}" if handle else role, self)
        self.text_label = QLabel(text, self)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a post
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.yes_button = buttons.addButton(yes_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no_button = buttons.addButton(no_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.yes_button.setAutoDefault(False)
        self.no_button.setDefault(True)  # Enter keeps things as they are
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.band)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(buttons)
        self.no_button.setFocus()
        fit_to_band(self, self.band, 420, 180)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            fit_to_band(self, self.band, 420, 180)


def ask_for_account(
    parent: QWidget, slot: Slot, handle: str, title: str, text: str, *, yes: str, no: str
) -> bool:
    """Ask `text` about the account in `slot`; True only for the `yes` button."""
    dialog = AccountQuestionDialog(slot, handle, title, text, yes_text=yes, no_text=no,
                                   parent=parent)  # fmt: skip
    return run_modal(dialog) == QDialog.DialogCode.Accepted


def one_line_width(label: QLabel) -> int:
    """The narrowest width at which a word-wrapped label still shows its text on one line."""
    one_line = label.heightForWidth(QWIDGETSIZE_MAX)
    low, high = 1, QWIDGETSIZE_MAX
    while low < high:
        middle = (low + high) // 2
        if label.heightForWidth(middle) <= one_line:
            high = middle
        else:
            low = middle + 1
    return low


ConfirmPost = Callable[[QWidget, Slot, Account, "Draft"], bool]


def confirm_post(parent: QWidget, slot: Slot, account: Account, draft: Draft) -> bool:
    return run_modal(ConfirmPostDialog(slot, account, draft, parent)) == QDialog.DialogCode.Accepted
