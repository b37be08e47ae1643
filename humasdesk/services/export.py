"""Supervisor exports of the activity log: choose, write, sign, record (no Qt).

`export_activity(log, options, out_path, signer=…)` runs the whole use case; call it off the
GUI thread (it reads the whole period and may wait on a keyring prompt):

1. `ExportOptions.validate()` refuses bad input up front (`InvalidExportOptions`, with a
   `code` the GUI/CLI turn into a message): unknown format, period ending before it starts,
   no account, ``include_personal`` without the personal account, unknown citizen mode.
2. The signing key is fetched first (`ExportFailed(KEYRING)` when there is no secure
   keyring: nothing is written, the private key never goes to a file).
3. The log's head is read; the export holds the entries up to it that the `Selection`
   accepts (privacy rules in `humasdesk.store.exports.rows`), streamed in seq order
   (JSON Lines and PDF make a counting pass first: the manifest leads the file).
4. The file is written to ``.<name>.<random>.part`` in the target folder, fsynced; its
   SHA-256 and size go into the signature statement, which the key signs; ``FILE.sig`` is
   written the same way; both are renamed into place together (`commit_all`). Cancel,
   failure or a full disk remove the temporary files: never a half file.
5. An ``export_made`` entry is appended (format, period, accounts, count, file *name*,
   SHA-256, key fingerprint — never a path, a token or a citizen's data).

`OSError`s become `ExportFailed` with a `FailureReason` (``no_space``, ``no_permission``,
``read_only``, ``no_folder``, ``is_directory``, ``io``) and the plain English reason.

PDF: the caller passes `pdf_writer(entries, metrics, manifest, out_path)`: `entries` is a
zero-argument callable returning a fresh iterator over the exported entries (call it as
often as needed), `metrics` a `MetricsReport` over those entries, `manifest` the
`ExportManifest`, `out_path` the temporary path to write the PDF to (it is signed and
renamed after the writer returns). The GUI supplies one built on Qt.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from humasdesk import __version__
from humasdesk.core.activity import Action, ActivityEntry, format_ts
from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.core.metrics import MetricsReport, Period, compute_metrics
from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from humasdesk.credentials.errors import SecureStorageUnavailable
from humasdesk.credentials.signing import SigningKeyUnreadable
from humasdesk.store.activity_log import ActivityLog, Head, LogFilter
from humasdesk.store.exports import sigfile
from humasdesk.store.exports.atomic import AtomicOutput, commit_all
from humasdesk.store.exports.csvfmt import write_csv_rows
from humasdesk.store.exports.jsonl import write_jsonl
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import CitizenMasker, Selection
from humasdesk.store.exports.xlsxfmt import write_xlsx

logger = logging.getLogger(__name__)

SLOTS = frozenset({"office", "personal"})
MAX_NAME_LENGTH = 200  # agency / unit names: one printable line
CITIZEN_MODES = ("masked", "full")
_CHECK_EVERY = 256  # entries between cancel checks / progress reports


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSONL = "jsonl"
    PDF = "pdf"


class ExportError(Exception):
    """Base of the export errors."""


class InvalidExportOptions(ExportError):
    """Options refused before anything was read or written. `code`: ``unknown_format``,
    ``period_reversed``, ``naive_time``, ``no_account``, ``unknown_account``,
    ``personal_not_selected``, ``unknown_citizen_mode``, ``unknown_classification``,
    ``bad_name``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class FailureReason(StrEnum):
    NO_SPACE = "no_space"
    NO_PERMISSION = "no_permission"
    READ_ONLY = "read_only"
    NO_FOLDER = "no_folder"
    IS_DIRECTORY = "is_directory"
    IO = "io"
    KEYRING = "keyring"
    NO_PDF_WRITER = "no_pdf_writer"
    PDF_WRITER_FAILED = "pdf_writer_failed"


class ExportFailed(ExportError):
    """The export could not be made; nothing was left behind. `reason` says why."""

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ExportCancelled(ExportError):
    """Cancelled by the caller; the temporary files are gone."""


class Signer(Protocol):
    @property
    def public_key_bytes(self) -> bytes: ...
    def sign(self, message: bytes) -> bytes: ...


