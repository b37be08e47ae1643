"""What every command shares: the parser and its usage error, exit codes, the one place the
data folder and its database are opened (each message once), the shared options (data
folder, practice mode, period, document header) and the text for a failed signed file.

A command module only parses, calls services and prints. It reports a problem by raising
`UsageError` (exit 2) or `CommandFailed` (exit 1 unless it says otherwise); the runner in
`humasdesk.commands` prints it as one line ``humasdesk CMD: galat: …`` on stderr.
User-facing text is Indonesian (the desk's language); English stays in the logs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from humasdesk.paths import DataPaths, resolve_data_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

    from humasdesk.core.privacy import DocumentHeader
    from humasdesk.practice import XTarget
    from humasdesk.services.accounts import AccountService
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.privacy_store import PrivacyStore

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage (exit 2). `parser` is set when argparse refused the words: its usage line
    is printed first."""

    def __init__(self, message: str, parser: argparse.ArgumentParser | None = None) -> None:
        super().__init__(message)
        self.parser = parser


class CommandFailed(Exception):
    """The command could not do its work: one line, exit `code` (1, or 2 for input that
    cannot be used)."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse that raises `UsageError` instead of exiting, so the runner returns 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, self)


def say_error(prog: str, message: object) -> None:
    print(f"{prog}: galat: {message}", file=sys.stderr)


@dataclass(frozen=True)
class Deps:
    """What a test replaces: the keyring backend (None: the system keyring), the clock,
    the browser, and how long a browser sign-in may take."""

    keyring_backend: Any = None
    clock: Callable[[], datetime] | None = None
    open_url: Callable[[str], object] | None = None
    sign_in_timeout: float = 300.0

    def now(self) -> datetime:
        return (self.clock or (lambda: datetime.now(UTC)))()


# -- shared options ----------------------------------------------------------------------------
# Declared with default=SUPPRESS on a subcommand, so `humasdesk --data-dir D sync` and
# `humasdesk sync --data-dir D` both work: the top-level parser holds the defaults.


_DATA_DIR_HELP = "folder data HumasDesk (bawaan: HUMASDESK_DATA_DIR atau folder pengguna)"


def add_data_dir(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    default = None if top else argparse.SUPPRESS
    p.add_argument("--data-dir", metavar="DIR", default=default, help=_DATA_DIR_HELP)


def add_x_target(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--data-dir, --sandbox, --sandbox-url: the accounts the desk with these flags shows."""
    add_data_dir(p, top=top)
    flag, url = (False, None) if top else (argparse.SUPPRESS, argparse.SUPPRESS)
    p.add_argument(
        "--sandbox", action="store_true", default=flag, help="mode latihan: emulator X bawaan"
    )
    p.add_argument(
        "--sandbox-url", metavar="URL", default=url, help="emulator X yang sudah berjalan"
    )


def add_period(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", required=required, help="YYYY-MM-DD (inklusif)"
    )
    p.add_argument(
        "--to", dest="date_to", metavar="DATE", required=required, help="YYYY-MM-DD (inklusif)"
    )


def _day(value: str, flag: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} bukan tanggal; tulis YYYY-MM-DD") from None


def local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


def period(ns: argparse.Namespace) -> tuple[datetime | None, datetime | None]:
    """--from/--to as aware bounds in the laptop's zone: `start` inclusive, `end` exclusive
    (the whole ``--to`` day counts)."""
    d_from = _day(ns.date_from, "--from") if ns.date_from else None
    d_to = _day(ns.date_to, "--to") if ns.date_to else None
    if d_from and d_to and d_from > d_to:
        raise UsageError(f"--from {d_from} jatuh setelah --to {d_to}; tukar tanggalnya")
    start = local_midnight(d_from) if d_from else None
    end = local_midnight(d_to + timedelta(days=1)) if d_to else None
    return start, end


def aware_time(value: str, flag: str) -> datetime:
    """An ISO time; without an offset it is the laptop's zone."""
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} bukan waktu ISO (YYYY-MM-DDTHH:MM)") from None
    return t if t.utcoffset() is not None else t.astimezone()


