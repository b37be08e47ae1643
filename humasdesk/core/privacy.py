"""Citizens' data and records: data classes, retention, deadlines, document drafts (pure).

The agency is the controller of the citizens' data the desk holds (UU 27/2022 PDP), and the
office account's posts, replies and handled complaints are records (UU 43/2009 Kearsipan).
This module decides *what* a piece of data is and *when* something is due; it does no I/O.

Data classes
============
``unanswered_mention``  a citizen's mention never answered, not tagged "aduan" and not
                        handled: its handle and text are erased after
                        `RetentionPolicy.unanswered_mention_days` (counts are kept).
``answered_mention``    a mention the account answered or handled: a record; never erased
                        automatically, listed for disposal review.
``complaint``           a mention tagged "aduan": a record, as above.
``office_post``         the office account's own posts and replies (and personal posts marked
                        "kapasitas jabatan"): records, as above.
``personal_post``       the official's private personal posts: not citizens' data, not a
                        record of the office; never touched by retention.

Deadlines
=========
Data-subject requests: access, correction and restriction 3×24 hours from receipt
(`REQUEST_DEADLINE`; UU 27/2022 Pasal 32, 30, 41); erasure has no period in the law (Pasal
43), so the register records none (`REQUEST_DEADLINE_BY_KIND`). Breach notification: 3×24
hours from discovery (UU 27/2022 Pasal 46 ayat 1, `BREACH_DEADLINE`).

Documents
=========
Plain-text Indonesian templates, filled from data; ``[…]`` marks what a person fills in:
`proposal_list_text` (daftar arsip usul musnah), `destruction_report_draft` (berita acara
pemusnahan arsip) and `breach_notification_text` (pemberitahuan kegagalan pelindungan data
pribadi, with the contents Pasal 46 ayat 2 asks for).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, Protocol

from humasdesk.core.classification import CLASSIFICATIONS as CLASSIFICATIONS
from humasdesk.core.classification import DEFAULT_CLASSIFICATION as DEFAULT_CLASSIFICATION


class DataClass(StrEnum):
    UNANSWERED_MENTION = "unanswered_mention"
    ANSWERED_MENTION = "answered_mention"
    COMPLAINT = "complaint"
    OFFICE_POST = "office_post"
    PERSONAL_POST = "personal_post"


#: The classes that are records (UU 43/2009): never erased automatically.
RECORD_CLASSES = frozenset({DataClass.ANSWERED_MENTION, DataClass.COMPLAINT, DataClass.OFFICE_POST})

CLASS_LABELS: Mapping[DataClass, str] = {
    DataClass.UNANSWERED_MENTION: "Mention warga tidak dibalas",
    DataClass.ANSWERED_MENTION: "Mention warga yang dibalas/ditangani",
    DataClass.COMPLAINT: "Aduan warga",
    DataClass.OFFICE_POST: "Kiriman akun kantor",
    DataClass.PERSONAL_POST: "Kiriman akun pribadi",
}


class RequestKind(StrEnum):
    ACCESS = "access"
    CORRECTION = "correction"
    RESTRICTION = "restriction"
    ERASURE = "erasure"


class RequestStatus(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    REFUSED = "refused"


REQUEST_KIND_LABELS: Mapping[RequestKind, str] = {
    RequestKind.ACCESS: "akses",
    RequestKind.CORRECTION: "perbaikan",
    RequestKind.RESTRICTION: "pembatasan pemrosesan",
    RequestKind.ERASURE: "penghapusan",
}
REQUEST_STATUS_LABELS: Mapping[RequestStatus, str] = {
    RequestStatus.OPEN: "terbuka",
    RequestStatus.GRANTED: "dipenuhi",
    RequestStatus.REFUSED: "ditolak",
}

REQUEST_DEADLINE = timedelta(hours=72)
BREACH_DEADLINE = timedelta(hours=72)
#: The deadline UU 27/2022 sets per request kind, from receipt; None: the law sets none.
#: Correction: Pasal 30 ayat (1); access: Pasal 32 ayat (2); restriction (penundaan dan
#: pembatasan): Pasal 41. Erasure (Pasal 43) names no period, so none is invented here:
#: the register shows "tanpa batas waktu dalam UU" and the agency applies its own target.
REQUEST_DEADLINE_BY_KIND: Mapping[RequestKind, timedelta | None] = {
    RequestKind.ACCESS: REQUEST_DEADLINE,
    RequestKind.CORRECTION: REQUEST_DEADLINE,
    RequestKind.RESTRICTION: REQUEST_DEADLINE,
    RequestKind.ERASURE: None,
}


#: Chain actions written by the privacy services (the log accepts any action string).
ACTION_REQUEST_REGISTERED = "data_request_registered"
ACTION_REQUEST_CLOSED = "data_request_closed"
ACTION_ACCESS_REPORT = "access_report_made"
ACTION_BREACH_KIT = "breach_kit_made"
ACTION_DISPOSAL_REVIEW = "disposal_review_made"
ACTION_HANDOVER = "office_handover"
ACTION_HANDOVER_ABORTED = "office_handover_aborted"


# -- errors ---------------------------------------------------------------------------------


class PrivacyError(Exception):
    """Base of the privacy errors. `code` is the kind of error (stable; the command line
    maps it to an exit code). `message_id` names the exact message and `params` fill it:
    the GUI turns them into text in its language (`gui.messages.describe_privacy_error`).
    The message itself is the plain Indonesian line the command line prints, never holding
    a citizen's data."""

    code = "privacy_error"

    def __init__(self, message: str = "", message_id: str = "", **params: object) -> None:
        super().__init__(message)
        self.message_id = message_id or self.code
        self.params = params


