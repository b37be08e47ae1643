"""The complaint register as a spreadsheet (issue 17): one row per case with every clock and
the LAPOR! tracking ID, Indonesian headings, citizens by pseudonym only. CSV (UTF-8 with
BOM, comma-separated, what Excel opens) or XLSX (sheet ``aduan`` and a ``keterangan`` sheet
with the definitions). Rows come from `services.aduan.case_record`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, BinaryIO

from humasdesk.store.exports.rows import defuse_formula

#: (record key, heading) in column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "no_aduan"),
    ("account", "akun"),
    ("handle", "akun_x"),
    ("pseudonym", "warga"),
    ("class", "kelas"),
    ("limit_days", "batas_hari"),
    ("status", "status"),
    ("reject_reason", "alasan_penolakan"),
    ("received_at", "diterima"),
    ("first_response_deadline", "batas_respons_pertama"),
    ("first_response_at", "respons_pertama"),
    ("first_response_days", "hari_respons_pertama"),
    ("first_response_state", "status_respons_pertama"),
    ("completion_deadline", "batas_penyelesaian"),
    ("closed_at", "ditutup"),
    ("completion_days", "hari_penyelesaian"),
    ("completion_state", "status_penyelesaian"),
    ("reminder", "pengingat"),
    ("lapor_id", "nomor_lapor"),
    ("lapor_url", "tautan_lapor"),
    ("forwarded_at", "diteruskan_ke_lapor"),
    ("mention_id", "id_mention"),
    ("post_ids", "id_balasan"),
    ("mention_deleted", "mention_dihapus_warga"),
    ("citizen_data_erased", "data_warga_dihapus"),
)
_WORDS = {
    "office": "kantor", "personal": "pribadi",
    "information_request": "permintaan informasi", "complaint": "pengaduan",
    "dispute": "sengketa", "field_check": "perlu pemeriksaan lapangan",
    "received": "diterima", "replied": "dibalas", "forwarded": "diteruskan ke LAPOR!",
    "in_progress": "ditindaklanjuti", "closed": "selesai", "rejected": "ditolak",
    "running": "berjalan", "near": "mendekati batas", "overdue": "lewat batas",
    "met": "tepat waktu", "missed": "terlambat",
}  # fmt: skip
_TRANSLATED = {"account", "class", "status", "first_response_state", "completion_state",
               "reminder"}  # fmt: skip


def cell(key: str, value: Any) -> str:
    """A record's value as the spreadsheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if key in _TRANSLATED:
        return _WORDS.get(str(value), str(value))
    if key == "handle":
        return "@" + str(value)
    return defuse_formula(str(value))


def write_register_csv(out: BinaryIO, records: Iterable[Mapping[str, Any]]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow([h for _, h in COLUMNS])
    n = 0
    for r in records:
        writer.writerow([cell(k, r.get(k)) for k, _ in COLUMNS])
        n += 1
    text.flush()
    text.detach()
    return n


def write_register_xlsx(
    out: BinaryIO, records: Sequence[Mapping[str, Any]], info: Mapping[str, Any]
) -> int:
    import xlsxwriter  # deferred: only exports need it

    wb = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False, "in_memory": True})  # fmt: skip
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
    ws = wb.add_worksheet("aduan")
    for i, (_, heading) in enumerate(COLUMNS):
        ws.write_string(0, i, heading, head)
        ws.set_column(i, i, max(12, len(heading) + 2))
    ws.freeze_panes(1, 0)
    for r, record in enumerate(records, start=1):
        for i, (key, _) in enumerate(COLUMNS):
            value = record.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                ws.write_number(r, i, value)
            elif value is not None:
                ws.write_string(r, i, cell(key, value))
    ws.autofilter(0, 0, max(len(records), 1), len(COLUMNS) - 1)
    ks = wb.add_worksheet("keterangan")
    ks.set_column(0, 0, 26)
    ks.set_column(1, 1, 90)
    for r, (key, value) in enumerate(info.items()):
        ks.write_string(r, 0, str(key), head)
        ks.write_string(r, 1, "" if value is None else str(value))
    wb.close()
    return len(records)