def add_header(p: argparse.ArgumentParser) -> None:
    """--agency/--unit (default: the names in Settings → Privasi) and --classification."""
    from humasdesk.core.classification import CLASSIFICATIONS, DEFAULT_CLASSIFICATION

    p.add_argument("--agency", metavar="TEKS", help="nama instansi (bawaan: dari Pengaturan)")
    p.add_argument("--unit", metavar="TEKS", help="unit kerja (bawaan: dari Pengaturan)")
    p.add_argument(
        "--classification",
        choices=CLASSIFICATIONS,
        default=DEFAULT_CLASSIFICATION,
        help=f"klasifikasi keamanan (bawaan: {DEFAULT_CLASSIFICATION})",
    )


def document_header(ns: argparse.Namespace, saved: Any) -> DocumentHeader:
    """The `DocumentHeader` from the flags, agency and unit taken from the desk's settings
    (`saved`) when the flags leave them out."""
    from humasdesk.core.privacy import DocumentHeader

    agency = saved.get("agency_name") if ns.agency is None else ns.agency
    unit = saved.get("unit_name") if ns.unit is None else ns.unit
    return DocumentHeader(str(agency or "").strip(), str(unit or "").strip(), ns.classification)


# -- the data folder and its database ----------------------------------------------------------

DATABASE_TOO_NEW = "basis data dibuat versi HumasDesk yang lebih baru; perbarui aplikasi"


def data_paths(data_dir: str | None, *, database: bool = True) -> DataPaths:
    """The data folder the flags name; it (and with `database` its activity log) must exist:
    a mistyped --data-dir must never create an empty log and call it intact."""
    paths = resolve_data_dir(data_dir)
    if not paths.root.is_dir():
        raise UsageError(f"direktori data {paths.root} tidak ada; periksa --data-dir")
    if database and not paths.database.is_file():
        raise UsageError(f"tidak ada log aktivitas di {paths.root}; periksa --data-dir")
    return paths


@contextmanager
def database_errors(path: Path, code: int = EXIT_FAILURE) -> Iterator[None]:
    """A database that is not ours or is too new, said in one line (exit `code`)."""
    import sqlite3

    from humasdesk.store.migrations import DatabaseTooNew

    try:
        yield
    except DatabaseTooNew:
        raise CommandFailed(DATABASE_TOO_NEW, code) from None
    except sqlite3.DatabaseError:
        raise CommandFailed(f"{path.name} bukan basis data HumasDesk yang terbaca", code) from None


@dataclass
class OpenedData:
    paths: DataPaths
    db: Database
    log: ActivityLog
    privacy: PrivacyStore

    def settings(self) -> Any:
        from humasdesk.settings import Settings

        return Settings.load(self.paths.settings)


@contextmanager
def open_data(data_dir: str | None) -> Iterator[OpenedData]:
    """The data folder's activity log and privacy store, open for the block."""
    paths = data_paths(data_dir)
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import open_database
    from humasdesk.store.privacy_store import PrivacyStore

    with database_errors(paths.database):
        db = open_database(paths.database)
    try:
        yield OpenedData(paths, db, ActivityLog(db), PrivacyStore(db))
    finally:
        db.close()


def export_signer(paths: DataPaths, deps: Deps) -> Any:
    """The desk's export-signing key (its public half beside the data)."""
    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner

    return ExportSigner(
        backend=deps.keyring_backend, public_key_path=paths.root / PUBLIC_KEY_FILENAME
    )


def x_target(ns: argparse.Namespace, paths: DataPaths) -> XTarget:
    """The X the desk started with the same flags would use (practice mode included)."""
    from humasdesk.practice import COMMAND
    from humasdesk.practice import x_target as target_for
    from humasdesk.settings import Settings

    # As a command: the practice emulator of a desk that is open is used, not a second one.
    return target_for(
        paths,
        Settings.load(paths.settings),
        sandbox=getattr(ns, "sandbox", False),
        sandbox_url=getattr(ns, "sandbox_url", None),
        role=COMMAND,
    )


