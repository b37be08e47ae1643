"""The access report dialog: a citizen asks what the desk holds about them, and the official
hands over a signed file — or tells them plainly that nothing is held.

Over a real SQLite file seeded as in tests/privacy; expected texts are the Indonesian the
official reads.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.privacy import DocumentHeader
from humasdesk.credentials.errors import SecureStorageUnavailable, StorageProblem
from humasdesk.gui.privacy.access_report_dialog import AccessReportDialog
from humasdesk.services.privacy import register_request
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.exports.check import Status, verify_export
from humasdesk.store.privacy_store import ERASURE
from tests.privacy.conftest import NOW, OLD_TEXT, SECOND_OLD_TEXT, Desk

HEADER = DocumentHeader("Pemerintah Kota Contoh", "Bagian Humas", "Terbatas")

HANDLE_RULE = "Handle X terdiri dari 1–15 huruf, angka atau garis bawah."


@pytest.fixture
def make_dialog(track_dialog, desk, signer, out_dir):
    def make(**kwargs) -> AccessReportDialog:
        kwargs.setdefault("signer_factory", lambda: signer)
        kwargs.setdefault("default_dir", out_dir)
        dialog = AccessReportDialog(
            desk.log, desk.privacy, header=HEADER, clock=desk.clock, **kwargs
        )
        track_dialog(dialog)
        dialog.show()
        return dialog

    return make


def access_entries(desk: Desk) -> list:
    return list(desk.log.iter_entries(LogFilter(actions=frozenset({"access_report_made"}))))


def test_jsonl_report_is_written_signed_and_verifies(qtbot, desk, signer, make_dialog, out_dir):
    """The citizen gets a file with both of their mentions, signed so anyone can check it,
    and the official sees where it went, how many records and the key's fingerprint."""
    dialog = make_dialog(handle="@Warga_Lama")
    path = dialog.output_path()
    assert path is not None and path.parent == out_dir and path.suffix == ".jsonl"
    assert "warga_lama" not in path.name.casefold()  # file names travel beyond erasure
    with qtbot.waitSignal(dialog.report_made, timeout=15000) as made:
        dialog.make_button.click()
    result = made.args[0]
    assert result.path == path and path.is_file()
    check = verify_export(path, expected_public_key=signer.public_key_bytes)
    assert check.status is Status.INTACT and check.key_known
    body = path.read_text(encoding="utf-8")
    assert OLD_TEXT in body and SECOND_OLD_TEXT in body
    assert json.loads(body.splitlines()[0])["subject"] == "@warga_lama"
    text = dialog.message_label.text()
    assert str(path) in text and result.sig_path.name in text
    assert format_fingerprint(signer.fingerprint) in text
    assert str(result.records) in text
    assert not dialog.message_label.property("error")
    assert dialog.make_button.isEnabled()
    assert access_entries(desk)[-1].details["records"] == result.records


def test_csv_choice_sets_the_suffix_and_pdf_needs_a_writer(qtbot, make_dialog):
    """Without a PDF writer in this build, PDF cannot be picked; CSV names the file .csv."""
    dialog = make_dialog(handle="warga_lama")
    model = dialog.format_combo.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(dialog.format_combo.findData("pdf")).isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert dialog.output_path().suffix == ".csv"


def test_pdf_report_through_the_given_writer(qtbot, desk, signer, make_dialog, out_dir):
    """With a PDF writer the report is laid out by it, and still signed."""
    texts: list[str] = []

    def pdf_writer(text: str, path: Path) -> None:
        texts.append(text)
        Path(path).write_bytes(b"%PDF-1.4\n% uji\n" + text.encode("utf-8"))

    dialog = make_dialog(handle="warga_lama", pdf_writer=pdf_writer)
    model = dialog.format_combo.model()
    assert model.item(dialog.format_combo.findData("pdf")).isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    path = dialog.output_path()
    assert path.suffix == ".pdf"
    with qtbot.waitSignal(dialog.report_made, timeout=15000):
        dialog.make_button.click()
    assert path.is_file() and Path(str(path) + ".sig").is_file()
    assert texts and "LAPORAN AKSES DATA PRIBADI" in texts[0] and OLD_TEXT in texts[0]


