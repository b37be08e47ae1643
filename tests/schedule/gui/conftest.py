"""The desk with scheduled posts, offscreen, in Bahasa Indonesia: the GUI tests' fixtures."""

from tests.gui.conftest import (  # noqa: F401  (fixtures)
    Confirmations,
    activity_log,
    keyring_backend,
    make_desk,
)
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)
