"""`humasdesk export`: the signed supervisor export of the activity log (no Qt unless
``--format pdf``). With ``--about @handle`` it is the access report for one person
(`humasdesk.commands.about`).

::

    humasdesk export --format csv|xlsx|jsonl|pdf -o FILE [--from DATE] [--to DATE]
                     [--account office|personal|all] [--include-personal] [--data-dir DIR]
                     [--agency TEXT] [--unit TEXT] [--classification C]

Dates are ``YYYY-MM-DD`` in the laptop's zone; ``--to`` includes that whole day. The default
account is ``all``: the office account plus personal posts marked "kapasitas jabatan";
``--include-personal`` adds the rest of the personal account. ``--agency``/``--unit`` default
to the names in the desk's settings (Settings → Privasi); ``--classification`` is one of
Biasa, Terbatas (default), Rahasia, Sangat Rahasia: all three go into the signed manifest and
onto every PDF page.

Exit codes: 0 done, 1 failure, 2 bad usage.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from humasdesk.commands.common import (
    EXIT_OK,
    CommandFailed,
    Deps,
    UsageError,
    add_data_dir,
    add_header,
    add_period,
    document_header,
    export_signer,
    failure_text,
    open_data,
    period,
)

NAME = "export"
HELP = "ekspor log aktivitas untuk atasan (ditandatangani); --about: laporan akses"
DESCRIPTION = (
    "Ekspor log aktivitas untuk atasan, ditandatangani (Ed25519). Dengan --about @handle: "
    "laporan akses, semua data tentang satu orang."
)
FORMATS = ("csv", "xlsx", "jsonl", "pdf")
ACCOUNTS = {"office": {"office"}, "personal": {"personal"}, "all": {"office", "personal"}}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_period(p)
    p.add_argument("--account", choices=tuple(ACCOUNTS), default=None)
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="sertakan seluruh akun pribadi, bukan hanya kiriman 'kapasitas jabatan'",
    )
    p.add_argument(
        "--about", metavar="@HANDLE", help="laporan akses: semua data tentang satu handle"
    )
    p.add_argument("--request", type=int, metavar="N", help="--about: nomor permintaan di register")
    add_data_dir(p)
    add_header(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    if ns.about is not None:
        from humasdesk.commands.about import run_about

        return run_about(ns, deps)
    if ns.request is not None:
        raise UsageError("--request hanya bersama --about")
    start, end = period(ns)
    account = ns.account or "all"
    if ns.include_personal and account == "office":
        raise UsageError("--include-personal hanya untuk --account all atau personal")

    from humasdesk.core.privacy import PrivacyError
    from humasdesk.services.export import (
        ExportFailed,
        ExportFormat,
        ExportOptions,
        InvalidExportOptions,
    )
    from humasdesk.services.privacy import guarded_export
    from humasdesk.store.exports import format_fingerprint

    with open_data(ns.data_dir) as data:
        pdf_writer = None
        if ns.format == ExportFormat.PDF:
            from humasdesk.gui.report.adapters import report_pdf_writer

            pdf_writer = report_pdf_writer()
            if pdf_writer is None:
                raise CommandFailed(failure_text("no_pdf_writer", Path(ns.output)))
        header = document_header(ns, data.settings())
        options = ExportOptions(
            fmt=ns.format,
            start=start,
            end=end,
            accounts=frozenset(ACCOUNTS[account]),
            include_personal=ns.include_personal,
            agency=header.agency,
            unit=header.unit,
            classification=header.classification,
        )
        out = Path(ns.output).expanduser()
        try:
            result = guarded_export(
                data.log,
                data.privacy,
                options,
                out,
                signer=export_signer(data.paths, deps),
                pdf_writer=pdf_writer,
                clock=deps.clock,
            )
        except InvalidExportOptions as exc:
            raise UsageError(str(exc)) from None
        except ExportFailed as exc:
            raise CommandFailed(failure_text(exc.reason, out, exc)) from None
        except PrivacyError as exc:  # an erasure is running (`LeaseConflict`)
            raise CommandFailed(str(exc)) from None
    fp = format_fingerprint(result.fingerprint, groups=4)
    if result.entries == 0:
        print(
            f"Ekspor selesai: {result.path.name} — tidak ada entri pada periode ini "
            f"(berkas kosong tetap dibuat dan ditandatangani). Kunci: {fp}"
        )
    else:
        print(
            f"Ekspor selesai: {result.path.name} — {result.entries} entri, tanda tangan "
            f"{result.sig_path.name}. Kunci: {fp}"
        )
    return EXIT_OK
