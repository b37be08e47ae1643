"""The privacy dialogs are tested in Bahasa Indonesia, as the official sees them, over a real
SQLite file seeded as in tests/privacy."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from tests.fakes import MemoryKeyring
from tests.privacy.conftest import Desk, close_desk, open_desk
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = open_desk(tmp_path / "humasdesk.db")
    yield d
    close_desk(d)


@pytest.fixture
def signer(tmp_path: Path) -> ExportSigner:
    return ExportSigner(
        backend=MemoryKeyring(), public_key_path=tmp_path / "data" / PUBLIC_KEY_FILENAME
    )


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    d = tmp_path / "laporan"
    d.mkdir()
    return d


@pytest.fixture
def track_dialog(qtbot) -> Iterator[Callable[[Any], Any]]:
    """`track(dialog)`: hand the dialog to qtbot and, after the test, stop its worker,
    waiting for a running task (so no thread outlives the test's database)."""
    dialogs: list[Any] = []

    def track(dialog: Any) -> Any:
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        return dialog

    yield track
    for dialog in dialogs:
        dialog.shutdown(wait=True, timeout=10)
