"""The rekap as XLSX and CSV (no Qt): the figures of `services.rekap.Rekap`, formatted only.

XLSX, Indonesian sheet names and headings, typed cells (counts are numbers, shares
percentages, response times hours as numbers, dates real dates), strings never formulas:

* ``Ringkasan`` — the document: period, classification, inputs counted and excluded, totals;
* one sheet per measure (``Kiriman``, ``Balasan``, ``Mention``, ``Waktu respons``,
  ``Rasio dua arah``, ``Aduan SP4N-LAPOR``): a row per official (and their accounts), per
  unit and the total, with the month-by-month trend of the measure's main figure;
* ``Jangkauan`` — reach and engagement (issue 16's metrics snapshots in the inputs): posts
  measured, total and median impressions, engagements and their rate, posts without an
  impressions figure; a row whose inputs carry no readings says so (no zeros);
* ``Peringkat`` — the officials ranked (only when the run asks for a ranking);
* ``Berkas masukan`` — every input: SHA-256, key fingerprint, official, accounts, period,
  entries, citizens' data, verdict and reason; ``Celah`` — gaps between an official's files;
* ``Definisi`` — what each figure means (the officials' reports' definitions).

CSV: one row per official with every figure (``;``-free, UTF-8 with BOM so Excel reads it,
formula-looking names defused); the reach columns are empty for an official whose inputs
carry no readings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, BinaryIO

from humasdesk.core.metrics import AccountMetrics, AccountTally, ReachTally
from humasdesk.core.rekap import Verdict, gap_text, id_date, verdict_text
from humasdesk.store.exports.rows import defuse_formula

if TYPE_CHECKING:
    from humasdesk.services.rekap import OfficialFigures, Rekap, RekapHeader

MAX_CELL = 32767
SLOT_ID = {"office": "Kantor", "personal": "Pribadi (kapasitas jabatan)"}
CITIZEN_ID = {
    "none": "tidak ada",
    "masked": "tersamar (handle pseudonim, kontak disamarkan)",
    "full": "LENGKAP (tidak disamarkan)",
}

DEFINITIONS = (
    (
        "Periode",
        "Dari tanggal awal (inklusif) sampai akhir (eksklusif). Balasan setelah "
        "akhir periode tidak dihitung; angka per saat akhir periode.",
    ),
    (
        "Kiriman",
        "Kiriman yang bukan balasan, dikirim dalam periode. Akun pribadi hanya "
        "kiriman bertanda kapasitas jabatan.",
    ),
    (
        "Balasan",
        "Balasan yang dikirim dalam periode, termasuk balasan yang tercatat sebagai kiriman.",
    ),
    (
        "Mention diterima",
        "Mention berbeda yang diterima akun dalam periode (yang tercatat "
        "dua kali dihitung sekali).",
    ),
    (
        "Mention dijawab",
        "Mention periode ini yang dibalas akun yang sama, pada atau setelah "
        "waktu mention. Persentase = dijawab ÷ diterima.",
    ),
    (
        "Waktu respons pertama",
        "Waktu balasan pertama akun dikurangi waktu mention. Median dan "
        "persentil ke-90 dengan metode peringkat terdekat: dari n nilai terurut, persentil p "
        "adalah nilai pada peringkat ⌈p/100 · n⌉. Untuk unit dan total, semua mention yang "
        "dijawab digabung lalu dihitung dengan cara yang sama.",
    ),
    ("Rasio dua arah", "Balasan ÷ kiriman (tidak ditampilkan bila tidak ada kiriman)."),
    (
        "Aduan",
        "Mention periode ini yang ditandai aduan, diukur terhadap waktu layanan "
        "SP4N-LAPOR!: respons pertama dalam 3 hari (3 × 24 jam), penyelesaian dalam 5, 14 dan "
        "60 hari (kumulatif). Terbuka = belum ditandai selesai; lewat batas = belum dijawab "
        "setelah 3 hari.",
    ),
    (
        "Peringkat",
        "Pejabat diurutkan menurut persentase mention dijawab (tinggi ke rendah), "
        "lalu median waktu respons (cepat ke lambat), lalu jumlah mention diterima.",
    ),
    (
        "Jangkauan dan keterlibatan",
        "Dari angka kiriman yang dibaca dari X dan dimuat ekspor (snapshot metrik), sama "
        "dengan laporan pejabat: kiriman dan balasan periode ini yang dihitung (akun pribadi "
        "hanya kapasitas jabatan), masing-masing dengan pembacaan terakhirnya. Kiriman yang "
        "diukur = yang angkanya pernah dibaca. Tayangan (impression_count): total atas kiriman "
        "terukur yang memiliki angkanya, median dengan metode peringkat terdekat (untuk unit "
        "dan total semua kiriman digabung). Tingkat keterlibatan = (suka + repost + kutipan "
        "+ balasan) ÷ tayangan, atas kiriman yang memiliki angka tayangan. Kiriman tanpa "
        "angka tayangan dihitung tersendiri, tidak sebagai 0. Bila berkas masukan seorang "
        "pejabat tidak memuat pembacaan, tidak ada angka (bukan 0).",
    ),
    (
        "Data warga",
        "Rekap ini tidak memuat handle maupun teks warga; handle tetap pseudonim "
        "per ekspor sehingga warga yang sama di dua unit tidak dapat dikaitkan.",
    ),
    (
        "Celah",
        "Nomor entri log seorang pejabat yang tidak ada di berkas mana pun, di antara "
        "dua berkasnya: periode yang hilang.",
    ),
)


def hours(td: timedelta | None) -> float | None:
    return None if td is None else round(td.total_seconds() / 3600, 2)


def ranked(rekap: Rekap) -> list[tuple[OfficialFigures, AccountMetrics]]:
    """The officials in ranking order (the definition above)."""
    rows = [(o, o.total().figures()) for o in rekap.officials]

    def key(item: tuple[OfficialFigures, AccountMetrics]) -> tuple[Any, ...]:
        m = item[1]
        share = -1.0 if m.answered_share is None else m.answered_share
        median = m.first_response_median or timedelta.max
        return (-share, median, -m.mentions_received, item[0].key.name)

    return sorted(rows, key=key)


def _account_label(t: AccountTally) -> str:
    """``Kantor @humas_kota``: the kind of account first (a cell never starts with @)."""
    handle = t.handle or t.account_id
    if handle and not handle.startswith("@"):
        handle = "@" + handle
    slot = SLOT_ID.get(str(t.slot), "Akun")
    return f"{slot} {handle}"


def figure_rows(rekap: Rekap) -> list[tuple[str, str, str, str, AccountTally, list[AccountTally]]]:
    """(level, unit, official, account, tally, month tallies) in table order: each official's
    accounts then the official, each unit's subtotal, the total last."""
    out: list[tuple[str, str, str, str, AccountTally, list[AccountTally]]] = []
    n_months = len(rekap.months)
    for unit, officials in rekap.units():
        for o in officials:
            for account_id in sorted(o.accounts, key=lambda a: (str(o.accounts[a].slot), a)):
                t = o.accounts[account_id]
                months = [m.get(account_id) or AccountTally(account_id) for m in o.months]
                out.append(("akun", unit, o.key.name, _account_label(t), t, months))
            out.append(
                (
                    "pejabat",
                    unit,
                    o.key.name,
                    "semua akun",
                    o.total(),
                    [o.month_total(i) for i in range(n_months)],
                )
            )
        out.append(
            (
                "unit",
                unit,
                "",
                "",
                rekap.unit_total(officials),
                [rekap.unit_month(officials, i) for i in range(n_months)],
            )
        )
    out.append(
        ("total", "", "", "", rekap.total(), [rekap.month_total(i) for i in range(n_months)])
    )
    return out


