"""What goes into a supervisor export and how one entry becomes one row.

Selection (privacy)
===================
`Selection.accepts(entry)`:

* entries of the slots asked for (`slots`): ``office`` entries always; ``personal`` entries
  only when they are marked official capacity ("kapasitas jabatan",
  ``details["official_capacity"] is True``) unless ``include_personal`` is set;
* entries with no slot (desk events: ``export_made``, ``chain_break_detected``,
  ``personal_data_erased``) always — a supervisor must see a chain break;
* entries in ``[start, end)`` (the caller also filters this in SQL) and ``seq <= max_seq``
  (the log head when the export began: entries appended meanwhile are left for the next
  export, so every pass over the log sees the same entries).

Citizens' data
==============
Citizens' handles and mention texts are personal data (UU 27/2022). By default
(`CitizenMasker(full=False)`) a handle becomes a pseudonym ``warga-<8 hex>`` (HMAC-SHA-256
under a key made for this one export and then forgotten: the same citizen has the same
pseudonym within one export, different ones across exports, and the pseudonym cannot be
reversed by hashing guesses), and e-mail addresses, phone numbers and NIK (16 digits) in
mention text are replaced by ``[email]``, ``[telepon]``, ``[NIK]``. With ``full=True`` the
stored values are exported as they are.

Columns (CSV and XLSX), Indonesian headings
===========================================
====================  =========================================================
seq                   entry number in the log (integer)
waktu                 time, laptop's zone (CSV: ISO-8601 with offset; XLSX: date cell)
akun                  ``Kantor`` / ``Pribadi`` / empty (desk event)
handle                the staff account's X handle
aksi                  action code as stored (``post_sent``, ``reply_sent``, …)
id_kiriman            X post id the entry is about (text: ids exceed 15 digits)
membalas              X post id answered (text)
teks                  the desk's own post text
kapasitas_jabatan     ``ya`` for a personal post marked official capacity, else empty
warga                 citizen handle (pseudonymised by default)
teks_warga            mention text (contacts masked by default)
rincian               details, canonical JSON
hash                  the entry's chain hash (hex)
hash_sebelumnya       the previous entry's hash (hex)
====================  =========================================================
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from humasdesk.core.activity import ActivityEntry, canonical_details

COLUMNS: tuple[str, ...] = (
    "seq",
    "waktu",
    "akun",
    "handle",
    "aksi",
    "id_kiriman",
    "membalas",
    "teks",
    "kapasitas_jabatan",
    "warga",
    "teks_warga",
    "rincian",
    "hash",
    "hash_sebelumnya",
)

SLOT_LABELS = {"office": "Kantor", "personal": "Pribadi"}
OFFICIAL_CAPACITY_KEY = "official_capacity"


def is_official_capacity(entry: ActivityEntry) -> bool:
    return entry.details.get(OFFICIAL_CAPACITY_KEY) is True


@dataclass(frozen=True)
class Selection:
    """Which entries an export holds (see the module docstring)."""

    slots: frozenset[str] = frozenset({"office", "personal"})
    include_personal: bool = False
    start: datetime | None = None
    end: datetime | None = None
    max_seq: int | None = None

    def accepts(self, entry: ActivityEntry) -> bool:
        if self.max_seq is not None and entry.seq > self.max_seq:
            return False
        if self.start is not None and entry.ts < self.start:
            return False
        if self.end is not None and entry.ts >= self.end:
            return False
        slot = None if entry.slot is None else str(entry.slot)
        if slot is None:
            return True
        if slot not in self.slots:
            return False
        if slot == "personal" and not self.include_personal:
            return is_official_capacity(entry)
        return True

    def filter(self, entries: Iterable[ActivityEntry]) -> Iterator[ActivityEntry]:
        for e in entries:
            if self.max_seq is not None and e.seq > self.max_seq:
                return  # entries come in seq order
            if self.accepts(e):
                yield e

    @property
    def personal_scope(self) -> str:
        """``none``, ``official_capacity`` or ``all``: how much of the personal account."""
        if "personal" not in self.slots:
            return "none"
        return "all" if self.include_personal else "official_capacity"


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)")


def mask_contacts(text: str) -> str:
    """E-mail addresses, NIK numbers and Indonesian mobile numbers replaced by a marker."""
    text = _EMAIL.sub("[email]", text)
    text = _NIK.sub("[NIK]", text)
    return _PHONE.sub("[telepon]", text)


class CitizenMasker:
    """How citizens' handles and texts appear in one export (see the module docstring)."""

    def __init__(self, *, full: bool = False, key: bytes | None = None) -> None:
        self.full = full
        self._key = key if key is not None else os.urandom(32)

    def handle(self, value: str | None) -> str | None:
        if value is None or self.full:
            return value
        norm = value.strip().lstrip("@").casefold()
        digest = hmac.new(self._key, norm.encode("utf-8"), hashlib.sha256).hexdigest()
        return "warga-" + digest[:8]

    def text(self, value: str | None) -> str | None:
        if value is None or self.full:
            return value
        return mask_contacts(value)


def local_time(ts: datetime, tz: tzinfo | None) -> datetime:
    """`ts` in `tz` (None: the laptop's zone)."""
    return ts.astimezone(tz) if tz is not None else ts.astimezone()


def row_values(entry: ActivityEntry, masker: CitizenMasker, tz: tzinfo | None) -> dict[str, Any]:
    """One entry as the column values (typed: int seq, aware local datetime, strings)."""
    slot = None if entry.slot is None else str(entry.slot)
    return {
        "seq": entry.seq,
        "waktu": local_time(entry.ts, tz),
        "akun": SLOT_LABELS.get(slot or "", slot or ""),
        "handle": entry.handle,
        "aksi": str(entry.action),
        "id_kiriman": entry.x_post_id,
        "membalas": entry.in_reply_to,
        "teks": entry.text,
        "kapasitas_jabatan": "ya" if slot == "personal" and is_official_capacity(entry) else "",
        "warga": masker.handle(entry.citizen_handle),
        "teks_warga": masker.text(entry.citizen_text),
        "rincian": canonical_details(entry.details),
        "hash": entry.hash,
        "hash_sebelumnya": entry.prev_hash,
    }


_HANDLE = re.compile(r"@\w{1,50}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (citizen text is untrusted).
    A bare X handle (``@name``) is left alone: it cannot run. The JSON Lines export keeps
    the exact text."""
    if value.startswith(_FORMULA_START) and not _HANDLE.fullmatch(value):
        return "'" + value
    return value
