"""Python's garbage collector runs on the GUI thread only while the desk runs.

If this breaks, a cycle holding a Qt object (a confirmation dialog after `exec()`) is freed on
whichever worker thread allocates next, and the desk dies with a segmentation fault."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt

from humasdesk.gui.collector import GuiThreadCollector
from humasdesk.gui.tasks import Worker


def test_cycles_holding_qt_objects_are_freed_on_the_gui_thread(qtbot, gui_thread_collector):
    """A worker allocating far past the collector's threshold frees nothing: the collection
    comes from the GUI thread's timer."""
    assert not gc.isenabled()
    gui_thread = threading.get_ident()
    deleted_on: list[int] = []

    class Holder(QObject):
        pass

    holder = Holder()  # Python-owned, in a cycle: only the cyclic collector can free it
    holder.me = holder
    holder.destroyed.connect(
        lambda: deleted_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    del holder

    def allocate() -> int:
        for _ in range(50 * gc.get_threshold()[0]):
            node: dict[str, object] = {}
            node["self"] = node
        return len(deleted_on)

    worker = Worker("test")
    seen_by_worker: list[int] = []
    worker.submit(allocate, on_done=seen_by_worker.append)
    qtbot.waitUntil(lambda: bool(seen_by_worker) and bool(deleted_on), timeout=10000)
    assert seen_by_worker == [0]  # nothing was collected while the worker allocated
    assert deleted_on == [gui_thread]
    worker.shutdown(wait=True, timeout=5)


def test_stopping_gives_the_interpreter_its_collector_back(qapp):
    was = gc.isenabled()
    gc.enable()
    try:
        collector = GuiThreadCollector()
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_source_text_read_at_import_is_not_kept(qtbot, gui_thread_collector, tmp_path, monkeypatch):
    """PySide6 reads the source of every module imported after it; the desk does not keep
    those files in memory (about 12 MiB on a desk), and a traceback still shows its lines."""
    import importlib
    import linecache
    import sys

    module = tmp_path / "freshly_imported_module.py"
    module.write_text("def fail():\n    raise ValueError('shown line')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    imported = importlib.import_module("freshly_imported_module")
    monkeypatch.delitem(sys.modules, "freshly_imported_module")
    linecache.getlines(str(module))  # as the import hook leaves it
    assert str(module) in linecache.cache

    def allocate() -> None:
        for _ in range(20 * gc.get_threshold()[0]):
            node: dict[str, object] = {}
            node["self"] = node

    allocate()  # due for a collection: the collector's next tick empties the cache
    qtbot.waitUntil(lambda: str(module) not in linecache.cache, timeout=5000)

    import traceback

    try:
        imported.fail()
    except ValueError as exc:
        text = "".join(traceback.format_exception(exc))
    assert "raise ValueError('shown line')" in text
