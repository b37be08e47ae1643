"""JSON Lines export and its self-check.

Layout: UTF-8, one JSON object per line, ``\\n`` line ends.

Line 1, the manifest::

    {"type": "manifest", "format": "humasdesk-activity-export", "version": 1,
     ... every field of `ExportManifest.to_dict()` ...}

Then one line per entry, in seq order::

    {"type": "entry", "seq": 7, "prev_hash": "<64 hex>", "hash": "<64 hex>",
     "entry": { the entry's canonical form, exactly as hashed (humasdesk.core.activity) },
     "citizen": {...}}            # only for entries that carry citizens' data

Then one line per metrics snapshot of the exported posts (issue 16; not chained: the
signature covers them, and ``manifest.snapshots`` says how many)::

    {"type": "metrics_snapshot", "x_post_id": …, "read_at": "…Z", "point": "1d",
     "public_metrics": {"impression_count": 812, …, null when X gave none}, …}

``citizen`` holds, with ``citizen_data = "full"``: ``citizen_handle``, ``citizen_text``,
``salt`` (hex; null once erased) and ``erased`` — enough to check each value against the
digest in ``entry``; with ``"masked"``: the pseudonym and masked text and ``"masked": true``
(not checkable against the digests, by design).

Verifying a file (`check_jsonl`): for every entry line,
``sha256(ascii(prev_hash) || canonical(entry)) == hash`` where ``canonical`` is
``json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` in UTF-8 —
this catches an edited entry. Consecutive seqs must link (``prev_hash`` = the previous
line's ``hash``); a jump in seq is an entry the export's filter left out (period, account,
privacy), reported as *filtered*, not as tampering — the signature covers the whole file
anyway, so a removed line is caught there. Each entry must also match the manifest's filter,
and the manifest's count, first/last seq and (when the export reaches it) head hash must
match the lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from humasdesk.core.activity import ActivityEntry
from humasdesk.store.exports.jsonl_read import FORMAT_NAME, FORMAT_VERSION, scan_jsonl
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import CitizenMasker
from humasdesk.store.exports.snapshots import SnapshotRow

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "JsonlCheck",
    "check_jsonl",
    "entry_line",
    "manifest_line",
    "write_jsonl",
]


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def manifest_line(manifest: ExportManifest) -> bytes:
    obj = {"type": "manifest", "format": FORMAT_NAME, "version": FORMAT_VERSION}
    obj.update({k: v for k, v in manifest.to_dict().items() if k != "format"})
    obj["export_format"] = manifest.format
    return (_dumps(obj) + "\n").encode("utf-8")


def entry_line(entry: ActivityEntry, masker: CitizenMasker) -> bytes:
    canonical = entry.canonical_bytes().decode("utf-8")
    head = _dumps(
        {"type": "entry", "seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash}
    )
    parts = [head[:-1], ',"entry":', canonical]
    if entry.citizen_handle_digest is not None or entry.citizen_text_digest is not None:
        if masker.full:
            citizen: dict[str, Any] = {
                "citizen_handle": entry.citizen_handle,
                "citizen_text": entry.citizen_text,
                "salt": entry.personal_salt,
                "erased": entry.erased_at is not None,
            }
        else:
            citizen = {
                "citizen_handle": masker.handle(entry.citizen_handle),
                "citizen_text": masker.text(entry.citizen_text),
                "masked": True,
            }
        parts += [',"citizen":', _dumps(citizen)]
    parts.append("}\n")
    return "".join(parts).encode("utf-8")


def write_jsonl(
    out: BinaryIO,
    entries: Iterable[ActivityEntry],
    *,
    manifest: ExportManifest,
    masker: CitizenMasker,
    on_entry: Callable[[ActivityEntry], None] | None = None,
    snapshots: Iterable[SnapshotRow] = (),
) -> int:
    """Write the manifest line, one line per entry, then one per metrics snapshot; return
    the number of entries. `manifest.entries` (and `.snapshots`) must already be the counts
    (the service counts in a first pass)."""
    out.write(manifest_line(manifest))
    n = 0
    for entry in entries:
        out.write(entry_line(entry, masker))
        n += 1
        if on_entry is not None:
            on_entry(entry)
    for row in snapshots:
        out.write(row.line())
    return n


@dataclass
class JsonlCheck:
    """What `check_jsonl` found. `problems` are plain English sentences, first one first;
    `first_bad_seq` the seq of the first bad entry (None when the problem is not one entry)."""

    entries: int = 0
    filtered_gaps: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None
    manifest: dict[str, Any] | None = None
    unusable: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unusable


def check_jsonl(stream: BinaryIO, *, max_problems: int = 20) -> JsonlCheck:
    """Re-verify a JSON Lines export line by line (streaming; see the module docstring).
    The checks themselves are `jsonl_read.scan_jsonl`'s, shared with the rekap."""
    scan = scan_jsonl(stream, max_problems=max_problems)
    return JsonlCheck(
        entries=scan.entries,
        filtered_gaps=scan.filtered_gaps,
        problems=scan.problems,
        first_bad_seq=scan.first_bad_seq,
        manifest=scan.manifest,
        unusable=scan.unusable,
    )
