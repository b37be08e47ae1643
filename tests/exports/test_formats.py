"""Export content per format, privacy defaults and the service's guarantees (no Qt)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from humasdesk.core.activity import personal_digest
from humasdesk.services.export import (
    ExportCancelled,
    ExportFailed,
    ExportOptions,
    FailureReason,
    InvalidExportOptions,
    export_activity,
)
from humasdesk.store.exports import COLUMNS, verify_export
from humasdesk.store.exports.jsonl import check_jsonl
from tests.exports.conftest import (
    CITIZEN_TEXT,
    OFFICIAL_TEXT,
    POST_TEXT,
    PRIVATE_TEXT,
    WIB,
)

NOW = datetime(2024, 7, 1, 3, 0, tzinfo=UTC)
MAY = (datetime(2024, 5, 1, tzinfo=WIB), datetime(2024, 6, 1, tzinfo=WIB))


def run(log, signer, path, fmt, **kw):
    extra = {k: kw.pop(k) for k in ("pdf_writer", "progress", "cancel") if k in kw}
    return export_activity(
        log,
        ExportOptions(fmt=fmt, **kw),
        path,
        signer=signer,
        clock=lambda: NOW,
        tz=WIB,
        **extra,
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_bom_quoting_and_local_iso_times(log, signer, tmp_path):
    """Excel must open the file as UTF-8 and keep commas, quotes and line breaks inside one
    cell; times must show the laptop's zone with its offset."""
    out = tmp_path / "laporan.csv"
    result = run(log, signer, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    from humasdesk.services.metrics import CSV_REACH_COLUMNS  # issue 16: latest numbers

    header = raw.split(b"\r\n", 1)[0].decode("utf-8-sig")
    assert header == ",".join(COLUMNS + CSV_REACH_COLUMNS)
    assert b'"Jadwal layanan, ""baru""\nbaris dua"' in raw
    assert raw.endswith(b"\r\n")
    rows = read_csv(out)
    assert [r["seq"] for r in rows] == ["1", "2", "3", "4", "5", "7", "8"]
    assert result.entries == 7
    by_seq = {r["seq"]: r for r in rows}
    assert by_seq["2"]["teks"] == POST_TEXT
    assert by_seq["1"]["waktu"] == "2024-05-01T08:00:00.000+07:00"
    assert by_seq["1"]["akun"] == "Kantor"
    assert by_seq["5"]["akun"] == "Pribadi"
    assert by_seq["5"]["kapasitas_jabatan"] == "ya"
    assert by_seq["2"]["id_kiriman"] == "1790000000000000001"
    assert by_seq["8"]["teks"] == "'=SUM(1+1) bukan rumus"  # not run as a formula


def test_csv_masks_citizens_by_default(log, signer, tmp_path):
    """A supervisor export must not hand out a citizen's handle, phone number or e-mail
    (UU 27/2022) unless the official chooses to."""
    out = tmp_path / "a.csv"
    run(log, signer, out, "csv")
    row = next(r for r in read_csv(out) if r["seq"] == "3")
    assert re.fullmatch(r"warga-[0-9a-f]{8}", row["warga"])
    assert "081234567890" not in row["teks_warga"] and "[telepon]" in row["teks_warga"]
    assert "[email]" in row["teks_warga"]
    assert b"warga_satu" not in out.read_bytes()
    full = tmp_path / "b.csv"
    run(log, signer, full, "csv", citizen_data="full")
    row = next(r for r in read_csv(full) if r["seq"] == "3")
    assert row["warga"] == "@warga_satu" and row["teks_warga"] == CITIZEN_TEXT


def test_privacy_default_leaves_out_private_personal_posts(log, signer, tmp_path):
    """The official's private posts must not reach a supervisor unless included on purpose;
    posts marked official capacity always do."""
    default = tmp_path / "d.csv"
    run(log, signer, default, "csv")
    texts = {r["teks"] for r in read_csv(default)}
    assert OFFICIAL_TEXT in texts and PRIVATE_TEXT not in texts
    office = tmp_path / "o.csv"
    run(log, signer, office, "csv", accounts=frozenset({"office"}))
    assert {r["akun"] for r in read_csv(office)} <= {"Kantor", ""}  # "": desk events
    everything = tmp_path / "e.csv"
    result = run(log, signer, everything, "csv", include_personal=True)
    assert PRIVATE_TEXT in {r["teks"] for r in read_csv(everything)}
    assert result.manifest.personal_scope == "all"


def test_xlsx_typed_frozen_filtered(log, signer, tmp_path):
    """The supervisor sorts and filters in Excel: dates must be real dates, seq a number,
    ids text, the header frozen with filters on."""
    out = tmp_path / "laporan.xlsx"
    run(log, signer, out, "xlsx", start=MAY[0], end=MAY[1])
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        info = z.read("xl/worksheets/sheet2.xml").decode("utf-8")
        workbook = z.read("xl/workbook.xml").decode("utf-8")
    assert 'state="frozen"' in sheet and 'ySplit="1"' in sheet
    assert '<autoFilter ref="A1:N7"/>' in sheet  # header + 6 entries of May
    assert "<cols>" in sheet and 'width="60.7' in sheet
    assert 'name="aktivitas"' in workbook and 'name="keterangan"' in workbook
    # seq 1 as a number; its time 2024-05-01 08:00 local = Excel serial 45413 + 1/3
    assert re.search(r'<c r="A2"[^>]*><v>1</v></c>', sheet)
    m = re.search(r'<c r="B2" s="\d+"><v>([0-9.]+)</v></c>', sheet)
    assert m and abs(float(m.group(1)) - (45413 + 1 / 3)) < 1e-6
    assert 't="inlineStr"><is><t>1790000000000000001</t>' in sheet
    assert "<f>" not in sheet
    assert "45413" not in info and "entries" in info


def test_jsonl_manifest_and_entries_reverify(log, signer, tmp_path):
    """A supervisor can check every exported entry against the chain, and the entries the
    privacy filter left out show as filtered, not as tampering."""
    out = tmp_path / "laporan.jsonl"
    result = run(log, signer, out, "jsonl")
    lines = out.read_bytes().splitlines()
    manifest = json.loads(lines[0])
    assert manifest["type"] == "manifest" and manifest["entries"] == 7 == len(lines) - 1
    assert manifest["log_head_seq"] == 8 and manifest["log_head_hash"] == result.head.hash
    assert manifest["personal_scope"] == "official_capacity"
    assert manifest["signing_key_fingerprint"] == signer.fingerprint
    first = json.loads(lines[1])
    assert set(first) >= {"seq", "prev_hash", "hash", "entry"}
    with out.open("rb") as f:
        check = check_jsonl(f)
    assert check.ok and check.entries == 7 and check.filtered_gaps == 1  # seq 6 left out
    assert verify_export(out, expected_public_key=signer.public_key_bytes).problems == []


def test_jsonl_full_citizen_values_checked_against_digests(log, signer, tmp_path):
    """With citizen data included, an edited mention text is caught even if the attacker
    keeps the entry's hash intact."""
    out = tmp_path / "full.jsonl"
    run(log, signer, out, "jsonl", citizen_data="full")
    lines = out.read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[3])
    assert obj["seq"] == 3 and obj["citizen"]["citizen_text"] == CITIZEN_TEXT
    salt = bytes.fromhex(obj["citizen"]["salt"])
    assert personal_digest(salt, CITIZEN_TEXT) == obj["entry"]["citizen_text_digest"]
    with out.open("rb") as f:
        assert check_jsonl(f).ok
    obj["citizen"]["citizen_text"] = "Jalan bagus"
    lines[3] = json.dumps(obj, ensure_ascii=False)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with out.open("rb") as f:
        check = check_jsonl(f)
    assert check.first_bad_seq == 3 and "digest" in check.problems[0]


