"""The PDF's complaint section: counts by class and status with on-time rates, in Bahasa
Indonesia, counts only (no citizen's words)."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.aduan import ComplaintClass
from humasdesk.core.metrics import Period
from humasdesk.gui.report.aduan_section import complaint_register_section
from humasdesk.gui.report.content import collect
from tests.aduan.conftest import WIB


def test_section_from_the_exported_entries(desk, clock, tmp_path):
    start = clock.now - timedelta(hours=1)
    info = desk.complaint("@HumasDemo Mohon info syarat KIA", ComplaintClass.INFORMATION)
    desk.reply(info)
    desk.cases.close(info.id)
    dispute = desk.complaint("@HumasDemo tagihan salah, rahasia", ComplaintClass.DISPUTE)
    desk.cases.forward(dispute.id, "1916449")
    period = Period(start, clock.now + timedelta(days=1))
    collected = collect(desk.log.iter_entries(), period, period.end, WIB, "day")
    html = complaint_register_section(collected.aduan, period.start, period.end, period.end, WIB)
    assert "Daftar aduan menurut kelas dan status SP4N-LAPOR!" in html
    assert "Permintaan informasi (5 hari)" in html and "Sengketa (14 hari)" in html
    assert "Semua kelas" in html and "Respons pertama tepat waktu" in html
    assert "1/2 (50 %)" in html  # one of two answered on time
    assert "rahasia" not in html and "KIA" not in html
    empty = complaint_register_section(collected.aduan, period.end, period.end + timedelta(days=1),
                                       period.end, WIB)  # fmt: skip
    assert empty == ""


def test_the_pdf_report_prints_the_section(desk, clock, tmp_path):
    """Read back from the PDF as a supervisor would: the section, its classes and rates."""
    from humasdesk.core.metrics import compute_metrics
    from humasdesk.gui.report import write_report_pdf
    from tests.report.conftest import manifest_for, pdftotext

    start = clock.now - timedelta(hours=1)
    info = desk.complaint("@HumasDemo Mohon info syarat KIA", ComplaintClass.INFORMATION)
    desk.reply(info)
    desk.cases.close(info.id)
    field = desk.complaint("@HumasDemo jalan berlubang", ComplaintClass.FIELD_CHECK)
    desk.cases.forward(field.id, "1916449")
    period = Period(start, clock.now + timedelta(days=1))
    entries = list(desk.log.iter_entries())
    metrics = compute_metrics(entries, period)
    manifest = manifest_for(desk.log, len(entries), period_start=period.start.isoformat(),
                            period_end=period.end.isoformat())  # fmt: skip
    out = tmp_path / "laporan.pdf"
    write_report_pdf(out, entries=lambda: iter(entries), metrics=metrics, manifest=manifest, tz=WIB)
    text = " ".join(pdftotext(out, layout=False).split())
    assert "Daftar aduan menurut kelas dan status SP4N-LAPOR!" in text
    assert "Permintaan informasi (5 hari)" in text
    assert "Perlu pemeriksaan lapangan (60 hari)" in text
    assert "hari kalender seperti SP4N-LAPOR!" in text
    assert "jalan berlubang" not in text  # counts only
