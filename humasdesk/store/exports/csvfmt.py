"""CSV export: UTF-8 with a byte-order mark (Excel then reads it as UTF-8), RFC 4180
(fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends),
one header row (`rows.COLUMNS`), times ISO-8601 with milliseconds and the UTC offset of the
laptop's zone (``2024-05-01T09:30:00.000+07:00``). Text a spreadsheet would run as a
formula gets a leading ``'`` (`rows.defuse_formula`). Streams: memory does not grow with
the number of entries.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import tzinfo
from typing import BinaryIO

from humasdesk.core.activity import ActivityEntry
from humasdesk.store.exports.rows import COLUMNS, CitizenMasker, defuse_formula, row_values


def write_csv(
    out: BinaryIO,
    entries: Iterable[ActivityEntry],
    *,
    masker: CitizenMasker,
    tz: tzinfo | None = None,
    on_entry: Callable[[ActivityEntry], None] | None = None,
) -> int:
    """Write the header and one row per entry to `out`; return the number of entries."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        n = 0
        for entry in entries:
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
            writer.writerow(row)
            n += 1
            if on_entry is not None:
                on_entry(entry)
        text.flush()
        return n
    finally:
        text.detach()  # the caller owns `out`
