"""How promptly the X client's waits end: sign-in cancel, sign-in time-out, a silent server.

Three waits the official notices when they drag:
- *Batal* during sign-in: `LoopbackListener.cancel()` from the GUI thread until `wait()` has
  returned on the worker. Baseline, same run: a thread blocked in `select` on a socket pair,
  woken by one byte (the mechanism the listener uses, without it).
- The sign-in time-out: `LoopbackListener(timeout=T).wait()` until it raises, vs T.
- A server that accepts and never answers: a request through `mount_transport(..., timeout=
  (1.0, R))` made without a time-out, until `ReadTimeout`. Baseline, same run: plain
  `requests` with `timeout=(1.0, R)` against the same server.

Targets: cancel under 1 s (the official pressed Batal; the desk must react at once),
the time-out and the read time-out within 0.5 s of what was set.

    python bench/xapi_waits.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import selectors
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import emit, table

CANCEL_TARGET_S = 1.0
OVERSHOOT_TARGET_S = 0.5
LISTENER_TIMEOUT_S = 0.3
READ_TIMEOUT_S = 0.3


def _settle(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the waiting thread never started waiting")
        time.sleep(0.001)


def cancel_once() -> float:
    from humasdesk.core.errors import OAuthError
    from humasdesk.xapi.listener import LoopbackListener

    listener = LoopbackListener(timeout=60)
    listener.expected_state = "s"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            listener.wait()
        except OAuthError as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    _settle(lambda: listener._waiting)
    time.sleep(0.02)  # in its select now
    started = time.perf_counter()
    listener.cancel()
    thread.join(30)
    elapsed = time.perf_counter() - started
    if thread.is_alive() or not errors:
        raise RuntimeError("cancel did not end the wait")
    return elapsed


def select_wake_once() -> float:
    """Baseline: a thread in select() on a socket pair, woken by one byte."""
    r, w = socket.socketpair()
    ready = threading.Event()

    def run() -> None:
        with selectors.DefaultSelector() as sel:
            sel.register(r, selectors.EVENT_READ)
            ready.set()
            sel.select(timeout=60)

    thread = threading.Thread(target=run)
    thread.start()
    ready.wait(10)
    time.sleep(0.02)
    started = time.perf_counter()
    w.send(b"x")
    thread.join(30)
    elapsed = time.perf_counter() - started
    r.close()
    w.close()
    return elapsed


def listener_timeout_once() -> float:
    from humasdesk.core.errors import OAuthError
    from humasdesk.xapi.listener import LoopbackListener

    listener = LoopbackListener(timeout=LISTENER_TIMEOUT_S)
    listener.expected_state = "s"
    started = time.perf_counter()
    try:
        listener.wait()
    except OAuthError:
        return time.perf_counter() - started
    raise RuntimeError("the listener returned without a callback")


def read_timeout_once(silent_port: int, *, adapter: bool) -> float:
    import requests

    from humasdesk.xapi.transport import mount_transport

    url = f"http://127.0.0.1:{silent_port}/"
    with requests.Session() as session:
        if adapter:
            mount_transport(session, None, timeout=(1.0, READ_TIMEOUT_S))
        started = time.perf_counter()
        try:
            if adapter:
                session.get(url, timeout=None)
            else:
                session.get(url, timeout=(1.0, READ_TIMEOUT_S))
        except requests.ReadTimeout:
            return time.perf_counter() - started
    raise RuntimeError("the silent server answered")


def run(repeat: int = 10) -> dict[str, object]:
    cancel = [cancel_once() for _ in range(repeat)]
    wake = [select_wake_once() for _ in range(repeat)]
    timeouts = [listener_timeout_once() for _ in range(max(3, repeat // 2))]
    with socket.create_server(("127.0.0.1", 0), backlog=64) as silent:
        port = silent.getsockname()[1]
        ours = [read_timeout_once(port, adapter=True) for _ in range(max(3, repeat // 2))]
        plain = [read_timeout_once(port, adapter=False) for _ in range(max(3, repeat // 2))]

    med = statistics.median
    fig = {
        "bench": "xapi_waits",
        "repeat": repeat,
        "cancel_ms": round(med(cancel) * 1000, 2),
        "cancel_max_ms": round(max(cancel) * 1000, 2),
        "select_wake_baseline_ms": round(med(wake) * 1000, 2),
        "listener_timeout_s": round(med(timeouts), 3),
        "listener_timeout_set_s": LISTENER_TIMEOUT_S,
        "read_timeout_s": round(med(ours), 3),
        "read_timeout_baseline_s": round(med(plain), 3),
        "read_timeout_set_s": READ_TIMEOUT_S,
    }
    fig["within_target"] = (
        max(cancel) < CANCEL_TARGET_S
        and max(timeouts) - LISTENER_TIMEOUT_S < OVERSHOOT_TARGET_S
        and max(ours) - READ_TIMEOUT_S < OVERSHOOT_TARGET_S
    )
    rows = [
        (
            "sign-in Batal → wait() returns",
            f"{fig['cancel_ms']} ms (max {fig['cancel_max_ms']})",
            f"select woken by a byte: {fig['select_wake_baseline_ms']} ms",
            "ok" if max(cancel) < CANCEL_TARGET_S else "SLOW",
        ),
        (
            f"sign-in time-out set to {LISTENER_TIMEOUT_S} s",
            f"{fig['listener_timeout_s']} s",
            f"set: {LISTENER_TIMEOUT_S} s",
            "ok" if max(timeouts) - LISTENER_TIMEOUT_S < OVERSHOOT_TARGET_S else "LATE",
        ),
        (
            f"silent server, adapter read time-out {READ_TIMEOUT_S} s",
            f"{fig['read_timeout_s']} s",
            f"plain requests: {fig['read_timeout_baseline_s']} s",
            "ok" if max(ours) - READ_TIMEOUT_S < OVERSHOOT_TARGET_S else "LATE",
        ),
    ]
    print(table(rows, ("wait", "HumasDesk (median)", "baseline", "verdict")), flush=True)
    return fig


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=10, help="runs of each wait")
    opts = p.parse_args()
    fig = run(opts.repeat)
    emit(fig)
    return 0 if fig["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
