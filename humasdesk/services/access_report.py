"""Access report for one person (UU 27/2022 hak akses): everything the desk holds about a
citizen's handle and the processing trail, without other people's data (no Qt).

What it holds
=============
* ``data_warga`` — log entries that still carry this handle as the citizen (mentions
  received, and the requests register's own entries), with the handle and text as stored;
* ``kotak_masuk`` — inbox rows authored by this handle (state, "aduan", first reply);
* ``permintaan`` — the requests register rows for this handle;
* ``jejak`` — what the desk did with it: handled, tagged, ignored, the office's replies to
  it, the supervisor exports that included it (with whether citizen data was masked), and
  erasures of its entries.

Other citizens never appear: only entries found by this handle, and entries about those
same posts, are read; any other ``@handle`` inside a text (the subject's own words or a
reply) is replaced by ``@[pengguna lain]`` — the desk's own account handles stay.

Files: JSON Lines (a manifest line, then one ``record`` line each) or CSV (info rows, then
one row each; spreadsheet formulas defused), written atomically and signed like the
supervisor exports (`humasdesk.store.exports.signed.write_signed`), so ``humasdesk verify
FILE`` checks them. PDF: the caller passes `pdf_writer(text, path)` that lays out
`access_report_text(...)` (the GUI's Qt writer); without it ``pdf`` is refused.
The report is made under an export lease (no erasure meanwhile) and recorded in the chain
as ``access_report_made`` with the handle as an erasable personal field.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from humasdesk import __version__
from humasdesk.core.activity import ActivityEntry, format_ts
from humasdesk.core.privacy import (
    ACTION_ACCESS_REPORT,
    REQUEST_KIND_LABELS,
    REQUEST_STATUS_LABELS,
    DocumentHeader,
    PrivacyError,
    normalize_handle,
    tanggal_jam,
)
from humasdesk.services.privacy import NothingHeld
from humasdesk.store.activity_log import ActivityLog, LogFilter
from humasdesk.store.exports.rows import Selection, defuse_formula
from humasdesk.store.exports.signed import SignedBody, Signer, write_signed
from humasdesk.store.privacy_store import EXPORT, PrivacyStore

logger = logging.getLogger(__name__)

FORMAT_NAME = "humasdesk-access-report"
FORMAT_VERSION = 1
FORMATS = ("jsonl", "csv", "pdf")
OTHER_HANDLE = "@[pengguna lain]"

COLUMNS = (
    "jenis",
    "seq",
    "waktu",
    "akun",
    "aksi",
    "id_kiriman",
    "membalas",
    "warga",
    "teks_warga",
    "teks",
    "keterangan",
    "hash",
)

PdfTextWriter = Callable[[str, Path], None]


class AccessReportFailed(PrivacyError):
    code = "access_report_failed"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, f"access_report_{reason}")
        self.reason = reason


@dataclass(frozen=True)
class AccessRecord:
    kind: str  # data_warga | kotak_masuk | permintaan | jejak
    seq: int | None
    ts: datetime | None
    slot: str | None
    action: str
    x_post_id: str | None = None
    in_reply_to: str | None = None
    citizen_handle: str | None = None
    citizen_text: str | None = None
    own_text: str | None = None
    note: str = ""
    hash: str | None = None

    def __repr__(self) -> str:
        return f"AccessRecord(kind={self.kind!r}, seq={self.seq!r}, action={self.action!r})"


@dataclass(frozen=True)
class AccessReport:
    handle: str  # normalised, without "@"
    generated_at: datetime
    records: tuple[AccessRecord, ...]
    log_head_seq: int
    log_head_hash: str

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.records:
            out[r.kind] = out.get(r.kind, 0) + 1
        return out

    def __repr__(self) -> str:
        return f"AccessReport(records={len(self.records)})"


@dataclass(frozen=True)
class AccessReportResult:
    path: Path
    sig_path: Path
    records: int
    sha256: str
    fingerprint: str
    manifest: Mapping[str, Any] = field(default_factory=dict)


_AT = re.compile(r"(?<![\w@])@(\w{1,50})")


def _scrub(text: str | None, keep: set[str]) -> str | None:
    """Other people's @handles replaced; `keep` holds casefolded handles to leave."""
    if not text:
        return text
    return _AT.sub(lambda m: m.group(0) if m.group(1).casefold() in keep else OTHER_HANDLE, text)


_TRAIL_ACTIONS = frozenset(
    {
        "mention_handled",
        "mention_tagged",
        "mention_ignored",
        "reply_sent",
        "export_made",
        "personal_data_erased",
    }
)
_TRAIL_NOTES = {
    "mention_handled": "mention ditangani",
    "mention_ignored": "mention diabaikan",
    "reply_sent": "dibalas oleh akun",
}


