"""Issue 17's "done when", against the sandbox over real HTTP.

Twelve complaints of the four SP4N-LAPOR! classes arrive over three simulated days; the
reminder counts (what the Mention tab's badge, the pane's header, the tray and `humasdesk
sync` show) are right at four moments; one dispute is forwarded with a LAPOR! ID that
appears in the reply published on X and in the register's XLSX, which holds every clock;
the mismatch warning fires on the tired official's office post and stays quiet on the
ordinary announcement.

If this breaks, an office misses SP4N-LAPOR! service times without the desk saying so, or
reports to its supervisor a register that does not match what happened.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import requests

from humasdesk.core.aduan import CaseStatus, ComplaintClass
from humasdesk.core.models import Slot
from humasdesk.core.templates import STARTER_TEMPLATES, fill_reply, lapor_reply_values
from humasdesk.core.wording import check_text, load_wording_rules
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.paths import rules_dirs
from humasdesk.services.aduan import CaseService, export_register
from humasdesk.services.mentions import MentionSync
from humasdesk.services.outbox import Outbox, Sender
from humasdesk.services.session import sign_in_practice
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.aduan_store import AduanStore
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.outbox_store import OutboxStore
from tests.aduan.xlsx import read_rows
from tests.fakes import MemoryKeyring

CLASSES = (ComplaintClass.INFORMATION, ComplaintClass.COMPLAINT, ComplaintClass.DISPUTE,
           ComplaintClass.FIELD_CHECK)  # fmt: skip
TEXTS = {
    ComplaintClass.INFORMATION: "Mohon info syarat pembuatan KIA untuk anak, hari {day}?",
    ComplaintClass.COMPLAINT: "Loket pelayanan lambat sekali, antre sejak pagi (hari {day})",
    ComplaintClass.DISPUTE: "Tagihan retribusi saya salah tagih, saya dirugikan (hari {day})",
    ComplaintClass.FIELD_CHECK: "Jalan rusak berlubang di RT {day}, mohon dicek petugas",
}


class SimClock:
    """The sandbox's clock and the desk's, moved together (the sandbox keeps an offset)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def move_to(self, target: datetime) -> None:
        delta = target - self()
        r = requests.post(f"{self.base}/_sandbox/clock",
                          json={"advance_s": delta.total_seconds()}, timeout=10)  # fmt: skip
        assert r.status_code == 200, r.text
        self.offset += delta


