"""The PDF activity report, read back the way a supervisor (or an archivist) would."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import threading
import time
import unicodedata
from datetime import timedelta
from pathlib import Path

from humasdesk.core.activity import NewEntry
from humasdesk.core.metrics import Period, compute_metrics
from humasdesk.core.models import Slot
from humasdesk.gui.report import write_report_pdf
from humasdesk.store import ActivityLog, LogFilter, open_database
from tests.report.conftest import (
    FINGERPRINT,
    JAKARTA,
    REMOTE_B,
    REMOTE_IMG,
    Report,
    local,
    manifest_for,
    pdftotext,
)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def text_of(pdf: Path, layout: bool = True) -> str:
    """pdftotext output with ligatures undone (ﬁ → fi) and whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", pdftotext(pdf, layout)))


def write(report: Report, path: Path, **kwargs) -> Path:
    write_report_pdf(
        path,
        entries=report.entries,
        metrics=report.metrics,
        manifest=report.manifest,
        tz=JAKARTA,
        **kwargs,
    )
    return path


def image_count(pdf: Path) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return max(0, len(out.strip().splitlines()) - 2)


def test_report_states_period_accounts_chain_and_figures(report, tmp_path):
    """The supervisor finds, in Indonesian, what the export covers (period, both accounts,
    entry count), how to check it (chain head hash, signing key fingerprint) and the figures:
    office answered 3 of 4 mentions in 30 min, 2 h and 5 h, so the nearest-rank median is
    2 h and the 90th percentile 5 h; its one aduan was answered within 3 days and resolved
    within 5."""
    text = text_of(write(report, tmp_path / "laporan.pdf"))
    m = report.manifest
    for expected in (
        "Laporan Aktivitas Media Sosial",
        "Pemerintah Kota Sukamaju",
        "1 November 2026 – 30 November 2026",
        "28 Nov 2026 14.05 WIB",
        "@humaskota",
        "@kepala_humas",
        "Akun Kantor",
        "Akun Pribadi",
        "Budi Santoso",
        m["head_hash"],
        FINGERPRINT,
        "Jumlah entri dalam ekspor ini 16",
        "entri ke-16",
        "Ringkasan per akun",
        "Mention diterima",
        "3 dari 4 (75,0%)",
        "Waktu tanggapan pertama, median 2 jam 0 menit 26 jam 0 menit",
        "Waktu tanggapan pertama, persentil ke-90 5 jam 0 menit 26 jam 0 menit",
        "Aduan terhadap waktu layanan SP4N-LAPOR!",
        "Tanggapan pertama dalam 3 hari 1 dari 1 (100,0%)",
        "Selesai dalam 5 hari 1 dari 1 (100,0%)",
        "Grafik",
        "Kiriman dan balasan",
        "Lampiran: definisi",
        "peringkat terdekat",
        "Dari akun pribadi, hanya kiriman yang ditandai dibuat dalam kapasitas jabatan",
    ):
        assert expected in text, expected
    office = report.metrics.for_account("100")
    assert office is not None
    assert office.first_response_median == timedelta(hours=2)
    assert office.first_response_p90 == timedelta(hours=5)


