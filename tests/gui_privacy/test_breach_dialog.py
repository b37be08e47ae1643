"""The breach kit dialog: after a breach the agency has 3×24 hours to notify. The official
needs the deadline in plain sight, who was affected in the period, and a draft to complete.

Over a real SQLite file seeded as in tests/privacy (four citizens mentioned the desk in
January 2024).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from humasdesk.core.privacy import DocumentHeader
from humasdesk.gui.models.rows import local_time
from humasdesk.gui.privacy.breach_dialog import BreachDialog
from humasdesk.gui.privacy.common import set_edit_time
from humasdesk.store.activity_log import LogFilter
from tests.privacy.conftest import NOW, OFFICE, Desk, add_mention

HEADER = DocumentHeader("Pemerintah Kota Contoh", "Bagian Humas", "Terbatas")
START = datetime(2024, 1, 1, tzinfo=UTC)
END = datetime(2024, 2, 1, tzinfo=UTC)
SEEDED = ["@warga_aduan", "@warga_dibalas", "@warga_lama", "@warga_pribadi"]


@pytest.fixture
def make_dialog(track_dialog, desk, out_dir):
    def make(**kwargs) -> BreachDialog:
        dialog = BreachDialog(
            desk.log, desk.privacy, header=HEADER, clock=desk.clock, default_dir=out_dir, **kwargs
        )
        track_dialog(dialog)
        dialog.show()
        return dialog

    return make


def make_kit(qtbot, dialog: BreachDialog, found: datetime, how: str = ""):
    set_edit_time(dialog.from_edit, START)
    set_edit_time(dialog.to_edit, END)
    set_edit_time(dialog.discovered_edit, found)
    dialog.how_edit.setPlainText(how)
    with qtbot.waitSignal(dialog.kit_made, timeout=15000) as made:
        dialog.make_button.click()
    return made.args[0]


def kit_entries(desk: Desk) -> list:
    return list(desk.log.iter_entries(LogFilter(actions=frozenset({"breach_kit_made"}))))


def handles_shown(dialog: BreachDialog) -> list[str]:
    return [dialog.handles_list.item(i).text() for i in range(dialog.handles_list.count())]


def test_kit_shows_deadline_time_left_affected_and_draft(qtbot, desk, make_dialog):
    """Discovered 20 hours ago: the official sees the deadline (discovery + 72 h) and the
    time left, the four citizens of January, and a draft with what Pasal 46 asks for."""
    dialog = make_dialog()
    assert not dialog.result_box.isVisible() and not dialog.copy_button.isEnabled()
    found = NOW - timedelta(hours=20)
    make_kit(qtbot, dialog, found)
    assert dialog.result_box.isVisible()
    assert local_time(found + timedelta(hours=72)) in dialog.deadline_label.text()
    assert dialog.time_left_label.text() == "tersisa 2 hari 4 jam"
    assert not dialog.time_left_label.property("late")
    assert handles_shown(dialog) == SEEDED
    draft = dialog.draft_edit.toPlainText()
    assert dialog.draft_edit.isReadOnly()
    assert "a. Data pribadi yang terungkap" in draft and "4 warga" in draft
    assert "nomor telepon" in draft  # a January mention holds a phone number
    assert "4" in dialog.summary_label.text()
    entry = kit_entries(desk)[-1]
    assert entry.details["handles"] == 4 and "warga" not in str(entry.details)
    assert dialog.copy_button.isEnabled() and dialog.save_text_button.isEnabled()


def test_late_notification_says_lewat(qtbot, make_dialog):
    """Discovered 100 hours ago, the deadline has passed: it must say so, plainly."""
    dialog = make_dialog()
    make_kit(qtbot, dialog, NOW - timedelta(hours=100))
    assert dialog.time_left_label.text() == "lewat 1 hari 4 jam"
    assert dialog.time_left_label.property("late")


def test_html_in_handles_and_words_is_shown_literally(qtbot, desk, make_dialog):
    """Handles are remote data and the account of what happened is typed: neither may be
    rendered as markup (a link or an image in the official's document would be an attack)."""
    add_mention(
        desk,
        OFFICE,
        "1099",
        "<b>jahat</b>",
        '<img src="x"> halo',
        datetime(2024, 1, 20, tzinfo=UTC),
    )
    dialog = make_dialog()
    how = '<a href="file:///etc/passwd">laptop</a> dicuri'
    make_kit(qtbot, dialog, NOW - timedelta(hours=1), how=how)
    assert "@<b>jahat</b>" in handles_shown(dialog)
    assert how in dialog.draft_edit.toPlainText()
    for label in (dialog.deadline_label, dialog.time_left_label, dialog.summary_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_invalid_period_is_refused_before_anything_runs(qtbot, desk, make_dialog):
    """A period that ends before it starts gets a clear message and no kit, no log entry."""
    dialog = make_dialog()
    set_edit_time(dialog.from_edit, END)
    set_edit_time(dialog.to_edit, START)
    with qtbot.waitSignal(dialog.kit_failed, timeout=5000) as failed:
        dialog.make_button.click()
    assert failed.args == ["Awal periode harus sebelum akhir periode; perbaiki tanggalnya."]
    assert dialog.message_label.text() == failed.args[0]
    assert dialog.message_label.property("error")
    assert kit_entries(desk) == [] and dialog.kit is None
    set_edit_time(dialog.from_edit, START)
    set_edit_time(dialog.to_edit, START)  # empty period
    dialog.make_button.click()
    assert dialog.message_label.text() == failed.args[0]
    set_edit_time(dialog.to_edit, END)
    set_edit_time(dialog.discovered_edit, NOW + timedelta(hours=2))
    dialog.make_button.click()
    assert dialog.message_label.text() == ("Waktu ditemukan tidak boleh melewati waktu sekarang.")
    assert kit_entries(desk) == []


def test_copy_and_save_as_text(qtbot, make_dialog, out_dir):
    """The draft goes to the clipboard or to a file the official can edit and send."""
    dialog = make_dialog()
    make_kit(qtbot, dialog, NOW - timedelta(hours=3))
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.kit.notification_text
    dialog.copy_list_button.click()
    assert QGuiApplication.clipboard().text() == "\n".join(SEEDED)

    dialog.save_text_button.click()  # the file chooser opens with a dated name
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    target = out_dir / "pemberitahuan.txt"
    with qtbot.waitSignal(dialog.file_saved, timeout=10000) as saved:
        chooser.fileSelected.emit(str(target))
    chooser.reject()
    assert saved.args == [str(target)]
    assert target.read_text(encoding="utf-8") == dialog.kit.notification_text
    assert str(target) in dialog.message_label.text()
    assert [p.name for p in out_dir.iterdir()] == ["pemberitahuan.txt"]  # no temp file left


def test_save_into_a_missing_folder_says_so(qtbot, make_dialog, out_dir):
    dialog = make_dialog()
    make_kit(qtbot, dialog, NOW - timedelta(hours=3))
    with qtbot.waitSignal(dialog.save_failed, timeout=5000) as failed:
        dialog.save_text(out_dir / "tidak-ada" / "draf.txt")
    assert str(out_dir / "tidak-ada") in failed.args[0]
    assert list(out_dir.iterdir()) == []


def test_save_as_pdf_only_with_a_writer(qtbot, make_dialog, out_dir):
    """PDF is offered only when this build can make one; then the draft is laid out by it."""
    plain = make_dialog()
    assert plain.save_pdf_button.isHidden()
    texts: list[str] = []

    def pdf_writer(text: str, path: Path) -> None:
        texts.append(text)
        Path(path).write_bytes(b"%PDF-1.4\n" + text.encode("utf-8"))

    dialog = make_dialog(pdf_writer=pdf_writer)
    assert not dialog.save_pdf_button.isHidden()
    kit = make_kit(qtbot, dialog, NOW - timedelta(hours=3))
    target = out_dir / "pemberitahuan.pdf"
    with qtbot.waitSignal(dialog.file_saved, timeout=10000):
        assert dialog.save_pdf(target)
    assert texts == [kit.notification_text]
    assert target.read_bytes().startswith(b"%PDF-1.4")


def test_every_control_is_named_and_esc_closes(qtbot, make_dialog):
    """A keyboard or screen-reader user can reach and name every control."""
    dialog = make_dialog(pdf_writer=lambda text, path: None)
    for w in (
        dialog.from_edit,
        dialog.to_edit,
        dialog.discovered_edit,
        dialog.how_edit,
        dialog.make_button,
        dialog.handles_list,
        dialog.draft_edit,
        dialog.copy_button,
        dialog.copy_list_button,
        dialog.save_text_button,
        dialog.save_pdf_button,
        dialog.close_button,
    ):
        assert w.accessibleName(), w
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
