"""Complaints (*aduan*) against the SP4N-LAPOR! service times (pure: no I/O, no Qt).

A mention tagged *aduan* becomes a **case**: a class (the SP4N-LAPOR! kinds of report, each
with its limit), a status, the citizen's pseudonym, the posts of the conversation, the
LAPOR! tracking ID once it was forwarded, and two clocks.

Definitions (quoted in the register's notes and the report)
============================================================

* **Classes and limits** (SP4N-LAPOR!, PermenPANRB 62/2018 on the national complaint
  system): information request (*permintaan informasi*) and complaint (*pengaduan*) 5 days,
  dispute (*sengketa*) 14 days, a case that needs checks in the field (*perlu pemeriksaan
  lapangan*) 60 days. Every case also has the **first response** limit of 3 days.
* **Calendar days, counted by date.** SP4N-LAPOR! counts its limits in days (*hari*) on the
  calendar, weekends and holidays included, and names a due *date*, not an hour. So a case
  received on day D (the date in the office's zone: WIB, WITA or WIT) with a limit of N days
  is due by the end of day D + N: the **deadline** is midnight at the start of day D + N + 1
  in that zone. A complaint at 23:50 and one at 08:00 on the same day have the same deadline.
  (The report's response-time buckets in ``core.metrics`` measure 3 × 24 hours from the
  mention; the register, like LAPOR!, counts dates.)
* **Clocks.** The first-response clock runs from the mention (the case's ``received_at``,
  X's time of the post) to the account's first reply. The completion clock runs from the
  mention to the case's closing (*selesai* or *ditolak*). Forwarding to LAPOR! does not stop
  it: the office still answers for the case until it is closed.
* **Reminders.** A running clock is **near** its limit once 80 % of the time from
  ``received_at`` to its deadline has passed, and **overdue** from its deadline on. A case
  counts once in the reminders: overdue if either clock is overdue, else near if either is
  near.
* **LAPOR! tracking ID.** LAPOR! gives every report a tracking number (*ID tracking*, as in
  ``https://www.lapor.go.id/pengaduan/1916449``): 7 to 10 digits, shown with a ``#``. The
  desk takes it with or without the ``#`` and spaces around, and stores the digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from humasdesk.core.models import Slot

FIRST_RESPONSE_DAYS = 3
REMINDER_FRACTION = 0.8
COMPLAINT_TAG = "aduan"


class ComplaintClass(StrEnum):
    """The SP4N-LAPOR! kinds of report (English values in `--json`)."""

    INFORMATION = "information_request"
    COMPLAINT = "complaint"
    DISPUTE = "dispute"
    FIELD_CHECK = "field_check"

    @property
    def limit_days(self) -> int:
        return CLASS_LIMIT_DAYS[self]

    @property
    def label(self) -> str:
        """The Indonesian name (command line, exports)."""
        return CLASS_LABELS[self]


CLASS_LIMIT_DAYS = {
    ComplaintClass.INFORMATION: 5,
    ComplaintClass.COMPLAINT: 5,
    ComplaintClass.DISPUTE: 14,
    ComplaintClass.FIELD_CHECK: 60,
}
CLASS_LABELS = {
    ComplaintClass.INFORMATION: "permintaan informasi",
    ComplaintClass.COMPLAINT: "pengaduan",
    ComplaintClass.DISPUTE: "sengketa",
    ComplaintClass.FIELD_CHECK: "perlu pemeriksaan lapangan",
}
#: A case tagged before anyone chose its class is a complaint (the most common, 5 days).
DEFAULT_CLASS = ComplaintClass.COMPLAINT


class CaseStatus(StrEnum):
    """Where a case stands (English values in `--json`, Indonesian labels shown)."""

    RECEIVED = "received"
    REPLIED = "replied"
    FORWARDED = "forwarded"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in (CaseStatus.CLOSED, CaseStatus.REJECTED)


STATUS_LABELS = {
    CaseStatus.RECEIVED: "diterima",
    CaseStatus.REPLIED: "dibalas",
    CaseStatus.FORWARDED: "diteruskan ke LAPOR!",
    CaseStatus.IN_PROGRESS: "ditindaklanjuti",
    CaseStatus.CLOSED: "selesai",
    CaseStatus.REJECTED: "ditolak",
}


class ClockState(StrEnum):
    RUNNING = "running"
    NEAR = "near"  # 80 % of the time to the deadline has passed
    OVERDUE = "overdue"
    MET = "met"  # stopped before the deadline
    MISSED = "missed"  # stopped at or after the deadline


# -- the calendar-day rule ----------------------------------------------------------------


def deadline(received_at: datetime, days: int, zone: tzinfo) -> datetime:
    """End of day D + `days` (D: the receiving date in `zone`), as the UTC instant at which
    that day ends. See the module docstring."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    d: date = received_at.astimezone(zone).date() + timedelta(days=days + 1)
    return datetime.combine(d, time(0), tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True)
