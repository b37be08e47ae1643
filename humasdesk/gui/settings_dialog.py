"""The settings dialog, built from `humasdesk.settings.SPECS`.

It also shows where sign-in tokens live (the keyring backend, or memory only),
which the official cannot see anywhere else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from humasdesk.gui.fit import screen_of
from humasdesk.gui.theme import follow_font
from humasdesk.settings import SPECS, Settings, SettingSpec, problem

SHOWN = tuple(s for s in SPECS if s.shown)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class SettingsDialog(QDialog):
    """Signals:
    settings_saved(bool): the settings were saved; True if a restart is needed.
    """

    settings_saved = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        forms: dict[str, QFormLayout] = {}
        self.pages: dict[str, QWidget] = {}
        for section, title in (
            ("general", self.tr("General")),
            ("x", self.tr("X app")),
            ("privacy", self.tr("Privacy")),
            ("schedule", self.tr("Schedule")),
            ("cost", self.tr("Costs")),
        ):
            page = QWidget()
            forms[section] = QFormLayout(page)
            # Wrapped hints need their full height: the page scrolls rather than squeezing
            # them (a large system font), and the dialog opens tall enough not to scroll.
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the keyboard
            scroll.setAccessibleName(title)
            scroll.setWidget(page)
            self.pages[section] = page
            self.tabs.addTab(scroll, title)
        for s in SHOWN:
            form = forms[s.section]
            editor = self._editor(s)
            editor.setAccessibleName(_tr(s.label))
            self.editors[s.key] = editor
            label = QLabel(_tr(s.label), self)
            label.setBuddy(editor)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            if s.hint:
                hint = QLabel(_tr(s.hint), self)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(placeholder-text);")
                follow_font(hint)
                column.addWidget(hint)
            error = QLabel(self)
            error.setStyleSheet("color: #8A1C12;")
            follow_font(error)
            error.setWordWrap(True)
            error.setVisible(False)
            self.errors[s.key] = error
            column.addWidget(error)
            form.addRow(label, column)

        self.signing_key_label = QLabel(self)
        self.signing_key_label.setObjectName("signingKeyLabel")
        self.signing_key_label.setAccessibleName(self.tr("Export signing key fingerprint"))
        self.signing_key_label.setWordWrap(True)
        self.signing_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signing_key_label.setVisible(False)
        self.storage_label = QLabel(self.tr("Where sign-in tokens are kept: checking…"), self)
        self.storage_label.setObjectName("storageLabel")
        self.storage_label.setWordWrap(True)
        self.storage_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        self.privacy_notice = QPlainTextEdit(self)
        self.privacy_notice.setReadOnly(True)
        self.privacy_notice.setAccessibleName(self.tr("Privacy notice"))
        self.privacy_notice.setMinimumHeight(150)
        forms["privacy"].addRow(QLabel(self.tr("Privacy notice"), self), self.privacy_notice)
        self.update_privacy_notice()
        from humasdesk.gui.schedule.timer_page import add_timer_section  # issue 15

        self.timer_section = add_timer_section(forms["schedule"], settings.path.parent, self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.storage_label)
        layout.addWidget(self.signing_key_label)
        layout.addWidget(self.buttons)
        self.validate()
        self.fit_pages()

    def fit_pages(self, width: int = 680) -> None:
        """Open as tall as the tallest page needs at `width` (not taller than the screen)."""
        tallest = 0
        for page in self.pages.values():
            box = page.layout()
            tallest = max(tallest, box.totalHeightForWidth(width) if box.hasHeightForWidth()
                          else box.totalSizeHint().height())  # fmt: skip
        chrome = self.sizeHint().height() - self.tabs.sizeHint().height()
        bar = self.tabs.tabBar().sizeHint().height() + 16
        height = tallest + bar + chrome
        screen = screen_of(self).availableGeometry()
        height = min(height, screen.height() * 9 // 10)
        width = min(width + 60, screen.width() * 9 // 10)
        self.resize(width, height)

    def _editor(self, s: SettingSpec) -> QWidget:
        value = self.settings.get(s.key)
        if s.choices:
            combo = QComboBox(self)
            for choice, label in s.choices:
                combo.addItem(_tr(label), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(self.validate)
            return combo
        if s.kind is bool:
            box = QCheckBox(self)
            box.setChecked(value)
            box.toggled.connect(self.validate)
            return box
        if s.kind is int:
            spin = QSpinBox(self)
            spin.setRange(s.minimum, s.maximum)
            spin.setValue(value)
            spin.valueChanged.connect(self.validate)
            return spin
        line = QLineEdit(str(value), self)
        line.textChanged.connect(self.validate)
        return line

    def value(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def update_privacy_notice(self) -> None:
        """What the desk holds about citizens, why, and for how long (UU 27/2022)."""
        unset = self.tr("(not set yet)")
        text = (
            self.tr(
                "Controller of citizens' data held for the office account: %1 (%2).\n"
                "Data protection officer: %3.\n\n"
                "What is kept: the handles and words of citizens who mention the two "
                "accounts, the replies, and when they were sent, to answer citizens and to "
                "report on public communication.\n"
                "Legal basis: the agency's public duties and authority (UU 27/2022, Pasal "
                "20 ayat 2) and its records obligations (UU 43/2009).\n\n"
                "Retention: only for mentions never answered, never tagged as a complaint and "
                "never marked handled, the handle and words are erased after %4 days (counts "
                "are kept). Complaints, answered mentions and office posts are records: they "
                "are never erased automatically; after %5 days they are offered for disposal "
                "review.\n\n"
                "A citizen may ask what is held about them, and for correction, restriction "
                "or erasure: record the request (humasdesk privacy requests) within 3×24 hours."
            )
            .replace("%1", self.value("agency_name") or unset)
            .replace("%2", self.value("unit_name") or unset)
            .replace("%3", self.value("dpo_contact") or unset)
            .replace("%4", str(self.value("retention_unanswered_mention_days")))
            .replace("%5", str(self.value("retention_record_review_days")))
        )
        self.privacy_notice.setPlainText(text)

    def validate(self) -> bool:
        ok = True
        for s in SHOWN:
            reason = problem(s.key, self.value(s.key))
            self.errors[s.key].setText(_tr(reason) if reason else "")
            self.errors[s.key].setVisible(reason is not None)
            ok = ok and reason is None
        if hasattr(self, "privacy_notice"):
            self.update_privacy_notice()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def set_storage_text(self, text: str) -> None:
        self.storage_label.setText(self.tr("Where sign-in tokens are kept: %1").replace("%1", text))

    def set_signing_key_text(self, text: str) -> None:
        """The export signing key's fingerprint: supervisors compare it with the report's."""
        self.signing_key_label.setText(
            self.tr("Export signing key fingerprint: %1").replace("%1", text)
        )
        self.signing_key_label.setVisible(True)

    def on_buttons_accepted(self) -> None:
        if not self.validate():
            return
        restart = False
        for s in SHOWN:
            new = self.value(s.key)
            if new != self.settings.get(s.key):
                restart = restart or s.restart
                self.settings.set(s.key, new)
        self.settings.save()
        self.settings_saved.emit(restart)
        self.accept()
