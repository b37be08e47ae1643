"""`WorkerDialog`: what the dialogs that run work in the background (the privacy dialogs and
the export dialog) share about running it and about closing while it runs.

Each dialog runs its service calls, file writes and PDFs on its own `Worker` thread, one task
at a time, so the window never freezes and a task's result always comes back on the GUI
thread. Closing the window must neither crash a running task nor leave the official without
its outcome; how that is done is here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from humasdesk.gui.privacy.common import show_message
from humasdesk.gui.tasks import Worker


class WorkerDialog(QDialog):
    """A dialog that runs one task at a time on its own `Worker` and closes safely.

    A subclass provides:

    * `worker_name`: the name of the worker thread (seen in logs and debuggers).
    * `closing_note()`: the sentence shown when the official closes the window while a task
      runs (translated in the subclass's own context).
    * `_running_changed(running)` (optional): enable or disable its controls when a task
      starts or ends.
    * `_show_closing_note(text)` (optional): where the note is shown; by default in
      `self.message_label` (made with `common.message_label`).
    * `_closing_while_running()` (optional): what closing during a task does besides
      waiting for it; by default it shows `closing_note()`. (The export dialog cancels its
      export here: the window then closes as soon as the export has stopped.)
    * `refuse_close_while_running = True` for work that cannot be stopped halfway: closing is
      then refused with the note, and the window stays open until the task has finished.

    The base guarantees:

    * `self.worker` accepts jobs whenever the dialog is shown (it is made again after a
      close); `shutdown(wait, timeout)` stops it (a running task finishes on its thread).
    * `run_task(fn, *args, on_done=, on_error=)` runs `fn(*args)` as the dialog's one task:
      `is_running()` is True until it ends; then the running state is cleared,
      `on_done(result)` or `on_error(exc)` runs, and the window closes if the official asked
      for it meanwhile (`_close_if_asked`, which a callback may also call earlier itself).
    * While a task runs, Esc, the Close button and the window's close button do not close
      the window: they show `closing_note()`, and (unless closing is refused) the window
      closes when the task has finished. Otherwise closing stops the worker.
    """

    worker_name: ClassVar[str] = "dialog"
    refuse_close_while_running: ClassVar[bool] = False
    #: Where the default `_show_closing_note` shows the note (set by the subclass).
    message_label: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._close_when_done = False
        self.worker = Worker(self.worker_name, self)
        self._worker_closed = False

    # --- what subclasses provide ---------------------------------------------------------------

    def closing_note(self) -> str:
        raise NotImplementedError

    def _running_changed(self, running: bool) -> None:
        """Enable or disable the subclass's controls (a task started or ended)."""

    def _show_closing_note(self, text: str) -> None:
        show_message(self.message_label, text)

    def _closing_while_running(self) -> None:
        self._show_closing_note(self.closing_note())

    # --- public API ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._running

    def run_task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Run `fn(*args)` on the worker as the dialog's one task (see the class docstring);
        False, and nothing runs, while another task runs or if the worker refuses it."""
        if self._running:
            return False
        self._ensure_worker()
        self._set_running(True)

        def finished(callback: Callable[[Any], None], value: Any) -> None:
            self._set_running(False)
            callback(value)
            self._close_if_asked()

        submitted = self.worker.submit(
            fn,
            *args,
            on_done=lambda result: finished(on_done, result),
            on_error=lambda exc: finished(on_error, exc),
        )
        if not submitted:
            self._set_running(False)
        return submitted

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Stop the worker (a running task finishes on its thread); with `wait`, wait up to
        `timeout` seconds for it. Showing the dialog again makes a new worker."""
        self._worker_closed = True
        return self.worker.shutdown(wait=wait, timeout=timeout)

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; while a task runs, see the class docstring."""
        if self._running:
            self._ask_close_when_done()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self._ask_close_when_done()
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_worker()
        super().showEvent(event)

    # --- internals ----------------------------------------------------------------------------

    def _ensure_worker(self) -> bool:
        """Make a new worker if the last one was shut down; True if one was made."""
        if not self._worker_closed:
            return False
        self.worker = Worker(self.worker_name, self)
        self._worker_closed = False
        return True

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._running_changed(running)

    def _ask_close_when_done(self) -> None:
        if not self.refuse_close_while_running:
            self._close_when_done = True
        self._closing_while_running()

    def _close_if_asked(self) -> None:
        if self._close_when_done and not self._running:
            self._close_when_done = False
            super().reject()


__all__ = ["WorkerDialog"]