class Clock:
    """One of a case's clocks at a moment."""

    limit_days: int
    started_at: datetime
    deadline: datetime
    stopped_at: datetime | None
    state: ClockState

    zone: tzinfo = UTC  # the office's zone: days are its dates

    @property
    def days_used(self) -> int | None:
        """Calendar days (the office's dates) from receiving to stopping; None while
        running. 0: on the day it came in."""
        if self.stopped_at is None:
            return None
        stop = self.stopped_at.astimezone(self.zone).date()
        return (stop - self.started_at.astimezone(self.zone).date()).days


def clock(
    started_at: datetime, days: int, stopped_at: datetime | None, now: datetime, zone: tzinfo
) -> Clock:
    due = deadline(started_at, days, zone)
    if stopped_at is not None:
        state = ClockState.MET if stopped_at < due else ClockState.MISSED
    elif now >= due:
        state = ClockState.OVERDUE
    elif now - started_at >= (due - started_at) * REMINDER_FRACTION:
        state = ClockState.NEAR
    else:
        state = ClockState.RUNNING
    return Clock(days, started_at, due, stopped_at, state, zone)


# -- cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One complaint, as the register holds it. `pseudonym` names the citizen everywhere
    outside the inbox; `citizen_erased_at` is set once retention erased the citizen's data
    (the clocks and the LAPOR! ID stay)."""

    id: int
    slot: Slot
    account_id: str
    mention_id: str
    pseudonym: str
    category: ComplaintClass
    status: CaseStatus
    received_at: datetime
    opened_at: datetime
    first_response_at: datetime | None = None
    closed_at: datetime | None = None
    lapor_id: str | None = None
    forwarded_at: datetime | None = None
    reject_reason: str | None = None
    mention_deleted: bool = False
    citizen_erased_at: datetime | None = None
    post_ids: tuple[str, ...] = ()
    category_suggested: bool = False

    def __repr__(self) -> str:  # no personal data in reprs
        return f"Case(id={self.id}, status={self.status.value})"


@dataclass(frozen=True)
class CaseClocks:
    first_response: Clock
    completion: Clock

    @property
    def reminder(self) -> ClockState | None:
        """OVERDUE or NEAR when the case is in the reminders, else None."""
        states = (self.first_response.state, self.completion.state)
        if ClockState.OVERDUE in states:
            return ClockState.OVERDUE
        if ClockState.NEAR in states:
            return ClockState.NEAR
        return None

    @property
    def next_deadline(self) -> datetime | None:
        """The earliest deadline of a running clock (the register sorts by it)."""
        running = [
            c.deadline for c in (self.first_response, self.completion) if c.stopped_at is None
        ]
        return min(running) if running else None


def case_clocks(case: Case, now: datetime, zone: tzinfo) -> CaseClocks:
    return CaseClocks(
        first_response=clock(
            case.received_at, FIRST_RESPONSE_DAYS, case.first_response_at, now, zone
        ),
        completion=clock(case.received_at, case.category.limit_days, case.closed_at, now, zone),
    )


@dataclass(frozen=True)
class ReminderCounts:
    """How many cases are near their limit and how many overdue (counts only, never words)."""

    near: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.near + self.overdue


def reminder_counts(
    cases: list[Case] | tuple[Case, ...], now: datetime, zone: tzinfo
) -> ReminderCounts:
    near = overdue = 0
    for case in cases:
        state = case_clocks(case, now, zone).reminder
        if state is ClockState.OVERDUE:
            overdue += 1
        elif state is ClockState.NEAR:
            near += 1
    return ReminderCounts(near, overdue)


# -- LAPOR! tracking ID -------------------------------------------------------------------

LAPOR_ID_FORMAT = "7 sampai 10 angka, boleh diawali # (contoh: #1916449)"
LAPOR_URL = "https://www.lapor.go.id"
_LAPOR_ID_RE = re.compile(r"#?\s*([0-9]{7,10})")


class LaporIdError(ValueError):
    """Not a LAPOR! tracking number; the message says the format (Indonesian)."""


def parse_lapor_id(value: str) -> str:
    """The digits of a LAPOR! tracking ID, or `LaporIdError` naming the format."""
    m = _LAPOR_ID_RE.fullmatch(value.strip())
    if m is None:
        raise LaporIdError(
            f"Nomor LAPOR! {value.strip()!r} tidak sesuai format: {LAPOR_ID_FORMAT}."
        )
    return m.group(1)


def lapor_case_url(lapor_id: str) -> str:
    """Where the report can be followed on lapor.go.id."""
    return f"{LAPOR_URL}/pengaduan/{lapor_id}"


# -- status changes -----------------------------------------------------------------------


class TransitionError(ValueError):
    """A status change a case does not allow (message in Indonesian)."""


#: What each status may become (closing from any open status; reopening is not a thing).
ALLOWED = {
    CaseStatus.RECEIVED: {CaseStatus.REPLIED, CaseStatus.FORWARDED, CaseStatus.IN_PROGRESS,
                          CaseStatus.CLOSED, CaseStatus.REJECTED},
    CaseStatus.REPLIED: {CaseStatus.FORWARDED, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED,
                         CaseStatus.REJECTED},
    CaseStatus.FORWARDED: {CaseStatus.IN_PROGRESS, CaseStatus.CLOSED, CaseStatus.REJECTED},
    CaseStatus.IN_PROGRESS: {CaseStatus.FORWARDED, CaseStatus.CLOSED, CaseStatus.REJECTED},
    CaseStatus.CLOSED: set(),
    CaseStatus.REJECTED: set(),
}  # fmt: skip


def check_transition(current: CaseStatus, new: CaseStatus, reason: str | None = None) -> None:
    """Raise `TransitionError` unless `current` may become `new` (a rejection needs its
    reason)."""
    if new is CaseStatus.REJECTED and not (reason or "").strip():
        raise TransitionError("Aduan yang ditolak perlu alasan penolakan.")
    if new not in ALLOWED[current]:
        raise TransitionError(
            f"Aduan berstatus {current.label} tidak dapat diubah menjadi {new.label}."
        )


def reply_slot_problem(case: Case, slot: Slot) -> str | None:
    """Why a reply from `slot` to this case is refused, or None: X lets only the account
    the citizen mentioned answer in its name, so a case belongs to its pane."""
    if slot is case.slot:
        return None
    return (
        "Aduan ini ditujukan kepada akun "
        f"{'kantor' if case.slot is Slot.OFFICE else 'pribadi'}: balas dari panel akun itu."
    )


# -- the LAPOR! form, filled from a case ----------------------------------------------------


def post_link(x_post_id: str) -> str:
    """A post's public address on X."""
    return f"https://x.com/i/status/{x_post_id}"


