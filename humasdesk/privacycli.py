"""`humasdesk export --about @handle` and `humasdesk privacy …` (no Qt).

::

    humasdesk export --about @handle --format jsonl|csv|pdf -o FILE [--data-dir DIR]
                     [--request N] [--agency TEXT] [--unit TEXT] [--classification C]
    humasdesk privacy retention [--days N] [--apply --yes] [--data-dir DIR]
    humasdesk privacy review [--older-than-days N] [--usul FILE] [--berita-acara FILE]
    humasdesk privacy requests list | add --handle H --kind K [--received ISO] |
                               close ID (--granted | --refused) [--reason TEXT]
    humasdesk privacy breach --from DATE --to DATE [--discovered ISO] [-o FILE]
    humasdesk privacy handover -o FILE --yes [--sandbox | --sandbox-url URL]

Retention periods come from the desk's settings unless --days / --older-than-days are
given. Documents written to a FILE ending in ``.pdf`` are printed as PDF (classification on
every page), else as UTF-8 text. `handover` is in `humasdesk.handovercli`.

Exit codes: 0 done, 1 failure (nothing held, export running, keyring…), 2 bad usage.
Errors go to stderr in one Indonesian line saying what to do.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from humasdesk.exportcli import (
    _FAILURE_ID,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    _day,
    _err,
    _local_midnight,
    _parse,
    _Parser,
    _UsageError,
    document_header,
    header_args,
    text_pdf_writer,
)
from humasdesk.paths import resolve_data_dir


def about_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="humasdesk export",
        description="Laporan akses: semua data tentang satu handle dan jejak pemrosesannya.",
    )
    p.add_argument("--about", required=True, metavar="@HANDLE")
    p.add_argument("--format", required=True, choices=("jsonl", "csv", "pdf"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--request", type=int, metavar="N", help="nomor permintaan di register")
    p.add_argument("--data-dir", metavar="DIR")
    header_args(p)
    return p


@dataclass
class _Open:
    log: Any
    privacy: Any


@contextmanager
def _open(prog: str, data_dir: str | None) -> Iterator[_Open | int]:
    paths = resolve_data_dir(data_dir)
    if not paths.root.is_dir():
        _err(prog, f"galat: direktori data {paths.root} tidak ada; periksa --data-dir")
        yield EXIT_USAGE
        return
    if not paths.database.is_file():
        _err(prog, f"galat: tidak ada log aktivitas di {paths.root}; periksa --data-dir")
        yield EXIT_USAGE
        return
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import open_database
    from humasdesk.store.migrations import DatabaseTooNew
    from humasdesk.store.privacy_store import PrivacyStore

    try:
        db = open_database(paths.database)
    except DatabaseTooNew:
        _err(prog, "galat: basis data dibuat versi HumasDesk yang lebih baru; perbarui aplikasi")
        yield EXIT_FAILURE
        return
    except sqlite3.DatabaseError:
        _err(prog, f"galat: {paths.database.name} bukan basis data HumasDesk yang terbaca")
        yield EXIT_FAILURE
        return
    try:
        yield _Open(ActivityLog(db), PrivacyStore(db))
    finally:
        db.close()


def about_main(argv: Sequence[str], *, keyring_backend: Any = None) -> int:
    """`humasdesk export --about @handle …`; returns the exit code."""
    prog = "humasdesk export"
    ns = _parse(about_parser(), argv)
    if isinstance(ns, int):
        return ns
    from humasdesk.core.privacy import InvalidHandle, PrivacyError
    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.services.access_report import AccessReportFailed, make_access_report
    from humasdesk.services.export import ExportFailed
    from humasdesk.services.privacy import NothingHeld
    from humasdesk.settings import Settings
    from humasdesk.store.exports import format_fingerprint

    try:
        from humasdesk.core.privacy import normalize_handle

        handle = normalize_handle(ns.about)
    except InvalidHandle as exc:
        _err(prog, f"galat: --about {ns.about!r}: {exc}")
        return EXIT_USAGE
    out = Path(ns.output).expanduser()
    paths = resolve_data_dir(ns.data_dir)
    pdf_writer = None
    if ns.format == "pdf":
        pdf_writer = text_pdf_writer("Laporan akses data pribadi", ns.classification)
        if pdf_writer is None:
            _err(prog, "galat: laporan PDF belum tersedia di versi ini; gunakan jsonl atau csv")
            return EXIT_FAILURE
    with _open(prog, ns.data_dir) as opened:
        if isinstance(opened, int):
            return opened
        signer = ExportSigner(
            backend=keyring_backend, public_key_path=paths.root / PUBLIC_KEY_FILENAME
        )
        header = document_header(ns, Settings.load(paths.settings))
        try:
            result = make_access_report(
                opened.log,
                opened.privacy,
                handle,
                ns.format,
                out,
                signer=signer,
                header=header,
                request_id=ns.request,
                pdf_writer=pdf_writer,
            )
        except NothingHeld:
            _err(
                prog,
                f"galat: tidak ada data tentang @{handle} di desk ini; tidak ada berkas dibuat",
            )
            return EXIT_FAILURE
        except ExportFailed as exc:
            template = _FAILURE_ID.get(str(exc.reason), "{detail}")
            _err(prog, "galat: " + template.format(file=out.name, detail=exc))
            return EXIT_FAILURE
        except (AccessReportFailed, PrivacyError) as exc:
            _err(prog, f"galat: {exc}")
            return EXIT_FAILURE
    fp = format_fingerprint(result.fingerprint, groups=4)
    print(
        f"Laporan akses selesai: {result.path.name} — {result.records} catatan tentang "
        f"@{handle}, tanda tangan {result.sig_path.name}. Kunci: {fp}"
    )
    return EXIT_OK


# -- humasdesk privacy ------------------------------------------------------------------------


def privacy_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="humasdesk privacy",
        description="Data warga dan arsip: retensi, register "
        "permintaan, usul musnah, kebocoran data.",
    )
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)

    r = sub.add_parser("retention", help="hapus mention tak dibalas yang melewati masa retensi")
    r.add_argument("--days", type=int, help="masa retensi (hari); bawaan 365")
    r.add_argument("--apply", action="store_true", help="jalankan penghapusan")
    r.add_argument("--yes", action="store_true", help="konfirmasi penghapusan")
    r.add_argument("--data-dir", metavar="DIR")

    v = sub.add_parser("review", help="daftar arsip usul musnah dan konsep berita acara")
    v.add_argument("--older-than-days", type=int, help="umur arsip (hari); bawaan 730")
    v.add_argument("--usul", metavar="FILE", help="tulis daftar usul musnah ke FILE")
    v.add_argument("--berita-acara", metavar="FILE", help="tulis konsep berita acara ke FILE")
    v.add_argument("--data-dir", metavar="DIR")
    header_args(v)

    q = sub.add_parser("requests", help="register permintaan subjek data")
    qs = q.add_subparsers(dest="action", required=True, parser_class=_Parser)
    ql = qs.add_parser("list")
    ql.add_argument("--data-dir", metavar="DIR")
    qa = qs.add_parser("add")
    qa.add_argument("--handle", required=True, metavar="@HANDLE")
    qa.add_argument(
        "--kind", required=True, choices=("access", "correction", "restriction", "erasure")
    )
    qa.add_argument("--received", metavar="ISO", help="waktu diterima (bawaan: sekarang)")
    qa.add_argument("--data-dir", metavar="DIR")
    qc = qs.add_parser("close")
    qc.add_argument("id", type=int)
    g = qc.add_mutually_exclusive_group(required=True)
    g.add_argument("--granted", action="store_true")
    g.add_argument("--refused", action="store_true")
    qc.add_argument("--reason", default="", metavar="TEKS")
    qc.add_argument("--data-dir", metavar="DIR")

    b = sub.add_parser("breach", help="daftar handle terdampak dan konsep pemberitahuan")
    b.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    b.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    b.add_argument("--discovered", metavar="ISO", help="waktu diketahui (bawaan: sekarang)")
    b.add_argument("-o", "--output", metavar="FILE", help="tulis konsep pemberitahuan ke FILE")
    b.add_argument("--data-dir", metavar="DIR")
    header_args(b)

    from humasdesk.handovercli import add_parser as add_handover

    add_handover(sub)
    return p


def _aware(value: str, flag: str) -> datetime:
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        raise _UsageError(f"{flag} {value!r} bukan waktu ISO (YYYY-MM-DDTHH:MM)") from None
    return t if t.utcoffset() is not None else t.astimezone()


def _write_text(path: str, text: str, *, title: str, marking: str) -> None:
    """A document as UTF-8 text, or as PDF when `path` ends in ``.pdf``."""
    out = Path(path).expanduser()
    writer = text_pdf_writer(title, marking) if out.suffix.lower() == ".pdf" else None
    if writer is not None:
        writer(text, out)
    else:
        out.write_text(text, encoding="utf-8")


def privacy_main(
    argv: Sequence[str],
    *,
    clock: Callable[[], datetime] | None = None,
    keyring_backend: Any = None,
) -> int:
    """`humasdesk privacy …`; returns the exit code. `keyring_backend` is for tests."""
    prog = "humasdesk privacy"
    ns = _parse(privacy_parser(), argv)
    if isinstance(ns, int):
        return ns
    now = (clock or (lambda: datetime.now(UTC)))()
    from humasdesk.core.privacy import InvalidRetention, PrivacyError, RetentionPolicy
    from humasdesk.settings import Settings

    if ns.cmd == "handover":
        from humasdesk.handovercli import handover_main

        if not ns.yes:  # only says what would happen: no database needed
            return handover_main(ns, None, now)
        with _open("humasdesk privacy handover", ns.data_dir) as o:
            if isinstance(o, int):
                return o
            return handover_main(ns, o, now, keyring_backend=keyring_backend, clock=clock)

    saved = Settings.load(resolve_data_dir(ns.data_dir).settings)
    try:
        flags = {
            "unanswered_mention_days": getattr(ns, "days", None),
            "record_review_days": getattr(ns, "older_than_days", None),
        }
        policy = replace(
            RetentionPolicy.from_settings(saved),
            **{k: v for k, v in flags.items() if v is not None},
        )
        if ns.cmd == "retention" and ns.apply and not ns.yes:
            raise _UsageError("penghapusan perlu konfirmasi: tambahkan --yes")
        received = discovered = start = end = None
        if ns.cmd == "requests" and ns.action == "add" and ns.received:
            received = _aware(ns.received, "--received")
        if ns.cmd == "requests" and ns.action == "close" and ns.refused and not ns.reason:
            raise _UsageError("penolakan perlu --reason (mis. kewajiban arsip UU 43/2009)")
        if ns.cmd == "breach":
            d_from, d_to = _day(ns.date_from, "--from"), _day(ns.date_to, "--to")
            if d_from > d_to:
                raise _UsageError(f"--from {d_from} jatuh setelah --to {d_to}; tukar tanggalnya")
            start, end = _local_midnight(d_from), _local_midnight(d_to + timedelta(days=1))
            if ns.discovered:
                discovered = _aware(ns.discovered, "--discovered")
    except InvalidRetention as exc:
        _err(prog, f"galat: {exc}")
        return EXIT_USAGE
    except _UsageError as exc:
        _err(prog, f"galat: {exc}")
        return EXIT_USAGE

    from humasdesk.services import privacy as svc

    with _open(prog, ns.data_dir) as o:
        if isinstance(o, int):
            return o
        try:
            if ns.cmd == "retention":
                if not ns.apply:
                    pv = svc.preview_retention(o.privacy, policy, now)
                    print(
                        f"Retensi {policy.unanswered_mention_days} hari: {pv.mentions} mention "
                        f"tak dibalas akan dihapus ({pv.entries} entri log, {pv.mention_rows} "
                        "baris kotak masuk). Jalankan dengan --apply --yes."
                    )
                else:
                    rep = svc.apply_retention(
                        o.log, o.privacy, policy, now, trigger="manual", confirmed=True
                    )
                    print(
                        f"Dihapus: {rep.count} entri log dan {rep.mention_rows} baris kotak "
                        "masuk; tercatat di log aktivitas."
                    )
            elif ns.cmd == "review":
                items = svc.disposal_review(o.log, o.privacy, now, policy=policy)
                header = document_header(ns, saved)
                docs = svc.disposal_documents(
                    o.log, items, header, now, retention_days=policy.record_review_days
                )
                if ns.usul:
                    _write_text(
                        ns.usul,
                        docs.proposal,
                        title="Daftar arsip usul musnah",
                        marking=ns.classification,
                    )
                if ns.berita_acara:
                    _write_text(
                        ns.berita_acara,
                        docs.destruction_report,
                        title="Konsep berita acara pemusnahan arsip",
                        marking=ns.classification,
                    )
                if not ns.usul and not ns.berita_acara:
                    print(docs.proposal, end="")
                print(f"{len(items)} arsip jatuh tempo untuk dinilai (tidak ada yang dihapus).")
            elif ns.cmd == "requests":
                return _requests(ns, o, now, received)
            else:
                assert start is not None and end is not None
                kit = svc.breach_kit(
                    o.log,
                    o.privacy,
                    start,
                    end,
                    now,
                    discovered_at=discovered,
                    header=document_header(ns, saved),
                )
                if ns.output:
                    _write_text(
                        ns.output,
                        kit.notification_text,
                        title="Konsep pemberitahuan kegagalan pelindungan data pribadi",
                        marking=ns.classification,
                    )
                for h in kit.handles:
                    print(h)
                print(
                    f"{len(kit.handles)} handle terdampak, {kit.entries} catatan. Batas "
                    f"pemberitahuan: {kit.deadline.astimezone():%Y-%m-%d %H:%M %Z} "
                    f"({kit.time_left})."
                )
        except OSError as exc:
            _err(prog, f"galat: gagal menulis berkas ({exc.strerror or exc}); pilih lokasi lain")
            return EXIT_FAILURE
        except PrivacyError as exc:
            _err(prog, f"galat: {exc}")
            return EXIT_USAGE if exc.code in _USAGE_CODES else EXIT_FAILURE
    return EXIT_OK


_USAGE_CODES = frozenset({"invalid_handle", "invalid_request", "invalid_period"})


def _requests(ns: argparse.Namespace, o: _Open, now: datetime, received: datetime | None) -> int:
    from humasdesk.core.privacy import REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS
    from humasdesk.services import privacy as svc

    if ns.action == "list":
        reqs = o.privacy.requests()
        for q in reqs:
            deadline = (
                "tanpa batas UU"
                if q.deadline is None
                else f"{q.deadline.astimezone():%Y-%m-%d %H:%M}"
            )
            print(
                f"{q.id}\t@{q.handle}\t{REQUEST_KIND_LABELS[q.kind]}\t"
                f"{REQUEST_STATUS_LABELS[q.status]}\tbatas {deadline}\t{q.reason or ''}"
            )
        if not reqs:
            print("Register permintaan kosong.")
        return EXIT_OK
    if ns.action == "add":
        q = svc.register_request(o.log, o.privacy, ns.handle, ns.kind, received or now)
        if q.deadline is None:
            print(
                f"Permintaan nomor {q.id} dicatat; UU 27/2022 tidak menetapkan batas waktu "
                "untuk penghapusan: ikuti target layanan instansi."
            )
        else:
            print(
                f"Permintaan nomor {q.id} dicatat; batas jawab "
                f"{q.deadline.astimezone():%Y-%m-%d %H:%M %Z} (3 x 24 jam)."
            )
        return EXIT_OK
    outcome = "granted" if ns.granted else "refused"
    q = svc.close_request(o.log, o.privacy, ns.id, outcome, ns.reason, now)
    print(f"Permintaan nomor {q.id} ditutup: {REQUEST_STATUS_LABELS[q.status]}.")
    return EXIT_OK


__all__ = ["about_main", "about_parser", "privacy_main", "privacy_parser"]
