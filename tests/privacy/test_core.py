"""Pure rules: retention values, classification, deadlines and the Indonesian drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from humasdesk.core.privacy import (
    BreachFacts,
    DataClass,
    DocumentHeader,
    InvalidHandle,
    InvalidRetention,
    RequestKind,
    RetentionPolicy,
    ReviewItem,
    breach_deadline,
    breach_notification_text,
    classify,
    destruction_report_draft,
    normalize_handle,
    proposal_list_text,
    request_deadline,
    time_left_text,
)

T = datetime(2025, 7, 1, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("days", [0, -1, -365])
def test_zero_or_negative_retention_is_refused_with_a_reason(days):
    """A zero period would erase every citizen's mention at the next schedule (and a
    negative one is meaningless): the official must get a typed error, not an erasure."""
    with pytest.raises(InvalidRetention) as info:
        RetentionPolicy(unanswered_mention_days=days)
    assert info.value.field == "unanswered_mention_days"
    assert "lebih dari 0 hari" in info.value.reason
    with pytest.raises(InvalidRetention):
        RetentionPolicy(record_review_days=days)


def test_retention_rejects_non_integers_and_reads_settings():
    """A setting typed as text or a bool must not become a period silently."""
    with pytest.raises(InvalidRetention):
        RetentionPolicy(unanswered_mention_days=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidRetention):
        RetentionPolicy(unanswered_mention_days="365")  # type: ignore[arg-type]
    p = RetentionPolicy.from_settings({"retention_unanswered_mention_days": 180})
    assert p == RetentionPolicy(unanswered_mention_days=180, record_review_days=730)
    assert RetentionPolicy() == RetentionPolicy(365, 730)


def test_classify_keeps_records_apart_from_erasable_mentions():
    """Misclassifying an aduan or an answered mention as unanswered would erase an official
    record; a private post must never count as an office record."""
    assert classify("mention_received", "office") is DataClass.UNANSWERED_MENTION
    assert classify("mention_received", "office", answered=True) is DataClass.ANSWERED_MENTION
    assert classify("mention_received", "office", handled=True) is DataClass.ANSWERED_MENTION
    assert (
        classify("mention_received", "office", answered=True, complaint=True) is DataClass.COMPLAINT
    )
    assert classify("reply_sent", "office") is DataClass.OFFICE_POST
    assert classify("post_sent", "personal") is DataClass.PERSONAL_POST
    assert classify("post_sent", "personal", official_capacity=True) is DataClass.OFFICE_POST
    assert classify("signed_in", "office") is None


def test_deadlines_are_the_ones_the_law_sets():
    """Access, correction and restriction requests and a breach notice have 3×24 h (UU
    27/2022 Pasal 32, 30, 41, 46): a wrong deadline makes the agency late without knowing
    it. Erasure (Pasal 43) has no period in the law, and the desk does not invent one."""
    for kind in (RequestKind.ACCESS, RequestKind.CORRECTION, RequestKind.RESTRICTION):
        assert request_deadline(kind, T) == T + timedelta(hours=72)
    assert request_deadline(RequestKind.ERASURE, T) is None
    assert breach_deadline(T) == T + timedelta(hours=72)
    assert time_left_text(T + timedelta(hours=50), T) == "tersisa 2 hari 2 jam"
    assert time_left_text(T - timedelta(hours=5), T) == "lewat 5 jam"


def test_handles_are_normalised_and_checked():
    """`@Warga_Satu` and `warga_satu` are one person on X; a malformed handle must not reach
    a query."""
    assert normalize_handle("@Warga_Satu") == "warga_satu"
    with pytest.raises(InvalidHandle):
        normalize_handle("bukan handle!")


def test_documents_carry_the_records_and_the_header():
    """The records officer works from these drafts: each record, the agency, the unit and
    the classification must be in them."""
    items = [
        ReviewItem(3, T - timedelta(days=800), "office", DataClass.OFFICE_POST, "5001", "Kiriman"),
        ReviewItem(9, T - timedelta(days=790), "office", DataClass.COMPLAINT, "1003", "Aduan"),
    ]
    header = DocumentHeader("Pemerintah Kota Contoh", "Bagian Humas", "Terbatas")
    usul = proposal_list_text(items, header, T)
    assert "DAFTAR ARSIP USUL MUSNAH" in usul
    assert "Pemerintah Kota Contoh" in usul and "Bagian Humas" in usul and "Terbatas" in usul
    assert "5001" in usul and "1003" in usul and "Jumlah seluruhnya: 2 entri" in usul
    ba = destruction_report_draft(items, header, T, proposal_ref="UM-01/2025")
    assert "BERITA ACARA PEMUSNAHAN ARSIP" in ba and "UM-01/2025" in ba
    assert "Aduan warga" in ba and "Kiriman akun kantor" in ba


def test_breach_notification_has_what_pasal_46_asks():
    """Pasal 46(2): the data disclosed, when and how, and the controller's handling and
    recovery — a notice missing one of them is not a lawful notice."""
    facts = BreachFacts(
        period_start=T - timedelta(days=2),
        period_end=T,
        discovered_at=T,
        handles_count=3,
        entries_count=5,
        data_kinds=("nama pengguna (handle) X",),
        how="laptop dinas hilang",
    )
    text = breach_notification_text(facts, DocumentHeader("Instansi A", "Humas"), T)
    assert "a. Data pribadi yang terungkap" in text
    assert "b. Kapan dan bagaimana data pribadi terungkap" in text and "laptop dinas hilang" in text
    assert "c. Upaya penanganan dan pemulihan" in text
    assert "3 x 24 jam" in text and "tersisa 3 hari" in text
