"""The register: cases from tags, class, status, forwarding, closing, each in the chain."""

from __future__ import annotations

import pytest

from humasdesk.core.aduan import CaseStatus, ClockState, ComplaintClass, LaporIdError
from humasdesk.core.models import Slot
from humasdesk.core.templates import Template, TemplateError
from humasdesk.services.aduan import ERASED_PSEUDONYM, ReplyFromOtherPane
from tests.aduan.conftest import OFFICE_ID


def actions(desk, case_id):
    return [
        (e.action.value if hasattr(e.action, "value") else e.action)
        for e in desk.log.iter_entries()
        if e.details.get("case_id") == case_id
    ]


def test_a_tagged_mention_becomes_a_case_with_a_pseudonym_and_default_class(desk):
    m = desk.mention("@HumasDemo Aplikasi layanan tidak bisa dibuka sejak kemarin", "warga_03")
    desk.mentions.tag_complaint(m.x_post_id)
    (case,) = desk.cases.open_tagged()
    assert case.status is CaseStatus.RECEIVED
    assert case.category is ComplaintClass.COMPLAINT
    assert case.pseudonym.startswith("warga-") and "warga_03" not in case.pseudonym
    assert desk.cases.open_tagged() == []  # one case per mention
    again = desk.complaint("@HumasDemo masih belum bisa", author="warga_03")
    assert again.pseudonym == case.pseudonym  # the same citizen keeps one pseudonym
    assert actions(desk, case.id) == ["case_opened"]
    assert desk.log.verify().ok


def test_every_change_is_an_entry_in_the_chain_and_verifies(desk):
    case = desk.complaint("@HumasDemo Jalan rusak di depan SD 3")
    desk.cases.set_category(case.id, ComplaintClass.FIELD_CHECK)
    desk.reply(case)
    desk.cases.set_status(case.id, CaseStatus.IN_PROGRESS)
    desk.cases.forward(case.id, "#1916449")
    closed = desk.cases.close(case.id)
    assert closed.status is CaseStatus.CLOSED and closed.closed_at is not None
    assert closed.lapor_id == "1916449" and closed.first_response_at is not None
    assert actions(desk, case.id) == [
        "case_opened", "case_category_set", "case_status_changed", "case_status_changed",
        "case_forwarded", "case_closed",
    ]  # fmt: skip
    entries = {e.action: e for e in desk.log.iter_entries() if e.details.get("case_id")}
    assert entries["case_forwarded"].details["lapor_id"] == "1916449"
    assert entries["case_forwarded"].citizen_text is None  # never the citizen's words
    assert desk.log.verify().ok


def test_the_conversation_keeps_every_reply(desk):
    case = desk.complaint("@HumasDemo Jalan rusak")
    desk.reply(case, "1900000000000000001")
    desk.log.append("reply_sent", slot=Slot.OFFICE, account_id=OFFICE_ID, handle="HumasDemo",
                    x_post_id="1900000000000000002", in_reply_to=case.mention_id)  # fmt: skip
    desk.cases.refresh()
    kept = desk.cases.get(case.id)
    assert kept.post_ids == ("1900000000000000001", "1900000000000000002")
    form = desk.cases.lapor_form(case.id)
    assert form.lampiran[-1] == "https://x.com/i/status/1900000000000000002"


def test_a_lapor_id_not_in_lapor_format_is_refused_and_nothing_changes(desk):
    case = desk.complaint("@HumasDemo pungli di loket")
    with pytest.raises(LaporIdError, match="7 sampai 10 angka"):
        desk.cases.forward(case.id, "LPR-12")
    assert desk.cases.get(case.id).status is CaseStatus.RECEIVED
    assert actions(desk, case.id) == ["case_opened"]


def test_a_rejection_keeps_its_reason(desk):
    case = desk.complaint("@HumasDemo urusan tetangga saya")
    rejected = desk.cases.reject(case.id, "Bukan kewenangan instansi")
    assert (
        rejected.status is CaseStatus.REJECTED
        and rejected.reject_reason == "Bukan kewenangan instansi"
    )


