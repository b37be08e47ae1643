"""`humasdesk verify`: is a signed file, or this desk's activity log, intact? (no Qt)

::

    humasdesk verify [FILE | --data-dir DIR] [--pubkey KEYFILE]

``verify FILE`` checks ``FILE.sig`` (and, for JSON Lines, every entry's hash) against the
key in ``<data dir>/signing-key.pub`` when there is one, or the ``--pubkey`` file; a
database file (``humasdesk.db``) is verified as a chain. ``verify`` without FILE checks the
local log of the data directory.

Exit codes: 0 intact, 1 altered (says what), 2 unusable input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from humasdesk.commands.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    Deps,
    UsageError,
    add_data_dir,
    data_paths,
    database_errors,
)
from humasdesk.paths import resolve_data_dir

NAME = "verify"
HELP = "periksa berkas ekspor (tanda tangan) atau log aktivitas lokal"
DESCRIPTION = (
    "Periksa berkas ekspor (tanda tangan) atau log aktivitas lokal. Keluar 0 utuh, 1 diubah, "
    "2 masukan tidak dapat dipakai."
)

PROBLEM_TEXT = {
    "bad_signature": "tanda tangan tidak cocok dengan berkas .sig (berkas .sig diubah)",
    "size_differs": "ukuran berkas berbeda dari yang ditandatangani",
    "digest_differs": "isi berkas berbeda dari yang ditandatangani",
    "other_key": "ditandatangani kunci lain (sidik jari {fp}, seharusnya {expected})",
    "manifest_differs": "manifest di berkas berbeda dari yang ditandatangani",
}

CHAIN_REASON_TEXT = {
    "entry missing": "entri hilang",
    "entry content does not match its hash": "isi entri tidak cocok dengan hash-nya (diubah)",
    "entry does not link to the previous entry": "tidak tersambung ke entri sebelumnya",
    "personal field does not match its digest": "data pribadi tidak cocok dengan digest-nya",
    "personal field removed without an erasure record": "data pribadi dihapus tanpa catatan",
    "entry is not in canonical form": "entri tidak dalam bentuk kanonik",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", metavar="FILE")
    add_data_dir(p)
    p.add_argument("--pubkey", metavar="KEYFILE", help="kunci publik yang diharapkan")


def run(ns: argparse.Namespace, deps: Deps) -> int:
    if ns.file is None:
        if ns.pubkey is not None:
            raise UsageError("--pubkey hanya untuk memeriksa berkas ekspor; sebutkan FILE")
        return _verify_database(data_paths(ns.data_dir).database)
    if ns.data_dir is not None:
        data_paths(ns.data_dir, database=False)  # a mistyped folder is said, not ignored
    path = Path(ns.file).expanduser()
    if not path.is_file():
        raise UsageError(f"berkas {ns.file} tidak ditemukan")
    if _is_sqlite(path):
        return _verify_database(path)
    return _verify_export(path, ns)


def _chain_reason(reason: str | None) -> str:
    if reason is None:
        return "tidak diketahui"
    if reason.startswith("entry differs from what entry"):
        return "entri diganti (entri berikutnya merujuk isi lain)"
    return CHAIN_REASON_TEXT.get(reason, reason)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _head_of(db_path: Path) -> tuple[int, str] | None:
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT seq, hash FROM activity ORDER BY seq DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None
    finally:
        conn.close()


def _verify_database(db_path: Path) -> int:
    from humasdesk.store.activity_log import verify_file

    try:
        with database_errors(db_path, EXIT_USAGE):
            result = verify_file(db_path)
            head = _head_of(db_path)
    except FileNotFoundError:
        raise UsageError(f"{db_path} tidak ditemukan") from None
    if result.ok:
        if head is None:
            print("UTUH: log kosong (0 entri)")
        else:
            print(f"UTUH: {result.checked} entri, kepala seq {head[0]} hash {head[1][:16]}…")
        return EXIT_OK
    print(f"DIUBAH: entri seq {result.first_bad_seq}: {_chain_reason(result.reason)}")
    return EXIT_FAILURE


def _verify_export(path: Path, ns: argparse.Namespace) -> int:
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
    root = resolve_data_dir(ns.data_dir).root
    key_file = Path(ns.pubkey).expanduser() if ns.pubkey else root / PUBLIC_KEY_FILENAME
    if ns.pubkey or key_file.is_file():
        try:
            expected = read_public_key_file(key_file)
            key_source = "kunci yang diberikan" if ns.pubkey else "kunci desk ini"
        except (OSError, SignatureFileError) as exc:
            raise UsageError(f"kunci publik {key_file.name} tidak terbaca ({exc})") from None

    check = verify_export(path, expected_public_key=expected)
    if check.status is Status.UNUSABLE:
        problem, detail = check.problems[0]
        if problem is Problem.NO_SIGNATURE:
            raise CommandFailed(
                f"tidak ada berkas tanda tangan {path.name}.sig di sampingnya", EXIT_USAGE
            )
        raise CommandFailed(
            f"berkas tanda tangan {path.name}.sig tidak terbaca ({detail})", EXIT_USAGE
        )
    fp = format_fingerprint(check.fingerprint or "", groups=4)
    expected_fp = format_fingerprint(check.expected_fingerprint or "", groups=4)
    if check.status is Status.ALTERED:
        reasons = []
        for problem, detail in check.problems:
            if problem is Problem.ENTRIES:
                if check.first_bad_seq is not None:
                    reasons.append(f"entri seq {check.first_bad_seq} tidak cocok dengan hash-nya")
                else:
                    reasons.append(f"isi JSON Lines rusak ({detail})")
            else:
                reasons.append(
                    PROBLEM_TEXT.get(str(problem), detail).format(fp=fp, expected=expected_fp)
                )
        print(f"DIUBAH: {path.name} — " + "; ".join(reasons))
        return EXIT_FAILURE
    m = check.manifest or {}
    n = m.get("entries", "?")
    key_note = (
        key_source
        if expected is not None
        else "kunci tidak dikenal di laptop ini — cocokkan sidik jari dengan laporan/pengaturan"
    )
    extra = ""
    if m.get("format") == "jsonl":
        extra = f", rantai diperiksa ({check.filtered_gaps} celah karena filter)"
    print(f"UTUH: {path.name} — {n} entri{extra}, ditandatangani {fp} ({key_note})")
    return EXIT_OK
