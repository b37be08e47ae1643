"""CSV export: UTF-8 with a byte-order mark (Excel then reads it as UTF-8), RFC 4180
(fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends),
one header row (`rows.COLUMNS`), times ISO-8601 with milliseconds and the UTC offset of the
laptop's zone (``2024-05-01T09:30:00.000+07:00``). Text a spreadsheet would run as a
formula gets a leading ``'`` (`rows.defuse_formula`). Streams: memory does not grow with
the number of entries.

Two writers make the same bytes:

* `write_csv` writes `ActivityEntry` objects through `rows.row_values` and `csv.writer`:
  the plain definition of a row.
* `write_csv_rows` writes stored rows (`ActivityLog.iter_rows`) and applies the
  `Selection` itself; the export service uses it. Building an entry, a dict of values and
  a `csv.writer` call for every row cost several times what reading the row does, so it
  decodes only the fields it writes and quotes them itself. A row in any form the log does
  not write (a damaged entry, a slot or value type from a newer version) goes the plain
  way. `tests/exports/test_csv_fast.py` compares the two over every kind of entry.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, BinaryIO

from humasdesk.core.activity import CANONICAL_VERSION, ActivityEntry, parse_ts
from humasdesk.store.activity_log import entry_from_row
from humasdesk.store.exports.rows import (
    COLUMNS,
    FORMULA_START,
    SLOT_LABELS,
    CitizenMasker,
    LocalTimes,
    Selection,
    defuse_formula,
    details_json,
    row_values,
)

_ENCODING = "utf-8"
_BOM = "\ufeff".encode(_ENCODING)
_EOL = "\r\n"


def _dialect_writer(out: Any) -> Any:
    return csv.writer(out, lineterminator=_EOL, quoting=csv.QUOTE_MINIMAL)


@dataclass(frozen=True)
class CsvExtra:
    """Columns after `COLUMNS` keyed by the row's X post id (issue 16: each post's latest
    reach numbers): `header` their names, `cells[x_post_id]` their values as CSV text, each
    led by a comma; a row without any gets `empty`."""

    header: tuple[str, ...]
    cells: dict[str, str]

    @property
    def empty(self) -> str:
        return "," * len(self.header)

    def of(self, x_post_id: str | None) -> str:
        return self.cells.get(x_post_id or "", self.empty)


def _cells(
    entry: ActivityEntry, masker: CitizenMasker, tz: tzinfo | None, extra: CsvExtra | None = None
) -> list[object]:
    """One entry's row for `csv.writer`."""
    v = row_values(entry, masker, tz)
    row: list[object] = []
    for col in COLUMNS:
        value = v[col]
        if col == "waktu":
            row.append(value.isoformat(timespec="milliseconds"))
        elif value is None:
            row.append("")
        elif isinstance(value, str):
            row.append(defuse_formula(value))
        else:
            row.append(value)
    if extra is not None:
        row += next(csv.reader([extra.of(entry.x_post_id)[1:]])) if extra.header else []
    return row


