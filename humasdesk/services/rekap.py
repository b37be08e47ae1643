"""The supervisor's rekap: check many officials' signed JSON Lines exports against the
register of trusted keys, and consolidate the ones that verify (no Qt).

`check_inputs(paths, register, …)` does the reading, off the GUI thread:

1. **Each file, cheaply first**: does it exist, is it JSON Lines at all (a CSV, XLSX or PDF
   export is refused with what to ask for), is its ``FILE.sig`` there, one of ours and
   validly signed, is the signing key in the register — a key is never trusted because the
   file carries it —, does the export's period touch the rekap's? A file that fails here is
   not read further (its SHA-256 is still taken, for the verification page).
2. **Each official's files** (grouped by key, in order of their first entry) are then read
   in one streaming pass each (`jsonl_read.scan_jsonl`): the bytes' SHA-256 and size must be
   the signed ones, every entry must match its hash and link to its neighbour, the file's
   manifest must be the signed one, and the key must be valid for the file's activity span
   (`core.rekap`). Entries go straight into that official's `MetricsAccumulator`
   (`core.metrics`: the same definitions as the officials' own reports), de-duplicated by
   entry number (overlapping exports of the same log hold the same entries; the same number
   with another hash is a conflict, and the later file is excluded). Of the personal
   account only entries marked *kapasitas jabatan* count, as in a default export. If a file
   fails after its entries were fed, the official's figures are rebuilt without it.
3. **Gaps** between an official's counted files are reported (`core.rekap.find_gaps`).
4. **Reach and engagement** (issue 16's ``metrics_snapshot`` lines after the entries): while
   an official's files stream, the rekap keeps each counted post's and reply's X id and time
   (office, and personal only *kapasitas jabatan*, as the rest), the edits made on X, and
   per post id only its latest reading (read time, impressions, engagements) — taken from a
   file only once it is counted. The figures are `core.metrics.ReachTally`'s, the same
   definitions as the officials' own reports (`compute_reach`); an official none of whose
   counted files carries a reading has none (`OfficialFigures.reach` None), never zeros.

Only one official's entries are held at a time, so memory does not grow with the number of
files: what stays are the per-account tallies (counts, and 8 bytes per answered mention for
exact percentiles over units and the total).

`on_file(FileCheck)` is called as each file's verdict is known (the window shows it at once),
`progress(done_bytes, total_bytes)` per block read, and `cancel()` is polled per block
(`RekapCancelled`). `NothingUsable` is raised when no input can be counted.

`write_rekap(rekap, out, fmt, signer=…)` writes the PDF (through the caller's `pdf_writer`),
XLSX or CSV and its ``.sig`` through `store.exports.signed.write_signed`, like every signed
file of the desk: `humasdesk verify` checks it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

from humasdesk import __version__
from humasdesk.core.activity import format_ts, parse_ts
from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.core.metrics import (
    REACH_ACTIONS,
    AccountTally,
    MetricsAccumulator,
    Period,
    ReachTally,
    from_ms,
    merge_reach,
    merge_tallies,
    month_periods,
    to_ms,
)
from humasdesk.core.privacy import CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from humasdesk.core.rekap import Gap, TrustedKey, Verdict, find_gaps
from humasdesk.core.snapshots import engagements_of, impressions_of
from humasdesk.store.exports import sigfile
from humasdesk.store.exports.jsonl_read import (
    FORMAT_VERSION,
    JsonlScan,
    scan_jsonl,
)
from humasdesk.store.exports.signed import (
    ExportCancelled,
    ExportFailed,
    SignedBody,
    SignedFile,
    Signer,
    write_signed,
)
from humasdesk.store.trusted_keys import TrustedKeys

logger = logging.getLogger(__name__)

MENTION_RECEIVED = "mention_received"
MENTION_TAGGED = "mention_tagged"
POST_EDITED_ON_X = "post_edited_on_x"
OFFICIAL_CAPACITY_KEY = "official_capacity"
_SNIFF = 16

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class RekapFormat(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"


class RekapError(Exception):
    """Base of the rekap's errors."""


class RekapCancelled(RekapError):
    """Cancelled by the caller; nothing was written."""


class NothingUsable(RekapError):
    """No input can be counted (`rekap.files` says why for each); no rekap is written."""

    def __init__(self, rekap: Rekap) -> None:
        super().__init__("no input file could be counted")
        self.rekap = rekap


