"""Access report for one person: everything held about a handle, nobody else's data."""

from __future__ import annotations

import csv
import io
import json

import pytest

from humasdesk.core.privacy import DocumentHeader
from humasdesk.services.access_report import (
    AccessReportFailed,
    collect_access_report,
    make_access_report,
)
from humasdesk.services.export import ExportOptions
from humasdesk.services.privacy import (
    InvalidRequest,
    NothingHeld,
    guarded_export,
    register_request,
)
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.exports import verify_export
from humasdesk.store.exports.check import Status

from .conftest import (
    ANSWERED_TEXT,
    COMPLAINT_TEXT,
    NOW,
    OFFICE,
    OLD_TEXT,
    PERSONAL_MENTION_TEXT,
    RECENT_TEXT,
    SECOND_OLD_TEXT,
    add_mention,
    seq_of,
)

OTHERS = (
    "warga_dibalas",
    "warga_aduan",
    "warga_baru",
    "warga_pribadi",
    ANSWERED_TEXT,
    COMPLAINT_TEXT,
    RECENT_TEXT,
    PERSONAL_MENTION_TEXT,
)
HEADER = DocumentHeader("Pemerintah Kota Contoh", "Bagian Humas", "Terbatas")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_access_report_holds_the_subjects_data_and_nothing_of_others(desk, signer, tmp_path, fmt):
    """The citizen gets all that is held about them (both mentions, the inbox rows, their
    request, the exports that included them) — and a report that leaked another citizen's
    handle or words would itself be a breach."""
    # another citizen named inside the subject's own words must not leak either
    add_mention(
        desk, OFFICE, "1007", "warga_lama", "Sama seperti @warga_aduan bilang", NOW.replace(day=1)
    )
    register_request(desk.log, desk.privacy, "@warga_lama", "access", NOW)
    guarded_export(
        desk.log,
        desk.privacy,
        ExportOptions(fmt="csv"),
        tmp_path / "sup.csv",
        signer=signer,
        clock=desk.clock,
    )
    out = tmp_path / f"akses.{fmt}"
    res = make_access_report(
        desk.log,
        desk.privacy,
        "@Warga_Lama",
        fmt,
        out,
        signer=signer,
        header=HEADER,
        clock=desk.clock,
    )
    body = out.read_text(encoding="utf-8-sig")
    for other in OTHERS:
        assert other not in body, other
    assert "@[pengguna lain]" in body
    for mine in (OLD_TEXT, SECOND_OLD_TEXT, "Warga_Lama", "1001", "1006"):
        assert mine in body
    assert "Terbatas" in body and "Pemerintah Kota Contoh" in body
    assert "termasuk dalam ekspor sup.csv" in body and "data warga disamarkan" in body
    if fmt == "jsonl":
        lines = [json.loads(x) for x in body.splitlines()]
        assert lines[0]["type"] == "manifest" and lines[0]["classification"] == "Terbatas"
        kinds = {x["jenis"] for x in lines[1:]}
    else:
        rows = list(csv.DictReader(io.StringIO(body)))
        kinds = {r["jenis"] for r in rows}
    assert {"data_warga", "kotak_masuk", "permintaan", "jejak"} <= kinds
    assert verify_export(out).status is Status.INTACT  # signed like other exports
    assert res.records > 0
    made = list(desk.log.iter_entries(LogFilter(actions=frozenset({"access_report_made"}))))
    assert made[-1].citizen_handle == "warga_lama" and made[-1].details["format"] == fmt
    assert desk.log.verify().ok


def test_access_report_for_a_handle_we_hold_nothing_about(desk, signer, tmp_path):
    """No file must be made (an empty 'report' would suggest data exists or was hidden)."""
    head = desk.log.head().seq
    with pytest.raises(NothingHeld) as info:
        make_access_report(
            desk.log,
            desk.privacy,
            "@tak_dikenal",
            "jsonl",
            tmp_path / "a.jsonl",
            signer=signer,
            clock=desk.clock,
        )
    assert info.value.code == "nothing_held"
    assert not (tmp_path / "a.jsonl").exists() and desk.log.head().seq == head
    assert desk.privacy.live_leases(NOW) == []


