"""Run plain functions off the GUI thread; get results back on it.

A `Worker` owns one thread and runs its jobs in order, so one account's X
work (sends, deletes, syncs) stays serialised and its tweepy client is only
ever used from that thread. The job gets plain data and returns plain data;
it never touches a widget. Its return value or exception arrives through a
queued signal, so callbacks always run on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from queue import SimpleQueue
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from humasdesk.gui.heap import release_free_memory

logger = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
_STOP = None

#: How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).
#: A worker running Python (an import, building the post-length rules, decoding a page of
#: mentions) made the GUI thread wait up to 5 ms at each of the many Python callbacks of one
#: repaint: a 90 ms frame at start-up. At 0.5 ms the same frame takes about 20 ms
#: (bench/ui_stall.py measures it).
GUI_SWITCH_INTERVAL_S = 0.0005

#: A job that ran this long has usually read a lot (a scan of the log, many pages from X):
#: the memory it freed goes back to the system (see `heap`). Shorter jobs are left alone:
#: a trim walks the heap, and the next short job reuses what it freed.
RELEASE_AFTER_S = 0.5


def favour_gui_thread() -> None:
    """Let the GUI thread get the GIL back quickly while workers run Python. Process-wide,
    never raised above what someone else set."""
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


@dataclass(eq=False)
class _Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: ResultCallback | None
    on_error: ErrorCallback | None
    result: Any = None
    error: BaseException | None = None


class Worker(QObject):
    """A single background thread with a queue of jobs.

    The GUI thread owns every job, from `submit` until its callback has run: the worker
    thread only borrows a job's function and arguments, leaves the result or the exception
    in the job, and announces it by number. So the worker never drops the last reference to
    anything: a job's function may be a method of a dialog that was closed meanwhile, and an
    exception's traceback holds the frames (and their `self`) it ran in. If the worker let go
    of the last reference to a Qt object, shiboken would delete that object on the worker
    thread while the GUI thread uses it: the desk's segmentation faults.

    Signals:
        job_finished(int): internal relay, the number of the job whose outcome is ready.
    """

    job_finished = Signal(int)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._queue: SimpleQueue[int | None] = SimpleQueue()
        self._jobs: dict[int, _Job] = {}  # dict operations are atomic under the GIL
        self._numbers = itertools.count()
        self._thread: threading.Thread | None = None  # started on the first job
        self._closed = False
        self.job_finished.connect(self.on_self_job_finished)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> bool:
        """Queue `fn(*args)`; `on_done(result)` or `on_error(exc)` run on the GUI thread.

        Returns False (and queues nothing) once the worker is shut down.
        """
        if self._closed:
            return False
        if self._thread is None:
            favour_gui_thread()
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        number = next(self._numbers)
        self._jobs[number] = _Job(fn, args, on_done, on_error)
        self._queue.put(number)
        return True

    def _run(self) -> None:
        while (number := self._queue.get()) is not _STOP:
            if self._closed:
                continue  # drain without running: the desk is closing
            started = time.monotonic()
            self._execute(self._jobs[number])  # borrowed: the GUI thread keeps the job
            if time.monotonic() - started >= RELEASE_AFTER_S:
                release_free_memory()
            if sys.is_finalizing():
                return  # Python is tearing down: a queued Qt event now would outlive it
            try:
                self.job_finished.emit(number)
            except RuntimeError:
                return  # the QObject is gone (window closed); nobody is listening

    @staticmethod
    def _execute(job: _Job) -> None:
        try:
            job.result = job.fn(*job.args)
        except Exception as exc:
            job.error = exc

    @Slot(int)
    def on_self_job_finished(self, number: int) -> None:
        job = self._jobs.pop(number, None)
        if job is None:
            return
        if job.error is not None:
            if job.on_error is not None:
                job.on_error(job.error)
            else:
                logger.error("background job failed: %s", type(job.error).__name__)
        elif job.on_done is not None:
            job.on_done(job.result)

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Drop queued jobs; the running one finishes on its own (network calls time out).

        With `wait`, block up to `timeout` seconds for it; returns whether the thread ended.
        """
        self._closed = True
        self._queue.put(_STOP)
        if self._thread is None:
            return True
        if wait:
            self._thread.join(timeout)
        return not self._thread.is_alive()


def shutdown_all(workers: list[Worker], timeout: float) -> bool:
    """Stop every worker, waiting at most `timeout` seconds in all."""
    for worker in workers:
        worker.shutdown(wait=False)
    deadline = time.monotonic() + timeout
    return all(
        worker.shutdown(wait=True, timeout=max(0.0, deadline - time.monotonic()))
        for worker in workers
    )
