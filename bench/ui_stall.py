"""UI-stall benchmark: does the two-pane desk keep the GUI thread responsive while it works?

A 1 ms heartbeat `QTimer` on the GUI thread records the gap between its ticks; a stall is
the gap minus 1 ms. First the bare main window sits idle (the baseline, same process),
then the real desk (`MainWindow` + `DeskController`, in-memory keyring, stand-ins for the
browser and the confirmation dialog, undo window 0.3 s) starts against a sandbox that adds
150 ms to every X request (`delay_ms` fault on ``/2/``), signs both panes in, syncs the
mentions injected beforehand (default 500 per account) and sends posts from each pane
(default 20) through the composer (`on_send_button_clicked`) → outbox → sender. The
heartbeat runs until every post is on X (counted on the sandbox) and every mention is in
its pane's inbox. Offscreen. Target: busy max < 50 ms, p99 < 16 ms.

    python bench/ui_stall.py [--mentions 500] [--posts 20] [--delay-ms 150] [--idle 3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import (
    SERVICE,
    MemoryKeyring,
    add_fault,
    citizen_handle,
    control,
    count_on_x,
    distinct_posts,
    emit,
    mention_text,
    percentile,
    run_id,
    sandbox,
    table,
)


class Heartbeat:
    """A 1 ms precise timer on the GUI thread; `stalls` are tick gaps minus 1 ms, in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stalls: list[float] = []
        self.worst: list[tuple[float, float, str]] = []  # (stall ms, at s, phase)
        self.phase: Any = lambda: ""
        self._t0 = 0.0
        self._last: float | None = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            stall = max(0.0, (now - self._last) * 1000 - 1.0)
            self.stalls.append(stall)
            if stall > 16:
                self.worst.append((round(stall, 1), round(self._last - self._t0, 2), self.phase()))
        self._last = now

    def start(self) -> None:
        self.stalls = []
        self.worst = []
        self._last = None
        self._t0 = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.stalls


def _summary(stalls: list[float]) -> dict[str, float]:
    return {
        "max_ms": round(max(stalls, default=0.0), 1),
        "p99_ms": round(percentile(stalls, 99), 1),
        "p50_ms": round(percentile(stalls, 50), 2),
        "ticks": len(stalls),
        "over_16ms": sum(s > 16 for s in stalls),
        "over_50ms": sum(s > 50 for s in stalls),
    }


