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

from humasdesk.core.models import Slot
from tests.a11y.clipping import clipped
from tests.a11y.conftest import open_everything
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
def large_font(qapp):
    """The system font at twice its point size (as the desktop's accessibility setting)."""
    before = QFont(qapp.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(big)
    yield big
    qapp.setFont(before)


def test_everything_fits_with_a_double_size_system_font(
    qtbot, large_font, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    office = windows.main.panes[Slot.OFFICE]
    assert office.composer.send_button.font().pointSizeF() >= large_font.pointSizeF()
    qtbot.wait(50)
    problems = {type(top).__name__: clipped(top) for top in windows.all()}
    problems = {k: v for k, v in problems.items() if v}
    assert problems == {}, "\n".join(f"{k}: {p}" for k, v in problems.items() for p in v)
