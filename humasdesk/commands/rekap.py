"""`humasdesk rekap`: the supervisor's side — the register of officials' keys, and the
consolidation of their signed JSON Lines exports into one *Rekapitulasi* (no Qt unless the
output is a PDF or the window opens).

::

    humasdesk rekap keys add FILE --name N --unit U [--account @HANDLE] [--from DATE]
    humasdesk rekap keys add --fingerprint FPR --name N --unit U [--account @HANDLE] [--from DATE]
    humasdesk rekap keys list [--json]
    humasdesk rekap keys retire FINGERPRINT --from DATE
    humasdesk rekap -o OUT.pdf|OUT.xlsx|OUT.csv [--from DATE --to DATE] [--no-ranking]
                    [--agency TEXT] [--unit TEXT] [--classification C] FILE.jsonl...
    humasdesk rekap [FILE.jsonl...]          the window (HumasDesk → Rekap laporan bawahan…)

The register lives in the supervisor's data folder (``--data-dir``; ``trusted-keys.json``).
``keys add FILE`` takes the ``signing-key.pub`` an official hands over; ``--fingerprint``
the 64 hex digits printed in their report. ``keys retire`` ends a key's validity from a
day on (after *serah terima jabatan*); its earlier exports still count for their own days.
A file named ``keys`` is given as ``./keys``.

Consolidating: the rekap is signed with this data folder's key (``humasdesk verify
OUT``). Each excluded input is named on stderr, one line with the reason; each gap between
an official's files on stdout. Exit codes: 0 every input verified and counted; 1 the rekap
was written but some inputs were excluded; 2 nothing usable or bad usage (no rekap written).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from humasdesk.commands.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    Deps,
    UsageError,
    add_data_dir,
    add_header,
    add_period,
    document_header,
    export_signer,
    failure_text,
    period,
)
from humasdesk.paths import DataPaths, resolve_data_dir

if TYPE_CHECKING:
    from humasdesk.store.trusted_keys import KeyRegisterError, TrustedKeys

NAME = "rekap"
HELP = "rekap atasan: daftar kunci pejabat, dan rekapitulasi ekspor JSON Lines bawahan"
DESCRIPTION = (
    "Periksa ekspor JSON Lines bertanda tangan dari para pejabat terhadap daftar kunci "
    "tepercaya dan gabungkan menjadi satu Rekapitulasi Aktivitas Media Sosial (PDF, XLSX, "
    "CSV). `rekap keys add|list|retire` mengelola daftar kunci. Tanpa -o: membuka jendela. "
    "Keluar 0 semua berkas dihitung, 1 rekap dibuat tetapi ada berkas dikeluarkan, 2 tidak "
    "ada yang dapat dipakai."
)
SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv"}

REGISTER_TEXT = {
    "already_registered": "kunci ini sudah terdaftar atas nama {name} ({unit})",
    "not_found": "kunci {text} tidak ada di daftar; lihat `humasdesk rekap keys list`",
    "ambiguous": "lebih dari satu kunci berawalan {text}; tulis sidik jari lebih panjang",
    "bad_fingerprint": "sidik jari {text!r} tidak sah: 64 digit heksadesimal (boleh "
    "berkelompok, mis. 3F2A 9C01 …)",
    "bad_name": "nama/unit/akun harus satu baris, paling banyak 200 karakter",
    "retire_before_start": "kunci baru berlaku sejak {valid_from}; tanggal pensiun harus "
    "sesudahnya",
    "already_retired": "kunci sudah tidak berlaku sejak {valid_until}",
    "unreadable": "daftar kunci (trusted-keys.json) rusak atau tidak terbaca; pulihkan dari "
    "cadangan",
    "too_new": "daftar kunci dibuat HumasDesk yang lebih baru; perbarui aplikasi",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "words",
        nargs="*",
        metavar="FILE",
        help="berkas ekspor .jsonl (atau: keys add|list|retire …)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="OUT.pdf, OUT.xlsx atau OUT.csv")
    add_period(p)
    p.add_argument("--no-ranking", action="store_true", help="tanpa tabel peringkat")
    add_data_dir(p)
    add_header(p)
    keys = p.add_argument_group("keys add")
    keys.add_argument("--name", metavar="N", help="keys add: nama pejabat")
    keys.add_argument("--account", metavar="@HANDLE", help="keys add: akun kantor (opsional)")
    keys.add_argument(
        "--fingerprint", metavar="FPR", help="keys add: sidik jari dari laporan pejabat"
    )
    p.add_argument("--json", action="store_true", help="keys list: keluaran JSON")


def _day(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} bukan tanggal; tulis YYYY-MM-DD") from None


def _register(ns: argparse.Namespace, *, create: bool) -> tuple[DataPaths, TrustedKeys]:
    from humasdesk.store.trusted_keys import TrustedKeys

    paths = resolve_data_dir(ns.data_dir)
    if create:
        paths.ensure()
    elif not paths.root.is_dir():
        raise UsageError(f"direktori data {paths.root} tidak ada; periksa --data-dir")
    return paths, TrustedKeys(paths.trusted_keys)


def _register_error(exc: KeyRegisterError) -> CommandFailed:
    text = REGISTER_TEXT.get(exc.code, str(exc))
    try:
        text = text.format(**{k: str(v) for k, v in exc.params.items()})
    except (KeyError, IndexError):
        pass
    code = EXIT_USAGE if exc.code in ("bad_fingerprint", "bad_name", "not_found") else 1
    return CommandFailed(text, code)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    if ns.words and ns.words[0] == "keys":
        return _keys(ns, deps)
    for flag, value in (("--name", ns.name), ("--account", ns.account)):
        if value is not None:
            raise UsageError(f"{flag} hanya untuk `rekap keys add`")
    if ns.fingerprint is not None:
        raise UsageError("--fingerprint hanya untuk `rekap keys add`")
    if ns.output is None:
        return _window(ns, deps)
    return _consolidate(ns, deps)


# -- keys ------------------------------------------------------------------------------------


def _keys(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.store.trusted_keys import KeyRegisterError

    words = ns.words[1:]
    if not words or words[0] not in ("add", "list", "retire"):
        raise UsageError(
            "tulis `rekap keys add FILE …`, `rekap keys list` atau "
            "`rekap keys retire SIDIK_JARI --from TANGGAL`"
        )
    action, args = words[0], words[1:]
    if ns.output is not None or ns.no_ranking or ns.date_to is not None:
        raise UsageError("-o, --to dan --no-ranking bukan untuk `rekap keys`")
    try:
        if action == "list":
            if args or ns.date_from is not None:
                raise UsageError("`rekap keys list` tidak menerima argumen")
            return _keys_list(ns)
        if action == "retire":
            if len(args) != 1:
                raise UsageError("tulis `rekap keys retire SIDIK_JARI --from TANGGAL`")
            day = _day(ns.date_from, "--from")
            if day is None:
                raise UsageError(
                    "`rekap keys retire` perlu --from TANGGAL (hari pertama kunci tidak berlaku)"
                )
            _paths, register = _register(ns, create=False)
            key = register.retire(args[0], day)
            print(
                f"Kunci {key.name} ({key.unit}) {_short(key.fingerprint)} tidak berlaku lagi "
                f"sejak {day.isoformat()}; ekspor sebelum tanggal itu tetap sah."
            )
            return EXIT_OK
        return _keys_add(ns, args)
    except KeyRegisterError as exc:
        raise _register_error(exc) from None


def _short(fp: str) -> str:
    from humasdesk.core.fingerprint import format_fingerprint

    return format_fingerprint(fp, groups=4)


def _keys_add(ns: argparse.Namespace, args: list[str]) -> int:
    from humasdesk.store.exports.sigfile import SignatureFileError, read_public_key_file

    if len(args) > 1:
        raise UsageError("`rekap keys add` menerima satu berkas kunci publik")
    if not args and ns.fingerprint is None:
        raise UsageError("sebutkan berkas signing-key.pub pejabat, atau --fingerprint")
    if ns.name is None or ns.unit is None:
        raise UsageError("`rekap keys add` perlu --name dan --unit")
    public_key = None
    if args:
        path = Path(args[0]).expanduser()
        if path.suffix == ".sig":
            raise UsageError(
                "berkas .sig bukan kunci: kunci dipercaya dari signing-key.pub yang diserahkan "
                "pejabat, bukan dari berkas yang dibawanya"
            )
        try:
            public_key = read_public_key_file(path)
        except FileNotFoundError:
            raise UsageError(f"berkas {args[0]} tidak ditemukan") from None
        except (OSError, SignatureFileError) as exc:
            raise CommandFailed(
                f"{path.name} bukan kunci publik HumasDesk yang terbaca ({exc})", EXIT_USAGE
            ) from None
    _paths, register = _register(ns, create=True)
    key = register.add(
        name=ns.name,
        unit=ns.unit,
        public_key=public_key,
        fingerprint=ns.fingerprint,
        account=ns.account or "",
        valid_from=_day(ns.date_from, "--from"),
    )
    since = f", berlaku sejak {key.valid_from.isoformat()}" if key.valid_from else ""
    print(f"Kunci ditambahkan: {key.name} ({key.unit}) {key.display_fingerprint}{since}")
    return EXIT_OK


def _keys_list(ns: argparse.Namespace) -> int:
    _paths, register = _register(ns, create=False)
    keys = register.list()
    if ns.json:
        print(json.dumps([k.to_dict() for k in keys], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not keys:
        print(
            "Daftar kunci kosong. Tambahkan dengan `humasdesk rekap keys add "
            "signing-key.pub --name N --unit U`."
        )
        return EXIT_OK
    for k in keys:
        valid = (
            f"{k.valid_from.isoformat() if k.valid_from else '…'} s.d. "
            f"{'sebelum ' + k.valid_until.isoformat() if k.valid_until else 'sekarang'}"
        )
        account = f" {k.account}" if k.account else ""
        print(f"{_short(k.fingerprint)}  {k.name} — {k.unit}{account}  berlaku {valid}")
    return EXIT_OK


# -- the rekap -------------------------------------------------------------------------------


def _consolidate(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.rekap import gap_text, verdict_text
    from humasdesk.services.rekap import (
        ExportFailed,
        NothingUsable,
        RekapHeader,
        check_inputs,
        write_rekap,
    )
    from humasdesk.store.trusted_keys import KeyRegisterError

    out = Path(ns.output).expanduser()
    fmt = SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        raise UsageError("-o harus berakhiran .pdf, .xlsx atau .csv")
    if not ns.words:
        raise UsageError("sebutkan berkas ekspor .jsonl yang akan direkap")
    if (ns.date_from is None) != (ns.date_to is None):
        raise UsageError("--from dan --to dipakai bersama (atau keduanya tidak)")
    start, end = period(ns)
    paths, register = _register(ns, create=False)
    pdf_writer = None
    if fmt == "pdf":
        from humasdesk.gui.report.adapters import rekap_pdf_writer

        pdf_writer = rekap_pdf_writer()
        if pdf_writer is None:
            raise CommandFailed(failure_text("no_pdf_writer", out))
    from humasdesk.settings import Settings

    saved = Settings.load(paths.settings)
    doc = document_header(ns, saved)
    header = RekapHeader(
        agency=doc.agency,
        unit=doc.unit,
        classification=doc.classification,
        ranking=not ns.no_ranking,
    )
    prog = "humasdesk rekap"
    from humasdesk.core.errors import SecretUnavailable

    signer = export_signer(paths, deps)
    try:
        _ = signer.public_key_bytes  # before reading a single file: the rekap must be signed
    except SecretUnavailable:
        raise CommandFailed(failure_text("keyring", out)) from None
    try:
        rekap = check_inputs(ns.words, register, start=start, end=end, clock=deps.clock)
    except KeyRegisterError as exc:
        raise _register_error(exc) from None
    except NothingUsable as exc:
        for fc in exc.rekap.files:
            reason = verdict_text(fc.verdict, fc.detail, exc.rekap.tz)
            print(f"{prog}: {fc.name} dikeluarkan: {reason}", file=sys.stderr)
        empty = "" if register.list() else " (daftar kunci kosong: `rekap keys add`)"
        raise CommandFailed(
            f"tidak ada berkas yang dapat dihitung{empty}; rekap tidak dibuat", EXIT_USAGE
        ) from None
    try:
        signed = write_rekap(
            rekap,
            out,
            fmt,
            signer=signer,
            header=header,
            pdf_writer=pdf_writer,
        )
    except ExportFailed as exc:
        raise CommandFailed(failure_text(exc.reason, out, exc)) from None
    for fc in rekap.excluded:
        print(
            f"{prog}: {fc.name} dikeluarkan: {verdict_text(fc.verdict, fc.detail, rekap.tz)}",
            file=sys.stderr,
        )
    for gap in rekap.gaps:
        print(f"Celah: {gap_text(gap)}")
    print(
        f"Rekap selesai: {out.name} — {len(rekap.counted_files)} dari {len(rekap.files)} "
        f"berkas dihitung, {rekap.entries_counted} entri, {len(rekap.officials)} pejabat, "
        f"{len(rekap.units())} unit. Kunci: {_short(signed.fingerprint)}"
    )
    return EXIT_FAILURE if rekap.excluded else EXIT_OK


def _window(ns: argparse.Namespace, deps: Deps) -> int:
    if ns.no_ranking or ns.json:
        raise UsageError("--no-ranking dan --json hanya bersama -o / keys list")
    from humasdesk.app import RekapOptions, run_rekap_window

    start, end = period(ns)
    return run_rekap_window(
        RekapOptions(data_dir=ns.data_dir, files=tuple(ns.words), start=start, end=end)
    )
