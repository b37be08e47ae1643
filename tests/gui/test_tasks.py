"""Background work reports back on the GUI thread, in order, errors included.
If this breaks, a failed send could vanish without a message, or a widget could
be touched from a worker thread and crash the desk."""

from __future__ import annotations

import sys
import threading

import pytest

from humasdesk.gui.tasks import GUI_SWITCH_INTERVAL_S, Worker


def test_results_arrive_on_the_gui_thread_in_submission_order(qtbot):
    worker = Worker("test")
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int]] = []
    ran_on: set[int] = set()

    def job(n: int) -> int:
        ran_on.add(threading.get_ident())
        return n * 10

    for n in range(5):
        worker.submit(job, n, on_done=lambda r: seen.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=5000)
    assert [r for r, _ in seen] == [0, 10, 20, 30, 40]
    assert {t for _, t in seen} == {gui_thread}
    assert gui_thread not in ran_on
    worker.shutdown(wait=True)


def test_exceptions_reach_the_error_callback(qtbot):
    worker = Worker("test")
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("tidak valid")

    worker.submit(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)
    worker.shutdown(wait=True)


def test_nothing_runs_after_shutdown(qtbot):
    worker = Worker("test")
    worker.shutdown(wait=True)
    assert worker.submit(lambda: 1) is False


@pytest.fixture
def switch_interval():
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


def test_a_running_worker_lets_the_gui_thread_back_in_quickly(qtbot, switch_interval):
    """With Python's 5 ms default a busy worker held up each of a repaint's Python callbacks
    (a 90 ms frame at start-up, bench/ui_stall.py); the first worker lowers it."""
    sys.setswitchinterval(0.005)
    worker = Worker("test")
    with qtbot.waitSignal(worker.job_finished, timeout=5000):
        worker.submit(lambda: None)
    assert sys.getswitchinterval() <= GUI_SWITCH_INTERVAL_S
    worker.shutdown(wait=True, timeout=5)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S / 5)  # someone wanted it lower still
    worker = Worker("test2")
    with qtbot.waitSignal(worker.job_finished, timeout=5000):
        worker.submit(lambda: None)
    assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S / 5)
    worker.shutdown(wait=True, timeout=5)


def test_the_worker_never_drops_the_last_reference_to_a_qt_object(qtbot):
    """A job's function may be a method of a window the official closes while the job runs.
    Its last reference must be dropped on the GUI thread: let go on the worker, shiboken
    deleted the Qt object there, under the GUI thread's feet (segmentation faults)."""
    from PySide6.QtCore import QObject, Qt

    class Window(QObject):
        def work(self) -> int:
            gate.wait(5)
            return 1

    gate = threading.Event()
    gui_thread = threading.get_ident()
    deleted_on: list[int] = []
    worker = Worker("test")
    window = Window()  # no parent: Python owns it, as a closed top-level window
    window.destroyed.connect(
        lambda: deleted_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    done: list[int] = []
    worker.submit(window.work, on_done=done.append)
    del window  # closed: only the queued job still refers to it
    gate.set()
    worker.submit(lambda: None)  # the worker moves on to its next job
    qtbot.waitUntil(lambda: bool(deleted_on), timeout=5000)
    assert done == [1]
    assert deleted_on == [gui_thread]
    worker.shutdown(wait=True, timeout=5)


def _resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_a_long_job_freed_goes_back_to_the_system(qtbot):
    """A long scan on a worker (the start-up retention walk over a large log) frees what it
    read; the desk's resident memory falls back instead of keeping it for good."""
    import time

    survivors: list[bytes] = []

    def scan() -> float:
        chunks = [bytes(2048) for _ in range(50_000)]  # ~100 MiB from the worker's arena
        survivors.extend(chunks[::200])  # a few stay, scattered: the arena cannot shrink
        peak = _resident_mib()
        del chunks
        time.sleep(0.6)  # a long job
        return peak

    before = _resident_mib()
    worker = Worker("test")
    peaks: list[float] = []
    worker.submit(scan, on_done=peaks.append)
    qtbot.waitUntil(lambda: bool(peaks), timeout=20000)
    after = _resident_mib()
    worker.shutdown(wait=True, timeout=5)
    assert peaks[0] - before > 80  # the scan really held the memory
    assert after - before < 30, (before, peaks[0], after)
