"""*Templat balasan*: the pane's reply templates, edited, checked and inserted into the
composer (to be edited there before sending; a template is never sent on its own).

Signals:
    template_saved(str, str, str): old name ("" for a new one), name, body.
    template_deleted(str): name.
The dialog's result is Accepted with `inserted_text` set when the official inserts one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.templates import PLACEHOLDERS, Template, TemplateError, fill_reply
from humasdesk.core.textlength import MAX_WEIGHTED_LENGTH


class TemplatesDialog(QDialog):
    template_saved = Signal(str, str, str)
    template_deleted = Signal(str)

    def __init__(
        self,
        templates: Sequence[Template],
        values: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply templates"))
        self.templates = list(templates)
        self.values = dict(values)
        self.inserted_text: str | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.currentRowChanged.connect(self.on_list_current_row_changed)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Template name"))
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setAccessibleName(self.tr("Template text"))
        self.body_edit.textChanged.connect(self.refresh)
        help_text = self.tr(
            "Placeholders: %1. They are filled from the complaint; edit the reply in the "
            "composer before sending."
        ).replace("%1", ", ".join("{" + p + "}" for p in PLACEHOLDERS))
        self.help = QLabel(help_text, self)
        self.help.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.counter = QLabel(self)
        self.counter.setObjectName("templateCounter")
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8A1C12;")
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.insert_button = QPushButton(self.tr("Insert into the composer"), self)
        self.insert_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.insert_button.clicked.connect(self.on_insert_button_clicked)
        close.clicked.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Name"), self))
        right.addWidget(self.name_edit)
        right.addWidget(QLabel(self.tr("Text"), self))
        right.addWidget(self.body_edit, 1)
        right.addWidget(self.help)
        right.addWidget(QLabel(self.tr("The reply as it will be inserted:"), self))
        right.addWidget(self.preview)
        right.addWidget(self.counter)
        right.addWidget(self.problem)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 2)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.insert_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        self._editing: str | None = None
        self._fill_list()
        self.resize(760, 460)

    def _fill_list(self, select: str | None = None) -> None:
        self.list.clear()
        for t in self.templates:
            self.list.addItem(t.name)
        names = [t.name for t in self.templates]
        self.list.setCurrentRow(names.index(select) if select in names else 0 if names else -1)

    def on_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            t = self.templates[row]
            self._editing = t.name
            self.name_edit.setText(t.name)
            self.body_edit.setPlainText(t.body)
        self.refresh()

    def current(self) -> Template:
        return Template(self.name_edit.text().strip(), self.body_edit.toPlainText())

    def refresh(self) -> None:
        """The filled reply and its length by X's rules, before anything is inserted."""
        try:
            filled = fill_reply(self.current().body, self.values)
        except TemplateError as exc:
            self.problem.setText(str(exc))
            self.preview.setText("")
            self.counter.setText("")
            self.insert_button.setEnabled(False)
            return
        self.problem.setText("")
        self.preview.setText(filled.text)
        count = f"{filled.weighted_length}/{MAX_WEIGHTED_LENGTH}"
        if filled.too_long:
            self.counter.setText(
                self.tr("%1: too long for X; shorten it after inserting.").replace("%1", count)
            )
            self.counter.setStyleSheet("color: #8A1C12;")
        else:
            self.counter.setText(count)
            self.counter.setStyleSheet("")
        self.insert_button.setEnabled(bool(filled.text.strip()))

    def on_new_button_clicked(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.name_edit.setText("")
        self.body_edit.setPlainText("Terima kasih {sapaan}. ")
        self.name_edit.setFocus()

    def on_save_button_clicked(self) -> None:
        t = self.current()
        self.template_saved.emit(self._editing or "", t.name, t.body)

    def on_delete_button_clicked(self) -> None:
        if self._editing:
            self.template_deleted.emit(self._editing)

    def show_templates(self, templates: Sequence[Template], select: str | None = None) -> None:
        """After a save or delete went through."""
        self.templates = list(templates)
        self._fill_list(select)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def on_insert_button_clicked(self) -> None:
        try:
            self.inserted_text = fill_reply(self.current().body, self.values).text
        except TemplateError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