EntriesFactory = Callable[[], Iterator[ActivityEntry]]
PdfWriter = Callable[[EntriesFactory, MetricsReport, ExportManifest, Path], None]
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class ExportOptions:
    """What to export. `start` inclusive, `end` exclusive (aware; None = no bound).
    `accounts` ⊆ {"office", "personal"}; personal entries not marked official capacity come
    only with `include_personal`. `citizen_data`: ``masked`` (default: pseudonymised handles,
    masked contacts) or ``full``. `agency`, `unit` and `classification` (one of
    `CLASSIFICATIONS`, default "Terbatas") say whose document it is and who may read it: they
    go into the manifest (so the signature covers them) and onto every page of the PDF."""

    fmt: ExportFormat | str
    start: datetime | None = None
    end: datetime | None = None
    accounts: frozenset[str] = field(default_factory=lambda: SLOTS)
    include_personal: bool = False
    citizen_data: str = "masked"
    agency: str = ""
    unit: str = ""
    classification: str = DEFAULT_CLASSIFICATION

    def validate(self) -> ExportOptions:
        """These options normalised (`fmt` an `ExportFormat`, `accounts` a frozenset of
        strings), or `InvalidExportOptions`."""
        try:
            fmt = ExportFormat(str(self.fmt).lower())
        except ValueError:
            raise InvalidExportOptions(
                "unknown_format",
                f"unknown export format {self.fmt!r} (use csv, xlsx, jsonl or pdf)",
            ) from None
        for t in (self.start, self.end):
            if t is not None and t.utcoffset() is None:
                raise InvalidExportOptions("naive_time", "period bounds must have a time zone")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise InvalidExportOptions(
                "period_reversed", "the period's start is not before its end"
            )
        accounts = frozenset(str(a) for a in self.accounts)
        if not accounts:
            raise InvalidExportOptions("no_account", "choose at least one account")
        if not accounts <= SLOTS:
            raise InvalidExportOptions(
                "unknown_account", f"unknown account {sorted(accounts - SLOTS)[0]!r}"
            )
        if self.include_personal and "personal" not in accounts:
            raise InvalidExportOptions(
                "personal_not_selected", "include_personal needs the personal account"
            )
        if self.citizen_data not in CITIZEN_MODES:
            raise InvalidExportOptions("unknown_citizen_mode", "citizen_data: masked or full")
        classification = self.classification.strip()
        if classification not in CLASSIFICATIONS:
            raise InvalidExportOptions(
                "unknown_classification",
                f"classification must be one of {', '.join(CLASSIFICATIONS)}",
            )
        agency, unit = self.agency.strip(), self.unit.strip()
        for label, value in (("agency", agency), ("unit", unit)):
            if len(value) > MAX_NAME_LENGTH or any(not ch.isprintable() for ch in value):
                raise InvalidExportOptions(
                    "bad_name",
                    f"the {label} name must be one line of at most {MAX_NAME_LENGTH} characters",
                )
        return replace(
            self,
            fmt=fmt,
            accounts=accounts,
            agency=agency,
            unit=unit,
            classification=classification,
        )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sig_path: Path
    entries: int
    fingerprint: str
    head: Head
    sha256: str
    size: int
    manifest: ExportManifest
    logged: bool = True


class _Cancelled(Exception):
    pass


def failure_from_oserror(exc: OSError, what: str) -> ExportFailed:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ExportFailed(FailureReason.NO_SPACE, f"no space left on the disk for {what}")
    if code in (errno.EACCES, errno.EPERM):
        return ExportFailed(FailureReason.NO_PERMISSION, f"no permission to write {what}")
    if code == errno.EROFS:
        return ExportFailed(FailureReason.READ_ONLY, f"the disk for {what} is read-only")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportFailed(FailureReason.NO_FOLDER, f"the folder for {what} does not exist")
    if code == errno.EISDIR:
        return ExportFailed(FailureReason.IS_DIRECTORY, f"{what} is a folder")
    return ExportFailed(FailureReason.IO, f"could not write {what}: {exc.strerror or exc}")


def _oserror_in(exc: BaseException) -> OSError | None:
    """The OSError behind `exc` (xlsxwriter wraps them)."""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 5:
        if isinstance(cur, OSError):
            return cur
        for arg in getattr(cur, "args", ()):
            if isinstance(arg, OSError):
                return arg
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return None


def _offset_text(now: datetime, tz: tzinfo | None) -> str:
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    off = local.isoformat()[-6:]
    name = local.tzname() or ""
    return f"{off} ({name})" if name and name.isalpha() else off


