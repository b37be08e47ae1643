"""A small run of `bench/send_stress.py`: 120 sends from the desk's GUI, half of them through
the real office confirmation dialog, while a worker thread makes garbage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_sends_with_a_busy_worker_do_not_crash_the_desk():
    """Before the fix this process died with a segmentation fault in every run, within 120
    sends: the confirmation dialog, handed to Python by `exec()`, was freed by the garbage
    collector on a worker thread, taking the application's screen with it. An official saw
    the window vanish; the queued post went out unannounced at the next start. Run in a child
    process so that a crash is a failed test, not a lost test run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", "bench/send_stress.py", "--sends", "120",
         "--deadline", "150"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=170,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    fig = json.loads(proc.stdout.strip().splitlines()[-1])
    assert fig["on_x"] == 120 and fig["duplicates"] == 0, fig
    assert fig["confirmed"] == 60, fig  # every office post went through the real dialog
