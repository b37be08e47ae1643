"""The export dialog: the official makes the signed file his supervisor asked for."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QUrl

from humasdesk.credentials.errors import SecureStorageUnavailable, StorageProblem
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.gui.export_dialog import ExportDialog
from humasdesk.services.export import ExportResult
from humasdesk.store.exports import format_fingerprint, verify_export
from humasdesk.store.exports.check import Status
from tests.fakes import MemoryKeyring
from tests.gui_log.conftest import build_many, build_sample
from tests.qt_fixtures import drain

TODAY = date(2026, 11, 30)


class Opener:
    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


class CountingFactory:
    """A signer factory that counts its calls (nothing may start before validation)."""

    def __init__(self, signer) -> None:
        self.signer = signer
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.signer


class GatedSigner:
    """The real signer, but `sign` waits until the test lets it go: the export is then
    certainly running when the official presses Batal."""

    def __init__(self, inner: ExportSigner) -> None:
        self.inner = inner
        self.entered = threading.Event()
        self.release = threading.Event()

    @property
    def public_key_bytes(self) -> bytes:
        return self.inner.public_key_bytes

    def sign(self, message: bytes) -> bytes:
        self.entered.set()
        self.release.wait(10)
        return self.inner.sign(message)


@pytest.fixture
def signer(tmp_path: Path) -> ExportSigner:
    return ExportSigner(
        backend=MemoryKeyring(), public_key_path=tmp_path / "data" / PUBLIC_KEY_FILENAME
    )


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    d = tmp_path / "ekspor"
    d.mkdir()
    return d


@pytest.fixture
def make_dialog(qtbot, activity_log, out_dir):
    dialogs: list[ExportDialog] = []

    def make(signer_factory, **kwargs) -> ExportDialog:
        kwargs.setdefault("default_dir", out_dir)
        kwargs.setdefault("url_opener", Opener())
        dialog = ExportDialog(activity_log, signer_factory=signer_factory, today=TODAY, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)
        return dialog

    yield make
    for dialog in dialogs:
        dialog.shutdown(wait=True, timeout=10)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_csv_export_is_written_signed_and_verifies(
    qtbot, activity_log, signer, out_dir, make_dialog
):
    """The supervisor gets laporan-humas-2026-11.csv with its .sig, and `humasdesk verify`
    says it is intact and signed by this desk's key; the official sees where it went."""
    build_sample(activity_log)
    opener = Opener()
    dialog = make_dialog(lambda: signer, url_opener=opener)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))  # PDF by default
    expected = out_dir / "laporan-humas-2026-11.csv"
    assert dialog.path_edit.text() == str(expected)
    assert not dialog.open_folder_button.isVisible()  # nothing to open before an export
    with qtbot.waitSignal(dialog.export_finished, timeout=15000) as finished:
        dialog.export_button.click()
    result: ExportResult = finished.args[0]
    assert result.path == expected
    assert files_in(out_dir) == ["laporan-humas-2026-11.csv", "laporan-humas-2026-11.csv.sig"]
    check = verify_export(expected, expected_public_key=signer.public_key_bytes)
    assert check.status is Status.INTACT and check.key_known
    # office entries + the official-capacity rule: the private personal post stays out
    assert "Makan siang" not in expected.read_text(encoding="utf-8")
    assert "Posko banjir" in expected.read_text(encoding="utf-8")
    text = dialog.message_label.text()
    assert str(expected) in text
    assert format_fingerprint(signer.fingerprint) in text
    assert str(result.entries) in text
    assert dialog.open_folder_button.isVisible()
    dialog.open_folder_button.click()
    assert opener.urls == [QUrl.fromLocalFile(str(out_dir))]


def test_format_choice_sets_the_file_suffix(make_dialog, signer, out_dir):
    """Picking XLSX names the file .xlsx, so the supervisor's computer opens it right."""
    dialog = make_dialog(lambda: signer)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.path_edit.text() == str(out_dir / "laporan-humas-2026-11.xlsx")
    dialog.accounts_combo.setCurrentIndex(dialog.accounts_combo.findData("office"))
    assert not dialog.include_personal_check.isEnabled()


