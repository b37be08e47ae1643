"""Read a JSON Lines export once, streaming: its bytes' size and SHA-256, its manifest, every
entry checked against its hash and its neighbour, and each entry's fields handed on.

`scan_jsonl(stream, sink)` is the one implementation of the per-entry checks that
`jsonl.check_jsonl` documents (it is built on this) and the supervisor's rekap relies on.
It reads the stream in blocks of `BLOCK` bytes, so memory does not depend on the file's
size, and the SHA-256 it reports is of exactly the bytes it parsed (the signature check needs
no second read).

Two ways through a line, one result:

* the **fast path** reads a line laid out exactly as `jsonl.entry_line` writes it (the head
  by position, the canonical entry by one pattern of the canonical form, the masked citizen
  part by another), with no JSON decoding but of a non-empty details object: the entry's
  bytes are hashed as they stand in the file (they *are* the canonical form when they match
  the pattern and the hash) and the fields the figures need are taken from the match;
* anything else — an unmasked citizen part, a line that does not verify, a line of another
  shape — goes the **exact path**: ``json.loads`` and the canonical re-serialisation of the
  module docstring of `jsonl`, which decides what is wrong.

A line the fast path accepts is one the exact path accepts with the same fields (tests keep
the two in step), except for a raw control character inside a string, which the exact
path's JSON parser refuses and the fast path does not look for: no HumasDesk writes one,
the signature covers the bytes, and ``humasdesk verify`` still names it.

`sink(seq, hash, ms, account_id, handle, slot, action, x_post_id, in_reply_to, details)` is
called for each readable entry, in file order (`ms`: time in ms since the epoch; `details`:
the details object, ``{}`` when empty — do not modify it). An entry with a problem is still
handed on: the caller decides from the result whether to use what it was given.
"""

from __future__ import annotations

import hashlib
import json
import re
from binascii import hexlify
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, BinaryIO

from humasdesk.core.activity import parse_ts, personal_digest

FORMAT_NAME = "humasdesk-activity-export"
FORMAT_VERSION = 1
OFFICIAL_CAPACITY_KEY = "official_capacity"
BLOCK = 1 << 20

Sink = Callable[
    [int, str, int, "str | None", "str | None", "str | None", str, "str | None", "str | None", Any],
    None,
]

_EPOCH_NAIVE = datetime(1970, 1, 1)
_MS = timedelta(milliseconds=1)
_EMPTY: dict[str, Any] = {}
_MISSING = object()
_PREFIX = b'{"type":"entry","seq":'
_CITIZEN = b',"citizen":{'
_MASKED_HEAD = b'{"citizen_handle":'
_MASKED_MID = b',"citizen_text":'
_MASKED_TAIL = b',"masked":true}'
_SNAPSHOT = b'{"type":"metrics_snapshot"'


class _Slow(Exception):
    """The fast path gives the line to the exact path."""


@dataclass
class JsonlScan:
    """What one pass found. `problems`: plain English sentences, first one first;
    `first_bad_seq` the seq of the first bad entry (None when the problem is not one entry);
    `unusable`: the first line is not a HumasDesk export manifest (`unusable_reason` says
    why: ``not_manifest``, ``newer_version``); `size`/`sha256` of the bytes read;
    `last_hash` the last entry's hash; `citizen_parts` how many entries carry citizens' data
    (pseudonymised and masked, or in full); `citizen_full` whether any carries it unmasked."""

    entries: int = 0
    filtered_gaps: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None
    manifest: dict[str, Any] | None = None
    unusable: bool = False
    unusable_reason: str | None = None
    first_seq: int | None = None
    last_seq: int | None = None
    last_hash: str | None = None
    size: int = 0
    sha256: str = ""
    citizen_parts: int = 0
    citizen_full: bool = False
    cancelled: bool = False
    snapshots: int = 0  # metrics snapshot lines (issue 16)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unusable and not self.cancelled

    def bad(self, seq: int | None, reason: str) -> None:
        if self.first_bad_seq is None and seq is not None and not self.problems:
            self.first_bad_seq = seq
        self.problems.append(f"entry seq {seq}: {reason}" if seq is not None else reason)


