"""The CSV export's fast writer (`write_csv_rows`, stored rows) makes exactly the bytes of
the plain definition (`write_csv` over `Selection.filter(iter_entries(...))`, i.e.
`row_values` and `csv.writer`), for every kind of entry and every export option.

If they drifted, a supervisor comparing two exports of the same period, or checking a file
against the log, would see differences nobody made; or worse, a personal post or an
unmasked phone number would slip into a file that should not hold it.
"""

from __future__ import annotations

import csv
import io
import json
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from humasdesk.core.activity import NewEntry, canonical_details, format_ts, parse_ts
from humasdesk.core.models import Slot
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.store import ActivityLog, LogFilter, open_database
from humasdesk.store.exports.csvfmt import csv_cell, details_cell, write_csv, write_csv_rows
from humasdesk.store.exports.rows import (
    _EMAIL,
    _NIK,
    _PHONE,
    CitizenMasker,
    LocalTimes,
    Selection,
    StoredTimeBound,
    defuse_formula,
    details_json,
    local_time,
    mask_contacts,
)

KEY = b"k" * 32
WIB = timezone(timedelta(hours=7), "WIB")
T0 = datetime(2024, 3, 1, tzinfo=UTC)

TEXTS = [
    None,
    "",
    "Jadwal layanan KTP hari ini",
    "Informasi: jalan ditutup, gunakan jalur lain",
    'kutip "ganda", koma',
    "baris satu\nbaris dua\r\nbaris tiga",
    "=cmd|' /C calc'!A0",
    "=SUM(1+1)",
    "+62 812",
    "-minus",
    "@humas_kota",
    "@humas_kota terima kasih",
    "\tTab di depan",
    "\rCR di depan",
    "emoji 🚀🇮🇩 dan aksara ꦲꦏ꧀ꦱꦫ",
    "😀",
    "hubungi 081234567890 atau warga@contoh.id",
    "NIK saya 3201234567890123, tolong",
    "+62 812-3456-7890",
    "0812 3456 7890",
    "0812.3456.7890 dan ٠٨١٢٣٤٥٦٧٨٩٠",
    "a@b.co",
    "12345678901234567",
    "kontrol \x00\x01\x1f\x7f",
    "pemisah \u2028 \u2029 \x85",
    " spasi ",
    "x" * 300,
    "=",
    "@",
]
CITIZEN_HANDLES = [None, "@warga_satu", "Warga_Satu", " @WARGA_SATU ", "=jahat", "@x😀", "budi"]
STAFF_HANDLES = [None, "humas_kota", "budi_kahumas", "=h", "nama, dengan koma", "Ünïcödé_1"]
DETAILS: list[dict] = [
    {},
    {"official_capacity": True},
    {"official_capacity": "true"},
    {"official_capacity": 1},
    {"official_capacity": False},
    {"outbox_id": 17, "official_capacity": True},
    {"tag": "aduan", "n": [1, 2, {"z": None}], "f": 1.5e300, "g": -0.0},
    {"ü": "é😀", "kutip": 'a "b", c\n'},
]
ACTIONS = ["post_sent", "reply_sent", "mention_received", "mention_handled", "future_action"]


def every_kind(n: int = 1500, seed: int = 3) -> Iterator[NewEntry]:
    """Entries of every shape, times out of seq order (mentions carry their time on X)."""
    rng = random.Random(seed)
    for i in range(n):
        yield NewEntry(
            action=rng.choice(ACTIONS),
            slot=rng.choice([Slot.OFFICE, Slot.PERSONAL, None]),
            account_id=rng.choice([None, "100", "200"]),
            handle=rng.choice(STAFF_HANDLES),
            x_post_id=rng.choice([None, str(10**18 + i), "-1", "1,2"]),
            in_reply_to=rng.choice([None, str(10**17 + i)]),
            text=rng.choice(TEXTS),
            details=rng.choice(DETAILS),
            citizen_handle=rng.choice(CITIZEN_HANDLES),
            citizen_text=rng.choice(TEXTS),
            ts=T0 + timedelta(seconds=rng.randrange(400 * 86400), milliseconds=rng.randrange(1000)),
        )


