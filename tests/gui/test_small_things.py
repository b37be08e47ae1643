"""Small things that add up: the export's defaults, a date typed as "28", a post of only
spaces, the hidden account in single-pane mode, and a first screen that says what to do."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from humasdesk.core.models import Slot
from humasdesk.credentials.signing import ExportSigner
from humasdesk.gui.export_dialog import ExportDialog
from humasdesk.settings import Settings
from tests.fakes import MemoryKeyring
from tests.gui.helpers import wait_signed_in


def export_dialog(qtbot, activity_log, tmp_path, today: date) -> ExportDialog:
    dialog = ExportDialog(
        activity_log,
        signer_factory=lambda: ExportSigner(backend=MemoryKeyring()),
        default_dir=tmp_path,
        today=today,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_export_defaults_to_the_pdf_report_of_a_sensible_period(
    qtbot, activity_log, tmp_path
):
    on_the_first = export_dialog(qtbot, activity_log, tmp_path, date(2026, 12, 1))
    assert on_the_first.format_combo.currentText() == "Laporan PDF"
    assert on_the_first.from_date.date() == QDate(2026, 11, 1)  # the month just ended,
    assert on_the_first.to_date.date() == QDate(2026, 11, 30)  # not one day
    assert on_the_first.output_path().name == "laporan-humas-2026-11.pdf"
    later = export_dialog(qtbot, activity_log, tmp_path, date(2026, 11, 20))
    assert (later.from_date.date(), later.to_date.date()) == (QDate(2026, 11, 1),
                                                              QDate(2026, 11, 20))  # fmt: skip
    later.path_edit.setText(str(tmp_path / "data.csv"))
    later.path_edit.textEdited.emit(later.path_edit.text())
    assert later.format_combo.currentText() == "CSV"  # the file holds what its name says


def test_the_export_takes_agency_and_unit_from_settings(
    qtbot, make_desk, keyring_backend, tmp_path
):
    window, controller = make_desk(keyring_backend)
    settings = Settings.load(tmp_path / "settings.json")
    settings.set("agency_name", "Dinas Kominfo Kota Contoh")
    settings.set("unit_name", "Bidang Humas")
    controller.settings = settings
    qtbot.waitUntil(window.action_export.isEnabled, timeout=10000)
    window.action_export.trigger()
    dialog = controller.export_dialog
    assert dialog.agency_edit.text() == "Dinas Kominfo Kota Contoh"
    assert dialog.unit_edit.text() == "Bidang Humas"


def type_in(qtbot, field, text: str) -> None:
    edit = field.edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Tab)


def test_a_date_typed_as_28_is_taken_and_a_wrong_one_is_said(qtbot, activity_log, tmp_path):
    dialog = export_dialog(qtbot, activity_log, tmp_path, date(2026, 11, 20))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_in(qtbot, dialog.to_date, "28")
    assert dialog.to_date.date() == QDate(2026, 11, 28)
    assert dialog.to_date.edit.text() == "28/11/2026"
    type_in(qtbot, dialog.from_date, "3 okt 2026")
    assert dialog.from_date.date() == QDate(2026, 10, 3)

    type_in(qtbot, dialog.to_date, "31/02/2026")
    assert dialog.to_date.date() == QDate(2026, 11, 28)  # the last good date is kept
    assert dialog.message_label.isVisible()
    assert "“31/02/2026” bukan tanggal" in dialog.message_label.text()
    dialog.path_edit.setText(str(tmp_path / "lap.csv"))
    dialog.start_export()
    assert "bukan tanggal" in dialog.message_label.text()  # nothing was exported
    assert not (tmp_path / "lap.csv").exists()


def test_a_post_of_only_spaces_says_why_it_cannot_be_sent(qtbot):
    from humasdesk.gui.composer import Composer

    composer = Composer(Slot.PERSONAL)
    qtbot.addWidget(composer)
    composer.set_handle("rina_humas")
    composer.show()
    QTest.keyClicks(composer.parts[0].edit, "    ")
    assert not composer.send_button.isEnabled()
    assert composer.problems_label.isVisible()
    assert "hanya berisi spasi" in composer.problems_label.text()


def test_single_pane_mode_shows_the_hidden_accounts_new_mentions(
    qtbot, make_desk, keyring_backend
):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    personal = window.panes[Slot.PERSONAL]
    for pane in window.panes.values():
        qtbot.waitUntil(lambda p=pane: p.inbox_view.unread_count() > 0, timeout=15000)
    window.set_single_pane(True)
    window.focus_pane(Slot.OFFICE)
    unread = personal.inbox_view.unread_count()
    assert window.hidden_unread.isVisible()
    assert window.hidden_unread.text() == f"Akun pribadi: {unread} mention baru (Ctrl+2)"
    window.focus_pane(Slot.PERSONAL)
    office_unread = window.panes[Slot.OFFICE].inbox_view.unread_count()
    assert window.hidden_unread.text() == f"Akun kantor: {office_unread} mention baru (Ctrl+1)"
    window.set_single_pane(False)
    assert not window.hidden_unread.isVisible()


def test_the_first_screen_says_what_to_do_first(qtbot, make_desk, keyring_backend):
    window, controller = make_desk(keyring_backend, undo_s=30)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    assert window.first_steps.isVisible()
    assert window.first_steps_label.text().startswith("Untuk mulai: tulis kiriman di kotak")
    pane = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: pane.composer.handle != "", timeout=10000)
    pane.composer.parts[0].edit.setPlainText("Selamat pagi, warga.")
    QTest.mouseClick(pane.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.first_steps.isHidden, timeout=10000)  # done: it goes