@dataclass
class FileCheck:
    """One input file and what its check found. `detail` holds what the verdict's message
    needs (`core.rekap.verdict_text`); `citizen`: ``none``, ``masked`` (pseudonymised
    handles and masked texts) or ``full``; `counted`: entries it added to the figures
    (after de-duplication), `duplicates`: entries another file already held."""

    path: Path
    name: str
    size: int = 0
    sha256: str = ""
    fingerprint: str | None = None
    key: TrustedKey | None = None
    verdict: Verdict = Verdict.UNREADABLE
    detail: dict[str, Any] = field(default_factory=dict)
    manifest: dict[str, Any] | None = None
    entries: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    counted: int = 0
    duplicates: int = 0
    citizen: str = "none"
    accounts: tuple[tuple[str, str], ...] = ()  # (slot, handle)
    checked: bool = False  # the verdict is final

    def exclude(self, verdict: Verdict, **detail: Any) -> None:
        self.verdict = verdict
        self.detail = detail
        self.counted = 0
        self.checked = True

    @property
    def period_from(self) -> str | None:
        return (self.manifest or {}).get("period_from")

    @property
    def period_to(self) -> str | None:
        return (self.manifest or {}).get("period_to")


@dataclass
class OfficialFigures:
    """One registered official (one key): their accounts' tallies for the period and for
    each month of it, and the files they came from."""

    key: TrustedKey
    files: list[str] = field(default_factory=list)
    accounts: dict[str, AccountTally] = field(default_factory=dict)
    months: list[dict[str, AccountTally]] = field(default_factory=list)
    #: reach and engagement per account (issue 16's snapshots), None when none of the
    #: official's counted files carries a metrics snapshot: no figures, never zeros
    reach: dict[str, ReachTally] | None = None

    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def total(self) -> AccountTally:
        if "total" not in self._memo:
            self._memo["total"] = merge_tallies(self.accounts.values(), handle=self.key.name)
        return self._memo["total"]

    def month_total(self, i: int) -> AccountTally:
        if i not in self._memo:
            self._memo[i] = merge_tallies(self.months[i].values(), handle=self.key.name)
        return self._memo[i]

    def reach_total(self) -> ReachTally | None:
        if self.reach is None:
            return None
        if "reach" not in self._memo:
            self._memo["reach"] = merge_reach(self.reach.values())
        return self._memo["reach"]


@dataclass
class Rekap:
    """What `check_inputs` found: every input's verdict, the officials' figures, the gaps."""

    period: Period
    as_of: datetime
    generated_at: datetime
    tz: tzinfo
    files: list[FileCheck]
    officials: list[OfficialFigures]
    gaps: list[Gap]
    months: list[Period]
    period_given: bool = True
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def counted_files(self) -> list[FileCheck]:
        return [f for f in self.files if f.verdict is Verdict.COUNTED]

    @property
    def excluded(self) -> list[FileCheck]:
        return [f for f in self.files if f.verdict is not Verdict.COUNTED]

    @property
    def entries_counted(self) -> int:
        return sum(f.counted for f in self.files)

    def units(self) -> list[tuple[str, list[OfficialFigures]]]:
        """The officials by unit (register's unit), units and officials sorted by name."""
        out: dict[str, list[OfficialFigures]] = {}
        for o in sorted(self.officials, key=lambda o: (o.key.unit.casefold(), o.key.name)):
            out.setdefault(o.key.unit, []).append(o)
        return list(out.items())

    # Merged tallies are made once: each holds a copy of its accounts' response times.
    def _memoised(self, key: Any, make: Callable[[], AccountTally]) -> AccountTally:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def unit_total(self, officials: Sequence[OfficialFigures]) -> AccountTally:
        return self._memoised(
            ("unit", tuple(id(o) for o in officials)),
            lambda: merge_tallies((o.total() for o in officials), handle=""),
        )

    def unit_month(self, officials: Sequence[OfficialFigures], i: int) -> AccountTally:
        return self._memoised(
            ("unit", tuple(id(o) for o in officials), i),
            lambda: merge_tallies((o.month_total(i) for o in officials), handle=""),
        )

    def total(self) -> AccountTally:
        return self._memoised(
            "total", lambda: merge_tallies((o.total() for o in self.officials), handle="")
        )

    def month_total(self, i: int) -> AccountTally:
        return self._memoised(
            ("total", i),
            lambda: merge_tallies((o.month_total(i) for o in self.officials), handle=""),
        )

    @property
    def has_reach(self) -> bool:
        """Whether any counted input carried reach and engagement figures."""
        return any(o.reach is not None for o in self.officials)

    def unit_reach(self, officials: Sequence[OfficialFigures]) -> ReachTally | None:
        """The unit's reach over the officials whose inputs carry it (None: none does)."""
        return self._reach(("reach", tuple(id(o) for o in officials)), officials)

    def total_reach(self) -> ReachTally | None:
        return self._reach("reach", self.officials)

    def _reach(self, key: Any, officials: Sequence[OfficialFigures]) -> ReachTally | None:
        parts = [t for t in (o.reach_total() for o in officials) if t is not None]
        if not parts:
            return None
        if key not in self._memo:
            self._memo[key] = merge_reach(parts)
        return self._memo[key]

    @property
    def citizen_summary(self) -> dict[str, int]:
        """How many inputs carried citizens' data: ``masked``, ``full``, ``none``."""
        out = {"none": 0, "masked": 0, "full": 0}
        for f in self.files:
            if f.verdict is Verdict.COUNTED:
                out[f.citizen] = out.get(f.citizen, 0) + 1
        return out


