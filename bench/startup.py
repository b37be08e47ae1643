"""Start-up benchmark: process start → main window shown, desk vs a bare QMainWindow.

Both are measured in the same run, alternating, several times each; medians and
the ratio are printed, then one line of JSON. Target: desk within 1.3x bare (issue 14),
median of 11 alternating runs, offscreen and on Xvfb (the platform comes from
QT_QPA_PLATFORM, offscreen by default; for Xvfb: DISPLAY=:N QT_QPA_PLATFORM=xcb).

"Shown" means the window's first paint event (what the official sees), taken
inside the child; the clock starts in the parent just before the process is
spawned, so interpreter start-up and imports count for both. The desk's first
paint is a skeleton (title, menu bar, banner, each pane's frame with its account
role and "Memuat…"); "usable" is when its account panes are built and have painted
(`MainWindow.panes_ready`; from then on it takes input), also against the bare
window's first paint. Neither includes signing in: that waits on the practice
emulator and the keyring, on workers, after both. The children run with bytecode
caches (PYTHONDONTWRITEBYTECODE is dropped for them; the warm-up run writes them).

`--before DIR` also times the desk of another source tree (e.g. `git archive` of an
older commit) in the same alternation; a desk without a skeleton is usable at its
first paint.

    python bench/startup.py [--runs 11] [--before DIR]
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

# The child reports time.time() at first paint (and, for the desk, when usable) and
# exits. The desk child goes through the same build_desk() the `humasdesk --sandbox`
# command uses.
_PAINT_PROBE = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def __init__(self, quit_after=True):
        super().__init__()
        self.quit_after = quit_after
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is WINDOW:
            print(repr(time.time()), flush=True)
            if self.quit_after:
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
skeleton = hasattr(WINDOW, "panes_ready")  # False: an older desk, usable at first paint
probe = FirstPaint(quit_after=not skeleton)
WINDOW.installEventFilter(probe)

def usable():
    print(repr(time.time()), flush=True)
    QTimer.singleShot(0, QApplication.quit)

if skeleton:
    WINDOW.panes_ready.connect(usable)
desk.app.exec()
desk.close()
"""
)


def measure(script: str, *args: str, source: Path | None = None) -> tuple[float, float]:
    """(first paint, usable) in ms from spawning the child; `source`: another tree to run."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # As the desk runs when installed (pip and the frozen bundle ship compiled modules):
    # the untimed warm-up run writes the bytecode caches, so no timed run compiles sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if source is not None:
        env["PYTHONPATH"] = str(source)  # ahead of the editable install of this tree
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=source or ROOT,
        timeout=120,
        check=True,
    ).stdout
    times = [float(line) for line in out.strip().splitlines()[:2]]
    return (times[0] - started) * 1000, (times[-1] - started) * 1000


def row(name: str, values: list[float]) -> str:
    median = statistics.median(values)
    return f"{name:<22} {median:>10.0f} {min(values):>8.0f} {max(values):>8.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", type=Path, help="also time the desk of this source tree")
    opts = parser.parse_args()
    bare: list[float] = []
    desk: list[tuple[float, float]] = []
    before: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as tmp_before:
        measure(BARE)  # warm the OS file cache for all, untimed
        measure(DESK, tmp)
        if opts.before:
            measure(DESK, tmp_before, source=opts.before)
        for _ in range(opts.runs):
            bare.append(measure(BARE)[0])
            desk.append(measure(DESK, tmp))
            if opts.before:
                before.append(measure(DESK, tmp_before, source=opts.before))
    bare_ms = statistics.median(bare)
    desk_ms = statistics.median(t[0] for t in desk)
    usable_ms = statistics.median(t[1] for t in desk)
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"{'window':<22} {'median ms':>10} {'min ms':>8} {'max ms':>8}   runs={opts.runs}")
    print(row("bare (first paint)", bare))
    print(row("desk first paint", [t[0] for t in desk]) + "   (a skeleton: no panes yet)")
    print(row("desk usable", [t[1] for t in desk]) + "   (panes built and painted)")
    result = {
        "desk_ms": round(desk_ms),
        "bare_ms": round(bare_ms),
        "ratio": round(desk_ms / bare_ms, 2),
        "runs": opts.runs,
        "platform": platform,
        "first_paint": "skeleton",
        "bytecode_cache": True,
        "desk_usable_ms": round(usable_ms),
        "usable_ratio": round(usable_ms / bare_ms, 2),
    }
    if before:
        before_ms = statistics.median(t[0] for t in before)
        before_usable = statistics.median(t[1] for t in before)
        print(row("before first paint", [t[0] for t in before]))
        print(row("before usable", [t[1] for t in before]))
        result.update(
            before_ms=round(before_ms),
            before_ratio=round(before_ms / bare_ms, 2),
            before_usable_ms=round(before_usable),
            before_usable_ratio=round(before_usable / bare_ms, 2),
        )
    print(
        f"ratio desk/bare ({platform}): first paint (skeleton) {result['ratio']:.2f}"
        f" (target <= 1.3), usable {result['usable_ratio']:.2f}"
        + (
            f"; before: {result['before_ratio']:.2f}, usable {result['before_usable_ratio']:.2f}"
            if before
            else ""
        )
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
