"""HumasDesk → Rekap laporan bawahan…: each file's verdict appears as it is checked, a
rejected file says why, Cancel stops, and the rekap is written signed."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.credentials.signing import ExportSigner
from humasdesk.gui.rekap_window import RekapWindow
from humasdesk.store.exports import verify_export
from humasdesk.store.trusted_keys import TrustedKeys
from tests.fakes import MemoryKeyring
from tests.rekap.conftest import flip_byte

MARCH = ("--from", "2024-03-01", "--to", "2024-03-31")


@pytest.fixture
def register(tmp_path) -> TrustedKeys:
    return TrustedKeys(tmp_path / "atasan" / "trusted-keys.json")


def make_window(qtbot, register, tmp_path, supervisor_keyring=None) -> RekapWindow:
    keyring = supervisor_keyring or MemoryKeyring()
    window = RekapWindow(
        register,
        signer_factory=lambda: ExportSigner(
            backend=keyring, public_key_path=tmp_path / "atasan" / "signing-key.pub"
        ),
        default_dir=tmp_path,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def cell(window: RekapWindow, row: int, col: int) -> str:
    return window.model.data(window.model.index(row, col)) or ""


def trust(register: TrustedKeys, o) -> None:
    register.add(
        name=o.name, unit=o.unit, public_key=ExportSigner(backend=o.keyring).public_key_bytes
    )


def test_rejected_file_is_listed_with_its_reason(qtbot, officials, register, tmp_path):
    """The supervisor sees, per file, whether it counts and why not, before saving."""
    budi, sari = officials
    good = sari.export(tmp_path / "sari-maret.jsonl", *MARCH)
    bad = budi.export(tmp_path / "budi-maret.jsonl", *MARCH)
    flip_byte(bad, b"Info layanan")
    for o in officials:
        trust(register, o)
    window = make_window(qtbot, register, tmp_path)
    with qtbot.waitSignal(window.files_checked, timeout=30000):
        window.add_files([good, bad])
    assert cell(window, 0, 2) == "Terverifikasi, dihitung"
    assert cell(window, 0, 1) == "Sari Dewi — Humas Kab. Garut"
    assert cell(window, 1, 2) == "DIKELUARKAN"
    assert re.fullmatch(r"Diubah: entri \d+ tidak cocok dengan hash-nya\.", cell(window, 1, 3))
    assert window.summary_label.text().startswith("1 dari 2 berkas dihitung")
    assert "1 berkas dikeluarkan dari perhitungan" in window.summary_label.text()
    assert window.save_button.isEnabled()

    out = tmp_path / "rekap.xlsx"
    with qtbot.waitSignal(window.rekap_written, timeout=30000) as signed:
        assert window.save_to(out)
    assert signed.args[0].path == out
    assert verify_export(out).status == "intact"
    assert window.message_label.text().startswith("Rekap ditulis dan ditandatangani:")


def test_unknown_key_then_trusted_in_the_keys_dialog(qtbot, officials, register, tmp_path):
    """A file signed by a key not in the register is refused until the supervisor adds the
    key (typed from the official's report); then it is checked again and counts."""
    budi, _ = officials
    f = budi.export(tmp_path / "budi.jsonl", *MARCH)
    window = make_window(qtbot, register, tmp_path)
    with qtbot.waitSignal(window.files_checked, timeout=30000):
        window.add_files([f])
    assert cell(window, 0, 2) == "DIKELUARKAN"
    assert "tidak ada di daftar kunci tepercaya" in cell(window, 0, 3)
    assert not window.save_button.isEnabled()
    assert "Tidak ada berkas yang dapat dihitung" in window.message_label.text()

    window.keys_button.click()
    dialog = window.keys_dialog
    assert dialog is not None
    dialog.key_edit.setText(format_fingerprint(ExportSigner(backend=budi.keyring).fingerprint))
    dialog.name_edit.setText(budi.name)
    dialog.unit_edit.setText(budi.unit)
    assert dialog.add_key()
    assert dialog.keys_model.rowCount() == 1
    assert dialog.message_label.text().startswith("Ditambahkan: Budi Santoso")
    with qtbot.waitSignal(window.files_checked, timeout=30000):
        dialog.reject()
    assert cell(window, 0, 2) == "Terverifikasi, dihitung"


def test_cancel_stops_the_check(qtbot, register, tmp_path):
    """Many large files: the window stays usable, shows progress, and Batal stops."""
    from bench.rekap_scale import make_inputs

    paths, supervisor = make_inputs(tmp_path / "banyak", files=30, entries=3000)
    register = TrustedKeys(supervisor / "trusted-keys.json")
    window = make_window(qtbot, register, tmp_path)
    window.add_files(paths)
    assert window.is_running() and window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: len(window.model.checks) >= 1, timeout=30000)
    assert window.progress_bar.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_running(), timeout=30000)
    assert window.message_label.text() == "Pemeriksaan dibatalkan; tidak ada yang dihitung."
    assert len(window.model.checks) < 30
    assert not window.save_button.isEnabled()


def test_menu_entry_in_the_desk(qtbot):
    from humasdesk.gui.main_window import MainWindow

    window = MainWindow(practice=True)
    qtbot.addWidget(window)
    assert window.action_rekap.text() == "&Rekap laporan bawahan…"
    assert window.action_rekap.isEnabled()
