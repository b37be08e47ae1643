"""Settings → Jadwal: install or remove the OS timer that runs `humasdesk sync` every 5
minutes, so scheduled posts go out with the desk closed (`services.os_timer`). The page says
what it installs on this system and what it needs: the user logged in, the keyring
unlocked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.gui.theme import follow_font
from humasdesk.services.os_timer import OsTimer, TimerResult, sync_command


class TimerSection(QWidget):
    """The timer's state, "Pasang" and "Hapus", and what the timer needs."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *,
                 timer: OsTimer | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("osTimerSection")
        self.timer = timer or OsTimer()
        self.command = sync_command(data_dir)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("osTimerState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.install_button = QPushButton(self.tr("Install timer"), self)
        self.install_button.setObjectName("osTimerInstall")
        self.remove_button = QPushButton(self.tr("Remove timer"), self)
        self.remove_button.setObjectName("osTimerRemove")
        self.install_button.clicked.connect(self.on_install_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.about_label = QLabel(self.about(), self)
        self.about_label.setObjectName("osTimerAbout")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label.setStyleSheet("color: palette(placeholder-text);")
        follow_font(self.about_label)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("osTimerResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.state_label)
        box.addLayout(buttons)
        box.addWidget(self.result_label)
        box.addWidget(self.about_label)
        self.show_state()

    def about(self) -> str:
        system = self.timer.system
        if system == "windows":
            what = self.tr(
                "On Windows: a Task Scheduler task “HumasDesk sync” that runs every 5 minutes "
                "while you are logged on (Windows Credential Manager needs your session)."
            )
        elif system == "macos":
            what = self.tr(
                "On macOS: a launchd agent (~/Library/LaunchAgents/id.humasdesk.sync.plist) "
                "that runs every 5 minutes while you are logged in (the login Keychain is "
                "unlocked then)."
            )
        else:
            what = self.tr(
                "On Linux: a systemd user timer (~/.config/systemd/user/humasdesk-sync.timer) "
                "that runs every 5 minutes in your session; the keyring must be unlocked, i.e. "
                "you are logged in to the desktop."
            )
        runs = self.tr("It runs: %1").replace("%1", " ".join(self.command))
        return f"{what}\n{runs}"

    def show_state(self) -> None:
        on = self.timer.installed()
        self.state_label.setText(
            self.tr("The timer is installed: scheduled posts go out with the desk closed.")
            if on
            else self.tr(
                "No timer: scheduled posts go out only while the desk is open (or when "
                "humasdesk sync is run)."
            )
        )
        self.remove_button.setEnabled(on)

    def _show_result(self, result: TimerResult, done: str) -> None:
        if result.ok and not result.pending:
            text = done
        elif result.pending:
            text = self.tr("The files are written; run these commands to finish:\n%1").replace(
                "%1", "\n".join(result.pending)
            )
        else:
            text = self.tr("The system refused: %1").replace("%1", result.error or "?")
        self.result_label.setText(text)
        self.result_label.setVisible(True)
        self.show_state()

    def on_install_button_clicked(self) -> None:
        self._show_result(self.timer.install(self.command), self.tr("Timer installed."))

    def on_remove_button_clicked(self) -> None:
        self._show_result(self.timer.remove(), self.tr("Timer removed."))


def add_timer_section(form: QFormLayout, data_dir: Path, parent: QWidget) -> TimerSection:
    """Settings → Jadwal's row for the OS timer (called by the settings dialog)."""
    section = TimerSection(data_dir, parent)
    label = QLabel(QCoreApplication.translate("TimerSection", "OS timer"), parent)
    form.addRow(label, section)
    return section
