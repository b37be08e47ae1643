"""The register's spreadsheet exports and the report's figures from the chain."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from humasdesk.core.aduan import CaseStatus, ComplaintClass, RegisterTally
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.services.aduan import export_register
from tests.aduan.conftest import WIB
from tests.aduan.xlsx import read_rows
from tests.fakes import MemoryKeyring


def _signer(tmp_path):
    return ExportSigner(backend=MemoryKeyring(), public_key_path=tmp_path / PUBLIC_KEY_FILENAME)


def _register(desk, clock):
    info = desk.complaint("@HumasDemo Mohon info syarat KIA", ComplaintClass.INFORMATION)
    desk.reply(info)
    clock.advance(days=1)
    desk.cases.close(info.id)
    dispute = desk.complaint('@HumasDemo =HYPERLINK("x") tagihan salah', ComplaintClass.DISPUTE)
    desk.cases.forward(dispute.id, "1916449")
    late = desk.complaint("@HumasDemo lampu mati", ComplaintClass.COMPLAINT)
    clock.advance(days=7)
    desk.cases.reject(late.id, "=bukan kewenangan")
    return info, dispute, late


def test_csv_has_one_row_per_case_with_every_clock(desk, clock, tmp_path):
    info, dispute, late = _register(desk, clock)
    n, sig = export_register(desk.cases, tmp_path / "aduan.csv", "csv", signer=_signer(tmp_path))
    assert n == 3 and sig.name == "aduan.csv.sig"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "aduan.csv").read_text("utf-8-sig"))))
    by_id = {int(r["no_aduan"]): r for r in rows}
    assert by_id[info.id]["status_penyelesaian"] == "tepat waktu"
    assert by_id[info.id]["hari_penyelesaian"] == "1"
    assert by_id[dispute.id]["nomor_lapor"] == "1916449"
    assert by_id[late.id]["status"] == "ditolak"
    assert by_id[late.id]["status_penyelesaian"] == "terlambat"  # rejected after 7 days > 5
    assert by_id[late.id]["alasan_penolakan"] == "'=bukan kewenangan"  # no formula runs
    assert by_id[late.id]["akun_x"] == "@HumasDemo"
    assert "HYPERLINK" not in (tmp_path / "aduan.csv").read_text("utf-8-sig")  # no words


def test_xlsx_holds_the_definitions(desk, clock, tmp_path):
    _register(desk, clock)
    export_register(desk.cases, tmp_path / "aduan.xlsx", "xlsx", signer=_signer(tmp_path))
    rows = read_rows(tmp_path / "aduan.xlsx")
    assert len(rows) == 4 and rows[0][0] == "no_aduan"
    info = dict((r[0], r[1]) for r in read_rows(tmp_path / "aduan.xlsx", sheet=2))
    assert info["jumlah_aduan"] == "3"
    assert "hari kalender seperti SP4N-LAPOR!" in info["definisi"]


def test_tally_from_the_chain_counts_classes_statuses_and_on_time_rates(desk, clock):
    start = clock.now - timedelta(days=1)
    _register(desk, clock)
    tally = RegisterTally()
    for e in desk.log.iter_entries():
        tally.add(e)
    figures = {f.category: f for f in tally.figures(start, clock.now, clock.now, WIB)}
    total = figures[None]
    assert total.count == 3 and total.forwarded == 1
    assert total.by_status[CaseStatus.CLOSED] == 1 and total.by_status[CaseStatus.REJECTED] == 1
    assert total.by_status[CaseStatus.FORWARDED] == 1
    assert (total.answered, total.answered_on_time) == (1, 1)
    assert (total.closed, total.closed_on_time) == (2, 1)
    assert total.completion_rate == 0.5
    assert figures[ComplaintClass.INFORMATION].first_response_rate == 1.0
    assert figures[ComplaintClass.DISPUTE].first_response_rate == 0.0


def test_jsonl_export_carries_the_case_events_without_citizens_words(desk, clock, tmp_path):
    """The supervisor's JSON Lines export holds every case event of the chain (tagging,
    class, status, forwarding, closing), each verifiable, never the citizen's words."""
    import json

    from humasdesk.services.export import ExportOptions, export_activity

    info, dispute, late = _register(desk, clock)
    out = tmp_path / "laporan.jsonl"
    export_activity(desk.log, ExportOptions(fmt="jsonl"), out, signer=_signer(tmp_path),
                    clock=lambda: clock.now, tz=WIB)  # fmt: skip
    lines = [json.loads(line)["entry"] for line in out.read_text("utf-8").splitlines()[1:]]
    wanted = ("case_", "mention_tagged")
    events = [(e["action"], e["details"].get("case_id")) for e in lines
              if e["action"].startswith(wanted)]  # fmt: skip
    actions = [a for a, _ in events]
    assert actions.count("mention_tagged") == 3
    assert actions.count("case_opened") == 3
    assert ("case_forwarded", dispute.id) in events
    assert ("case_closed", info.id) in events and ("case_closed", late.id) in events
    assert "case_status_changed" in actions  # the first reply moved the case on
    forwarded = next(e for e in lines if e["action"] == "case_forwarded")
    assert forwarded["details"]["lapor_id"] == "1916449"
    assert "HYPERLINK" not in json.dumps([e for e in lines if e["action"].startswith("case_")])