def _covers(ranges: Any, seqs: set[int]) -> bool:
    try:
        return any(lo <= s <= hi for lo, hi in ranges for s in seqs)
    except (TypeError, ValueError):
        return False


def _included_in_export(details: Mapping[str, Any], entries: Iterable[ActivityEntry]) -> bool:
    try:
        sel = Selection(
            slots=frozenset(details.get("accounts") or ()),
            include_personal=bool(details.get("include_personal")),
            start=None if not details.get("period_from") else _ts(details["period_from"]),
            end=None if not details.get("period_to") else _ts(details["period_to"]),
            max_seq=int(details.get("log_head_seq") or 0),
        )
    except (TypeError, ValueError):
        return False
    return any(sel.accepts(e) for e in entries)


def _ts(value: str) -> datetime:
    from humasdesk.core.activity import parse_ts

    return parse_ts(value)


def collect_access_report(
    log: ActivityLog, privacy: PrivacyStore, handle: str, now: datetime
) -> AccessReport:
    """Everything held about `handle` (see the module docstring). Raises `InvalidHandle`
    or `NothingHeld` (nothing about this handle is stored)."""
    norm = normalize_handle(handle)
    if norm in {h.casefold() for h in log.desk_accounts().values() if h}:
        # The desk's own account is not a data subject of this desk.
        raise AccessReportFailed(
            "own_account",
            f"@{norm} adalah akun desk ini sendiri, bukan warga: tidak ada laporan akses untuknya",
        )
    head = log.head()
    held: list[ActivityEntry] = []
    for s in privacy.personal_seqs_for_handle(norm):
        e = log.get(s)
        if e is not None and e.seq <= head.seq:
            held.append(e)
    rows = privacy.mention_rows_for_handle(norm)
    requests = privacy.requests(handle=norm)
    if not held and not rows and not requests:
        raise NothingHeld(norm)

    keep = {norm}
    held_seqs = {e.seq for e in held}
    mention_ids = {e.x_post_id for e in held if e.x_post_id} | {r.x_post_id for r in rows}
    trail: list[AccessRecord] = []
    for e in log.iter_entries(LogFilter(end=None, actions=_TRAIL_ACTIONS)):
        if e.seq > head.seq:
            break
        if e.handle:
            keep.add(e.handle.casefold())
        a = str(e.action)
        slot = None if e.slot is None else str(e.slot)
        if a == "reply_sent" and e.in_reply_to in mention_ids:
            trail.append(
                AccessRecord(
                    "jejak",
                    e.seq,
                    e.ts,
                    slot,
                    a,
                    e.x_post_id,
                    e.in_reply_to,
                    own_text=e.text,
                    note=_TRAIL_NOTES[a],
                    hash=e.hash,
                )
            )
        elif a in ("mention_handled", "mention_ignored", "mention_tagged") and (
            e.x_post_id in mention_ids
        ):
            note = _TRAIL_NOTES.get(a, "")
            if a == "mention_tagged":
                note = "tanda aduan dicabut" if e.details.get("removed") else "ditandai aduan"
            trail.append(
                AccessRecord("jejak", e.seq, e.ts, slot, a, e.x_post_id, note=note, hash=e.hash)
            )
        elif a == "export_made" and held and _included_in_export(e.details, held):
            mode = "lengkap" if e.details.get("citizen_data") == "full" else "disamarkan"
            trail.append(
                AccessRecord(
                    "jejak",
                    e.seq,
                    e.ts,
                    slot,
                    a,
                    note=f"termasuk dalam ekspor {e.details.get('file', '')} "
                    f"({e.details.get('format', '')}; data warga {mode})",
                    hash=e.hash,
                )
            )
        elif a == "personal_data_erased" and _covers(e.details.get("seq_ranges"), held_seqs):
            trail.append(
                AccessRecord(
                    "jejak",
                    e.seq,
                    e.ts,
                    slot,
                    a,
                    note=f"penghapusan: {e.details.get('reason', '')}",
                    hash=e.hash,
                )
            )

    records: list[AccessRecord] = []
    for e in held:
        if e.handle:
            keep.add(e.handle.casefold())
    for e in held:
        a = str(e.action)
        records.append(
            AccessRecord(
                "data_warga" if a == "mention_received" else "jejak",
                e.seq,
                e.ts,
                None if e.slot is None else str(e.slot),
                a,
                e.x_post_id,
                e.in_reply_to,
                citizen_handle=e.citizen_handle,
                citizen_text=_scrub(e.citizen_text, keep),
                own_text=_scrub(e.text, keep),
                note=_note_for_held(e),
                hash=e.hash,
            )
        )
    for r in rows:
        state = r.state + (", aduan" if r.is_complaint else "")
        if r.first_reply_at is not None:
            state += f", dibalas pertama {format_ts(r.first_reply_at)}"
        records.append(
            AccessRecord(
                "kotak_masuk",
                None,
                r.created_at or r.received_at,
                r.slot,
                "kotak_masuk",
                r.x_post_id,
                citizen_handle=r.author_username,
                citizen_text=_scrub(r.text, keep),
                note=f"status: {state}; nama tampilan: {r.author_name or '-'}",
            )
        )
    for q in requests:
        note = (
            f"permintaan {REQUEST_KIND_LABELS[q.kind]} nomor {q.id}, "
            f"status {REQUEST_STATUS_LABELS[q.status]}"
            + (f", batas {format_ts(q.deadline)}" if q.deadline else "")
            + (f", alasan: {q.reason}" if q.reason else "")
        )
        records.append(
            AccessRecord(
                "permintaan",
                None,
                q.received_at,
                None,
                f"permintaan_{q.kind.value}",
                citizen_handle=q.handle,
                note=note,
            )
        )
    for t in trail:
        records.append(
            AccessRecord(
                t.kind,
                t.seq,
                t.ts,
                t.slot,
                t.action,
                t.x_post_id,
                t.in_reply_to,
                own_text=_scrub(t.own_text, keep),
                note=t.note,
                hash=t.hash,
            )
        )
    order = {"data_warga": 0, "jejak": 0, "kotak_masuk": 1, "permintaan": 2}
    records.sort(key=lambda r: (order[r.kind], r.seq or 0, r.ts or now))
    return AccessReport(norm, now, tuple(records), head.seq, head.hash)