NO_REACH = "tidak ada angka: berkas masukan tidak memuat pembacaan angka kiriman"


def reach_rows(rekap: Rekap) -> list[tuple[str, str, str, str, ReachTally | None]]:
    """(level, unit, official, account, reach) in the order of `figure_rows`; reach None
    where the inputs carry no readings."""
    out: list[tuple[str, str, str, str, ReachTally | None]] = []
    for unit, officials in rekap.units():
        for o in officials:
            for account_id in sorted(o.accounts, key=lambda a: (str(o.accounts[a].slot), a)):
                t = o.accounts[account_id]
                got = None if o.reach is None else (o.reach.get(account_id) or ReachTally())
                out.append(("akun", unit, o.key.name, _account_label(t), got))
            out.append(("pejabat", unit, o.key.name, "semua akun", o.reach_total()))
        out.append(("unit", unit, "", "", rekap.unit_reach(officials)))
    out.append(("total", "", "", "", rekap.total_reach()))
    return out


REACH_COLUMNS: tuple[tuple[str, Callable[[ReachTally], Any], str], ...] = (
    ("Kiriman dan balasan", lambda r: r.posts, "int"),
    ("Kiriman yang diukur", lambda r: r.measured, "int"),
    ("Tayangan, total", lambda r: r.impressions_total, "int"),
    ("Tayangan, median", lambda r: r.impressions_median, "int"),
    ("Keterlibatan (suka, repost, kutipan, balasan)", lambda r: r.engagements_total, "int"),
    ("Tingkat keterlibatan", lambda r: r.engagement_rate, "pct"),
    ("Kiriman terukur tanpa angka tayangan", lambda r: r.without_impressions, "int"),
)