# -- reading --------------------------------------------------------------------------------


def _sniff(path: Path) -> tuple[str | None, bytes]:
    """A format named by the file's first bytes (``xlsx``, ``pdf``, ``sqlite``, ``csv``)
    or None when it may be JSON Lines."""
    with path.open("rb") as f:
        head = f.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", head
    if head.startswith(b"%PDF"):
        return "pdf", head
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite", head
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        if b"," in first or b";" in first or path.suffix.lower() == ".csv":
            return "csv", head
        return "unknown", head
    return None, head


def _looks_like_export(head: bytes) -> bool:
    """Whether the first line names the HumasDesk export format (a file without its .sig is
    then said to lack it; any other JSON is not an export at all)."""
    first = head.split(b"\n", 1)[0]
    return b'"humasdesk-activity-export"' in first or len(first) >= len(head)


def _digest(fc: FileCheck) -> None:
    try:
        with fc.path.open("rb") as f:
            fc.size, fc.sha256 = sigfile.digest_stream(f)
    except OSError:
        pass


def _bound(text: Any) -> int | None:
    if not text:
        return None
    try:
        return to_ms(parse_ts(str(text)))
    except (TypeError, ValueError):
        return None


def _signature(fc: FileCheck, keys: dict[str, TrustedKey]) -> Any:
    """The file's signature document after the cheap checks, or None with `fc` excluded."""
    fmt, _head = _sniff(fc.path)
    sig_path = sigfile.sig_path_for(fc.path)
    doc: dict[str, Any] | None = None
    if sig_path.is_file():
        try:
            raw = json.loads(sig_path.read_bytes())
            if isinstance(raw, dict) and raw.get("format") == sigfile.SIG_FORMAT:
                version = raw.get("version")
                if isinstance(version, int) and version > sigfile.SIG_VERSION:
                    fc.exclude(
                        Verdict.NEWER_VERSION,
                        version=version,
                        app_version=raw.get("app_version"),
                    )
                    return None
            doc = sigfile.read_sig(sig_path)
        except (ValueError, UnicodeError, OSError, sigfile.SignatureFileError) as exc:
            if fmt is None:
                fc.exclude(Verdict.BAD_SIGNATURE, reason=str(exc))
                return None
            doc = None
    signed_format = str((doc or {}).get("manifest", {}).get("format") or "")
    if fmt is not None or (signed_format and signed_format != "jsonl"):
        named = signed_format if signed_format and signed_format != "jsonl" else fmt
        if named in ("csv", "xlsx", "pdf"):
            fc.exclude(Verdict.WRONG_FORMAT, format=named)
        else:
            fc.exclude(Verdict.NOT_AN_EXPORT, format=named)
        return None
    if doc is None:
        if not _looks_like_export(_head):
            fc.exclude(Verdict.NOT_AN_EXPORT)
        else:
            fc.exclude(Verdict.NO_SIGNATURE, sig=sig_path.name)
        return None
    public_key = sigfile.public_key_of(doc)
    fc.fingerprint = fingerprint_of(public_key)
    fc.manifest = dict(doc["manifest"])
    if not sigfile.signature_valid(doc):
        fc.exclude(Verdict.BAD_SIGNATURE)
        return None
    key = keys.get(fc.fingerprint)
    if key is None:
        fc.exclude(Verdict.UNKNOWN_KEY, fingerprint=fc.fingerprint)
        return None
    fc.key = key
    return doc