def test_access_report_trail_shows_replies_tags_and_erasures(desk):
    """The processing trail: the answer the office gave and the aduan tag are the subject's
    business too."""
    r = collect_access_report(desk.log, desk.privacy, "warga_dibalas", NOW)
    actions = [x.action for x in r.records]
    assert "mention_received" in actions and "reply_sent" in actions
    reply = next(x for x in r.records if x.action == "reply_sent")
    assert reply.own_text == "Jadwal vaksin setiap Senin, @warga_dibalas"
    r2 = collect_access_report(desk.log, desk.privacy, "warga_aduan", NOW)
    assert any(x.note == "ditandai aduan" for x in r2.records)
    assert seq_of(desk, "1003") in [x.seq for x in r2.records]


def test_pdf_without_a_writer_is_refused_cleanly(desk, signer, tmp_path):
    """The PDF needs the GUI's writer; without it nothing half-made is left."""
    with pytest.raises(AccessReportFailed):
        make_access_report(
            desk.log,
            desk.privacy,
            "warga_lama",
            "pdf",
            tmp_path / "a.pdf",
            signer=signer,
            clock=desk.clock,
        )
    assert list(tmp_path.glob("a.pdf*")) == []


def test_pdf_with_a_text_writer(desk, signer, tmp_path):
    """With a writer supplied (the GUI's), the PDF is signed like the others."""
    seen = {}

    def writer(text, path):
        seen["text"] = text
        path.write_bytes(b"%PDF-1.4\n" + text.encode())

    out = tmp_path / "a.pdf"
    make_access_report(
        desk.log,
        desk.privacy,
        "warga_lama",
        "pdf",
        out,
        signer=signer,
        header=HEADER,
        clock=desk.clock,
        pdf_writer=writer,
    )
    assert "LAPORAN AKSES DATA PRIBADI" in seen["text"] and "@warga_lama" in seen["text"]
    assert verify_export(out).status is Status.INTACT


def test_access_report_names_no_file_in_the_chain(desk, signer, tmp_path):
    """The chain's details can never be erased: a file the official named after the person
    must not put the handle there (the digest identifies the file)."""
    res = make_access_report(
        desk.log, desk.privacy, "@warga_lama", "jsonl", tmp_path / "warga_lama.jsonl",
        signer=signer, clock=desk.clock,
    )  # fmt: skip
    [entry] = desk.log.iter_entries(LogFilter(actions=frozenset({"access_report_made"})))
    assert entry.details["sha256"] == res.sha256
    assert "warga_lama" not in str(entry.details)


def test_access_report_for_a_request_must_answer_that_request(desk, signer, tmp_path):
    """A report tied to the register answers an access request from the same person."""
    access = register_request(desk.log, desk.privacy, "@warga_lama", "access", NOW)
    erasure = register_request(desk.log, desk.privacy, "@warga_lama", "erasure", NOW)
    other = register_request(desk.log, desk.privacy, "@warga_baru", "access", NOW)
    out = tmp_path / "akses.jsonl"
    for request_id, message in (
        (999, "tidak ada di register"),
        (erasure.id, "bukan permintaan akses"),
        (other.id, "orang lain"),
    ):
        with pytest.raises(InvalidRequest, match=message):
            make_access_report(
                desk.log, desk.privacy, "@warga_lama", "jsonl", out, signer=signer,
                clock=desk.clock, request_id=request_id,
            )  # fmt: skip
        assert not out.exists()
    make_access_report(
        desk.log, desk.privacy, "@Warga_Lama", "jsonl", out, signer=signer, clock=desk.clock,
        request_id=access.id,
    )  # fmt: skip
    assert out.exists()