def test_twelve_complaints_over_simulated_days(sandbox, tmp_path):
    base = sandbox.base_url
    clock = SimClock(base)
    # The office's zone is chosen so the first complaints arrive between 12:00 and 13:00:
    # the moments below then fall well clear of every threshold, whatever the real hour.
    start = clock()
    zone = timezone(timedelta(hours=12 - start.hour))
    day0 = start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)

    def at(day: int, hour: int) -> datetime:
        return day0 + timedelta(days=day, hours=hour)

    path = tmp_path / "humasdesk.db"
    open_database(path).close()
    factory = ConnectionFactory(path)
    log = ActivityLog(factory, clock=clock)
    mentions_store, outbox_store, store = (
        MentionsStore(factory),
        OutboxStore(factory),
        AduanStore(factory),
    )
    mentions = MentionSync(mentions_store, log, clock)
    outbox = Outbox(outbox_store, clock, undo_s=0)
    sender = Sender(outbox_store, log, clock, mentions=mentions_store, rng=lambda: 1.0)
    cases = CaseService(store, log, clock, zone=zone)
    sessions = []

    def session():
        s = sign_in_practice(Slot.OFFICE, base_url=base)  # a fresh token each simulated day
        sessions.append(s)
        log.append("signed_in", slot=Slot.OFFICE, account_id=s.account.user_id,
                   handle=s.account.username)  # fmt: skip
        return s

    def reply(s, case, text):
        result = outbox.enqueue(Slot.OFFICE, s.account, text, reply_to=case.mention_id)
        assert result.ok, result
        outcomes = sender.send_due(s)
        assert [o.status.value for o in outcomes] == ["sent"], outcomes
        cases.refresh()

    opened: dict[tuple[int, ComplaintClass], object] = {}
    try:
        assert mentions.sync(session()).ok  # the practice seed's mentions: not complaints
        for day in range(3):  # four complaints a day, one of each class
            if day:
                clock.move_to(start + timedelta(days=day))
            s = session()
            for cls in CLASSES:
                r = requests.post(f"{base}/_sandbox/mentions", timeout=10, json={
                    "to": "HumasDemo", "from": f"warga_{day}{cls.limit_days}",
                    "text": "@HumasDemo " + TEXTS[cls].format(day=day + 1)})  # fmt: skip
                assert r.status_code == 201, r.text
            result = mentions.sync(s)
            assert result.ok and result.new == 4
            for m in sorted(result.mentions, key=lambda m: m.x_post_id):
                mentions.tag_complaint(m.x_post_id)
                cls = next(c for c in CLASSES if TEXTS[c].split(",")[0][:12] in m.text)
                opened[(day, cls)] = cases.open_case(m.x_post_id, cls)
            assert cases.reminders().total == 0  # nothing is near on arrival day
            if day == 0:
                clock.move_to(at(0, 14))
                for cls in (ComplaintClass.INFORMATION, ComplaintClass.COMPLAINT):
                    reply(s, opened[(0, cls)], f"Terima kasih, aduan {cls.label} Anda kami terima.")
            if day == 1:  # the dispute goes to LAPOR!, and the reply says its number
                clock.move_to(at(1, 14))
                dispute = opened[(1, ComplaintClass.DISPUTE)]
                cases.forward(dispute.id, "#1916449")
                template = next(t for t in STARTER_TEMPLATES if t.name == "Diteruskan ke LAPOR!")
                filled = fill_reply(
                    template.body, {"sapaan": "Bapak/Ibu", **lapor_reply_values("1916449")}
                )
                assert not filled.too_long
                reply(s, dispute, filled.text)
            if day == 2:
                cases.close(opened[(0, ComplaintClass.INFORMATION)].id)  # answered, done on time
        assert len(cases.rows()) == 12

        # The reminders at the right moments (counts only).
        expected = {
            at(3, 8): (2, 0),   # day-0 unanswered: their first response is near (80 %)
            at(4, 8): (3, 2),   # day-0 unanswered overdue; day-1 unanswered near
            at(5, 8): (5, 5),   # the day-0 complaint's 5 days are near; day 2 near too
            at(6, 8): (0, 10),  # all but the forwarded dispute and the closed request
        }  # fmt: skip
        for moment, (near, overdue) in expected.items():
            clock.move_to(moment)
            r = cases.reminders()
            assert (moment, r.near, r.overdue) == (moment, near, overdue)

        # The reply on X carries the LAPOR! number; the case holds it.
        posts = requests.get(f"{base}/_sandbox/posts", params={"author": "HumasDemo"},
                             timeout=10).json()["data"]  # fmt: skip
        assert any("dengan nomor #1916449" in p["text"] for p in posts)
        dispute = cases.get(opened[(1, ComplaintClass.DISPUTE)].id)
        assert dispute.status is CaseStatus.FORWARDED and dispute.lapor_id == "1916449"
        assert dispute.first_response_at is not None

        # The register's XLSX: one row per case, every clock, the LAPOR! ID.
        signer = ExportSigner(
            backend=MemoryKeyring(), public_key_path=tmp_path / PUBLIC_KEY_FILENAME
        )
        n, sig = export_register(cases, tmp_path / "aduan.xlsx", "xlsx", signer=signer)
        assert n == 12 and sig.is_file()
        rows = read_rows(tmp_path / "aduan.xlsx")
        head, body = rows[0], rows[1:]
        assert len(body) == 12
        for col in ("diterima", "batas_respons_pertama", "respons_pertama", "hari_respons_pertama",
                    "status_respons_pertama", "batas_penyelesaian", "ditutup", "hari_penyelesaian",
                    "status_penyelesaian", "nomor_lapor"):  # fmt: skip
            assert col in head
        record = {h: (r[i] if i < len(r) else "") for r in body for i, h in enumerate(head)
                  if r[head.index("nomor_lapor")] == "1916449"}  # fmt: skip
        assert record["kelas"] == "sengketa" and record["status"] == "diteruskan ke LAPOR!"
        assert record["status_respons_pertama"] == "tepat waktu"
        assert record["tautan_lapor"] == "https://www.lapor.go.id/pengaduan/1916449"
        info_request = [r for r in body if r[head.index("kelas")] == "permintaan informasi"
                        and r[head.index("status")] == "selesai"]  # fmt: skip
        assert len(info_request) == 1
        assert info_request[0][head.index("status_penyelesaian")] == "tepat waktu"
        assert all(r[head.index("warga")].startswith("warga-") for r in body)
        assert not any("warga_0" in c for r in body for c in r)  # pseudonyms only
        assert log.verify().ok
    finally:
        for s in sessions:
            s.client.close()
        for closeable in (log, mentions_store, outbox_store, store):
            closeable.close()

    # The mismatch warning, exactly as the composer and `humasdesk check` say it.
    rules = load_wording_rules(rules_dirs())
    tired = check_text("aku capek banget hari ini 😭😭😭", Slot.OFFICE, rules)
    assert [w.code for w in tired.warnings] == ["first_person_singular", "slang", "emoji_run"]
    quiet = check_text("Layanan KTP elektronik buka pukul 08.00 WIB di kantor kecamatan.",
                       Slot.OFFICE, rules)  # fmt: skip
    assert quiet.warnings == () and quiet.valid