def account_service(
    target: XTarget, deps: Deps, *, log: ActivityLog | None = None, fallback: bool = True
) -> AccountService:
    """The desk's `AccountService` for `target` (starts practice mode's emulator). Tokens
    in the keyring service the desk uses; with `fallback`, a missing keyring keeps them in
    memory for this run (never in a file)."""
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.services.accounts import AccountService

    store: Any = TokenStore(target.keyring_service, backend=deps.keyring_backend)
    if fallback:
        store = FallbackTokenStore(store)
    return AccountService(target.endpoint(), store, office_handle=target.office_handle, log=log)


@contextmanager
def desk_services(ns: argparse.Namespace, deps: Deps, *, create: bool = False) -> Iterator[Any]:
    """The desk's own services (`build_desk_services`) over the data folder, for the X the
    flags name, with its tokens in the keyring as the desk keeps them. For a command whose
    work must outlive it (sign-in, sign-out, sync): without a usable keyring it stops before
    anything reaches X. `create`: make the data folder and database if missing (as the desk
    does on its first start); else they must exist."""
    from humasdesk.credentials import TokenStore
    from humasdesk.services.desk_services import budget_from, build_desk_services, rates_from
    from humasdesk.services.schedule import grace_from, quiet_from
    from humasdesk.settings import Settings

    paths = resolve_data_dir(ns.data_dir).ensure() if create else data_paths(ns.data_dir)
    settings = Settings.load(paths.settings)
    target = x_target(ns, paths)
    store = TokenStore(target.keyring_service, backend=deps.keyring_backend)
    status = store.status()
    if not status.available:
        raise CommandFailed(keyring_text(status.problem))
    try:
        try:
            endpoint = target.endpoint()
        except (OSError, ValueError) as exc:
            raise CommandFailed(f"emulator X mode latihan tidak dapat dimulai ({exc})") from None
        with database_errors(paths.database):
            services = build_desk_services(
                paths.database,
                endpoint,
                store,
                office_handle=target.office_handle,
                undo_s=settings.get("undo_seconds"),
                rates=rates_from(
                    {k: settings.get(k) for k in ("rate_post", "rate_post_with_url", "rate_read")}
                ),
                clock=deps.clock,
                grace=grace_from(settings.get),
                quiet=quiet_from(settings.get),
                metrics_budget=budget_from(settings.get("metrics_budget_usd")),
            )
        try:
            yield services
        finally:
            services.close()
    finally:
        target.stop()


SLOT_NAMES = {"office": "kantor", "personal": "pribadi"}


def slot_name(slot: object) -> str:
    """``office`` → ``kantor``: how the desk names the panes."""
    return SLOT_NAMES.get(str(getattr(slot, "value", slot)), str(slot))