def _raw(log: ActivityLog, canonical: dict | str, hash_: str | None = None) -> None:
    """Append a row the log's own code would never write (a damaged entry, or one from a
    newer version): right seq and link, any content."""
    conn = log._conn()
    seq, prev = conn.execute("SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1").fetchone()
    if isinstance(canonical, dict):
        canonical = json.dumps({**canonical, "seq": seq + 1}, ensure_ascii=False)
    with conn:
        conn.execute(
            "INSERT INTO activity (seq, canonical, prev_hash, hash) VALUES (?,?,?,?)",
            (seq + 1, canonical, prev, hash_ or f"{seq + 1:064x}"),
        )


UNUSUAL = [  # written the plain way
    {"v": 2, "ts": "2024-05-01T01:00:00.000Z"},  # newer version: "(unreadable)"
    {"slot": "kiosk"},  # a slot from a newer version
    {"ts": "2024-05-01 02:00:00.5+00:00"},  # a time in another ISO form
    {"handle": 5, "text": ["a", 1]},  # values of other types
    {"ts": "2024-02-30T01:00:00.000Z"},  # no such day: "(unreadable)"
]


@pytest.fixture
def kinds_db(data_dir: Path) -> Path:
    path = data_dir / "humasdesk.db"
    db = open_database(path, synchronous="OFF")
    try:
        log = ActivityLog(db, clock=lambda: datetime(2025, 6, 1, tzinfo=UTC))
        log.append_many(every_kind())
        personal = [r[0] for r in db.conn.execute("SELECT seq FROM activity_personal")]
        log.erase_personal(personal[::7], "permintaan warga")
        base = json.loads(log._conn().execute("SELECT canonical FROM activity").fetchone()[0])
        for fields in UNUSUAL:
            _raw(log, {**base, **fields})
        # Well-formed but not in canonical layout (spaces, unsorted details): decoded
        # directly, with details in canonical form as `row_values` gives them.
        _raw(log, {**base, "details": {"b": 1, "a": "x, y"}})
        _raw(log, base, hash_='=rusak, "x"')  # and the next entry links to it
        log.append_many(every_kind(200, seed=4))  # the chain goes on after them
    finally:
        db.close()
    return path


def plain_csv(log: ActivityLog, options: ExportOptions, tz, max_seq: int) -> bytes:
    """The plain definition of the export's CSV."""
    sel = Selection(
        slots=frozenset(options.accounts),
        include_personal=options.include_personal,
        start=options.start,
        end=options.end,
        max_seq=max_seq,
    )
    masker = CitizenMasker(full=options.citizen_data == "full", key=KEY)
    out = io.BytesIO()
    entries = log.iter_entries(LogFilter(start=options.start, end=options.end))
    from humasdesk.services.metrics import csv_reach_extra
    from humasdesk.store.metrics_store import MetricsStore

    extra = csv_reach_extra(MetricsStore(log.source), tz, datetime.now(UTC))  # issue 16 columns
    write_csv(out, sel.filter(entries), masker=masker, tz=tz, extra=extra)
    return out.getvalue()


OPTIONS = {
    "everything, full": (ExportOptions("csv", include_personal=True, citizen_data="full"), WIB),
    "default (masked, official capacity only)": (ExportOptions("csv"), None),
    "masked, all personal, period with microseconds, DST zone": (
        ExportOptions(
            "csv",
            include_personal=True,
            start=datetime(2024, 3, 20, 5, 6, 7, 123456, tzinfo=UTC),
            end=datetime(2024, 11, 3, 6, 30, 0, 500, tzinfo=UTC),
        ),
        ZoneInfo("America/New_York"),
    ),
    "office only, period on whole ms": (
        ExportOptions(
            "csv",
            accounts=frozenset({"office"}),
            start=datetime(2024, 5, 1, 8, 0, tzinfo=WIB),
            end=datetime(2024, 12, 1, tzinfo=WIB),
        ),
        ZoneInfo("Asia/Jayapura"),
    ),
    "personal only, official capacity, half-hour offset": (
        ExportOptions("csv", accounts=frozenset({"personal"})),
        ZoneInfo("Asia/Kolkata"),
    ),
    "personal, all, full, half-hour DST": (
        ExportOptions(
            "csv", accounts=frozenset({"personal"}), include_personal=True, citizen_data="full"
        ),
        ZoneInfo("Australia/Lord_Howe"),
    ),
}


