"""The supervisor's rekap: domain types and rules (pure: no I/O, no Qt).

A supervisor receives signed JSON Lines exports from the Humas heads of many units, checks
each against a register of the officials' keys, and consolidates the ones that verify into
one *Rekapitulasi*. This module holds what every layer agrees on:

* `TrustedKey` — one entry of the register: a key (by its fingerprint; the public key too
  when it came from the official's ``signing-key.pub``), the official's name and unit, the
  office account it is for, and the days it is valid for, ``valid_from`` (inclusive) and
  ``valid_until`` (exclusive: the day it was retired *from*). A successor after *serah terima
  jabatan* gets an entry of their own for the same account; both stay valid for their own
  days. A key is never trusted because a file carries it: only the register says so.
* `Verdict` — what the check of one input file found; every verdict but ``counted`` keeps the
  file out of the figures, and each comes with the details its message needs.
* `Gap` — entries of one official's chain that no input holds ("entri 1.204–1.388 tidak ada
  di berkas mana pun"): a missing period, not just a missing edit.

**Key validity for a file.** The file's *activity span* is the earliest and latest time of
its entries other than ``mention_received`` (a mention carries the citizen's time on X, which
can be days before the official logged it); a file with no such entry uses its creation time.
The key must be valid for the whole span: ``valid_from`` ≤ earliest and latest <
``valid_until``. Days are read in the supervisor's time zone.

Indonesian text for the command line, the XLSX and the CSV is `verdict_text`; the window and
the PDF translate their own English source strings (same wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from enum import StrEnum
from typing import Any

from humasdesk.core.fingerprint import format_fingerprint

FINGERPRINT_HEX = 64
MIN_PREFIX_HEX = 16  # `keys list` shows four groups of four
MAX_NAME_LENGTH = 200


class Verdict(StrEnum):
    COUNTED = "counted"
    ALTERED = "altered"  # the file differs from what was signed, or an entry from its hash
    BAD_SIGNATURE = "bad_signature"  # the .sig's own signature fails (edited or forged)
    NO_SIGNATURE = "no_signature"
    SIGNATURE_OF_OTHER_FILE = "signature_of_other_file"
    UNKNOWN_KEY = "unknown_key"
    KEY_RETIRED = "key_retired"
    KEY_NOT_YET_VALID = "key_not_yet_valid"
    WRONG_FORMAT = "wrong_format"  # a HumasDesk CSV/XLSX/PDF: ask for JSON Lines
    NOT_AN_EXPORT = "not_an_export"
    NEWER_VERSION = "newer_version"
    UNREADABLE = "unreadable"
    OUTSIDE_PERIOD = "outside_period"
    CONFLICT = "conflict"  # same key, same entry number, different entry than another file
    DUPLICATE_INPUT = "duplicate_input"  # the same file given twice

    @property
    def counted(self) -> bool:
        return self is Verdict.COUNTED


@dataclass(frozen=True)
class TrustedKey:
    """One official's key in the supervisor's register (see the module docstring)."""

    fingerprint: str  # lowercase hex SHA-256 of the raw public key
    name: str
    unit: str
    account: str = ""  # the office account's handle, e.g. "@humas_kota" (optional)
    public_key: str | None = None  # base64 of the raw key, when added from a key file
    valid_from: date | None = None
    valid_until: date | None = None  # exclusive: retired from this day on
    added_at: str = ""
    retired_at: str = ""

    @property
    def display_fingerprint(self) -> str:
        return format_fingerprint(self.fingerprint)

    def bounds_ms(self, tz: tzinfo) -> tuple[int | None, int | None]:
        return (
            None if self.valid_from is None else day_start_ms(self.valid_from, tz),
            None if self.valid_until is None else day_start_ms(self.valid_until, tz),
        )

    def validity_problem(
        self, earliest_ms: int, latest_ms: int, tz: tzinfo
    ) -> tuple[Verdict, dict[str, Any]] | None:
        """Why this key may not vouch for a file whose activity spans [earliest, latest]
        (ms since the epoch), or None when it may."""
        lo, hi = self.bounds_ms(tz)
        if hi is not None and latest_ms >= hi:
            return Verdict.KEY_RETIRED, {"retired_from": self.valid_until, "latest": latest_ms}
        if lo is not None and earliest_ms < lo:
            return Verdict.KEY_NOT_YET_VALID, {
                "valid_from": self.valid_from,
                "earliest": earliest_ms,
            }
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "name": self.name,
            "unit": self.unit,
            "account": self.account,
            "public_key": self.public_key,
            "valid_from": None if self.valid_from is None else self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "added_at": self.added_at,
            "retired_at": self.retired_at,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TrustedKey:
        def day(v: Any) -> date | None:
            return None if not v else date.fromisoformat(str(v))

        fp = normalise_fingerprint(str(d["fingerprint"]))
        if fp is None or len(fp) != FINGERPRINT_HEX:
            raise ValueError("bad fingerprint")
        return cls(
            fingerprint=fp,
            name=str(d.get("name") or ""),
            unit=str(d.get("unit") or ""),
            account=str(d.get("account") or ""),
            public_key=d.get("public_key") or None,
            valid_from=day(d.get("valid_from")),
            valid_until=day(d.get("valid_until")),
            added_at=str(d.get("added_at") or ""),
            retired_at=str(d.get("retired_at") or ""),
        )


_HEX = re.compile(r"[0-9a-f]+")


def normalise_fingerprint(text: str) -> str | None:
    """A fingerprint as typed from a report (``3F2A 9C01 …``, any case, spaces, colons or
    dashes between groups) as lowercase hex; None when it is not hex."""
    cleaned = re.sub(r"[\s:\-…]", "", text.strip().lower()).removesuffix("...")
    if not cleaned or _HEX.fullmatch(cleaned) is None or len(cleaned) > FINGERPRINT_HEX:
        return None
    return cleaned


def day_start_ms(d: date, tz: tzinfo) -> int:
    """Local midnight of `d` in `tz`, in ms since the epoch."""
    from humasdesk.core.metrics import to_ms

    return to_ms(datetime.combine(d, time(), tzinfo=tz))


@dataclass(frozen=True)
class Gap:
    """Entries ``first``–``last`` of one official's chain that no input file holds, between
    the file `after` (which ends before them) and the file `before` (which starts after)."""

    fingerprint: str
    official: str
    first: int
    last: int
    after: str
    before: str


def find_gaps(fingerprint: str, official: str, ranges: list[tuple[int, int, str]]) -> list[Gap]:
    """The gaps between the (first seq, last seq, file name) ranges of one chain's counted
    files. Jumps inside one file are entries its own filter left out (period, account,
    privacy) and are not gaps; before the first file and after the last the chain simply
    lies outside what was sent."""
    gaps: list[Gap] = []
    covered_to: int | None = None
    last_name = ""
    for first, last, name in sorted(ranges):
        if covered_to is not None and first > covered_to + 1:
            gaps.append(Gap(fingerprint, official, covered_to + 1, first - 1, last_name, name))
        if covered_to is None or last > covered_to:
            covered_to, last_name = last, name
    return gaps


def local_day(ms: int, tz: tzinfo) -> date:
    from humasdesk.core.metrics import from_ms

    return from_ms(ms).astimezone(tz).date()


def id_number(n: int) -> str:
    """``1.204``: Indonesian thousands separators."""
    return f"{n:,}".replace(",", ".")


def id_date(d: date) -> str:
    months = (
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
    ).split()
    return f"{d.day} {months[d.month - 1]} {d.year}"


def gap_text(gap: Gap) -> str:
    """``entri 1.204–1.388 tidak ada di berkas mana pun`` (with the files around it)."""
    span = (
        f"entri {id_number(gap.first)}"
        if gap.first == gap.last
        else f"entri {id_number(gap.first)}–{id_number(gap.last)}"
    )
    return (
        f"{gap.official}: {span} tidak ada di berkas mana pun (antara {gap.after} dan {gap.before})"
    )


def verdict_text(verdict: Verdict, detail: dict[str, Any], tz: tzinfo) -> str:
    """The verdict for a person, in Indonesian (command line, XLSX, CSV)."""
    d = detail
    if verdict is Verdict.COUNTED:
        return "terverifikasi, dihitung"
    if verdict is Verdict.ALTERED:
        if d.get("first_bad_seq") is not None:
            return f"diubah: entri {id_number(int(d['first_bad_seq']))} tidak cocok dengan hash-nya"
        return "diubah: isi berkas berbeda dari yang ditandatangani"
    if verdict is Verdict.BAD_SIGNATURE:
        return "tanda tangan .sig tidak sah (berkas .sig diubah atau dipalsukan)"
    if verdict is Verdict.NO_SIGNATURE:
        return "berkas tanda tangan .sig tidak ada di sampingnya; minta berkas .sig-nya"
    if verdict is Verdict.SIGNATURE_OF_OTHER_FILE:
        return f"berkas .sig milik berkas lain ({d.get('signed_name') or '?'})"
    if verdict is Verdict.UNKNOWN_KEY:
        fp = format_fingerprint(str(d.get("fingerprint") or ""), groups=4)
        return (
            f"kunci {fp} tidak ada di daftar kunci tepercaya; tambahkan dengan "
            "`humasdesk rekap keys add` bila sah"
        )
    if verdict is Verdict.KEY_RETIRED:
        until = d.get("retired_from")
        latest = d.get("latest")
        text = f"kunci sudah tidak berlaku sejak {id_date(until)}" if until else "kunci"
        if latest is not None:
            text += f", tetapi berkas memuat entri tanggal {id_date(local_day(latest, tz))}"
        return text
    if verdict is Verdict.KEY_NOT_YET_VALID:
        start = d.get("valid_from")
        earliest = d.get("earliest")
        text = f"kunci baru berlaku sejak {id_date(start)}" if start else "kunci"
        if earliest is not None:
            text += f", tetapi berkas memuat entri tanggal {id_date(local_day(earliest, tz))}"
        return text
    if verdict is Verdict.WRONG_FORMAT:
        fmt = str(d.get("format") or "").upper() or "lain"
        return (
            f"berkas {fmt}, bukan JSON Lines; minta ekspor JSON Lines "
            "(humasdesk export --format jsonl) dari pejabatnya"
        )
    if verdict is Verdict.NOT_AN_EXPORT:
        return "bukan berkas ekspor HumasDesk; minta ekspor JSON Lines (--format jsonl)"
    if verdict is Verdict.NEWER_VERSION:
        return (
            f"dibuat HumasDesk {d.get('app_version') or '?'} (format versi "
            f"{d.get('version') or '?'}), lebih baru dari versi ini; perbarui HumasDesk"
        )
    if verdict is Verdict.UNREADABLE:
        return f"tidak dapat dibaca ({d.get('reason') or 'galat baca'})"
    if verdict is Verdict.OUTSIDE_PERIOD:
        return "seluruh isinya di luar periode rekap"
    if verdict is Verdict.CONFLICT:
        return (
            f"entri {id_number(int(d.get('seq') or 0))} berbeda dengan entri bernomor sama di "
            f"{d.get('other') or 'berkas lain'} dari kunci yang sama (dua riwayat berbeda)"
        )
    if verdict is Verdict.DUPLICATE_INPUT:
        return f"berkas yang sama sudah diberikan ({d.get('other') or '?'})"
    return str(verdict)