def canonical(obj: Any) -> bytes:
    """The canonical JSON form (sorted keys, compact, UTF-8, non-ASCII as itself)."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def ts_ms(text: str) -> int:
    """A stored time (``2024-05-01T02:30:00.123Z``) as ms since the epoch."""
    return (parse_ts(text).replace(tzinfo=None) - _EPOCH_NAIVE) // _MS


def _bound_ms(value: Any) -> int | None:
    if not value:
        return None
    return (parse_ts(str(value)).astimezone(UTC).replace(tzinfo=None) - _EPOCH_NAIVE) // _MS


def read_manifest_line(first: bytes, result: JsonlScan) -> dict[str, Any] | None:
    """The manifest of the first line, or None with `result` marked unusable."""
    try:
        manifest = json.loads(first)
        if not isinstance(manifest, dict) or manifest.get("type") != "manifest":
            raise ValueError("no manifest")
    except (ValueError, UnicodeError):
        result.unusable, result.unusable_reason = True, "not_manifest"
        result.problems.append("first line is not a HumasDesk export manifest")
        return None
    version = manifest.get("version")
    if manifest.get("format") != FORMAT_NAME or not isinstance(version, int):
        result.unusable, result.unusable_reason = True, "not_manifest"
        result.problems.append("first line is not a HumasDesk export manifest")
        return None
    if version > FORMAT_VERSION or int(manifest.get("canonical_version") or 1) > 1:
        result.unusable, result.unusable_reason = True, "newer_version"
        result.manifest = manifest
        result.problems.append(
            f"export format version {version} from HumasDesk "
            f"{manifest.get('app_version') or '?'} is newer than this version reads"
        )
        return None
    if version != FORMAT_VERSION:
        result.unusable, result.unusable_reason = True, "not_manifest"
        result.problems.append("first line is not a HumasDesk export manifest")
        return None
    return manifest


def scan_jsonl(
    stream: BinaryIO,
    sink: Sink | None = None,
    *,
    max_problems: int = 20,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    snapshot_sink: Callable[[dict[str, Any]], None] | None = None,
) -> JsonlScan:
    """Read and check the whole stream (see the module docstring). `progress(bytes read)`
    and `cancel()` are called once per block; a cancel stops the pass (`cancelled`).
    `snapshot_sink(obj)` gets each well-formed ``metrics_snapshot`` line, decoded."""
    result = JsonlScan()
    digest = hashlib.sha256()
    base = hashlib.sha256()
    size = 0
    rest = b""
    manifest: dict[str, Any] | None = None
    state = _State()
    state.snapshot_sink = snapshot_sink
    reading_manifest = True
    while True:
        block = stream.read(BLOCK)
        if block:
            digest.update(block)
            size += len(block)
            data = rest + block if rest else block
            cut = data.rfind(b"\n")
            if cut < 0:
                rest = data
                if not reading_manifest or len(rest) < 64 * BLOCK:
                    continue
                cut = len(data) - 1  # a first line of 64 MB is not a manifest
            lines = data[: cut + 1]
            rest = data[cut + 1 :]
        else:
            lines, rest = rest, b""
            if not lines:
                break
        if reading_manifest:
            end = lines.find(b"\n")
            first = lines if end < 0 else lines[: end + 1]
            lines = b"" if end < 0 else lines[end + 1 :]
            reading_manifest = False
            manifest = read_manifest_line(first, result)
            if manifest is None:
                _drain(stream, digest, size, result)
                return result
            result.manifest = manifest
            state.start(manifest)
        if lines and len(result.problems) < max_problems:
            state.run(lines, result, sink, base, max_problems)
        if progress is not None:
            progress(size)
        if cancel is not None and cancel():
            result.cancelled = True
            break
        if not block:
            break
    result.size = size
    result.sha256 = digest.hexdigest()
    if result.cancelled:
        return result
    if manifest is None:
        result.unusable, result.unusable_reason = True, "not_manifest"
        result.problems.append("first line is not a HumasDesk export manifest")
        return result
    last_hash = None if state.prev_hash is None else state.prev_hash.decode("utf-8", "replace")
    result.first_seq, result.last_seq, result.last_hash = state.first_seq, state.prev_seq, last_hash
    if not result.problems:
        if manifest.get("snapshots", 0) != result.snapshots:
            result.bad(
                None,
                f"manifest says {manifest.get('snapshots', 0)} metrics snapshots, file holds "
                f"{result.snapshots}",
            )
        if manifest.get("entries") != result.entries:
            result.bad(
                None,
                f"manifest says {manifest.get('entries')} entries, file holds {result.entries}",
            )
        if manifest.get("first_seq") != state.first_seq or manifest.get("last_seq") != (
            state.prev_seq
        ):
            result.bad(None, "manifest's first/last seq differ from the entries")
        if (
            state.prev_seq is not None
            and manifest.get("log_head_seq") == state.prev_seq
            and manifest.get("log_head_hash") != last_hash
        ):
            result.bad(state.prev_seq, "differs from the chain head named in the manifest")
    return result


def _snapshot_line(
    raw: bytes,
    result: JsonlScan,
    lineno: int,
    sink: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """A metrics snapshot line (after the entries; not chained, covered by the signature)."""
    from humasdesk.store.exports.snapshots import check_line

    obj: Any = None
    try:
        obj = json.loads(raw)
        problem = check_line(obj)
    except (ValueError, UnicodeError):
        problem = "not readable"
    if problem is None:
        result.snapshots += 1
        if sink is not None:
            sink(obj)
    else:
        result.bad(None, f"line {lineno}: {problem}")


def _drain(stream: BinaryIO, digest: Any, size: int, result: JsonlScan) -> None:
    """Finish the digest of an unusable file (its SHA-256 is still reported)."""
    while block := stream.read(BLOCK):
        digest.update(block)
        size += len(block)
    result.size = size
    result.sha256 = digest.hexdigest()


class _State:
    """The walk's state from line to line."""

    def __init__(self) -> None:
        self.prev_seq: int | None = None
        self.prev_hash: bytes | None = None
        self.first_seq: int | None = None
        self.lineno = 1
        self.m_from: int | None = None
        self.m_to: int | None = None
        self.accounts: frozenset[str] = frozenset()
        self.personal_all = False
        self.manifest: dict[str, Any] = {}
        self.names: dict[bytes, Any] = {}
        self.snapshot_sink: Callable[[dict[str, Any]], None] | None = None

    def start(self, manifest: dict[str, Any]) -> None:
        self.manifest = manifest
        try:
            self.m_from = _bound_ms(manifest.get("period_from"))
            self.m_to = _bound_ms(manifest.get("period_to"))
        except (TypeError, ValueError):
            self.m_from = self.m_to = None
        accounts = manifest.get("accounts") or []
        self.accounts = frozenset(a for a in accounts if isinstance(a, str))
        self.personal_all = manifest.get("personal_scope") == "all"

    def run(
        self,
        data: bytes,
        result: JsonlScan,
        sink: Sink | None,
        base: Any,
        max_problems: int,
    ) -> None:
        try:
            data.decode("utf-8")
            valid_utf8 = True
        except UnicodeDecodeError:
            valid_utf8 = False  # every line of this block goes the exact path
        names = self.names
        lines = data.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        for raw in lines:
            self.lineno += 1
            if len(result.problems) >= max_problems:
                return
            if raw.startswith(_SNAPSHOT):
                _snapshot_line(raw, result, self.lineno, self.snapshot_sink)
                continue
            try:
                if not valid_utf8:
                    raise _Slow
                fields = _fast(raw, base, names)
            except _Slow:
                fields = _exact(raw, result, self.lineno)
                if fields is None:
                    continue
            except (ValueError, IndexError, UnicodeError):
                fields = _exact(raw, result, self.lineno)
                if fields is None:
                    continue
            (seq, ph, h, ms, account_id, handle, slot, action, xp, irt, details, bad, late) = fields
            result.entries += 1
            if self.first_seq is None:
                self.first_seq = seq
            if bad is not None:
                result.bad(seq, bad)
            prev_seq = self.prev_seq
            if prev_seq is not None:
                if seq <= prev_seq:
                    result.bad(seq, f"out of order after seq {prev_seq}")
                elif seq == prev_seq + 1:
                    if ph != self.prev_hash:
                        result.bad(seq, f"does not link to entry {prev_seq} (entry replaced)")
                else:
                    result.filtered_gaps += 1
            problem = self._in_filter(ms, slot, details)
            if problem is not None:
                result.bad(seq, problem)
            if late is not None:
                if late:
                    result.bad(seq, late)
                result.citizen_parts += 1
            self.prev_seq, self.prev_hash = seq, h
            if sink is not None and ms is not None:
                sink(seq, h, ms, account_id, handle, slot, action, xp, irt, details)

    def _in_filter(self, ms: int | None, slot: str | None, details: Any) -> str | None:
        if ms is None:
            return "time unreadable"
        if self.m_from is not None and ms < self.m_from:
            return "before the export's period"
        if self.m_to is not None and ms >= self.m_to:
            return "after the export's period"
        if slot is None:
            return None
        if slot not in self.accounts:
            return f"account {slot!r} is not in the export"
        if (
            slot == "personal"
            and not self.personal_all
            and details.get(OFFICIAL_CAPACITY_KEY) is not True
        ):
            return "private personal entry in an export without --include-personal"
        return None


