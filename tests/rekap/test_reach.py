"""Reach and engagement in the rekap (issue 18, figures; issue 16's metrics snapshots): the
officials' JSON Lines exports carry their posts' readings after the entries; the rekap keeps
each counted post's latest reading and reports, per official, unit and in total, the same
figures as each official's own report (`core.metrics`), and says "no figures" — never 0 —
for inputs without readings."""

from __future__ import annotations

import csv
import io
import math
import random
import subprocess
from datetime import date, timedelta

from humasdesk.core.activity import Action
from humasdesk.core.metrics import ReachFigures, ReachTally
from humasdesk.core.snapshots import snapshot_from_x
from humasdesk.services.rekap import check_inputs
from humasdesk.store import ActivityLog, ConnectionFactory
from humasdesk.store.metrics_store import MeasuredPost, MetricsStore
from humasdesk.store.trusted_keys import TrustedKeys

from .conftest import Official, run_rekap, trust
from .test_done_when import MARCH, local, own_report, xlsx_sheet_text

REACHED = {str(Action.POST_SENT), str(Action.REPLY_SENT)}


def add_readings(o: Official, seed: int) -> int:
    """Readings of the official's posts and replies, as the desk stores them: some never
    read, most read two or three times (the latest counts), some latest readings without
    an impressions figure. Returns how many readings were stored."""
    rng = random.Random(seed)
    factory = ConnectionFactory(o.root / "humasdesk.db", synchronous="NORMAL")
    log, store = ActivityLog(factory), MetricsStore(factory)
    try:
        posts, snaps = [], []
        for e in log.iter_entries():
            if str(e.action) not in REACHED or not e.x_post_id:
                continue
            posts.append(
                MeasuredPost(
                    x_post_id=e.x_post_id,
                    account_id=str(e.account_id),
                    slot=str(e.slot),
                    handle=e.handle,
                    kind="reply" if e.in_reply_to else "post",
                    posted_at=e.ts,
                    text=e.text,
                    official_capacity=e.details.get("official_capacity") is True,
                    done=0,
                    demand=False,
                    deleted_at=None,
                    replaced_by=None,
                    edit_of=None,
                )
            )
            if rng.random() < 0.2:
                continue  # never read
            impressions = rng.randint(50, 5000)
            for k, (point, after) in enumerate(
                (("1h", timedelta(hours=1)), ("1d", timedelta(days=1)), ("7d", timedelta(days=7)))
            ):
                if k and rng.random() < 0.3:
                    break
                impressions += rng.randint(0, 2000)
                public = {
                    "impression_count": impressions,
                    "like_count": rng.randint(0, 90),
                    "retweet_count": rng.randint(0, 20),
                    "quote_count": rng.choice([0, 1, None]),
                    "reply_count": rng.randint(0, 12),
                    "bookmark_count": 0,
                }
                if rng.random() < 0.12:
                    public["impression_count"] = None  # X gave no figure
                snaps.append(
                    snapshot_from_x(
                        e.x_post_id,
                        str(e.account_id),
                        {"public_metrics": public},
                        e.ts + after + timedelta(minutes=rng.randint(0, 50)),
                        point,
                    )
                )
        store.add_posts(posts)
        store.add_snapshots(snaps, {}, [])
        return len(snaps)
    finally:
        store.close()
        log.close()


EDITED_IMPRESSIONS = 99_999


def edit_on_x(o: Official) -> None:
    """The official edits their first office post on X: the desk logs the new version
    (``post_edited_on_x``, ``edit_of`` the old id) and reads the new version's numbers; the
    figures count the post once, with its newest version's latest reading."""
    factory = ConnectionFactory(o.root / "humasdesk.db", synchronous="NORMAL")
    log, store = ActivityLog(factory), MetricsStore(factory)
    try:
        first = next(
            e for e in log.iter_entries() if str(e.action) == "post_sent" and e.slot == "office"
        )
        new_id = first.x_post_id + "2"
        at = first.ts + timedelta(minutes=30)
        log.append(Action.POST_EDITED_ON_X, slot=first.slot, account_id=first.account_id,
                   handle=first.handle, x_post_id=new_id, text=(first.text or "") + " (ralat)",
                   details={"edit_of": first.x_post_id}, ts=at)  # fmt: skip
        store.add_posts(
            [
                MeasuredPost(new_id, str(first.account_id), "office", first.handle, "post", at,
                             first.text, False, 0, False, None, None, first.x_post_id)
            ]
        )  # fmt: skip
        store.mark_replaced(first.x_post_id, new_id)
        public = {"impression_count": EDITED_IMPRESSIONS, "like_count": 7, "retweet_count": 1}
        store.add_snapshots(
            [snapshot_from_x(new_id, str(first.account_id), {"public_metrics": public},
                             at + timedelta(days=1), "1d")],
            {}, [],
        )  # fmt: skip
    finally:
        store.close()
        log.close()


