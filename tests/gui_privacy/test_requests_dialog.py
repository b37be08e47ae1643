"""The requests register: a citizen's request is registered with its 3×24-hour deadline, and
the official closes it — granted, refused with a reason, or carried out as an erasure that
keeps the official records.

Over a real SQLite file seeded as in tests/privacy (@warga_lama: two unanswered mentions;
@warga_aduan: an aduan; @warga_dibalas: an answered mention).
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from humasdesk.core.privacy import (
    DocumentHeader,
    RequestKind,
    RequestStatus,
)
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.privacy.common import set_edit_time
from humasdesk.gui.privacy.requests_dialog import LATE_COLOR, RequestsDialog, RequestsModel
from humasdesk.services.privacy import register_request
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.exports.check import Status, verify_export
from humasdesk.store.privacy_store import EXPORT
from tests.privacy.conftest import (
    COMPLAINT_TEXT,
    NOW,
    OLD_TEXT,
    SECOND_OLD_TEXT,
    Desk,
    seq_of,
)
from tests.qt_fixtures import drain

HEADER = DocumentHeader("Pemerintah Kota Contoh", "Bagian Humas", "Terbatas")
M = RequestsModel

HANDLE_RULE = "Handle X terdiri dari 1–15 huruf, angka atau garis bawah."


class Asker:
    """Answers the yes/no questions as the test says, and keeps what was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answer


@pytest.fixture
def make_dialog(qtbot, track_dialog, desk, signer, out_dir):
    def make(ask: Asker | None = None, **kwargs) -> RequestsDialog:
        dialog = RequestsDialog(
            desk.log,
            desk.privacy,
            signer_factory=lambda: signer,
            header=HEADER,
            clock=desk.clock,
            default_dir=out_dir,
            ask=ask or Asker(True),
            **kwargs,
        )
        track_dialog(dialog)
        with qtbot.waitSignal(dialog.requests_loaded, timeout=10000):
            dialog.show()
        return dialog

    return make


def cell(dialog: RequestsDialog, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.data(dialog.model.index(row, col), role)


def select(qtbot, dialog: RequestsDialog, request_id: int) -> None:
    assert dialog.select_request(request_id)
    assert dialog.selected_request().id == request_id


def run(qtbot, dialog: RequestsDialog, signal, button) -> list:
    """Click `button`, wait for `signal` and for the register to be reloaded."""
    with qtbot.waitSignal(dialog.requests_loaded, timeout=15000):
        with qtbot.waitSignal(signal, timeout=15000) as blocker:
            button.click()
    return blocker.args


def actions(desk: Desk, action: str) -> list:
    return list(desk.log.iter_entries(LogFilter(actions=frozenset({action}))))


def test_registered_request_shows_its_deadline_and_time_left(qtbot, desk, make_dialog):
    """The official must see at a glance when the answer is due: received + 3×24 h."""
    dialog = make_dialog()
    assert dialog.model.rowCount() == 0
    dialog.handle_edit.setText("@Warga_Baru")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("access"))
    received = NOW - timedelta(hours=10)
    set_edit_time(dialog.received_edit, received)
    (rid,) = run(qtbot, dialog, dialog.request_registered, dialog.register_button)
    assert dialog.model.rowCount() == 1
    assert cell(dialog, 0, M.COL_ID) == str(rid)
    assert cell(dialog, 0, M.COL_HANDLE) == "@warga_baru"
    assert cell(dialog, 0, M.COL_KIND) == "akses"
    assert cell(dialog, 0, M.COL_RECEIVED) == local_time(received)
    assert cell(dialog, 0, M.COL_DEADLINE) == local_time(received + timedelta(hours=72))
    assert cell(dialog, 0, M.COL_LEFT) == "tersisa 2 hari 14 jam"
    assert cell(dialog, 0, M.COL_STATUS) == "terbuka"
    assert cell(dialog, 0, M.COL_LEFT, Qt.ItemDataRole.ForegroundRole) is None
    assert local_time(received + timedelta(hours=72)) in dialog.message_label.text()
    assert dialog.handle_edit.text() == ""  # ready for the next one
    req = desk.privacy.get_request(rid)
    assert req.kind is RequestKind.ACCESS and req.received_at == received
    assert dialog.selected_request().id == rid
    assert dialog.access_button.isEnabled() and not dialog.erase_button.isEnabled()


