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
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from humasdesk.core.activity import ActivityEntry, canonical_details, format_ts, parse_ts

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
        return self.accepts_slot(None if entry.slot is None else str(entry.slot), entry.details)

    def accepts_slot(self, slot: str | None, details: Mapping[str, Any]) -> bool:
        """The account rules alone (for a writer that decodes the stored row itself)."""
        if slot is None:
            return True
        if slot not in self.slots:
            return False
        if slot == "personal" and not self.include_personal:
            return details.get(OFFICIAL_CAPACITY_KEY) is True
        return True

    def stored_time_bounds(self) -> tuple[StoredTimeBound | None, StoredTimeBound | None]:
        """`start` and `end` for comparing stored times (`format_ts` text) without parsing
        them; see `StoredTimeBound`."""
        return (
            None if self.start is None else StoredTimeBound.of(self.start),
            None if self.end is None else StoredTimeBound.of(self.end),
        )

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


@dataclass(frozen=True)
class StoredTimeBound:
    """A period bound as stored-time text. Stored times have milliseconds and one fixed-width
    form (``2024-05-01T02:30:00.123Z``), so they compare as text in time order; a bound may
    have microseconds, so `text` is the bound truncated to milliseconds and `exact` says
    whether nothing was cut off. For a stored time `t`: ``parse_ts(t) >= bound`` iff
    `at_or_after(t)`."""

    text: str
    exact: bool

    @classmethod
    def of(cls, bound: datetime) -> StoredTimeBound:
        return cls(format_ts(bound), bound.astimezone(UTC).microsecond % 1000 == 0)

    def at_or_after(self, stored: str) -> bool:
        return stored > self.text or (stored == self.text and self.exact)


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)")


_DIGIT = re.compile(r"\d")  # the same digits as \d in _NIK and _PHONE


def mask_contacts(text: str) -> str:
    """E-mail addresses, NIK numbers and Indonesian mobile numbers replaced by a marker."""
    # Most mentions hold no contact at all: an address needs an "@", a NIK or a phone number
    # digits, so the substitutions that cannot match are skipped (same result, less work).
    if "@" in text:
        text = _EMAIL.sub("[email]", text)
    if _DIGIT.search(text) is None:
        return text
    text = _NIK.sub("[NIK]", text)
    return _PHONE.sub("[telepon]", text)


class CitizenMasker:
    """How citizens' handles and texts appear in one export (see the module docstring)."""

    _CACHE_LIMIT = 4096  # pseudonyms kept; the cache is emptied when full (memory stays flat)

    def __init__(self, *, full: bool = False, key: bytes | None = None) -> None:
        self.full = full
        self._key = key if key is not None else os.urandom(32)
        self._pseudonyms: dict[str, str] = {}

    def handle(self, value: str | None) -> str | None:
        if value is None or self.full:
            return value
        # One citizen writes many mentions: the HMAC is computed once per handle.
        pseudonym = self._pseudonyms.get(value)
        if pseudonym is None:
            norm = value.strip().lstrip("@").casefold()
            digest = hmac.new(self._key, norm.encode("utf-8"), hashlib.sha256).hexdigest()
            pseudonym = "warga-" + digest[:8]
            if len(self._pseudonyms) >= self._CACHE_LIMIT:
                self._pseudonyms.clear()
            self._pseudonyms[value] = pseudonym
        return pseudonym

    def text(self, value: str | None) -> str | None:
        if value is None or self.full:
            return value
        return mask_contacts(value)


def local_time(ts: datetime, tz: tzinfo | None) -> datetime:
    """`ts` in `tz` (None: the laptop's zone)."""
    return ts.astimezone(tz) if tz is not None else ts.astimezone()


# A stored time is "YYYY-MM-DDTHH" + ":MM:SS" + ".mmmZ" (UTC, `format_ts`). The hour is
# checked once per hour (`LocalTimes._hour`), the rest against every value it can take.
_STORED_HOUR = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}")
_MINUTE_SECOND = frozenset(f":{m:02d}:{s:02d}" for m in range(60) for s in range(60))
_MILLISECOND_Z = frozenset(f".{ms:03d}Z" for ms in range(1000))


