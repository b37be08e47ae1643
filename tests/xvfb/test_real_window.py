"""The desk in a real X11 window (Xvfb), as an official would see it on first start."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from humasdesk.core.models import Slot
from humasdesk.gui.theme import SLOT_COLOURS
from tests.fakes import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def _wait_for_log(log: Path, needles: list[str], proc: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the desk exited early with code {proc.returncode}")
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if all(n in text for n in needles):
            return text
        time.sleep(0.1)
    pytest.fail(f"the desk did not log {needles} within {timeout}s; log:\n{text}")


def _columns_of_colour(image: QImage, colour: str) -> list[int]:
    """x of every sampled pixel that has `colour` (a tolerance absorbs antialiasing)."""
    target = QColor(colour)
    xs = []
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) < 6
                and abs(pixel.green() - target.green()) < 6
                and abs(pixel.blue() - target.blue()) < 6
            ):
                xs.append(x)
    return xs


def both_bands_shown(image: QImage) -> bool:
    if image.isNull():
        return False
    office = _columns_of_colour(image, SLOT_COLOURS[Slot.OFFICE])
    personal = _columns_of_colour(image, SLOT_COLOURS[Slot.PERSONAL])
    return len(office) > 200 and len(personal) > 200


@pytest.mark.xvfb
def test_practice_desk_shows_office_left_and_personal_right(xvfb_display, sandbox, tmp_path):
    """`humasdesk --sandbox-url` opens a real window with both accounts and their posts.

    If this breaks, the official sees an empty or mixed-up desk on first start.
    The screenshot is kept under build/screenshots/ for people to look at.
    """
    importer = shutil.which("import") or "/usr/bin/import"
    assert Path(importer).exists(), "imagemagick's `import` is needed for the screenshot"
    data_dir = tmp_path / "data"
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "humasdesk",
            "--sandbox-url",
            sandbox.base_url,
            "--data-dir",
            str(data_dir),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_log(
            data_dir / "logs" / "humasdesk.log",
            ["slot office: ", "slot personal: "],
            proc,
            timeout=60,
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / "desk-practice-xvfb.png"
        # The panes may still be repainting when the log says they are loaded: take the
        # picture again until both colour bands are on it (or give up after 20 s).
        deadline = time.monotonic() + 20
        while True:
            subprocess.run(
                [importer, "-display", xvfb_display, "-window", "root", str(shot)],
                check=True,
                timeout=30,
            )
            image = QImage(str(shot))
            if both_bands_shown(image) or time.monotonic() > deadline:
                break
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert proc.returncode in (0, -15), err.decode(errors="replace")

    assert not image.isNull()
    office = _columns_of_colour(image, SLOT_COLOURS[Slot.OFFICE])
    personal = _columns_of_colour(image, SLOT_COLOURS[Slot.PERSONAL])
    # Both colour bands are on screen, and every office pixel is left of every personal one.
    assert len(office) > 200 and len(personal) > 200
    assert max(office) < min(personal)


@pytest.mark.xvfb
def test_screenshot_scenes_render_in_a_real_window(xvfb_display):
    """The sign-in and keyring states render in a real X11 window; the pictures are kept
    under build/screenshots/ for people to look at (scripts/screenshots.py)."""
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(SCREENSHOTS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in (
        "desk-practice.png",
        "log-view.png",
        "pane-signing-in.png",
        "session-only-warning.png",
    ):
        image = QImage(str(SCREENSHOTS / name))
        assert not image.isNull() and image.width() >= 1000, name
    # The signing-in scene shows the office colour band and the personal pane's sign-in button.
    signing_in = QImage(str(SCREENSHOTS / "pane-signing-in.png"))
    assert _columns_of_colour(signing_in, SLOT_COLOURS[Slot.OFFICE])
    assert _columns_of_colour(signing_in, SLOT_COLOURS[Slot.PERSONAL])


@pytest.mark.xvfb
def test_pdf_report_pages_render(tmp_path):
    """The supervisor's PDF report, made from a real log by `humasdesk export`, renders
    to images (pdftoppm); the first pages are kept under build/screenshots/."""
    from humasdesk.selftest import run_self_test

    data = tmp_path / "d"
    out = io.StringIO()
    assert run_self_test(data_dir=str(data), out=out, keyring_backend=MemoryKeyring()) == 0
    pdf = data / "self-test-exports" / "laporan.pdf"
    assert pdf.is_file(), out.getvalue()
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils (pdftoppm) is installed by scripts/test.sh"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
         str(SCREENSHOTS / "report-page")],
        check=True, timeout=60,
    )  # fmt: skip
    pages = sorted(SCREENSHOTS.glob("report-page-*.png"))
    assert pages and not QImage(str(pages[0])).isNull()
