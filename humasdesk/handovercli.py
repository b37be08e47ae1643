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
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from humasdesk.exportcli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, _err

logger = logging.getLogger(__name__)

PROG = "humasdesk privacy handover"

PLAN = (
    "Serah terima jabatan akun kantor akan:\n"
    "  1. mengekspor seluruh catatan akun kantor ke {file} (JSON Lines, ditandatangani),\n"
    "  2. memeriksa ekspor itu,\n"
    "  3. mengeluarkan akun kantor (token dicabut di X dan dihapus dari keyring),\n"
    "  4. baru kemudian menghapus data akun kantor dari laptop ini.\n"
    "Akun pribadi dan datanya tidak disentuh. Tutup jendela HumasDesk lebih dulu.\n"
    "Ulangi dengan --yes untuk menjalankannya."
)


def add_parser(sub: Any) -> None:
    h = sub.add_parser(
        "handover",
        help="serah terima jabatan: ekspor, periksa, keluarkan akun kantor, hapus datanya",
    )
    h.add_argument("-o", "--output", required=True, metavar="FILE")
    h.add_argument("--yes", action="store_true", help="konfirmasi serah terima")
    h.add_argument("--data-dir", metavar="DIR")
    h.add_argument("--sandbox", action="store_true", help="mode latihan (emulator X bawaan)")
    h.add_argument("--sandbox-url", metavar="URL", help="emulator X yang sudah berjalan")


def office_sign_out(accounts: Any) -> Callable[[], None]:
    """Sign the office slot out: revoke at X and delete the secret. A slot with no saved
    sign-in, a damaged secret or a session X already ended needs no revocation; its secret
    (if any) is deleted. A network failure propagates: the handover then erases nothing."""
    from humasdesk.core.models import Slot
    from humasdesk.credentials import CorruptSecret
    from humasdesk.services.accounts import SessionExpired

    def sign_out() -> None:
        try:
            session = accounts.restore(Slot.OFFICE)
        except (SessionExpired, CorruptSecret):
            accounts.store.delete(Slot.OFFICE)
            return
        if session is not None:
            accounts.sign_out(session)

    return sign_out


def handover_main(
    ns: argparse.Namespace,
    opened: Any,
    now: datetime,
    *,
    keyring_backend: Any = None,
    clock: Callable[[], datetime] | None = None,
) -> int:
    """Run the handover over the opened log and privacy store; returns the exit code."""
    from humasdesk.core.privacy import PrivacyError
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.paths import resolve_data_dir
    from humasdesk.practice import x_target
    from humasdesk.services.accounts import AccountService
    from humasdesk.services.privacy import HandoverFailed, handover_office
    from humasdesk.settings import Settings
    from humasdesk.store.exports import format_fingerprint

    out = Path(ns.output).expanduser()
    if not ns.yes:
        print(PLAN.format(file=out.name))
        return EXIT_USAGE
    paths = resolve_data_dir(ns.data_dir)
    target = x_target(
        paths, Settings.load(paths.settings), sandbox=ns.sandbox, sandbox_url=ns.sandbox_url
    )
    try:
        store = FallbackTokenStore(TokenStore(target.keyring_service, backend=keyring_backend))
        accounts = AccountService(
            target.endpoint(), store, office_handle=target.office_handle, log=opened.log
        )
        signer = ExportSigner(
            backend=keyring_backend, public_key_path=paths.root / PUBLIC_KEY_FILENAME
        )
        result = handover_office(
            opened.log,
            opened.privacy,
            out,
            signer=signer,
            sign_out=office_sign_out(accounts),
            confirmed=True,
            clock=clock or (lambda: now),
        )
    except HandoverFailed as exc:
        kept = f" Ekspor tersimpan: {exc.export.path.name}." if exc.export is not None else ""
        _err(PROG, f"galat: {exc}; tidak ada data yang dihapus.{kept}")
        return EXIT_FAILURE
    except PrivacyError as exc:
        _err(PROG, f"galat: {exc}; tidak ada data yang dihapus")
        return EXIT_FAILURE
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