def write_csv(
    out: BinaryIO,
    entries: Iterable[ActivityEntry],
    *,
    masker: CitizenMasker,
    tz: tzinfo | None = None,
    on_entry: Callable[[ActivityEntry], None] | None = None,
    extra: CsvExtra | None = None,
) -> int:
    """Write the header and one row per entry to `out`; return the number of entries."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    try:
        writer = _dialect_writer(text)
        writer.writerow(COLUMNS + (extra.header if extra else ()))
        n = 0
        for entry in entries:
            writer.writerow(_cells(entry, masker, tz, extra))
            n += 1
            if on_entry is not None:
                on_entry(entry)
        text.flush()
        return n
    finally:
        text.detach()  # the caller owns `out`


def csv_cell(value: str) -> str:
    """A text value as `write_csv` writes it: formula defused, then as `csv.writer` quotes
    it (QUOTE_MINIMAL, CRLF lines): in quotes, with quotes doubled, when it holds a quote, a
    comma or a line break."""
    if value.startswith(FORMULA_START):  # the call only when it may change something
        value = defuse_formula(value)
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value or "\r" in value:
        return '"' + value + '"'
    return value


def details_cell(details: dict[str, Any]) -> str:
    """`csv_cell(canonical_details(details))` for a details object decoded from the log.

    Canonical JSON of an object starts with "{" (nothing to defuse) and, unless empty,
    holds quotes (always quoted, quotes doubled). Most entries carry one plain item
    (``{"outbox_id": 17}``, ``{"tag": "aduan"}``): its JSON is written directly, since a
    key of ASCII letters, digits and ``_``, an int, and a string of letters and digits need
    no escaping in JSON (an int is written as `str` writes it)."""
    if not details:
        return "{}"
    if len(details) == 1:
        ((key, value),) = details.items()
        if key.isascii() and key.isidentifier():
            if type(value) is int:
                return f'"{{""{key}"":{value}}}"'
            if type(value) is str and value.isalnum():
                return f'"{{""{key}"":""{value}""}}"'
    return '"' + details_json(details).replace('"', '""') + '"'


@dataclass(frozen=True)
class Written:
    """What `write_csv_rows` wrote: the number of entries, the first and last seq, and how
    many of the entries were written the plain way (damaged, or from a newer version)."""

    entries: int
    first_seq: int | None
    last_seq: int | None
    plain_rows: int = 0


# What `_RowWriter.line` raises on a value it does not expect (a missing field, a value of
# another type, text that is not JSON or not a stored time).
UNVOUCHED = (KeyError, TypeError, ValueError, AttributeError, StopIteration)
_SKIP = ""  # `_RowWriter.line`: the row is not in the export (a line is never empty)


class _RowWriter:
    """Stored rows to CSV lines, with the export's selection and masking."""

    def __init__(
        self,
        selection: Selection,
        masker: CitizenMasker,
        tz: tzinfo | None,
        extra: CsvExtra | None = None,
    ) -> None:
        self.extra = extra
        self._extra = extra.of if extra is not None else lambda _x_post_id: ""
        self.selection = selection
        self.masker = masker
        self.full = masker.full  # full citizen data: the masker would return the values as given
        self.tz = tz
        self.times = LocalTimes(tz)
        self.start, self.end = selection.stored_time_bounds()
        self.max_seq = float("inf") if selection.max_seq is None else selection.max_seq
        # Both accounts, every personal entry: the account rules take every slot there is
        # (a slot they would not know is not decoded here).
        self.every_slot = selection.include_personal and selection.slots >= set(SLOT_LABELS)
        # `json.loads` without its wrapper: the scanner alone, on text that must be one JSON
        # value from the first character to the last (anything else goes the plain way).
        self._scan = json.JSONDecoder().scan_once
        self.plain_rows = 0

    def line(self, row: Sequence[Any]) -> str | None:
        """The row's CSV line, or `_SKIP` when the selection leaves it out. None, or one of
        `UNVOUCHED`, when the row is not in a form this decoder vouches for: the caller
        then writes it the plain way."""
        seq, canonical, prev_hash, hash_, salt, citizen_handle, citizen_text, erased_at = row
        # What `entry_from_row` needs: one JSON object of this version with every field,
        # under the seq it is stored at, and personal columns it can read.
        obj, end = self._scan(canonical, 0)
        if end != len(canonical) or type(obj) is not dict or obj["v"] != CANONICAL_VERSION:
            return None
        if type(obj["seq"]) is not int or obj["seq"] != seq or seq > self.max_seq:
            return None  # past the head: the plain way ends the export there
        if (
            "account_id" not in obj
            or "citizen_handle_digest" not in obj
            or "citizen_text_digest" not in obj
        ):
            return None  # the fields not read below, where a missing one raises KeyError
        if salt is not None and type(salt) is not bytes:
            return None
        if erased_at is not None:
            parse_ts(erased_at)

        slot, details, ts = obj["slot"], obj["details"], obj["ts"]
        if type(details) is not dict:
            return None
        akun = "" if slot is None else SLOT_LABELS[slot]  # another slot: KeyError, plain way
        waktu = self.times.iso(ts)
        if waktu is None:
            return None
        if not (self.every_slot or self.selection.accepts_slot(slot, details)):
            return _SKIP
        if self.start is not None and not self.start.at_or_after(ts):
            return _SKIP
        if self.end is not None and self.end.at_or_after(ts):
            return _SKIP

        # Staff handles, action codes, post ids and hashes are plain words, digits or hex:
        # nothing to quote or defuse. Anything else, and all free text, goes through
        # `csv_cell`. A value of another type lacks these methods: AttributeError.
        handle, action = obj["handle"], obj["action"]
        if handle is None:
            handle = ""
        elif not handle.isidentifier():
            handle = csv_cell(handle)
        if not action.isidentifier():
            action = csv_cell(action)
        x_post_id, in_reply_to = obj["x_post_id"], obj["in_reply_to"]
        if x_post_id is None:
            x_post_id = ""
        elif not x_post_id.isdigit():
            x_post_id = csv_cell(x_post_id)
        if in_reply_to is None:
            in_reply_to = ""
        elif not in_reply_to.isdigit():
            in_reply_to = csv_cell(in_reply_to)
        text = obj["text"]
        text = "" if text is None else csv_cell(text)
        capacity = "ya" if slot == "personal" and details.get("official_capacity") is True else ""
        if citizen_handle is not None:
            if not self.full:
                citizen_handle = self.masker.handle(citizen_handle)
            citizen_handle = csv_cell(citizen_handle)
        if citizen_text is not None:
            if not self.full:
                citizen_text = self.masker.text(citizen_text)
            citizen_text = csv_cell(citizen_text)
        rincian = details_cell(details)
        # bytes.isalnum: ASCII letters and digits only, and far quicker than str.isalnum.
        if not (hash_ + prev_hash).encode().isalnum():
            hash_, prev_hash = csv_cell(hash_), csv_cell(prev_hash)
        return (
            f"{seq},{waktu},{akun},{handle},{action},{x_post_id},{in_reply_to},{text},"
            f"{capacity},{citizen_handle or ''},{citizen_text or ''},{rincian},"
            f"{hash_},{prev_hash}{self._extra(obj['x_post_id'])}{_EOL}"
        )

    def plain_line(self, entry: ActivityEntry) -> str:
        """The entry's line the plain way (`write_csv`'s)."""
        self.plain_rows += 1
        buf = io.StringIO(newline="")
        _dialect_writer(buf).writerow(_cells(entry, self.masker, self.tz, self.extra))
        return buf.getvalue()