def export_activity(
    log: ActivityLog,
    options: ExportOptions,
    out_path: str | os.PathLike[str],
    *,
    signer: Signer,
    pdf_writer: PdfWriter | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    clock: Callable[[], datetime] | None = None,
    tz: tzinfo | None = None,
    pseudonym_key: bytes | None = None,
) -> ExportResult:
    """Write, sign and record one export (see the module docstring). Raises
    `InvalidExportOptions`, `ExportFailed` or `ExportCancelled`."""
    opts = options.validate()
    fmt = ExportFormat(opts.fmt)
    now = (clock or (lambda: datetime.now(UTC)))()
    out = Path(out_path)
    name = out.name
    if fmt is ExportFormat.PDF and pdf_writer is None:
        raise ExportFailed(FailureReason.NO_PDF_WRITER, "no PDF report writer is available")
    if out.is_dir():
        raise ExportFailed(FailureReason.IS_DIRECTORY, f"{name} is a folder")
    if not out.parent.is_dir():
        raise ExportFailed(FailureReason.NO_FOLDER, f"the folder for {name} does not exist")
    try:
        public_key = signer.public_key_bytes
    except SecureStorageUnavailable as exc:
        raise ExportFailed(FailureReason.KEYRING, f"cannot sign the export: {exc}") from None
    except SigningKeyUnreadable as exc:
        raise ExportFailed(FailureReason.KEYRING, str(exc)) from None
    fingerprint = fingerprint_of(public_key)
    key_kind = "session" if getattr(signer, "session_only", False) else "keyring"

    head = log.head()
    sql_filter = LogFilter(start=opts.start, end=opts.end)
    selection = Selection(
        slots=frozenset(opts.accounts),
        include_personal=opts.include_personal,
        start=opts.start,
        end=opts.end,
        max_seq=head.seq,
    )
    masker = CitizenMasker(full=opts.citizen_data == "full", key=pseudonym_key)
    passes = 2 if fmt in (ExportFormat.JSONL, ExportFormat.PDF) else 1
    in_period = log.count(sql_filter) if (opts.start or opts.end) else head.seq
    total = max(1, in_period) * passes
    done = 0

    def entries() -> Iterator[ActivityEntry]:
        nonlocal done
        scanned = 0
        for e in selection.filter(log.iter_entries(sql_filter)):
            yield e
            scanned += 1
            if scanned % _CHECK_EVERY == 0:
                if cancel is not None and cancel():
                    raise _Cancelled
                if progress is not None:
                    progress(min(done + scanned, total), total)
        done = min(total, done + in_period)

    def row_batches() -> Iterator[list[tuple[Any, ...]]]:
        """The stored rows for the CSV writer, which selects and decodes them itself, with
        the cancel and progress checks of `entries`."""
        nonlocal done
        scanned = 0
        for rows in log.iter_rows(sql_filter, max_seq=head.seq, batch=_CHECK_EVERY):
            yield rows
            scanned += len(rows)
            if cancel is not None and cancel():
                raise _Cancelled
            if progress is not None:
                progress(min(done + scanned, total), total)
        done = min(total, done + in_period)

    def manifest_for(count: int, first: int | None, last: int | None) -> ExportManifest:
        return ExportManifest(
            format=str(fmt),
            period_from=opts.start,
            period_to=opts.end,
            accounts=tuple(sorted(opts.accounts)),
            include_personal=opts.include_personal,
            personal_scope=selection.personal_scope,
            citizen_data=opts.citizen_data,
            entries=count,
            first_seq=first,
            last_seq=last,
            log_head_seq=head.seq,
            log_head_hash=head.hash,
            generated_at=now,
            timezone=_offset_text(now, tz),
            signing_key_fingerprint=fingerprint,
            app_version=__version__,
            agency=opts.agency,
            unit=opts.unit,
            classification=opts.classification,
            signing_key_kind=key_kind,
        )

    counted: list[int | None] = [0, None, None]

    def count_pass() -> None:
        n, first, last = 0, None, None
        for e in entries():
            n += 1
            first = e.seq if first is None else first
            last = e.seq
        counted[:] = [n, first, last]

    def track(e: ActivityEntry) -> None:
        counted[0] = int(counted[0] or 0) + 1
        counted[1] = e.seq if counted[1] is None else counted[1]
        counted[2] = e.seq

    what = name
    data: AtomicOutput | None = None
    sig: AtomicOutput | None = None
    try:
        data = AtomicOutput(out)
        if fmt is ExportFormat.CSV:
            written = write_csv_rows(
                data.file, row_batches(), selection=selection, masker=masker, tz=tz
            )
            counted[:] = [written.entries, written.first_seq, written.last_seq]
        elif fmt is ExportFormat.XLSX:
            write_xlsx(
                data.file,
                entries(),
                masker=masker,
                tz=tz,
                info=lambda n, f, la: manifest_for(n, f, la).to_dict(),
                on_entry=track,
                marking=opts.classification,
            )
        elif fmt is ExportFormat.JSONL:
            count_pass()
            manifest = manifest_for(*counted)  # type: ignore[arg-type]
            n = write_jsonl(data.file, entries(), manifest=manifest, masker=masker)
            if n != counted[0]:  # the log changed under us (it cannot: append-only, capped)
                raise ExportFailed(FailureReason.IO, "the log changed during the export")
        else:
            assert pdf_writer is not None
            count_pass()
            manifest = manifest_for(*counted)  # type: ignore[arg-type]
            period = Period(
                opts.start or (_first_ts(entries) or now),
                opts.end or now,
            )
            metrics = compute_metrics(entries(), period)
            data.file.close()

            def masked() -> Iterator[ActivityEntry]:
                # The report quotes citizens' mentions: same privacy as the other formats.
                for e in entries():
                    yield replace(
                        e,
                        citizen_handle=masker.handle(e.citizen_handle),
                        citizen_text=masker.text(e.citizen_text),
                    )

            try:
                pdf_writer(masked, metrics, manifest, data.tmp_path)
            except (_Cancelled, OSError):
                raise
            except Exception as exc:
                logger.warning("PDF writer failed: %s", type(exc).__name__)
                raise ExportFailed(
                    FailureReason.PDF_WRITER_FAILED, f"the PDF report could not be made: {exc}"
                ) from None
            data.file = open(data.tmp_path, "r+b")  # closed by commit_all/discard
        if cancel is not None and cancel():
            raise _Cancelled
        manifest = manifest_for(*counted)  # type: ignore[arg-type]
        data.sync()
        data.file.seek(0)
        size, sha256 = sigfile.digest_stream(data.file)
        statement = sigfile.build_statement(
            public_key=public_key,
            file_name=name,
            size=size,
            sha256=sha256,
            created_at=format_ts(now),
            app_version=__version__,
            manifest=manifest.to_dict(),
        )
        try:
            signed = sigfile.sign_statement(statement, signer.sign)
        except SecureStorageUnavailable as exc:
            raise ExportFailed(FailureReason.KEYRING, f"cannot sign the export: {exc}") from None
        what = name + sigfile.SIG_SUFFIX
        sig = AtomicOutput(sigfile.sig_path_for(out))
        sig.file.write(signed)
        if cancel is not None and cancel():
            raise _Cancelled
        commit_all(data, sig)
    except _Cancelled:
        _discard(data, sig)
        logger.info("export cancelled")
        raise ExportCancelled("export cancelled") from None
    except OSError as exc:
        _discard(data, sig)
        logger.warning("export failed: %s (errno %s)", type(exc).__name__, exc.errno)
        raise failure_from_oserror(exc, what) from None
    except ExportError:
        _discard(data, sig)
        raise
    except Exception as exc:
        _discard(data, sig)
        inner = _oserror_in(exc)
        if inner is not None:
            raise failure_from_oserror(inner, what) from None
        raise
    except BaseException:
        _discard(data, sig)
        raise

    if progress is not None:
        progress(total, total)
    logged = True
    try:
        log.append(
            Action.EXPORT_MADE,
            details={
                "format": str(fmt),
                "period_from": manifest.to_dict()["period_from"],
                "period_to": manifest.to_dict()["period_to"],
                "accounts": sorted(opts.accounts),
                "include_personal": opts.include_personal,
                "citizen_data": opts.citizen_data,
                "classification": opts.classification,
                "entries": manifest.entries,
                "log_head_seq": head.seq,
                "file": name,
                "sha256": sha256,
                "fingerprint": fingerprint,
            },
        )
    except sqlite3.Error as exc:  # the files are complete and signed; say it was not logged
        logger.warning("could not record the export in the log: %s", type(exc).__name__)
        logged = False
    logger.info("export made: %s, %d entries", fmt, manifest.entries)
    return ExportResult(
        path=out,
        sig_path=sigfile.sig_path_for(out),
        entries=manifest.entries,
        fingerprint=fingerprint,
        head=head,
        sha256=sha256,
        size=size,
        manifest=manifest,
        logged=logged,
    )


def _first_ts(factory: EntriesFactory) -> datetime | None:
    """The earliest time among the entries. Not the first entry's: a mention is logged
    when the desk receives it but carries its time on X, which can be days earlier."""
    return min((e.ts for e in factory()), default=None)


def _discard(*outputs: AtomicOutput | None) -> None:
    for o in outputs:
        if o is not None:
            o.discard()