def _reach_sheet(wb: Any, f: _Formats, rekap: Rekap, header: RekapHeader) -> None:
    ws = wb.add_worksheet("Jangkauan")
    _mark(ws, header.classification)
    heads = ["Tingkat", "Unit", "Pejabat", "Akun", *(c[0] for c in REACH_COLUMNS), "Keterangan"]
    for c, text in enumerate(heads):
        ws.write_string(0, c, text, f.head)
    ws.set_column(0, 0, 9)
    ws.set_column(1, 2, 26)
    ws.set_column(3, 3, 34)
    ws.set_column(4, 3 + len(REACH_COLUMNS), 14)
    ws.set_column(4 + len(REACH_COLUMNS), 4 + len(REACH_COLUMNS), 60)
    ws.freeze_panes(1, 4)
    if not rekap.has_reach:
        ws.write_string(1, 0, "Tidak ada berkas masukan yang memuat angka jangkauan dan "
                        "keterlibatan (pembacaan angka kiriman dari X).")  # fmt: skip
        return
    rows = reach_rows(rekap)
    for r, (level, unit, official, account, reach) in enumerate(rows, start=1):
        bold = _row_head(ws, f, r, level, unit, official, account)
        for c, (_h, get, kind) in enumerate(REACH_COLUMNS, start=4):
            f.put(ws, r, c, None if reach is None else get(reach), kind, bold)
        if reach is None:
            ws.write_string(r, 4 + len(REACH_COLUMNS), NO_REACH)
    ws.autofilter(0, 0, len(rows), len(heads) - 1)


# -- XLSX ------------------------------------------------------------------------------------


