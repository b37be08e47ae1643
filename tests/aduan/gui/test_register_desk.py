"""The register in the running desk against the sandbox: a tagged mention becomes a case in
the pane's *Aduan* tab; it is forwarded to LAPOR! (a bad number refused, with the format);
the LAPOR! number goes into the reply the composer receives; reminders show as counts.

If this breaks, an official forwards a complaint and cannot record its LAPOR! number, or a
complaint goes overdue without the desk saying so.
"""

from __future__ import annotations

from datetime import timedelta

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from humasdesk.core.aduan import CaseStatus
from humasdesk.core.models import Slot
from tests.gui.test_inbox_actions import open_inbox_with
from tests.qt_fixtures import drain


def register_with_case(qtbot, make_desk, keyring_backend, sandbox, text):
    controller, inbox, desk, mid = open_inbox_with(qtbot, make_desk, keyring_backend, sandbox, text)
    qtbot.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    aduan = desk.aduan
    qtbot.waitUntil(lambda: aduan.view.model.rowCount() == 1, timeout=15000)
    return controller, desk, aduan, mid


def test_a_tagged_mention_appears_in_the_register_tab(qtbot, make_desk, keyring_backend, sandbox):
    controller, _, aduan, mid = register_with_case(
        qtbot, make_desk, keyring_backend, sandbox, "Lampu jalan di RT 05 mati sejak Senin"
    )
    pane = controller.window.panes[Slot.OFFICE]
    assert pane.tabs.tabText(pane.tabs.indexOf(aduan.view)) == "Aduan (1)"
    view = aduan.view
    index = view.proxy.index(0, 3)
    assert view.proxy.data(index) == "Diterima"
    assert view.proxy.data(view.proxy.index(0, 2)) == "Pengaduan (saran)"  # "mati": a keyword
    assert view.proxy.data(view.proxy.index(0, 4)).startswith("warga-")  # a pseudonym
    assert view.proxy.data(view.proxy.index(0, 6)).startswith("batas ")
    view.table.selectRow(0)
    assert view.detail.text() == f"Mention: https://x.com/i/status/{mid}"


def test_forwarding_refuses_a_bad_number_then_the_number_goes_into_the_reply(
    qtbot, make_desk, keyring_backend, sandbox
):
    controller, _desk, aduan, mid = register_with_case(
        qtbot, make_desk, keyring_backend, sandbox, "Jalan rusak di depan SD 3, mohon diperbaiki"
    )
    aduan.view.table.selectRow(0)
    seen = {}

    def answer(dialog: QDialog) -> int:
        from humasdesk.gui.aduan.forward_sheet import ForwardSheet
        from humasdesk.gui.aduan.templates_dialog import TemplatesDialog

        if isinstance(dialog, ForwardSheet):
            seen["fields"] = list(dialog.values)
            seen["judul"] = dialog.values["Judul laporan"].text()
            dialog.id_edit.setText("LPR-12")
            dialog.save_button.click()
            seen["refused"] = dialog.message.text()
            dialog.id_edit.setText("#1916449")
            dialog.save_button.click()
            qtbot.waitUntil(lambda: dialog.saved_id == "1916449", timeout=10000)
            seen["saved"] = dialog.message.text()
            return QDialog.DialogCode.Accepted
        assert isinstance(dialog, TemplatesDialog)
        seen["template"] = dialog.name_edit.text()
        seen["counter"] = dialog.counter.text()
        dialog.insert_button.click()
        return dialog.result()

    aduan.run_dialog = answer
    aduan.view.forward_button.click()
    qtbot.waitUntil(lambda: "template" in seen, timeout=15000)
    assert seen["fields"][:3] == ["Klasifikasi laporan", "Judul laporan", "Isi laporan"]
    assert seen["judul"] == "Jalan rusak di depan SD 3, mohon diperbaiki"
    assert seen["refused"] == (
        "Nomor LAPOR! 'LPR-12' tidak sesuai format: 7 sampai 10 angka, boleh diawali # "
        "(contoh: #1916449)."
    )
    assert seen["saved"] == "Tersimpan: aduan diteruskan ke LAPOR! dengan nomor #1916449."
    assert seen["template"] == "Diteruskan ke LAPOR!"
    composer = controller.window.panes[Slot.OFFICE].composer
    qtbot.waitUntil(lambda: "#1916449" in composer.parts[0].edit.toPlainText(), timeout=5000)
    assert (
        "Aduan Anda kami teruskan ke LAPOR! dengan nomor #1916449."
        in composer.parts[0].edit.toPlainText()
    )
    assert composer.reply_to == mid  # a reply to the case's mention, edited before sending
    case = controller.services.aduan.by_mention(mid)
    assert case.status is CaseStatus.FORWARDED and case.lapor_id == "1916449"


