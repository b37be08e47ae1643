"""Start-up benchmark: process start → main window shown, desk vs a bare QMainWindow.

Both are measured in the same run, alternating, several times each; medians and
the ratio are printed, then one line of JSON. Target: desk within 1.3x bare (issue 14),
median of 11 alternating runs, offscreen and on Xvfb (the platform comes from
QT_QPA_PLATFORM, offscreen by default; for Xvfb: DISPLAY=:N QT_QPA_PLATFORM=xcb).

"Shown" means the window's first paint event (what the official sees), taken
inside the child; the clock starts in the parent just before the process is
spawned, so interpreter start-up and imports count for both.

    python bench/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child reports time.time() at first paint and exits. The desk child goes
# through the same build_desk() the `humasdesk --sandbox` command uses.
_PAINT_PROBE = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is WINDOW:
            print(repr(time.time()), flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False
"""

BARE = (
    _PAINT_PROBE
    + r"""
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1])
WINDOW = QMainWindow()
WINDOW.setWindowTitle("bare")
WINDOW.resize(1100, 720)
probe = FirstPaint()
WINDOW.installEventFilter(probe)
WINDOW.show()
app.exec()
"""
)

DESK = (
    _PAINT_PROBE
    + r"""
from humasdesk.app import DeskOptions, build_desk
desk = build_desk(DeskOptions(sandbox=True, data_dir=sys.argv[1]))
WINDOW = desk.window
probe = FirstPaint()
WINDOW.installEventFilter(probe)
desk.app.exec()
desk.close()
"""
)


def measure(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    ).stdout
    shown = float(out.strip().splitlines()[0])
    return (shown - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    opts = parser.parse_args()
    bare, desk = [], []
    with tempfile.TemporaryDirectory() as tmp:
        measure(BARE)  # warm the OS file cache for both, untimed
        measure(DESK, tmp)
        for _ in range(opts.runs):
            bare.append(measure(BARE))
            desk.append(measure(DESK, tmp))
    bare_ms, desk_ms = statistics.median(bare), statistics.median(desk)
    ratio = desk_ms / bare_ms
    print(f"{'window':<8} {'median ms':>10} {'min ms':>8} {'max ms':>8}   runs={opts.runs}")
    for name, values in (("bare", bare), ("desk", desk)):
        print(
            f"{name:<8} {statistics.median(values):>10.0f} {min(values):>8.0f} {max(values):>8.0f}"
        )
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"ratio desk/bare ({platform}): {ratio:.2f} (target <= 1.3)")
    print(
        json.dumps(
            {
                "desk_ms": round(desk_ms),
                "bare_ms": round(bare_ms),
                "ratio": round(ratio, 2),
                "runs": opts.runs,
                "platform": platform,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
