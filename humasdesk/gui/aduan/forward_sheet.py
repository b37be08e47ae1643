"""*Teruskan ke LAPOR!*: the report form's fields filled from the case, each with a copy
button, a button that opens lapor.go.id, and the tracking ID LAPOR! gives back.

LAPOR!'s API is open only to agencies' registered developers, so the desk does not post to
it: the official copies each field into the web form and types back the tracking number.

Signals:
    lapor_id_entered(int, str): case id, what the official typed (the controller checks
        the format and stores it; `show_result` says how it went).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.aduan import LAPOR_URL, LaporForm
from humasdesk.gui.theme import follow_font


class ForwardSheet(QDialog):
    lapor_id_entered = Signal(int, str)

    def __init__(self, case_id: int, form: LaporForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.form = form
        self.setWindowTitle(
            self.tr("Forward to LAPOR! — complaint #%1").replace("%1", str(case_id))
        )
        intro = QLabel(
            self.tr(
                "Copy each field into the LAPOR! form on lapor.go.id, send the report there, "
                "then type the tracking ID LAPOR! shows (7 to 10 digits, e.g. #1916449)."
            ),
            self,
        )
        intro.setWordWrap(True)
        yes, no = self.tr("Yes"), self.tr("No")
        fields = (
            (self.tr("Classification"), form.klasifikasi),
            (self.tr("Title (judul)"), form.judul),
            (self.tr("Report text (isi laporan)"), form.isi_laporan),
            (self.tr("Date of the event"), form.tanggal_kejadian),
            (self.tr("Location"), form.lokasi),
            (self.tr("Agency addressed"), form.instansi_tujuan),
            (self.tr("Category"), form.kategori),
            (self.tr("Attachments (links)"), "\n".join(form.lampiran)),
            (self.tr("Anonymous"), yes if form.anonim else no),
            (self.tr("Confidential"), yes if form.rahasia else no),
        )
        grid = QFormLayout()
        self.values: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        for label, value in fields:
            if "\n" in value or len(value) > 80:
                edit: QLineEdit | QPlainTextEdit = QPlainTextEdit(value, self)
                edit.setMaximumHeight(90)
            else:
                edit = QLineEdit(value, self)
            edit.setAccessibleName(label)
            copy = QPushButton(self.tr("Copy"), self)
            copy.setAccessibleName(self.tr("Copy %1").replace("%1", label))
            copy.clicked.connect(lambda _=False, e=edit: self.copy(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(copy)
            grid.addRow(label, row)
            self.values[label] = edit
            self.copy_buttons[label] = copy
        self.open_button = QPushButton(self.tr("Open lapor.go.id"), self)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText("#1916449")
        self.id_edit.setAccessibleName(self.tr("LAPOR! tracking ID"))
        self.save_button = QPushButton(self.tr("Save the tracking ID"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.id_edit.returnPressed.connect(self.on_save_button_clicked)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("forwardMessage")
        follow_font(self.message)
        self.reply_button = QPushButton(self.tr("Reply to the citizen with this number"), self)
        self.reply_button.setVisible(False)
        self.reply_button.clicked.connect(self.accept)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        id_row = QHBoxLayout()
        id_row.addWidget(QLabel(self.tr("LAPOR! tracking ID"), self))
        id_row.addWidget(self.id_edit, 1)
        id_row.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(id_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(640, self.sizeHint().height())
        self.saved_id: str | None = None

    def copy(self, edit: QLineEdit | QPlainTextEdit) -> None:
        text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        QGuiApplication.clipboard().setText(text)
        self.message.setText(self.tr("Copied."))

    def on_open_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl(LAPOR_URL))

    def on_save_button_clicked(self) -> None:
        self.lapor_id_entered.emit(self.case_id, self.id_edit.text())

    def show_result(self, lapor_id: str | None, error: str = "") -> None:
        """After the controller stored the ID (or refused it, with the reason)."""
        if lapor_id is None:
            self.message.setStyleSheet("color: #8A1C12;")
            self.message.setText(error)
            return
        self.saved_id = lapor_id
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Saved: the complaint is forwarded to LAPOR! with number #%1.").replace(
                "%1", lapor_id
            )
        )
        self.reply_button.setVisible(True)
