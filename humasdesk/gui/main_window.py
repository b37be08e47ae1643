"""The desk's main window: office pane left, personal pane right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from humasdesk.core.models import Slot
from humasdesk.gui.pane import AccountPane
from humasdesk.gui.theme import PRACTICE_BANNER, WARNING_COLOURS


class MainWindow(QMainWindow):
    """Signals:
    first_painted(): the window has been painted once; slow start-up work may begin.
    """

    first_painted = Signal()

    def __init__(self, *, practice: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setWindowTitle("HumasDesk")
        self.setObjectName("mainWindow")
        self.practice = practice
        self.panes = {slot: AccountPane(slot) for slot in Slot}

        self.practice_banner = QLabel(
            self.tr(
                "Practice Mode: posts go to the built-in X emulator on this laptop, "
                "not to the real X."
            )
        )
        self.practice_banner.setObjectName("practiceBanner")
        background, text = PRACTICE_BANNER
        self.practice_banner.setStyleSheet(
            f"#practiceBanner {{ background: {background}; color: {text}; padding: 6px;"
            " font-weight: bold; }"
        )
        self.practice_banner.setWordWrap(True)
        self.practice_banner.setVisible(practice)

        # Stays until the official closes the app: a broken chain is not a passing notice.
        self.log_warning = QLabel(self)
        self.log_warning.setObjectName("logWarning")
        self.log_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.log_warning.setWordWrap(True)
        background, text = WARNING_COLOURS
        self.log_warning.setStyleSheet(
            f"#logWarning {{ background: {background}; color: {text}; padding: 6px;"
            " font-weight: bold; }"
        )
        self.log_warning.setVisible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.panes[Slot.OFFICE])
        self.splitter.addWidget(self.panes[Slot.PERSONAL])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.practice_banner)
        layout.addWidget(self.log_warning)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        menu = self.menuBar().addMenu(self.tr("&HumasDesk"))
        self.action_settings = QAction(self.tr("&Settings…"), self)
        self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action_quit = QAction(self.tr("&Quit HumasDesk"), self)
        self.action_quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.action_quit.triggered.connect(self.close)
        menu.addAction(self.action_settings)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        self.resize(1100, 720)
        if practice:
            self.statusBar().showMessage(self.tr("Practice Mode"))

    def show_log_warning(self, text: str) -> None:
        self.log_warning.setText(text)
        self.log_warning.setVisible(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Queued: the rest of this paint (the panes) completes before work starts.
            QTimer.singleShot(0, self, self.first_painted.emit)