def pdf_text(supervisor, keyring, out, *args) -> str:
    """The rekap as a PDF by `humasdesk rekap`, its text on one line (pdftotext)."""
    assert run_rekap(supervisor, keyring, "-o", str(out), *map(str, args)) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def march(files, supervisor, workers: int):
    return check_inputs(
        files,
        TrustedKeys(supervisor / "trusted-keys.json"),
        start=local(date(2024, 3, 1)),
        end=local(date(2024, 4, 1)),
        workers=workers,
    )


def figures_of(t: ReachTally | ReachFigures) -> tuple:
    return (
        t.posts,
        t.measured,
        t.without_impressions,
        t.impressions_total,
        t.impressions_median,
        t.engagements_total,
        t.engagement_rate,
    )


def test_each_officials_reach_equals_their_own_report(
    officials, supervisor, supervisor_keyring, tmp_path
):
    budi, sari, _joko = officials
    assert add_readings(budi, 11) and add_readings(sari, 12)
    edit_on_x(budi)
    files = []
    for o in (budi, sari):
        files.append(o.export(tmp_path / f"{o.root.name}.jsonl"))  # the whole log
        trust(supervisor, supervisor_keyring, o)
    rekap = march(files, supervisor, workers=1)
    assert rekap.has_reach
    budi_office = next(f for f in rekap.officials if f.key.name == budi.name).reach[budi.office_id]
    assert EDITED_IMPRESSIONS in budi_office.impressions  # the edit's newest version counted
    # worker processes give the same figures
    pooled = march(files, supervisor, workers=2)
    for a, b in zip(rekap.officials, pooled.officials, strict=True):
        assert figures_of(a.reach_total()) == figures_of(b.reach_total())
    for o in (budi, sari):
        own = own_report(o, tmp_path).reach
        assert own is not None
        figures = next(f for f in rekap.officials if f.key.name == o.name)
        assert figures.reach is not None
        assert own.accounts
        for account in own.accounts:
            mine = figures.reach.get(account.account_id)
            assert mine is not None, (o.name, account.account_id)
            assert figures_of(mine) == figures_of(account), (o.name, account.account_id)
        office = own.for_account(o.office_id)
        assert office.measured and office.without_impressions  # both kinds in the data
        personal = own.for_account(o.office_id + "9")
        assert personal is not None and personal.posts  # official capacity only, as the rest
        total = figures.reach_total()
        assert total.measured == sum(a.measured for a in own.accounts)
        assert total.impressions_total == sum(a.impressions_total for a in own.accounts)

    # the total pools every measured post's impressions: the median of all of them
    everything = [
        v for o in rekap.officials for t in (o.reach or {}).values() for v in t.impressions
    ]
    ordered = sorted(everything)
    total = rekap.total_reach()
    assert total.impressions_median == ordered[max(1, math.ceil(len(ordered) / 2)) - 1]
    assert total.impressions_total == sum(everything)
    assert len(total.impressions) == 0  # pooled by reference, not copied

    # the XLSX's sheet and the CSV's columns carry the same figures
    xlsx, out_csv = tmp_path / "rekap.xlsx", tmp_path / "rekap.csv"
    for out in (xlsx, out_csv):
        code = run_rekap(supervisor, supervisor_keyring, "-o", str(out), *MARCH, *map(str, files))
        assert code == 0
    sheet = xlsx_sheet_text(xlsx, "Jangkauan")
    budi_total = next(f for f in rekap.officials if f.key.name == budi.name).reach_total()
    assert "Tayangan, median" in sheet and "Tingkat keterlibatan" in sheet
    assert f"={budi_total.impressions_total}\n" in sheet
    assert f"={total.impressions_total}\n" in sheet  # the total row
    assert "tidak ada angka" not in sheet
    rows = list(csv.DictReader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    budi_row = next(r for r in rows if r["pejabat"] == budi.name)
    assert budi_row["tayangan_total"] == str(budi_total.impressions_total)
    assert budi_row["kiriman_diukur"] == str(budi_total.measured)
    assert budi_row["tayangan_median"] == str(budi_total.impressions_median)
    assert budi_row["diukur_tanpa_tayangan"] == str(budi_total.without_impressions)
    assert budi_row["persen_keterlibatan"] == f"{budi_total.engagement_rate * 100:.2f}"

    # the PDF's section, in the figures
    flat = pdf_text(supervisor, supervisor_keyring, tmp_path / "rekap.pdf", *MARCH, *files)
    assert "Jangkauan dan keterlibatan" in flat
    assert "Kiriman yang diukur" in flat and "Tingkat keterlibatan" in flat
    numbers = flat.replace(".", "")
    assert str(budi_total.impressions_total) in numbers
    assert str(total.impressions_total) in numbers
    assert "tidak ada angka" not in flat


def test_an_export_without_readings_gives_no_figures_not_zero(
    officials, supervisor, supervisor_keyring, tmp_path
):
    budi, _sari, joko = officials  # the same unit; only Budi's desk read any numbers
    add_readings(budi, 11)
    files = []
    for o in (budi, joko):
        files.append(o.export(tmp_path / f"{o.root.name}.jsonl", *MARCH))
        trust(supervisor, supervisor_keyring, o)
    rekap = check_inputs(files, TrustedKeys(supervisor / "trusted-keys.json"), workers=1)
    by_name = {o.key.name: o for o in rekap.officials}
    assert by_name[joko.name].reach is None and by_name[joko.name].reach_total() is None
    assert by_name[budi.name].reach_total().measured > 0
    ((_unit, officials_of_unit),) = rekap.units()
    assert rekap.unit_reach(officials_of_unit).measured == by_name[budi.name].reach_total().measured

    only_joko = check_inputs([files[1]], TrustedKeys(supervisor / "trusted-keys.json"))
    assert not only_joko.has_reach and only_joko.total_reach() is None

    # the outputs: empty cells and "no figures" for Joko, never zeros
    xlsx, out_csv = tmp_path / "rekap.xlsx", tmp_path / "rekap.csv"
    for out in (xlsx, out_csv):
        assert run_rekap(supervisor, supervisor_keyring, "-o", str(out), *map(str, files)) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    joko_row = next(r for r in rows if r["pejabat"] == joko.name)
    budi_row = next(r for r in rows if r["pejabat"] == budi.name)
    for column in ("kiriman_diukur", "tayangan_total", "tayangan_median", "persen_keterlibatan"):
        assert joko_row[column] == "", column
        assert budi_row[column] != "", column
    sheet = xlsx_sheet_text(xlsx, "Jangkauan")
    assert sheet.count("tidak ada angka: berkas masukan tidak memuat pembacaan") >= 2
    alone = tmp_path / "joko.xlsx"
    assert run_rekap(supervisor, supervisor_keyring, "-o", str(alone), str(files[1])) == 0
    assert "Tidak ada berkas masukan yang memuat angka jangkauan" in xlsx_sheet_text(
        alone, "Jangkauan"
    )
    assert "tidak ada angka" in xlsx_sheet_text(alone, "Ringkasan")

    # the PDF: Joko's rows say so; with Joko's file alone the section says there are none
    flat = pdf_text(supervisor, supervisor_keyring, tmp_path / "rekap.pdf", *files)
    assert "Jangkauan dan keterlibatan" in flat
    assert "tidak ada angka: berkas masukan tidak memuat pembacaan" in flat
    flat = pdf_text(supervisor, supervisor_keyring, tmp_path / "joko.pdf", files[1])
    assert "Tidak ada berkas masukan yang memuat angka jangkauan dan keterlibatan" in flat


def test_private_personal_posts_readings_are_not_counted(
    officials, supervisor, supervisor_keyring, tmp_path
):
    """An export with ``--include-personal`` carries the private personal posts and their
    readings; the rekap counts only the official-capacity ones, as the rest of its figures
    and as the official's own report."""
    budi = officials[0]
    add_readings(budi, 11)
    full = budi.export(tmp_path / "budi-semua.jsonl", "--include-personal")
    data = full.read_bytes()
    assert b"Makan bersama keluarga" in data  # private posts and their readings are in it
    assert b'{"type":"metrics_snapshot","x_post_id":"1006' in data
    trust(supervisor, supervisor_keyring, budi)
    rekap = march([full], supervisor, workers=1)
    own = own_report(budi, tmp_path).reach
    personal_id = budi.office_id + "9"
    (figures,) = rekap.officials
    mine = figures.reach[personal_id]
    assert figures_of(mine) == figures_of(own.for_account(personal_id))
    assert mine.posts == 4  # the month's four official-capacity posts, not the private ones
