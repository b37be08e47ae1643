"""A pane's composer: plain text, the weighted counter, images with alt text, a thread,
reply context, and a send button that names the account.

The composer only checks and asks; the controller queues. Signals:
    send_requested(Draft): the official asked to send what the composer holds.
    draft_changed(Draft): the text, images or options changed (saved, debounced).
    reply_cancelled(): the official dropped the reply context.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.compose import ComposeCheck, ComposeProblem, Draft, check_post
from humasdesk.core.media import MAX_IMAGES, ImageAttachment, may_add
from humasdesk.core.models import Slot
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT, follow_font

IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp"
_WARN, _OVER = "#7A4B00", "#8A1C12"


def problem_text(problem: ComposeProblem) -> str:
    return {
        ComposeProblem.EMPTY: QCoreApplication.translate("Composer", "Write something to send."),
        ComposeProblem.TOO_LONG: QCoreApplication.translate(
            "Composer", "The post is longer than X allows."
        ),
        ComposeProblem.INVALID_CHARACTERS: QCoreApplication.translate(
            "Composer", "The text holds characters that X refuses."
        ),
        ComposeProblem.TOO_MANY_IMAGES: QCoreApplication.translate(
            "Composer", "X allows at most 4 images per post."
        ),
        ComposeProblem.IMAGE_MISSING_ALT: QCoreApplication.translate(
            "Composer", "Each image needs a description (alt text) for readers who cannot see it."
        ),
        ComposeProblem.IMAGE_UNSUPPORTED: QCoreApplication.translate(
            "Composer", "Only PNG, JPEG, GIF and WebP images can be posted."
        ),
        ComposeProblem.IMAGE_TOO_LARGE: QCoreApplication.translate(
            "Composer", "An image is too large for X (at most 15 MB)."
        ),
        ComposeProblem.GIF_WITH_PHOTOS: QCoreApplication.translate(
            "Composer",
            "X takes up to 4 photos or 1 GIF in one post, not both: remove the GIF or the "
            "photos. Nothing has been uploaded.",
        ),
        ComposeProblem.TOO_MANY_GIFS: QCoreApplication.translate(
            "Composer", "X takes only 1 GIF per post: remove the others."
        ),
        ComposeProblem.VIDEO_UNSUPPORTED: QCoreApplication.translate(
            "Composer", "HumasDesk cannot post video; post it from the X app."
        ),
        ComposeProblem.MEDIA_ON_QUOTE: QCoreApplication.translate(
            "Composer", "X does not take images on a quote post: remove the images."
        ),
        ComposeProblem.ALT_TOO_LONG: QCoreApplication.translate(
            "Composer", "An image description is longer than 1,000 characters."
        ),
    }[problem]


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to a new line when the pane is narrow
    (longer translations, large system fonts, 200 % scaling), instead of forcing the window
    wider. The last item stays at the right edge of its line (the send button)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._shown()) + self.spacing() * max(
            0, len(self._shown()) - 1
        )
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        items = self._shown()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in items:
            w = item.sizeHint().width()
            if lines[-1] and x + w > rect.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += w + self.spacing()
        y = rect.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            if move:
                x = rect.x()
                for item in line:
                    hint = item.sizeHint()
                    width = min(hint.width(), rect.width())
                    if item is items[-1]:
                        x = max(x, rect.right() + 1 - width)
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2),
                                           QSize(width, hint.height())))  # fmt: skip
                    x += width + self.spacing()
            y += height + self.spacing()
        return max(0, y - rect.y() - self.spacing())


EDIT_LINES = 5
DRAFT_SAVE_MS = 800


class PostEditor(QWidget):
    """One post's text with its counter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Write a post…"))
        self.edit.setAccessibleName(self.tr("Post text"))
        self._fit_edit_height()
        self.counter = QLabel(self)
        self.counter.setAccessibleName(self.tr("Characters used"))
        self.counter_font = follow_font(self.counter)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.edit)
        box.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)

    def _fit_edit_height(self) -> None:
        """Room for about five lines of the current font (84 px at the usual 9 pt), so a
        larger system font does not shrink what the official can see of the post."""
        frame = 2 * self.edit.frameWidth()
        margins = int(2 * self.edit.document().documentMargin())
        lines = EDIT_LINES * self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(lines + frame + margins)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_edit_height()
        super().changeEvent(event)

    def text(self) -> str:
        return self.edit.toPlainText()

    def show_check(self, check: ComposeCheck) -> None:
        self.counter.setText(f"{check.weighted_length}/{check.max_length}")
        colour = _OVER if check.remaining < 0 else _WARN if check.near_limit else ""
        self.counter.setStyleSheet(f"color: {colour};" if colour else "")
        self.counter_font.set_bold(bool(colour))


