"""Retention of unanswered mentions, the disposal review of records, explicit erasure."""

from __future__ import annotations

from datetime import timedelta

import pytest

from humasdesk.core.privacy import DataClass, DocumentHeader, RetentionPolicy
from humasdesk.services.privacy import (
    AlreadyErased,
    NotConfirmed,
    apply_retention,
    disposal_documents,
    disposal_review,
    erase_approved_disposal,
    erase_entries,
    preview_retention,
)
from humasdesk.store.activity_log import LogFilter

from .conftest import NOW, OLD_TEXT, PERSONAL_MENTION_TEXT, seq_of


def _last(desk, action):
    return desk.log.page(LogFilter(actions=frozenset({action})), limit=1)[0]


def test_retention_erases_only_old_unanswered_mentions_and_chain_verifies(desk):
    """If retention touched an answered mention or an aduan, an official record would be
    lost; if it missed one, a citizen's data would be kept past the agency's period."""
    policy = RetentionPolicy()
    preview = preview_retention(desk.privacy, policy, NOW)
    assert (preview.mentions, preview.entries, preview.mention_rows) == (2, 2, 2)
    before = desk.log.head().seq

    report = apply_retention(desk.log, desk.privacy, policy, NOW)

    assert report.data_class == DataClass.UNANSWERED_MENTION
    assert report.count == 2 and report.mention_rows == 2
    assert set(report.seqs) == {seq_of(desk, "1001"), seq_of(desk, "1005")}
    # the chain says what class, how many and why, and still verifies
    entry = _last(desk, "personal_data_erased")
    assert entry.seq == before + 1
    assert entry.details["data_class"] == "unanswered_mention" and entry.details["count"] == 2
    assert "retensi 365 hari" in entry.details["reason"]
    assert desk.log.verify().ok
    # gone from the log, the full-text index and the inbox; the rows (counts) stay
    for x in ("1001", "1005"):
        e = desk.log.get(seq_of(desk, x))
        assert e.citizen_handle is None and e.citizen_text is None and e.erased_at is not None
        m = desk.mentions.get(x)
        assert m is not None and m.text == "" and m.author_username is None
    assert desk.log.count(LogFilter(search="Lampu jalan")) == 0
    assert desk.log.count(LogFilter(search="salam kenal")) == 0
    assert desk.mentions.count("100") == 5 and desk.mentions.count("200") == 1
    # the others are untouched
    for x, handle in (("1002", "warga_dibalas"), ("1003", "warga_aduan"), ("1004", "warga_baru")):
        assert desk.log.get(seq_of(desk, x)).citizen_handle == handle
        assert desk.mentions.get(x).author_username == handle
    assert OLD_TEXT not in repr(report) and PERSONAL_MENTION_TEXT not in repr(report)


def test_retention_run_again_erases_nothing_and_adds_nothing(desk):
    """Erasing an already-erased entry must not write a second, misleading erasure record."""
    apply_retention(desk.log, desk.privacy, RetentionPolicy(), NOW)
    head = desk.log.head().seq
    again = apply_retention(desk.log, desk.privacy, RetentionPolicy(), NOW)
    assert (again.count, again.mention_rows) == (0, 0)
    assert desk.log.head().seq == head


def test_explicit_erasure_of_an_already_erased_entry_is_refused(desk):
    """The official must be told the data is already gone, and the chain must not record an
    erasure that did nothing."""
    seq = seq_of(desk, "1001")
    erase_entries(desk.log, desk.privacy, [seq], "permintaan lisan", NOW, confirmed=True)
    head = desk.log.head().seq
    with pytest.raises(AlreadyErased) as info:
        erase_entries(desk.log, desk.privacy, [seq], "permintaan lisan", NOW, confirmed=True)
    assert info.value.code == "already_erased" and str(seq) in str(info.value)
    assert desk.log.head().seq == head and desk.log.verify().ok


def test_manual_erasure_needs_confirmation_and_refuses_records(desk):
    """No silent erasure: an unconfirmed manual run erases nothing; a record (aduan) can only
    go through the disposal procedure."""
    head = desk.log.head().seq
    with pytest.raises(NotConfirmed):
        apply_retention(desk.log, desk.privacy, RetentionPolicy(), NOW, trigger="manual")
    with pytest.raises(NotConfirmed):
        erase_entries(desk.log, desk.privacy, [seq_of(desk, "1001")], "x", NOW, confirmed=False)
    with pytest.raises(Exception, match="arsip dinas"):
        erase_entries(desk.log, desk.privacy, [seq_of(desk, "1003")], "x", NOW, confirmed=True)
    assert desk.log.head().seq == head
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle == "warga_lama"


def test_records_are_never_erased_automatically_but_listed_for_review(desk):
    """Answered mentions, aduan and office posts are records: retention with the shortest
    period leaves them, and the disposal review lists them for the records officer."""
    apply_retention(desk.log, desk.privacy, RetentionPolicy(unanswered_mention_days=1), NOW)
    for x in ("1002", "1003"):
        assert desk.log.get(seq_of(desk, x)).citizen_handle is not None
    items = disposal_review(desk.log, desk.privacy, NOW, timedelta(days=365))
    by_id = {i.x_post_id: i.data_class for i in items}
    assert by_id == {
        "5001": DataClass.OFFICE_POST,
        "5002": DataClass.OFFICE_POST,
        "1002": DataClass.ANSWERED_MENTION,
        "1003": DataClass.COMPLAINT,
    }
    assert "6001" not in by_id  # a private personal post is not an office record
    assert not any("warga_" in i.description for i in items)


def test_proposal_and_destruction_drafts_contain_the_records(desk):
    """The daftar usul musnah and the berita acara must name every record under review, or
    the officer approves something other than what is destroyed."""
    items = disposal_review(desk.log, desk.privacy, NOW, timedelta(days=365))
    header = DocumentHeader("Pemkot Contoh", "Bagian Prokopim", "Terbatas")
    docs = disposal_documents(desk.log, items, header, NOW, retention_days=365)
    for x in ("5001", "5002", "1002", "1003"):
        assert x in docs.proposal
    assert "Jumlah seluruhnya: 4 entri" in docs.proposal
    assert "Jumlah seluruhnya: 4 entri." in docs.destruction_report
    assert "Pemkot Contoh" in docs.destruction_report
    assert "warga_aduan" not in docs.proposal + docs.destruction_report
    entry = _last(desk, "disposal_review_made")
    assert entry.details["records"] == 4


def test_approved_disposal_erases_the_citizens_data_of_those_records(desk):
    """After the approval, the citizens' data attached to the records goes, recorded with
    the approval number; the office's own text stays in the chain."""
    items = disposal_review(desk.log, desk.privacy, NOW, timedelta(days=365))
    with pytest.raises(NotConfirmed):
        erase_approved_disposal(desk.log, desk.privacy, items, "BA-7", NOW, confirmed=False)
    report = erase_approved_disposal(
        desk.log, desk.privacy, items, "BA-7/2025", NOW, confirmed=True
    )
    assert report.count == 2 and report.mention_rows == 2
    assert "BA-7/2025" in _last(desk, "personal_data_erased").details["reason"]
    assert desk.log.get(seq_of(desk, "1003")).citizen_text is None
    assert any(e.text == "Info layanan Dukcapil" for e in desk.log.iter_entries())
    assert desk.log.verify().ok
