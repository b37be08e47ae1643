"""`humasdesk aduan [--json]`: the complaint register (no Qt, no network).

Every case, by next deadline (closed ones last): id, class, status, the deadlines of the
first response (3 days) and of completion (the class limit), counted in calendar days as
SP4N-LAPOR! does (`humasdesk.core.aduan`), and the LAPOR! tracking ID. Citizens appear by
pseudonym only. Mentions tagged *aduan* that have no case yet get one first (an activity
entry each), as the desk does.

Text: one tab-separated line per case, then the reminder counts. ``--json``: an array of
objects with English keys (`services.aduan.case_record`), times ISO 8601 with the offset.
``-o FILE.xlsx|FILE.csv``: the register as a signed spreadsheet (one row per case, every
clock, the LAPOR! ID; Indonesian headings) with ``FILE.sig`` beside it.

``--erase-closed-after DAYS --yes``: retention for closed cases (*selesai*, *ditolak*):
the citizen's handle and words of cases closed more than DAYS days ago are erased (the log
keeps verifying; one ``personal_data_erased`` entry says so); their clocks, class, status
and LAPOR! ID stay. Never automatic: complaints are records, erased only when asked.

Exit codes: 0 listed or written (also when empty), 1 the file could not be written, 2 no
data folder or database, or an unknown file type.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from humasdesk.commands.common import (
    EXIT_FAILURE,
    EXIT_OK,
    CommandFailed,
    Deps,
    UsageError,
    add_data_dir,
    export_signer,
    open_data,
)

NAME = "aduan"
HELP = "daftar aduan: kelas, status, batas waktu SP4N-LAPOR!, nomor LAPOR!"
DESCRIPTION = (
    "Daftar aduan kedua akun, urut batas waktu terdekat: kelas, status, batas respons "
    "pertama dan penyelesaian (hari kalender, seperti SP4N-LAPOR!), nomor LAPOR!. Warga "
    "hanya disebut dengan nama samaran."
)
TEXT_COLUMNS = ("id", "account", "pseudonym", "class", "status", "first_response_deadline",
                "completion_deadline", "reminder", "lapor_id")  # fmt: skip


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="JSON dengan kunci bahasa Inggris")
    p.add_argument(
        "-o",
        "--output",
        metavar="BERKAS",
        help="tulis daftar aduan ke BERKAS.xlsx atau BERKAS.csv (bertanda tangan)",
    )
    p.add_argument(
        "--erase-closed-after",
        type=int,
        metavar="HARI",
        help="hapus data warga aduan yang ditutup lebih dari HARI hari lalu",
    )
    p.add_argument("--yes", action="store_true", help="konfirmasi penghapusan")
    add_data_dir(p)  # fmt: skip


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.services.aduan import CaseService, case_record
    from humasdesk.store.aduan_store import AduanStore

    out = Path(ns.output) if ns.output else None
    fmt = out.suffix.lower().lstrip(".") if out else ""
    if out is not None and fmt not in ("xlsx", "csv"):
        raise UsageError(f"{out.name}: pilih berkas .xlsx atau .csv")
    days = ns.erase_closed_after
    if days is not None and (days < 1 or not ns.yes):
        raise UsageError("--erase-closed-after perlu jumlah hari (1 atau lebih) dan --yes")
    with open_data(ns.data_dir) as data:
        cases = CaseService(AduanStore(data.db), data.log)
        cases.refresh()
        if days is not None:
            done = cases.apply_retention(data.privacy, days)
            print(
                f"Data warga {done.cases} aduan selesai dihapus ({done.log_entries} entri log, "
                f"{done.inbox_rows} baris kotak masuk); jam dan nomor LAPOR! tetap."
            )
            return EXIT_OK
        if out is not None:
            return _export(cases, out, fmt, data, deps)
        handles = data.log.desk_accounts()
        rows = [case_record(r, handle=handles.get(r.case.account_id)) for r in cases.rows()]
        counts = cases.reminders()
    if ns.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("Daftar aduan kosong.")
        return EXIT_OK
    for row in rows:
        print("\t".join("-" if row[k] is None else str(row[k]) for k in TEXT_COLUMNS))
    print(f"{counts.near} aduan mendekati batas waktu, {counts.overdue} lewat batas waktu")
    return EXIT_OK


def _export(cases: Any, out: Path, fmt: str, data: Any, deps: Deps) -> int:
    from humasdesk.services.aduan import export_register
    from humasdesk.store.exports.signed import ExportFailed

    try:
        n, sig = export_register(cases, out, fmt, signer=export_signer(data.paths, deps))
    except ExportFailed as exc:
        raise CommandFailed(f"daftar aduan tidak tertulis: {exc}", EXIT_FAILURE) from None
    print(f"Daftar aduan ({n} aduan) tertulis di {out}; tanda tangan di {sig.name}")
    return EXIT_OK
