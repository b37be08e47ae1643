"""Account colours and warnings are readable: WCAG 2.x AA contrast (4.5:1 for text).

If this breaks, white text on an account's colour band, or a warning, is hard to read
for officials with low vision, and the two accounts blur together.
"""

from __future__ import annotations

import pytest

from humasdesk.core.models import Slot
from humasdesk.gui.theme import (
    PRACTICE_BANNER,
    SLOT_COLOURS,
    TEXT_ON_SLOT,
    WARNING_COLOURS,
    contrast_ratio,
)

AA_TEXT = 4.5


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("slot", list(Slot))
def test_text_on_each_account_colour_meets_aa(slot):
    assert contrast_ratio(TEXT_ON_SLOT, SLOT_COLOURS[slot]) >= AA_TEXT


@pytest.mark.parametrize("pair", [PRACTICE_BANNER, WARNING_COLOURS], ids=["practice", "warning"])
def test_banners_meet_aa(pair):
    background, text = pair
    assert contrast_ratio(text, background) >= AA_TEXT


def test_the_two_account_colours_are_clearly_different():
    """Far apart as colours, so the panes cannot be mistaken for each other."""
    office, personal = (SLOT_COLOURS[s] for s in (Slot.OFFICE, Slot.PERSONAL))
    assert office != personal
    r1, g1, b1 = (int(office[i : i + 2], 16) for i in (1, 3, 5))
    r2, g2, b2 = (int(personal[i : i + 2], 16) for i in (1, 3, 5))
    assert abs(r1 - r2) + abs(g1 - g2) + abs(b1 - b2) > 200  # far apart in RGB
