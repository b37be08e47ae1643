"""The supervisor's rekap window as the supervisor sees it: in Bahasa Indonesia, over real
officials' exports (made by `humasdesk export` from real SQLite logs) and a real register
under tmp_path; the check runs on the window's own worker thread."""

from __future__ import annotations

import pytest

from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)
from tests.rekap.conftest import make_official


@pytest.fixture
def officials(tmp_path):
    return [
        make_official(
            tmp_path / "budi", "Budi Santoso", "Humas Kota Bandung", "100", "humas_bdg", 1
        ),
        make_official(tmp_path / "sari", "Sari Dewi", "Humas Kab. Garut", "200", "humas_grt", 2),
    ]