def test_period_ending_before_it_starts_is_refused_before_anything_starts(
    qtbot, activity_log, signer, out_dir, make_dialog
):
    """A reversed period is caught with a plain message; no keyring prompt, no file."""
    build_sample(activity_log)
    factory = CountingFactory(signer)
    dialog = make_dialog(factory)
    dialog.from_date.setDate(QDate(2026, 11, 20))
    dialog.to_date.setDate(QDate(2026, 11, 10))
    dialog.export_button.click()
    assert dialog.message_label.text() == (
        "Tanggal awal jatuh setelah tanggal akhir; perbaiki periodenya."
    )
    assert dialog.message_label.isVisible()
    assert not dialog.is_running()
    drain(qtbot, dialog.worker)  # an export queued by mistake would have run by now
    assert factory.calls == 0
    assert files_in(out_dir) == []


def test_missing_path_or_folder_is_refused(qtbot, signer, out_dir, make_dialog):
    """No file name, or a folder that does not exist: said plainly, nothing starts."""
    factory = CountingFactory(signer)
    dialog = make_dialog(factory)
    dialog.path_edit.setText("")
    dialog.export_button.click()
    assert dialog.message_label.text() == "Pilih berkas tujuan ekspor."
    missing = out_dir / "tidak-ada"
    dialog.path_edit.setText(str(missing / "laporan.csv"))
    dialog.export_button.click()
    assert dialog.message_label.text() == f"Folder {missing} tidak ada; pilih folder lain."
    assert not dialog.is_running()
    drain(qtbot, dialog.worker)
    assert factory.calls == 0


def test_cancel_leaves_no_file_behind(qtbot, activity_log, signer, out_dir, make_dialog):
    """Batal stops the export and removes its temporary files: the supervisor can never be
    handed half a report."""
    build_many(activity_log, 300)
    gated = GatedSigner(signer)
    dialog = make_dialog(lambda: gated)
    dialog.export_button.click()
    assert dialog.is_running() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(gated.entered.is_set, timeout=10000)
    assert any(name.endswith(".part") for name in files_in(out_dir))  # it really was writing
    dialog.cancel_button.click()
    with qtbot.waitSignal(dialog.export_cancelled, timeout=10000):
        gated.release.set()
    assert dialog.message_label.text() == ("Ekspor dibatalkan; tidak ada berkas yang tertinggal.")
    assert files_in(out_dir) == []
    assert not dialog.is_running() and dialog.export_button.isEnabled()


def test_unwritable_folder_shows_the_reason_in_indonesian(
    qtbot, activity_log, signer, tmp_path, make_dialog
):
    """A folder he may not write to (a shared drive, a system folder) is named in the
    message with what to do, instead of a Python error."""
    build_sample(activity_log)
    if os.geteuid() == 0:  # root writes anywhere a mode allows; /sys refuses even root
        folder = Path("/sys")
    else:
        folder = tmp_path / "terkunci"
        folder.mkdir()
        folder.chmod(0o500)
    dialog = make_dialog(lambda: signer)
    dialog.path_edit.setText(str(folder / "laporan.csv"))
    expected = f"Folder {folder} tidak dapat ditulisi. Pilih folder lain."
    try:
        with qtbot.waitSignal(dialog.export_failed, timeout=10000) as failed:
            dialog.export_button.click()
    finally:
        if folder != Path("/sys"):
            folder.chmod(0o700)
    assert failed.args == [expected]
    assert dialog.message_label.text() == expected
    assert not (folder / "laporan.csv").exists()


def test_locked_keyring_says_so(qtbot, activity_log, make_dialog, out_dir):
    """Without the keyring nothing can be signed; the message says to unlock it."""
    build_sample(activity_log)

    def locked():
        raise SecureStorageUnavailable(StorageProblem.LOCKED, operation="sign")

    dialog = make_dialog(locked)
    with qtbot.waitSignal(dialog.export_failed, timeout=10000) as failed:
        dialog.export_button.click()
    assert failed.args[0] == (
        "Kunci tanda tangan tidak dapat dibaca dari keyring sistem. Buka kunci keyring "
        "(GNOME Keyring/KWallet) lalu ulangi."
    )
    assert files_in(out_dir) == []


def test_progress_bar_moves_during_a_long_export(qtbot, activity_log, signer, make_dialog):
    """A long export shows how far it is (entries done of total), not a frozen window."""
    build_many(activity_log, 1000)
    dialog = make_dialog(lambda: signer)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))  # one pass
    reports: list[tuple[int, int]] = []
    values: list[int] = []
    dialog.export_progressed.connect(lambda done, total: reports.append((done, total)))
    dialog.progress_bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        dialog.export_button.click()
    assert any(0 < done < total for done, total in reports)
    assert reports[-1][0] == reports[-1][1] == 1000
    assert any(0 < v < 1000 for v in values)  # the bar itself showed intermediate steps
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()


