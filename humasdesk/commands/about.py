"""`humasdesk export --about @handle`: the access report for one person (UU 27/2022 hak
akses), signed like an export (no Qt unless ``--format pdf``).

::

    humasdesk export --about @handle --format jsonl|csv|pdf -o FILE [--data-dir DIR]
                     [--request N] [--agency TEXT] [--unit TEXT] [--classification C]

Exit codes: 0 done, 1 failure (nothing held, keyring, disk…), 2 bad usage.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from humasdesk.commands.common import (
    EXIT_OK,
    CommandFailed,
    Deps,
    UsageError,
    document_header,
    export_signer,
    failure_text,
    open_data,
)

FORMATS = ("jsonl", "csv", "pdf")
#: Supervisor-export options that mean nothing for one person's report.
_NOT_FOR_ABOUT = (
    ("date_from", "--from"),
    ("date_to", "--to"),
    ("account", "--account"),
    ("include_personal", "--include-personal"),
)


def run_about(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.privacy import InvalidHandle, PrivacyError, normalize_handle

    if ns.format not in FORMATS:
        raise UsageError(f"--about: --format {ns.format} tidak tersedia; pilih jsonl, csv atau pdf")
    for attr, flag in _NOT_FOR_ABOUT:
        if getattr(ns, attr):
            raise UsageError(f"{flag} tidak berlaku untuk --about (laporan akses satu orang)")
    try:
        handle = normalize_handle(ns.about)
    except InvalidHandle as exc:
        raise UsageError(f"--about {ns.about!r}: {exc}") from None

    from humasdesk.services.access_report import make_access_report
    from humasdesk.services.export import ExportFailed
    from humasdesk.services.privacy import NothingHeld
    from humasdesk.store.exports import format_fingerprint

    out = Path(ns.output).expanduser()
    pdf_writer = None
    if ns.format == "pdf":
        from humasdesk.gui.report.adapters import text_pdf_writer

        pdf_writer = text_pdf_writer("Laporan akses data pribadi", ns.classification)
        if pdf_writer is None:
            raise CommandFailed("laporan PDF belum tersedia di versi ini; gunakan jsonl atau csv")
    with open_data(ns.data_dir) as data:
        try:
            result = make_access_report(
                data.log,
                data.privacy,
                handle,
                ns.format,
                out,
                signer=export_signer(data.paths, deps),
                header=document_header(ns, data.settings()),
                request_id=ns.request,
                pdf_writer=pdf_writer,
                clock=deps.clock,
            )
        except NothingHeld:
            raise CommandFailed(
                f"tidak ada data tentang @{handle} di desk ini; tidak ada berkas dibuat"
            ) from None
        except ExportFailed as exc:
            raise CommandFailed(failure_text(exc.reason, out, exc)) from None
        except PrivacyError as exc:
            raise CommandFailed(str(exc)) from None
    fp = format_fingerprint(result.fingerprint, groups=4)
    print(
        f"Laporan akses selesai: {result.path.name} — {result.records} catatan tentang "
        f"@{handle}, tanda tangan {result.sig_path.name}. Kunci: {fp}"
    )
    return EXIT_OK