@pytest.mark.parametrize("name", list(OPTIONS))
def test_service_csv_is_byte_for_byte_the_plain_rendering(kinds_db, signer, tmp_path, name):
    """Every column, the masking, the quoting, the BOM and the local times are those of
    `row_values` + `csv.writer`, for every kind of entry and export option."""
    options, tz = OPTIONS[name]
    db = open_database(kinds_db, synchronous="OFF")
    try:
        log = ActivityLog(db, clock=lambda: datetime(2025, 7, 1, tzinfo=UTC))
        expected = plain_csv(log, options, tz, log.head().seq)
        out = tmp_path / "aktivitas.csv"
        result = export_activity(log, options, out, signer=signer, tz=tz, pseudonym_key=KEY)
    finally:
        db.close()
    got = out.read_bytes()
    assert got.startswith(b"\xef\xbb\xbfseq,waktu,akun,")
    assert got == expected
    assert result.entries == len(list(csv.reader(io.StringIO(got.decode("utf-8-sig"))))) - 1


def test_fast_writer_takes_the_plain_way_only_for_unusual_rows(kinds_db):
    """The speed comes from decoding rows directly: only the damaged rows and those from a
    newer version may go the plain way, and they must still come out (a supervisor must see
    a damaged entry)."""
    db = open_database(kinds_db, synchronous="OFF")
    try:
        log = ActivityLog(db)
        sel = Selection(include_personal=True, max_seq=log.head().seq)
        masker = CitizenMasker(key=KEY)
        out = io.BytesIO()
        written = write_csv_rows(out, log.iter_rows(batch=97), selection=sel, masker=masker)
        expected = io.BytesIO()
        write_csv(expected, sel.filter(log.iter_entries()), masker=masker)
    finally:
        db.close()
    assert out.getvalue() == expected.getvalue()
    assert written.plain_rows == len(UNUSUAL) - 1  # the "kiosk" slot is not selected
    assert b"(unreadable)" in out.getvalue()
    assert (written.first_seq, written.last_seq) == (1, sel.max_seq)


def test_export_stops_at_the_head_it_started_from(kinds_db):
    """Entries appended during an export are left for the next one."""
    db = open_database(kinds_db, synchronous="OFF")
    try:
        log = ActivityLog(db)
        sel = Selection(include_personal=True, max_seq=1000)
        masker = CitizenMasker(full=True)
        out = io.BytesIO()
        written = write_csv_rows(out, log.iter_rows(batch=256), selection=sel, masker=masker)
        expected = io.BytesIO()
        write_csv(expected, sel.filter(log.iter_entries()), masker=masker)
    finally:
        db.close()
    assert out.getvalue() == expected.getvalue()
    assert written.last_seq == 1000