def test_empty_period_is_a_valid_signed_export(log, signer, tmp_path):
    """Asking for a quiet month must give a signed file that says "0 entries", not an error."""
    empty = (datetime(2023, 1, 1, tzinfo=WIB), datetime(2023, 2, 1, tzinfo=WIB))
    for fmt in ("csv", "xlsx", "jsonl"):
        out = tmp_path / f"kosong.{fmt}"
        result = run(log, signer, out, fmt, start=empty[0], end=empty[1])
        assert result.entries == 0 and result.manifest.first_seq is None
        check = verify_export(out, expected_public_key=signer.public_key_bytes)
        assert check.problems == [] and check.manifest["entries"] == 0


def test_reversed_period_and_unknown_format_refused_up_front(log, signer, tmp_path):
    """Bad input must be refused before anything is written."""
    with pytest.raises(InvalidExportOptions) as info:
        run(log, signer, tmp_path / "x.csv", "csv", start=MAY[1], end=MAY[0])
    assert info.value.code == "period_reversed"
    with pytest.raises(InvalidExportOptions) as info:
        run(log, signer, tmp_path / "x.doc", "doc")
    assert info.value.code == "unknown_format"
    with pytest.raises(InvalidExportOptions) as info:
        run(log, signer, tmp_path / "x.csv", "csv", accounts=frozenset({"office"}),
            include_personal=True)  # fmt: skip
    assert info.value.code == "personal_not_selected"
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_export_made_is_recorded_without_paths(log, signer, tmp_path):
    """The log must show who exported what and when, without the home folder's path."""
    out = tmp_path / "laporan.csv"
    result = run(log, signer, out, "csv", start=MAY[0], end=MAY[1])
    entry = log.page(limit=1)[0]
    assert str(entry.action) == "export_made" and entry.seq == 9
    d = entry.details
    assert d["file"] == "laporan.csv" and d["entries"] == result.entries == 6
    assert d["fingerprint"] == signer.fingerprint and d["sha256"] == result.sha256
    assert d["period_from"] == "2024-04-30T17:00:00.000Z"
    assert str(tmp_path) not in json.dumps(dict(d))
    assert log.verify().ok


