"""The issue's "Done when": three officials' data folders with signed JSON Lines exports made
by `humasdesk export`, consolidated by `humasdesk rekap` into PDF and XLSX. The per-official
figures equal each official's own report for the same period, one altered file is excluded
and named on the verification page, and the rekap verifies with `humasdesk verify`."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from humasdesk.commands import main
from humasdesk.core.metrics import MetricsReport
from humasdesk.core.rekap import Verdict
from humasdesk.credentials.signing import ExportSigner
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.services.rekap import check_inputs
from humasdesk.store import ActivityLog, open_database
from humasdesk.store.trusted_keys import TrustedKeys

from .conftest import Official, flip_byte, run_rekap, trust

MARCH = ("--from", "2024-03-01", "--to", "2024-03-31")


def local(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


def own_report(o: Official, tmp: Path) -> MetricsReport:
    """The figures of the official's own PDF report for March (what `humasdesk export
    --format pdf` computes), captured from the real export service."""
    got: list[MetricsReport] = []

    def pdf_writer(entries, metrics, manifest, path: Path) -> None:
        got.append(metrics)
        path.write_bytes(b"%PDF-1.4\n")

    db = open_database(o.root / "humasdesk.db", synchronous="NORMAL")
    try:
        export_activity(
            ActivityLog(db),
            ExportOptions(
                fmt="pdf",
                start=local(date(2024, 3, 1)),
                end=local(date(2024, 4, 1)),
            ),
            tmp / f"{o.root.name}-own.pdf",
            signer=ExportSigner(backend=o.keyring),
            pdf_writer=pdf_writer,
        )
    finally:
        db.close()
    return got[0]


def xlsx_sheet_text(path: Path, sheet_name: str) -> str:
    """The shared strings and cells of one sheet, as text (enough to read what it says)."""
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)"', workbook)
        index = next(i for i, (n, _id) in enumerate(names, start=1) if n == sheet_name)
        strings = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())
        sheet = z.read(f"xl/worksheets/sheet{index}.xml").decode()
    out = []
    for cell in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)</v>)?', sheet):
        ref, attrs, value = cell.groups()
        if value is None:
            continue
        text = strings[int(value)] if 't="s"' in attrs else value
        out.append(f"{ref}={text}")
    return "\n".join(out)


def test_three_officials_consolidated(officials, supervisor, supervisor_keyring, tmp_path, capsys):
    """The supervisor's whole task, as the issue states it."""
    budi, _sari, joko = officials
    files = []
    for o in officials:
        files.append(o.export(tmp_path / f"{o.root.name}-maret.jsonl", *MARCH))
        trust(supervisor, supervisor_keyring, o)
    # Joko also sends a second copy of March; it is edited after signing (one byte of a post)
    altered = joko.export(tmp_path / "joko-maret-salinan.jsonl", *MARCH)
    flip_byte(altered, b"Info layanan")
    capsys.readouterr()

    pdf, xlsx = tmp_path / "rekap.pdf", tmp_path / "rekap.xlsx"
    for out in (pdf, xlsx):
        code = run_rekap(
            supervisor, supervisor_keyring, "-o", str(out), *MARCH, *map(str, files), str(altered)
        )
        assert code == 1  # written, but an input was excluded
        err = capsys.readouterr().err
        assert re.search(r"joko-maret-salinan\.jsonl dikeluarkan: diubah: entri \d+", err), err
        assert err.count("\n") == 1  # one line: the one excluded file
        assert out.is_file() and Path(str(out) + ".sig").is_file()

    # per-official figures equal each official's own report for the same period
    rekap = check_inputs(
        files,
        TrustedKeys(supervisor / "trusted-keys.json"),
        start=local(date(2024, 3, 1)),
        end=local(date(2024, 4, 1)),
    )
    for o in officials:
        own = own_report(o, tmp_path)
        figures = next(f for f in rekap.officials if f.key.name == o.name)
        assert own.accounts, o.name
        for account in own.accounts:
            mine = figures.accounts[account.account_id].figures()
            assert mine == account, (o.name, account.handle)
        assert rekap.as_of == own.as_of

    # the verification page names the altered file, with its SHA-256 and the reason
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Rekapitulasi Aktivitas Media Sosial" in text
    assert "Pemeriksaan berkas masukan" in text
    assert "joko-maret-salinan.jsonl" in text and "DIKELUARKAN" in text
    assert re.search(r"Diubah: entri [\d.]+ tidak cocok dengan hash-nya", flat), flat
    assert text.count("TERBATAS") >= 2 * 3  # top and bottom of every page
    assert "Rekap ini tidak memuat handle maupun kata-kata warga" in flat
    for o in officials:
        assert o.name in text

    # the XLSX: inputs and verdicts, one sheet per measure, numbers typed
    inputs = xlsx_sheet_text(xlsx, "Berkas masukan")
    assert "joko-maret-salinan.jsonl" in inputs and "DIKELUARKAN" in inputs
    posts = xlsx_sheet_text(xlsx, "Kiriman")
    budi_posts = own_report(budi, tmp_path).for_account(budi.office_id).posts
    assert re.search(rf"E\d+={budi_posts}\n", posts)
    with zipfile.ZipFile(xlsx) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    for sheet in (
        "Ringkasan",
        "Kiriman",
        "Balasan",
        "Mention",
        "Waktu respons",
        "Rasio dua arah",
        "Aduan SP4N-LAPOR",
        "Peringkat",
        "Berkas masukan",
        "Celah",
        "Definisi",
    ):
        assert sheet in names

    # the rekap verifies with `humasdesk verify`, against the supervisor's own key
    for out in (pdf, xlsx):
        assert main(["verify", "--data-dir", str(supervisor), str(out)]) == 0
        assert "UTUH" in capsys.readouterr().out
    flip_byte(xlsx, b"xl/")
    assert main(["verify", "--data-dir", str(supervisor), str(xlsx)]) == 1


def test_worker_processes_give_the_same_rekap(officials, supervisor, supervisor_keyring, tmp_path):
    """A large rekap reads the officials' files in worker processes: the verdicts, figures
    and gaps must be exactly those of reading them here."""
    files = []
    for o in officials:
        files.append(
            o.export(
                tmp_path / f"{o.root.name}-a.jsonl", "--from", "2024-03-01", "--to", "2024-03-10"
            )
        )
        files.append(
            o.export(
                tmp_path / f"{o.root.name}-b.jsonl", "--from", "2024-03-20", "--to", "2024-04-10"
            )
        )
        trust(supervisor, supervisor_keyring, o)
    flip_byte(files[3], b"Info layanan")
    register = TrustedKeys(supervisor / "trusted-keys.json")
    here = check_inputs(files, register, workers=1)
    pooled = check_inputs(files, register, workers=2)
    assert [(f.name, f.verdict, f.counted, f.sha256) for f in pooled.files] == [
        (f.name, f.verdict, f.counted, f.sha256) for f in here.files
    ]
    assert [f.verdict for f in here.files].count(Verdict.ALTERED) == 1
    assert pooled.gaps == here.gaps and len(here.gaps) == 2
    assert pooled.period == here.period
    for a, b in zip(pooled.officials, here.officials, strict=True):
        assert a.key == b.key
        assert {k: t.figures() for k, t in a.accounts.items()} == {
            k: t.figures() for k, t in b.accounts.items()
        }
        assert [m.figures() for m in (a.month_total(i) for i in range(len(a.months)))] == [
            m.figures() for m in (b.month_total(i) for i in range(len(b.months)))
        ]