class _Reach:
    """One official's posts for reach and engagement while their files are read: each
    counted post or reply (X id -> account, time), the edits made on X (old id -> new) and
    each post's latest reading (X id -> read time, impressions, engagements). Only the
    latest reading per post is kept, however many a file carries."""

    def __init__(self) -> None:
        self.posts: dict[str, tuple[str, int]] = {}
        self.edits: dict[str, str] = {}
        self.latest: dict[str, tuple[str, int | None, int | None]] = {}
        self.carried = False  # a counted file carried metrics snapshots

    def take(self, file: _Reach) -> None:
        """A counted file's edits and readings (its posts went in as they were read)."""
        self.edits.update(file.edits)
        for pid, reading in file.latest.items():
            self.reading(pid, reading)
        self.carried = self.carried or file.carried

    def reading(self, pid: str, reading: tuple[str, int | None, int | None]) -> None:
        cur = self.latest.get(pid)
        if cur is None or reading[0] >= cur[0]:
            self.latest[pid] = reading

    def snapshot(self, obj: dict[str, Any]) -> None:
        """One ``metrics_snapshot`` line (checked by the scan), its counts read as the desk
        reads X's answer (`core.snapshots`). Read times are compared as written: the
        desk's one fixed form (``2024-05-01T02:30:00.123Z``) sorts as the times do."""
        self.carried = True
        public = obj["public_metrics"]
        self.reading(
            obj["x_post_id"], (obj["read_at"], impressions_of(public), engagements_of(public))
        )

    def tallies(self, period: Period, account_ids: Sequence[str]) -> dict[str, ReachTally]:
        """Each account's reach over the period's posts (`core.metrics` definitions: each
        post once, by its newest version, with that version's latest reading)."""
        start, end = to_ms(period.start), to_ms(period.end)
        out = {a: ReachTally() for a in account_ids}
        versions: dict[str, tuple[str, int]] = {}
        for pid, (account_id, ms) in self.posts.items():
            if not start <= ms < end:
                continue
            cur, seen = pid, {pid}
            while (nxt := self.edits.get(cur)) is not None and nxt not in seen:
                seen.add(nxt)
                cur = nxt
            versions[cur] = (account_id, ms)
        for version, (account_id, _ms) in versions.items():
            reading = self.latest.get(version)
            tally = out.setdefault(account_id, ReachTally())
            if reading is None:
                tally.add_post(None, None, False)
            else:
                tally.add_post(reading[1], reading[2], True)
        return out


class _FileSink:
    """Feeds one file's entries into its official's accumulator (the hot path)."""

    def __init__(
        self,
        acc: MetricsAccumulator | None,
        seen: dict[int, bytes],
        overlap: list[tuple[int, int]],
        reach: _Reach | None = None,
    ) -> None:
        self.acc = acc
        self.seen = seen
        self.overlap = overlap
        self.reach_posts = reach.posts if reach is not None else {}
        self.reach = _Reach()  # this file's edits and readings, taken when it is counted
        self.counted = 0
        self.duplicates = 0
        self.conflict: int | None = None
        self.earliest: int | None = None
        self.latest: int | None = None
        self.min_ms: int | None = None  # of the entries it counted, mentions too
        self.accounts: dict[str, tuple[str, str]] = {}
        self.fed = False

    def __call__(
        self,
        seq: int,
        h: bytes,
        ms: int,
        account_id: str | None,
        handle: str | None,
        slot: str | None,
        action: str,
        xp: str | None,
        irt: str | None,
        details: Any,
    ) -> None:
        if action != MENTION_RECEIVED:
            if self.earliest is None or ms < self.earliest:
                self.earliest = ms
            if self.latest is None or ms > self.latest:
                self.latest = ms
        for lo, hi in self.overlap:
            if lo <= seq <= hi:
                known = self.seen.get(seq)
                if known is not None:
                    if known != h and self.conflict is None:
                        self.conflict = seq
                    self.duplicates += 1
                    return
                self.seen[seq] = h
                break
        if account_id is not None and account_id not in self.accounts:
            self.accounts[account_id] = (slot or "", handle or "")
        if action == POST_EDITED_ON_X and xp is not None:
            old = details.get("edit_of")
            if isinstance(old, str):
                self.reach.edits[old] = xp
        if slot == "personal" and details.get(OFFICIAL_CAPACITY_KEY) is not True:
            return  # private personal activity: not the supervisor's (as a default export)
        if self.acc is None:
            return
        self.counted += 1
        self.fed = True
        if self.min_ms is None or ms < self.min_ms:
            self.min_ms = ms
        if action in REACH_ACTIONS and xp is not None and account_id is not None:
            self.reach_posts[xp] = (account_id, ms)
        self.acc.add_fields(
            seq,
            ms,
            account_id,
            handle,
            slot,
            action,
            xp,
            irt,
            details.get("tag") if action == MENTION_TAGGED else None,
        )


