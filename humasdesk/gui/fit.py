"""Windows that grow with what they show.

A dialog sized once, before a message or a result appears, squeezes its word-wrapped
labels when that text comes (they overlap or get cut); a dialog sized for its result leaves
large empty gaps before the result is there. These size a dialog to its content instead.
"""

from __future__ import annotations

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
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() * 9 // 10)
    if need > window.height():
        window.resize(window.width(), need)
