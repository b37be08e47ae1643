"""No keyring, still a report for the supervisor.

On a laptop with no Secret Service the export used to fail with "… unlock the keyring",
which there is no keyring to do. The desk now signs with a key for this session only (kept
in memory, never written anywhere) and says so, on screen and in the report: the signature
still shows the file was not changed, but cannot be checked against a saved key.
"""

from __future__ import annotations

import subprocess

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from humasdesk.core.models import Slot
from humasdesk.credentials import backends
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME
from humasdesk.store.exports import verify_export
from humasdesk.store.exports.check import Status
from tests.gui.conftest import make_desk  # noqa: F401  (the desk fixture)
from tests.gui.helpers import wait_signed_in
from tests.gui_log.conftest import build_sample


@pytest.fixture
def no_keyring(monkeypatch):
    """The laptop has no keyring: what `keyring` itself answers then."""
    monkeypatch.setattr(backends, "default_backend", lambda: fail.Keyring())


@pytest.fixture
def keyring_backend():
    from tests.fakes import MemoryKeyring

    return MemoryKeyring()  # the desk's sign-in tokens (not what this test is about)


def export_from_the_desk(qtbot, make_desk, keyring_backend, tmp_path, name: str):  # noqa: F811
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    controller.data_root = tmp_path / "data"
    controller.data_root.mkdir(exist_ok=True)
    build_sample(controller.services.log)
    qtbot.waitUntil(window.action_export.isEnabled, timeout=10000)
    window.action_export.trigger()
    dialog = controller.export_dialog
    qtbot.waitExposed(dialog)
    out = tmp_path / name
    index = dialog.format_combo.findData(out.suffix.lstrip("."))
    dialog.format_combo.setCurrentIndex(index)
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as finished:
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return controller, dialog, out, finished.args[0]


def test_a_desk_without_keyring_still_exports_and_says_how_it_signed(
    qtbot, make_desk, keyring_backend, tmp_path, no_keyring  # noqa: F811
):
    controller, dialog, out, result = export_from_the_desk(
        qtbot, make_desk, keyring_backend, tmp_path, "laporan.csv"
    )
    shown = dialog.message_label.text()
    assert "kunci untuk sesi ini saja" in shown
    assert "tidak dapat dicocokkan dengan kunci tersimpan" in shown
    check = verify_export(out)
    assert check.status is Status.INTACT, check.problems
    assert check.manifest["signing_key_kind"] == "session"
    # the private key went nowhere: no key file, and only the export and its signature
    assert not (controller.data_root / PUBLIC_KEY_FILENAME).exists()
    assert sorted(p.name for p in controller.data_root.iterdir()) == []

    # A second export of the session uses the same key (one fingerprint to compare).
    dialog.path_edit.setText(str(tmp_path / "kedua.csv"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as second:
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert second.args[0].fingerprint == result.fingerprint
    assert "sesi ini saja" in controller.signing_key_text()


def test_the_pdf_report_says_the_key_was_for_this_session_only(
    qtbot, make_desk, keyring_backend, tmp_path, no_keyring  # noqa: F811
):
    _, _, out, _ = export_from_the_desk(qtbot, make_desk, keyring_backend, tmp_path, "lap.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "kunci untuk sesi ini saja" in flat
    assert "tidak dapat dicocokkan dengan kunci tersimpan" in flat