def _note_for_held(e: ActivityEntry) -> str:
    a = str(e.action)
    if a == "mention_received":
        return "mention diterima"
    if a.startswith("data_request_"):
        return f"register permintaan: {a}"
    if a == ACTION_ACCESS_REPORT:
        return "laporan akses dibuat"
    return a


def _local(ts: datetime | None, tz: tzinfo | None) -> str:
    if ts is None:
        return ""
    return (ts.astimezone(tz) if tz is not None else ts.astimezone()).isoformat(timespec="seconds")


def _record_dict(r: AccessRecord, tz: tzinfo | None) -> dict[str, Any]:
    return {
        "jenis": r.kind,
        "seq": r.seq,
        "waktu": _local(r.ts, tz),
        "akun": r.slot,
        "aksi": r.action,
        "id_kiriman": r.x_post_id,
        "membalas": r.in_reply_to,
        "warga": r.citizen_handle,
        "teks_warga": r.citizen_text,
        "teks": r.own_text,
        "keterangan": r.note,
        "hash": r.hash,
    }


def _manifest(
    report: AccessReport, fmt: str, header: DocumentHeader, fingerprint: str
) -> dict[str, Any]:
    return {
        "format": f"access_report_{fmt}",
        "report": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "subject": "@" + report.handle,
        "agency": header.agency,
        "unit": header.unit,
        "classification": header.classification,
        "entries": len(report.records),
        "counts": report.counts,
        "generated_at": format_ts(report.generated_at),
        "log_head_seq": report.log_head_seq,
        "log_head_hash": report.log_head_hash,
        "signing_key_fingerprint": fingerprint,
        "app_version": __version__,
    }


def access_report_text(
    report: AccessReport, header: DocumentHeader, *, tz: tzinfo | None = None
) -> str:
    """The report as plain Indonesian text (what a PDF writer lays out)."""
    lines = [
        "LAPORAN AKSES DATA PRIBADI",
        *header.lines(),
        f"Subjek data   : @{report.handle}",
        f"Dibuat        : {tanggal_jam(report.generated_at, tz)}",
        f"Kepala log    : seq {report.log_head_seq}, hash {report.log_head_hash[:16]}…",
        "",
    ]
    titles = {
        "data_warga": "Data yang disimpan dan jejak pemrosesan",
        "jejak": "Data yang disimpan dan jejak pemrosesan",
        "kotak_masuk": "Kotak masuk",
        "permintaan": "Register permintaan",
    }
    current = None
    for r in report.records:
        title = titles[r.kind]
        if title != current:
            lines += ["", title.upper()]
            current = title
        head = f"- {_local(r.ts, tz)} {r.action}"
        if r.seq is not None:
            head += f" (seq {r.seq})"
        lines.append(head)
        for label, value in (
            ("id kiriman", r.x_post_id),
            ("membalas", r.in_reply_to),
            ("handle", r.citizen_handle),
            ("teks warga", r.citizen_text),
            ("teks akun", r.own_text),
            ("keterangan", r.note),
        ):
            if value:
                lines.append(f"    {label}: {value}")
    return "\n".join(lines) + "\n"