def write_csv_rows(
    out: BinaryIO,
    batches: Iterable[Sequence[Sequence[Any]]],
    *,
    selection: Selection,
    masker: CitizenMasker,
    tz: tzinfo | None = None,
    extra: CsvExtra | None = None,
) -> Written:
    """Write the header and the selected entries of `batches` (lists of stored rows in seq
    order, from `ActivityLog.iter_rows`) to `out`: the bytes `write_csv` writes for
    ``selection.filter(entries)``. One write per batch."""
    rows_to_lines = _RowWriter(selection, masker, tz, extra)
    header = io.StringIO(newline="")
    _dialect_writer(header).writerow(COLUMNS + (extra.header if extra else ()))
    out.write(_BOM + header.getvalue().encode(_ENCODING))
    n, first, last = 0, None, None
    to_line = rows_to_lines.line
    for batch in batches:
        lines: list[str] = []
        past_head = False
        for row in batch:
            try:
                line = to_line(row)
            except UNVOUCHED:
                line = None
            if line:  # the usual case
                last = row[0]
            elif line is None:  # the plain way
                entry = entry_from_row(row)
                if selection.max_seq is not None and entry.seq > selection.max_seq:
                    past_head = True  # as `Selection.filter`: entries come in seq order
                    break
                if not selection.accepts(entry):
                    continue
                line, last = rows_to_lines.plain_line(entry), entry.seq
            else:
                continue  # not selected
            lines.append(line)
            if first is None:
                first = last
        n += len(lines)
        out.write("".join(lines).encode(_ENCODING))
        if past_head:
            break
    return Written(n, first, last, rows_to_lines.plain_rows)
