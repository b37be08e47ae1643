"""The "Data warga" menu in the running desk: the dialogs open with the desk's services,
and a handover from the menu leaves the office pane signed out and the personal one at work."""

from __future__ import annotations

import hashlib

from humasdesk.core.models import Slot
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.gui.privacy.handover_dialog import HandoverDialog
from humasdesk.gui.privacy.requests_dialog import RequestsDialog
from humasdesk.store.exports import verify_export
from humasdesk.store.exports.check import Status
from tests.fakes import MemoryKeyring
from tests.gui.helpers import me_status, wait_signed_in, wait_signed_out_page


def test_menu_opens_each_dialog_once(qtbot, make_desk, keyring_backend):
    window, controller = make_desk(keyring_backend)
    qtbot.waitUntil(lambda: controller.privacy_menu is not None, timeout=20000)
    assert all(a.isEnabled() for a in window.privacy_actions)
    window.action_requests.trigger()
    first = controller.privacy_menu.dialogs["requests"]
    assert isinstance(first, RequestsDialog) and first.isVisible()
    window.action_requests.trigger()  # a second click raises the open one
    assert controller.privacy_menu.dialogs["requests"] is first
    for action, key in (
        (window.action_access_report, "access"),
        (window.action_retention, "retention"),
        (window.action_breach, "breach"),
    ):
        action.trigger()
        assert controller.privacy_menu.dialogs[key].isVisible(), key


def test_handover_needs_a_signed_in_office_account(qtbot, make_desk, keyring_backend, tmp_path):
    """Without a signed-in office account there is nothing to revoke: the desk says so."""
    _window, controller = make_desk(keyring_backend, practice=False)
    qtbot.waitUntil(lambda: controller.privacy_menu is not None, timeout=20000)
    assert controller.privacy_menu.open_handover() is None
    assert "handover" not in controller.privacy_menu.dialogs


def test_handover_from_the_menu(qtbot, make_desk, keyring_backend, sandbox, tmp_path):
    """The official hands the office account over: the file verifies and its SHA-256 is the
    one shown, the office token no longer works at X, the office pane shows it was handed
    over, and the personal pane is still signed in."""
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    office_token = controller.sessions[Slot.OFFICE].tokens.access_token
    personal_token = controller.sessions[Slot.PERSONAL].tokens.access_token
    signer = ExportSigner(backend=MemoryKeyring(), public_key_path=tmp_path / PUBLIC_KEY_FILENAME)
    controller.privacy_menu.signer_factory = lambda: lambda: signer
    window.action_handover.trigger()
    dialog = controller.privacy_menu.dialogs["handover"]
    assert isinstance(dialog, HandoverDialog)
    out = tmp_path / "serah-terima.jsonl"
    dialog.next_button.click()
    dialog.path_edit.setText(str(out))
    dialog.next_button.click()
    assert not dialog.run_button.isEnabled()
    dialog.confirm_edit.setText("@HumasDemo")
    with qtbot.waitSignal(dialog.handed_over, timeout=30000):
        dialog.run_button.click()
    assert dialog.sha_value.text().replace(" ", "").replace("\n", "") == (
        hashlib.sha256(out.read_bytes()).hexdigest()
    )
    assert verify_export(out, expected_public_key=signer.public_key_bytes).status is Status.INTACT
    pane = wait_signed_out_page(qtbot, window, Slot.OFFICE)
    assert pane.status_label.text() == (
        "Serah terima akun kantor selesai: arsipnya telah diekspor dan datanya dihapus dari "
        "laptop ini. Pejabat pengganti masuk dari laptopnya sendiri."
    )
    assert Slot.OFFICE not in controller.sessions and Slot.PERSONAL in controller.sessions
    assert me_status(sandbox, office_token) == 401
    assert me_status(sandbox, personal_token) == 200