def test_reminders_show_as_counts_on_the_mention_tab_and_in_the_header(
    qtbot, make_desk, keyring_backend, sandbox
):
    controller, desk, aduan, _mid = register_with_case(
        qtbot, make_desk, keyring_backend, sandbox, "Pelayanan loket lambat sekali"
    )
    cases = controller.services.aduan
    real = cases._clock
    cases._clock = lambda: real() + timedelta(days=4)  # four days on: past the 3-day limit
    changed = []
    aduan.reminders_changed.connect(lambda *a: changed.append(a))
    aduan.refresh()
    pane = controller.window.panes[Slot.OFFICE]
    qtbot.waitUntil(lambda: bool(changed), timeout=10000)
    assert changed[-1] == (Slot.OFFICE, 0, 1)
    assert pane.tabs.tabText(0).endswith("· 1 aduan perlu perhatian")
    assert aduan.header_label.text() == "Aduan: 0 mendekati batas waktu, 1 lewat batas waktu"
    assert "Pelayanan" not in pane.tabs.tabText(0) + aduan.header_label.text()
    # the tray says the same (counts only); the status bar shows what the tray said
    assert controller.window.statusBar().currentMessage() == (
        "Aduan untuk @HumasDemo: 0 mendekati batas waktu, 1 lewat batas waktu"
    )
    drain(qtbot, desk.worker)


def test_keywords_are_edited_in_the_data_folder_and_read_again(
    qtbot, make_desk, keyring_backend, sandbox, tmp_path
):
    """Kata kunci…: this laptop's keyword file opens (made with an example the first time);
    a word added there suggests the tag on the next refresh."""
    from humasdesk.paths import rules_dirs

    _, desk, aduan, _ = register_with_case(
        qtbot, make_desk, keyring_backend, sandbox, "Lampu jalan di RT 05 mati sejak Senin"
    )
    aduan.rule_dirs = [*rules_dirs(), tmp_path / "rules"]
    opened = []
    aduan.open_file = opened.append
    aduan.view.keywords_button.click()
    path = tmp_path / "rules" / "aduan_keywords.toml"
    assert opened == [path] and "Kata kunci tambahan" in path.read_text("utf-8")
    path.write_text('[[rule]]\nclass = "complaint"\nwords = ["becek"]\n', encoding="utf-8")
    body = {"to": "HumasDemo", "from": "warga_becek", "text": "@HumasDemo Halaman kantor becek"}
    new = requests.post(f"{sandbox.base_url}/_sandbox/mentions", timeout=10, json=body)
    new_id = new.json()["data"]["id"]
    with qtbot.waitSignal(desk.mentions_synced, timeout=15000):
        desk.sync_now()
    aduan.refresh()
    qtbot.waitUntil(
        lambda: any(
            aduan.view.suggestions.item(i).data(Qt.ItemDataRole.UserRole) == new_id
            for i in range(aduan.view.suggestions.count())
        ),
        timeout=15000,
    )


def test_a_reply_from_the_other_pane_is_refused_in_the_desk(
    qtbot, make_desk, keyring_backend, sandbox
):
    """From the desk-wide list in the personal pane, *Balas…* on the office's complaint is
    refused (X lets only the mentioned account answer); nothing reaches either composer."""
    controller, _, _, mid = register_with_case(
        qtbot, make_desk, keyring_backend, sandbox, "Antrean di loket lambat sekali"
    )
    case = controller.services.aduan.by_mention(mid)
    personal = controller.slot_desks[Slot.PERSONAL].aduan
    shown = []
    personal.run_dialog = lambda d: shown.append(d) or QDialog.DialogCode.Rejected
    personal.on_view_reply_requested(case.id)
    refusal = "Aduan ini ditujukan kepada akun kantor: balas dari panel akun itu."
    qtbot.waitUntil(lambda: personal.view.reminder_label.text() == refusal, timeout=10000)
    assert not personal.view.reminder_label.isHidden()
    assert shown == []  # no templates dialog opened
    for slot in Slot:
        assert controller.window.panes[slot].composer.parts[0].edit.toPlainText() == ""


def test_scheduling_asks_about_the_wording_first(qtbot, make_desk, keyring_backend, sandbox):
    """*Jadwalkan…* with the tired remark in the office composer: the first press shows the
    warning and asks no time; the second goes on to the time (nothing is scheduled here)."""
    from tests.gui.test_desk_work import ready

    window, controller = ready(qtbot, make_desk, keyring_backend)
    desk = controller.slot_desks[Slot.OFFICE]
    composer = window.panes[Slot.OFFICE].composer
    composer.parts[0].edit.setPlainText("aku capek banget hari ini 😭😭😭")
    asked = []
    desk.schedule.pick_time = lambda *a: asked.append(a) or None
    desk.confirm_office_posts = False
    desk.schedule.button.click()
    assert asked == [] and "Tekan Kirim (atau Jadwalkan) sekali lagi" in composer.wording.text()
    desk.schedule.button.click()
    assert len(asked) == 1