def write_rekap_xlsx(out: BinaryIO, rekap: Rekap, header: RekapHeader) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        out,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "in_memory": True,  # small: figures only, never the entries
        },
    )
    f = _Formats(wb)
    rows = figure_rows(rekap)
    month_names = [
        f"{m.start.astimezone(rekap.tz).year}-{m.start.astimezone(rekap.tz).month:02d}"
        for m in rekap.months
    ]
    _summary(wb, f, rekap, header)
    measures: list[
        tuple[
            str,
            list[tuple[str, Callable[[AccountMetrics, AccountTally], Any], str]],
            Callable[[AccountMetrics], Any],
            str,
        ]
    ] = [
        (
            "Kiriman",
            [("Kiriman", lambda m, t: m.posts, "int")],
            lambda m: m.posts,
            "int",
        ),
        (
            "Balasan",
            [("Balasan", lambda m, t: m.replies, "int")],
            lambda m: m.replies,
            "int",
        ),
        (
            "Mention",
            [
                ("Mention diterima", lambda m, t: m.mentions_received, "int"),
                ("Mention dijawab", lambda m, t: m.mentions_answered, "int"),
                ("Persentase dijawab", lambda m, t: m.answered_share, "pct"),
            ],
            lambda m: m.answered_share,
            "pct",
        ),
        (
            "Waktu respons",
            [
                ("Dijawab (jumlah)", lambda m, t: m.mentions_answered, "int"),
                ("Median (jam)", lambda m, t: hours(m.first_response_median), "hours"),
                ("Persentil ke-90 (jam)", lambda m, t: hours(m.first_response_p90), "hours"),
            ],
            lambda m: hours(m.first_response_median),
            "hours",
        ),
        (
            "Rasio dua arah",
            [("Balasan ÷ kiriman", lambda m, t: m.two_way_ratio, "ratio")],
            lambda m: m.two_way_ratio,
            "ratio",
        ),
        (
            "Aduan SP4N-LAPOR",
            [
                ("Aduan", lambda m, t: m.complaints.count, "int"),
                ("Respons ≤ 3 hari", lambda m, t: m.complaints.responded_within, "int"),
                ("Respons > 3 hari", lambda m, t: m.complaints.responded_late, "int"),
                ("Belum dijawab, lewat batas", lambda m, t: m.complaints.unanswered_overdue, "int"),
                ("Belum dijawab, dalam batas", lambda m, t: m.complaints.unanswered_pending, "int"),
                ("Selesai ≤ 5 hari", lambda m, t: m.complaints.resolved_within_5d, "int"),
                ("Selesai ≤ 14 hari", lambda m, t: m.complaints.resolved_within_14d, "int"),
                ("Selesai ≤ 60 hari", lambda m, t: m.complaints.resolved_within_60d, "int"),
                ("Terbuka (belum selesai)", lambda m, t: m.complaints.unresolved, "int"),
                ("Respons ≤ 3 hari (%)", lambda m, t: m.complaints.first_response_share, "pct"),
            ],
            lambda m: m.complaints.count,
            "int",
        ),
    ]
    for name, columns, trend, trend_kind in measures:
        ws = wb.add_worksheet(name)
        _mark(ws, header.classification)
        heads = ["Tingkat", "Unit", "Pejabat", "Akun"] + [c[0] for c in columns]
        heads += [f"{name.split()[0]} {mn}" for mn in month_names]
        for c, text in enumerate(heads):
            ws.write_string(0, c, text, f.head)
        ws.set_column(0, 0, 9)
        ws.set_column(1, 2, 26)
        ws.set_column(3, 3, 34)
        ws.set_column(4, len(heads), 14)
        ws.freeze_panes(1, 4)
        for r, (level, unit, official, account, tally, months) in enumerate(rows, start=1):
            m = tally.figures()
            bold = _row_head(ws, f, r, level, unit, official, account)
            for c, (_h, get, kind) in enumerate(columns, start=4):
                f.put(ws, r, c, get(m, tally), kind, bold)
            base = 4 + len(columns)
            for i, mt in enumerate(months):
                f.put(ws, r, base + i, trend(mt.figures()), trend_kind, bold)
        ws.autofilter(0, 0, len(rows), len(heads) - 1)
    _reach_sheet(wb, f, rekap, header)
    if header.ranking:
        ws = wb.add_worksheet("Peringkat")
        _mark(ws, header.classification)
        heads = [
            "Peringkat",
            "Unit",
            "Pejabat",
            "Persentase dijawab",
            "Median respons (jam)",
            "Mention diterima",
            "Kiriman",
            "Balasan",
        ]
        for c, text in enumerate(heads):
            ws.write_string(0, c, text, f.head)
        ws.set_column(1, 2, 26)
        ws.set_column(3, 7, 16)
        for r, (o, m) in enumerate(ranked(rekap), start=1):
            ws.write_number(r, 0, r)
            ws.write_string(r, 1, _text(o.key.unit))
            ws.write_string(r, 2, _text(o.key.name))
            f.put(ws, r, 3, m.answered_share, "pct")
            f.put(ws, r, 4, hours(m.first_response_median), "hours")
            f.put(ws, r, 5, m.mentions_received, "int")
            f.put(ws, r, 6, m.posts, "int")
            f.put(ws, r, 7, m.replies, "int")
    _inputs(wb, f, rekap, header)
    ws = wb.add_worksheet("Celah")
    _mark(ws, header.classification)
    for c, text in enumerate(
        [
            "Pejabat",
            "Entri dari",
            "Entri sampai",
            "Jumlah",
            "Setelah berkas",
            "Sebelum berkas",
            "Keterangan",
        ]
    ):
        ws.write_string(0, c, text, f.head)
    ws.set_column(0, 0, 26)
    ws.set_column(4, 5, 30)
    ws.set_column(6, 6, 80)
    for r, g in enumerate(rekap.gaps, start=1):
        ws.write_string(r, 0, _text(g.official))
        ws.write_number(r, 1, g.first)
        ws.write_number(r, 2, g.last)
        ws.write_number(r, 3, g.last - g.first + 1)
        ws.write_string(r, 4, _text(g.after))
        ws.write_string(r, 5, _text(g.before))
        ws.write_string(r, 6, _text(gap_text(g)))
    if not rekap.gaps:
        ws.write_string(1, 0, "Tidak ada celah di antara berkas seorang pejabat.")
    ws = wb.add_worksheet("Definisi")
    _mark(ws, header.classification)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 110)
    for c, text in enumerate(["Istilah", "Definisi"]):
        ws.write_string(0, c, text, f.head)
    for r, (term, text) in enumerate(DEFINITIONS, start=1):
        ws.write_string(r, 0, term, f.bold)
        ws.write_string(r, 1, text, f.wrap)
    wb.close()


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        self.bold = wb.add_format({"bold": True})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.date = wb.add_format({"num_format": "yyyy-mm-dd"})
        self.when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.kinds = {
            (kind, bold): wb.add_format({"num_format": fmt, "bold": bold})
            for kind, fmt in (("int", "0"), ("pct", "0.0%"), ("hours", "0.00"), ("ratio", "0.00"))
            for bold in (False, True)
        }

    def put(self, ws: Any, r: int, c: int, value: Any, kind: str, bold: bool = False) -> None:
        if value is None:
            ws.write_blank(r, c, None)  # no figure (e.g. no mentions): empty, not zero
            return
        ws.write_number(r, c, value, self.kinds[(kind, bold)])


