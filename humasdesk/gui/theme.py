"""Account colours and type sizes. Each slot has one colour used everywhere it acts, so the
official can tell at a glance which account a pane or dialog speaks for.
Both colours carry white text at WCAG AA contrast or better. Type sizes are relative to the
system font (see `follow_font`), so a larger system font makes every text larger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from humasdesk.core.slot import Slot

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

SLOT_COLOURS = {
    Slot.OFFICE: "#0B4F8A",  # institution blue
    Slot.PERSONAL: "#9A3412",  # burnt orange: unmistakably not the office blue
}
TEXT_ON_SLOT = "#FFFFFF"
PRACTICE_BANNER = ("#FFF4CE", "#5C4400")  # background, text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.x contrast ratio between two #RRGGBB colours."""
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


WARNING_COLOURS = ("#FDECEA", "#8A1C12")  # background, text: session-only tokens, chain breaks


# --- type sizes ---------------------------------------------------------------------------------
# Sizes are factors of the font a widget inherits (in the end the system font), never fixed
# points: an official who enlarges the system font gets every text larger, the emphasised ones
# too. At the common 9 pt system font these give 12 pt and 8 pt, the sizes the desk was drawn at.
EMPHASIS_SCALE = 4 / 3  # account name in a pane header, account band of the confirmation
SMALL_SCALE = 8 / 9  # quota and cost line under the account name


def scaled_font(base: QFont, factor: float, *, bold: bool | None = None) -> QFont:
    """A copy of `base` at `factor` times its size (and bold or not, if `bold` is given)."""
    # Imported here: the desk's first paint (the skeleton) uses the colours, not the fonts,
    # and the QFont type's enums take a few milliseconds to make.
    from PySide6.QtGui import QFont

    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:  # a font set in pixels has no point size
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    if bold is not None:
        font.setBold(bold)
    return font


def inherited_font(widget: QWidget) -> QFont:
    """The font `widget` would have if it set none itself: its parent's, or the application's
    for a window."""
    parent = widget.parentWidget()
    if parent is not None and not widget.isWindow():
        return parent.font()
    return QApplication.font(widget)


class RelativeFont(QObject):
    """Keeps a widget's font at a fixed factor of the font it inherits, also when that font
    changes while the desk runs (the official changes the system font size). Made by
    `follow_font`; a child of the widget, so it lives exactly as long as the widget.

    It watches the parent as well as the widget: Qt does not pass a parent's new font on to a
    child that has a style sheet (the child keeps the old size), so the parent's FontChange
    is the one event that says the inherited font changed."""

    _OWN_EVENTS = (
        QEvent.Type.FontChange,
        QEvent.Type.ApplicationFontChange,
        QEvent.Type.ParentChange,
    )

    def __init__(self, widget: QWidget, factor: float, bold: bool | None) -> None:
        super().__init__(widget)
        self.setObjectName("relativeFont")
        self.widget = widget
        self.factor = factor
        self.bold = bold
        self._parent: QWidget | None = None
        self._applying = False
        widget.installEventFilter(self)
        self._watch_parent()
        self.apply()

    def set_bold(self, bold: bool | None) -> None:
        self.bold = bold
        self.apply()

    def apply(self) -> None:
        if self._applying:
            return
        self._applying = True
        try:
            font = scaled_font(inherited_font(self.widget), self.factor, bold=self.bold)
            if self.widget.font() != font:
                self.widget.setFont(font)
        finally:
            self._applying = False

    def _watch_parent(self) -> None:
        parent = self.widget.parentWidget()
        if parent is self._parent:
            return
        if self._parent is not None:
            self._parent.removeEventFilter(self)
        self._parent = parent
        if parent is not None:
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "widget" not in self.__dict__:
            # A window is being deleted: Python has let go of this object while Qt still
            # delivers its last events to the parent we watch. Nothing left to size.
            return False
        kind = event.type()
        if watched is self.widget and kind in self._OWN_EVENTS:
            if kind == QEvent.Type.ParentChange:
                self._watch_parent()
            self.apply()
        elif watched is self._parent and kind == QEvent.Type.FontChange:
            self.apply()
        return False


def follow_font(widget: QWidget, factor: float = 1.0, *, bold: bool | None = None) -> RelativeFont:
    """Gives `widget` a font `factor` times the size of the one it inherits, and keeps it so
    when the system or a parent's font changes. The widget's style sheet must not set a font
    (a style sheet font is fixed and would win)."""
    return RelativeFont(widget, factor, bold)