# The canonical entry as `core.activity` writes it: keys sorted, compact. Ids, handles, the
# action and the slot hold no escapes (their strings end at the next quote); the post text
# may hold exactly the escapes `json.dumps` writes (\" \\ \b \f \n \r \t, other control
# characters as \u00XX); details are checked by parsing (`_fast`).
_S = rb'(null|"[^"\\]*")'
_TEXT = rb'(?:null|"[^"\\]*(?:\\(?:["\\bfnrt]|u00(?:0[0-7bef]|1[0-9a-f]))[^"\\]*)*")'
_CANONICAL = re.compile(
    rb'\{"account_id":' + _S + rb',"action":"([^"\\]*)",'
    rb'"citizen_handle_digest":(?:null|"[^"\\]*"),"citizen_text_digest":(?:null|"[^"\\]*"),'
    rb'"details":(\{\}|\{.*\}),"handle":' + _S + rb',"in_reply_to":' + _S + rb","
    rb'"seq":(0|[1-9][0-9]*),"slot":' + _S + rb',"text":' + _TEXT + rb","
    rb'"ts":"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3})Z",'
    rb'"v":1,"x_post_id":' + _S + rb"\}"
)
_JSON_STRING = rb'"[^"\\]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\]*)*"'
_MASKED = re.compile(
    rb'\{"citizen_handle":(?:null|'
    + _JSON_STRING
    + rb'),"citizen_text":(?:null|'
    + _JSON_STRING
    + rb'),"masked":true\}'
)


