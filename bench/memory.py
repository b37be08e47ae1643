"""Desk memory benchmark: peak RSS of the desk in practice mode, beside a bare QMainWindow's.

The desk (the real `MainWindow` + `DeskController`, in-memory keyring, a sandbox in a child
process) opens a data folder whose activity log holds N entries (default 1,000,000, made once
with `append_many`, then brought to the state a desk in daily use leaves it in: the
retention schedule run over it, the reach tab's post discovery and the chain check's
checkpoint caught up; copied fresh for every run; `--first-start` leaves out the last two,
as on the first start of a version that brings them), signs both panes in, syncs the mentions
injected into the sandbox beforehand (default 500 per account; every one loaded into its
pane's list, as after scrolling to the oldest), and opens the log view over
the whole log (count + first page). Then it idles a moment and reports its peak resident set
(`ru_maxrss`). The bare window is a `QMainWindow` of the same size, shown and painted, in a
process of its own. Each is a fresh process; runs alternate; medians. Offscreen.
Target: desk <= 3x the bare window.

    python bench/memory.py [--entries 1000000] [--mentions 500] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ROOT, citizen_handle, control, emit, mention_text, sandbox, table

TARGET = 3.0

BARE_CHILD = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
painted = []
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(1)
        return False
watch = Watch()
window.installEventFilter(watch)
window.show()
end = time.monotonic() + 30
while not painted and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.005)
idle = time.monotonic() + 1.0
while time.monotonic() < idle:
    app.processEvents()
    time.sleep(0.01)
# VmHWM as `peak_kib` reads it (importing this module would add its own imports)
with open("/proc/self/status", encoding="ascii") as f:
    peak = [int(line.split()[1]) for line in f if line.startswith("VmHWM:")][0]
print(json.dumps({"peak_kib": peak}))
"""

DESK_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[3])
from bench.memory import desk_child
desk_child(sys.argv[1], sys.argv[2], int(sys.argv[4]))
"""


def desk_child(url: str, data_dir: str, mentions: int) -> None:
    """Run in a child process: the desk until both inboxes hold their mentions and the log
    view shows the whole log; prints the peak RSS (KiB) as JSON."""
    from PySide6.QtCore import QModelIndex

    from bench._common import practice_desk
    from humasdesk.core.models import Slot

    app, window, controller = practice_desk(Path(data_dir), url)

    def spin_until(done: Any, timeout: float = 300.0, what: str = "") -> None:
        end = time.monotonic() + timeout
        while not done():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {timeout:.0f} s for {what}")
            app.processEvents()
            time.sleep(0.005)

    spin_until(lambda: len(controller.sessions) == 2, what="both sign-ins")
    root = QModelIndex()
    for slot in Slot:
        model = window.panes[slot].inbox_view.model
        spin_until(lambda m=model: len(m.all_items()) >= mentions, what=f"{slot} mentions")
        while model.canFetchMore(root):  # the official scrolled down to the oldest
            model.fetchMore(root)
    window.action_log.trigger()
    spin_until(lambda: controller.log_window is not None, what="the log view")
    view = controller.log_window
    spin_until(lambda: view.model.rowCount() > 0, what="the log rows")
    # Every job queued so far done (the start-up retention check over the whole log among
    # them): the peak is the desk's settled one, and shutting down cuts no job off.
    done: list[int] = []
    workers = [*controller._workers.values(), controller._long_work, view.worker]
    for worker in workers:
        worker.submit(lambda: None, on_done=lambda _r: done.append(1))
    spin_until(lambda: len(done) == len(workers), timeout=600.0, what="the desk's jobs")
    idle = time.monotonic() + 1.0
    while time.monotonic() < idle:
        app.processEvents()
        time.sleep(0.01)
    peak = peak_kib()
    inbox = {str(s): window.panes[s].inbox_view.model.rowCount() for s in Slot}
    log_rows = view.model.rowCount()
    window.close_guard = None
    controller.shutdown()
    if controller.services is not None:
        controller.services.close()
    window.close()
    print(json.dumps({"peak_kib": peak, "inbox_rows": inbox, "log_rows": log_rows}), flush=True)


def peak_kib() -> int:
    """This process's peak resident set (KiB): VmHWM, which starts afresh at exec (Linux's
    ru_maxrss keeps the parent's peak across fork and exec), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def seed_log(database: Path, n: int, *, daily_use: bool = True) -> float:
    """A data folder's database with an activity log of `n` entries; returns the seconds."""
    from bench.log_scale import BATCH, entries
    from humasdesk.core.privacy import RetentionPolicy
    from humasdesk.services.privacy import apply_retention
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import ConnectionFactory, open_database
    from humasdesk.store.privacy_store import PrivacyStore

    t = time.perf_counter()
    open_database(database).close()
    log = ActivityLog(ConnectionFactory(database))
    gen = entries(n)
    done = 0
    while done < n:
        batch = [e for _, e in zip(range(min(BATCH, n - done)), gen, strict=False)]
        log.append_many(batch)
        done += len(batch)
    # A log this long belongs to a desk in daily use, whose retention schedule has run at
    # every start: the old unanswered mentions were erased then, not at this start.
    privacy = PrivacyStore(ConnectionFactory(database))
    apply_retention(log, privacy, RetentionPolicy(), datetime.now(UTC), trigger="schedule")
    privacy.close()
    if daily_use:
        # Each start checks the chain from its checkpoint and the reach tab registers the
        # posts logged since its last scan: on a desk in use both are near the log's head.
        from humasdesk.services.metrics import MetricsService
        from humasdesk.store.metrics_store import MetricsStore

        metrics_store = MetricsStore(ConnectionFactory(database))
        MetricsService(metrics_store, log).discover()
        metrics_store.close()
        if not log.check_at_startup().ok:
            raise RuntimeError("the seeded log does not verify")
    log.close()
    return time.perf_counter() - t