def test_pdf_is_pdfa_1b_with_title_and_creator(report, tmp_path):
    """An archive accepts the file: it is a PDF, declares PDF/A-1b in its XMP metadata, and
    its document properties name the report and HumasDesk."""
    pdf = write(report, tmp_path / "laporan.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert re.search(rb"pdfaid:part(>|=\")1", data)
    assert re.search(rb"pdfaid:conformance(>|=\")B", data)
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert re.search(r"^Title:\s+Laporan Aktivitas Media Sosial$", info, re.M)
    assert re.search(r"^Creator:\s+HumasDesk$", info, re.M)
    assert "A4" in info
    assert not list(tmp_path.glob("*.part")), "no half-written file is left beside the report"


def test_remote_text_is_printed_literally_not_rendered(report, tmp_path):
    """Markup in a citizen's mention, in an account name from X or in a post shows as the
    characters that were written; it is never rendered (no bold, no image fetched) — the only
    images in the file are the three charts."""
    pdf = write(report, tmp_path / "laporan.pdf")
    # table cells wrap anywhere (even inside "</b>"), so compare without whitespace
    text = re.sub(r"\s+", "", text_of(pdf, layout=False))
    for expected in (
        "Humas Kota Sukamaju " + REMOTE_B,  # account name (from X)
        "Menanggapi: “Kapan jalan berlubang di RT 05 diperbaiki? " + REMOTE_B + "”",  # citizen
        "Menanggapi: “Info jadwal vaksin? " + REMOTE_IMG + "”",
        "Kode HTML tidak dijalankan: " + REMOTE_IMG,  # the office's own post
    ):
        assert re.sub(r"\s+", "", expected) in text, expected
    assert image_count(pdf) == 3


def test_empty_period_gives_a_valid_report_saying_so(tmp_path):
    """A month with no activity still gives the supervisor a valid, signed-off PDF that says
    plainly there were no entries (not a blank page or an error)."""
    log = ActivityLog(open_database(tmp_path / "kosong.db", synchronous="NORMAL"))
    try:
        december = Period(local(1, 0, month=12), local(1, 0, month=12) + timedelta(days=31))
        metrics = compute_metrics([], december)
        manifest = manifest_for(
            log, 0, period_start="2026-12-01", period_end="2026-12-31", include_personal=True
        )
        pdf = tmp_path / "kosong.pdf"
        write_report_pdf(
            pdf, entries=lambda: iter(()), metrics=metrics, manifest=manifest, tz=JAKARTA
        )
    finally:
        log.close()
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = text_of(pdf)
    assert "Tidak ada entri pada periode ini." in text
    assert "Tidak ada kiriman atau balasan pada periode ini." in text
    assert "1 Desember 2026 – 31 Desember 2026" in text
    assert "Seluruh aktivitas akun pribadi disertakan" in text
    assert "0" * 64 in text  # an empty log's head is the genesis hash


def test_pages_render_for_review(report, tmp_path):
    """The first pages render to images (kept in build/screenshots for a human to look at):
    page 1 holds the summary, page 2 the charts."""
    pdf = write(report, tmp_path / "laporan.pdf")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        target = SCREENSHOTS / f"report-page-{number}.png"
        target.write_bytes(page.read_bytes())
        assert target.stat().st_size > 10_000


def test_report_from_a_worker_thread_draws_the_charts_without_qtcharts(report, tmp_path):
    """An export started in the background still produces the full report: off the GUI
    thread the charts are painted without QtCharts (which is GUI-thread only)."""
    errors: list[BaseException] = []
    entries = list(report.entries())  # SQLite connections stay on their thread

    def run() -> None:
        try:
            write_report_pdf(
                tmp_path / "laporan.pdf",
                entries=lambda: iter(entries),
                metrics=report.metrics,
                manifest=report.manifest,
                tz=JAKARTA,
            )
        except BaseException as e:  # handed to the test thread
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert errors == []
    pdf = tmp_path / "laporan.pdf"
    assert image_count(pdf) == 3
    assert "Waktu tanggapan pertama" in text_of(pdf)


_STANDALONE = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    {make_app}
    from tests.report.conftest import NOVEMBER, JAKARTA, build_log, manifest_for
    from humasdesk.core.metrics import compute_metrics
    from humasdesk.gui.report import write_report_pdf
    from humasdesk.store import LogFilter
    from pathlib import Path
    out = Path({out!r})
    log = build_log(out.with_suffix(".db"))
    flt = LogFilter(start=NOVEMBER.start, end=NOVEMBER.end)
    entries = list(log.iter_entries(flt))
    write_report_pdf(out, entries=lambda: log.iter_entries(flt),
                     metrics=compute_metrics(entries, NOVEMBER),
                     manifest=manifest_for(log, len(entries)), tz=JAKARTA)
    """
)


def test_works_without_an_application_or_with_only_a_gui_application(tmp_path):
    """The command line can make the report without setting Qt up (an offscreen application
    is created, in Bahasa Indonesia), and a process holding only a QGuiApplication gets it
    too (no crash)."""
    cases = {
        "none": "",
        "gui": "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['t', '-platform', 'offscreen'])",
    }
    for name, make_app in cases.items():
        out = tmp_path / f"{name}.pdf"
        script = _STANDALONE.format(root=str(ROOT), make_app=make_app, out=str(out))
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert image_count(out) == 3
        # The report's own application speaks Indonesian; a caller's app keeps its language.
        expected = "Laporan Aktivitas Media Sosial" if name == "none" else "Social Media"
        assert expected in text_of(out)


def test_a_year_of_activity_is_capped_and_timed(tmp_path):
    """A year of busy accounts (~20k entries) still gives a report in reasonable time; the
    posts table stops at 5,000 rows and says how many more the CSV/XLSX export holds."""
    log = ActivityLog(open_database(tmp_path / "tahun.db", synchronous="OFF"))
    year = Period(local(1, 0, month=1), local(1, 0, month=12) + timedelta(days=31))
    start = year.start

    def generate():
        for i in range(7200):
            ts = start + timedelta(minutes=73 * i)
            slot, acc, handle = (
                (Slot.OFFICE, "100", "humaskota")
                if i % 4
                else (Slot.PERSONAL, "200", "kepala_humas")
            )
            common = {"slot": slot, "account_id": acc, "handle": handle}
            yield NewEntry(
                "post_sent",
                x_post_id=f"p{i}",
                text=f"Informasi layanan publik no. {i}",
                ts=ts,
                **common,
            )
            yield NewEntry(
                "mention_received",
                x_post_id=f"m{i}",
                citizen_handle=f"warga{i % 97}",
                citizen_text=f"Pertanyaan warga nomor {i} <b>penting</b>",
                ts=ts + timedelta(minutes=5),
                **common,
            )
            if i % 3:
                yield NewEntry(
                    "reply_sent",
                    x_post_id=f"r{i}",
                    in_reply_to=f"m{i}",
                    text=f"Terima kasih, pertanyaan {i} sudah kami jawab.",
                    ts=ts + timedelta(minutes=5 + (i % 50) * 7),
                    **common,
                )
            if i % 10 == 0:
                yield NewEntry(
                    "mention_tagged",
                    x_post_id=f"m{i}",
                    details={"tag": "aduan"},
                    ts=ts + timedelta(minutes=6),
                    **common,
                )

    log.append_many(generate())
    flt = LogFilter(start=year.start, end=year.end)
    try:
        metrics = compute_metrics(log.iter_entries(flt), year)
        count = log.count(flt)
        manifest = manifest_for(
            log, count, period_start="2026-01-01", period_end="2026-12-31", include_personal=True
        )
        began = time.perf_counter()
        write_report_pdf(
            tmp_path / "tahun.pdf",
            entries=lambda: log.iter_entries(flt),
            metrics=metrics,
            manifest=manifest,
            tz=JAKARTA,
        )
        seconds = time.perf_counter() - began
    finally:
        log.close()
    pages = re.search(
        r"^Pages:\s+(\d+)",
        subprocess.run(
            ["pdfinfo", str(tmp_path / "tahun.pdf")], capture_output=True, text=True, check=True
        ).stdout,
        re.M,
    )
    assert pages is not None
    print(f"\n{count} entries -> {pages.group(1)} pages in {seconds:.1f} s")
    assert count > 18_000
    text = text_of(tmp_path / "tahun.pdf", layout=False)  # NFKC: "…" reads as "..."
    assert re.search(r"\.\.\. dan \d\.\d{3} entri lainnya; lihat ekspor CSV/XLSX\.", text)


def test_every_page_carries_agency_unit_and_classification(report: Report, tmp_path: Path):
    """A page printed or copied on its own still says who may read it: the classification
    stands at the top and the bottom of every page, and the first page names the agency,
    the unit and the classification."""
    report.manifest.update(unit="Bagian Humas & Protokol", classification="Rahasia")
    pdf = write(report, tmp_path / "rahasia.pdf", max_table_rows=400)
    pages = pdftotext(pdf).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "RAHASIA", (number, lines[:3])
        assert "RAHASIA" in lines[-1] or "RAHASIA" in lines[-2], (number, lines[-3:])
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", " ".join(lines[-2:])), lines[-3:]
    first = text_of(pdf)
    assert "Pemerintah Kota Sukamaju Bagian Humas & Protokol" in first
    assert "Klasifikasi RAHASIA" not in first  # the table row keeps the chosen spelling
    assert "Klasifikasi Rahasia" in first


def test_report_without_classification_has_no_page_marks(report: Report, tmp_path: Path):
    report.manifest.pop("classification", None)
    pdf = write(report, tmp_path / "biasa.pdf")
    lines = [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]
    assert lines[0] == "Pemerintah Kota Sukamaju"
