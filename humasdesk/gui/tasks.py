"""Run plain functions off the GUI thread; get results back on it.

A `Worker` owns one thread and runs its jobs in order, so one account's X
work (sends, deletes, syncs) stays serialised and its tweepy client is only
ever used from that thread. The job gets plain data and returns plain data;
it never touches a widget. Its return value or exception arrives through a
queued signal, so callbacks always run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

logger = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class Worker(QObject):
    """A single background thread with a queue of jobs.

    Signals:
        job_finished(object, object, object): internal relay (callbacks, result, error).
    """

    job_finished = Signal(object, object, object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False
        self.job_finished.connect(self.on_self_job_finished)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Any] | None:
        """Queue `fn(*args)`; `on_done(result)` or `on_error(exc)` run on the GUI thread."""
        if self._closed:
            return None
        callbacks = (on_done, on_error)

        def run() -> Any:
            try:
                result = fn(*args)
            except BaseException as exc:
                self.job_finished.emit(callbacks, None, exc)
                raise
            self.job_finished.emit(callbacks, result, None)
            return result

        return self._executor.submit(run)

    @Slot(object, object, object)
    def on_self_job_finished(self, callbacks: Any, result: Any, error: Any) -> None:
        on_done, on_error = callbacks
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                logger.error("background job failed: %s", type(error).__name__)
        elif on_done is not None:
            on_done(result)

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued jobs; the running one finishes on its own (network calls time out)."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)
