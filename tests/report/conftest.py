"""The report as a supervisor reads it: in Bahasa Indonesia, from a real activity log file.

The report's strings are translated in `resources/i18n/humasdesk_id.ts` like every other.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from humasdesk.core.metrics import MetricsReport, Period, compute_metrics
from humasdesk.core.models import Slot
from humasdesk.store import ActivityLog, LogFilter, open_database
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)

HERE = Path(__file__).resolve().parent
JAKARTA = ZoneInfo("Asia/Jakarta")
OFFICE_ID, PERSONAL_ID = "100", "200"
FINGERPRINT = "SHA256:7Jx0Qm3kVb2YQ9c5u1sE4fLr8gT6nW0aHd2pZk1yXeo"
REMOTE_B = "<b>x</b>"
REMOTE_IMG = '<img src="https://contoh.invalid/a.png">'


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    assert found, f"pyside6-{name} missing from the environment"
    return found


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JAKARTA)


NOVEMBER = Period(local(1, 0), local(1, 0, month=12))


@dataclass
class Report:
    log: ActivityLog
    metrics: MetricsReport
    manifest: dict

    def entries(self) -> Iterator:
        return self.log.iter_entries(LogFilter(start=NOVEMBER.start, end=NOVEMBER.end))


def manifest_for(log: ActivityLog, count: int, **extra) -> dict:
    head = log.head()
    manifest = {
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
        "accounts": [
            {"slot": "office", "handle": "humaskota", "name": "Humas Kota Sukamaju " + REMOTE_B},
            {"slot": "personal", "handle": "kepala_humas", "name": "Budi Santoso"},
        ],
        "generated_at": datetime(2026, 11, 28, 7, 5, tzinfo=UTC).isoformat(),
        "entry_count": count,
        "head_seq": head.seq,
        "head_hash": head.hash,
        "fingerprint": FINGERPRINT,
        "include_personal": False,
        "agency": "Pemerintah Kota Sukamaju",
        "app_version": "0.9.0",
    }
    manifest.update(extra)
    return manifest


def build_log(path: Path) -> ActivityLog:
    """Both accounts, Indonesian text; office answers m1 in 30 min, m2 in 2 h, the aduan m3 in
    5 h (handled after 4 days), leaves m4 unanswered; personal answers m5 in 26 h."""
    log = ActivityLog(open_database(path, synchronous="NORMAL"))
    o = {"slot": Slot.OFFICE, "account_id": OFFICE_ID, "handle": "humaskota"}
    p = {"slot": Slot.PERSONAL, "account_id": PERSONAL_ID, "handle": "kepala_humas"}
    log.append("signed_in", ts=local(1, 7), **o)
    log.append(
        "post_sent",
        x_post_id="p1",
        text="Selamat pagi warga Sukamaju! Car free day Minggu ini di Jl. Merdeka.",
        ts=local(2, 8),
        **o,
    )
    log.append(
        "mention_received",
        x_post_id="m1",
        citizen_handle="warga_satu",
        citizen_text="Kapan jalan berlubang di RT 05 diperbaiki? " + REMOTE_B,
        ts=local(3, 9),
        **o,
    )
    log.append(
        "reply_sent",
        x_post_id="r1",
        in_reply_to="m1",
        text="Terima kasih laporannya, sudah kami teruskan ke Dinas PU.",
        ts=local(3, 9, 30),
        **o,
    )
    log.append(
        "mention_received",
        x_post_id="m2",
        citizen_handle="warga_dua",
        citizen_text="Info jadwal vaksin? " + REMOTE_IMG,
        ts=local(5, 10),
        **o,
    )
    log.append(
        "reply_sent",
        x_post_id="r2",
        in_reply_to="m2",
        text="Jadwal vaksin ada di puskesmas terdekat, Senin–Jumat 08.00–12.00.",
        ts=local(5, 12),
        **o,
    )
    log.append(
        "mention_received",
        x_post_id="m3",
        citizen_handle="warga_tiga",
        citizen_text="Sampah menumpuk tiga hari di pasar, tolong ditindak!",
        ts=local(10, 8),
        **o,
    )
    log.append("mention_tagged", x_post_id="m3", details={"tag": "aduan"}, ts=local(10, 8, 5), **o)
    log.append(
        "reply_sent",
        x_post_id="r3",
        in_reply_to="m3",
        text="Mohon maaf, petugas DLH sudah dikirim ke pasar siang ini.",
        ts=local(10, 13),
        **o,
    )
    log.append("mention_handled", x_post_id="m3", ts=local(14, 8), **o)
    log.append(
        "mention_received",
        x_post_id="m4",
        citizen_handle="warga_empat",
        citizen_text="Lampu jalan mati di Gg. Mawar.",
        ts=local(20, 19),
        **o,
    )
    log.append(
        "post_sent",
        x_post_id="p2",
        text="Kode HTML tidak dijalankan: " + REMOTE_IMG,
        ts=local(21, 9),
        **o,
    )
    log.append(
        "post_sent",
        x_post_id="p3",
        text="Rapat koordinasi banjir bersama BPBD hari ini pukul 13.00 WIB.",
        ts=local(25, 15),
        **o,
    )
    log.append(
        "post_sent",
        x_post_id="q1",
        text="Hadir di peresmian taman kota (kapasitas jabatan).",
        details={"official_capacity": True},
        ts=local(6, 16),
        **p,
    )
    log.append(
        "mention_received",
        x_post_id="m5",
        citizen_handle="warga_lima",
        citizen_text="Pak, taman kota buka jam berapa?",
        ts=local(7, 8),
        **p,
    )
    log.append(
        "reply_sent",
        x_post_id="q2",
        in_reply_to="m5",
        text="Buka setiap hari 06.00–21.00.",
        ts=local(8, 10),
        **p,
    )
    return log


@pytest.fixture
def report(tmp_path: Path) -> Iterator[Report]:
    log = build_log(tmp_path / "humasdesk.db")
    entries = list(log.iter_entries(LogFilter(start=NOVEMBER.start, end=NOVEMBER.end)))
    metrics = compute_metrics(entries, NOVEMBER)
    yield Report(log, metrics, manifest_for(log, len(entries)))
    log.close()


def pdftotext(pdf: Path, layout: bool = True) -> str:
    """The PDF's text; with `layout`, a table row stays on one line."""
    return subprocess.run(
        ["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