def test_a_deleted_mention_keeps_its_case_marked(desk):
    """The citizen deleted the post: the case stays in the register, marked."""

    class X:
        def get_post(self, post_id):
            from humasdesk.core.errors import NotFound

            raise NotFound(post_id)

    case = desk.complaint("@HumasDemo antrean lama sekali")
    assert desk.cases.check_deleted(X(), OFFICE_ID) == 1
    kept = desk.cases.get(case.id)
    assert kept.mention_deleted and kept.status is CaseStatus.RECEIVED
    assert actions(desk, case.id) == ["case_opened", "case_mention_deleted"]
    assert desk.cases.check_deleted(X(), OFFICE_ID) == 0


def test_checking_before_a_reply_marks_a_deleted_mention(desk):
    from humasdesk.core.errors import NotFound

    class X:
        def __init__(self, gone):
            self.gone = gone

        def get_post(self, post_id):
            if self.gone:
                raise NotFound(post_id)

    case = desk.complaint("@HumasDemo antrean lama")
    assert not desk.cases.check_mention(X(False), case.id).mention_deleted
    assert desk.cases.check_mention(X(True), case.id).mention_deleted
    assert desk.cases.get(case.id).status is CaseStatus.RECEIVED  # kept


def test_a_reply_from_the_other_pane_is_refused(desk):
    case = desk.complaint("@HumasDemo lampu jalan mati")
    desk.cases.check_reply(case.id, Slot.OFFICE)
    with pytest.raises(ReplyFromOtherPane, match="ditujukan kepada akun kantor"):
        desk.cases.check_reply(case.id, Slot.PERSONAL)


def test_reminders_count_near_and_overdue_at_the_right_moments(desk, clock):
    desk.complaint("@HumasDemo satu")  # Monday 08:00 WIB: first response due end of Thursday
    assert desk.cases.reminders() == desk.cases.reminders(OFFICE_ID)
    assert desk.cases.reminders().total == 0
    clock.advance(days=3)  # Thursday 08:00: 72 h of 88 h passed (82 %)
    r = desk.cases.reminders()
    assert (r.near, r.overdue) == (1, 0)
    clock.advance(hours=16)  # Friday 00:00 WIB
    r = desk.cases.reminders()
    assert (r.near, r.overdue) == (0, 1)


def test_register_rows_sort_by_deadline(desk, clock):
    slow = desk.complaint("@HumasDemo jembatan rusak", ComplaintClass.FIELD_CHECK)
    desk.reply(slow)
    clock.advance(hours=1)
    fast = desk.complaint("@HumasDemo layanan lambat")
    rows = desk.cases.rows()
    assert [r.case.id for r in rows] == [fast.id, slow.id]
    assert rows[0].clocks.first_response.state is ClockState.RUNNING


def test_retention_erases_a_closed_cases_citizen_data_keeping_clocks_and_lapor_id(desk, clock):
    case = desk.complaint("@HumasDemo jalan rusak, hubungi 081234567890", author="warga_09")
    desk.reply(case)
    desk.cases.forward(case.id, "1916449")
    desk.cases.close(case.id)
    open_case = desk.complaint("@HumasDemo masih terbuka", author="warga_10")
    assert desk.cases.apply_retention(desk.privacy, days=30).cases == 0  # not yet due
    clock.advance(days=31)
    out = desk.cases.apply_retention(desk.privacy, days=30)
    assert (out.cases, out.log_entries, out.inbox_rows) == (1, 1, 1)
    kept = desk.cases.get(case.id)
    assert kept.citizen_erased_at is not None and kept.pseudonym == ERASED_PSEUDONYM
    assert kept.lapor_id == "1916449" and kept.first_response_at and kept.closed_at
    assert desk.store.mention_text(case.mention_id) is None
    assert desk.mentions_store.get(case.mention_id).author_username is None
    assert desk.store.mention_text(open_case.mention_id) == "@HumasDemo masih terbuka"
    held = [e for e in desk.log.iter_entries() if e.x_post_id == case.mention_id
            and e.action == "mention_received"]  # fmt: skip
    assert held[0].citizen_handle is None and held[0].citizen_text is None
    assert desk.log.verify().ok
    assert desk.cases.apply_retention(desk.privacy, days=30).cases == 0


