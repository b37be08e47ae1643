"""The desk's main window: office pane left, personal pane right.

Start-up (issue 14): built with ``defer_panes=True`` (the desk), the window first paints a
skeleton (title, menu bar, practice banner, the first-steps hint and each pane's frame with
its account role) and builds the account panes, the menus' actions and the rest in the next
turn of the event loop; until then input for the window is dropped (`InputGate`). The
skeleton has the final window's size and layout, so nothing moves when the panes come in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.slot import Slot
from humasdesk.gui.skeleton import InputGate, PanePlaceholder
from humasdesk.gui.theme import PRACTICE_BANNER, follow_font

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from humasdesk.gui.pane import AccountPane, PaneKeyboard


class MainWindow(QMainWindow):
    """Signals:
    first_painted(): the window has been painted once; slow start-up work may begin.
    panes_ready(): the account panes are built and have been painted once: the desk takes
        input (with ``defer_panes=False`` right after the first paint).
    closed(): the official closed the desk (the close was not refused); the process ends.
    """

    first_painted = Signal()
    panes_ready = Signal()
    closed = Signal()

    def __init__(
        self, *, practice: bool, parent: QWidget | None = None, defer_panes: bool = False
    ) -> None:
        super().__init__(parent)
        self._painted = False
        self._closed = False
        self.setWindowTitle("HumasDesk")
        self.setObjectName("mainWindow")
        self.practice = practice
        self._panes: dict[Slot, AccountPane] = {}  # built by build_panes()
        self.keyboard: PaneKeyboard | None = None
        self._single_pane = False
        self.current_slot = Slot.OFFICE
        # Asked before the window closes; False keeps it open (posts still waiting).
        self.close_guard: Callable[[], bool] | None = None

        # --- the skeleton: everything the first paint shows, in its final place ---------------
        self.practice_banner = QLabel(
            self.tr(
                "Practice Mode: posts go to the built-in X emulator on this laptop, "
                "not to the real X."
            ),
            self,  # with no parent, setVisible(True) below made it a window of its own (15 ms)
        )
        self.practice_banner.setObjectName("practiceBanner")
        # Bold by its style sheet until the panes are in, then by `follow_font` (a style
        # sheet font stays fixed when the system font changes): the same font, drawn alike.
        # follow_font's event filters on the banner and the window would make Python
        # wrappers for every event type the first paint sends them.
        self._banner_style(bold=True)
        self.practice_banner.setWordWrap(True)
        self.practice_banner.setVisible(practice)

        # What to do first, until the official has done it (or closes the hint).
        self.first_steps = QFrame(self)
        self.first_steps.setObjectName("firstSteps")
        self.first_steps.setStyleSheet(
            "#firstSteps { background: #E8F1FA; } #firstSteps QLabel { color: #0B2F52; }"
        )
        self.first_steps_label = QLabel(
            self.tr(
                "To start: write a post in the box under an account's name (Ctrl+1 office, "
                "Ctrl+2 personal), or pick a citizen's mention below it and press Reply. "
                "Each post first waits a few seconds in the Outbox, where Cancel takes it back."
            ),
            self.first_steps,
        )
        self.first_steps_label.setWordWrap(True)  # follow_font: in build_panes
        self.first_steps_close = QToolButton(self.first_steps)
        self.first_steps_close.setText("×")
        self.first_steps_close.setAccessibleName(self.tr("Hide this hint"))
        self.first_steps_close.setToolTip(self.tr("Hide this hint"))
        self.first_steps_close.clicked.connect(self.hide_first_steps)
        # Hidden until the panes are in (where it stops taking the keyboard: that needs the
        # `Qt` namespace), keeping its room so the hint's words do not move.
        policy = self.first_steps_close.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.first_steps_close.setSizePolicy(policy)
        self.first_steps_close.setVisible(False)
        steps_row = QHBoxLayout(self.first_steps)
        steps_row.setContentsMargins(8, 4, 4, 4)
        steps_row.addWidget(self.first_steps_label, 1)
        close_column = QVBoxLayout()  # the button at the top, without Qt's alignment enums
        close_column.addWidget(self.first_steps_close)
        close_column.addStretch(1)
        steps_row.addLayout(close_column)

        self.placeholders = {slot: PanePlaceholder(slot) for slot in Slot}
        self.splitter = QSplitter()  # horizontal: office left, personal right
        self.splitter.setChildrenCollapsible(False)
        for placeholder in self.placeholders.values():
            self.splitter.addWidget(placeholder)

        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.practice_banner)
        self._central_layout.addWidget(self.first_steps)
        self._central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # The menu titles now (the bar's height is part of the layout), their actions later.
        self._menus = (
            self.menuBar().addMenu(self.tr("&HumasDesk")),
            self.menuBar().addMenu(self.tr("&Citizens' data")),
            self.menuBar().addMenu(self.tr("&View")),
        )
        self.resize(1100, 720)
        if practice:
            self.statusBar().showMessage(self.tr("Practice Mode"))
        else:
            self.statusBar()  # the bar's height is part of the layout too
        # Drops input while the skeleton shows (None once the panes are in).
        self.input_gate: InputGate | None = None
        if defer_panes:
            self.input_gate = InputGate(self, self.menuBar())
        else:
            self.build_panes()

    def build_panes(self) -> None:
        """The account panes, the menus' actions and the notices: everything the skeleton
        left out. Once; does nothing after the window has closed."""
        if self._panes or self._closed:
            return
        # Deferred: pane.py, QtGui's actions and the Qt namespace are not needed to paint.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        from humasdesk.gui.pane import AccountPane, PaneKeyboard
        from humasdesk.gui.theme import WARNING_COLOURS

        self._panes = {slot: AccountPane(slot) for slot in Slot}
        for pane in self._panes.values():
            pane.practice = self.practice
        self.keyboard = PaneKeyboard(list(self._panes.values()), self)
        for slot, pane in self._panes.items():
            pane.unread_changed.connect(partial(self.on_pane_unread_changed, slot))
        self.first_steps_close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a mouse aid; the
        # hint also goes by itself after the first post, and Tab stays on the two panes
        self.first_steps_close.setVisible(True)
        self._banner_style(bold=False)
        follow_font(self.practice_banner, bold=True)
        follow_font(self.first_steps_label)

        # Stays until the official closes the app: a broken chain is not a passing notice.
        self.log_warning = QLabel(self)
        self.log_warning.setObjectName("logWarning")
        self.log_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.log_warning.setWordWrap(True)
        background, text = WARNING_COLOURS
        self.log_warning.setStyleSheet(
            f"#logWarning {{ background: {background}; color: {text}; padding: 6px; }}"
        )
        follow_font(self.log_warning, bold=True)
        self.log_warning.setVisible(False)

        # Said once for the desk, not in each pane: it is about this laptop, not an account.
        self.storage_notice = QLabel(self)
        self.storage_notice.setObjectName("storageNotice")
        self.storage_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.storage_notice.setWordWrap(True)
        self.storage_notice.setStyleSheet(
            "#storageNotice { background: #EEF1F4; color: #2B3138; padding: 4px 6px; }"
        )
        follow_font(self.storage_notice)
        self.storage_notice.setVisible(False)
        # Both hidden: inserting them below the banner moves nothing.
        self._central_layout.insertWidget(1, self.log_warning)
        self._central_layout.insertWidget(2, self.storage_notice)

        # Single-pane mode: the hidden account's unread mentions are said here.
        self.hidden_unread = QLabel(self)
        self.hidden_unread.setObjectName("hiddenUnread")
        self.hidden_unread.setTextFormat(Qt.TextFormat.PlainText)
        self.hidden_unread.setVisible(False)
        self.statusBar().addPermanentWidget(self.hidden_unread)
        self._unread = dict.fromkeys(Slot, 0)

        # The panes take their frames' places and sizes (replaceWidget keeps the geometry).
        for index, slot in enumerate(Slot):
            old = self.splitter.replaceWidget(index, self._panes[slot])
            old.hide()
            old.deleteLater()
        self.placeholders = {}

        menu, citizens, view = self._menus
        self.action_settings = QAction(self.tr("&Settings…"), self)
        self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action_quit = QAction(self.tr("&Quit HumasDesk"), self)
        self.action_quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.action_quit.triggered.connect(self.close)
        self.action_log = QAction(self.tr("Activity &log…"), self)
        self.action_log.setShortcut(QKeySequence("Ctrl+L"))
        self.action_export = QAction(self.tr("&Export a report…"), self)
        self.action_export.setShortcut(QKeySequence("Ctrl+E"))
        for action in (self.action_log, self.action_export):
            action.setEnabled(False)  # until the database is open
        # The supervisor's side needs no database: only the register and the files.
        self.action_rekap = QAction(self.tr("&Consolidate the officials' reports…"), self)
        menu.addAction(self.action_log)
        menu.addAction(self.action_export)
        menu.addAction(self.action_rekap)
        menu.addSeparator()
        menu.addAction(self.action_settings)
        menu.addSeparator()
        menu.addAction(self.action_quit)

        self.action_requests = QAction(self.tr("Data subject &requests…"), self)
        self.action_access_report = QAction(self.tr("&Access report for one person…"), self)
        self.action_retention = QAction(self.tr("Re&tention and disposal review…"), self)
        self.action_breach = QAction(self.tr("Data &breach kit…"), self)
        self.action_handover = QAction(self.tr("&Hand over the office account…"), self)
        self.privacy_actions = (
            self.action_requests,
            self.action_access_report,
            self.action_retention,
            self.action_breach,
            self.action_handover,
        )
        for action in self.privacy_actions:
            action.setEnabled(False)  # until the database is open
            if action is self.action_handover:
                citizens.addSeparator()
            citizens.addAction(action)

        self.action_single_pane = QAction(self.tr("&One pane at a time"), self)
        self.action_single_pane.setCheckable(True)
        self.action_single_pane.setChecked(self._single_pane)
        self.action_single_pane.toggled.connect(self.set_single_pane)
        self.action_show_office = QAction(self.tr("Show the &office account"), self)
        self.action_show_office.setShortcut(QKeySequence("Ctrl+1"))
        self.action_show_office.triggered.connect(lambda: self.focus_pane(Slot.OFFICE))
        self.action_show_personal = QAction(self.tr("Show the &personal account"), self)
        self.action_show_personal.setShortcut(QKeySequence("Ctrl+2"))
        self.action_show_personal.triggered.connect(lambda: self.focus_pane(Slot.PERSONAL))
        self.action_switch_pane = QAction(self.tr("&Switch pane"), self)
        self.action_switch_pane.setShortcut(QKeySequence("Ctrl+Tab"))
        self.action_switch_pane.triggered.connect(self.switch_pane)
        for action in (
            self.action_single_pane,
            self.action_show_office,
            self.action_show_personal,
            self.action_switch_pane,
        ):
            view.addAction(action)
        self._show_panes()
        if self._painted:
            # The skeleton is on screen: the desk takes input once the panes have painted.
            _PaintHook(self._panes[self.current_slot], self._on_panes_painted)

    def _banner_style(self, *, bold: bool) -> None:
        background, text = PRACTICE_BANNER
        weight = " font-weight: bold;" if bold else ""
        self.practice_banner.setStyleSheet(
            f"#practiceBanner {{ background: {background}; color: {text}; padding: 6px;{weight} }}"
        )

    def _on_panes_painted(self) -> None:
        if self.input_gate is not None:
            self.input_gate.open()
            self.input_gate = None
        self.panes_ready.emit()

    # --- layout -----------------------------------------------------------------------------

    @property
    def single_pane(self) -> bool:
        return self._single_pane

    @property
    def ready(self) -> bool:
        """The panes are built: the skeleton has gone."""
        return bool(self._panes)

    @property
    def panes(self) -> dict[Slot, AccountPane]:
        """The account panes, office first. Asked for while the skeleton still shows, they
        are built now (the desk's own code asks only after `panes_ready`)."""
        if not self._panes:
            self.build_panes()
        return self._panes

    def __getattr__(self, name: str) -> object:
        # What comes with the panes (the actions, the notices, the keyboard's guard),
        # asked for before they are in: built now, like `panes`, instead of missing.
        state = self.__dict__
        if name.startswith("__") or "_panes" not in state or state["_panes"] or state["_closed"]:
            raise AttributeError(name)
        self.build_panes()
        return object.__getattribute__(self, name)

    def set_single_pane(self, on: bool) -> None:
        """Small screens: one pane at a time (Ctrl+1 / Ctrl+2 / Ctrl+Tab switch)."""
        self._single_pane = on
        if self._panes and self.action_single_pane.isChecked() != on:
            self.action_single_pane.setChecked(on)  # comes back here through toggled
            return
        self._show_panes()

    def _show_panes(self) -> None:
        """The panes (or, in the skeleton, their frames) that single-pane mode shows."""
        on = self._single_pane
        shown = self._panes or self.placeholders
        for slot, widget in shown.items():
            widget.setVisible(not on or slot is self.current_slot)
        if self._panes:
            self._show_hidden_unread()

    def focus_pane(self, slot: Slot) -> None:
        self.current_slot = slot
        if self.single_pane:
            for other, pane in self.panes.items():
                pane.setVisible(other is slot)
        self._show_hidden_unread()
        pane = self.panes[slot]
        composer = getattr(pane, "composer", None)
        (composer.parts[0].edit if composer is not None else pane).setFocus()

    def switch_pane(self) -> None:
        self.focus_pane(Slot.PERSONAL if self.current_slot is Slot.OFFICE else Slot.OFFICE)

    def show_storage_notice(self, text: str) -> None:
        self.storage_notice.setText(text)
        self.storage_notice.setVisible(bool(text))

    def hide_first_steps(self) -> None:
        self.first_steps.setVisible(False)

    def on_pane_unread_changed(self, slot: Slot, unread: int) -> None:
        self._unread[slot] = unread
        self._show_hidden_unread()

    def _show_hidden_unread(self) -> None:
        """One pane at a time: the other account's new mentions must not go unseen."""
        hidden = [s for s in Slot if self.single_pane and s is not self.current_slot]
        unread = sum(self._unread[s] for s in hidden)
        if not hidden or unread == 0:
            self.hidden_unread.setVisible(False)
            return
        slot = hidden[0]
        if slot is Slot.OFFICE:
            text = self.tr("Office account: %1 new mention(s) (Ctrl+1)")
        else:
            text = self.tr("Personal account: %1 new mention(s) (Ctrl+2)")
        self.hidden_unread.setText(text.replace("%1", str(unread)))
        self.hidden_unread.setVisible(True)

    def show_log_warning(self, text: str) -> None:
        self.log_warning.setText(text)
        self.log_warning.setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        super().closeEvent(event)
        self._closed = True  # panes not built yet never will be
        # The desk's other windows (the activity log, a dialog) close with it: one of them
        # left open kept the process, and its sending, alive after "close, send next time".
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible():
                child.close()
        self.closed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Queued: the rest of this paint (the panes) completes before work starts.
            QTimer.singleShot(0, self, self.first_painted.emit)
            if self._panes:
                QTimer.singleShot(0, self, self._on_panes_painted)
            else:  # the skeleton is on screen: the panes come in the next turn
                QTimer.singleShot(0, self, self.build_panes)


class _PaintHook(QObject):
    """Calls `then` once, after `widget`'s next paint (queued: the paint completes first)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        self._then()
        self.deleteLater()
