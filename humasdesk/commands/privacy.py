"""`humasdesk privacy …`: citizens' data and records (no Qt unless a document goes to PDF).

::

    humasdesk privacy retention [--days N] [--apply --yes] [--data-dir DIR]
    humasdesk privacy review [--older-than-days N] [--usul FILE] [--berita-acara FILE]
    humasdesk privacy requests list | add --handle H --kind K [--received ISO] |
                               close ID (--granted | --refused) [--reason TEXT]
    humasdesk privacy breach --from DATE --to DATE [--discovered ISO] [-o FILE]
    humasdesk privacy handover …   (`humasdesk.commands.handover`)

Retention periods come from the desk's settings unless --days / --older-than-days are
given. Documents written to a FILE ending in ``.pdf`` are printed as PDF (classification on
every page), else as UTF-8 text.

Exit codes: 0 done, 1 failure, 2 bad usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from humasdesk.commands.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    Deps,
    OpenedData,
    Parser,
    UsageError,
    add_data_dir,
    add_header,
    add_period,
    aware_time,
    document_header,
    open_data,
    period,
)
from humasdesk.paths import resolve_data_dir

NAME = "privacy"
HELP = "data warga dan arsip: retensi, penilaian arsip, permintaan, kebocoran, serah terima"
DESCRIPTION = (
    "Data warga dan arsip: retensi, register permintaan, usul musnah, kebocoran data, serah "
    "terima jabatan."
)
#: Privacy error codes that mean the words were wrong, not that the work failed.
USAGE_CODES = frozenset({"invalid_handle", "invalid_request", "invalid_period"})


def add_arguments(p: argparse.ArgumentParser) -> Any:
    """The subcommands of ``privacy``; returns their subparsers (handover joins them)."""
    psub = p.add_subparsers(dest="cmd", required=True, metavar="PERINTAH", parser_class=Parser)

    r = psub.add_parser("retention", help="hapus mention tak dibalas yang melewati masa retensi")
    r.add_argument("--days", type=int, help="masa retensi (hari); bawaan 365")
    r.add_argument("--apply", action="store_true", help="jalankan penghapusan")
    r.add_argument("--yes", action="store_true", help="konfirmasi penghapusan")
    add_data_dir(r)
    r.set_defaults(run=_run(_retention))

    v = psub.add_parser("review", help="daftar arsip usul musnah dan konsep berita acara")
    v.add_argument("--older-than-days", type=int, help="umur arsip (hari); bawaan 730")
    v.add_argument("--usul", metavar="FILE", help="tulis daftar usul musnah ke FILE")
    v.add_argument("--berita-acara", metavar="FILE", help="tulis konsep berita acara ke FILE")
    add_data_dir(v)
    add_header(v)
    v.set_defaults(run=_run(_review))

    q = psub.add_parser("requests", help="register permintaan subjek data")
    qs = q.add_subparsers(dest="action", required=True, parser_class=Parser)
    ql = qs.add_parser("list")
    add_data_dir(ql)
    ql.set_defaults(run=_run(_requests_list))
    qa = qs.add_parser("add")
    qa.add_argument("--handle", required=True, metavar="@HANDLE")
    qa.add_argument(
        "--kind", required=True, choices=("access", "correction", "restriction", "erasure")
    )
    qa.add_argument("--received", metavar="ISO", help="waktu diterima (bawaan: sekarang)")
    add_data_dir(qa)
    qa.set_defaults(run=_run(_requests_add))
    qc = qs.add_parser("close")
    qc.add_argument("id", type=int)
    g = qc.add_mutually_exclusive_group(required=True)
    g.add_argument("--granted", action="store_true")
    g.add_argument("--refused", action="store_true")
    qc.add_argument("--reason", default="", metavar="TEKS")
    add_data_dir(qc)
    qc.set_defaults(run=_run(_requests_close))

    b = psub.add_parser("breach", help="daftar handle terdampak dan konsep pemberitahuan")
    add_period(b, required=True)
    b.add_argument("--discovered", metavar="ISO", help="waktu diketahui (bawaan: sekarang)")
    b.add_argument("-o", "--output", metavar="FILE", help="tulis konsep pemberitahuan ke FILE")
    add_data_dir(b)
    add_header(b)
    b.set_defaults(run=_run(_breach))
    return psub


Action = Callable[[argparse.Namespace, OpenedData, datetime, Any], int]


def _run(action: Action) -> Callable[[argparse.Namespace, Deps], int]:
    """Check the words first (nothing opened), then run `action` over the open data; a
    privacy service's refusal is one line (exit 2 for bad input, else 1)."""

    def run(ns: argparse.Namespace, deps: Deps) -> int:
        from humasdesk.core.privacy import InvalidRetention, PrivacyError, RetentionPolicy
        from humasdesk.settings import Settings

        now = deps.now()
        saved = Settings.load(resolve_data_dir(ns.data_dir).settings)
        flags = {
            "unanswered_mention_days": getattr(ns, "days", None),
            "record_review_days": getattr(ns, "older_than_days", None),
        }
        try:
            policy = replace(
                RetentionPolicy.from_settings(saved),
                **{k: v for k, v in flags.items() if v is not None},
            )
        except InvalidRetention as exc:
            raise UsageError(str(exc)) from None
        _check_words(ns)
        with open_data(ns.data_dir) as data:
            try:
                return action(ns, data, now, policy)
            except OSError as exc:
                raise CommandFailed(
                    f"gagal menulis berkas ({exc.strerror or exc}); pilih lokasi lain"
                ) from None
            except PrivacyError as exc:
                code = EXIT_USAGE if exc.code in USAGE_CODES else EXIT_FAILURE
                raise CommandFailed(str(exc), code) from None

    return run