def _row_head(
    ws: Any, f: _Formats, r: int, level: str, unit: str, official: str, account: str
) -> bool:
    """A figures row's first four cells; whether the row is a sum (bold)."""
    bold = level in ("unit", "total")
    ws.write_string(r, 0, level, f.bold if bold else None)
    ws.write_string(r, 1, _text(unit or ("SEMUA UNIT" if level == "total" else "")))
    ws.write_string(r, 2, _text(official))
    ws.write_string(r, 3, _text(account))
    return bold


def _text(value: object) -> str:
    return defuse_formula(str(value))[:MAX_CELL]


def _mark(ws: Any, marking: str) -> None:
    if marking:
        text = "&C&B" + marking.upper().replace("&", "&&")
        ws.set_header(text)
        ws.set_footer(text + "&R&P / &N")


def _summary(wb: Any, f: _Formats, rekap: Rekap, header: RekapHeader) -> None:
    ws = wb.add_worksheet("Ringkasan")
    _mark(ws, header.classification)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 60)
    last_day = (rekap.period.end - timedelta(milliseconds=1)).astimezone(rekap.tz).date()
    first_day = rekap.period.start.astimezone(rekap.tz).date()
    total = rekap.total().figures()
    items: list[tuple[str, Any, str]] = [
        ("Dokumen", "Rekapitulasi Aktivitas Media Sosial", "text"),
        ("Instansi", header.agency or "–", "text"),
        ("Unit penyusun", header.unit or "–", "text"),
        ("Klasifikasi", header.classification, "text"),
        ("Periode", f"{id_date(first_day)} – {id_date(last_day)}", "text"),
        ("Awal periode", first_day, "date"),
        ("Akhir periode", last_day, "date"),
        ("Dibuat", rekap.generated_at.astimezone(rekap.tz).replace(tzinfo=None), "when"),
        ("Unit", len(rekap.units()), "int"),
        ("Pejabat", len(rekap.officials), "int"),
        ("Berkas dihitung", len(rekap.counted_files), "int"),
        ("Berkas dikeluarkan", len(rekap.excluded), "int"),
        ("Entri dihitung", rekap.entries_counted, "int"),
        ("Celah", len(rekap.gaps), "int"),
        ("Kiriman (semua unit)", total.posts, "int"),
        ("Balasan (semua unit)", total.replies, "int"),
        ("Mention diterima", total.mentions_received, "int"),
        ("Mention dijawab", total.mentions_answered, "int"),
        ("Persentase dijawab", total.answered_share, "pct"),
        ("Median waktu respons (jam)", hours(total.first_response_median), "hours"),
        ("Persentil ke-90 waktu respons (jam)", hours(total.first_response_p90), "hours"),
        ("Rasio dua arah", total.two_way_ratio, "ratio"),
        ("Aduan", total.complaints.count, "int"),
        ("Aduan terbuka", total.complaints.unresolved, "int"),
        ("Aduan lewat batas (belum dijawab)", total.complaints.unanswered_overdue, "int"),
    ]
    reach = rekap.total_reach()
    if reach is None:
        items.append(("Jangkauan dan keterlibatan", NO_REACH, "text"))
    else:
        items += [
            ("Kiriman yang diukur (jangkauan)", reach.measured, "int"),
            ("Tayangan, total", reach.impressions_total, "int"),
            ("Tayangan, median", reach.impressions_median, "int"),
            ("Tingkat keterlibatan", reach.engagement_rate, "pct"),
            ("Kiriman terukur tanpa angka tayangan", reach.without_impressions, "int"),
        ]
    items.append(("Data warga", "Rekap ini tidak memuat handle maupun teks warga.", "text"))
    for r, (label, value, kind) in enumerate(items):
        ws.write_string(r, 0, label, f.bold)
        if kind == "text":
            ws.write_string(r, 1, _text(value))
        elif kind == "date":
            ws.write_datetime(r, 1, value, f.date)
        elif kind == "when":
            ws.write_datetime(r, 1, value, f.when)
        else:
            f.put(ws, r, 1, value, kind)


