"""Python's cyclic garbage collector, run on the GUI thread only.

CPython runs its cyclic collector on whichever thread happens to allocate past the
threshold, which in the desk is often a worker decoding an X response. When a collected
cycle holds a Qt object that Python owns (a dialog after `exec()`, a parentless window, a
wrapper shiboken tied to one), shiboken deletes the C++ object right there, on the worker
thread, while the GUI thread may be painting it or sending it an event: the desk died with
segmentation faults in `setEnabled`, in an event filter and in `QScreen::virtualSiblings`.
Qt objects must die on the thread they live on, so the automatic collector is switched off
and this object runs the same generational collection from a timer on the GUI thread.

It also empties `linecache` as it goes: PySide6's `__feature__` import hook reads the source
of every module imported after PySide6 (it looks for the word "PySide6" in it), and
`linecache` keeps each file it read, about 12 MiB of source text for a desk that never shows a
traceback. A traceback reads the lines it needs again.
"""

from __future__ import annotations

import gc
import linecache

import shiboken6
from PySide6.QtCore import QObject, QTimer

#: Often enough that garbage never piles up (a collection of the youngest generation
#: takes well under a millisecond), rarely enough to cost nothing when idle.
CHECK_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Switches automatic garbage collection off and collects from a GUI-thread timer,
    generation by generation with the interpreter's own thresholds."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._timer.start()

    def on_timer_timeout(self) -> None:
        if self.collect_due() is not None and linecache.cache:
            linecache.clearcache()

    @staticmethod
    def collect_due() -> int | None:
        """Collect the oldest generation whose threshold is exceeded, as the interpreter
        would have; returns that generation, or None when nothing was due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return None
        generation = 0
        for older in (1, 2):
            if counts[older] > thresholds[older]:
                generation = older
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Back to the interpreter's own collection (the desk has closed: no Qt object is
        left for a worker to drop). Collects once more, here, first."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.setParent(None)  # a later collect_on_gui_thread() starts afresh


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The application's collector, installed on first use (kept as the app's child)."""
    # Kept on the application's wrapper, not looked up among its children: `findChild` takes
    # an option from PySide6's `Qt` namespace and `children()` wraps every child, making
    # enums of their types (each 15-35 ms before the first paint).
    existing = getattr(app, "_humasdesk_collector", None)
    if existing is not None and shiboken6.isValid(existing) and existing.parent() is app:
        return existing
    collector = GuiThreadCollector(app)
    app._humasdesk_collector = collector  # type: ignore[attr-defined]
    return collector
