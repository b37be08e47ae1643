"""`humasdesk export --about` and `humasdesk privacy …`: exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from humasdesk.cli import main
from humasdesk.commands import export_main, privacy_main
from tests.report.conftest import pdftotext as _pdftotext

from .conftest import NOW, close_desk, open_desk, seq_of


@pytest.fixture
def cli_desk(data_dir: Path):
    d = open_desk(data_dir / "humasdesk.db")
    try:
        yield d
    finally:
        close_desk(d)


def test_export_about_writes_a_signed_report(cli_desk, data_dir, keyring_backend, capsys):
    """The command an official runs when a citizen asks "what do you hold about me"."""
    out = data_dir / "akses.jsonl"
    code = export_main(
        ["--about", "@warga_lama", "--format", "jsonl", "-o", str(out), "--agency", "Pemkot"],
        keyring_backend=keyring_backend,
    )
    assert code == 0, capsys.readouterr().err
    assert "Laporan akses selesai: akses.jsonl" in capsys.readouterr().out
    manifest = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert manifest["subject"] == "@warga_lama" and manifest["agency"] == "Pemkot"
    assert manifest["classification"] == "Terbatas"
    assert Path(str(out) + ".sig").is_file()
    assert main(["verify", str(out)]) == 0


def test_export_about_unknown_handle_fails_in_one_line(cli_desk, data_dir, keyring_backend, capsys):
    """Nothing held: exit 1, one Indonesian line, no file."""
    out = data_dir / "x.csv"
    code = export_main(
        ["--about", "@siapa_saja", "--format", "csv", "-o", str(out)],
        keyring_backend=keyring_backend,
    )
    err = capsys.readouterr().err
    assert code == 1 and "tidak ada data tentang @siapa_saja" in err
    assert err.count("\n") == 1 and not out.exists()
    assert export_main(["--about", "bukan handle!", "--format", "csv", "-o", str(out)]) == 2


def test_export_about_as_pdf_is_signed_and_marked(cli_desk, data_dir, keyring_backend, capsys):
    """The PDF access report from the command line: the citizen's data as text, the
    classification at the top of the page, agency and unit from the desk's settings when the
    flags leave them out, and a signature that verifies."""
    (data_dir / "settings.json").write_text(
        json.dumps({"agency_name": "Pemerintah Kota Sukamaju", "unit_name": "Bagian Humas"}),
        encoding="utf-8",
    )
    out = data_dir / "akses.pdf"
    code = export_main(
        ["--about", "@warga_lama", "--format", "pdf", "-o", str(out)],
        keyring_backend=keyring_backend,
    )
    assert code == 0, capsys.readouterr().err
    text = _pdftotext(out)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "TERBATAS" and lines[-1] == "TERBATAS"
    assert "@warga_lama" in text
    assert "Pemerintah Kota Sukamaju" in text and "Bagian Humas" in text
    assert main(["verify", str(out)]) == 0


def test_privacy_retention_needs_yes_and_refuses_zero(cli_desk, capsys):
    """A typo must not erase citizens' data: --apply without --yes, or 0 days, is bad usage."""
    assert privacy_main(["retention", "--apply"]) == 2
    assert privacy_main(["retention", "--days", "0"]) == 2
    assert "lebih dari 0 hari" in capsys.readouterr().err
    assert privacy_main(["retention"], clock=lambda: NOW) == 0
    assert "2 mention tak dibalas" in capsys.readouterr().out
    assert cli_desk.log.get(seq_of(cli_desk, "1001")).citizen_handle == "warga_lama"
    assert privacy_main(["retention", "--apply", "--yes"], clock=lambda: NOW) == 0
    assert cli_desk.log.get(seq_of(cli_desk, "1001")).citizen_handle is None


def test_privacy_requests_review_and_breach(cli_desk, data_dir, capsys):
    """The register, the disposal documents and the breach kit from the command line."""
    assert (
        privacy_main(
            ["requests", "add", "--handle", "@warga_baru", "--kind", "erasure"], clock=lambda: NOW
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Permintaan nomor 1 dicatat" in out and "tidak menetapkan batas waktu" in out
    assert privacy_main(
        ["requests", "add", "--handle", "@warga_baru", "--kind", "access"], clock=lambda: NOW
    ) == 0  # fmt: skip
    assert "(3 x 24 jam)" in capsys.readouterr().out
    assert privacy_main(["requests", "close", "1", "--refused"]) == 2
    assert (
        privacy_main(
            ["requests", "close", "1", "--refused", "--reason", "kewajiban arsip"],
            clock=lambda: NOW,
        )
        == 0
    )
    assert privacy_main(["requests", "close", "1", "--granted"], clock=lambda: NOW) == 1
    privacy_main(["requests", "list"])
    assert "ditolak" in capsys.readouterr().out
    usul = data_dir / "usul.txt"
    assert (
        privacy_main(["review", "--older-than-days", "365", "--usul", str(usul)], clock=lambda: NOW)
        == 0
    )
    assert "DAFTAR ARSIP USUL MUSNAH" in usul.read_text(encoding="utf-8")
    note = data_dir / "pemberitahuan.txt"
    assert (
        privacy_main(
            ["breach", "--from", "2024-01-01", "--to", "2024-01-31", "-o", str(note)],
            clock=lambda: NOW,
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "@warga_lama" in out and "4 handle terdampak" in out
    assert "Pasal 46" in note.read_text(encoding="utf-8")
    assert privacy_main(["breach", "--from", "2024-02-01", "--to", "2024-01-01"]) == 2
    assert main(["verify"]) == 0
