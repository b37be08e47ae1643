"""Issue 16's bad inputs at the service and the exports: X returning a figure as missing or
null, a count lower than the previous reading, a period with nothing measured; the signed
exports carry the readings, and `humasdesk verify` still checks them."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from humasdesk.core.activity import Action
from humasdesk.core.metrics import MetricsReport, Period, ReachPost, compute_reach
from humasdesk.core.models import Account, MetricsLookup, Slot
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.services.metrics import MetricsService
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.exports.check import Status, verify_export
from humasdesk.store.metrics_store import MetricsStore
from tests.fakes import MemoryKeyring

T0 = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)
OFFICE = Account("1700000000000000001", "HumasDemo", "Humas Kementerian Demo")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class FakeClient:
    """X's lookup answers, one per call, as a test sets them."""

    def __init__(self) -> None:
        self.answers: list[MetricsLookup] = []
        self.calls: list[tuple[list[str], bool]] = []

    def lookup_metrics(self, ids, *, private):
        self.calls.append((list(ids), private))
        return self.answers.pop(0)


@dataclass
class FakeSession:
    client: FakeClient
    slot: Slot = Slot.OFFICE
    account: Account = OFFICE


@pytest.fixture
def setup(tmp_path: Path):
    db = tmp_path / "humasdesk.db"
    open_database(db).close()
    factory = ConnectionFactory(db)
    clock = Clock()
    log = ActivityLog(factory, clock=clock)
    store = MetricsStore(factory)
    service = MetricsService(store, log, clock, budget_usd=Decimal("2"))
    log.append(Action.SIGNED_IN, slot=Slot.OFFICE, account_id=OFFICE.user_id,
               handle=OFFICE.username, details={"name": OFFICE.name}, ts=T0)  # fmt: skip
    log.append(Action.POST_SENT, slot=Slot.OFFICE, account_id=OFFICE.user_id,
               handle=OFFICE.username, x_post_id="111", text="Pengumuman layanan.",
               ts=T0)  # fmt: skip
    yield log, store, service, clock, tmp_path
    store.close()
    log.close()


def public(**values) -> dict:
    return {"public_metrics": values}


def test_a_missing_or_null_figure_is_stored_as_none_and_a_lower_count_as_given(setup):
    _log, store, service, clock, _ = setup
    session = FakeSession(FakeClient())
    session.client.answers = [
        MetricsLookup(found={"111": public(impression_count=500, like_count=None,
                                           retweet_count=2)}),  # no reply/quote/bookmark
        MetricsLookup(found={"111": public(impression_count=430, like_count=9, retweet_count=2,
                                           quote_count=0, reply_count=1, bookmark_count=0)}),
    ]  # fmt: skip
    clock.now = T0 + timedelta(hours=1, minutes=5)
    assert service.take_due(session).read == 1
    clock.now = T0 + timedelta(days=1, minutes=5)
    assert service.take_due(session).read == 1
    first, second = store.snapshots(["111"])
    assert (first.impression_count, first.like_count, first.reply_count) == (500, None, None)
    assert "public_metrics.like_count" not in first.fields
    assert second.impression_count == 430  # lower than before: kept as X gave it
    report = compute_reach(
        [ReachPost(OFFICE.user_id, "111", T0, "x", second)],
        Period(T0, T0 + timedelta(days=2)), UTC,
    )  # fmt: skip
    figures = report.for_account(OFFICE.user_id)
    assert figures.impressions_total == 430 and figures.engagement_rate == 12 / 430
    assert session.client.calls[0] == (["111"], True)  # young: private metrics asked