def test_late_request_says_lewat_in_red(qtbot, desk, make_dialog):
    """A request past its deadline must stand out, or the agency breaks the law unnoticed."""
    register_request(desk.log, desk.privacy, "warga_lama", "correction", NOW - timedelta(hours=100))
    dialog = make_dialog()
    assert cell(dialog, 0, M.COL_LEFT) == "lewat 1 hari 4 jam"
    assert cell(dialog, 0, M.COL_KIND) == "perbaikan"
    brush = cell(dialog, 0, M.COL_LEFT, Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == LATE_COLOR
    assert cell(dialog, 0, M.COL_LEFT, M.LateRole) is True


def test_erasure_request_has_no_invented_deadline(qtbot, desk, make_dialog):
    """The law sets no period for erasure: the register says so instead of a made-up date,
    and never shows it as late."""
    dialog = make_dialog()
    dialog.handle_edit.setText("warga_lama")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("erasure"))
    set_edit_time(dialog.received_edit, NOW - timedelta(days=30))
    (rid,) = run(qtbot, dialog, dialog.request_registered, dialog.register_button)
    assert desk.privacy.get_request(rid).deadline is None
    assert cell(dialog, 0, M.COL_DEADLINE) == "tidak diatur UU"
    assert cell(dialog, 0, M.COL_LEFT) == ""
    assert cell(dialog, 0, M.COL_LEFT, M.LateRole) is False
    assert dialog.message_label.text().startswith(f"Permintaan no. {rid} (")
    assert dialog.message_label.text().endswith(
        ") dicatat. UU 27/2022 tidak menetapkan batas waktunya: ikuti target instansi sendiri."
    )


def test_invalid_handle_is_refused_and_nothing_registered(qtbot, desk, make_dialog):
    """A handle X cannot have is refused with the rule; the register stays empty."""
    dialog = make_dialog()
    dialog.handle_edit.setText("<b>warga</b>")
    with qtbot.waitSignal(dialog.action_failed, timeout=5000) as failed:
        dialog.register_button.click()
    assert failed.args == [HANDLE_RULE]
    assert dialog.message_label.text() == HANDLE_RULE
    assert desk.privacy.requests() == []


def test_refusal_without_reason_is_refused_then_closes_with_it(qtbot, desk, make_dialog):
    """A refusal that cannot name its legal reason cannot be defended to the citizen; the
    reason typed (shown literally, even if it looks like HTML) is what the register keeps."""
    req = register_request(desk.log, desk.privacy, "warga_aduan", "correction", NOW)
    asker = Asker(True)
    dialog = make_dialog(asker)
    select(qtbot, dialog, req.id)
    assert dialog.refuse_button.isEnabled() and not dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.action_failed, timeout=5000) as failed:
        dialog.refuse_button.click()
    assert failed.args[0] == (
        "Penolakan harus disertai alasan (misalnya kewajiban arsip, UU 43/2009). Tulis "
        "alasannya di kolom Alasan."
    )
    assert asker.asked == []
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN
    assert actions(desk, "data_request_closed") == []

    dialog.reason_edit.setText("<b>kewajiban arsip</b>")
    (rid,) = run(qtbot, dialog, dialog.request_closed, dialog.refuse_button)
    assert rid == req.id and len(asker.asked) == 1
    assert desk.privacy.get_request(req.id).status is RequestStatus.REFUSED
    assert cell(dialog, 0, M.COL_STATUS) == "ditolak"
    assert cell(dialog, 0, M.COL_REASON) == "<b>kewajiban arsip</b>"
    assert cell(dialog, 0, M.COL_LEFT).startswith("ditutup ")
    assert "ditolak" in dialog.message_label.text()
    assert not dialog.grant_button.isEnabled() and not dialog.refuse_button.isEnabled()
    # a refused correction erased nothing
    assert desk.log.get(seq_of(desk, "1003")).citizen_text == COMPLAINT_TEXT