def test_templates_per_pane_start_with_the_starter_set_and_refuse_unknown_placeholders(desk):
    names = [t.name for t in desk.cases.templates(Slot.OFFICE)]
    assert "Diteruskan ke LAPOR!" in names
    desk.cases.save_template(Slot.OFFICE, Template("Banjir", "Terima kasih {sapaan}."))
    assert "Banjir" in [t.name for t in desk.cases.templates(Slot.OFFICE)]
    assert "Banjir" not in [t.name for t in desk.cases.templates(Slot.PERSONAL)]
    with pytest.raises(TemplateError, match=r"\{nomer_lapor\}"):
        desk.cases.save_template(Slot.OFFICE, Template("Salah", "Nomor {nomer_lapor}"))
    desk.cases.delete_template(Slot.OFFICE, "Banjir")
    assert "Banjir" not in [t.name for t in desk.cases.templates(Slot.OFFICE)]


def test_suggestions_are_never_actions(desk):
    """A keyword suggests the tag and a class; nothing is tagged until the official accepts."""
    m = desk.mention("@HumasDemo Ada pungli di loket kecamatan")
    quiet = desk.mention("@HumasDemo Terima kasih atas infonya")
    assert desk.cases.suggest_for([m, quiet]) == 1
    (s,) = desk.cases.suggestions(OFFICE_ID)
    assert s.category is ComplaintClass.COMPLAINT and s.found == ("pungli",)
    assert not desk.mentions_store.get(m.x_post_id).is_complaint
    case = desk.cases.accept_suggestion(desk.mentions, m.x_post_id)
    assert desk.mentions_store.get(m.x_post_id).is_complaint
    assert case.category is ComplaintClass.COMPLAINT
    assert desk.cases.suggestions(OFFICE_ID) == []
    other = desk.mention("@HumasDemo Jalan rusak parah")
    desk.cases.suggest_for([other])
    desk.cases.dismiss_suggestion(other.x_post_id)
    assert desk.cases.suggestions(OFFICE_ID) == []
    assert not desk.mentions_store.get(other.x_post_id).is_complaint


def test_lapor_form_is_filled_from_the_case(desk):
    case = desk.complaint("@HumasDemo Jalan rusak di Jl. Merdeka sudah sebulan",
                          ComplaintClass.FIELD_CHECK)  # fmt: skip
    form = desk.cases.lapor_form(case.id, agency="Kementerian Demo")
    assert form.judul == "Jalan rusak di Jl. Merdeka sudah sebulan"
    assert form.isi_laporan.startswith("@HumasDemo Jalan rusak")
    assert "Disampaikan warga melalui akun X @HumasDemo pada 02/03/2026 08:00" in form.isi_laporan
    assert form.tanggal_kejadian == "02/03/2026"
    assert form.instansi_tujuan == "Kementerian Demo"
    assert form.kategori == "perlu pemeriksaan lapangan" and form.klasifikasi == "Pengaduan"
    assert form.lampiran == (f"https://x.com/i/status/{case.mention_id}",)


def test_two_workers_taking_in_the_same_reply_log_it_once(desk):
    """Both panes' workers (or the desk and `humasdesk sync`) refresh the register at the
    same time: the first reply moves the case on once, in one entry."""
    import threading

    from humasdesk.services.aduan import CaseService
    from humasdesk.store import ConnectionFactory
    from humasdesk.store.aduan_store import AduanStore

    case = desk.complaint("@HumasDemo lampu mati")
    desk.mentions_store.mark_replied(case.mention_id, "1900000000000000009", desk.clock())
    others = [CaseService(AduanStore(ConnectionFactory(desk.path)), desk.log, desk.clock)
              for _ in range(4)]  # fmt: skip
    start = threading.Barrier(len(others))

    def run(service):
        start.wait()
        service.refresh()

    threads = [threading.Thread(target=run, args=(s,)) for s in others]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert actions(desk, case.id) == ["case_opened", "case_status_changed"]
    assert desk.cases.get(case.id).status is CaseStatus.REPLIED
    for s in others:
        s.store.close()