@dataclass(frozen=True)
class LaporForm:
    """The fields of lapor.go.id's report form, in its order, filled from a case (each is
    copied into the form by hand: LAPOR!'s API is open only to agencies' registered
    developers)."""

    klasifikasi: str
    judul: str
    isi_laporan: str
    tanggal_kejadian: str
    lokasi: str
    instansi_tujuan: str
    kategori: str
    lampiran: tuple[str, ...]
    anonim: bool
    rahasia: bool


def _title(text: str, words: int = 8) -> str:
    head = " ".join(w for w in text.split() if not w.startswith("@"))
    parts = head.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def lapor_form(
    case: Case,
    text: str | None,
    *,
    agency: str = "",
    office_handle: str = "",
    zone: tzinfo | None = None,
) -> LaporForm:
    """The form for `case`; `text` is the citizen's words (None once erased)."""
    when = case.received_at.astimezone(zone) if zone else case.received_at.astimezone()
    words = text or ""
    via = f"akun X @{office_handle}" if office_handle else "media sosial X"
    body = (words.strip() + "\n\n" if words.strip() else "") + (
        f"Disampaikan warga melalui {via} pada {when:%d/%m/%Y %H:%M}. "
        f"Tautan unggahan: {post_link(case.mention_id)}"
    )
    return LaporForm(
        klasifikasi=(
            "Permintaan Informasi" if case.category is ComplaintClass.INFORMATION else "Pengaduan"
        ),
        judul=(_title(words) or f"Aduan warga melalui {via}")[:150],
        isi_laporan=body,
        tanggal_kejadian=f"{when:%d/%m/%Y}",
        lokasi="",
        instansi_tujuan=agency,
        kategori=case.category.label,
        lampiran=tuple(post_link(p) for p in (case.mention_id, *case.post_ids)),
        anonim=True,
        rahasia=False,
    )


# -- the register's figures from the activity log (the PDF's complaint section) -------------


@dataclass
class _TallyCase:
    account_id: str | None
    mention_id: str | None
    category: ComplaintClass
    status: CaseStatus
    opened_at: datetime
    closed_at: datetime | None = None
    lapor_id: str | None = None


