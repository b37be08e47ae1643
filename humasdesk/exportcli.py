"""`humasdesk export` and `humasdesk verify` (no Qt unless ``--format pdf``).

::

    humasdesk export --format csv|xlsx|jsonl|pdf -o FILE [--from DATE] [--to DATE]
                     [--account office|personal|all] [--include-personal] [--data-dir DIR]
                     [--agency TEXT] [--unit TEXT] [--classification C]
    humasdesk verify [FILE | --data-dir DIR] [--pubkey KEYFILE]

Dates are ``YYYY-MM-DD`` in the laptop's zone; ``--to`` includes that whole day. The default
account is ``all``: the office account plus personal posts marked "kapasitas jabatan";
``--include-personal`` adds the rest of the personal account. ``--agency``/``--unit`` default
to the names in the desk's settings (Settings → Privasi); ``--classification`` is one of
Biasa, Terbatas (default), Rahasia, Sangat Rahasia: all three go into the signed manifest and
onto every PDF page.

``verify FILE`` checks ``FILE.sig`` (and, for JSON Lines, every entry's hash) against the
key in ``<data dir>/signing-key.pub`` when there is one, or the ``--pubkey`` file; a
database file (``humasdesk.db``) is verified as a chain. ``verify`` without FILE checks the
local log of the data directory.

Exit codes: 0 done / intact, 1 failure / altered, 2 bad usage / unusable input. Results go to
stdout, errors to stderr as one line saying what to do; user-facing text is Indonesian.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from humasdesk.paths import resolve_data_dir

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

_ACCOUNTS = {"office": {"office"}, "personal": {"personal"}, "all": {"office", "personal"}}


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so `main` can return an exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _err(prog: str, message: str) -> None:
    print(f"{prog}: {message}", file=sys.stderr)


def export_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="humasdesk export",
        description="Ekspor log aktivitas untuk atasan, ditandatangani (Ed25519).",
    )
    p.add_argument("--format", required=True, choices=("csv", "xlsx", "jsonl", "pdf"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY-MM-DD (inklusif)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY-MM-DD (inklusif)")
    p.add_argument("--account", choices=("office", "personal", "all"), default="all")
    p.add_argument(
        "--include-personal",
        action="store_true",
        help="sertakan seluruh akun pribadi, bukan hanya kiriman 'kapasitas jabatan'",
    )
    p.add_argument("--data-dir", metavar="DIR")
    header_args(p)
    return p


def header_args(p: argparse.ArgumentParser) -> None:
    """--agency/--unit (default: the names in Settings → Privasi) and --classification."""
    from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION

    p.add_argument("--agency", metavar="TEKS", help="nama instansi (bawaan: dari Pengaturan)")
    p.add_argument("--unit", metavar="TEKS", help="unit kerja (bawaan: dari Pengaturan)")
    p.add_argument(
        "--classification",
        choices=CLASSIFICATIONS,
        default=DEFAULT_CLASSIFICATION,
        help=f"klasifikasi keamanan (bawaan: {DEFAULT_CLASSIFICATION})",
    )


def document_header(ns: argparse.Namespace, saved: Any) -> Any:
    """The `DocumentHeader` from the flags, with agency and unit taken from the desk's
    settings (`saved`) when the flags leave them out."""
    from humasdesk.core.privacy import DocumentHeader

    agency = saved.get("agency_name") if ns.agency is None else ns.agency
    unit = saved.get("unit_name") if ns.unit is None else ns.unit
    return DocumentHeader(str(agency or "").strip(), str(unit or "").strip(), ns.classification)


def verify_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="humasdesk verify",
        description="Periksa berkas ekspor (tanda tangan) atau log aktivitas lokal.",
    )
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--data-dir", metavar="DIR")
    p.add_argument("--pubkey", metavar="KEYFILE", help="kunci publik yang diharapkan")
    return p


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(list(argv))
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        _err(parser.prog, f"galat: {exc}")
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)


def _day(value: str, flag: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _UsageError(f"{flag} {value!r} bukan tanggal; tulis YYYY-MM-DD") from None


def _local_midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone()


# -- export ----------------------------------------------------------------------------------

_FAILURE_ID = {
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


def pdf_report_writer() -> Callable[..., None] | None:
    """The Qt report writer adapted to the service's `pdf_writer` contract (None when this
    build has no report module)."""
    try:
        from humasdesk.gui.report_pdf import write_report_pdf
    except ImportError:
        return None

    def writer(entries: Callable[[], Iterator[Any]], metrics: Any, manifest: Any, path: Path):
        write_report_pdf(path, entries=entries, metrics=metrics, manifest=manifest.report_fields())

    return writer


def text_pdf_writer(title: str, marking: str) -> Callable[[str, Path], None] | None:
    """The Qt plain-text PDF writer as a ``(text, path)`` callable, for access reports and
    the privacy documents (None when this build has no report module)."""
    try:
        from humasdesk.gui.report.text_pdf import write_text_pdf
    except ImportError:
        return None

    def writer(text: str, path: Path) -> None:
        write_text_pdf(text, path, title=title, marking=marking)

    return writer


def export_main(argv: Sequence[str], *, keyring_backend: Any = None) -> int:
    """`humasdesk export …`; returns the exit code. `keyring_backend` is for tests."""
    prog = "humasdesk export"
    if any(a == "--about" or a.startswith("--about=") for a in argv):
        from humasdesk.privacycli import about_main  # access report for one person

        return about_main(argv, keyring_backend=keyring_backend)
    ns = _parse(export_parser(), argv)
    if isinstance(ns, int):
        return ns
    try:
        start = end = None
        d_from = _day(ns.date_from, "--from") if ns.date_from else None
        d_to = _day(ns.date_to, "--to") if ns.date_to else None
        if d_from and d_to and d_from > d_to:
            raise _UsageError(f"--from {d_from} jatuh setelah --to {d_to}; tukar tanggalnya")
        if d_from:
            start = _local_midnight(d_from)
        if d_to:
            end = _local_midnight(d_to + timedelta(days=1))
        if ns.include_personal and ns.account == "office":
            raise _UsageError("--include-personal hanya untuk --account all atau personal")
    except _UsageError as exc:
        _err(prog, f"galat: {exc}")
        return EXIT_USAGE

    paths = resolve_data_dir(ns.data_dir)
    if not paths.root.is_dir():
        _err(prog, f"galat: direktori data {paths.root} tidak ada; periksa --data-dir")
        return EXIT_USAGE
    if not paths.database.is_file():
        _err(prog, f"galat: tidak ada log aktivitas di {paths.root}; periksa --data-dir")
        return EXIT_USAGE

    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.services.export import (
        ExportFailed,
        ExportFormat,
        ExportOptions,
        InvalidExportOptions,
        export_activity,
    )
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import open_database
    from humasdesk.store.exports import format_fingerprint
    from humasdesk.store.migrations import DatabaseTooNew

    pdf_writer = None
    if ns.format == ExportFormat.PDF:
        pdf_writer = pdf_report_writer()
        if pdf_writer is None:
            _err(prog, "galat: " + _FAILURE_ID["no_pdf_writer"])
            return EXIT_FAILURE

    from humasdesk.settings import Settings

    header = document_header(ns, Settings.load(paths.settings))
    options = ExportOptions(
        fmt=ns.format,
        start=start,
        end=end,
        accounts=frozenset(_ACCOUNTS[ns.account]),
        include_personal=ns.include_personal,
        agency=header.agency,
        unit=header.unit,
        classification=header.classification,
    )
    out = Path(ns.output).expanduser()
    signer = ExportSigner(backend=keyring_backend, public_key_path=paths.root / PUBLIC_KEY_FILENAME)
    try:
        db = open_database(paths.database)
    except DatabaseTooNew:
        _err(prog, "galat: basis data dibuat versi HumasDesk yang lebih baru; perbarui aplikasi")
        return EXIT_FAILURE
    except sqlite3.DatabaseError:
        _err(prog, f"galat: {paths.database.name} bukan basis data HumasDesk yang terbaca")
        return EXIT_FAILURE
    try:
        log = ActivityLog(db)
        result = export_activity(log, options, out, signer=signer, pdf_writer=pdf_writer)
    except InvalidExportOptions as exc:
        _err(prog, f"galat: {exc}")
        return EXIT_USAGE
    except ExportFailed as exc:
        template = _FAILURE_ID.get(str(exc.reason), "{detail}")
        _err(prog, "galat: " + template.format(file=out.name, detail=exc))
        return EXIT_FAILURE
    finally:
        db.close()
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


# -- verify ----------------------------------------------------------------------------------

_PROBLEM_ID = {
    "bad_signature": "tanda tangan tidak cocok dengan berkas .sig (berkas .sig diubah)",
    "size_differs": "ukuran berkas berbeda dari yang ditandatangani",
    "digest_differs": "isi berkas berbeda dari yang ditandatangani",
    "other_key": "ditandatangani kunci lain (sidik jari {fp}, seharusnya {expected})",
    "manifest_differs": "manifest di berkas berbeda dari yang ditandatangani",
}

_CHAIN_REASON_ID = {
    "entry missing": "entri hilang",
    "entry content does not match its hash": "isi entri tidak cocok dengan hash-nya (diubah)",
    "entry does not link to the previous entry": "tidak tersambung ke entri sebelumnya",
    "personal field does not match its digest": "data pribadi tidak cocok dengan digest-nya",
    "personal field removed without an erasure record": "data pribadi dihapus tanpa catatan",
    "entry is not in canonical form": "entri tidak dalam bentuk kanonik",
}


def _chain_reason(reason: str | None) -> str:
    if reason is None:
        return "tidak diketahui"
    if reason.startswith("entry differs from what entry"):
        return "entri diganti (entri berikutnya merujuk isi lain)"
    return _CHAIN_REASON_ID.get(reason, reason)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _head_of(db_path: Path) -> tuple[int, str] | None:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None
    finally:
        conn.close()


def _verify_database(prog: str, db_path: Path) -> int:
    from humasdesk.store.activity_log import verify_file
    from humasdesk.store.migrations import DatabaseTooNew

    try:
        result = verify_file(db_path)
        head = _head_of(db_path)
    except FileNotFoundError:
        _err(prog, f"galat: {db_path} tidak ditemukan")
        return EXIT_USAGE
    except DatabaseTooNew:
        _err(prog, "galat: basis data dibuat versi HumasDesk yang lebih baru; perbarui aplikasi")
        return EXIT_USAGE
    except sqlite3.DatabaseError:
        _err(prog, f"galat: {db_path.name} bukan basis data HumasDesk yang terbaca")
        return EXIT_USAGE
    if result.ok:
        if head is None:
            print("UTUH: log kosong (0 entri)")
        else:
            print(f"UTUH: {result.checked} entri, kepala seq {head[0]} hash {head[1][:16]}…")
        return EXIT_OK
    print(f"DIUBAH: entri seq {result.first_bad_seq}: {_chain_reason(result.reason)}")
    return EXIT_FAILURE


def verify_main(argv: Sequence[str]) -> int:
    """`humasdesk verify …`; returns the exit code."""
    prog = "humasdesk verify"
    ns = _parse(verify_parser(), argv)
    if isinstance(ns, int):
        return ns
    if ns.data_dir is not None and not Path(ns.data_dir).expanduser().is_dir():
        _err(prog, f"galat: direktori data {ns.data_dir} tidak ada; periksa --data-dir")
        return EXIT_USAGE
    paths = resolve_data_dir(ns.data_dir)
    if ns.file is None:
        if ns.pubkey is not None:
            _err(prog, "galat: --pubkey hanya untuk memeriksa berkas ekspor; sebutkan FILE")
            return EXIT_USAGE
        if not paths.root.is_dir():
            _err(prog, f"galat: direktori data {paths.root} tidak ada; periksa --data-dir")
            return EXIT_USAGE
        if not paths.database.is_file():
            _err(prog, f"galat: tidak ada log aktivitas di {paths.root}; periksa --data-dir")
            return EXIT_USAGE
        return _verify_database(prog, paths.database)

    path = Path(ns.file).expanduser()
    if not path.is_file():
        _err(prog, f"galat: berkas {ns.file} tidak ditemukan")
        return EXIT_USAGE
    if _is_sqlite(path):
        return _verify_database(prog, path)

    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME
    from humasdesk.store.exports import (
        SignatureFileError,
        format_fingerprint,
        read_public_key_file,
        verify_export,
    )
    from humasdesk.store.exports.check import Problem, Status

    expected: bytes | None = None
    key_source = ""
    key_file = Path(ns.pubkey).expanduser() if ns.pubkey else paths.root / PUBLIC_KEY_FILENAME
    if ns.pubkey or key_file.is_file():
        try:
            expected = read_public_key_file(key_file)
            key_source = "kunci yang diberikan" if ns.pubkey else "kunci desk ini"
        except (OSError, SignatureFileError) as exc:
            _err(prog, f"galat: kunci publik {key_file.name} tidak terbaca ({exc})")
            return EXIT_USAGE

    check = verify_export(path, expected_public_key=expected)
    status = check.status
    if status is Status.UNUSABLE:
        problem, detail = check.problems[0]
        if problem is Problem.NO_SIGNATURE:
            _err(prog, f"galat: tidak ada berkas tanda tangan {path.name}.sig di sampingnya")
        else:
            _err(prog, f"galat: berkas tanda tangan {path.name}.sig tidak terbaca ({detail})")
        return EXIT_USAGE
    fp = format_fingerprint(check.fingerprint or "", groups=4)
    expected_fp = format_fingerprint(check.expected_fingerprint or "", groups=4)
    if status is Status.ALTERED:
        reasons = []
        for problem, detail in check.problems:
            if problem is Problem.ENTRIES:
                if check.first_bad_seq is not None:
                    reasons.append(f"entri seq {check.first_bad_seq} tidak cocok dengan hash-nya")
                else:
                    reasons.append(f"isi JSON Lines rusak ({detail})")
            else:
                reasons.append(
                    _PROBLEM_ID.get(str(problem), detail).format(fp=fp, expected=expected_fp)
                )
        print(f"DIUBAH: {path.name} — " + "; ".join(reasons))
        return EXIT_FAILURE
    m = check.manifest or {}
    n = m.get("entries", "?")
    key_note = (
        key_source
        if expected is not None
        else ("kunci tidak dikenal di laptop ini — cocokkan sidik jari dengan laporan/pengaturan")
    )
    extra = ""
    if m.get("format") == "jsonl":
        extra = f", rantai diperiksa ({check.filtered_gaps} celah karena filter)"
    print(f"UTUH: {path.name} — {n} entri{extra}, ditandatangani {fp} ({key_note})")
    return EXIT_OK
