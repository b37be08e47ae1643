"""Issue 16, done when (against the sandbox): a post and a reply to a citizen made in X's
app are in the log, the export and the report after one sync, the mention answered at the
reply's time; 30 posts over 30 simulated days read as scheduled, the report's totals equal
to the sandbox's own final metrics, the cost meter equal to the sandbox's bill to the cent."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from humasdesk.core.activity import Action, format_ts, parse_ts
from humasdesk.core.metrics import Period
from humasdesk.core.models import Slot
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.gui.report.adapters import report_pdf_writer
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.store.exports.jsonl import check_jsonl
from tests.fakes import MemoryKeyring
from tests.qt_fixtures import collect_qt_objects, indonesian_ui  # noqa: F401
from tests.report.conftest import pdftotext

HOUR = 3600
DAY = 24 * HOUR
NAMES = ("impression_count", "like_count", "retweet_count", "quote_count", "reply_count",
         "bookmark_count")  # fmt: skip


@pytest.fixture
def signer(tmp_path: Path) -> ExportSigner:
    return ExportSigner(backend=MemoryKeyring(), public_key_path=tmp_path / PUBLIC_KEY_FILENAME)


def export(desk, signer, out: Path, fmt: str, period: Period, captured: list | None = None):
    writer = report_pdf_writer()
    assert writer is not None

    def pdf(entries, metrics, manifest, path):
        if captured is not None:
            captured.append(metrics)
        writer(entries, metrics, manifest, path)

    options = ExportOptions(fmt, start=period.start, end=period.end, agency="Kementerian Demo")
    return export_activity(desk.log, options, out, signer=signer, pdf_writer=pdf,
                           clock=desk.clock)  # fmt: skip


def test_posts_made_in_xs_app_are_in_log_export_and_report_after_one_sync(desk, signer, tmp_path):
    office = desk.sign_in(Slot.OFFICE)
    start = desk.clock() - timedelta(minutes=1)
    mention = desk.control.mention("HumasDemo", "warga_04", "Apakah kantor buka hari Sabtu?")
    desk.sync(office)
    desk.clock.advance(25 * 60)
    post = desk.control.app_post("HumasDemo", "Dari ponsel: kantor tutup hari Sabtu.")
    reply = desk.control.app_post("HumasDemo", "@warga_04 Sabtu tutup, Senin buka 08.00.",
                                  reply_to=mention["id"])  # fmt: skip
    desk.clock.advance(2 * HOUR)
    desk.sync(office)  # one sync

    assert [e.x_post_id for e in desk.entries(Action.POST_SEEN)] == [post["id"]]
    (seen_reply,) = desk.entries(Action.REPLY_SEEN)
    assert format_ts(seen_reply.ts) == reply["created_at"]
    period = Period(start, desk.clock())

    jsonl = tmp_path / "ekspor.jsonl"
    export(desk, signer, jsonl, "jsonl", period)
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    actions = {line["entry"]["action"]: line["entry"] for line in lines if line["type"] == "entry"}
    assert actions["post_seen"]["x_post_id"] == post["id"]
    assert actions["reply_seen"]["in_reply_to"] == mention["id"]
    with jsonl.open("rb") as fh:
        assert check_jsonl(fh).ok
    snaps = [x for x in lines if x["type"] == "metrics_snapshot"]
    assert {s["x_post_id"] for s in snaps} == {post["id"], reply["id"]}  # read at +1 h

    csv_path = tmp_path / "ekspor.csv"
    export(desk, signer, csv_path, "csv", period)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    seen = next(r for r in rows if r["aksi"] == "post_seen")
    assert seen["teks"] == post["text"] and seen["impression_count"].isdigit()

    pdf = tmp_path / "laporan.pdf"
    captured: list = []
    export(desk, signer, pdf, "pdf", period, captured)
    (metrics,) = captured
    figures = metrics.for_account(office.account.user_id)
    assert (figures.posts, figures.replies, figures.mentions_answered) == (1, 1, 1)
    took = parse_ts(reply["created_at"]) - parse_ts(mention["created_at"])
    assert figures.first_response_median == took
    text = " ".join(pdftotext(pdf).split())
    assert "Dari ponsel: kantor tutup hari Sabtu." in text
    assert "dikirim di luar HumasDesk" in text
    assert "Humas Kementerian Demo" in text  # the account's name, not "–"
    assert "Jangkauan dan keterlibatan" in text


def test_thirty_posts_over_thirty_days_totals_equal_xs_own_and_the_bill(desk, signer, tmp_path):
    office = desk.sign_in(Slot.OFFICE)
    start = desk.clock() - timedelta(minutes=1)
    ids = []
    for day in range(30):
        if day % 3 == 0:  # every third from the desk, the rest from X's app
            text = f"Dari desk: info layanan hari ke-{day + 1}."
            queued = desk.outbox.enqueue(Slot.OFFICE, office.account, text, undo_s=0)
            assert queued.ok
            desk.clock.advance(1)
            outcomes = desk.sender.send_due(office, call=desk.accounts.call)
            ids += [o.x_post_id for o in outcomes]
        else:
            ids.append(desk.control.app_post("HumasDemo", f"Info layanan hari ke-{day + 1}.")["id"])
        for _ in range(2):  # the desk syncs twice a day
            desk.clock.advance(12 * HOUR)
            desk.sync(office)
    end = desk.clock()
    for _ in range(2 * 30):  # four more weeks: every post reaches +28 d
        desk.clock.advance(12 * HOUR)
        desk.sync(office)

    for pid in ids:  # snapshots as scheduled: once per point, at or after it
        snaps = desk.metrics_store.snapshots([pid])
        points = [s.point for s in snaps]
        assert points[-1] == "28d" and len(points) == len(set(points)) <= 4, points
        posted = desk.metrics_store.post(pid).posted_at
        after = {"1h": HOUR, "1d": DAY, "7d": 7 * DAY, "28d": 28 * DAY}
        assert all((s.read_at - posted).total_seconds() >= after[s.point] for s in snaps)

    captured: list = []
    pdf = tmp_path / "laporan.pdf"
    export(desk, signer, pdf, "pdf", Period(start, end), captured)
    reach = captured[0].reach.for_account(office.account.user_id)
    on_x = {p["id"]: p["public_metrics"] for p in desk.control.posts("HumasDemo")}
    assert reach.posts == reach.measured == 30
    assert reach.impressions_total == sum(on_x[i]["impression_count"] for i in ids)
    engaged = sum(on_x[i][n] for i in ids for n in ("like_count", "retweet_count",
                                                    "quote_count", "reply_count"))  # fmt: skip
    assert reach.engagements_total == engaged
    text = " ".join(pdftotext(pdf).split())
    total = f"{reach.impressions_total:,}".replace(",", ".")  # id_ID groups with dots
    assert total in text

    ledger = desk.control.billing()["months"]
    billed = sum(Decimal(m["usd"]) for m in ledger.values())
    assert billed == sum(desk.usage.estimate(month=m) for m in ledger)  # to the cent
    limit = desk.metrics.budget(office.account.user_id).limit
    for month in ledger:
        reads = desk.metrics_store.billed_reads(office.account.user_id, month)
        assert reads * Decimal("0.005") <= limit  # within the budget every month
