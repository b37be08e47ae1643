"""`humasdesk privacy handover`: serah terima jabatan of the office account (no Qt).

::

    humasdesk privacy handover -o FILE --yes [--data-dir DIR] [--sandbox | --sandbox-url URL]

The same use case as the desk's guided handover (`services.privacy.handover_office`):
export the office account's complete records as signed JSON Lines, verify the file, sign
the office account out (revoke at X, delete the keyring secret), and only then clear the
office data from this laptop. The personal account is not touched. Without ``--yes`` it
only says what would happen and exits 2. Close the desk first: it holds the office session.

Exit codes: 0 handed over, 1 stopped (nothing erased; the message says why and what to do),
2 bad usage.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from humasdesk.commands.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    Deps,
    account_service,
    add_x_target,
    export_signer,
    open_data,
    x_target,
)

NAME = "handover"
HELP = "serah terima jabatan: ekspor, periksa, keluarkan akun kantor, hapus datanya"

PLAN = (
    "Serah terima jabatan akun kantor akan:\n"
    "  1. mengekspor seluruh catatan akun kantor ke {file} (JSON Lines, ditandatangani),\n"
    "  2. memeriksa ekspor itu,\n"
    "  3. mengeluarkan akun kantor (token dicabut di X dan dihapus dari keyring),\n"
    "  4. baru kemudian menghapus data akun kantor dari laptop ini.\n"
    "Akun pribadi dan datanya tidak disentuh. Tutup jendela HumasDesk lebih dulu.\n"
    "Ulangi dengan --yes untuk menjalankannya."
)


def add_arguments(h: argparse.ArgumentParser) -> None:
    h.add_argument("-o", "--output", required=True, metavar="FILE")
    h.add_argument("--yes", action="store_true", help="konfirmasi serah terima")
    add_x_target(h)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot
    from humasdesk.core.privacy import PrivacyError
    from humasdesk.services.privacy import HandoverFailed, handover_office
    from humasdesk.store.exports import format_fingerprint

    out = Path(ns.output).expanduser()
    if not ns.yes:  # only says what would happen: no database needed
        print(PLAN.format(file=out.name))
        return EXIT_USAGE
    with open_data(ns.data_dir) as data:
        target = x_target(ns, data.paths)
        try:
            accounts = account_service(target, deps, log=data.log)
            result = handover_office(
                data.log,
                data.privacy,
                out,
                signer=export_signer(data.paths, deps),
                sign_out=lambda: accounts.sign_out_slot(Slot.OFFICE),
                confirmed=True,
                clock=deps.clock,
            )
        except HandoverFailed as exc:
            kept = f" Ekspor tersimpan: {exc.export.path.name}." if exc.export is not None else ""
            raise CommandFailed(f"{exc}; tidak ada data yang dihapus.{kept}") from None
        except PrivacyError as exc:
            raise CommandFailed(f"{exc}; tidak ada data yang dihapus") from None
        finally:
            target.stop()
    print(
        f"Serah terima selesai: {result.export.path.name} ({result.export.entries} entri), "
        f"tanda tangan {result.export.sig_path.name}.\n"
        f"Tulis di berita acara serah terima:\n"
        f"  Sidik jari kunci : {format_fingerprint(result.export.fingerprint, groups=4)}\n"
        f"  SHA-256 berkas   : {result.file_sha256}\n"
        f"Akun kantor sudah keluar; {result.erased_entries} entri data warga dihapus dari "
        f"laptop ini. Akun pribadi tidak disentuh."
    )
    return EXIT_OK