def check_inputs(
    paths: Sequence[str | os.PathLike[str]],
    register: TrustedKeys,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    tz: tzinfo | None = None,
    clock: Callable[[], datetime] | None = None,
    on_file: Callable[[FileCheck], None] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int | None = None,
) -> Rekap:
    """Check every input and build the figures (module docstring). `workers`: processes
    that read the files (default: one per core for inputs of 32 MB or more; 1: this
    process only). `start` inclusive,
    `end` exclusive (aware); without them the period is what the inputs cover. Raises
    `RekapCancelled`, `NothingUsable`, or `KeyRegisterError` (the register is unreadable)."""
    zone = tz or datetime.now().astimezone().tzinfo or UTC
    now = (clock or (lambda: datetime.now(UTC)))()
    keys = {k.fingerprint: k for k in register.list()}
    files: list[FileCheck] = []
    seen_paths: dict[Path, str] = {}

    def told(fc: FileCheck) -> None:
        if on_file is not None:
            on_file(fc)

    def cancelled() -> bool:
        return cancel is not None and cancel()

    # 1. the cheap checks
    candidates: list[tuple[FileCheck, dict[str, Any]]] = []
    for raw in paths:
        path = Path(raw)
        fc = FileCheck(path=path, name=path.name)
        files.append(fc)
        try:
            resolved = path.resolve()
        except OSError:
            resolved = path
        if not path.is_file():
            fc.exclude(Verdict.UNREADABLE, reason="berkas tidak ditemukan")
            told(fc)
            continue
        if resolved in seen_paths:
            _digest(fc)
            fc.exclude(Verdict.DUPLICATE_INPUT, other=seen_paths[resolved])
            told(fc)
            continue
        seen_paths[resolved] = fc.name
        try:
            doc = _signature(fc, keys)
        except OSError as exc:
            fc.exclude(Verdict.UNREADABLE, reason=exc.strerror or type(exc).__name__)
            doc = None
        if doc is None:
            _digest(fc)
            told(fc)
            continue
        candidates.append((fc, doc))
        if cancelled():
            raise RekapCancelled("rekap cancelled")

    # the period: as given, else what the candidates cover
    period_given = start is not None and end is not None
    if end is None:
        ends = [
            _bound(doc["manifest"].get("period_to")) or _bound(doc.get("created_at"))
            for _fc, doc in candidates
        ]
        end_ms = max((e for e in ends if e is not None), default=to_ms(now))
        end = from_ms(end_ms)
    as_of = end

    # 2. each official's files, one streaming pass each
    groups: dict[str, list[tuple[FileCheck, dict[str, Any]]]] = {}
    for fc, doc in candidates:
        groups.setdefault(str(fc.fingerprint), []).append((fc, doc))
    total_bytes = sum(
        int(doc["file"]["size"]) for _fc, doc in candidates if isinstance(doc["file"]["size"], int)
    )
    done_bytes = 0
    officials: list[OfficialFigures] = []
    by_month: list[dict[tuple[int, int], dict[str, AccountTally]]] = []
    gaps: list[Gap] = []
    earliest_ms: int | None = None  # of every counted entry (mentions too)

    jobs = []
    for fingerprint, group in groups.items():
        group.sort(key=lambda item: (item[0].manifest or {}).get("first_seq") or 0)
        jobs.append((fingerprint, group))
    pool_size = _pool_size(workers, total_bytes, len(jobs))
    if pool_size > 1:
        results = _check_in_processes(
            jobs,
            keys,
            start,
            end,
            as_of,
            zone,
            pool_size,
            files,
            told,
            progress,
            total_bytes,
            cancelled,
        )
    else:
        results = []
        for fingerprint, group in jobs:
            result = _check_group(
                group,
                keys[fingerprint],
                start=start,
                end=end,
                as_of=as_of,
                zone=zone,
                base=done_bytes,
                total_bytes=total_bytes,
                progress=progress,
                cancel=cancel,
                told=told,
            )
            done_bytes += result.bytes_read
            results.append(result)
            if cancelled():
                raise RekapCancelled("rekap cancelled")
    for result in results:
        if result.figures is None:
            continue
        officials.append(result.figures)
        by_month.append(result.by_month)
        gaps.extend(result.gaps)
        if result.earliest_ms is not None:
            earliest_ms = (
                result.earliest_ms if earliest_ms is None else min(earliest_ms, result.earliest_ms)
            )

    if start is None:
        start = from_ms(earliest_ms) if earliest_ms is not None else as_of
    period = Period(min(start, end), end)
    months = month_periods(period, zone)
    for o, tallies in zip(officials, by_month, strict=True):
        o.months = [tallies.get(_month_key(m, zone), {}) for m in months]
    rekap = Rekap(
        period=period,
        as_of=as_of,
        generated_at=now,
        tz=zone,
        files=files,
        officials=officials,
        gaps=gaps,
        months=months,
        period_given=period_given,
    )
    if not rekap.counted_files:
        raise NothingUsable(rekap)
    return rekap