@pytest.mark.parametrize("value", [*[t for t in TEXTS if t is not None], *CITIZEN_HANDLES[1:]])
def test_csv_cell_quotes_as_csv_writer_does(value):
    """The fast writer quotes by hand; `csv.writer` (after `defuse_formula`) is the rule."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerow(["a", defuse_formula(value), "b"])
    assert buf.getvalue() == f"a,{csv_cell(value)},b\r\n"


class MidHourChange(tzinfo):
    """A made-up zone whose offset changes inside a UTC hour (+07:00, then +08:00 from
    2024-03-10 07:30 UTC): no hour may be taken as having one offset unchecked."""

    CHANGE = datetime(2024, 3, 10, 14, 30)  # local wall time

    def utcoffset(self, dt):
        return timedelta(hours=7) + self.dst(dt)

    def dst(self, dt):
        return timedelta(hours=1 if dt.replace(tzinfo=None) >= self.CHANGE else 0)

    def tzname(self, dt):
        return None

    def __repr__(self):
        return "MidHourChange"


ZONES = [
    None,
    WIB,
    timezone(timedelta(hours=-3, minutes=-30)),
    ZoneInfo("Asia/Jakarta"),
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("Europe/Amsterdam"),  # +00:19:32 before 1937: an offset with seconds
    MidHourChange(),
]


@pytest.mark.parametrize("tz", ZONES, ids=lambda z: str(z))
def test_local_times_equal_datetime_conversion(tz):
    """Around every offset change of 2024 (and in 1930 for odd historic offsets), each
    local time is what converting the `datetime` gives."""
    times = LocalTimes(tz)
    days = ((3, 9), (3, 30), (4, 6), (10, 5), (10, 26), (11, 2))
    starts = [datetime(2024, m, d, tzinfo=UTC) for m, d in days]
    starts.append(datetime(1930, 6, 1, tzinfo=UTC))
    rng = random.Random(5)
    for start in starts:
        t = start
        while t < start + timedelta(days=2):
            stored = format_ts(t)
            assert times.iso(stored) == local_time(parse_ts(stored), tz).isoformat(
                timespec="milliseconds"
            ), stored
            t += timedelta(seconds=rng.randrange(1, 1800), milliseconds=rng.randrange(1000))


def test_local_times_follow_the_laptops_zone(monkeypatch):
    """tz=None is the laptop's zone, with its summer time."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        times = LocalTimes(None)
        for stored in (
            "2024-03-31T00:59:59.999Z",
            "2024-03-31T01:00:00.000Z",
            "2024-07-01T12:00:00.001Z",
            "2024-10-27T00:30:00.000Z",
            "2024-10-27T01:30:00.000Z",
        ):
            assert times.iso(stored) == parse_ts(stored).astimezone().isoformat(
                timespec="milliseconds"
            )
        assert times.iso("2024-07-01T12:00:00.001Z") == "2024-07-01T14:00:00.001+02:00"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    "stored",
    ["2024-05-01T09:30:00.123", "2024-05-01T09:30:60.000Z", "2024-05-01 09:30:00.000Z",
     "2024-13-01T09:30:00.000Z", "２０２４-05-01T09:30:00.000Z", "2024-05-01T09:30:00,000Z"],
)  # fmt: skip
def test_local_times_refuse_what_is_not_a_stored_time(stored):
    """Anything else goes the plain way, which says how it reads."""
    assert LocalTimes(WIB).iso(stored) is None


def test_stored_time_bounds_match_datetime_comparison():
    """A period bound with microseconds (from a date picker or a script) must not take in or
    leave out an entry of the bound's millisecond that the datetime comparison would not."""
    rng = random.Random(9)
    for _ in range(2000):
        whole_ms = rng.random() < 0.5
        micro = rng.randrange(1000) * 1000 if whole_ms else rng.randrange(10**6)
        bound = (T0 + timedelta(microseconds=micro)).astimezone(WIB)
        t = parse_ts(format_ts(bound)) + timedelta(milliseconds=rng.randrange(-1, 2))
        assert StoredTimeBound.of(bound).at_or_after(format_ts(t)) == (t >= bound)


@pytest.mark.parametrize(
    "details",
    [*DETAILS, {"outbox_id": 0}, {"outbox_id": -17}, {"n": 10**30}, {"tag": "aduan"},
     {"tag": "ÄduanⅫ"}, {"tag": ""}, {"tag": "a b"}, {"tag": 'a"'}, {"tag": True},
     {"tag": None}, {"tag": 1.0}, {"tag": [1]}, {"é": 1}, {"a-b": 1}, {"_x1": "y2"},
     {"conversation_id": "1700000000000012345"}],
)  # fmt: skip
def test_details_cell_is_canonical_details_quoted(details):
    """The rincian column is the canonical JSON of the details, as `row_values` gives it."""
    decoded = json.loads(json.dumps(details))
    assert details_json(decoded) == canonical_details(details)
    assert details_cell(decoded) == csv_cell(canonical_details(details))


@pytest.mark.parametrize("text", [t for t in TEXTS if t is not None])
def test_mask_contacts_shortcuts_change_nothing(text):
    full = _PHONE.sub("[telepon]", _NIK.sub("[NIK]", _EMAIL.sub("[email]", text)))
    assert mask_contacts(text) == full


def test_pseudonyms_are_the_same_with_the_cache():
    cached = CitizenMasker(key=KEY)
    for handle in CITIZEN_HANDLES[1:] * 3:
        assert cached.handle(handle) == CitizenMasker(key=KEY).handle(handle)
    assert cached.handle("@warga_satu") == cached.handle(" @WARGA_SATU ")
