"""The retention and disposal review dialog, as the official and the records officer use it,
over a real SQLite file seeded like the privacy service tests.

The seed (tests/privacy/conftest.py), seen on 1 July 2025: two unanswered mentions older than a
year (office 1001, personal 1005) fall under the default 365-day retention; with a 365-day
review period, four records are due for review (office post 5001, reply 5002, answered mention
1002, aduan 1003).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from humasdesk.core.privacy import DocumentHeader, RetentionPolicy
from humasdesk.gui.privacy.retention_dialog import (
    COL_CLASS,
    COL_POST,
    DESTRUCTION_REPORT,
    PROPOSAL,
    TAB_PROPOSAL,
    TAB_REPORT,
    RetentionDialog,
    ReviewItemsModel,
)
from humasdesk.services.privacy import disposal_review, preview_retention
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.privacy_store import EXPORT
from tests.privacy.conftest import NOW, Desk, seq_of

POLICY = RetentionPolicy(unanswered_mention_days=365, record_review_days=365)
HEADER = DocumentHeader("Pemkot Contoh", "Bagian Prokopim", "Terbatas")
OLD_UNANSWERED = ("1001", "1005")


class Answers:
    """Stands in for the official at the yes/no question; records what was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer


class GatedPrivacy:
    """The real privacy store; once `armed`, listing the mention records waits until the test
    lets it go (an erasure is then certainly running)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.armed = False
        self.entered = threading.Event()
        self.release = threading.Event()

    def mention_records(self):
        if self.armed:
            self.entered.set()
            self.release.wait(10)
        return self._inner.mention_records()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
def make_dialog(qtbot, track_dialog, desk, tmp_path):
    def make(privacy=None, **kwargs) -> RetentionDialog:
        kwargs.setdefault("default_dir", tmp_path)
        dialog = RetentionDialog(
            desk.log,
            privacy or desk.privacy,
            policy=POLICY,
            header=HEADER,
            clock=desk.clock,
            **kwargs,
        )
        track_dialog(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
        return dialog

    return make


def handles_of(desk: Desk, *ids: str) -> list[str | None]:
    return [desk.log.get(seq_of(desk, x)).citizen_handle for x in ids]


def test_values_in_force_and_preview_match_the_schedule(make_dialog, desk):
    """The official decides on what the dialog says will be erased: it must be exactly what
    the schedule would erase."""
    dialog = make_dialog()
    assert "365" in dialog.unanswered_value.text() and "365" in dialog.records_value.text()
    expected = preview_retention(desk.privacy, POLICY, NOW)
    assert dialog.preview == expected
    assert (expected.mentions, expected.entries, expected.mention_rows) == (2, 2, 2)
    assert dialog.preview_label.text().count("2") >= 3
    assert dialog.erase_now_button.isEnabled()
    items = dialog.review_items()
    assert items == disposal_review(desk.log, desk.privacy, NOW, policy=POLICY)
    model = dialog.review_model
    assert model.rowCount() == 4
    posts = {model.index(r, COL_POST).data() for r in range(4)}
    assert posts == {"5001", "5002", "1002", "1003"}
    classes = {model.index(r, COL_CLASS).data() for r in range(4)}
    assert "Aduan warga" in classes
    assert "4" in dialog.review_count_label.text()
    assert (
        not dialog.tabs.isTabEnabled(TAB_PROPOSAL) and not dialog.erase_approved_button.isEnabled()
    )


def test_erase_now_erases_only_after_yes(qtbot, make_dialog, desk):
    """No silent erasure: "No" leaves every handle; "Yes" erases exactly the two due."""
    dialog = make_dialog()
    no = Answers(False)
    dialog.confirm = no
    dialog.erase_now_button.click()
    assert len(no.questions) == 1 and "2" in no.questions[0]
    assert not dialog.is_busy()
    assert handles_of(desk, *OLD_UNANSWERED) == ["warga_lama", "warga_pribadi"]

    dialog.confirm = Answers(True)
    with qtbot.waitSignal(dialog.retention_applied, timeout=20000) as applied:
        dialog.erase_now_button.click()
    report = applied.args[0]
    assert (report.count, report.mention_rows, report.trigger) == (2, 2, "manual")
    assert handles_of(desk, *OLD_UNANSWERED) == [None, None]
    assert handles_of(desk, "1002", "1003", "1004") == [
        "warga_dibalas",
        "warga_aduan",
        "warga_baru",
    ]
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.preview.mentions == 0, timeout=20000)
    assert not dialog.erase_now_button.isEnabled()
    assert "2" in dialog.status_label.text()  # what was erased stays in view after the reload
    assert desk.log.verify().ok


def test_erasure_during_an_export_erases_nothing_and_says_why(qtbot, make_dialog, desk):
    """Erasure and a supervisor export exclude each other: the official is told to wait."""
    dialog = make_dialog()
    dialog.confirm = Answers(True)
    head = desk.log.head().seq
    lease = desk.privacy.acquire_lease(EXPORT, "ekspor csv", NOW)
    try:
        with qtbot.waitSignal(dialog.task_failed, timeout=20000) as failed:
            dialog.erase_now_button.click()
    finally:
        desk.privacy.release_lease(lease)
    assert "ekspor sedang berjalan" in failed.args[0]
    assert dialog.status_label.text() == failed.args[0]
    assert handles_of(desk, *OLD_UNANSWERED) == ["warga_lama", "warga_pribadi"]
    assert desk.log.head().seq == head
    assert dialog.erase_now_button.isEnabled()


def test_real_question_is_plain_text_and_defaults_to_no(qtbot, make_dialog, desk):
    """Enter at the question keeps the data; the buttons are Indonesian."""
    dialog = make_dialog()
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["format"] = box.textFormat()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.defaultButton().click()

    QTimer.singleShot(0, answer)
    dialog.erase_now_button.click()
    assert seen["format"] == Qt.TextFormat.PlainText
    assert seen["buttons"] == ["Tidak", "Ya"]
    assert handles_of(desk, *OLD_UNANSWERED) == ["warga_lama", "warga_pribadi"]


def test_disposal_documents_name_every_record_and_are_saved(qtbot, make_dialog, desk, tmp_path):
    """The records officer gets the daftar usul musnah and the konsep berita acara for the
    four records, as text files (and PDF when the build has a writer)."""
    written: list[tuple[str, Path]] = []

    def pdf_writer(text: str, path: Path) -> None:
        written.append((text, path))
        path.write_bytes(b"%PDF-1.4\n")

    dialog = make_dialog(pdf_writer=pdf_writer)
    with qtbot.waitSignal(dialog.documents_made, timeout=20000) as made:
        dialog.make_documents_button.click()
    docs = made.args[0]
    assert len(docs.items) == 4
    assert dialog.tabs.isTabEnabled(TAB_PROPOSAL) and dialog.tabs.isTabEnabled(TAB_REPORT)
    assert dialog.tabs.currentIndex() == TAB_PROPOSAL
    proposal = dialog.proposal_text.toPlainText()
    report = dialog.report_text.toPlainText()
    assert "Jumlah seluruhnya: 4 entri" in proposal
    assert "Jumlah seluruhnya: 4 entri." in report
    assert "Pemkot Contoh" in proposal and "Pemkot Contoh" in report
    assert "Dasar: arsip yang melewati masa retensi aktif 365 hari" in proposal
    for x in ("5001", "5002", "1002", "1003"):
        assert x in proposal
    assert "warga_aduan" not in proposal + report
    assert dialog.proposal_text.isReadOnly() and dialog.report_text.isReadOnly()
    [entry] = desk.log.page(LogFilter(actions=frozenset({"disposal_review_made"})), limit=1)
    assert entry.details["records"] == 4

    # Save as text, through the file chooser
    dialog.save_proposal_text_button.click()
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    target = tmp_path / "usul.txt"
    with qtbot.waitSignal(dialog.document_saved, timeout=20000):
        dialog.file_dialog.fileSelected.emit(str(target))
    dialog.file_dialog.reject()
    assert target.read_text(encoding="utf-8") == proposal
    assert str(target) in dialog.status_label.text()

    report_path = tmp_path / "berita-acara.txt"
    with qtbot.waitSignal(dialog.document_saved, timeout=20000):
        assert dialog.save_document(DESTRUCTION_REPORT, report_path)
    assert report_path.read_text(encoding="utf-8") == report

    assert not dialog.save_proposal_pdf_button.isHidden()
    pdf_path = tmp_path / "usul.pdf"
    with qtbot.waitSignal(dialog.document_saved, timeout=20000):
        assert dialog.save_document(PROPOSAL, pdf_path, pdf=True)
    assert written == [(proposal, pdf_path)] and pdf_path.exists()


def test_unwritable_folder_is_reported(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.documents_made, timeout=20000):
        dialog.make_documents_button.click()
    with qtbot.waitSignal(dialog.task_failed, timeout=20000) as failed:
        dialog.save_document(PROPOSAL, tmp_path / "tidak-ada" / "usul.txt")
    assert failed.args[0] and not (tmp_path / "tidak-ada").exists()


def test_no_pdf_writer_no_pdf_button(make_dialog):
    dialog = make_dialog()
    assert dialog.save_proposal_pdf_button.isHidden() and dialog.save_report_pdf_button.isHidden()


def test_approved_records_are_erased_only_with_a_reference_and_a_yes(qtbot, make_dialog, desk):
    """After the approval, the citizens' data of the proposed records goes, recorded with the
    approval number; without the number or without "Yes", nothing goes."""
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.documents_made, timeout=20000):
        dialog.make_documents_button.click()
    assert dialog.erase_approved_button.isEnabled()

    dialog.ask_reference = lambda: None
    dialog.confirm = Answers(True)
    dialog.erase_approved_button.click()
    assert handles_of(desk, "1002", "1003") == ["warga_dibalas", "warga_aduan"]

    dialog.ask_reference = lambda: "  BA-7/2025 "
    no = Answers(False)
    dialog.confirm = no
    dialog.erase_approved_button.click()
    assert "BA-7/2025" in no.questions[0] and "4" in no.questions[0]
    assert handles_of(desk, "1002", "1003") == ["warga_dibalas", "warga_aduan"]

    dialog.confirm = Answers(True)
    with qtbot.waitSignal(dialog.disposal_erased, timeout=20000) as erased:
        dialog.erase_approved_button.click()
    report = erased.args[0]
    assert report.count == 2 and report.mention_rows == 2
    assert handles_of(desk, "1002", "1003") == [None, None]
    assert handles_of(desk, "1004") == ["warga_baru"]  # not in the proposal
    assert "BA-7/2025" in report.reason
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    assert not dialog.erase_approved_button.isEnabled()  # make new documents for another round
    assert desk.log.verify().ok


def test_real_reference_question_feeds_the_erasure(qtbot, make_dialog, desk):
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.documents_made, timeout=20000):
        dialog.make_documents_button.click()
    dialog.confirm = Answers(True)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        box.setTextValue("BA-9/2025")
        box.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dialog.disposal_erased, timeout=20000) as erased:
        dialog.erase_approved_button.click()
    assert "BA-9/2025" in erased.args[0].reason


def test_closing_while_erasing_waits_for_the_erasure(qtbot, make_dialog, desk):
    """Closing mid-erasure neither crashes nor leaves a half-told story: the window closes
    once the erasure (recorded in the chain) has finished."""
    gated = GatedPrivacy(desk.privacy)
    dialog = make_dialog(privacy=gated)
    dialog.confirm = Answers(True)
    gated.armed = True
    dialog.erase_now_button.click()
    qtbot.waitUntil(gated.entered.is_set, timeout=20000)
    assert dialog.is_busy() and not dialog.erase_now_button.isEnabled()
    dialog.close_button.click()
    dialog.close()
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.retention_applied, timeout=20000):
        gated.release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert handles_of(desk, *OLD_UNANSWERED) == [None, None]


def test_review_model_passes_qtmodeltester(qtmodeltester, desk):
    model = ReviewItemsModel()
    qtmodeltester.check(model)
    model.set_items(disposal_review(desk.log, desk.privacy, NOW, policy=POLICY))
    qtmodeltester.check(model)


def test_every_control_is_named_and_reachable_by_tab(make_dialog):
    """A keyboard or screen-reader user can review, erase and save."""
    dialog = make_dialog()
    controls = [
        dialog.tabs,
        dialog.erase_now_button,
        dialog.review_table,
        dialog.make_documents_button,
        dialog.erase_approved_button,
        dialog.proposal_text,
        dialog.save_proposal_text_button,
        dialog.save_proposal_pdf_button,
        dialog.report_text,
        dialog.save_report_text_button,
        dialog.save_report_pdf_button,
        dialog.refresh_button,
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
    for label in (dialog.preview_label, dialog.status_label, dialog.review_intro):
        assert label.textFormat() == Qt.TextFormat.PlainText
