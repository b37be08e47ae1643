"""The PDF report's account of scheduled posts: scheduled vs sent on time vs missed, per
account, from the activity log (as the supervisor reads it), and nothing of the kind in a
period without scheduled posts."""

from __future__ import annotations

import re
import unicodedata

from humasdesk.core.metrics import compute_metrics
from humasdesk.core.models import Slot
from humasdesk.core.schedule import ScheduleTally
from humasdesk.gui.report import write_report_pdf
from humasdesk.store import ActivityLog, LogFilter, open_database
from tests.report.conftest import (
    JAKARTA,
    NOVEMBER,
    OFFICE_ID,
    PERSONAL_ID,
    build_log,
    local,
    manifest_for,
    pdftotext,
)


def _text(pdf):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", pdftotext(pdf, False)))


def _schedule_entries(log: ActivityLog) -> None:
    o = {"slot": Slot.OFFICE, "account_id": OFFICE_ID, "handle": "humaskota"}
    due = "2026-11-10T00:00:00.000Z"
    for n in (1, 2, 3):
        log.append("post_scheduled", text=f"Jadwal {n}", details={"outbox_id": n, "due_at": due},
                   ts=local(9, 8 + n), **o)  # fmt: skip
    log.append("post_sent", x_post_id="s1", text="Jadwal 1", ts=local(10, 7),
               details={"outbox_id": 1, "scheduled_for": due, "late_s": 4}, **o)  # fmt: skip
    log.append("post_missed", text="Jadwal 2", details={"outbox_id": 2, "due_at": due},
               ts=local(10, 9), **o)  # fmt: skip
    log.append("schedule_moved", text="Jadwal 2", ts=local(10, 9, 5),
               details={"outbox_id": 2, "send_now": True, "was_missed": True}, **o)  # fmt: skip
    log.append("post_sent", x_post_id="s2", text="Jadwal 2", ts=local(10, 9, 6),
               details={"outbox_id": 2, "scheduled_for": due, "late_s": 0}, **o)  # fmt: skip
    log.append("schedule_cancelled", text="Jadwal 3", details={"outbox_id": 3},
               ts=local(10, 10), **o)  # fmt: skip


def test_tally_counts_on_time_missed_and_sent_after_missing(tmp_path):
    log = ActivityLog(open_database(tmp_path / "a.db", synchronous="NORMAL"))
    _schedule_entries(log)
    tally = ScheduleTally()
    for e in log.iter_entries(LogFilter()):
        tally.add(e, str(e.action), NOVEMBER)
    f = tally.get(OFFICE_ID)
    assert (f.scheduled, f.sent_on_time, f.missed, f.sent_after_missed, f.cancelled) == (
        3, 1, 1, 1, 1,
    )  # fmt: skip
    assert not tally.get(PERSONAL_ID).any
    log.close()


def test_pdf_report_says_scheduled_vs_on_time_vs_missed(tmp_path):
    log = build_log(tmp_path / "r.db")
    _schedule_entries(log)
    flt = LogFilter(start=NOVEMBER.start, end=NOVEMBER.end)
    count = sum(1 for _ in log.iter_entries(flt))
    pdf = tmp_path / "laporan.pdf"
    write_report_pdf(
        pdf, entries=lambda: log.iter_entries(flt),
        metrics=compute_metrics(log.iter_entries(flt), NOVEMBER),
        manifest=manifest_for(log, count), tz=JAKARTA,
    )  # fmt: skip
    log.close()
    text = _text(pdf)
    assert "Kiriman terjadwal" in text
    assert re.search(r"Dijadwalkan 3 0", text), text
    assert re.search(r"Terkirim tepat waktu 1 0", text)
    assert re.search(r"Terlewat \(tidak dikirim pada waktunya\) 1 0", text)
    assert re.search(r"Dikirim setelah terlewat 1 0", text)


def test_no_schedule_section_without_scheduled_posts(tmp_path):
    log = build_log(tmp_path / "r.db")
    flt = LogFilter(start=NOVEMBER.start, end=NOVEMBER.end)
    pdf = tmp_path / "laporan.pdf"
    write_report_pdf(
        pdf, entries=lambda: log.iter_entries(flt),
        metrics=compute_metrics(log.iter_entries(flt), NOVEMBER),
        manifest=manifest_for(log, 10), tz=JAKARTA,
    )  # fmt: skip
    log.close()
    assert "Kiriman terjadwal" not in _text(pdf)
