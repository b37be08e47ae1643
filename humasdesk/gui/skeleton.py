"""The desk's first paint: each pane's frame, named by its account role, until the pane is built.

Start-up (issue 14): the window paints at once as this skeleton and the account panes are
built in the next turn of the event loop. Nothing here may touch PySide6's `Qt` namespace
(its enums cost 20–35 ms on first use) nor pass keyword arguments to Qt functions (that loads
shiboken's signature parser first): both would land before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from humasdesk.core.slot import Slot
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT

# The pane's own margins and idle frame (gui/pane.py), so the frames stay put when it comes.
PANE_MARGIN = 8
IDLE_FRAME_COLOUR = "#C9CED4"
# About the height of the account header that takes the band's place.
HEADER_HEIGHT = 60


def role_text(slot: Slot) -> str:
    # The pane header's own words (context AccountHeader): one translation for both.
    if slot is Slot.OFFICE:
        return QCoreApplication.translate("AccountHeader", "Office account")
    return QCoreApplication.translate("AccountHeader", "Personal account")


class PanePlaceholder(QFrame):
    """Where a pane will be: the account's coloured band with its role, and "Loading…"."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.setObjectName(f"placeholder_{slot.value}")
        self.setStyleSheet(
            f"#placeholder_{slot.value} {{ border: 1px solid {IDLE_FRAME_COLOUR}; }}"
            f"#placeholderBand {{ background: {SLOT_COLOURS[slot]}; border-radius: 4px; }}"
            # Bold by the style sheet, not follow_font: this frame lives a few milliseconds.
            f"#placeholderBand QLabel {{ color: {TEXT_ON_SLOT}; font-weight: bold; }}"
        )
        band = QFrame(self)
        band.setObjectName("placeholderBand")
        band.setMinimumHeight(HEADER_HEIGHT)
        self.role_label = QLabel(role_text(slot), band)
        row = QHBoxLayout(band)
        row.setContentsMargins(10, 8, 10, 8)
        row.addStretch(1)  # the role sits on the right, as in the header
        row.addWidget(self.role_label)
        self.loading_label = QLabel(self.tr("Loading…"), self)
        self.setAccessibleName(f"{self.role_label.text()}: {self.loading_label.text()}")
        box = QVBoxLayout(self)
        box.setContentsMargins(PANE_MARGIN, PANE_MARGIN, PANE_MARGIN, PANE_MARGIN)
        box.addWidget(band)
        box.addWidget(self.loading_label)
        box.addStretch(1)


class InputGate(QObject):
    """Drops key presses, shortcuts and clicks meant for `window` until the panes are in.

    While the skeleton shows there is nothing that could take them, and a key press must
    never land in a pane that is half built or in the other account's pane. Before the
    skeleton, keys typed this early went nowhere either (no pane had a widget that takes
    the keyboard until its account was signed in), so dropping them loses nothing.

    The skeleton has no widget that takes the keyboard, so every key reaches the window
    itself (shortcuts first ask it through ShortcutOverride); the menu bar is the one part
    that answers a click. The gate watches those two only: a filter on the whole
    application would make Python wrappers, and their enums, for every object and event
    type the first paint touches (about 50 ms)."""

    _DROPPED = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Shortcut,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, *watched: QWidget) -> None:
        super().__init__(watched[0])
        self.watched = watched
        self.dropped = 0  # key presses the official made while the skeleton showed
        for widget in watched:
            widget.installEventFilter(self)

    def open(self) -> None:
        """The panes are in: input goes where it always did."""
        for widget in self.watched:
            widget.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "the focused widget wants this key": no shortcut fires
            return True
        if kind in self._DROPPED:
            if kind == QEvent.Type.KeyPress:
                self.dropped += 1
            return True
        return False