class LocalTimes:
    """Stored times (`format_ts` text) as the CSV writes them: ISO-8601 in `tz` (None: the
    laptop's zone) with milliseconds and offset, exactly
    ``local_time(parse_ts(t), tz).isoformat(timespec="milliseconds")``.

    Converting every entry through `datetime` costs more than the rest of its row. Offsets
    change at most once in any hour (zone rules change them months apart), so the offset
    is found once per UTC hour: when it is the same at the hour's first and last millisecond
    and a whole number of hours, only the date and hour change, and the stored minutes,
    seconds and milliseconds are kept as they are. Other hours (a change of offset inside
    them, offsets like +05:30) are converted entry by entry.
    """

    _CACHE_LIMIT = 4096  # hours kept (about half a year); emptied when full

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        self._hours: dict[str, tuple[str, str] | None] = {}

    def iso(self, stored: str) -> str | None:
        """`stored` in local ISO form, or None when it is not a stored time."""
        if len(stored) != 24 or stored[13:19] not in _MINUTE_SECOND:
            return None
        if stored[19:] not in _MILLISECOND_Z:
            return None
        key = stored[:13]  # "YYYY-MM-DDTHH", UTC
        try:
            hour = self._hours[key]
        except KeyError:
            hour = self._hour(key)
        if hour is None:
            return self._convert(stored)
        # local "YYYY-MM-DDTHH" + stored ":MM:SS.mmm" + local offset "+07:00"
        return hour[0] + stored[13:23] + hour[1]

    def _convert(self, stored: str) -> str | None:
        if _STORED_HOUR.fullmatch(stored, 0, 13) is None:
            return None
        try:
            ts = parse_ts(stored)
        except ValueError:  # no such day or hour
            return None
        return local_time(ts, self.tz).isoformat(timespec="milliseconds")

    def _hour(self, key: str) -> tuple[str, str] | None:
        if _STORED_HOUR.fullmatch(key) is None:
            return None  # not cached: such keys are rare and unbounded
        try:
            first = datetime.fromisoformat(key + ":00:00.000+00:00")
            last = first + timedelta(minutes=59, seconds=59, milliseconds=999)
            a, b = local_time(first, self.tz), local_time(last, self.tz)
        except (ValueError, OverflowError):  # entry by entry, which says what is wrong
            hour = None
        else:
            offset = a.utcoffset()
            whole_hours = offset is not None and offset % timedelta(hours=1) == timedelta(0)
            if whole_hours and b.utcoffset() == offset:
                text = a.isoformat(timespec="milliseconds")  # "YYYY-MM-DDTHH:00:00.000+07:00"
                hour = (text[:13], text[23:])
            else:
                hour = None
        if len(self._hours) >= self._CACHE_LIMIT:
            self._hours.clear()
        self._hours[key] = hour
        return hour


def _fast_details_json() -> Callable[[dict[str, Any]], str]:
    """`canonical_details` for a details object decoded from the log, at a quarter of its
    cost: `json.dumps` sets up a new C encoder for every call, which costs more than the
    encoding, so the encoder is set up once here, with the arguments
    `json.JSONEncoder.iterencode` gives it for `canonical_details`'s settings (sorted keys,
    ``,``/``:``, ``ensure_ascii=False``, ``allow_nan=False``; no circular check: decoded JSON
    has no cycles). Without the C encoder: `canonical_details` itself. A test keeps the two
    identical."""
    try:
        from json.encoder import c_make_encoder, encode_basestring

        encode = c_make_encoder(  # type: ignore[misc]
            None, json.JSONEncoder().default, encode_basestring, None, ":", ",", True, False, False
        )
    except (ImportError, TypeError):
        return canonical_details

    def details_json(details: dict[str, Any]) -> str:
        return "".join(encode(details, 0)) if details else "{}"

    return details_json


details_json = _fast_details_json()


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
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (citizen text is untrusted).
    A bare X handle (``@name``) is left alone: it cannot run. The JSON Lines export keeps
    the exact text."""
    if value.startswith(FORMULA_START) and not _HANDLE.fullmatch(value):
        return "'" + value
    return value