class Composer(QWidget):
    send_requested = Signal(object)
    draft_changed = Signal(object)
    reply_cancelled = Signal()

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.handle = ""
        self.reply_to: str | None = None
        self.reply_author = ""
        self.reply_text = ""
        self.quote_of: str | None = None  # X takes no media on a quote post
        self.images: list[ImageAttachment] = []
        self.parts: list[PostEditor] = []
        self._loading = False

        self.reply_banner = QLabel(self)
        self.reply_banner.setTextFormat(Qt.TextFormat.PlainText)  # a citizen's words
        self.reply_banner.setWordWrap(True)
        self.reply_banner.setObjectName("replyBanner")
        self.reply_banner.setStyleSheet(
            f"#replyBanner {{ border-left: 4px solid {SLOT_COLOURS[slot]}; padding: 4px; }}"
        )
        follow_font(self.reply_banner)
        self.cancel_reply_button = QToolButton(self)
        self.cancel_reply_button.setText("×")
        self.cancel_reply_button.setAccessibleName(self.tr("Cancel the reply"))
        self.cancel_reply_button.clicked.connect(self.on_cancel_reply_button_clicked)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_banner, 1)
        reply_row.addWidget(self.cancel_reply_button, 0, Qt.AlignmentFlag.AlignTop)
        self.reply_row = QWidget(self)
        self.reply_row.setLayout(reply_row)
        self.reply_row.setVisible(False)

        self.parts_box = QVBoxLayout()
        self.parts_box.setSpacing(4)

        self.image_list = QListWidget(self)
        self.image_list.setAccessibleName(self.tr("Images"))
        self.image_list.setMaximumHeight(70)
        self.image_list.setVisible(False)
        self.image_list.itemActivated.connect(self.on_image_list_item_activated)

        self.add_image_button = QPushButton(self.tr("Add image…"), self)
        self.add_image_button.clicked.connect(self.on_add_image_button_clicked)
        self.remove_image_button = QPushButton(self.tr("Remove image"), self)
        self.remove_image_button.clicked.connect(self.on_remove_image_button_clicked)
        self.remove_image_button.setVisible(False)
        self.add_part_button = QPushButton(self.tr("Add to thread"), self)
        self.add_part_button.clicked.connect(self.on_add_part_button_clicked)
        self.official_capacity = QCheckBox(self.tr("Official capacity (kapasitas jabatan)"), self)
        self.official_capacity.setToolTip(
            self.tr("Said as an official: included in the supervisor's report.")
        )
        self.official_capacity.setVisible(slot is Slot.PERSONAL)
        self.official_capacity.toggled.connect(self.on_content_changed)

        # issue 17: wording that does not fit the account (logic in core/wording.py)
        from humasdesk.gui.aduan.wording_line import WordingLine

        self.wording = WordingLine(slot, self)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {_OVER};")
        follow_font(self.problems_label)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setStyleSheet(
            f"#sendButton {{ background: {SLOT_COLOURS[slot]}; color: {TEXT_ON_SLOT};"
            " padding: 6px 14px; border-radius: 4px; }"
            "#sendButton:disabled { background: #9AA3AD; }"
        )
        follow_font(self.send_button, bold=True)
        self.send_button.clicked.connect(self.on_send_button_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.on_send_button_clicked)
        enter = QShortcut(QKeySequence("Ctrl+Enter"), self)
        enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enter.activated.connect(self.on_send_button_clicked)

        tools = FlowLayout()
        tools.addWidget(self.add_image_button)
        tools.addWidget(self.remove_image_button)
        tools.addWidget(self.add_part_button)
        tools.addWidget(self.official_capacity)
        tools.addWidget(self.send_button)  # the last item: kept at the right edge

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.reply_row)
        layout.addLayout(self.parts_box)
        layout.addWidget(self.image_list)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.wording)
        layout.addLayout(tools)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(DRAFT_SAVE_MS)  # save drafts while typing, not per key
        self._save_timer.timeout.connect(lambda: self.draft_changed.emit(self.draft()))
        self._add_part()
        self.set_handle("")
        # Tab follows the layout: the text (created last) before the buttons under it.
        order: list[QWidget] = [
            self.cancel_reply_button,
            self.parts[0].edit,
            self.image_list,
            self.add_image_button,
            self.remove_image_button,
            self.add_part_button,
            self.official_capacity,
            self.send_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    # --- content ----------------------------------------------------------------------------

    def _add_part(self) -> PostEditor:
        editor = PostEditor(self)
        colour = SLOT_COLOURS[self.slot]
        # The text that has the keyboard is framed in the account's colour.
        editor.edit.setStyleSheet(
            "QPlainTextEdit { border: 1px solid #9AA3AD; border-radius: 3px; }"
            f"QPlainTextEdit:focus {{ border: 2px solid {colour}; }}"
        )
        editor.edit.setPlaceholderText(self.placeholder())
        follow_font(editor.edit)  # with a style sheet, it would keep its size on a font change
        editor.edit.textChanged.connect(self.on_content_changed)
        if self.parts:  # a further post of a thread: Tab reaches it after the one above
            QWidget.setTabOrder(self.parts[-1].edit, editor.edit)
        self.parts.append(editor)
        self.parts_box.addWidget(editor)
        return editor

    def set_handle(self, handle: str) -> None:
        self.handle = handle
        self.send_button.setText(self.tr("Send as @%1").replace("%1", handle) if handle else
                                 self.tr("Send"))  # fmt: skip
        for part in self.parts:
            part.edit.setPlaceholderText(self.placeholder())
        self.refresh()

    def placeholder(self) -> str:
        """Names the account in the empty text, so whoever lands here (by Tab, by a click)
        reads whose post it is before typing."""
        handle = getattr(self, "handle", "")
        if not handle:
            return self.tr("Write a post…")
        if self.slot is Slot.OFFICE:
            text = self.tr("Write a post as @%1 (office account)…")
        else:
            text = self.tr("Write a post as @%1 (personal account)…")
        return text.replace("%1", handle)

    def draft(self) -> Draft:
        texts = [p.text() for p in self.parts]
        return Draft(
            slot=self.slot,
            text=texts[0],
            reply_to=self.reply_to,
            quote_of=self.quote_of,
            images=tuple(self.images),
            official_capacity=self.official_capacity.isChecked(),
            thread=tuple(texts[1:]),
            reply_author=self.reply_author,
            reply_text=self.reply_text,
        )

    def load_draft(self, draft: Draft, reply_preview: str = "") -> None:
        # A save still pending is for the content being replaced: after a post was queued
        # it would write the sent text back as the draft (and the next start would offer it
        # again, to be posted twice).
        self._save_timer.stop()
        self._loading = True
        try:
            while len(self.parts) > 1:
                self.parts.pop().deleteLater()
            self.parts[0].edit.setPlainText(draft.text)
            for text in draft.thread:
                self._add_part().edit.setPlainText(text)
            self.images = list(draft.images)
            self.quote_of = draft.quote_of
            self.official_capacity.setChecked(draft.official_capacity)
            self.set_reply(
                draft.reply_to, reply_preview, author=draft.reply_author, text=draft.reply_text
            )
        finally:
            self._loading = False
        self.refresh()

    def clear(self) -> None:
        self.load_draft(Draft(slot=self.slot))

    def set_draft_delay(self, ms: int) -> None:
        """How long after the last change the draft is saved."""
        self._save_timer.setInterval(ms)

    def take_pending_draft(self) -> Draft | None:
        """The draft, if a save of it is still pending (the desk is closing: it is saved
        now, not after the debounce)."""
        if not self._save_timer.isActive():
            return None
        self._save_timer.stop()
        return self.draft()

    def save_draft_soon(self) -> None:
        """The content stays in the composer (refused, or the queueing failed): keep it as
        the draft again."""
        self._save_timer.start()

    def set_reply(
        self, post_id: str | None, preview: str = "", *, author: str = "", text: str = ""
    ) -> None:
        """Answer the post `post_id` (None: no reply). `author` and `text` are the citizen's
        handle and words, shown in the confirmation."""
        self.reply_to = post_id
        self.reply_author = author if post_id is not None else ""
        self.reply_text = text if post_id is not None else ""
        if not preview and author:
            preview = f"@{author}: {text[:120]}"
        self.reply_banner.setText(self.tr("Replying to: %1").replace("%1", preview))
        self.reply_row.setVisible(post_id is not None)
        self.add_part_button.setEnabled(post_id is None)

    def add_image(self, image: ImageAttachment) -> None:
        self.images.append(image)
        self.on_content_changed()

    # --- checks -----------------------------------------------------------------------------

    def checks(self) -> list[ComposeCheck]:
        return [
            check_post(
                p.text(),
                self.images if i == 0 else (),
                reply_to=self.reply_to,
                quote_of=self.quote_of if i == 0 else None,
            )
            for i, p in enumerate(self.parts)
        ]

    def refresh(self) -> None:
        checks = self.checks()
        problems: list[ComposeProblem] = []
        for editor, check in zip(self.parts, checks, strict=True):
            editor.show_check(check)
            problems.extend(p for p in check.problems if p not in problems)
        self.image_list.clear()
        for image in self.images:
            name = (image.path or "").rsplit("/", 1)[-1] or self.tr("image")
            alt = image.alt_text or self.tr("(no description yet)")
            QListWidgetItem(f"{name} — {alt}", self.image_list)
        self.image_list.setVisible(bool(self.images))
        self.remove_image_button.setVisible(bool(self.images))
        self.add_image_button.setEnabled(may_add(self.images) and self.quote_of is None)
        shown = [p for p in problems if p is not ComposeProblem.EMPTY]
        lines = [problem_text(p) for p in shown]
        if ComposeProblem.EMPTY in problems and any(p.text() for p in self.parts):
            # Typed, but only spaces or line breaks: the grey button alone does not say why.
            lines.insert(0, self.tr("The post holds only spaces; write some words to send it."))
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))
        self.wording.check([p.text() for p in self.parts])
        self.send_button.setEnabled(bool(self.handle) and all(c.ok for c in checks))

    def on_content_changed(self) -> None:
        self.refresh()
        if not self._loading:
            self._save_timer.start()

    # --- actions ----------------------------------------------------------------------------

    def on_send_button_clicked(self) -> None:
        self.refresh()
        if self.send_button.isEnabled() and self.wording.may_send():
            # The content now goes to the outbox, which clears the draft; a save still
            # pending would run after that on the busy worker and bring the text back.
            self._save_timer.stop()
            self.send_requested.emit(self.draft())

    def on_cancel_reply_button_clicked(self) -> None:
        self.set_reply(None)
        self.reply_cancelled.emit()
        self.on_content_changed()

    def on_add_part_button_clicked(self) -> None:
        self._add_part().edit.setFocus()
        self.refresh()

    def on_add_image_button_clicked(self) -> None:
        from humasdesk.gui.file_dialogs import choose_files_to_open

        paths = choose_files_to_open(
            self, self.tr("Add image"), self.tr("Images (%1)").replace("%1", IMAGE_FILTER)
        )
        skipped = max(0, len(self.images) + len(paths) - MAX_IMAGES)
        taken = paths[: len(paths) - skipped]
        count = len(self.images) + len(taken)
        for path in taken:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(16 * 1024 * 1024)
            except OSError:
                self.show_notice(self.tr("The file could not be read."))
                continue
            image = ImageAttachment.from_bytes(data, path=path)
            number = len(self.images) + 1
            self.add_image(image.with_alt(self.ask_alt_text(image, number, count)))
        if skipped:
            self.show_notice(
                self.tr("X allows at most 4 images per post; %1 image(s) not added.").replace(
                    "%1", str(skipped)
                )
            )

    def show_notice(self, text: str) -> None:
        """A message under the text that stays until the next change."""
        self.problems_label.setText(text)
        self.problems_label.setVisible(True)

    def ask_alt_text(self, image: ImageAttachment, number: int = 1, count: int = 1) -> str:
        """Ask for image `number` of `count`'s description; an empty answer keeps the image
        and blocks sending, a cancel keeps what it had."""
        from humasdesk.gui.image_dialogs import ask_alt_text

        text = ask_alt_text(self, image, number, count)
        return image.alt_text if text is None else text

    def on_image_list_item_activated(self, item: QListWidgetItem) -> None:
        row = self.image_list.row(item)
        image = self.images[row]
        self.images[row] = image.with_alt(self.ask_alt_text(image, row + 1, len(self.images)))
        self.on_content_changed()

    def on_remove_image_button_clicked(self) -> None:
        row = self.image_list.currentRow()
        if row < 0:
            row = len(self.images) - 1
        if 0 <= row < len(self.images):
            del self.images[row]
            self.on_content_changed()