def input_rows(rekap: Rekap) -> list[dict[str, Any]]:
    """One dict per input file for the verification tables (XLSX, PDF)."""
    out = []
    for fc in rekap.files:
        accounts = "; ".join(
            f"{SLOT_ID.get(s, 'Akun')} " + (h if h.startswith("@") else "@" + h)
            for s, h in fc.accounts
            if h
        )
        out.append(
            {
                "file": fc.name,
                "sha256": fc.sha256,
                "fingerprint": fc.fingerprint or "",
                "official": fc.key.name if fc.key else "",
                "unit": fc.key.unit if fc.key else "",
                "accounts": accounts,
                "period_from": fc.period_from or "",
                "period_to": fc.period_to or "",
                "entries": fc.entries,
                "counted": fc.counted,
                "duplicates": fc.duplicates,
                "citizen": fc.citizen,
                "verdict": fc.verdict,
                "reason": verdict_text(fc.verdict, fc.detail, rekap.tz),
            }
        )
    return out


def _inputs(wb: Any, f: _Formats, rekap: Rekap, header: RekapHeader) -> None:
    ws = wb.add_worksheet("Berkas masukan")
    _mark(ws, header.classification)
    heads = [
        "Berkas",
        "Putusan",
        "Keterangan",
        "SHA-256",
        "Sidik jari kunci",
        "Pejabat",
        "Unit",
        "Akun",
        "Periode dari",
        "Periode sampai",
        "Entri",
        "Dihitung",
        "Duplikat",
        "Data warga",
    ]
    widths = [28, 14, 60, 66, 66, 24, 24, 40, 22, 22, 10, 10, 10, 30]
    for c, (text, width) in enumerate(zip(heads, widths, strict=True)):
        ws.write_string(0, c, text, f.head)
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 1)
    for r, row in enumerate(input_rows(rekap), start=1):
        counted = row["verdict"] is Verdict.COUNTED
        ws.write_string(r, 0, _text(row["file"]))
        ws.write_string(r, 1, "dihitung" if counted else "DIKELUARKAN", None if counted else f.bold)
        ws.write_string(r, 2, _text(row["reason"]))
        for c, k in (
            (3, "sha256"),
            (4, "fingerprint"),
            (5, "official"),
            (6, "unit"),
            (7, "accounts"),
            (8, "period_from"),
            (9, "period_to"),
        ):
            ws.write_string(r, c, _text(row[k]))
        for c, k in ((10, "entries"), (11, "counted"), (12, "duplicates")):
            ws.write_number(r, c, row[k])
        ws.write_string(r, 13, CITIZEN_ID.get(row["citizen"], row["citizen"]))
    ws.autofilter(0, 0, max(1, len(rekap.files)), len(heads) - 1)


