"""XLSX export with xlsxwriter in ``constant_memory`` mode (rows are streamed to disk, memory
stays flat). Sheet ``aktivitas``: the columns of `rows.COLUMNS` with types — ``seq`` a number,
``waktu`` a real date-time cell in the laptop's local time (Excel has no zones: the zone is
named in the header and on the ``keterangan`` sheet), ids and hashes as text (X ids exceed
Excel's 15 significant digits); header row bold and frozen, autofilter over all rows,
column widths set. Sheet ``angka_kiriman`` (issue 16): every metrics reading of the exported
posts, X's names for X's numbers. Sheet ``keterangan``: the export's manifest (period,
accounts, count, chain head, key fingerprint). Strings are never turned into formulas or links.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, tzinfo
from typing import Any, BinaryIO

from humasdesk.core.activity import ActivityEntry
from humasdesk.core.snapshots import PUBLIC_FIELDS
from humasdesk.store.exports.rows import COLUMNS, SLOT_LABELS, CitizenMasker, row_values
from humasdesk.store.exports.snapshots import COLUMNS as SNAPSHOT_COLUMNS
from humasdesk.store.exports.snapshots import PRIVATE_COLUMNS, SnapshotRow

MAX_CELL = 32767  # Excel's limit on characters in one cell

WIDTHS = {
    "seq": 8,
    "waktu": 20,
    "akun": 9,
    "handle": 18,
    "aksi": 18,
    "id_kiriman": 21,
    "membalas": 21,
    "teks": 60,
    "kapasitas_jabatan": 10,
    "warga": 16,
    "teks_warga": 60,
    "rincian": 30,
    "hash": 20,
    "hash_sebelumnya": 20,
}

Info = Callable[[int, int | None, int | None], Mapping[str, Any]]


def write_xlsx(
    out: BinaryIO,
    entries: Iterable[ActivityEntry],
    *,
    masker: CitizenMasker,
    tz: tzinfo | None = None,
    info: Info | None = None,
    tmpdir: str | None = None,
    on_entry: Callable[[ActivityEntry], None] | None = None,
    marking: str = "",
    snapshots: Callable[[], Iterable[SnapshotRow]] | None = None,
) -> int:
    """Write the workbook to `out`; return the number of entries. `info(count, first_seq,
    last_seq)` gives the key/value pairs for the ``keterangan`` sheet. `marking` (the
    security classification) is printed at the top and bottom of every printed page.
    `snapshots()`, called after the entries, gives the rows of the ``angka_kiriman`` sheet
    (every metrics reading of the exported posts, issue 16)."""
    import xlsxwriter  # deferred: only exports need it

    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    if tmpdir is not None:
        options["tmpdir"] = tmpdir
    wb = xlsxwriter.Workbook(out, options)
    try:
        return _fill(
            wb,
            entries,
            masker=masker,
            tz=tz,
            info=info,
            on_entry=on_entry,
            marking=marking,
            snapshots=snapshots,
        )
    except BaseException:
        _abandon(wb)
        raise


def _abandon(wb: Any) -> None:
    """Close and delete xlsxwriter's constant-memory row files (they hold the rows, citizens'
    data included) when the workbook is not finished."""
    wb.fileclosed = True  # nothing more will be written
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None:
            with contextlib.suppress(OSError):
                fh.close()
        name = getattr(ws, "row_data_filename", None)
        if name:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _fill(
    wb: Any,
    entries: Iterable[ActivityEntry],
    *,
    masker: CitizenMasker,
    tz: tzinfo | None,
    info: Info | None,
    on_entry: Callable[[ActivityEntry], None] | None,
    marking: str = "",
    snapshots: Callable[[], Iterable[SnapshotRow]] | None = None,
) -> int:
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
    when = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    ws = wb.add_worksheet("aktivitas")
    for i, col in enumerate(COLUMNS):
        ws.set_column(i, i, WIDTHS.get(col, 14))
    ws.freeze_panes(1, 0)
    _mark_pages(ws, marking)
    for i, col in enumerate(COLUMNS):
        ws.write_string(0, i, col, head)
    n = 0
    first = last = None
    for entry in entries:
        n += 1
        v = row_values(entry, masker, tz)
        for i, col in enumerate(COLUMNS):
            value = v[col]
            if value is None or value == "":
                continue
            if col == "seq":
                ws.write_number(n, i, value)
            elif col == "waktu":
                ws.write_datetime(n, i, value.replace(tzinfo=None), when)
            else:
                ws.write_string(n, i, str(value)[:MAX_CELL])
        first = entry.seq if first is None else first
        last = entry.seq
        if on_entry is not None:
            on_entry(entry)
    ws.autofilter(0, 0, max(n, 1), len(COLUMNS) - 1)
    snapshot_rows = list(snapshots()) if snapshots is not None else None  # counted for info
    if info is not None:
        ks = wb.add_worksheet("keterangan")
        ks.set_column(0, 0, 26)
        ks.set_column(1, 1, 70)
        _mark_pages(ks, marking)
        for r, (key, value) in enumerate(info(n, first, last).items()):
            ks.write_string(r, 0, str(key), head)
            if isinstance(value, bool) or value is None:
                ks.write_string(r, 1, "" if value is None else ("ya" if value else "tidak"))
            elif isinstance(value, int):
                ks.write_number(r, 1, value)
            elif isinstance(value, list | tuple):
                ks.write_string(r, 1, ", ".join(str(x) for x in value))
            else:
                ks.write_string(r, 1, str(value))
    if snapshot_rows is not None:
        _snapshot_sheet(wb, snapshot_rows, head, when, tz, marking)
    wb.close()
    return n


def _snapshot_sheet(
    wb: Any, rows: Iterable[SnapshotRow], head: Any, when: Any, tz: tzinfo | None, marking: str
) -> None:
    """Sheet ``angka_kiriman``: one row per metrics reading; a number X did not return is
    an empty cell, never 0; times are local, like the ``aktivitas`` sheet's."""
    ws = wb.add_worksheet("angka_kiriman")
    _mark_pages(ws, marking)
    for i, col in enumerate(SNAPSHOT_COLUMNS):
        ws.set_column(i, i, 21 if i < 6 else 16)
        ws.write_string(0, i, col, head)
    ws.freeze_panes(1, 0)
    r = 0
    for row in rows:
        r += 1
        s = row.snapshot
        ws.write_string(r, 0, s.x_post_id)
        ws.write_string(r, 1, SLOT_LABELS.get(row.slot or "", row.slot or ""))
        ws.write_string(r, 2, f"@{row.handle}" if row.handle else "")
        if row.posted_at is not None:
            ws.write_datetime(r, 3, _local(row.posted_at, tz), when)
        ws.write_datetime(r, 4, _local(s.read_at, tz), when)
        ws.write_string(r, 5, s.point)
        c = 6
        for name in PUBLIC_FIELDS:
            if s.value(name) is not None:
                ws.write_number(r, c, s.value(name))
            c += 1
        for group, name in PRIVATE_COLUMNS:
            value = row.private(group, name)
            if value is not None:
                ws.write_number(r, c, value)
            c += 1
        ws.write_string(r, c, ", ".join(s.fields))
    ws.autofilter(0, 0, max(r, 1), len(SNAPSHOT_COLUMNS) - 1)


def _local(ts: datetime, tz: tzinfo | None) -> datetime:
    return ts.astimezone(tz).replace(tzinfo=None)


def _mark_pages(ws: Any, marking: str) -> None:
    """The classification centred in the printed header and footer, as on paper records
    ("&&" is a literal ampersand in Excel's header codes)."""
    if marking:
        text = "&C&B" + marking.upper().replace("&", "&&")
        ws.set_header(text)
        ws.set_footer(text + "&R&P / &N")
