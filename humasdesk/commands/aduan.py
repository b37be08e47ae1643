"""`humasdesk aduan [--json]`: the complaint register (no Qt, no network).

Every case, by next deadline (closed ones last): id, class, status, the deadlines of the
first response (3 days) and of completion (the class limit), counted in calendar days as
SP4N-LAPOR! does (`humasdesk.core.aduan`), and the LAPOR! tracking ID. Citizens appear by
pseudonym only. Mentions tagged *aduan* that have no case yet get one first (an activity
entry each), as the desk does.

Text: one tab-separated line per case, then the reminder counts. ``--json``: an array of
objects with English keys (`services.aduan.case_record`), times ISO 8601 with the offset.

Exit codes: 0 listed (also when empty), 2 no data folder or database.
"""

from __future__ import annotations

import argparse
import json

from humasdesk.commands.common import EXIT_OK, Deps, add_data_dir, open_data

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
    add_data_dir(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.services.aduan import CaseService, case_record
    from humasdesk.store.aduan_store import AduanStore

    with open_data(ns.data_dir) as data:
        cases = CaseService(AduanStore(data.db), data.log)
        cases.refresh()
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
