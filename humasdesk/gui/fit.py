"""Windows that grow with what they show.

A dialog sized once, before a message or a result appears, squeezes its word-wrapped
labels when that text comes (they overlap or get cut); a dialog sized for its result leaves
large empty gaps before the result is there. These size a dialog to its content instead.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def needed_height(window: QWidget, width: int | None = None) -> int:
    """The height the window's layout needs at `width` (default: its width now)."""
    layout = window.layout()
    if layout is None:
        return window.sizeHint().height()
    width = window.width() if width is None else width
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def grow_to_fit(window: QWidget, *, min_height: int = 0) -> None:
    """Taller if the content needs it (never shorter: the official may have resized it),
    and never taller than the screen."""
    need = max(min_height, needed_height(window))
    need = min(need, screen_of(window).availableGeometry().height() * 9 // 10)
    if need > window.height():
        window.resize(window.width(), need)


def screen_of(widget: QWidget) -> QScreen:
    """The screen `widget`'s window is on. Not `QWidget.screen()`: PySide6 ties the
    application's QScreen to the widget it was asked through, and when a garbage-collected
    dialog took it along, the desk crashed in `QScreen::virtualSiblings`."""
    window = widget.window()
    anchor = window.parentWidget().window() if window.parentWidget() is not None else window
    found = QGuiApplication.screenAt(anchor.geometry().center())
    return found if found is not None else QGuiApplication.primaryScreen()