def test_a_period_with_no_measured_posts_says_so_instead_of_dividing_by_zero(qapp):
    from humasdesk.gui.i18n import install_translators
    from humasdesk.gui.report.content import Layout, ReportAccount, _empty_metrics
    from humasdesk.gui.report.reach_section import reach_charts, reach_html

    translators = install_translators(qapp, "id")
    try:
        period = Period(T0, T0 + timedelta(days=30))
        reach = compute_reach([], period, UTC, [OFFICE.user_id])
        figures = reach.for_account(OFFICE.user_id)
        assert figures.measured == 0 and figures.engagement_rate is None
        assert figures.impressions_median is None
        metrics = MetricsReport(period, period.end, (), reach=reach)
        account = ReportAccount(Slot.OFFICE, "HumasDemo", None, _empty_metrics(Slot.OFFICE, "x"))
        html_text = reach_html(metrics, [account], UTC, Layout())
        assert "Belum ada kiriman dalam periode ini yang diukur" in html_text
        assert reach_charts(metrics, [account]) == []
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_jsonl_and_xlsx_carry_the_readings_and_verify_still_checks_them(setup):
    log, _store, service, clock, tmp_path = setup
    session = FakeSession(FakeClient())
    session.client.answers = [
        MetricsLookup(found={"111": public(impression_count=120, like_count=4, retweet_count=1,
                                           quote_count=0, reply_count=0, bookmark_count=0)})
    ]  # fmt: skip
    clock.now = T0 + timedelta(hours=2)
    service.take_due(session)
    signer = ExportSigner(backend=MemoryKeyring(), public_key_path=tmp_path / PUBLIC_KEY_FILENAME)
    period = {"start": T0 - timedelta(hours=1), "end": T0 + timedelta(days=1)}
    out = tmp_path / "ekspor.jsonl"
    result = export_activity(log, ExportOptions("jsonl", **period), out, signer=signer,
                             clock=clock)  # fmt: skip
    assert result.manifest.snapshots == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    (snap,) = [x for x in lines if x["type"] == "metrics_snapshot"]
    assert snap["x_post_id"] == "111" and snap["public_metrics"]["impression_count"] == 120
    assert lines[0]["snapshots"] == 1
    assert verify_export(out).status is Status.INTACT

    edited = out.read_text(encoding="utf-8").replace('"impression_count":120',
                                                     '"impression_count":9120')  # fmt: skip
    out.write_text(edited, encoding="utf-8")
    assert verify_export(out).status is Status.ALTERED  # the signature covers the readings

    xlsx = tmp_path / "ekspor.xlsx"
    export_activity(log, ExportOptions("xlsx", **period), xlsx, signer=signer, clock=clock)
    with zipfile.ZipFile(io.BytesIO(xlsx.read_bytes())) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        sheet = z.read("xl/worksheets/sheet3.xml").decode("utf-8")
    assert 'name="angka_kiriman"' in workbook
    assert "<v>120</v>" in sheet and "111" in sheet
    assert verify_export(xlsx).status is Status.INTACT


def test_both_csv_writers_write_the_same_latest_numbers(setup):
    """The fast CSV writer and the plain one agree on the reach columns too."""
    from humasdesk.services.metrics import csv_reach_extra
    from humasdesk.store import LogFilter
    from humasdesk.store.exports.csvfmt import write_csv, write_csv_rows
    from humasdesk.store.exports.rows import CitizenMasker, Selection

    log, store, service, clock, _ = setup
    session = FakeSession(FakeClient())
    session.client.answers = [
        MetricsLookup(found={"111": public(impression_count=77, like_count=None,
                                           retweet_count=1)})
    ]  # fmt: skip
    clock.now = T0 + timedelta(hours=2)
    service.take_due(session)
    extra = csv_reach_extra(store, UTC, clock.now)
    assert extra.of("111") == ",77,,1,,,," + "2026-05-04T03:00:00.000+00:00"
    sel = Selection(slots=frozenset({"office", "personal"}), include_personal=True)
    masker = CitizenMasker(full=False, key=b"k" * 32)
    fast, plain = io.BytesIO(), io.BytesIO()
    write_csv_rows(fast, log.iter_rows(LogFilter()), selection=sel, masker=masker, tz=UTC,
                   extra=extra)  # fmt: skip
    write_csv(plain, sel.filter(log.iter_entries(LogFilter())), masker=masker, tz=UTC,
              extra=extra)  # fmt: skip
    assert fast.getvalue() == plain.getvalue()
    assert b",77,,1,,,,2026-05-04T03:00:00.000+00:00\r\n" in fast.getvalue()