def _str(value: bytes) -> str | None:
    return None if value == b"null" else value[1:-1].decode("utf-8")


def _fast(raw: bytes, base: Any, names: dict[bytes, Any]) -> tuple[Any, ...]:
    """A line exactly as `jsonl.entry_line` writes it, read by position and one pattern
    (module docstring). Raises `_Slow` for anything else."""
    if raw[:22] != _PREFIX or raw[-1:] != b"}":
        raise _Slow
    i = raw.find(b",", 22)
    if (
        raw[i : i + 14] != b',"prev_hash":"'
        or raw[i + 78 : i + 88] != b'","hash":"'
        or raw[i + 152 : i + 162] != b'","entry":'
    ):
        raise _Slow
    ph = raw[i + 14 : i + 78]
    h = raw[i + 88 : i + 152]
    k = raw.rfind(_CITIZEN)
    late: str | None = None
    if k > 0:
        late = ""
        if _MASKED.fullmatch(raw, k + 11, len(raw) - 1) is None:
            raise _Slow  # not a masked citizen part: the exact path checks its digests
        c = raw[i + 162 : k]
    else:
        c = raw[i + 162 : -1]
    m = _CANONICAL.fullmatch(c)
    if m is None or m.group(6) != raw[22:i] or not ph.isalnum():
        raise _Slow
    hasher = base.copy()
    hasher.update(ph)
    hasher.update(c)
    if hexlify(hasher.digest()) != h:
        raise _Slow  # the exact path says what is wrong
    account_id, action, details_text, handle, irt, _seq, slot, ts, xp = m.groups()
    if details_text == b"{}":
        details: Any = _EMPTY
    else:
        details = json.loads(details_text)  # a wrong cut is not one object (module doc)
        if not isinstance(details, dict) or canonical(details) != details_text:
            raise _Slow
    # account ids, handles, slots and actions repeat: decoded once per file
    a = names.get(account_id, _MISSING)
    if a is _MISSING:
        a = names[account_id] = _str(account_id)
    hd = names.get(handle, _MISSING)
    if hd is _MISSING:
        hd = names[handle] = _str(handle)
    sl = names.get(slot, _MISSING)
    if sl is _MISSING:
        sl = names[slot] = _str(slot)
    ac = names.get(action)
    if ac is None:
        ac = names[action] = action.decode("utf-8")
    return (
        int(raw[22:i]),
        ph,
        h,
        (datetime.fromisoformat(ts.decode("ascii")) - _EPOCH_NAIVE) // _MS,
        a,
        hd,
        sl,
        ac,
        None if xp == b"null" else xp[1:-1].decode("utf-8"),
        None if irt == b"null" else irt[1:-1].decode("utf-8"),
        details,
        None,
        late,
    )


