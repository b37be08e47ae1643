"""The office-post confirmation: the account, its colour and the text, before queuing.

The classic government social-media incident is a personal post sent from the
office account; this dialog makes the account impossible to overlook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.models import Account, Slot
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT

if TYPE_CHECKING:
    from humasdesk.core.compose import Draft


class ConfirmPostDialog(QDialog):
    def __init__(
        self, slot: Slot, account: Account, draft: Draft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPostDialog")
        role = self.tr("Office account") if slot is Slot.OFFICE else self.tr("Personal account")
        self.setWindowTitle(self.tr("Send as @%1?").replace("%1", account.username))
        band = QLabel(f"{role}: {account.name} (@{account.username})", self)
        band.setTextFormat(Qt.TextFormat.PlainText)
        band.setObjectName("accountBand")
        band.setStyleSheet(
            f"#accountBand {{ background: {SLOT_COLOURS[slot]}; color: {TEXT_ON_SLOT};"
            " padding: 10px; font-weight: bold; font-size: 12pt; }"
        )
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
        self.resize(520, 320)


ConfirmPost = Callable[[QWidget, Slot, Account, "Draft"], bool]


def confirm_post(parent: QWidget, slot: Slot, account: Account, draft: Draft) -> bool:
    return ConfirmPostDialog(slot, account, draft, parent).exec() == QDialog.DialogCode.Accepted