@dataclass
class _GroupResult:
    """What checking one official's files gave: their checks (the same objects, or copies
    from a worker process), the figures (None when no file counted), the gaps."""

    checks: list[FileCheck]
    figures: OfficialFigures | None
    by_month: dict[tuple[int, int], dict[str, AccountTally]]
    gaps: list[Gap]
    earliest_ms: int | None
    bytes_read: int


def _check_group(
    group: list[tuple[FileCheck, dict[str, Any]]],
    key: TrustedKey,
    *,
    start: datetime | None,
    end: datetime,
    as_of: datetime,
    zone: tzinfo,
    base: int = 0,
    total_bytes: int = 0,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    told: Callable[[FileCheck], None] | None = None,
) -> _GroupResult:
    """One official's files, in order of their first entry, one streaming pass each, into
    one accumulator; rebuilt without a file that fails after feeding it."""
    done_bytes = base
    scanned: set[int] = set()
    while True:
        live = [(fc, doc) for fc, doc in group if not (fc.checked and not fc.verdict.counted)]
        acc = MetricsAccumulator(as_of)
        reach = _Reach()
        group_mins: list[int | None] = []
        seen: dict[int, bytes] = {}
        holders: dict[int, str] = {}
        restart = False
        for fc, doc in live:
            others = [
                (int(o.manifest["first_seq"]), int(o.manifest["last_seq"]))
                for o, _d in live
                if o is not fc
                and isinstance((o.manifest or {}).get("first_seq"), int)
                and isinstance((o.manifest or {}).get("last_seq"), int)
            ]
            m = fc.manifest or {}
            outside = (start is not None or end is not None) and not _overlaps(
                start, end, _bound(m.get("period_from")), _bound(m.get("period_to"))
            )
            # A file outside the period is still checked whole (an altered file is said to
            # be altered), but gives nothing to the figures.
            sink = _FileSink(None if outside else acc, seen, others, reach)

            def on_block(n: int, at: int = done_bytes) -> None:
                if progress is not None:
                    progress(min(total_bytes, at + n), total_bytes)

            first_time = id(fc) not in scanned
            try:
                with fc.path.open("rb") as f:
                    scan = scan_jsonl(
                        f,
                        sink,
                        progress=on_block if first_time else None,
                        cancel=cancel,
                        snapshot_sink=sink.reach.snapshot,
                    )
            except OSError as exc:
                fc.exclude(Verdict.UNREADABLE, reason=exc.strerror or type(exc).__name__)
                if told is not None:
                    told(fc)
                restart = sink.fed
                if restart:
                    break
                continue
            if scan.cancelled:
                raise RekapCancelled("rekap cancelled")
            if first_time:
                scanned.add(id(fc))
                done_bytes += scan.size
            _judge(fc, doc, scan, sink, key, zone, holders)
            if outside and fc.verdict.counted:
                fc.exclude(Verdict.OUTSIDE_PERIOD)
            if sink.conflict is None:
                for s in (scan.first_seq, scan.last_seq):
                    if s is not None:
                        holders.setdefault(s, fc.name)
            if told is not None:
                told(fc)
            if not fc.verdict.counted:
                if sink.fed:
                    restart = True
                    break
                continue
            group_mins.append(sink.min_ms)
            reach.take(sink.reach)
        if not restart:
            break
        logger.info("rekap: rebuilding one official's figures without an excluded file")
    checks = [fc for fc, _doc in group]
    counted = [fc for fc in checks if fc.verdict.counted]
    if not counted:
        return _GroupResult(checks, None, {}, [], None, done_bytes - base)
    # Tallied now, so only one official's entries are ever held. Without a given start the
    # period starts at the earliest entry of all inputs, so counting from the epoch counts
    # the same, and the months are whole calendar months.
    figures = OfficialFigures(key=key, files=[fc.name for fc in counted])
    mins = [s for s in group_mins if s is not None]
    group_min = min(mins, default=to_ms(as_of))
    lo = start if start is not None else from_ms(min(group_min, to_ms(as_of)))
    figures.accounts = acc.tallies(Period(start or from_ms(0), end))
    if reach.carried:
        figures.reach = reach.tallies(Period(start or from_ms(0), end), list(figures.accounts))
    by_month = {_month_key(p, zone): acc.tallies(p) for p in month_periods(Period(lo, end), zone)}
    gaps = find_gaps(
        key.fingerprint,
        key.name,
        [
            (int(fc.first_seq), int(fc.last_seq), fc.name)
            for fc in counted
            if fc.first_seq is not None and fc.last_seq is not None
        ],
    )
    return _GroupResult(
        checks, figures, by_month, gaps, min(mins) if mins else None, done_bytes - base
    )


#: Below this much input, starting worker processes costs more than it saves.
POOL_MIN_BYTES = 32 * 1024 * 1024


