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
4. The format's writer (`WRITERS`) writes the file through `write_signed`
   (`humasdesk.store.exports.signed`): temporary file, SHA-256 and size in the signed
   statement, ``FILE.sig``, both renamed into place together. Cancel, failure or a full
   disk remove the temporary files: never a half file.
5. An ``export_made`` entry is appended (format, period, accounts, count, file *name*,
   SHA-256, key fingerprint — never a path, a token or a citizen's data).

`OSError`s become `ExportFailed` with a `FailureReason` (``no_space``, ``no_permission``,
``read_only``, ``no_folder``, ``is_directory``, ``io``) and the plain English reason.

A new format: a writer function ``(run, body) -> ExportManifest`` in `WRITERS`, an
`ExportFormat` member, and its suffix in the export dialog.

PDF: the caller passes `pdf_writer(entries, metrics, manifest, out_path)`: `entries` is a
zero-argument callable returning a fresh iterator over the exported entries (call it as
often as needed), `metrics` a `MetricsReport` over those entries, `manifest` the
`ExportManifest`, `out_path` the temporary path to write the PDF to (it is signed and
renamed after the writer returns). The GUI supplies one built on Qt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

from humasdesk import __version__
from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.metrics import MetricsReport, Period, compute_metrics
from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from humasdesk.store.activity_log import ActivityLog, Head, LogFilter
from humasdesk.store.exports.csvfmt import write_csv_rows
from humasdesk.store.exports.jsonl import write_jsonl
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import CitizenMasker, Selection
from humasdesk.store.exports.signed import (
    ExportCancelled,
    ExportError,
    ExportFailed,
    FailureReason,
    SignedBody,
    Signer,
    check_target,
    failure_from_oserror,
    write_signed,
)
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


class InvalidExportOptions(ExportError):
    """Options refused before anything was read or written. `code`: ``unknown_format``,
    ``period_reversed``, ``naive_time``, ``no_account``, ``unknown_account``,
    ``personal_not_selected``, ``unknown_citizen_mode``, ``unknown_classification``,
    ``bad_name``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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


def _offset_text(now: datetime, tz: tzinfo | None) -> str:
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    off = local.isoformat()[-6:]
    name = local.tzname() or ""
    return f"{off} ({name})" if name and name.isalpha() else off


class _Run:
    """One export in progress: what it selects, how it masks, its progress and cancel
    checks, and the manifest it states. The format writers read the log through it."""

    def __init__(
        self,
        log: ActivityLog,
        opts: ExportOptions,
        *,
        now: datetime,
        passes: int,
        progress: Progress | None,
        cancel: Cancel | None,
        tz: tzinfo | None,
        pseudonym_key: bytes | None,
        pdf_writer: PdfWriter | None,
    ) -> None:
        self.log, self.opts, self.now, self.tz = log, opts, now, tz
        self.fmt = ExportFormat(opts.fmt)
        self.pdf_writer = pdf_writer
        self.head = log.head()
        self.sql_filter = LogFilter(start=opts.start, end=opts.end)
        self.selection = Selection(
            slots=frozenset(opts.accounts),
            include_personal=opts.include_personal,
            start=opts.start,
            end=opts.end,
            max_seq=self.head.seq,
        )
        self.masker = CitizenMasker(full=opts.citizen_data == "full", key=pseudonym_key)
        self.snapshots = 0  # metrics snapshots the file carries (JSON Lines, XLSX)
        self._progress, self._cancel = progress, cancel
        self.in_period = log.count(self.sql_filter) if (opts.start or opts.end) else self.head.seq
        self.total = max(1, self.in_period) * passes
        self.done = 0

    def _tick(self, scanned: int) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("export cancelled")
        if self._progress is not None:
            self._progress(min(self.done + scanned, self.total), self.total)

    def _pass_done(self) -> None:
        self.done = min(self.total, self.done + self.in_period)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)

    def entries(self) -> Iterator[ActivityEntry]:
        """The selected entries in seq order (a fresh pass each call)."""
        scanned = 0
        for e in self.selection.filter(self.log.iter_entries(self.sql_filter)):
            yield e
            scanned += 1
            if scanned % _CHECK_EVERY == 0:
                self._tick(scanned)
        self._pass_done()

    def row_batches(self) -> Iterator[list[tuple[Any, ...]]]:
        """The stored rows for the CSV writer, which selects and decodes them itself."""
        scanned = 0
        for rows in self.log.iter_rows(self.sql_filter, max_seq=self.head.seq, batch=_CHECK_EVERY):
            yield rows
            scanned += len(rows)
            self._tick(scanned)
        self._pass_done()

    def metrics_store(self) -> contextlib.closing[Any]:
        """The metrics snapshots over the log's database (issue 16), closed after use."""
        from humasdesk.store.metrics_store import MetricsStore

        return contextlib.closing(MetricsStore(self.log.source))

    def count(
        self, tap: Callable[[ActivityEntry], None] | None = None
    ) -> tuple[int, int | None, int | None]:
        """A counting pass: how many entries, the first and last seq."""
        n, first, last = 0, None, None
        for e in self.entries():
            if tap is not None:
                tap(e)
            n += 1
            first = e.seq if first is None else first
            last = e.seq
        return n, first, last

    def manifest(
        self, body: SignedBody, count: int, first: int | None, last: int | None
    ) -> ExportManifest:
        opts = self.opts
        return ExportManifest(
            format=str(self.fmt),
            period_from=opts.start,
            period_to=opts.end,
            accounts=tuple(sorted(opts.accounts)),
            include_personal=opts.include_personal,
            personal_scope=self.selection.personal_scope,
            citizen_data=opts.citizen_data,
            entries=count,
            first_seq=first,
            last_seq=last,
            log_head_seq=self.head.seq,
            log_head_hash=self.head.hash,
            generated_at=self.now,
            timezone=_offset_text(self.now, self.tz),
            signing_key_fingerprint=body.fingerprint,
            app_version=__version__,
            agency=opts.agency,
            unit=opts.unit,
            classification=opts.classification,
            signing_key_kind=body.key_kind,
            snapshots=self.snapshots,
        )


# -- the formats: each writes the body of the signed file and returns its manifest ----------


def _write_csv(run: _Run, body: SignedBody) -> ExportManifest:
    from humasdesk.services.metrics import csv_reach_extra

    with run.metrics_store() as store:
        extra = csv_reach_extra(store, run.tz, run.now)  # each post's latest numbers
    written = write_csv_rows(
        body.file,
        run.row_batches(),
        selection=run.selection,
        masker=run.masker,
        tz=run.tz,
        extra=extra,
    )
    return run.manifest(body, written.entries, written.first_seq, written.last_seq)


def _write_xlsx(run: _Run, body: SignedBody) -> ExportManifest:
    from humasdesk.services.metrics import ReachCollector

    counted: list[Any] = [0, None, None]  # count, first seq, last seq, for the manifest
    collector = ReachCollector()

    def track(e: ActivityEntry) -> None:
        counted[0] += 1
        counted[1] = e.seq if counted[1] is None else counted[1]
        counted[2] = e.seq
        collector.add(e)

    def snapshot_rows() -> list[Any]:
        with run.metrics_store() as store:
            rows = collector.snapshot_rows(store, run.now)
        run.snapshots = len(rows)
        return rows

    write_xlsx(
        body.file,
        run.entries(),
        masker=run.masker,
        tz=run.tz,
        info=lambda n, first, last: run.manifest(body, n, first, last).to_dict(),
        on_entry=track,
        marking=run.opts.classification,
        snapshots=snapshot_rows,
    )
    return run.manifest(body, *counted)


def _write_jsonl(run: _Run, body: SignedBody) -> ExportManifest:
    from humasdesk.services.metrics import ReachCollector

    collector = ReachCollector()
    counts = run.count(tap=collector.add)
    with run.metrics_store() as store:
        snapshots = collector.snapshot_rows(store, run.now)
    run.snapshots = len(snapshots)
    manifest = run.manifest(body, *counts)  # the manifest leads the file
    n = write_jsonl(
        body.file, run.entries(), manifest=manifest, masker=run.masker, snapshots=snapshots
    )
    if n != manifest.entries:  # the log changed under us (it cannot: append-only, capped)
        raise ExportFailed(FailureReason.IO, "the log changed during the export")
    return manifest


def _write_pdf(run: _Run, body: SignedBody) -> ExportManifest:
    assert run.pdf_writer is not None
    pdf_writer = run.pdf_writer
    manifest = run.manifest(body, *run.count())
    opts, masker = run.opts, run.masker
    period = Period(opts.start or (_first_ts(run.entries) or run.now), opts.end or run.now)
    metrics = _with_reach(run, period)

    def masked() -> Iterator[ActivityEntry]:
        # The report quotes citizens' mentions: same privacy as the other formats.
        for e in run.entries():
            yield replace(
                e,
                citizen_handle=masker.handle(e.citizen_handle),
                citizen_text=masker.text(e.citizen_text),
            )

    def write(path: Path) -> None:
        try:
            pdf_writer(masked, metrics, manifest, path)
        except (ExportError, OSError):
            raise
        except Exception as exc:
            logger.warning("PDF writer failed: %s", type(exc).__name__)
            raise ExportFailed(
                FailureReason.PDF_WRITER_FAILED, f"the PDF report could not be made: {exc}"
            ) from None

    body.write_by_path(write)
    return manifest


def _with_reach(run: _Run, period: Period) -> MetricsReport:
    """The report's figures, with reach and engagement from the metrics snapshots and each
    account's name as of the period's end (issue 16)."""
    from humasdesk.services.metrics import ReachCollector

    collector = ReachCollector()

    def tapped() -> Iterator[ActivityEntry]:
        for e in run.entries():
            collector.add(e)
            yield e

    metrics = compute_metrics(tapped(), period)
    with run.metrics_store() as store:
        tz = run.tz or datetime.now().astimezone().tzinfo or UTC
        reach = collector.report(store, period, tz)
        names = store.display_names(period.end)
    return replace(metrics, reach=reach, names=names)


@dataclass(frozen=True)
class FormatWriter:
    write: Callable[[_Run, SignedBody], ExportManifest]
    passes: int  # reads of the period (progress counts them all)


#: One writer per format.
WRITERS: dict[ExportFormat, FormatWriter] = {
    ExportFormat.CSV: FormatWriter(_write_csv, 1),
    ExportFormat.XLSX: FormatWriter(_write_xlsx, 1),
    ExportFormat.JSONL: FormatWriter(_write_jsonl, 2),  # a counting pass, then the lines
    ExportFormat.PDF: FormatWriter(_write_pdf, 2),
}


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
    if fmt is ExportFormat.PDF and pdf_writer is None:
        raise ExportFailed(FailureReason.NO_PDF_WRITER, "no PDF report writer is available")
    check_target(out)
    writer = WRITERS[fmt]
    run = _Run(
        log,
        opts,
        now=now,
        passes=writer.passes,
        progress=progress,
        cancel=cancel,
        tz=tz,
        pseudonym_key=pseudonym_key,
        pdf_writer=pdf_writer,
    )
    manifests: list[ExportManifest] = []

    def write_body(body: SignedBody) -> dict[str, Any]:
        manifests.append(writer.write(run, body))
        return manifests[-1].to_dict()

    try:
        signed = write_signed(out, write_body, signer=signer, created_at=now, cancel=cancel)
    except ExportCancelled:
        logger.info("export cancelled")
        raise
    run.finish()
    manifest = manifests[-1]
    logged = _record(log, opts, manifest, run.head, signed.sha256, signed.fingerprint, out.name)
    logger.info("export made: %s, %d entries", fmt, manifest.entries)
    return ExportResult(
        path=out,
        sig_path=signed.sig_path,
        entries=manifest.entries,
        fingerprint=signed.fingerprint,
        head=run.head,
        sha256=signed.sha256,
        size=signed.size,
        manifest=manifest,
        logged=logged,
    )


def _record(
    log: ActivityLog,
    opts: ExportOptions,
    manifest: ExportManifest,
    head: Head,
    sha256: str,
    fingerprint: str,
    name: str,
) -> bool:
    """The ``export_made`` entry (no path, token or citizen's data). False if the log
    refused it: the files are complete and signed, and the caller says it was not logged."""
    stated = manifest.to_dict()
    try:
        log.append(
            Action.EXPORT_MADE,
            details={
                "format": str(manifest.format),
                "period_from": stated["period_from"],
                "period_to": stated["period_to"],
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
    except sqlite3.Error as exc:
        logger.warning("could not record the export in the log: %s", type(exc).__name__)
        return False
    return True


def _first_ts(factory: EntriesFactory) -> datetime | None:
    """The earliest time among the entries. Not the first entry's: a mention is logged
    when the desk receives it but carries its time on X, which can be days earlier."""
    return min((e.ts for e in factory()), default=None)


__all__ = [
    "WRITERS",
    "ExportCancelled",
    "ExportError",
    "ExportFailed",
    "ExportFormat",
    "ExportOptions",
    "ExportResult",
    "FailureReason",
    "InvalidExportOptions",
    "Signer",
    "export_activity",
    "failure_from_oserror",
]