def _csv_bytes(report: AccessReport, header: DocumentHeader, tz: tzinfo | None) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    info = [
        f"Laporan akses data pribadi untuk @{report.handle}",
        f"Instansi: {header.agency}",
        f"Unit kerja: {header.unit}",
        f"Klasifikasi: {header.classification}",
        f"Dibuat: {_local(report.generated_at, tz)}; kepala log seq {report.log_head_seq}",
    ]
    for text in info:
        w.writerow(["info", "", "", "", "", "", "", "", "", "", defuse_formula(text), ""])
    for r in report.records:
        d = _record_dict(r, tz)
        w.writerow(["" if d[c] is None else defuse_formula(str(d[c])) for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _jsonl_bytes(report: AccessReport, manifest: Mapping[str, Any], tz: tzinfo | None) -> bytes:
    def dumps(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    out = [dumps({"type": "manifest", **manifest})]
    out += [dumps({"type": "record", **_record_dict(r, tz)}) for r in report.records]
    return ("\n".join(out) + "\n").encode("utf-8")


def write_access_report(
    report: AccessReport,
    fmt: str,
    out_path: str | os.PathLike[str],
    *,
    signer: Signer,
    header: DocumentHeader | None = None,
    tz: tzinfo | None = None,
    pdf_writer: PdfTextWriter | None = None,
) -> AccessReportResult:
    """Write `report` as ``jsonl``, ``csv`` or ``pdf`` with its signature file (atomic:
    both land or neither). Raises `AccessReportFailed` or `ExportFailed`."""
    header = header or DocumentHeader()
    fmt = str(fmt).lower()
    if fmt not in FORMATS:
        raise AccessReportFailed("unknown_format", f"format {fmt!r} tidak dikenal")
    if fmt == "pdf" and pdf_writer is None:
        raise AccessReportFailed(
            "no_pdf_writer", "laporan akses PDF belum tersedia; gunakan format jsonl atau csv"
        )

    def write_body(body: SignedBody) -> dict[str, Any]:
        manifest = _manifest(report, fmt, header, body.fingerprint)
        if body.key_kind == "session":
            manifest["signing_key_kind"] = "session"  # no keyring: a key for this session
        if fmt == "jsonl":
            body.file.write(_jsonl_bytes(report, manifest, tz))
        elif fmt == "csv":
            body.file.write(_csv_bytes(report, header, tz))
        else:
            assert pdf_writer is not None
            text = access_report_text(report, header, tz=tz)
            body.write_by_path(lambda path: pdf_writer(text, path))
        return manifest

    signed = write_signed(out_path, write_body, signer=signer, created_at=report.generated_at)
    return AccessReportResult(
        signed.path,
        signed.sig_path,
        len(report.records),
        signed.sha256,
        signed.fingerprint,
        signed.manifest,
    )


def _check_request(privacy: PrivacyStore, request_id: int, handle: str) -> None:
    """The register's request this report answers: an access request from this person."""
    from humasdesk.core.privacy import RequestKind
    from humasdesk.services.privacy import InvalidRequest, request_of_kind

    req = request_of_kind(privacy, request_id, RequestKind.ACCESS)
    if req.handle != handle:
        raise InvalidRequest(
            f"permintaan nomor {request_id} diajukan oleh orang lain",
            "other_persons_request",
            request=request_id,
        )


def make_access_report(
    log: ActivityLog,
    privacy: PrivacyStore,
    handle: str,
    fmt: str,
    out_path: str | os.PathLike[str],
    *,
    signer: Signer,
    header: DocumentHeader | None = None,
    clock: Callable[[], datetime] | None = None,
    tz: tzinfo | None = None,
    pdf_writer: PdfTextWriter | None = None,
    request_id: int | None = None,
) -> AccessReportResult:
    """Collect, write and sign the report under an export lease, then record it in the
    chain (``access_report_made``, the handle as an erasable personal field)."""
    now = (clock or (lambda: datetime.now(UTC)))()
    if request_id is not None:
        _check_request(privacy, request_id, normalize_handle(handle))
    with privacy.lease(EXPORT, "laporan akses", now):
        report = collect_access_report(log, privacy, handle, now)
        result = write_access_report(
            report, fmt, out_path, signer=signer, header=header, tz=tz, pdf_writer=pdf_writer
        )
    log.append(
        ACTION_ACCESS_REPORT,
        citizen_handle=report.handle,
        details={
            "format": str(fmt).lower(),
            "records": result.records,
            # No file name: the official may have named the file after the person, and the
            # chain's details can never be erased. The digest identifies the file.
            "sha256": result.sha256,
            "fingerprint": result.fingerprint,
            "request_id": request_id,
        },
    )
    logger.info("access report made: %s, %d records", fmt, result.records)
    return result


__all__ = [
    "COLUMNS",
    "FORMATS",
    "AccessRecord",
    "AccessReport",
    "AccessReportFailed",
    "AccessReportResult",
    "access_report_text",
    "collect_access_report",
    "make_access_report",
    "write_access_report",
]