def test_opened_for_a_request_records_the_request_number(qtbot, desk, make_dialog):
    """From the register the report is tied to its request, so the log shows it was answered."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "access", NOW)
    dialog = make_dialog(handle="warga_lama", request_id=req.id)
    assert str(req.id) in dialog.request_label.text() and dialog.request_label.isVisible()
    assert dialog.output_path().name == f"laporan-akses-permintaan-{req.id}.jsonl"
    with qtbot.waitSignal(dialog.report_made, timeout=15000):
        dialog.make_button.click()
    assert access_entries(desk)[-1].details["request_id"] == req.id


def test_unknown_handle_is_told_nothing_is_held(qtbot, desk, make_dialog, out_dir):
    """ "We hold nothing about you" is a normal answer: said plainly, no file, no crash."""
    dialog = make_dialog(handle="@Tidak_Dikenal")
    with qtbot.waitSignal(dialog.nothing_held, timeout=15000) as held:
        dialog.make_button.click()
    assert held.args == ["tidak_dikenal"]
    text = dialog.message_label.text()
    assert text == (
        "Tidak ada data yang disimpan tentang @tidak_dikenal: tidak ada mention, pesan kotak "
        "masuk, maupun permintaan. Tidak ada berkas yang ditulis; Anda dapat menyampaikan hal "
        "ini kepada yang bersangkutan."
    )
    assert not dialog.message_label.property("error")
    assert list(out_dir.iterdir()) == []
    assert access_entries(desk) == []


def test_invalid_handle_is_refused_before_anything_starts(qtbot, desk, make_dialog, out_dir):
    """A handle X cannot have (here HTML) is refused with the rule, shown literally."""
    calls: list[int] = []
    dialog = make_dialog(handle="<b>warga</b>", signer_factory=lambda: calls.append(1))
    with qtbot.waitSignal(dialog.report_failed, timeout=5000) as failed:
        dialog.make_button.click()
    assert failed.args == [HANDLE_RULE]
    assert dialog.message_label.text() == HANDLE_RULE
    assert calls == [] and list(out_dir.iterdir()) == []
    dialog.handle_edit.setText("warga_lama")
    dialog.path_edit.setText("")
    dialog.make_button.click()
    assert dialog.message_label.text() == "Pilih berkas yang akan ditulis."


def test_file_name_holding_the_handle_is_refused(qtbot, make_dialog, out_dir):
    """File names travel (mail, folder listings, backups) and cannot be erased with the
    person's data: a name holding the handle is refused."""
    dialog = make_dialog(handle="warga_lama")
    dialog.path_edit.setText(str(out_dir / "akses-Warga_Lama.csv"))
    dialog.make_button.click()
    assert dialog.message_label.text().startswith(
        "Nama berkas memuat nama pengguna orang tersebut. Nama berkas disimpan selamanya di "
        "log aktivitas, jadi pilih nama tanpa nama pengguna."
    )
    assert list(out_dir.iterdir()) == []


def test_report_during_an_erasure_says_to_try_again(qtbot, desk, make_dialog, out_dir):
    """While an erasure runs, the report waits: the official is told to try again later."""
    dialog = make_dialog(handle="warga_lama")
    with desk.privacy.lease(ERASURE, "penghapusan uji", NOW):
        with qtbot.waitSignal(dialog.report_failed, timeout=15000) as failed:
            dialog.make_button.click()
    assert failed.args[0] == (
        "Penghapusan data warga sedang berjalan; buat laporan lagi setelah penghapusan selesai."
    )
    assert dialog.message_label.property("error")
    assert list(out_dir.iterdir()) == []
    with qtbot.waitSignal(dialog.report_made, timeout=15000):  # lease gone: it works again
        dialog.make_button.click()


def test_locked_keyring_gets_a_plain_message(qtbot, make_dialog, out_dir):
    """No signing key, no report: the official is told to unlock the keyring."""

    def locked():
        raise SecureStorageUnavailable(StorageProblem.LOCKED, operation="sign")

    dialog = make_dialog(handle="warga_lama", signer_factory=locked)
    with qtbot.waitSignal(dialog.report_failed, timeout=15000) as failed:
        dialog.make_button.click()
    assert failed.args[0] == (
        "Kunci tanda tangan tidak dapat dibaca dari keyring sistem. Buka kunci keyring "
        "(GNOME Keyring/KWallet) lalu ulangi."
    )
    assert list(out_dir.iterdir()) == []


def test_closing_while_the_report_runs_closes_when_it_is_done(qtbot, make_dialog, signer):
    """Esc or the window's close button while the report is written must not lose it: the
    official is told the window closes when the report is done, and it does. Opened again,
    the dialog makes another report."""
    entered, release = threading.Event(), threading.Event()

    def slow_signer():
        entered.set()
        release.wait(10)
        return signer

    dialog = make_dialog(handle="warga_lama", signer_factory=slow_signer)
    dialog.make_button.click()
    qtbot.waitUntil(entered.is_set, timeout=15000)
    assert dialog.is_running() and not dialog.make_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Ditutup setelah laporan selesai…"
    with qtbot.waitSignal(dialog.report_made, timeout=15000):
        release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    assert not dialog.is_running() and dialog.make_button.isEnabled()

    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    with qtbot.waitSignal(dialog.report_made, timeout=15000):
        dialog.make_button.click()


def test_every_control_is_named_and_esc_closes(qtbot, make_dialog):
    """A keyboard or screen-reader user can reach and name every control."""
    dialog = make_dialog()
    for w in (
        dialog.handle_edit,
        dialog.format_combo,
        dialog.path_edit,
        dialog.browse_button,
        dialog.make_button,
        dialog.close_button,
    ):
        assert w.accessibleName(), w
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
