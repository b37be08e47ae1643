"""JSON Lines export and its self-check.

Layout: UTF-8, one JSON object per line, ``\\n`` line ends.

Line 1, the manifest::

    {"type": "manifest", "format": "humasdesk-activity-export", "version": 1,
     ... every field of `ExportManifest.to_dict()` ...}

Then one line per entry, in seq order::

    {"type": "entry", "seq": 7, "prev_hash": "<64 hex>", "hash": "<64 hex>",
     "entry": { the entry's canonical form, exactly as hashed (humasdesk.core.activity) },
     "citizen": {...}}            # only for entries that carry citizens' data

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

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from humasdesk.core.activity import ActivityEntry, parse_ts, personal_digest
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import OFFICIAL_CAPACITY_KEY, CitizenMasker

FORMAT_NAME = "humasdesk-activity-export"
FORMAT_VERSION = 1


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
) -> int:
    """Write the manifest line and one line per entry; return the number of entries.
    `manifest.entries` must already be the count (the service counts in a first pass)."""
    out.write(manifest_line(manifest))
    n = 0
    for entry in entries:
        out.write(entry_line(entry, masker))
        n += 1
        if on_entry is not None:
            on_entry(entry)
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

    def bad(self, seq: int | None, reason: str) -> None:
        if self.first_bad_seq is None and seq is not None and not self.problems:
            self.first_bad_seq = seq
        self.problems.append(f"entry seq {seq}: {reason}" if seq is not None else reason)


def _canonical(obj: Any) -> bytes:
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _in_filter(m: dict[str, Any], e: dict[str, Any]) -> str | None:
    try:
        ts = parse_ts(e["ts"])
        if m.get("period_from") and ts < parse_ts(m["period_from"]):
            return "before the export's period"
        if m.get("period_to") and ts >= parse_ts(m["period_to"]):
            return "after the export's period"
    except (KeyError, TypeError, ValueError):
        return "time unreadable"
    slot = e.get("slot")
    if slot is None:
        return None
    if slot not in (m.get("accounts") or []):
        return f"account {slot!r} is not in the export"
    details = e.get("details") or {}
    if (
        slot == "personal"
        and m.get("personal_scope") != "all"
        and details.get(OFFICIAL_CAPACITY_KEY) is not True
    ):
        return "private personal entry in an export without --include-personal"
    return None


def check_jsonl(stream: BinaryIO, *, max_problems: int = 20) -> JsonlCheck:
    """Re-verify a JSON Lines export line by line (streaming; see the module docstring)."""
    result = JsonlCheck()
    first = stream.readline()
    try:
        manifest = json.loads(first)
        if not isinstance(manifest, dict) or manifest.get("type") != "manifest":
            raise ValueError("no manifest")
        if manifest.get("format") != FORMAT_NAME or manifest.get("version") != FORMAT_VERSION:
            raise ValueError("unknown format")
    except (ValueError, UnicodeError):
        result.unusable = True
        result.problems.append("first line is not a HumasDesk export manifest")
        return result
    result.manifest = manifest
    prev_seq: int | None = None
    prev_hash: str | None = None
    first_seq: int | None = None
    for lineno, raw in enumerate(stream, start=2):
        if len(result.problems) >= max_problems:
            break
        try:
            obj = json.loads(raw)
            seq = obj["seq"]
            entry = obj["entry"]
            ph, h = obj["prev_hash"], obj["hash"]
            if obj.get("type") != "entry" or not isinstance(seq, int):
                raise ValueError("not an entry")
            if not isinstance(entry, dict) or not isinstance(ph, str) or not isinstance(h, str):
                raise ValueError("not an entry")
        except (ValueError, KeyError, TypeError, UnicodeError):
            result.bad(None, f"line {lineno} is not a readable entry")
            continue
        result.entries += 1
        if first_seq is None:
            first_seq = seq
        try:
            computed = hashlib.sha256(ph.encode("ascii") + _canonical(entry)).hexdigest()
        except (ValueError, UnicodeError):
            computed = ""
        if computed != h:
            result.bad(seq, "content does not match its hash (edited)")
        elif entry.get("seq") != seq:
            result.bad(seq, "seq differs from the hashed entry")
        if prev_seq is not None:
            if seq <= prev_seq:
                result.bad(seq, f"out of order after seq {prev_seq}")
            elif seq == prev_seq + 1:
                if ph != prev_hash:
                    result.bad(seq, f"does not link to entry {prev_seq} (entry replaced)")
            else:
                result.filtered_gaps += 1
        problem = _in_filter(manifest, entry)
        if problem is not None:
            result.bad(seq, problem)
        citizen = obj.get("citizen")
        if isinstance(citizen, dict) and not citizen.get("masked"):
            problem = _citizen_problem(entry, citizen)
            if problem is not None:
                result.bad(seq, problem)
        prev_seq, prev_hash = seq, h
    if not result.problems:
        if manifest.get("entries") != result.entries:
            result.bad(
                None,
                f"manifest says {manifest.get('entries')} entries, file holds {result.entries}",
            )
        if manifest.get("first_seq") != first_seq or manifest.get("last_seq") != prev_seq:
            result.bad(None, "manifest's first/last seq differ from the entries")
        if (
            prev_seq is not None
            and manifest.get("log_head_seq") == prev_seq
            and manifest.get("log_head_hash") != prev_hash
        ):
            result.bad(prev_seq, "differs from the chain head named in the manifest")
    return result


def _citizen_problem(entry: dict[str, Any], citizen: dict[str, Any]) -> str | None:
    salt = citizen.get("salt")
    for key in ("citizen_handle", "citizen_text"):
        value = citizen.get(key)
        digest = entry.get(key + "_digest")
        if value is None:
            continue
        if digest is None or not isinstance(salt, str) or not isinstance(value, str):
            return f"{key} is not committed to by the chain"
        try:
            if personal_digest(bytes.fromhex(salt), value) != digest:
                return f"{key} does not match its digest (edited)"
        except ValueError:
            return "salt unreadable"
    return None