def test_grant_closes_the_request(qtbot, desk, make_dialog):
    """Granting closes the request in the register and in the chain."""
    req = register_request(desk.log, desk.privacy, "warga_baru", "restriction", NOW)
    dialog = make_dialog()
    select(qtbot, dialog, req.id)
    run(qtbot, dialog, dialog.request_closed, dialog.grant_button)
    assert desk.privacy.get_request(req.id).status is RequestStatus.GRANTED
    assert cell(dialog, 0, M.COL_STATUS) == "dipenuhi"
    assert actions(desk, "data_request_closed")[-1].details["status"] == "granted"


def test_declined_closing_changes_nothing(qtbot, desk, make_dialog):
    """Answering No to "close as granted?" leaves the request open."""
    req = register_request(desk.log, desk.privacy, "warga_baru", "access", NOW)
    asker = Asker(False)
    dialog = make_dialog(asker)
    select(qtbot, dialog, req.id)
    dialog.grant_button.click()
    assert len(asker.asked) == 1 and str(req.id) in asker.asked[0][1]
    drain(qtbot, dialog.worker)  # a closing queued despite the No would have run by now
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN


def test_erasure_after_confirmation_erases_and_says_what_was_done(qtbot, desk, make_dialog):
    """@warga_lama's unanswered mentions are erased only after Yes to a question that says
    records are kept; the official sees how many were erased and how the request closed."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "erasure", NOW)
    asker = Asker(True)
    dialog = make_dialog(asker)
    select(qtbot, dialog, req.id)
    assert dialog.erase_button.isEnabled() and not dialog.access_button.isEnabled()
    (out,) = run(qtbot, dialog, dialog.erasure_done, dialog.erase_button)
    ((_title, question),) = asker.asked
    assert "UU 43/2009" in question and "aduan" in question and "@warga_lama" in question
    assert out.erasure.count == 2 and out.erasure.mention_rows == 2
    text = dialog.message_label.text()
    assert text.splitlines()[0] == (
        "Dihapus: nama pengguna dan teks dari 2 entri log dan 2 pesan kotak masuk."
    )
    assert "Tidak ada yang perlu disimpan sebagai arsip." in text
    assert "dipenuhi" in text and "data dihapus" in text
    for x in ("1001", "1006"):
        assert desk.log.get(seq_of(desk, x)).citizen_text is None
    assert cell(dialog, 0, M.COL_STATUS) == "dipenuhi"
    assert desk.log.verify().ok
    assert OLD_TEXT not in text and SECOND_OLD_TEXT not in text


def test_declined_erasure_erases_nothing(qtbot, desk, make_dialog):
    """No means no: nothing erased, the request stays open."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "erasure", NOW)
    dialog = make_dialog(Asker(False))
    select(qtbot, dialog, req.id)
    dialog.erase_button.click()
    assert dialog.message_label.text() == "Tidak ada yang dihapus."
    drain(qtbot, dialog.worker)  # an erasure queued despite the No would have run by now
    assert desk.log.get(seq_of(desk, "1001")).citizen_text == OLD_TEXT
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN


def test_erasure_of_an_aduan_is_refused_and_the_record_kept(qtbot, desk, make_dialog):
    """An aduan is an official record: the outcome says it was kept and the request refused
    with the archive reason; the aduan is untouched."""
    req = register_request(desk.log, desk.privacy, "warga_aduan", "erasure", NOW)
    dialog = make_dialog()
    select(qtbot, dialog, req.id)
    (out,) = run(qtbot, dialog, dialog.erasure_done, dialog.erase_button)
    assert out.request.status is RequestStatus.REFUSED
    text = dialog.message_label.text()
    assert "Aduan warga" in text
    assert "ditolak" in text and "kewajiban arsip" in text
    assert desk.log.get(seq_of(desk, "1003")).citizen_handle == "warga_aduan"