class InvalidRetention(PrivacyError):
    """A retention period that cannot be used (zero, negative, not a whole number)."""

    code = "invalid_retention"

    def __init__(self, field_name: str, value: object, reason: str, message_id: str = "") -> None:
        super().__init__(f"{field_name}: {reason}", message_id or "invalid_retention")
        self.field = field_name
        self.value = value
        self.reason = reason


class InvalidHandle(PrivacyError):
    code = "invalid_handle"

    def __init__(self) -> None:
        super().__init__("handle X terdiri dari 1–15 huruf, angka atau garis bawah")


# -- retention policy -------------------------------------------------------------------------


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...


@dataclass(frozen=True)
class RetentionPolicy:
    """The agency's retention values (settings; these are the defaults the dialog shows).

    `unanswered_mention_days`: after this many days an unanswered, untagged, unhandled
    mention's handle and text are erased by the schedule (default 365 = 12 months).
    `record_review_days`: records (answered mentions, aduan, office posts) older than this
    are listed for disposal review — never erased automatically (default 730 = 2 years, the
    usual active retention; the agency sets its own from its JRA).
    Zero, negative or non-integer values raise `InvalidRetention`."""

    unanswered_mention_days: int = 365
    record_review_days: int = 730

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRetention(
                    f.name, value, "masa retensi harus bilangan bulat hari", "retention_not_days"
                )
            if value <= 0:
                raise InvalidRetention(
                    f.name,
                    value,
                    "masa retensi harus lebih dari 0 hari (nol/negatif ditolak)",
                    "retention_not_positive",
                )
            if value > 36_500:
                raise InvalidRetention(
                    f.name, value, "masa retensi paling lama 100 tahun", "retention_too_long"
                )

    @classmethod
    def from_settings(cls, values: SettingsLike | None) -> RetentionPolicy:
        """From settings keys ``retention_unanswered_mention_days`` and
        ``retention_record_review_days``: a mapping or the desk's `Settings` (anything with
        ``get(key)``); missing keys, None values or no settings take the defaults."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            value = None if values is None else values.get(f"retention_{f.name}")
            if value is not None:
                kw[f.name] = value
        return cls(**kw)

    def unanswered_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.unanswered_mention_days)

    def review_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.record_review_days)


# -- handles and classification ----------------------------------------------------------------

_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")


def normalize_handle(value: str) -> str:
    """``@Warga_Satu`` → ``warga_satu`` (X handles compare case-insensitively)."""
    h = (value or "").strip().lstrip("@")
    if not _HANDLE.match(h):
        raise InvalidHandle()
    return h.casefold()


def classify(
    action: str,
    slot: str | None,
    *,
    answered: bool = False,
    complaint: bool = False,
    handled: bool = False,
    official_capacity: bool = False,
) -> DataClass | None:
    """The data class of one activity entry, or None (desk events, sign-ins, requests…).

    A mention (``mention_received``) is a complaint when tagged "aduan", answered when the
    account replied to it or handled it, else unanswered. Own posts/replies are office
    records from the office slot (or a personal post marked official capacity), else
    personal posts."""
    a = str(action)
    if a == "mention_received":
        if complaint:
            return DataClass.COMPLAINT
        if answered or handled:
            return DataClass.ANSWERED_MENTION
        return DataClass.UNANSWERED_MENTION
    if a in ("post_sent", "reply_sent", "post_deleted"):
        if slot == "office" or official_capacity:
            return DataClass.OFFICE_POST
        if slot == "personal":
            return DataClass.PERSONAL_POST
    return None


# -- deadlines --------------------------------------------------------------------------------


def request_deadline(kind: RequestKind | str, received_at: datetime) -> datetime | None:
    """When a data-subject request must be answered (3×24 h from receipt), or None when
    the law sets no period for its kind (erasure)."""
    span = REQUEST_DEADLINE_BY_KIND[RequestKind(kind)]
    return None if span is None else received_at + span


def breach_deadline(discovered_at: datetime) -> datetime:
    """When the data subjects and the PDP authority must have been notified (3×24 h)."""
    return discovered_at + BREACH_DEADLINE


def time_left_text(deadline: datetime, now: datetime) -> str:
    """``tersisa 2 hari 3 jam`` / ``lewat 5 jam`` / ``tersisa 40 menit``."""
    delta = deadline - now
    late = delta.total_seconds() < 0
    secs = int(abs(delta.total_seconds()))
    days, rest = divmod(secs, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(f"{days} hari")
    if hours:
        parts.append(f"{hours} jam")
    if not days and not hours:
        parts.append(f"{minutes} menit")
    return ("lewat " if late else "tersisa ") + " ".join(parts)


# -- Indonesian dates -------------------------------------------------------------------------

_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _local(ts: datetime, tz: tzinfo | None) -> datetime:
    return ts.astimezone(tz) if tz is not None else ts.astimezone()


def tanggal(ts: datetime, tz: tzinfo | None = None) -> str:
    """``5 Juli 2024``."""
    t = _local(ts, tz)
    return f"{t.day} {_MONTHS[t.month - 1]} {t.year}"


def tanggal_jam(ts: datetime, tz: tzinfo | None = None) -> str:
    """``Jumat, 5 Juli 2024 pukul 14.05 WIB`` (zone name or UTC offset)."""
    t = _local(ts, tz)
    zone = t.tzname() or t.strftime("%z")
    return f"{_DAYS[t.weekday()]}, {tanggal(t, tz)} pukul {t:%H.%M} {zone}"


# -- documents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHeader:
    """Who issues a document: the agency, the unit, and the security classification."""

    agency: str = ""
    unit: str = ""
    classification: str = DEFAULT_CLASSIFICATION

    def lines(self) -> list[str]:
        return [
            f"Instansi     : {self.agency or '[nama instansi]'}",
            f"Unit kerja   : {self.unit or '[nama unit kerja]'}",
            f"Klasifikasi  : {self.classification or DEFAULT_CLASSIFICATION}",
        ]


@dataclass(frozen=True)
class ReviewItem:
    """One record due for disposal review (never erased automatically)."""

    seq: int
    ts: datetime
    slot: str | None
    data_class: DataClass
    x_post_id: str | None
    description: str  # no citizen's data: the kind of record and its ids


@dataclass(frozen=True)
class _Group:
    data_class: DataClass
    year_from: int
    year_to: int
    count: int
    first_seq: int
    last_seq: int


def _groups(items: Sequence[ReviewItem], tz: tzinfo | None) -> list[_Group]:
    by: dict[DataClass, list[ReviewItem]] = {}
    for it in items:
        by.setdefault(it.data_class, []).append(it)
    out = []
    for dc in DataClass:
        rows = by.get(dc)
        if not rows:
            continue
        years = [_local(r.ts, tz).year for r in rows]
        seqs = [r.seq for r in rows]
        out.append(_Group(dc, min(years), max(years), len(rows), min(seqs), max(seqs)))
    return out


def _period(g: _Group) -> str:
    return str(g.year_from) if g.year_from == g.year_to else f"{g.year_from}–{g.year_to}"


def proposal_list_text(
    items: Sequence[ReviewItem],
    header: DocumentHeader,
    now: datetime,
    *,
    tz: tzinfo | None = None,
    retention_days: int | None = None,
) -> str:
    """Daftar arsip usul musnah: one line per class (with period, count, seq range) and an
    appendix listing every record by seq and post id. For the records officer; a proposal,
    not a decision."""
    lines = ["DAFTAR ARSIP USUL MUSNAH", *header.lines()]
    lines.append(f"Tanggal disusun: {tanggal(now, tz)}")
    if retention_days is not None:
        lines.append(f"Dasar: arsip yang melewati masa retensi aktif {retention_days} hari")
    lines.append("Dasar hukum: UU 43/2009 tentang Kearsipan; JRA instansi [nomor/tahun JRA]")
    lines.append("")
    lines.append("No | Jenis/Uraian Arsip | Kurun Waktu | Jumlah | Rentang seq log | Keterangan")
    groups = _groups(items, tz)
    for i, g in enumerate(groups, start=1):
        lines.append(
            f"{i} | {CLASS_LABELS[g.data_class]} | {_period(g)} | {g.count} entri | "
            f"{g.first_seq}–{g.last_seq} | asli, salinan tersimpan dalam ekspor bertanda tangan"
        )
    if not groups:
        lines.append("(tidak ada arsip yang jatuh tempo untuk dinilai)")
    lines.append("")
    lines.append(f"Jumlah seluruhnya: {len(items)} entri")
    lines.append("")
    lines.append("Lampiran: rincian entri")
    lines.append("seq | waktu | akun | jenis | id kiriman | uraian")
    for it in sorted(items, key=lambda r: r.seq):
        lines.append(
            f"{it.seq} | {tanggal(it.ts, tz)} | {it.slot or '-'} | "
            f"{CLASS_LABELS[it.data_class]} | {it.x_post_id or '-'} | {it.description}"
        )
    lines.append("")
    lines.append("Diusulkan oleh,                         Diperiksa oleh,")
    lines.append("[nama, jabatan]                         [arsiparis/petugas arsip]")
    return "\n".join(lines) + "\n"


def destruction_report_draft(
    items: Sequence[ReviewItem],
    header: DocumentHeader,
    now: datetime,
    *,
    tz: tzinfo | None = None,
    proposal_ref: str = "",
) -> str:
    """Konsep berita acara pemusnahan arsip for the records in `items` (a draft: the
    number, the approval and the signatures are filled in by the records officer)."""
    groups = _groups(items, tz)
    lines = ["KONSEP — BERITA ACARA PEMUSNAHAN ARSIP", "Nomor: [nomor berita acara]", ""]
    lines += header.lines()
    lines.append("")
    lines.append(
        "Pada hari ini [hari], tanggal [tanggal] bulan [bulan] tahun [tahun], kami yang "
        "bertanda tangan di bawah ini:"
    )
    lines.append("1. Nama: [nama]  Jabatan: [jabatan]  selanjutnya disebut PIHAK PERTAMA;")
    lines.append("2. Nama: [nama]  Jabatan: [jabatan]  selanjutnya disebut PIHAK KEDUA,")
    lines.append(
        "berdasarkan "
        + (
            f"daftar arsip usul musnah {proposal_ref}"
            if proposal_ref
            else "daftar arsip usul musnah [nomor/tanggal]"
        )
        + " dan persetujuan pemusnahan [nomor/tanggal persetujuan pimpinan/ANRI/lembaga "
        "kearsipan daerah], telah melaksanakan pemusnahan arsip berikut:"
    )
    for i, g in enumerate(groups, start=1):
        lines.append(
            f"  {i}. {CLASS_LABELS[g.data_class]}, kurun waktu {_period(g)}, "
            f"{g.count} entri (seq {g.first_seq}–{g.last_seq})"
        )
    if not groups:
        lines.append("  (tidak ada arsip)")
    lines.append(f"Jumlah seluruhnya: {len(items)} entri.")
    lines.append(
        "Pemusnahan di HumasDesk menghapus data pribadi warga (handle dan teks) yang melekat "
        "pada arsip tersebut; isi kiriman akun kantor tetap tercatat dalam rantai log yang "
        "tidak dapat diubah sebagai bukti keautentikan. Pemusnahan dilakukan secara total "
        "sehingga data tidak dapat dikenali lagi, dan tercatat dalam log aktivitas."
    )
    lines.append(f"Konsep disusun otomatis oleh HumasDesk pada {tanggal_jam(now, tz)}.")
    lines.append("")
    lines.append("PIHAK PERTAMA,                          PIHAK KEDUA,")
    lines.append("[tanda tangan, nama, NIP]               [tanda tangan, nama, NIP]")
    lines.append("")
    lines.append("Saksi: [nama, jabatan]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class BreachFacts:
    """What the breach notification states (Pasal 46 ayat 2 UU 27/2022)."""

    period_start: datetime
    period_end: datetime
    discovered_at: datetime
    handles_count: int
    entries_count: int
    data_kinds: tuple[str, ...]
    how: str = ""  # how the data was disclosed; empty: a placeholder
    handling: tuple[str, ...] = field(default_factory=tuple)  # handling & recovery efforts


DEFAULT_HANDLING = (
    "mengamankan perangkat dan menghentikan akses yang tidak sah [uraikan]",
    "mencabut dan mengganti token akses akun X dan kunci penanda tangan ekspor",
    "memeriksa keutuhan log aktivitas (rantai hash) dan menyimpan bukti",
    "[upaya pemulihan lain dan langkah agar kejadian tidak terulang]",
)


def breach_notification_text(
    facts: BreachFacts,
    header: DocumentHeader,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> str:
    """Konsep pemberitahuan kegagalan pelindungan data pribadi to the data subjects and the
    PDP authority, with (a) the personal data disclosed, (b) when and how, (c) the
    controller's handling and recovery efforts, and the 3×24-hour deadline."""
    deadline = breach_deadline(facts.discovered_at)
    kinds = ", ".join(facts.data_kinds) if facts.data_kinds else "[jenis data]"
    handling = facts.handling or DEFAULT_HANDLING
    lines = [
        "KONSEP — PEMBERITAHUAN KEGAGALAN PELINDUNGAN DATA PRIBADI",
        "(UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 46)",
        "",
        *header.lines(),
        "",
        "Kepada: subjek data pribadi yang terdampak dan lembaga penyelenggara pelindungan "
        "data pribadi",
        "",
        f"Batas waktu pemberitahuan: {tanggal_jam(deadline, tz)} "
        f"(3 x 24 jam sejak diketahui {tanggal_jam(facts.discovered_at, tz)}; "
        f"{time_left_text(deadline, now)})",
        "",
        "a. Data pribadi yang terungkap:",
        f"   {kinds}, milik {facts.handles_count} warga, dalam {facts.entries_count} catatan "
        f"yang diterima antara {tanggal_jam(facts.period_start, tz)} dan "
        f"{tanggal_jam(facts.period_end, tz)}.",
        "b. Kapan dan bagaimana data pribadi terungkap:",
        f"   Diketahui pada {tanggal_jam(facts.discovered_at, tz)}. "
        + (facts.how or "[uraikan bagaimana data terungkap: perangkat, akses, berkas]"),
        "c. Upaya penanganan dan pemulihan oleh pengendali data pribadi:",
        *[f"   - {h}" for h in handling],
        "",
        "Narahubung: [nama, jabatan, telepon/e-mail kantor]",
        "",
        f"Konsep disusun oleh HumasDesk pada {tanggal_jam(now, tz)}; periksa dan lengkapi "
        "sebelum dikirim.",
    ]
    return "\n".join(lines) + "\n"


def data_kinds_for(texts: Iterable[str | None], *, has_handles: bool) -> tuple[str, ...]:
    """What kinds of personal data the given citizen texts hold (for the notification)."""
    from_text: set[str] = set()
    any_text = False
    for t in texts:
        if not t:
            continue
        any_text = True
        if _EMAIL.search(t):
            from_text.add("alamat e-mail")
        if _PHONE.search(t):
            from_text.add("nomor telepon")
        if _NIK.search(t):
            from_text.add("NIK")
    kinds = []
    if has_handles:
        kinds.append("nama pengguna (handle) X")
    if any_text:
        kinds.append("isi pesan (mention)")
    kinds += [k for k in ("nomor telepon", "alamat e-mail", "NIK") if k in from_text]
    return tuple(kinds)


# Same patterns as the export masking (humasdesk.store.exports.rows), kept here so core
# stays free of the store layer.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)")
