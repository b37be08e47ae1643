"""Wording that tells the truth: the retention text no longer reads as if complaints were
erased after 365 days; a tag in the log says which tag; the handle the log shows in its
*Warga* column can be searched; practice mode says its dollar figure is not billed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from humasdesk.core.models import Slot
from humasdesk.gui.models.log_model import COL_ACTION, COL_CITIZEN
from humasdesk.settings import Settings
from tests.gui.helpers import wait_signed_in


def test_the_retention_text_says_complaints_are_never_erased(qtbot, tmp_path):
    from humasdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    label = dialog.findChild(type(dialog.storage_label), None)
    assert label is not None
    hints = [w.text() for w in dialog.findChildren(type(dialog.storage_label))]
    hint = next(t for t in hints if "pemusnahan" not in t and "aduan" in t)
    assert hint.startswith("Hanya mention yang tidak pernah dijawab, tidak ditandai sebagai aduan")
    assert "Aduan, mention yang dijawab, dan kiriman akun kantor adalah arsip" in hint
    notice = dialog.privacy_notice.toPlainText()
    assert "hanya untuk mention yang tidak pernah dijawab, tidak ditandai sebagai aduan" in notice
    assert "Aduan, mention yang dijawab, dan kiriman akun kantor adalah arsip: tidak pernah " \
        "dihapus otomatis" in notice


def open_log(qtbot, window, controller):
    qtbot.waitUntil(window.action_log.isEnabled, timeout=10000)
    window.action_log.trigger()
    view = controller.log_window
    qtbot.waitUntil(lambda: not view.model.is_loading() and view.model.total() is not None)
    return view


def rows(view) -> list[tuple[str, str]]:
    m = view.model
    return [
        (m.data(m.index(r, COL_ACTION)), m.data(m.index(r, COL_CITIZEN)))
        for r in range(m.rowCount())
    ]


def test_the_log_says_which_tag_and_finds_the_handle_it_shows(
    qtbot, make_desk, keyring_backend
):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    inbox = window.panes[Slot.OFFICE].inbox_view
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=15000)
    inbox.select(inbox.model.mention_at(0).x_post_id)
    handle = inbox.selected_mention().author_username
    QTest.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.selected_mention().is_complaint, timeout=10000)
    QTest.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not inbox.selected_mention().is_complaint, timeout=10000)

    view = open_log(qtbot, window, controller)
    actions = [a for a, _ in rows(view)]
    assert "Mention ditandai sebagai aduan" in actions
    assert "Tanda aduan dicabut" in actions
    shown = {c for _, c in rows(view) if c}
    assert handle in shown or f"@{handle}" in shown  # what the Warga column shows

    for typed in (handle, f"@{handle}"):
        with qtbot.waitSignal(view.filter_changed, timeout=3000):
            view.search_edit.setText(typed)
            view.apply_filters()
        qtbot.waitUntil(lambda: not view.model.is_loading() and view.model.total() is not None)
        found = rows(view)
        assert found, f"searching {typed!r} found nothing"
        assert {c.lstrip("@") for _, c in found} == {handle}


def test_practice_mode_says_its_cost_is_not_billed(qtbot, make_desk, keyring_backend):
    window, controller = make_desk(keyring_backend, practice=True)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    header = window.panes[Slot.OFFICE].header
    qtbot.waitUntil(lambda: "US$" in header.quota_label.text(), timeout=15000)
    for pane in window.panes.values():
        text = pane.header.quota_label.text()
        assert "Mode Latihan, tidak ditagih: di X sungguhan ≈ US$" in text
        assert "Biaya X instansi" not in text  # not the agency's bill
