"""XLSX export with xlsxwriter in ``constant_memory`` mode (rows are streamed to disk, memory
stays flat). Sheet ``aktivitas``: the columns of `rows.COLUMNS` with types — ``seq`` a number,
``waktu`` a real date-time cell in the laptop's local time (Excel has no zones: the zone is
named in the header and on the ``keterangan`` sheet), ids and hashes as text (X ids exceed
Excel's 15 significant digits); header row bold and frozen, autofilter over all rows,
column widths set. Sheet ``keterangan``: the export's manifest (period, accounts, count,
chain head, key fingerprint). Strings are never turned into formulas or links.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import tzinfo
from typing import Any, BinaryIO

from humasdesk.core.activity import ActivityEntry
from humasdesk.store.exports.rows import COLUMNS, CitizenMasker, row_values

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
) -> int:
    """Write the workbook to `out`; return the number of entries. `info(count, first_seq,
    last_seq)` gives the key/value pairs for the ``keterangan`` sheet. `marking` (the
    security classification) is printed at the top and bottom of every printed page."""
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
            wb, entries, masker=masker, tz=tz, info=info, on_entry=on_entry, marking=marking
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
    wb.close()
    return n


def _mark_pages(ws: Any, marking: str) -> None:
    """The classification centred in the printed header and footer, as on paper records
    ("&&" is a literal ampersand in Excel's header codes)."""
    if marking:
        text = "&C&B" + marking.upper().replace("&", "&&")
        ws.set_header(text)
        ws.set_footer(text + "&R&P / &N")
