"""Fixtures every Qt test directory uses; its conftest imports them (which registers them)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from humasdesk.gui.collector import collect_on_gui_thread
from humasdesk.gui.i18n import install_translators


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp):
    """As in the desk: while a Qt test runs, Python's cyclic collector runs on the GUI
    thread only, so no Qt object is deleted on a worker thread (that crashed the test
    process). Tests without Qt keep the interpreter's own collector."""
    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True, scope="session")
def indonesian_ui(qapp):
    """The desk as the official sees it: in Bahasa Indonesia, through the same
    `install_translators` the desk calls at start-up (its .qm and Qt's own)."""
    translators = install_translators(qapp, "id")
    if QCoreApplication.translate("InboxView", "Reply") != "Balas":
        pytest.fail("humasdesk_id.qm did not load: run scripts/i18n.py", pytrace=False)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def collect_qt_objects(qapp):
    """Delete each test's Qt objects while Python is fully alive.

    Left to interpreter shutdown, PySide6 can free them after Python's own objects are
    gone and abort the run, which would hide every result.
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.processEvents()


def drain(qtbot, worker, timeout: int = 10000) -> None:
    """Wait until every job queued on `worker` so far has run and delivered its result.

    A `Worker` runs its jobs in order, so a sentinel job's result arriving on the GUI thread
    means the work that could have happened before it has happened: a test may then assert
    that something did *not* happen, without a fixed wait a slow run would outlast.
    """
    done: list[bool] = []
    assert worker.submit(lambda: True, on_done=done.append), "the worker is shut down"
    qtbot.waitUntil(lambda: done == [True], timeout=timeout)