def _check_words(ns: argparse.Namespace) -> None:
    """The usage checks argparse cannot make (before the database is opened)."""
    if ns.cmd == "retention" and ns.apply and not ns.yes:
        raise UsageError("penghapusan perlu konfirmasi: tambahkan --yes")
    if ns.cmd == "requests" and ns.action == "add" and ns.received:
        aware_time(ns.received, "--received")
    if ns.cmd == "requests" and ns.action == "close" and ns.refused and not ns.reason:
        raise UsageError("penolakan perlu --reason (mis. kewajiban arsip UU 43/2009)")
    if ns.cmd == "breach":
        period(ns)
        if ns.discovered:
            aware_time(ns.discovered, "--discovered")


def write_document(path: str | None, text: str, *, title: str, marking: str) -> None:
    """A document as UTF-8 text, or as PDF when `path` ends in ``.pdf`` (no `path`: none)."""
    if not path:
        return
    out = Path(path).expanduser()
    writer = None
    if out.suffix.lower() == ".pdf":
        from humasdesk.gui.report.adapters import text_pdf_writer

        writer = text_pdf_writer(title, marking)
    if writer is not None:
        writer(text, out)
    else:
        out.write_text(text, encoding="utf-8")


def _retention(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.services import privacy as svc

    if not ns.apply:
        pv = svc.preview_retention(o.privacy, policy, now)
        print(
            f"Retensi {policy.unanswered_mention_days} hari: {pv.mentions} mention "
            f"tak dibalas akan dihapus ({pv.entries} entri log, {pv.mention_rows} "
            "baris kotak masuk). Jalankan dengan --apply --yes."
        )
        return EXIT_OK
    rep = svc.apply_retention(o.log, o.privacy, policy, now, trigger="manual", confirmed=True)
    print(
        f"Dihapus: {rep.count} entri log dan {rep.mention_rows} baris kotak "
        "masuk; tercatat di log aktivitas."
    )
    return EXIT_OK


def _review(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.services import privacy as svc

    items = svc.disposal_review(o.log, o.privacy, now, policy=policy)
    docs = svc.disposal_documents(
        o.log,
        items,
        document_header(ns, o.settings()),
        now,
        retention_days=policy.record_review_days,
    )
    for path, text, title in (
        (ns.usul, docs.proposal, "Daftar arsip usul musnah"),
        (ns.berita_acara, docs.destruction_report, "Konsep berita acara pemusnahan arsip"),
    ):
        write_document(path, text, title=title, marking=ns.classification)
    if not ns.usul and not ns.berita_acara:
        print(docs.proposal, end="")
    print(f"{len(items)} arsip jatuh tempo untuk dinilai (tidak ada yang dihapus).")
    return EXIT_OK


def _breach(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.services import privacy as svc

    start, end = period(ns)
    assert start is not None and end is not None
    kit = svc.breach_kit(
        o.log,
        o.privacy,
        start,
        end,
        now,
        discovered_at=aware_time(ns.discovered, "--discovered") if ns.discovered else None,
        header=document_header(ns, o.settings()),
    )
    title = "Konsep pemberitahuan kegagalan pelindungan data pribadi"
    write_document(ns.output, kit.notification_text, title=title, marking=ns.classification)
    for h in kit.handles:
        print(h)
    print(
        f"{len(kit.handles)} handle terdampak, {kit.entries} catatan. Batas "
        f"pemberitahuan: {kit.deadline.astimezone():%Y-%m-%d %H:%M %Z} "
        f"({kit.time_left})."
    )
    return EXIT_OK


def _requests_list(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.core.privacy import REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS

    reqs = o.privacy.requests()
    for q in reqs:
        deadline = (
            "tanpa batas UU" if q.deadline is None else f"{q.deadline.astimezone():%Y-%m-%d %H:%M}"
        )
        print(
            f"{q.id}\t@{q.handle}\t{REQUEST_KIND_LABELS[q.kind]}\t"
            f"{REQUEST_STATUS_LABELS[q.status]}\tbatas {deadline}\t{q.reason or ''}"
        )
    if not reqs:
        print("Register permintaan kosong.")
    return EXIT_OK


def _requests_add(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.services import privacy as svc

    received = aware_time(ns.received, "--received") if ns.received else now
    q = svc.register_request(o.log, o.privacy, ns.handle, ns.kind, received)
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


def _requests_close(ns: argparse.Namespace, o: OpenedData, now: datetime, policy: Any) -> int:
    from humasdesk.core.privacy import REQUEST_STATUS_LABELS
    from humasdesk.services import privacy as svc

    outcome = "granted" if ns.granted else "refused"
    q = svc.close_request(o.log, o.privacy, ns.id, outcome, ns.reason, now)
    print(f"Permintaan nomor {q.id} ditutup: {REQUEST_STATUS_LABELS[q.status]}.")
    return EXIT_OK