def _exact(raw: bytes, result: JsonlScan, lineno: int) -> tuple[Any, ...] | None:
    """The line by the definition (``json.loads``, canonical re-serialisation, citizens'
    digests). None when it is not a readable entry (recorded in `result`)."""
    try:
        obj = json.loads(raw)
        seq = obj["seq"]
        entry = obj["entry"]
        ph, h = obj["prev_hash"], obj["hash"]
        if obj.get("type") != "entry" or not isinstance(seq, int) or isinstance(seq, bool):
            raise ValueError("not an entry")
        if not isinstance(entry, dict) or not isinstance(ph, str) or not isinstance(h, str):
            raise ValueError("not an entry")
    except (ValueError, KeyError, TypeError, UnicodeError):
        result.bad(None, f"line {lineno} is not a readable entry")
        return None
    bad: str | None = None
    try:
        computed = hashlib.sha256(ph.encode("ascii") + canonical(entry)).hexdigest()
    except (ValueError, UnicodeError):
        computed = ""
    if computed != h:
        bad = "content does not match its hash (edited)"
    elif entry.get("seq") != seq:
        bad = "seq differs from the hashed entry"
    citizen = obj.get("citizen")
    late: str | None = None
    if isinstance(citizen, dict):
        late = ""
        if not citizen.get("masked"):
            result.citizen_full = True
            late = _citizen_problem(entry, citizen) or ""
    try:
        ms: int | None = ts_ms(entry["ts"])
    except (KeyError, TypeError, ValueError, AttributeError):
        ms = None
    details = entry.get("details")
    if not isinstance(details, dict):
        details = _EMPTY

    def text(key: str) -> str | None:
        value = entry.get(key)
        return value if isinstance(value, str) else None

    action = entry.get("action")
    return (
        seq,
        ph.encode("utf-8", "replace"),
        h.encode("utf-8", "replace"),
        ms,
        text("account_id"),
        text("handle"),
        text("slot"),
        action if isinstance(action, str) else "",
        text("x_post_id"),
        text("in_reply_to"),
        details,
        bad,
        late,
    )


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