def run_ui_stall(
    *,
    mentions: int = 500,
    posts: int = 20,
    delay_ms: int = 150,
    idle_s: float = 3.0,
    sandbox_url: str | None = None,
    deadline_s: float = 240.0,
    seed: int = 1,
) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from humasdesk.core.models import Slot
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.gui.desk import DeskController
    from humasdesk.gui.main_window import MainWindow
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES

    rng = random.Random(seed)
    _app = QApplication.instance() or QApplication(["ui_stall", "-platform", "offscreen"])
    tmp = tempfile.TemporaryDirectory(prefix="bench-ui-")
    started = time.monotonic()

    def spin(seconds: float, until: Any = None) -> bool:
        """Run the event loop for `seconds` or until `until()` holds (checked every 20 ms)."""
        end = time.monotonic() + seconds
        loop = QEventLoop()
        while time.monotonic() < end:
            if until is not None and until():
                return True
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return until is None or bool(until())

    with sandbox(sandbox_url) as base_url:
        # Citizens write first (no delay for the set-up).
        t0 = time.monotonic()
        for slot in Slot:
            for _ in range(mentions):
                control(
                    base_url,
                    "POST",
                    "mentions",
                    {
                        "to": PRACTICE_HANDLES[slot],
                        "from": citizen_handle(rng),
                        "text": mention_text(rng, PRACTICE_HANDLES[slot]),
                    },
                )
        inject_s = time.monotonic() - t0

        # Baseline: the bare main window, idle, same process.
        window = MainWindow(practice=True)
        window.resize(1280, 800)
        window.show()
        beat = Heartbeat()
        spin(0.5)
        beat.start()
        spin(idle_s)
        idle = _summary(beat.stop())

        # The busy desk.
        add_fault(base_url, count=1_000_000, path_prefix="/2/", delay_ms=delay_ms)
        db = Path(tmp.name) / "humasdesk.db"
        backend = MemoryKeyring()

        def prepare() -> Any:
            return build_desk_services(
                db,
                XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
                FallbackTokenStore(TokenStore(SERVICE, backend=backend)),
                undo_s=0.3,
            )

        controller = DeskController(
            window,
            prepare_services=prepare,
            open_url=lambda url: None,
            practice_handles=PRACTICE_HANDLES,
            sign_in_timeout=60,
            confirm_sign_out=False,
            confirm=lambda parent, slot, account, draft: True,
            ask=lambda parent, title, text: False,
            parent=window,
        )
        planned = distinct_posts(2 * posts, list(Slot), rng, run_id())
        texts = {slot: [t for s, t in planned if s is slot] for slot in Slot}
        expected = {t: PRACTICE_HANDLES[s] for s, t in planned}
        synced = dict.fromkeys(Slot, 0)
        sent_from = dict.fromkeys(Slot, 0)

        state: dict[str, Any] = {"on_x": 0, "stop": False, "poll_errors": 0}

        def poll_sandbox() -> None:  # off the GUI thread, like the official's phone
            while not state["stop"]:
                try:
                    state["on_x"] = count_on_x(base_url, expected)["on_x"]
                except requests.RequestException:
                    state["poll_errors"] += 1
                time.sleep(0.5)

        poller = threading.Thread(target=poll_sandbox, daemon=True)

        def drive() -> None:
            """Type and send the next post in each pane whose composer is ready."""
            for slot in Slot:
                desk = controller.slot_desks.get(slot)
                if desk is None or slot not in controller.sessions:
                    continue
                if not desk._wired or sent_from[slot] >= posts:
                    continue
                composer = window.panes[slot].composer
                if not composer.isEnabled() or not composer.handle:
                    continue
                composer.parts[0].edit.setPlainText(texts[slot][sent_from[slot]])
                composer.on_send_button_clicked()
                sent_from[slot] += 1

        hooked: set[Slot] = set()

        def hook() -> None:
            for slot, desk in controller.slot_desks.items():
                if slot not in hooked:
                    hooked.add(slot)
                    desk.mentions_synced.connect(lambda s, n: synced.__setitem__(s, synced[s] + n))

        driver = QTimer()
        driver.setInterval(50)
        driver.timeout.connect(hook)
        driver.timeout.connect(drive)

        beat.phase = lambda: (
            f"signed in {len(controller.sessions)}, mentions {sum(synced.values())}, "
            f"typed {sum(sent_from.values())}, on X {state['on_x']}"
        )
        beat.start()
        busy_started = time.monotonic()
        controller.start()
        driver.start()
        poller.start()
        done = spin(
            deadline_s,
            until=lambda: state["on_x"] >= 2 * posts and all(synced[s] >= mentions for s in Slot),
        )
        busy_s = time.monotonic() - busy_started
        busy = _summary(beat.stop())
        worst = sorted(beat.worst, reverse=True)[:8]
        driver.stop()
        state["stop"] = True
        poller.join(timeout=5)
        counts = count_on_x(base_url, expected)
        control(base_url, "DELETE", "faults")
        controller.shutdown()
        if controller.services is not None:
            verified = controller.services.log.verify().ok
            controller.services.close()
        else:
            verified = False
        window.close()
        window.deleteLater()
        spin(0.2)
    tmp.cleanup()
    return {
        "busy_max_ms": busy["max_ms"],
        "busy_p99_ms": busy["p99_ms"],
        "idle_max_ms": idle["max_ms"],
        "idle_p99_ms": idle["p99_ms"],
        "busy": busy,
        "worst_stalls": worst,
        "idle": idle,
        "finished": done,
        "busy_seconds": round(busy_s, 1),
        "mentions_synced": {s.value: synced[s] for s in Slot},
        "posts_sent_from_composer": {s.value: sent_from[s] for s in Slot},
        "on_x": counts["on_x"],
        "duplicates": counts["duplicates"],
        "lost": counts["lost"],
        "log_verifies": verified,
        "delay_ms": delay_ms,
        "mention_inject_seconds": round(inject_s, 1),
        "seconds": round(time.monotonic() - started, 1),
    }


def report(fig: dict[str, Any]) -> None:
    rows = []
    for name, key in (("idle window", "idle"), ("busy desk", "busy")):
        s = fig[key]
        rows.append(
            (
                name,
                s["max_ms"],
                s["p99_ms"],
                s["p50_ms"],
                s["over_16ms"],
                s["over_50ms"],
                s["ticks"],
            )
        )
    print(table(rows, ("GUI thread", "max ms", "p99 ms", "p50 ms", ">16ms", ">50ms", "ticks")))
    if fig["worst_stalls"]:
        print("worst stalls of the busy desk (the state just after each):")
        print(table(fig["worst_stalls"], ("stall ms", "at s", "desk state")))
    print(
        f"targets (busy): max < 50 ms -> {'ok' if fig['busy_max_ms'] < 50 else 'MISSED'}, "
        f"p99 < 16 ms -> {'ok' if fig['busy_p99_ms'] < 16 else 'MISSED'}"
    )
    print(
        table(
            [
                ("finished before deadline", fig["finished"]),
                ("busy phase seconds", fig["busy_seconds"]),
                ("X latency added per request", f"{fig['delay_ms']} ms"),
                ("mentions synced per pane", fig["mentions_synced"]),
                ("posts sent from composers", fig["posts_sent_from_composer"]),
                (
                    "on X / duplicates / lost",
                    f"{fig['on_x']} / {fig['duplicates']} / {fig['lost']}",
                ),
                ("activity log verifies", fig["log_verifies"]),
            ],
            ("figure", "value"),
        )
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mentions", type=int, default=500, help="per account")
    p.add_argument("--posts", type=int, default=20, help="per pane")
    p.add_argument("--delay-ms", type=int, default=150)
    p.add_argument("--idle", type=float, default=3.0, help="seconds of idle baseline")
    p.add_argument("--sandbox-url", default=None)
    p.add_argument("--deadline", type=float, default=240.0)
    opts = p.parse_args()
    fig = run_ui_stall(
        mentions=opts.mentions,
        posts=opts.posts,
        delay_ms=opts.delay_ms,
        idle_s=opts.idle,
        sandbox_url=opts.sandbox_url,
        deadline_s=opts.deadline,
    )
    report(fig)
    emit({k: v for k, v in fig.items() if k not in ("busy", "idle", "worst_stalls")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
