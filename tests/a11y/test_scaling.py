"""The desk at 200 % and with a large system font.

An official with low vision sets the display to 200 % or doubles the system font size. The
desk must still start, and the account headers (which account a pane speaks for) and every
label and button must show their whole text. If this breaks, the one thing that keeps the
office and personal accounts apart, the header, is cut off exactly for the officials who
need it most.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from humasdesk.core.compose import Draft
from humasdesk.core.models import Account, Slot
from humasdesk.gui.confirm_dialog import ConfirmPostDialog
from humasdesk.gui.pane import AccountHeader
from humasdesk.gui.theme import SMALL_SCALE
from tests.a11y.clipping import clipped_once_settled, describe, report
from tests.a11y.conftest import MAIN_SIZE, open_everything, ready_desk
from tests.a11y.walk import ROOT


def test_main_window_builds_at_200_percent_and_headers_fit():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "tests.a11y.scale_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ratio"] == 2
    assert result["names"] == ["Humas Pemerintah Kota Demo", "Rina Wulandari"]
    assert result["headers"] == {"office": [], "personal": []}
    assert result["window"] == []


@pytest.fixture
def system_font(qapp):
    """Sets the system font to a multiple of its usual point size, as the desktop's
    accessibility setting does, and puts it back afterwards."""
    before = QFont(qapp.font())

    def scale(factor: float) -> QFont:
        font = QFont(before)
        font.setPointSizeF(before.pointSizeF() * factor)
        qapp.setFont(font)
        return font

    yield scale
    qapp.setFont(before)


def emphasis_sizes(header: AccountHeader, confirm: QWidget) -> dict[str, float]:
    """The point sizes the official sees for the account name and the quota line in a pane
    header, and for the account band of the office confirmation."""
    band = confirm.findChild(QLabel, "accountBand")
    assert band is not None
    return {
        "name": header.name_label.fontInfo().pointSizeF(),
        "quota": header.quota_label.fontInfo().pointSizeF(),
        "band": band.fontInfo().pointSizeF(),
    }


def make_confirm(qtbot, account: Account, parent: QWidget | None = None) -> ConfirmPostDialog:
    draft = Draft(slot=Slot.OFFICE, text="Layanan perizinan dibuka Senin.")
    dialog = ConfirmPostDialog(Slot.OFFICE, account, draft, parent)
    qtbot.addWidget(dialog)
    return dialog


def sizes_at_current_font(qtbot) -> dict[str, float]:
    """`emphasis_sizes` of a header and a confirmation built at the current system font."""
    header = AccountHeader(Slot.OFFICE)
    qtbot.addWidget(header)
    header.set_account(Account("1", "HumasDemo", "Humas Pemerintah Kota Demo"))
    confirm = make_confirm(qtbot, Account("1", "HumasDemo", "Humas"))
    for top in (header, confirm):
        top.ensurePolished()  # style sheets applied, as on screen
    return emphasis_sizes(header, confirm)


def test_everything_fits_with_a_double_size_system_font(
    qtbot, system_font, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    """The account name, the quota line and the confirmation band grow with the system font
    (a fixed 12 pt or 8 pt would stay small for the officials who enlarged it), and every
    label and button still shows its whole text."""
    default = sizes_at_current_font(qtbot)
    large = system_font(2)
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    office = windows.main.panes[Slot.OFFICE]
    assert office.composer.send_button.font().pointSizeF() >= large.pointSizeF()
    for header in (pane.header for pane in windows.main.panes.values()):
        sizes = emphasis_sizes(header, windows.confirm)
        for what, size in sizes.items():
            assert size > default[what], f"{what}: {size} pt, {default[what]} pt at the usual font"
            assert size == pytest.approx(2 * default[what], rel=0.1), what
    problems = clipped_once_settled(qtbot, windows.all())
    assert problems == {}, report(problems)


def texts_smaller_than(top: QWidget, points: float) -> list[str]:
    widgets = [top, *top.findChildren(QWidget)]
    return [
        f"{describe(w)}: {w.fontInfo().pointSizeF()} pt"
        for w in widgets
        if w.isVisibleTo(top) and w.fontInfo().pointSizeF() < points
    ]


def test_a_system_font_change_while_the_desk_runs_is_followed(
    qtbot, system_font, make_desk, keyring_backend, activity_log
):
    """The official enlarges the system font with the desk open: the pane headers and the
    confirmation grow at once, and shrink back. If this breaks, texts with a style sheet
    (the whole header: which account a pane speaks for) keep the old size until a restart."""
    window, controller = ready_desk(qtbot, make_desk, keyring_backend)
    window.resize(*MAIN_SIZE)
    confirm = make_confirm(qtbot, controller.sessions[Slot.OFFICE].account, window)
    confirm.show()
    qtbot.waitExposed(confirm)
    headers = [pane.header for pane in window.panes.values()]
    default = [emphasis_sizes(header, confirm) for header in headers]
    avatar = headers[0].avatar.width()
    post_box = window.panes[Slot.OFFICE].composer.parts[0].edit
    post_box_height = post_box.height()
    banner = window.practice_banner.font().pointSizeF()

    large = system_font(2)
    qtbot.waitUntil(lambda: emphasis_sizes(headers[0], confirm)["name"] > default[0]["name"])
    for header, before in zip(headers, default, strict=True):
        sizes = emphasis_sizes(header, confirm)
        assert sizes == pytest.approx({k: 2 * v for k, v in before.items()}, rel=0.1)
    assert headers[0].avatar.width() > avatar, "the initials no longer fit their circle"
    assert post_box.height() > 1.6 * post_box_height, "the post box shows fewer lines"
    assert window.practice_banner.font().pointSizeF() == pytest.approx(2 * banner, rel=0.1)
    # Nothing in the panes or the confirmation kept the old size (the quota line is the
    # smallest text, 8/9 of the system font).
    smallest = large.pointSizeF() * SMALL_SCALE - 0.5
    left = [
        p for top in (*window.panes.values(), confirm) for p in texts_smaller_than(top, smallest)
    ]
    assert left == []
    problems = clipped_once_settled(qtbot, [window, confirm])
    assert problems == {}, report(problems)

    system_font(1)
    qtbot.waitUntil(lambda: [emphasis_sizes(h, confirm) for h in headers] == default)
    assert headers[0].avatar.width() == avatar