def _child(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    out = subprocess.run(
        [sys.executable, "-c", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"child failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_memory(
    *,
    n: int = 1_000_000,
    mentions: int = 500,
    runs: int = 3,
    keep: str | None = None,
    first_start: bool = False,
) -> dict[str, Any]:
    from humasdesk.core.models import Slot
    from humasdesk.services.session import PRACTICE_HANDLES

    tmp = tempfile.TemporaryDirectory(prefix="bench-mem-")
    work = Path(keep) if keep else Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    seeded = work / ("seed-first-start.db" if first_start else "seed.db")
    seed_s = None
    if not seeded.exists():
        seed_s = seed_log(seeded, n, daily_use=not first_start)
    bare: list[float] = []
    desk: list[float] = []
    detail: dict[str, Any] = {}
    rng = random.Random(3)
    for i in range(runs):
        bare.append(_child([BARE_CHILD])["peak_kib"] / 1024)
        data = work / f"run{i}"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        shutil.copyfile(seeded, data / "humasdesk.db")
        with sandbox() as url:
            for slot in Slot:
                for _ in range(mentions):
                    control(
                        url,
                        "POST",
                        "mentions",
                        {
                            "to": PRACTICE_HANDLES[slot],
                            "from": citizen_handle(rng),
                            "text": mention_text(rng, PRACTICE_HANDLES[slot]),
                        },
                    )
            out = _child([DESK_CHILD, url, str(data), str(ROOT), str(mentions)])
        desk.append(out["peak_kib"] / 1024)
        detail = {"inbox_rows": out["inbox_rows"], "log_rows": out["log_rows"]}
        shutil.rmtree(data, ignore_errors=True)
        print(f"  run {i + 1}: bare {bare[-1]:.0f} MiB, desk {desk[-1]:.0f} MiB", file=sys.stderr)
    if not keep:
        tmp.cleanup()
    bare_mib, desk_mib = statistics.median(bare), statistics.median(desk)
    return {
        "entries": n,
        "mentions_per_pane": mentions,
        "seed_state": "first_start" if first_start else "daily_use",
        "desk_peak_mib": round(desk_mib),
        "bare_peak_mib": round(bare_mib),
        "memory_ratio": round(desk_mib / bare_mib, 2),
        "desk_runs_mib": [round(v) for v in desk],
        "bare_runs_mib": [round(v) for v in bare],
        "runs": runs,
        "seed_s": None if seed_s is None else round(seed_s, 1),
        **detail,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--entries", type=int, default=1_000_000)
    p.add_argument("--mentions", type=int, default=500, help="per pane")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--keep", metavar="DIR", help="make the seeded log in DIR and keep it")
    p.add_argument(
        "--first-start",
        action="store_true",
        help="the log as a version that adds reach and the chain checkpoint first finds it",
    )
    opts = p.parse_args()
    fig = run_memory(
        n=opts.entries,
        mentions=opts.mentions,
        runs=opts.runs,
        keep=opts.keep,
        first_start=opts.first_start,
    )
    ok = fig["memory_ratio"] <= TARGET
    print(
        table(
            [
                ("bare QMainWindow", f"{fig['bare_peak_mib']} MiB", str(fig["bare_runs_mib"]), ""),
                (
                    "desk (practice, log view open)",
                    f"{fig['desk_peak_mib']} MiB",
                    str(fig["desk_runs_mib"]),
                    f"ratio {fig['memory_ratio']} (target <= {TARGET}): "
                    + ("ok" if ok else "MISSED"),
                ),
            ],
            ("peak RSS", "median", "runs", "verdict"),
        )
    )
    emit(fig)
    return 0


if __name__ == "__main__":
    sys.exit(main())