def test_cancel_mid_export_leaves_no_file(log, signer, tmp_path, monkeypatch):
    """Cancelling in the dialog must not leave a half file for someone to send on, nor the
    spreadsheet's row data (citizens' messages) in the temp folder."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    from humasdesk.core.activity import NewEntry

    log.append_many(
        NewEntry(action="post_sent", slot="office", text=f"kiriman {i}", ts=NOW)
        for i in range(2000)
    )
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 2

    for fmt in ("csv", "xlsx", "jsonl"):
        calls.clear()
        with pytest.raises(ExportCancelled):
            run(log, signer, tmp_path / f"batal.{fmt}", fmt, cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "scratch"]
    assert list(scratch.iterdir()) == []


def test_full_disk_gives_clear_error_and_no_file(log, signer, tmp_path, monkeypatch):
    """A full USB stick must give "no space", and no truncated export."""
    import errno
    import os

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("humasdesk.store.exports.atomic.os.fsync", full)
    with pytest.raises(ExportFailed) as info:
        run(log, signer, tmp_path / "penuh.csv", "csv")
    assert info.value.reason is FailureReason.NO_SPACE
    assert "no space" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_progress_reaches_total(log, signer, tmp_path):
    """The dialog's progress bar must end full."""
    seen: list[tuple[int, int]] = []
    run(log, signer, tmp_path / "p.jsonl", "jsonl", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_pdf_goes_through_the_callers_writer_and_is_signed(log, signer, tmp_path):
    """The GUI's PDF writer gets re-iterable entries, metrics and the manifest; the PDF is
    signed like any export. Without a writer the export says so."""
    got = {}

    def writer(entries, metrics, manifest, path):
        got["n"] = sum(1 for _ in entries())
        got["again"] = sum(1 for _ in entries())
        got["posts"] = {a.account_id: a.posts for a in metrics.accounts}
        got["manifest"] = manifest
        Path(path).write_bytes(b"%PDF-1.4\n% laporan\n%%EOF\n")

    out = tmp_path / "laporan.pdf"
    result = run(log, signer, out, "pdf", pdf_writer=writer)
    assert got["n"] == got["again"] == 7 == result.entries
    assert got["posts"] == {"100": 2, "200": 1}  # the private personal post is not counted
    assert got["manifest"].signing_key_fingerprint == signer.fingerprint
    assert verify_export(out, expected_public_key=signer.public_key_bytes).problems == []
    with pytest.raises(ExportFailed) as info:
        run(log, signer, tmp_path / "tanpa.pdf", "pdf")
    assert info.value.reason is FailureReason.NO_PDF_WRITER


def test_pdf_report_gets_citizens_data_masked_by_default(log, signer, tmp_path):
    """The PDF report quotes citizens' mentions; by default a supervisor must see neither a
    citizen's handle nor their phone number or e-mail address, as in the other formats."""
    from tests.exports.conftest import CITIZEN_TEXT

    quoted: list[tuple[str | None, str | None]] = []

    def writer(entries, metrics, manifest, path):
        quoted.extend((e.citizen_handle, e.citizen_text) for e in entries() if e.citizen_text)
        Path(path).write_bytes(b"%PDF-1.4\n%%EOF\n")

    run(log, signer, tmp_path / "laporan.pdf", "pdf", pdf_writer=writer)
    assert quoted, "the test log has a citizen's mention"
    for handle, text in quoted:
        assert handle.startswith("warga-")
        assert "081234567890" not in text and "warga@contoh.id" not in text
        assert "[telepon]" in text and "[email]" in text
    assert CITIZEN_TEXT not in [t for _, t in quoted]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_every_export_names_agency_unit_and_classification(log, signer, tmp_path, fmt):
    """Whose document it is and who may read it travel with the file, under the signature
    (for CSV the signature file is where they live; XLSX also prints the marking on each
    page; JSON Lines states them in its manifest line)."""
    out = tmp_path / f"laporan.{fmt}"
    run(log, signer, out, fmt, agency=" Pemkot Sukamaju ", unit="Bagian Humas",
        classification="Rahasia")  # fmt: skip
    check = verify_export(out, expected_public_key=signer.public_key_bytes)
    assert str(check.status) == "intact"
    assert check.manifest is not None
    assert (check.manifest["agency"], check.manifest["unit"], check.manifest["classification"]) == (
        "Pemkot Sukamaju",
        "Bagian Humas",
        "Rahasia",
    )
    if fmt == "jsonl":
        first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        assert first["classification"] == "Rahasia" and first["agency"] == "Pemkot Sukamaju"
    if fmt == "xlsx":
        with zipfile.ZipFile(out) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            info = z.read("xl/worksheets/sheet2.xml").decode("utf-8")
        assert "<oddHeader>&amp;C&amp;BRAHASIA</oddHeader>" in sheet
        assert "&amp;C&amp;BRAHASIA" in info and "Pemkot Sukamaju" in info


def test_classification_defaults_to_terbatas_and_bad_values_are_refused(log, signer, tmp_path):
    result = run(log, signer, tmp_path / "a.csv", "csv")
    assert result.manifest.classification == "Terbatas"
    for kw, code in (
        ({"classification": "Sangat rahasia!"}, "unknown_classification"),
        ({"agency": "Pemkot\nSukamaju"}, "bad_name"),
        ({"unit": "x" * 201}, "bad_name"),
    ):
        with pytest.raises(InvalidExportOptions) as info:
            run(log, signer, tmp_path / "b.csv", "csv", **kw)
        assert info.value.code == code
    assert not (tmp_path / "b.csv").exists()
