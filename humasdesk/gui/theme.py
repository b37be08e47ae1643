"""Account colours. Each slot has one colour used everywhere it acts, so the
official can tell at a glance which account a pane or dialog speaks for.
Both colours carry white text at WCAG AA contrast or better."""

from __future__ import annotations

from humasdesk.core.models import Slot

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