@dataclass(frozen=True)
class ClassFigures:
    """One class's cases: counts by status, on-time first responses and completions."""

    category: ComplaintClass | None  # None: all classes
    count: int
    by_status: dict[CaseStatus, int]
    answered: int  # with a first reply
    answered_on_time: int  # first reply by its deadline (3 days, calendar dates)
    closed: int  # closed or rejected
    closed_on_time: int  # by the class's deadline
    forwarded: int  # with a LAPOR! ID

    @property
    def first_response_rate(self) -> float | None:
        """On-time first responses ÷ all cases (an unanswered case is not on time)."""
        return None if self.count == 0 else self.answered_on_time / self.count

    @property
    def completion_rate(self) -> float | None:
        """Closed on time ÷ closed cases."""
        return None if self.closed == 0 else self.closed_on_time / self.closed


class RegisterTally:
    """Cases rebuilt from the chain's ``case_*`` entries and the account's replies (one
    pass, any order is fine for the figures): what the report says about the register.
    A case counts in a period when its mention was received in it (when the log holds the
    mention; else when the case was opened)."""

    def __init__(self) -> None:
        self._cases: dict[int, _TallyCase] = {}
        self._mentions: dict[tuple[str, str], datetime] = {}
        self._replies: dict[tuple[str, str], datetime] = {}

    def add(self, entry: object) -> None:
        action = str(getattr(entry, "action", ""))
        ts: datetime = entry.ts  # type: ignore[attr-defined]
        acc = getattr(entry, "account_id", None)
        details = getattr(entry, "details", None) or {}
        if action == "mention_received":
            pid = getattr(entry, "x_post_id", None)
            if acc and pid:
                self._mentions[(acc, pid)] = min(ts, self._mentions.get((acc, pid), ts))
            return
        if action in ("reply_sent", "post_sent"):
            to = getattr(entry, "in_reply_to", None)
            if acc and to:
                self._replies[(acc, to)] = min(ts, self._replies.get((acc, to), ts))
            return
        if not action.startswith("case_"):
            return
        case_id = details.get("case_id")
        if not isinstance(case_id, int):
            return
        if action == "case_opened":
            try:
                cls = ComplaintClass(details.get("category"))
            except ValueError:
                cls = DEFAULT_CLASS
            self._cases[case_id] = _TallyCase(
                acc, getattr(entry, "x_post_id", None), cls, CaseStatus.RECEIVED, ts
            )
            return
        case = self._cases.get(case_id)
        if case is None:
            return
        if action == "case_category_set":
            try:
                case.category = ComplaintClass(details.get("category"))
            except ValueError:
                pass
        elif action in ("case_status_changed", "case_closed", "case_forwarded"):
            try:
                case.status = CaseStatus(details.get("status", "forwarded"))
            except ValueError:
                return
            if action == "case_closed":
                case.closed_at = ts
            if action == "case_forwarded":
                case.status = CaseStatus.FORWARDED
                case.lapor_id = details.get("lapor_id")

    def figures(
        self, start: datetime, end: datetime, as_of: datetime, zone: tzinfo
    ) -> list[ClassFigures]:
        """Per class (those with cases), then all classes together (`category` None)."""
        per: dict[ComplaintClass | None, list[tuple[_TallyCase, datetime]]] = {}
        for case in self._cases.values():
            if case.opened_at > as_of:
                continue
            key = (case.account_id or "", case.mention_id or "")
            received = self._mentions.get(key, case.opened_at)
            if not start <= received < end:
                continue
            per.setdefault(case.category, []).append((case, received))
            per.setdefault(None, []).append((case, received))
        out = []
        for cls in (*ComplaintClass, None):
            items = per.get(cls)
            if not items:
                continue
            by_status = {s: 0 for s in CaseStatus}
            answered = answered_on_time = closed = closed_on_time = forwarded = 0
            for case, received in items:
                by_status[case.status] += 1
                reply = self._replies.get((case.account_id or "", case.mention_id or ""))
                if reply is not None and reply <= as_of:
                    answered += 1
                    if reply < deadline(received, FIRST_RESPONSE_DAYS, zone):
                        answered_on_time += 1
                if case.closed_at is not None and case.closed_at <= as_of:
                    closed += 1
                    if case.closed_at < deadline(received, case.category.limit_days, zone):
                        closed_on_time += 1
                if case.lapor_id:
                    forwarded += 1
            out.append(ClassFigures(cls, len(items), by_status, answered, answered_on_time,
                                    closed, closed_on_time, forwarded))  # fmt: skip
        return out
