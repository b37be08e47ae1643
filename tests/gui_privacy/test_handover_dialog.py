"""The handover dialog (serah terima jabatan), as the departing official uses it, over a real
SQLite file seeded like the privacy service tests (office and personal inbox and log)."""

from __future__ import annotations

import hashlib
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from humasdesk.core.models import Slot, TokenSet
from humasdesk.credentials.errors import SecureStorageUnavailable, StorageProblem
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.credentials.store import TokenStore
from humasdesk.gui.privacy.handover_dialog import (
    STEP_CONFIRM,
    STEP_DONE,
    STEP_FAILED,
    STEP_FILE,
    STEP_INTRO,
    HandoverDialog,
)
from humasdesk.store.exports.check import ExportCheck, Problem, Status, verify_export
from humasdesk.store.outbox_store import NewOutboxItem, PostKind
from humasdesk.store.privacy_store import EXPORT
from tests.fakes import MemoryKeyring
from tests.privacy.conftest import (
    NOW,
    PERSONAL_MENTION_TEXT,
    Desk,
    seq_of,
)
from tests.qt_fixtures import drain

HANDLE = "@humas_kota"
OFFICE_IDS = ("1001", "1002", "1003", "1004", "1006")


def compact(text: str) -> str:
    return "".join(text.split()).lower()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def signer(keyring_backend: MemoryKeyring, tmp_path: Path) -> ExportSigner:
    return ExportSigner(backend=keyring_backend, public_key_path=tmp_path / PUBLIC_KEY_FILENAME)


@pytest.fixture
def tokens(keyring_backend: MemoryKeyring) -> TokenStore:
    store = TokenStore(backend=keyring_backend)
    for slot in Slot:
        store.save(slot, TokenSet("a-" + slot.value, "r-" + slot.value, 9e9, user_id=slot.value))
    return store


class SignOut:
    """Signs the office slot out of the keyring and counts the calls (optionally failing,
    or waiting until the test lets it go)."""

    def __init__(self, tokens: TokenStore, *, fail: bool = False, gated: bool = False) -> None:
        self.tokens = tokens
        self.fail = fail
        self.calls = 0
        self.entered = threading.Event()
        self.release = threading.Event()
        if not gated:
            self.release.set()

    def __call__(self) -> None:
        self.calls += 1
        self.entered.set()
        self.release.wait(10)
        if self.fail:
            raise ConnectionError("X did not answer")
        self.tokens.delete(Slot.OFFICE)


@pytest.fixture
def make_dialog(track_dialog, desk, signer, out_dir):
    def make(sign_out, **kwargs) -> HandoverDialog:
        kwargs.setdefault("default_dir", out_dir)
        kwargs.setdefault("signer_factory", lambda: signer)
        dialog = HandoverDialog(
            desk.log,
            desk.privacy,
            office_handle=HANDLE,
            sign_out=sign_out,
            clock=desk.clock,
            **kwargs,
        )
        track_dialog(dialog)
        dialog.show()
        return dialog

    return make


def walk_to_confirm(dialog: HandoverDialog) -> None:
    assert dialog.current_step() == STEP_INTRO
    dialog.next_button.click()
    assert dialog.current_step() == STEP_FILE
    dialog.next_button.click()
    assert dialog.current_step() == STEP_CONFIRM


def office_still_there(desk: Desk, tokens: TokenStore) -> None:
    assert desk.mentions.count("100") == 5
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle == "warga_lama"
    assert tokens.load(Slot.OFFICE) is not None


def test_run_stays_disabled_until_the_office_handle_is_typed(
    qtbot, desk, tokens, out_dir, make_dialog
):
    """Nothing irreversible may start by a stray click or Enter: Run waits for the handle."""
    sign_out = SignOut(tokens)
    dialog = make_dialog(sign_out)
    assert HANDLE in dialog.intro_label.text()
    assert dialog.intro_label.textFormat() == Qt.TextFormat.PlainText
    dialog.next_button.click()
    assert dialog.office_label.text().endswith(HANDLE)
    assert dialog.path_edit.text() == str(out_dir / "serah-terima-humas_kota-2025-07-01.jsonl")
    dialog.next_button.click()
    assert dialog.current_step() == STEP_CONFIRM
    assert dialog.run_button.isVisible() and not dialog.run_button.isEnabled()
    for wrong in ("", "humas", "@humas_kot", "@humas_kota_2"):
        dialog.confirm_edit.setText(wrong)
        assert not dialog.run_button.isEnabled(), wrong
        assert dialog.start_handover() is False
    dialog.confirm_edit.setText("@Humas_Kota")  # X handles compare case-insensitively
    assert dialog.run_button.isEnabled()
    dialog.confirm_edit.setText("")
    assert not dialog.run_button.isEnabled()
    drain(qtbot, dialog.worker)  # a handover started by mistake would have run by now
    assert sign_out.calls == 0 and list(out_dir.iterdir()) == []
    office_still_there(desk, tokens)