def test_pdf_report_is_made_off_the_gui_thread(qtbot, activity_log, signer, out_dir, make_dialog):
    """The PDF report goes through the same adapter as the command line and is signed."""
    build_sample(activity_log)
    dialog = make_dialog(lambda: signer)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as finished:
        dialog.export_button.click()
    path = finished.args[0].path
    assert path == out_dir / "laporan-humas-2026-11.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert verify_export(path, expected_public_key=signer.public_key_bytes).status is Status.INTACT


def test_every_control_is_named_and_reachable_by_tab(make_dialog, signer):
    """A keyboard or screen-reader user can fill in the dialog and start the export."""
    dialog = make_dialog(lambda: signer)
    controls = [
        dialog.format_combo,
        dialog.from_date,
        dialog.to_date,
        dialog.accounts_combo,
        dialog.include_personal_check,
        dialog.full_citizen_check,
        dialog.agency_edit,
        dialog.unit_edit,
        dialog.classification_combo,
        dialog.path_edit,
        dialog.browse_button,
        dialog.export_button,
    ]
    for widget in controls:
        assert widget.accessibleName(), widget
    order, w = [controls[0]], controls[0].nextInFocusChain()
    while w is not controls[0] and len(order) < len(controls):
        if w in controls and w not in order:
            order.append(w)
        w = w.nextInFocusChain()
    assert order == controls
    assert dialog.privacy_label.textFormat() == Qt.TextFormat.PlainText


def test_agency_unit_and_classification_go_into_the_signed_export(
    qtbot, activity_log, signer, out_dir, make_dialog, db_path
):
    """The names from Settings arrive filled in, "Terbatas" is preselected, and what the
    official sets is what the signed manifest says; citizens stay pseudonymised unless the
    official ticks the full-detail box, and that choice is in the log."""
    from humasdesk.store.activity_log import LogFilter
    from humasdesk.store.database import ConnectionFactory
    from humasdesk.store.privacy_store import PrivacyStore

    build_sample(activity_log)
    privacy = PrivacyStore(ConnectionFactory(db_path))
    dialog = make_dialog(
        lambda: signer, privacy=privacy, agency="Pemkot Sukamaju", unit="Bagian Humas"
    )
    assert dialog.agency_edit.text() == "Pemkot Sukamaju"
    assert dialog.unit_edit.text() == "Bagian Humas"
    assert dialog.classification_combo.currentText() == "Terbatas"
    assert not dialog.full_citizen_check.isChecked()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
    dialog.classification_combo.setCurrentText("Rahasia")
    dialog.unit_edit.setText("Subbagian Media")
    with qtbot.waitSignal(dialog.export_finished, timeout=15000) as finished:
        dialog.export_button.click()
    check = verify_export(finished.args[0].path, expected_public_key=signer.public_key_bytes)
    assert check.status is Status.INTACT
    assert check.manifest["agency"] == "Pemkot Sukamaju"
    assert check.manifest["unit"] == "Subbagian Media"
    assert check.manifest["classification"] == "Rahasia"
    assert check.manifest["citizen_data"] == "masked"
    dialog.full_citizen_check.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=15000):
        dialog.export_button.click()
    made = [e.details for e in activity_log.iter_entries(LogFilter(actions={"export_made"}))]
    assert [d["citizen_data"] for d in made] == ["masked", "full"]
    assert [d["classification"] for d in made] == ["Rahasia", "Rahasia"]
    privacy.close()


def test_export_waits_for_a_running_erasure(
    qtbot, activity_log, signer, out_dir, make_dialog, db_path
):
    """While citizens' data is being erased the export is refused with a plain message and
    no file: it would otherwise hold data that is about to be gone."""
    from datetime import UTC, datetime

    from humasdesk.store.database import ConnectionFactory
    from humasdesk.store.privacy_store import ERASURE, PrivacyStore

    build_sample(activity_log)
    privacy = PrivacyStore(ConnectionFactory(db_path))
    dialog = make_dialog(lambda: signer, privacy=privacy)
    with privacy.lease(ERASURE, "penghapusan uji", datetime.now(UTC)):
        with qtbot.waitSignal(dialog.export_failed, timeout=15000) as failed:
            dialog.export_button.click()
    assert failed.args[0] == (
        "Data warga sedang dihapus; ekspor lagi setelah selesai. Tidak ada berkas yang ditulis."
    )
    assert files_in(out_dir) == []
    with qtbot.waitSignal(dialog.export_finished, timeout=15000):
        dialog.export_button.click()
    privacy.close()