def error_text(exc: BaseException) -> str:
    """One Indonesian line for what went wrong talking to X or the keyring (never a token:
    the classes' messages hold none)."""
    import sqlite3

    from humasdesk.core import errors
    from humasdesk.credentials import CorruptSecret, SecureStorageUnavailable
    from humasdesk.services.accounts import OfficeHandleMismatch, SessionExpired
    from humasdesk.services.session import SlotConflict

    if isinstance(exc, SessionExpired):
        return "sesi dengan X berakhir; masuk lagi dengan `humasdesk signin`"
    if isinstance(exc, SecureStorageUnavailable):
        return keyring_text(exc.problem)
    if isinstance(exc, CorruptSecret):
        return "data masuk yang tersimpan rusak dan sudah dihapus; masuk lagi"
    if isinstance(exc, SlotConflict):
        return f"@{exc.username} sudah masuk di slot lain; satu akun X hanya untuk satu slot"
    if isinstance(exc, OfficeHandleMismatch):
        return (
            f"slot kantor ditetapkan untuk @{exc.expected}, tetapi X memasukkan @{exc.actual}; "
            "masuk dengan akun itu atau ubah akun kantor di Pengaturan"
        )
    if isinstance(exc, errors.OAuthError):
        return {
            errors.OAuthFailure.DENIED: "akses ditolak di halaman X; tidak ada yang masuk",
            errors.OAuthFailure.TIMED_OUT: "tidak ada jawaban dari peramban tepat waktu; ulangi",
            errors.OAuthFailure.PORT_IN_USE: f"port {exc.port} dipakai program lain; tutup "
            "program itu atau ubah port callback di Pengaturan",
            errors.OAuthFailure.REFUSED: "X menolak proses masuk; ulangi",
        }.get(exc.kind, f"proses masuk gagal ({exc}); ulangi")
    if isinstance(exc, errors.NetworkError):
        return "X tidak dapat dihubungi; periksa koneksi internet lalu ulangi"
    if isinstance(exc, errors.ServerError):
        return "X sedang bermasalah; ulangi beberapa menit lagi"
    if isinstance(exc, errors.RateLimited):
        return "batas permintaan X tercapai; ulangi nanti"
    if isinstance(exc, errors.XError):
        return f"X menolak permintaan ({type(exc).__name__}: {exc})"
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return (
            "basis data sedang dikunci proses lain (mis. desk) lebih lama dari batas tunggu; "
            "tidak ada yang berubah, coba lagi pada putaran berikutnya"
        )
    return f"galat tak terduga ({type(exc).__name__}); lihat berkas log"


KEYRING_TEXT = {
    "locked": "keyring sistem terkunci; buka kuncinya (masuk ke sesi desktop) lalu ulangi",
    "refused": "keyring sistem menolak akses; izinkan HumasDesk di keyring lalu ulangi",
}


def keyring_text(problem: object) -> str:
    return KEYRING_TEXT.get(
        str(problem),
        "tidak ada keyring sistem yang aman (Secret Service, mis. GNOME Keyring atau "
        "KWallet); pasang dan jalankan lalu ulangi",
    )


# -- a signed file that could not be written ---------------------------------------------------

FAILURE_TEXT = {
    "no_space": "disk penuh: tidak cukup ruang untuk {file}; kosongkan ruang atau pilih "
    "lokasi lain dengan -o",
    "no_permission": "tidak ada izin menulis {file}; pilih folder lain dengan -o",
    "read_only": "disk untuk {file} hanya-baca; pilih lokasi lain dengan -o",
    "no_folder": "folder untuk {file} tidak ada; buat dulu atau pilih lokasi lain dengan -o",
    "is_directory": "{file} adalah folder; beri nama berkas dengan -o",
    "io": "gagal menulis {file} ({detail}); pilih lokasi lain dengan -o",
    "keyring": "tidak bisa menandatangani: keyring sistem tidak tersedia atau terkunci; buka "
    "kunci keyring (GNOME Keyring/KWallet) lalu ulangi",
    "no_pdf_writer": "laporan PDF belum tersedia di versi ini; gunakan --format csv, xlsx "
    "atau jsonl",
    "pdf_writer_failed": "laporan PDF gagal dibuat ({detail}); coba format lain",
}


def failure_text(reason: object, out: Path, detail: object = "") -> str:
    """The line for an `ExportFailed` (its `reason` code) writing `out`."""
    return FAILURE_TEXT.get(str(reason), "{detail}").format(file=out.name, detail=detail)


__all__ = [
    "EXIT_FAILURE",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandFailed",
    "Deps",
    "OpenedData",
    "Parser",
    "UsageError",
    "account_service",
    "add_data_dir",
    "add_header",
    "add_period",
    "add_x_target",
    "aware_time",
    "data_paths",
    "database_errors",
    "desk_services",
    "document_header",
    "error_text",
    "export_signer",
    "failure_text",
    "keyring_text",
    "local_midnight",
    "open_data",
    "period",
    "say_error",
    "slot_name",
    "x_target",
]