def _pool_size(workers: int | None, total_bytes: int, groups: int) -> int:
    """How many processes check the officials' files: one per core by default, none for a
    small rekap, and none in the frozen bundle (its executable is the desk, and spawning it
    again is not a worker)."""
    if getattr(sys, "frozen", False):
        return 1
    n = workers if workers is not None else (os.cpu_count() or 1)
    if workers is None and total_bytes < POOL_MIN_BYTES:
        return 1
    return max(1, min(n, groups))


def _group_job(
    group: list[tuple[FileCheck, dict[str, Any]]],
    key: TrustedKey,
    start: datetime | None,
    end: datetime,
    as_of: datetime,
    zone: tzinfo,
) -> _GroupResult:
    return _check_group(group, key, start=start, end=end, as_of=as_of, zone=zone)


def _check_in_processes(
    jobs: list[tuple[str, list[tuple[FileCheck, dict[str, Any]]]]],
    keys: dict[str, TrustedKey],
    start: datetime | None,
    end: datetime,
    as_of: datetime,
    zone: tzinfo,
    pool_size: int,
    files: list[FileCheck],
    told: Callable[[FileCheck], None],
    progress: Progress | None,
    total_bytes: int,
    cancelled: Callable[[], bool],
) -> list[_GroupResult]:
    """The officials' files checked by `pool_size` worker processes, one official per job
    (each official's state stays in one process). Verdicts arrive per official; a cancel
    takes effect between officials. Results come back in the order of `jobs`."""
    import concurrent.futures as cf
    import multiprocessing

    index = {id(fc): i for i, fc in enumerate(files)}
    done_bytes = 0
    results: dict[int, _GroupResult] = {}
    context = multiprocessing.get_context("spawn")  # never fork a process with threads
    with cf.ProcessPoolExecutor(max_workers=pool_size, mp_context=context) as pool:
        futures = {
            pool.submit(_group_job, group, keys[fp], start, end, as_of, zone): (n, group)
            for n, (fp, group) in enumerate(jobs)
        }
        try:
            for future in cf.as_completed(futures):
                n, group = futures[future]
                result = future.result()
                for original, (checked) in zip(group, result.checks, strict=True):
                    files[index[id(original[0])]] = checked
                    told(checked)
                results[n] = result
                done_bytes += result.bytes_read
                if progress is not None:
                    progress(min(done_bytes, total_bytes), total_bytes)
                if cancelled():
                    raise RekapCancelled("rekap cancelled")
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return [results[n] for n in range(len(jobs))]


def _month_key(p: Period, tz: tzinfo) -> tuple[int, int]:
    local = p.start.astimezone(tz)
    return local.year, local.month


def _overlaps(start: datetime | None, end: datetime | None, lo: int | None, hi: int | None) -> bool:
    s = None if start is None else to_ms(start)
    e = None if end is None else to_ms(end)
    return (hi is None or s is None or hi > s) and (lo is None or e is None or lo < e)


def _judge(
    fc: FileCheck,
    doc: dict[str, Any],
    scan: JsonlScan,
    sink: _FileSink,
    key: TrustedKey,
    tz: tzinfo,
    holders: dict[int, str],
) -> None:
    """The verdict of a file after its pass (the order is the order of importance)."""
    fc.size, fc.sha256 = scan.size, scan.sha256
    fc.entries, fc.first_seq, fc.last_seq = scan.entries, scan.first_seq, scan.last_seq
    fc.accounts = tuple(sorted(set(sink.accounts.values())))
    fc.citizen = "full" if scan.citizen_full else ("masked" if scan.citizen_parts else "none")
    signed = doc["file"]
    if scan.unusable:
        if scan.unusable_reason == "newer_version":
            m = scan.manifest or {}
            fc.exclude(
                Verdict.NEWER_VERSION,
                version=m.get("version") if m.get("version") != FORMAT_VERSION else None,
                app_version=m.get("app_version"),
            )
        else:
            fc.exclude(Verdict.NOT_AN_EXPORT)
        return
    if scan.size != signed["size"] or scan.sha256 != signed["sha256"]:
        if signed.get("name") and signed.get("name") != fc.name and scan.ok:
            fc.exclude(Verdict.SIGNATURE_OF_OTHER_FILE, signed_name=signed.get("name"))
        else:
            fc.exclude(Verdict.ALTERED, first_bad_seq=scan.first_bad_seq)
        return
    if not scan.ok:
        fc.exclude(Verdict.ALTERED, first_bad_seq=scan.first_bad_seq, reason=scan.problems[0])
        return
    inline = {
        k: v
        for k, v in (scan.manifest or {}).items()
        if k not in ("type", "format", "version", "export_format")
    }
    if {k: v for k, v in doc["manifest"].items() if k != "format"} != inline:
        fc.exclude(Verdict.ALTERED)
        return
    earliest = sink.earliest
    latest = sink.latest
    if earliest is None or latest is None:
        created = _bound(doc.get("created_at")) or _bound(doc["manifest"].get("generated_at"))
        earliest = latest = created if created is not None else 0
    problem = key.validity_problem(earliest, latest, tz)
    if problem is not None:
        fc.exclude(problem[0], **problem[1])
        return
    if sink.conflict is not None:
        other = next(
            (name for s, name in sorted(holders.items()) if s <= sink.conflict), "berkas lain"
        )
        fc.exclude(Verdict.CONFLICT, seq=sink.conflict, other=other)
        return
    fc.verdict = Verdict.COUNTED
    fc.detail = {}
    fc.counted = sink.counted
    fc.duplicates = sink.duplicates
    fc.checked = True