def test_file_step_refuses_a_missing_folder_or_an_existing_file(
    qtbot, out_dir, tokens, make_dialog
):
    """A handover file must never overwrite an earlier one, nor go to a folder that is not
    there."""
    dialog = make_dialog(SignOut(tokens))
    dialog.next_button.click()
    dialog.path_edit.setText(str(out_dir / "nope" / "x.jsonl"))
    assert not dialog.next_button.isEnabled() and dialog.file_error.text()
    existing = out_dir / "lama.jsonl"
    existing.write_text("{}\n", encoding="utf-8")
    dialog.path_edit.setText(str(existing))
    assert not dialog.next_button.isEnabled() and "lama.jsonl" in dialog.file_error.text()
    dialog.path_edit.setText("")
    assert not dialog.next_button.isEnabled()
    dialog.path_edit.setText(str(out_dir / "baru.jsonl"))
    assert dialog.next_button.isEnabled() and dialog.file_error.text() == ""


def test_browse_fills_in_the_chosen_file(qtbot, out_dir, tokens, make_dialog):
    dialog = make_dialog(SignOut(tokens))
    dialog.next_button.click()
    dialog.browse_button.click()
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    chosen = str(out_dir / "pilihan.jsonl")
    dialog.file_dialog.fileSelected.emit(chosen)
    dialog.file_dialog.reject()
    assert dialog.path_edit.text() == chosen


def test_handover_shows_the_fingerprint_and_checksum_of_the_written_file(
    qtbot, desk, signer, tokens, out_dir, make_dialog
):
    """The values the official writes in the berita acara must be those of the file the
    unit gets; the office data is gone, the personal account untouched, signed out once."""
    personal_mentions = [m.x_post_id for m in desk.mentions.mentions("200")]
    sign_out = SignOut(tokens)
    dialog = make_dialog(sign_out)
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    with qtbot.waitSignal(dialog.handed_over, timeout=20000) as done:
        dialog.run_button.click()
    result = done.args[0]
    assert dialog.current_step() == STEP_DONE

    path = out_dir / "serah-terima-humas_kota-2025-07-01.jsonl"
    assert result.export.path == path
    assert compact(dialog.sha_value.text()) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert compact(dialog.fingerprint_value.text()) == (
        hashlib.sha256(signer.public_key_bytes).hexdigest()
    )
    check = verify_export(path, expected_public_key=signer.public_key_bytes)
    assert check.status is Status.INTACT and check.key_known
    for label in (dialog.sha_value, dialog.fingerprint_value):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog.copy_sha_button.click()
    assert QGuiApplication.clipboard().text() == result.file_sha256
    dialog.copy_fingerprint_button.click()
    assert compact(QGuiApplication.clipboard().text()) == result.export.fingerprint

    assert sign_out.calls == 1
    assert tokens.load(Slot.OFFICE) is None and tokens.load(Slot.PERSONAL) is not None
    assert desk.mentions.count("100") == 0
    for x in OFFICE_IDS:
        assert desk.log.get(seq_of(desk, x)).citizen_handle is None
    assert [m.x_post_id for m in desk.mentions.mentions("200")] == personal_mentions
    assert desk.log.get(seq_of(desk, "1005")).citizen_text == PERSONAL_MENTION_TEXT
    assert desk.log.verify().ok
    assert "5" in dialog.counts_label.text()
    assert dialog.stays_label.text()
    assert not dialog.back_button.isVisible() and dialog.close_button.isEnabled()


def test_failed_verification_says_nothing_was_erased_and_keeps_everything(
    qtbot, desk, signer, tokens, out_dir, make_dialog
):
    """An export that does not verify must not lead to sign-out or erasure; the official
    reads so, and can go back to try again with a new file."""
    sign_out = SignOut(tokens)

    def bad(path: Path) -> ExportCheck:
        return ExportCheck(path=path, problems=[(Problem.DIGEST_DIFFERS, "x")])

    dialog = make_dialog(sign_out, verify=bad)
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    with qtbot.waitSignal(dialog.handover_failed, timeout=20000) as failed:
        dialog.run_button.click()
    assert dialog.current_step() == STEP_FAILED
    assert dialog.failed_title.isVisible()
    assert "tidak ada data yang dihapus" in failed.args[0]
    assert dialog.failure_label.text() == failed.args[0]
    assert dialog.failure_label.textFormat() == Qt.TextFormat.PlainText
    assert sign_out.calls == 0
    office_still_there(desk, tokens)
    # back to the file step: the kept file is not overwritten, the handle is asked again
    dialog.back_button.click()
    assert dialog.current_step() == STEP_FILE
    assert not dialog.next_button.isEnabled()
    dialog.path_edit.setText(str(out_dir / "kedua.jsonl"))
    dialog.next_button.click()
    assert dialog.confirm_edit.text() == "" and not dialog.run_button.isEnabled()


