"""A small run of `bench/startup.py`: one bare window and one desk, offscreen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_startup_bench_reports_the_first_paint_and_when_the_desk_is_usable():
    """The start-up benchmark's JSON line keeps the keys earlier runs were compared by
    and says when the desk became usable, never before its (skeleton) first paint. If
    this breaks, issue 14's measurements can no longer be repeated or compared."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "bench/startup.py", "--runs", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"desk_ms", "bare_ms", "ratio", "runs", "platform"} <= result.keys()
    assert result["first_paint"] == "skeleton"
    assert result["desk_usable_ms"] >= result["desk_ms"] > 0
    assert result["usable_ratio"] >= result["ratio"] > 0