# -- writing --------------------------------------------------------------------------------

RekapPdfWriter = Callable[["Rekap", "RekapHeader", Path], None]


@dataclass(frozen=True)
class RekapHeader:
    """Whose document it is and who may read it (as on the officials' reports), and whether
    it ranks the officials."""

    agency: str = ""
    unit: str = ""
    classification: str = DEFAULT_CLASSIFICATION
    ranking: bool = True
    signing_fingerprint: str = ""  # set by `write_rekap` for the PDF's cover

    def validate(self) -> RekapHeader:
        if self.classification not in CLASSIFICATIONS:
            raise ValueError(f"classification must be one of {', '.join(CLASSIFICATIONS)}")
        return self


def rekap_manifest(rekap: Rekap, header: RekapHeader, fmt: RekapFormat, fp: str) -> dict:
    """What the rekap's signature states about it (and `humasdesk verify` shows)."""
    return {
        "format": str(fmt),
        "kind": "rekap",
        "period_from": format_ts(rekap.period.start),
        "period_to": format_ts(rekap.period.end),
        "generated_at": format_ts(rekap.generated_at),
        "entries": rekap.entries_counted,
        "officials": len(rekap.officials),
        "units": len(rekap.units()),
        "inputs": [
            {
                "file": f.name,
                "sha256": f.sha256,
                "fingerprint": f.fingerprint,
                "verdict": str(f.verdict),
            }
            for f in rekap.files
        ],
        "gaps": len(rekap.gaps),
        "ranking": header.ranking,
        "agency": header.agency,
        "unit": header.unit,
        "classification": header.classification,
        "signing_key_fingerprint": fp,
        "app_version": __version__,
    }


def write_rekap(
    rekap: Rekap,
    out_path: str | os.PathLike[str],
    fmt: RekapFormat | str,
    *,
    signer: Signer,
    header: RekapHeader = RekapHeader(),
    pdf_writer: RekapPdfWriter | None = None,
    cancel: Cancel | None = None,
) -> SignedFile:
    """Write and sign the rekap (module docstring). Raises `ExportFailed`,
    `ExportCancelled`."""
    from humasdesk.services.rekap_files import write_rekap_csv, write_rekap_xlsx
    from humasdesk.store.exports.signed import FailureReason

    kind = RekapFormat(str(fmt).lower())
    header = header.validate()
    if kind is RekapFormat.PDF and pdf_writer is None:
        raise ExportFailed(FailureReason.NO_PDF_WRITER, "no PDF report writer is available")

    def write_body(body: SignedBody) -> dict[str, Any]:
        if kind is RekapFormat.XLSX:
            write_rekap_xlsx(body.file, rekap, header)
        elif kind is RekapFormat.CSV:
            write_rekap_csv(body.file, rekap, header)
        else:
            assert pdf_writer is not None

            def write(path: Path) -> None:
                try:
                    pdf_writer(rekap, replace(header, signing_fingerprint=body.fingerprint), path)
                except OSError:
                    raise
                except Exception as exc:
                    logger.warning("rekap PDF writer failed: %s", type(exc).__name__)
                    raise ExportFailed(
                        FailureReason.PDF_WRITER_FAILED, f"the PDF could not be made: {exc}"
                    ) from None

            body.write_by_path(write)
        return rekap_manifest(rekap, header, kind, body.fingerprint)

    return write_signed(
        Path(out_path), write_body, signer=signer, created_at=rekap.generated_at, cancel=cancel
    )


__all__ = [
    "ExportCancelled",
    "ExportFailed",
    "FileCheck",
    "NothingUsable",
    "OfficialFigures",
    "Rekap",
    "RekapCancelled",
    "RekapFormat",
    "RekapHeader",
    "check_inputs",
    "rekap_manifest",
    "write_rekap",
]