def test_erasure_while_an_export_runs_is_refused_and_erases_nothing(qtbot, desk, make_dialog):
    """An erasure never runs under a supervisor export: the official is told to wait."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "erasure", NOW)
    dialog = make_dialog()
    select(qtbot, dialog, req.id)
    with desk.privacy.lease(EXPORT, "ekspor csv", NOW):
        with qtbot.waitSignal(dialog.action_failed, timeout=15000) as failed:
            dialog.erase_button.click()
    assert "ekspor sedang berjalan" in failed.args[0]
    assert dialog.message_label.property("error")
    assert desk.log.get(seq_of(desk, "1001")).citizen_text == OLD_TEXT
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN
    qtbot.waitUntil(lambda: dialog.erase_button.isEnabled(), timeout=5000)


def test_erasure_for_a_handle_we_hold_nothing_about(qtbot, desk, make_dialog):
    """The official hears that nothing is held; the request stays open to be answered."""
    req = register_request(desk.log, desk.privacy, "tidak_dikenal", "erasure", NOW)
    dialog = make_dialog()
    select(qtbot, dialog, req.id)
    with qtbot.waitSignal(dialog.action_failed, timeout=15000) as failed:
        dialog.erase_button.click()
    assert "@tidak_dikenal" in failed.args[0]
    assert desk.privacy.get_request(req.id).status is RequestStatus.OPEN


def test_access_request_opens_the_report_for_that_person(qtbot, desk, signer, make_dialog):
    """From an open access request the report dialog opens for that handle, and the report
    made is tied to the request in the log."""
    req = register_request(desk.log, desk.privacy, "warga_lama", "access", NOW)
    dialog = make_dialog()
    select(qtbot, dialog, req.id)
    dialog.access_button.click()
    report = dialog.access_dialog
    assert report is not None and report.isVisible()
    assert report.handle_edit.text() == "warga_lama" and report.request_id == req.id
    with qtbot.waitSignal(report.report_made, timeout=15000) as made:
        report.make_button.click()
    path = made.args[0].path
    assert verify_export(path, expected_public_key=signer.public_key_bytes).status is Status.INTACT
    assert actions(desk, "access_report_made")[-1].details["request_id"] == req.id
    assert "warga_lama" not in path.name
    report.shutdown(wait=True, timeout=10)


def test_no_handle_or_text_in_the_application_log(qtbot, caplog, desk, make_dialog):
    """The application log is read by IT staff: ids and counts only, never a citizen."""
    caplog.set_level(logging.DEBUG)
    dialog = make_dialog()
    dialog.handle_edit.setText("warga_lama")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("erasure"))
    (rid,) = run(qtbot, dialog, dialog.request_registered, dialog.register_button)
    select(qtbot, dialog, rid)
    run(qtbot, dialog, dialog.erasure_done, dialog.erase_button)
    assert caplog.records  # something was logged…
    for needle in ("warga_lama", "Warga_Lama", OLD_TEXT, SECOND_OLD_TEXT):
        assert needle not in caplog.text  # …but no citizen


def test_register_model_is_a_valid_qt_model(qtbot, qtmodeltester, desk, make_dialog):
    register_request(desk.log, desk.privacy, "warga_lama", "erasure", NOW)
    register_request(desk.log, desk.privacy, "warga_baru", "access", NOW)
    dialog = make_dialog()
    assert dialog.model.rowCount() == 2
    qtmodeltester.check(dialog.model, force_py=True)


def test_every_control_is_named_and_esc_closes(qtbot, make_dialog):
    """A keyboard or screen-reader user can reach and name every control."""
    dialog = make_dialog()
    for w in (
        dialog.table,
        dialog.reason_edit,
        dialog.grant_button,
        dialog.refuse_button,
        dialog.erase_button,
        dialog.access_button,
        dialog.handle_edit,
        dialog.kind_combo,
        dialog.received_edit,
        dialog.register_button,
        dialog.refresh_button,
        dialog.close_button,
    ):
        assert w.accessibleName(), w
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
