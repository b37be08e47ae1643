"""The office-post confirmation: the account, its colour and the text, before queuing.

The classic government social-media incident is a personal post sent from the
office account; this dialog makes the account impossible to overlook.
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
        self.setWindowTitle(self.tr("Send as @%1?").replace("%1", account.username))
        self.band = band = QLabel(f"{role}: {account.name} (@{account.username})", self)
        band.setTextFormat(Qt.TextFormat.PlainText)
        band.setWordWrap(True)  # a long name at a large font: taller, not wider than the screen
        band.setObjectName("accountBand")
        band.setStyleSheet(
            f"#accountBand {{ background: {SLOT_COLOURS[slot]}; color: {TEXT_ON_SLOT};"
            " padding: 10px; }"
        )
        follow_font(band, EMPHASIS_SCALE, bold=True)
        question = QLabel(
            self.tr("This will be published from @%1 for everyone to see:").replace(
                "%1", account.username
            ),
            self,
        )
        question.setWordWrap(True)
        text = QPlainTextEdit(self)
        text.setPlainText("\n\n".join([draft.text, *draft.thread]))
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Text to be sent"))
        if draft.images:
            question.setText(
                question.text()
                + " "
                + self.tr("(with %1 image(s))").replace("%1", str(len(draft.images)))
            )
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(
            self.tr("Send as @%1").replace("%1", account.username),
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
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.fit_to_text()

    def fit_to_text(self) -> None:
        """As wide as the band on one line, but not wider than the screen: at a large font the
        band wraps and the dialog grows taller instead, so the account is never cut off."""
        layout = self.layout()
        outer = layout.contentsMargins()
        one_line = one_line_width(self.band) + outer.left() + outer.right()
        screen = self.screen().availableGeometry()
        width = min(max(520, one_line), screen.width() * 9 // 10)
        self.resize(width, max(320, layout.totalHeightForWidth(width)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the official changed the system font
            self.fit_to_text()


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
    return ConfirmPostDialog(slot, account, draft, parent).exec() == QDialog.DialogCode.Accepted