# -- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "unit",
    "pejabat",
    "sidik_jari",
    "akun",
    "kiriman",
    "balasan",
    "mention_diterima",
    "mention_dijawab",
    "persen_dijawab",
    "median_respons_menit",
    "p90_respons_menit",
    "rasio_dua_arah",
    "aduan",
    "aduan_respons_3_hari",
    "aduan_respons_terlambat",
    "aduan_belum_dijawab_lewat_batas",
    "aduan_belum_dijawab_dalam_batas",
    "aduan_selesai_5_hari",
    "aduan_selesai_14_hari",
    "aduan_selesai_60_hari",
    "aduan_terbuka",
    "peringkat",
    # reach and engagement (empty: the official's inputs carry no readings)
    "kiriman_diukur",
    "tayangan_total",
    "tayangan_median",
    "keterlibatan",
    "persen_keterlibatan",
    "diukur_tanpa_tayangan",
)


def _minutes(td: timedelta | None) -> str:
    return "" if td is None else f"{td.total_seconds() / 60:.1f}"


def _share(x: float | None) -> str:
    return "" if x is None else f"{x * 100:.1f}"


def csv_rows(rekap: Rekap, ranking: bool) -> list[Sequence[str]]:
    rank = {id(o): i for i, (o, _m) in enumerate(ranked(rekap), start=1)} if ranking else {}
    rows: list[Sequence[str]] = []
    for _unit, officials in rekap.units():
        for o in officials:
            m = o.total().figures()
            c = m.complaints
            accounts = " ".join(sorted(_account_label(t) for t in o.accounts.values()))
            rows.append(
                [
                    _text(o.key.unit),
                    _text(o.key.name),
                    o.key.fingerprint,
                    _text(accounts),
                    str(m.posts),
                    str(m.replies),
                    str(m.mentions_received),
                    str(m.mentions_answered),
                    _share(m.answered_share),
                    _minutes(m.first_response_median),
                    _minutes(m.first_response_p90),
                    "" if m.two_way_ratio is None else f"{m.two_way_ratio:.2f}",
                    str(c.count),
                    str(c.responded_within),
                    str(c.responded_late),
                    str(c.unanswered_overdue),
                    str(c.unanswered_pending),
                    str(c.resolved_within_5d),
                    str(c.resolved_within_14d),
                    str(c.resolved_within_60d),
                    str(c.unresolved),
                    str(rank.get(id(o), "")),
                    *_reach_cells(o.reach_total()),
                ]
            )
    return rows


def _reach_cells(r: ReachTally | None) -> list[str]:
    if r is None:
        return [""] * 6
    median = r.impressions_median
    return [
        str(r.measured),
        str(r.impressions_total),
        "" if median is None else str(median),
        str(r.engagements_total),
        "" if r.engagement_rate is None else f"{r.engagement_rate * 100:.2f}",
        str(r.without_impressions),
    ]


def write_rekap_csv(out: BinaryIO, rekap: Rekap, header: RekapHeader) -> None:
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    w.writerows(csv_rows(rekap, header.ranking))
    out.write(b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"))