def test_sign_out_failure_erases_nothing_and_keeps_the_export(
    qtbot, desk, tokens, out_dir, make_dialog
):
    """X not answering the revoke: the office data stays and the official is told where the
    written (kept) file is."""
    sign_out = SignOut(tokens, fail=True)
    dialog = make_dialog(sign_out)
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    with qtbot.waitSignal(dialog.handover_failed, timeout=20000) as failed:
        dialog.run_button.click()
    text = failed.args[0]
    assert "tidak ada data yang dihapus" in text
    assert "serah-terima-humas_kota-2025-07-01.jsonl" in text
    assert sign_out.calls == 1
    office_still_there(desk, tokens)
    assert desk.log.get(seq_of(desk, "1002")).citizen_handle == "warga_dibalas"


def test_running_export_blocks_the_handover_with_nothing_erased(
    qtbot, desk, tokens, out_dir, make_dialog
):
    """A supervisor export holding its lease: the handover refuses, nothing is touched."""
    lease = desk.privacy.acquire_lease(EXPORT, "ekspor csv", NOW)
    try:
        sign_out = SignOut(tokens)
        dialog = make_dialog(sign_out)
        walk_to_confirm(dialog)
        dialog.confirm_edit.setText(HANDLE)
        with qtbot.waitSignal(dialog.handover_failed, timeout=20000) as failed:
            dialog.run_button.click()
    finally:
        desk.privacy.release_lease(lease)
    assert "ekspor sedang berjalan" in failed.args[0]
    assert sign_out.calls == 0 and list(out_dir.iterdir()) == []
    office_still_there(desk, tokens)


def test_queued_office_posts_stop_the_handover(qtbot, desk, tokens, out_dir, make_dialog):
    item = NewOutboxItem(
        Slot.OFFICE, "100", "humas_kota", PostKind.POST, "Pengumuman", NOW - timedelta(days=1)
    )
    desk.outbox.add([item], NOW - timedelta(days=1))
    dialog = make_dialog(SignOut(tokens))
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    with qtbot.waitSignal(dialog.handover_failed, timeout=20000) as failed:
        dialog.run_button.click()
    assert "antrean" in failed.args[0]
    office_still_there(desk, tokens)


def test_locked_keyring_says_so_and_erases_nothing(qtbot, desk, tokens, out_dir, make_dialog):
    """Without the signing key nothing can be exported; the official is told to unlock the
    keyring, and the office account stays as it was."""

    def locked():
        raise SecureStorageUnavailable(StorageProblem.LOCKED, operation="sign")

    sign_out = SignOut(tokens)
    dialog = make_dialog(sign_out, signer_factory=locked)
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    with qtbot.waitSignal(dialog.handover_failed, timeout=20000) as failed:
        dialog.run_button.click()
    assert failed.args[0].startswith(
        "Kunci tanda tangan tidak dapat dibaca dari keyring sistem. Buka kunci keyring "
        "(GNOME Keyring/KWallet) lalu ulangi."
    )
    assert sign_out.calls == 0 and list(out_dir.iterdir()) == []
    office_still_there(desk, tokens)


def test_closing_while_the_handover_runs_is_refused_until_it_finishes(
    qtbot, desk, tokens, make_dialog
):
    """Closing halfway must neither crash nor lose the values for the handover report."""
    sign_out = SignOut(tokens, gated=True)
    dialog = make_dialog(sign_out)
    walk_to_confirm(dialog)
    dialog.confirm_edit.setText(HANDLE)
    dialog.run_button.click()
    assert dialog.is_running()
    qtbot.waitUntil(sign_out.entered.is_set, timeout=20000)
    assert not dialog.close_button.isEnabled()
    dialog.close()
    dialog.reject()
    assert dialog.isVisible() and dialog.run_note.text()
    with qtbot.waitSignal(dialog.handed_over, timeout=20000):
        sign_out.release.set()
    assert dialog.current_step() == STEP_DONE and dialog.sha_value.text()
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_every_control_is_named_and_reachable_by_tab(qtbot, tokens, make_dialog):
    """A keyboard or screen-reader user can go through the handover."""
    dialog = make_dialog(SignOut(tokens))
    controls = [
        dialog.path_edit,
        dialog.browse_button,
        dialog.confirm_edit,
        dialog.fingerprint_value,
        dialog.copy_fingerprint_button,
        dialog.sha_value,
        dialog.copy_sha_button,
        dialog.back_button,
        dialog.next_button,
        dialog.run_button,
        dialog.close_button,
    ]
    for widget in controls:
        assert widget.accessibleName(), widget
    order, w = [controls[0]], controls[0].nextInFocusChain()
    while w is not controls[0] and len(order) < len(controls):
        if w in controls and w not in order:
            order.append(w)
        w = w.nextInFocusChain()
    assert order == controls
    for label in (dialog.intro_label, dialog.office_label, dialog.failure_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
