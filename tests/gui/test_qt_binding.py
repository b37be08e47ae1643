"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops one reference to `True` on every signal delivered to a
Python callable; after a few thousand signals the desk aborts ("bool_dealloc").
If this fails, pin PySide6 to a release without the bug (see pyproject.toml).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()
    carried = Signal(object, object, object)


def test_signal_delivery_keeps_reference_counts_intact(qapp):
    emitter = _Emitter()
    seen: list[object] = []
    emitter.happened.connect(lambda: seen.append(1))
    emitter.carried.connect(lambda a, b, c: seen.append(a))
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(500):
        emitter.happened.emit()
        emitter.carried.emit(1, None, None)
    seen.clear()
    gc.collect()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert after[0] >= before[0] - 5
    assert after[1] >= before[1] - 5
    assert after[2] >= before[2] - 5
