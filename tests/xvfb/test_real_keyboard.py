"""The keyboard belongs to a pane, with real X input (xdotool) on a real X display: the
office mention clicked, *Aduan* clicked, ↓ pressed and "halo" typed must stay in the office
pane; Tab into the personal pane lights it and its composer names the account.

The probe also keeps screenshots under build/screenshots/ for people to look at: the first
screen, the focused pane, the reply confirmation, the file picker, Settings → Privasi.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.mark.xvfb
def test_real_keys_stay_in_their_pane(xvfb_display, tmp_path):
    assert shutil.which("xdotool"), "xdotool is needed: scripts/test.sh installs it"
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        [sys.executable, "-m", "tests.xvfb.keyboard_probe", str(tmp_path / "data"),
         str(SCREENSHOTS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["personal_text_after_down"] == ""
    assert seen["down_focus_in_office"] and seen["down_moved_to_next_mention"]
    assert seen["office_has_keyboard"]
    assert seen["tab_reached_personal_composer"] and seen["personal_has_keyboard"]
    assert seen["personal_placeholder"].startswith("Tulis kiriman sebagai @rina_humas")
    for name in ("first-screen.png", "focused-pane.png", "reply-confirmation.png",
                 "file-picker.png", "settings-privasi.png"):  # fmt: skip
        assert (SCREENSHOTS / name).stat().st_size > 10_000, name
