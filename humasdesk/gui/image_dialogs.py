"""The images of a post as the official sees them before it goes out: small previews with
their descriptions, and the alt-text prompt that says which image it is for.

The prompt moves on like a form: Enter saves (Shift+Enter starts a new line), Tab goes to the
buttons; it does not type a tab or a line break into the description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.media import MAX_ALT_TEXT, ImageAttachment
from humasdesk.gui.modal import run_modal

THUMB_PX = 96


def image_name(image: ImageAttachment) -> str:
    return (image.path or "").replace("\\", "/").rsplit("/", 1)[-1]


def thumbnail(image: ImageAttachment, size: int = THUMB_PX) -> QPixmap:
    """A preview of the image (an empty pixmap when it cannot be read)."""
    pixmap = QPixmap()
    if image.data is not None:
        pixmap.loadFromData(image.data)
    elif image.path:
        pixmap.load(image.path)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class ImageStrip(QWidget):
    """The post's images side by side, each with its description under it."""

    def __init__(self, images: Sequence[ImageAttachment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageStrip")
        self.previews: list[QLabel] = []
        self.captions: list[QLabel] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for number, image in enumerate(images, start=1):
            column = QVBoxLayout()
            preview = QLabel(self)
            preview.setPixmap(thumbnail(image))
            preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            preview.setFixedSize(THUMB_PX + 4, THUMB_PX + 4)
            preview.setAccessibleName(self.tr("Image %1").replace("%1", str(number)))
            caption = QLabel(image.alt_text or self.tr("(no description)"), self)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setWordWrap(True)
            caption.setMaximumWidth(THUMB_PX + 40)
            column.addWidget(preview, 0, Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
            column.addStretch(1)
            row.addLayout(column)
            self.previews.append(preview)
            self.captions.append(caption)
        row.addStretch(1)


class AltTextDialog(QDialog):
    """Asks for one image's description, naming the image (number, file, preview)."""

    def __init__(
        self,
        image: ImageAttachment,
        number: int,
        count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("altTextDialog")
        self.setWindowTitle(self.tr("Image description"))
        name = image_name(image)
        which = self.tr("Image %1 of %2").replace("%1", str(number)).replace("%2", str(count))
        self.which_label = QLabel(f"{which}: {name}" if name else which, self)
        self.which_label.setTextFormat(Qt.TextFormat.PlainText)
        self.which_label.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setPixmap(thumbnail(image, 160))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(which)
        prompt = QLabel(
            self.tr(
                "Describe the image for readers who cannot see it (alt text). "
                "Enter saves; Shift+Enter starts a new line."
            ),
            self,
        )
        prompt.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(image.alt_text)
        self.edit.setTabChangesFocus(True)  # Tab moves on to the buttons
        self.edit.setAccessibleName(self.tr("Description of %1").replace("%1", which))
        self.edit.installEventFilter(self)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.limit_label = QLabel(self)
        self.limit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save description"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self.on_edit_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.which_label)
        layout.addWidget(self.preview)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.buttons)
        self.on_edit_text_changed()
        self.edit.setFocus()
        self.resize(460, self.sizeHint().height())

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def on_edit_text_changed(self) -> None:
        over = len(self.edit.toPlainText()) > MAX_ALT_TEXT
        self.limit_label.setText(
            self.tr("The description is longer than %1 characters.").replace(
                "%1", f"{MAX_ALT_TEXT:,}".replace(",", ".")
            )
            if over
            else ""
        )
        self.limit_label.setVisible(over)
        self.save_button.setEnabled(not over)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
                if self.save_button.isEnabled():
                    self.accept()
                return True
        return super().eventFilter(watched, event)


def ask_alt_text(parent: QWidget, image: ImageAttachment, number: int, count: int) -> str | None:
    """The description typed, or None when the official cancelled."""
    dialog = AltTextDialog(image, number, count, parent)
    if run_modal(dialog) == QDialog.DialogCode.Accepted:
        return dialog.text()  # deleted later, on the next pass of the event loop
    return None
