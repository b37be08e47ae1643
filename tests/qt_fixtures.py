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
    """The desk as the official sees it: in Bahasa Indonesia."""
    translators = install_translators(qapp, "id")
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
