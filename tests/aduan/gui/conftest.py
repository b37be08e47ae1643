"""The register's widgets, seen as the official sees them: in Bahasa Indonesia."""

from __future__ import annotations

from tests.aduan.conftest import clock, desk  # noqa: F401
from tests.gui.conftest import activity_log, keyring_backend, make_desk  # noqa: F401
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)
