"""Citizens' data and records, the use cases (no Qt): retention, disposal review, the
requests register, erasure for a request, the breach kit, and the office handover.

Rules kept here:

* **No silent erasure.** Every erasure is either the configured retention schedule
  (`apply_retention(trigger="schedule")`) or an explicit action that must be confirmed
  (`confirmed=True`, else `NotConfirmed`). Each one appends to the chain what class, how
  many and why (`ActivityLog.erase_personal` → ``personal_data_erased``); the chain keeps
  verifying (personal fields are salted digests in the chain).
* **Records are never erased automatically.** Answered mentions, "aduan" and office posts
  only appear in `disposal_review`, which feeds the daftar usul musnah and the konsep berita
  acara pemusnahan; after the records officer's approval `erase_approved_disposal` erases
  the citizens' data attached to them (the office's own post text stays in the chain: it is
  the authenticity proof and cannot be removed without breaking it).
* **Erasure and exports exclude each other** through `PrivacyStore` leases: an erasure
  refuses with `LeaseConflict` while an export holds a lease, and vice versa. Wrap
  supervisor exports in `guarded_export` (or `PrivacyStore.lease(EXPORT, …)`).
* **Erasure reaches the inbox too**: the ``mentions`` rows lose author and text (the row,
  its state and times stay, so counts are kept) and are listed in
  ``privacy_erased_mentions``. The FTS index drops erased text (a trigger of the log).

Handover (serah terima jabatan), `handover_office`: export the office account's complete
records (JSON Lines, full citizen data so every value checks against its digest, signed),
verify the written file, and only then sign the office slot out (revoke at X, delete the
keyring secret) and clear the office data from the laptop: the office inbox rows that are
in the export, its finished outbox rows, its draft and its sync state are deleted, and the
citizens' handles/texts of the office entries up to the export's head are erased in the log.
The office entries themselves (own post text, times, hashes) stay in the append-only chain.
The personal slot's data and tokens are not touched. A failed export or verification, or a
failed sign-out, erases nothing and is recorded as ``office_handover_aborted``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from humasdesk.core.activity import Action, format_ts
from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.models import Slot
from humasdesk.core.privacy import (
    ACTION_BREACH_KIT,
    ACTION_DISPOSAL_REVIEW,
    ACTION_HANDOVER,
    ACTION_HANDOVER_ABORTED,
    ACTION_REQUEST_CLOSED,
    ACTION_REQUEST_REGISTERED,
    RECORD_CLASSES,
    BreachFacts,
    DataClass,
    DocumentHeader,
    PrivacyError,
    RequestKind,
    RequestStatus,
    RetentionPolicy,
    ReviewItem,
    breach_deadline,
    breach_notification_text,
    classify,
    data_kinds_for,
    destruction_report_draft,
    normalize_handle,
    proposal_list_text,
    request_deadline,
    time_left_text,
)
from humasdesk.services.export import (
    ExportError,
    ExportOptions,
    ExportResult,
    Signer,
    export_activity,
)
from humasdesk.store.activity_log import ActivityLog, LogFilter
from humasdesk.store.exports.check import ExportCheck, Status, verify_export
from humasdesk.store.privacy_store import (
    ERASURE,
    EXPORT,
    DataRequest,
    MentionRecord,
    PrivacyStore,
)

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


# -- errors ---------------------------------------------------------------------------------


class NotConfirmed(PrivacyError):
    code = "not_confirmed"

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} harus dikonfirmasi lebih dulu; tidak ada yang dihapus")


class AlreadyErased(PrivacyError):
    code = "already_erased"

    def __init__(self, seqs: Iterable[int]) -> None:
        s = sorted(seqs)
        shown = shown_seqs(s)
        super().__init__(f"data pribadi pada entri {shown} sudah dihapus sebelumnya", entries=shown)
        self.seqs = tuple(s)


class NothingHeld(PrivacyError):
    code = "nothing_held"

    def __init__(self, handle: str) -> None:
        super().__init__(
            f"tidak ada data tentang @{handle} yang tersimpan di desk ini", handle=handle
        )
        self.handle = handle


class InvalidRequest(PrivacyError):
    code = "invalid_request"


class InvalidPeriod(PrivacyError):
    code = "invalid_period"


class HandoverFailed(PrivacyError):
    """The handover stopped; nothing was erased. `stage`: ``busy_outbox``, ``export``,
    ``verify`` or ``sign_out``. `export` is the (kept) export when one was written; `cause`
    the error that stopped it (e.g. the `ExportFailed` with its reason), if any."""

    code = "handover_failed"

    def __init__(
        self,
        stage: str,
        message: str,
        export: ExportResult | None = None,
        cause: BaseException | None = None,
        **params: object,
    ) -> None:
        super().__init__(message, f"handover_{stage}", **params)
        self.stage = stage
        self.export = export
        self.cause = cause


def shown_seqs(seqs: Iterable[int]) -> str:
    """Entry numbers for a message: the first ten, then "…"."""
    s = sorted(seqs)
    return ", ".join(str(x) for x in s[:10]) + (" …" if len(s) > 10 else "")


# -- erasure core ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureReport:
    """What one erasure did. `count`: log entries erased; `mention_rows`: inbox rows
    erased; `seqs`: the entries erased; `already_erased`: asked for but erased before."""

    data_class: str
    count: int
    seqs: tuple[int, ...]
    mention_rows: int
    reason: str
    trigger: str
    already_erased: tuple[int, ...] = ()
    run_id: int | None = None


def _erase(
    log: ActivityLog,
    privacy: PrivacyStore,
    *,
    seqs: Iterable[int],
    mention_ids: Iterable[str],
    data_class: str,
    reason: str,
    trigger: str,
    now: datetime,
    request_id: int | None = None,
) -> ErasureReport:
    """Erase in the log (chain entry) and in the inbox, under an erasure lease."""
    wanted = sorted(set(seqs))
    ids = sorted(set(mention_ids))
    with privacy.lease(ERASURE, f"penghapusan {data_class}", now):
        already = privacy.erased_seqs(wanted)
        todo = [s for s in wanted if s not in already]
        full_reason = reason + (f"; {len(ids)} baris kotak masuk" if ids else "")
        n_log = log.erase_personal(todo, full_reason, data_class=data_class) if todo else 0
        n_rows = privacy.erase_mentions(ids, now) if ids else 0
        if n_log == 0 and n_rows > 0:  # the chain still says what happened to the inbox
            log.append(
                Action.PERSONAL_DATA_ERASED,
                details={
                    "data_class": data_class,
                    "count": 0,
                    "inbox_rows": n_rows,
                    "reason": full_reason,
                    "seq_ranges": [],
                },
            )
        run_id = None
        if n_log or n_rows:
            run_id = privacy.record_run(
                at=now,
                trigger=trigger,
                data_class=data_class,
                reason=full_reason,
                log_count=n_log,
                mention_count=n_rows,
                request_id=request_id,
            )
    return ErasureReport(
        data_class=data_class,
        count=n_log,
        seqs=tuple(todo) if n_log else (),
        mention_rows=n_rows,
        reason=full_reason,
        trigger=trigger,
        already_erased=tuple(sorted(already)),
        run_id=run_id,
    )


def class_of(record: MentionRecord) -> DataClass:
    dc = classify(
        "mention_received",
        record.slot,
        answered=record.answered,
        complaint=record.complaint,
        handled=record.handled,
    )
    assert dc is not None
    return dc


# -- retention --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionPreview:
    """What `apply_retention` would erase now (for the confirmation dialog)."""

    cutoff: datetime
    entries: int
    mention_rows: int
    mentions: int


def _due(privacy: PrivacyStore, policy: RetentionPolicy, now: datetime) -> list[MentionRecord]:
    cutoff = policy.unanswered_cutoff(now)
    return [
        r
        for r in privacy.mention_records()
        if r.held and r.ts < cutoff and class_of(r) is DataClass.UNANSWERED_MENTION
    ]


def preview_retention(
    privacy: PrivacyStore, policy: RetentionPolicy, now: datetime
) -> RetentionPreview:
    due = _due(privacy, policy, now)
    return RetentionPreview(
        cutoff=policy.unanswered_cutoff(now),
        entries=sum(len(r.log_seqs) for r in due),
        mention_rows=sum(1 for r in due if r.row_held),
        mentions=len(due),
    )


def apply_retention(
    log: ActivityLog,
    privacy: PrivacyStore,
    policy: RetentionPolicy,
    now: datetime,
    *,
    trigger: str = "schedule",
    confirmed: bool = False,
) -> ErasureReport:
    """Erase the handle and text of unanswered, untagged, unhandled mentions older than the
    policy's period, in the log and the inbox (counts kept). ``trigger="schedule"`` is the
    configured schedule; any other trigger is a manual run and needs ``confirmed=True``.
    Raises `LeaseConflict` while an export runs (nothing erased)."""
    if trigger != "schedule" and not confirmed:
        raise NotConfirmed("penghapusan sesuai masa retensi")
    due = _due(privacy, policy, now)
    reason = (
        f"retensi {policy.unanswered_mention_days} hari: mention warga tidak dibalas, tidak "
        f"ditandai dan tidak ditangani, diterima sebelum {format_ts(policy.unanswered_cutoff(now))}"
        f" ({'jadwal' if trigger == 'schedule' else 'dijalankan manual'})"
    )
    return _erase(
        log,
        privacy,
        seqs=[s for r in due for s in r.log_seqs],
        mention_ids=[r.x_post_id for r in due if r.row_held],
        data_class=DataClass.UNANSWERED_MENTION.value,
        reason=reason,
        trigger=trigger,
        now=now,
    )


def erase_entries(
    log: ActivityLog,
    privacy: PrivacyStore,
    seqs: Iterable[int],
    reason: str,
    now: datetime,
    *,
    confirmed: bool,
    data_class: str = DataClass.UNANSWERED_MENTION.value,
) -> ErasureReport:
    """An explicit erasure of given entries (and their inbox rows). Records are refused:
    entries of a record class raise `PrivacyError` (use the disposal path). All already
    erased: `AlreadyErased` (nothing appended to the chain)."""
    if not confirmed:
        raise NotConfirmed("penghapusan data pribadi")
    if not reason.strip():
        raise InvalidRequest("sebutkan alasan penghapusan", "erasure_reason_required")
    wanted = sorted(set(int(s) for s in seqs))
    if not wanted:
        raise InvalidRequest("tidak ada entri yang dipilih", "nothing_selected")
    by_seq: dict[int, MentionRecord] = {}
    for r in privacy.mention_records():
        for s in (*r.log_seqs, *r.erased_log_seqs):
            by_seq[s] = r
    records = [s for s in wanted if s in by_seq and class_of(by_seq[s]) in RECORD_CLASSES]
    if records:
        raise PrivacyError(
            f"entri {', '.join(map(str, records[:10]))} adalah arsip dinas (UU 43/2009); "
            "hapus melalui usul musnah",
            "record_not_erasable",
            entries=shown_seqs(records),
        )
    already = privacy.erased_seqs(wanted)
    if already and len(already) == len(wanted):
        raise AlreadyErased(already)
    ids = {by_seq[s].x_post_id for s in wanted if s in by_seq and by_seq[s].row_held}
    return _erase(
        log,
        privacy,
        seqs=wanted,
        mention_ids=ids,
        data_class=data_class,
        reason=reason,
        trigger="manual",
        now=now,
    )


# -- disposal review --------------------------------------------------------------------------

_POST_ACTIONS = frozenset({"post_sent", "reply_sent"})


def disposal_review(
    log: ActivityLog,
    privacy: PrivacyStore,
    now: datetime,
    older_than: timedelta | None = None,
    *,
    policy: RetentionPolicy | None = None,
) -> list[ReviewItem]:
    """Records (office posts and replies, personal posts marked official capacity,
    answered/handled mentions, aduan) older than `older_than` (default: the policy's
    `record_review_days`) whose data the desk still holds. Read-only: nothing is erased."""
    if older_than is None:
        older_than = timedelta(days=(policy or RetentionPolicy()).record_review_days)
    if older_than <= timedelta(0):
        raise InvalidPeriod("batas umur arsip harus lebih dari 0 hari", "review_age_not_positive")
    cutoff = now - older_than
    items: list[ReviewItem] = []
    for e in log.iter_entries(LogFilter(end=cutoff, actions=_POST_ACTIONS)):
        slot = None if e.slot is None else str(e.slot)
        dc = classify(
            str(e.action), slot, official_capacity=e.details.get("official_capacity") is True
        )
        if dc is not DataClass.OFFICE_POST:
            continue
        what = "Balasan" if str(e.action) == "reply_sent" else "Kiriman"
        acct = "akun kantor" if slot == "office" else "akun pribadi (kapasitas jabatan)"
        items.append(
            ReviewItem(e.seq, e.ts, slot, dc, e.x_post_id, f"{what} {acct} @{e.handle or '-'}")
        )
    for r in privacy.mention_records():
        dc = class_of(r)
        if dc not in RECORD_CLASSES or not r.held or r.ts >= cutoff:
            continue
        seq = r.log_seqs[0] if r.log_seqs else 0
        label = "Aduan warga" if dc is DataClass.COMPLAINT else "Mention warga yang ditanggapi"
        items.append(ReviewItem(seq, r.ts, r.slot, dc, r.x_post_id, f"{label} (id mention)"))
    items.sort(key=lambda i: (i.ts, i.seq))
    return items


@dataclass(frozen=True)
class DisposalDocuments:
    proposal: str  # daftar arsip usul musnah
    destruction_report: str  # konsep berita acara pemusnahan
    items: tuple[ReviewItem, ...]


def disposal_documents(
    log: ActivityLog,
    items: Iterable[ReviewItem],
    header: DocumentHeader,
    now: datetime,
    *,
    tz: tzinfo | None = None,
    retention_days: int | None = None,
    proposal_ref: str = "",
) -> DisposalDocuments:
    """The two documents for the records officer, and a ``disposal_review_made`` chain
    entry (how many records per class; no citizen's data)."""
    items = tuple(items)
    per_class: dict[str, int] = {}
    for it in items:
        per_class[it.data_class.value] = per_class.get(it.data_class.value, 0) + 1
    log.append(ACTION_DISPOSAL_REVIEW, details={"records": len(items), "per_class": per_class})
    return DisposalDocuments(
        proposal=proposal_list_text(items, header, now, tz=tz, retention_days=retention_days),
        destruction_report=destruction_report_draft(
            items, header, now, tz=tz, proposal_ref=proposal_ref
        ),
        items=items,
    )


def erase_approved_disposal(
    log: ActivityLog,
    privacy: PrivacyStore,
    items: Iterable[ReviewItem],
    approval_ref: str,
    now: datetime,
    *,
    confirmed: bool,
) -> ErasureReport:
    """After the records officer's approval (`approval_ref`: the berita acara / approval
    number), erase the citizens' data attached to the approved mention records."""
    if not confirmed:
        raise NotConfirmed("pemusnahan arsip")
    if not approval_ref.strip():
        raise InvalidRequest(
            "sebutkan nomor persetujuan/berita acara pemusnahan", "approval_ref_required"
        )
    wanted = {
        i.x_post_id
        for i in items
        if i.data_class in (DataClass.ANSWERED_MENTION, DataClass.COMPLAINT)
    }
    recs = [r for r in privacy.mention_records() if r.x_post_id in wanted]
    return _erase(
        log,
        privacy,
        seqs=[s for r in recs for s in r.log_seqs],
        mention_ids=[r.x_post_id for r in recs if r.row_held],
        data_class="record_disposal",
        reason=f"pemusnahan arsip disetujui: {approval_ref.strip()}",
        trigger="disposal",
        now=now,
    )


# -- requests register ------------------------------------------------------------------------


def register_request(
    log: ActivityLog,
    privacy: PrivacyStore,
    handle: str,
    kind: RequestKind | str,
    received_at: datetime,
    *,
    note: str | None = None,
) -> DataRequest:
    """Record a data-subject request and its deadline (3×24 h); a chain entry
    ``data_request_registered`` carries the handle as an erasable personal field."""
    h = normalize_handle(handle)
    try:
        k = RequestKind(str(kind))
    except ValueError:
        raise InvalidRequest(
            "jenis permintaan: access, correction, restriction atau erasure",
            "unknown_request_kind",
        ) from None
    if received_at.utcoffset() is None:
        raise InvalidRequest("waktu diterima harus memiliki zona waktu", "naive_time")
    deadline = request_deadline(k, received_at)
    req = privacy.add_request(h, k, received_at, deadline, note)
    log.append(
        ACTION_REQUEST_REGISTERED,
        citizen_handle=h,
        details={
            "request_id": req.id,
            "kind": k.value,
            "received_at": format_ts(received_at),
            "deadline": None if deadline is None else format_ts(deadline),
        },
    )
    return req


def close_request(
    log: ActivityLog,
    privacy: PrivacyStore,
    request_id: int,
    outcome: RequestStatus | str,
    reason: str,
    now: datetime,
) -> DataRequest:
    """Close a request as granted or refused (a refusal needs its reason, e.g. "kewajiban
    arsip UU 43/2009"); chain entry ``data_request_closed``. `reason` must not hold a
    citizen's data."""
    status = RequestStatus(str(outcome))
    if status is RequestStatus.OPEN:
        raise InvalidRequest("hasil permintaan: granted atau refused", "unknown_outcome")
    if status is RequestStatus.REFUSED and not reason.strip():
        raise InvalidRequest("penolakan harus disertai alasannya", "refusal_reason_required")
    req = privacy.close_request(request_id, status, reason.strip() or None, now)
    log.append(
        ACTION_REQUEST_CLOSED,
        details={
            "request_id": req.id,
            "kind": req.kind.value,
            "status": status.value,
            "reason": req.reason,
            "late": bool(req.deadline is not None and now > req.deadline),
        },
    )
    return req


_KIND_REFUSALS = {
    RequestKind.ACCESS: ("bukan permintaan akses", "not_access_request"),
    RequestKind.ERASURE: ("bukan permintaan penghapusan", "not_erasure_request"),
}


def request_of_kind(privacy: PrivacyStore, request_id: int, kind: RequestKind) -> DataRequest:
    """The register's request `request_id`, which must be of `kind` (`InvalidRequest` if
    it is not there or of another kind)."""
    req = privacy.get_request(request_id)
    if req is None:
        raise InvalidRequest(
            f"permintaan nomor {request_id} tidak ada di register",
            "request_not_found",
            request=request_id,
        )
    if req.kind is not kind:
        text, message_id = _KIND_REFUSALS.get(
            kind, (f"bukan permintaan {kind.value}", "wrong_request_kind")
        )
        raise InvalidRequest(
            f"permintaan nomor {request_id} {text}", message_id, request=request_id
        )
    return req


@dataclass(frozen=True)
class RequestErasureOutcome:
    erasure: ErasureReport
    kept_records: Mapping[str, int]  # data class → entries kept under archive obligation
    request: DataRequest


def erase_for_request(
    log: ActivityLog,
    privacy: PrivacyStore,
    request_id: int,
    now: datetime,
    *,
    confirmed: bool,
) -> RequestErasureOutcome:
    """Carry out an erasure request: the subject's unanswered mentions are erased (log and
    inbox); records (answered mentions, aduan) are kept under the archive obligation and
    the request is closed — granted (possibly in part, saying what was kept) or refused
    with the reason. The register's own entries stay as proof the request was handled."""
    if not confirmed:
        raise NotConfirmed("penghapusan atas permintaan subjek data")
    req = request_of_kind(privacy, request_id, RequestKind.ERASURE)
    if req.status is not RequestStatus.OPEN:
        raise InvalidRequest(
            f"permintaan nomor {request_id} sudah ditutup", "request_closed", request=request_id
        )
    held = set(privacy.personal_seqs_for_handle(req.handle))
    rows = {m.x_post_id for m in privacy.mention_rows_for_handle(req.handle)}
    records = [
        r for r in privacy.mention_records() if set(r.log_seqs) & held or r.x_post_id in rows
    ]
    erase_seqs: list[int] = []
    erase_ids: list[str] = []
    kept: dict[str, int] = {}
    for r in records:
        dc = class_of(r)
        if dc in RECORD_CLASSES:
            kept[dc.value] = kept.get(dc.value, 0) + 1
            continue
        erase_seqs += [s for s in r.log_seqs if s in held]
        if r.row_held and r.x_post_id in rows:
            erase_ids.append(r.x_post_id)
    if not records:
        raise NothingHeld(req.handle)
    report = _erase(
        log,
        privacy,
        seqs=erase_seqs,
        mention_ids=erase_ids,
        data_class=DataClass.UNANSWERED_MENTION.value,
        reason=f"permintaan penghapusan nomor {req.id} dari subjek data",
        trigger="request",
        now=now,
        request_id=req.id,
    )
    n_kept = sum(kept.values())
    if n_kept and not (report.count or report.mention_rows):
        closed = close_request(
            log,
            privacy,
            req.id,
            RequestStatus.REFUSED,
            f"kewajiban arsip (UU 43/2009): {n_kept} catatan adalah arsip dinas",
            now,
        )
    elif n_kept:
        closed = close_request(
            log,
            privacy,
            req.id,
            RequestStatus.GRANTED,
            f"dipenuhi sebagian: {n_kept} catatan dipertahankan karena kewajiban arsip "
            "(UU 43/2009)",
            now,
        )
    else:
        closed = close_request(log, privacy, req.id, RequestStatus.GRANTED, "data dihapus", now)
    return RequestErasureOutcome(erasure=report, kept_records=kept, request=closed)


# -- breach kit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreachKit:
    handles: tuple[str, ...]  # affected handles still held, "@name", sorted
    entries: int  # log entries with citizens' data in the period
    erased_entries: int  # … of which the handle is already erased
    notification_text: str
    deadline: datetime
    time_left: str


def breach_kit(
    log: ActivityLog,
    privacy: PrivacyStore,
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    discovered_at: datetime | None = None,
    header: DocumentHeader | None = None,
    how: str = "",
    handling: tuple[str, ...] = (),
    tz: tzinfo | None = None,
) -> BreachKit:
    """For a period: the affected handles, a notification draft with what Pasal 46 asks
    for, and the 3×24-hour deadline from discovery (default: now). A ``breach_kit_made``
    chain entry records the period and the counts (never the handles)."""
    for t in (start, end, discovered_at or now):
        if t.utcoffset() is None:
            raise InvalidPeriod(
                "periode dan waktu diketahui harus memiliki zona waktu", "naive_time"
            )
    if start >= end:
        raise InvalidPeriod("awal periode harus sebelum akhirnya", "period_reversed")
    found = discovered_at or now
    if found > now:
        raise InvalidPeriod(
            "waktu kebocoran diketahui tidak boleh di masa depan", "discovered_in_future"
        )
    handles: set[str] = set()
    texts: list[str | None] = []
    entries = erased = 0
    for e in log.iter_entries(LogFilter(start=start, end=end)):
        if e.citizen_handle_digest is None and e.citizen_text_digest is None:
            continue
        entries += 1
        if e.erased_at is not None:
            erased += 1
        if e.citizen_handle:
            handles.add(e.citizen_handle.strip().lstrip("@"))
        texts.append(e.citizen_text)
    rows = privacy.handles_in_mentions(start, end)
    handles |= {h.strip().lstrip("@") for _, h in rows}
    texts += privacy.texts_of_mentions(x for x, _ in rows)
    own = {h.casefold() for h in log.desk_accounts().values() if h}
    by_norm: dict[str, str] = {}
    for h in sorted(handles):
        if h.casefold() not in own:  # the desk's own accounts are not affected citizens
            by_norm.setdefault(h.casefold(), h)
    shown = tuple("@" + h for h in sorted(by_norm.values(), key=str.casefold))
    facts = BreachFacts(
        period_start=start,
        period_end=end,
        discovered_at=found,
        handles_count=len(shown),
        entries_count=entries,
        data_kinds=data_kinds_for(texts, has_handles=bool(shown)),
        how=how,
        handling=handling,
    )
    deadline = breach_deadline(found)
    text = breach_notification_text(facts, header or DocumentHeader(), now, tz=tz)
    log.append(
        ACTION_BREACH_KIT,
        details={
            "period_from": format_ts(start),
            "period_to": format_ts(end),
            "discovered_at": format_ts(found),
            "deadline": format_ts(deadline),
            "handles": len(shown),
            "entries": entries,
        },
    )
    return BreachKit(shown, entries, erased, text, deadline, time_left_text(deadline, now))


# -- exports under a lease --------------------------------------------------------------------


def guarded_export(
    log: ActivityLog,
    privacy: PrivacyStore,
    options: ExportOptions,
    out_path: str | Path,
    *,
    signer: Signer,
    clock: Clock | None = None,
    **kwargs: Any,
) -> ExportResult:
    """`export_activity` holding an export lease, so no erasure runs meanwhile (raises
    `LeaseConflict` when an erasure is running). Use it for every supervisor export."""
    now = (clock or _utc_now)()
    with privacy.lease(EXPORT, f"ekspor {options.fmt}", now):
        return export_activity(log, options, out_path, signer=signer, clock=clock, **kwargs)


# -- handover ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverResult:
    export: ExportResult
    fingerprint: str  # signing key, grouped "3F2A 9C01 …" — for the handover report
    file_sha256: str  # the export file's SHA-256 — also for the handover report
    erased_entries: int
    local_deleted: Mapping[str, int] = field(default_factory=dict)
    remaining_office_mentions: int = 0


def handover_office(
    log: ActivityLog,
    privacy: PrivacyStore,
    out_path: str | Path,
    *,
    signer: Signer,
    sign_out: Callable[[], None],
    confirmed: bool,
    clock: Clock | None = None,
    verify: Callable[[Path], ExportCheck] | None = None,
) -> HandoverResult:
    """Serah terima jabatan for the office slot (see the module docstring). `sign_out`
    revokes and removes the office tokens (e.g. ``lambda: accounts.sign_out(session)``);
    `verify` checks the written export (default: `verify_export` against the signer's key).
    Raises `HandoverFailed` (nothing erased) or `NotConfirmed`."""
    if not confirmed:
        raise NotConfirmed("serah terima jabatan")
    clock = clock or _utc_now
    slot = Slot.OFFICE.value
    busy = privacy.busy_outbox(slot)
    if busy:
        raise HandoverFailed(
            "busy_outbox",
            f"{busy} kiriman akun kantor masih di antrean; tunggu terkirim atau batalkan dulu",
            posts=busy,
        )

    def abort(
        stage: str,
        message: str,
        export: ExportResult | None = None,
        cause: BaseException | None = None,
        **params: object,
    ) -> HandoverFailed:
        details: dict[str, Any] = {"stage": stage}
        if export is not None:
            details.update(file=export.path.name, sha256=export.sha256)
        log.append(ACTION_HANDOVER_ABORTED, slot=Slot.OFFICE, details=details)
        return HandoverFailed(stage, message, export, cause, **params)

    now = clock()
    with privacy.lease(ERASURE, "serah terima jabatan", now):
        options = ExportOptions(
            fmt="jsonl", accounts=frozenset({slot}), include_personal=False, citizen_data="full"
        )
        try:
            result = export_activity(log, options, out_path, signer=signer, clock=clock)
        except ExportError as exc:
            raise abort("export", f"ekspor serah terima gagal: {exc}", cause=exc) from None
        check = (
            verify or (lambda p: verify_export(p, expected_public_key=signer.public_key_bytes))
        )(result.path)
        if check.status is not Status.INTACT:
            problems = ", ".join(str(p) for p, _ in check.problems) or str(check.status)
            raise abort(
                "verify",
                f"ekspor serah terima tidak lolos verifikasi ({problems}); tidak ada data "
                "yang dihapus",
                result,
                problems=problems,
            )
        try:
            sign_out()
        except Exception as exc:
            raise abort(
                "sign_out",
                f"akun kantor belum keluar ({type(exc).__name__}); ekspor tersimpan, tidak ada "
                "data yang dihapus — ulangi setelah koneksi pulih",
                result,
                exc,
                error=type(exc).__name__,
            ) from None
        head = result.head.seq
        seqs = privacy.slot_personal_seqs(slot, head)
        mention_ids = privacy.slot_mention_ids(slot, head)
        erased = 0
        if seqs:
            erased = log.erase_personal(
                seqs,
                f"serah terima jabatan: data akun kantor diekspor ke {result.path.name} "
                f"(sha256 {result.sha256[:16]}…) dan dihapus dari laptop",
                data_class="office_handover",
            )
        deleted = privacy.delete_slot_local_data(slot, mention_ids)
        remaining = privacy.remaining_slot_mentions(slot)
        log.append(
            ACTION_HANDOVER,
            slot=Slot.OFFICE,
            details={
                "file": result.path.name,
                "sha256": result.sha256,
                "fingerprint": result.fingerprint,
                "entries": result.entries,
                "log_head_seq": head,
                "erased_entries": erased,
                "local_deleted": deleted,
            },
        )
    return HandoverResult(
        export=result,
        fingerprint=format_fingerprint(result.fingerprint),
        file_sha256=result.sha256,
        erased_entries=erased,
        local_deleted=deleted,
        remaining_office_mentions=remaining,
    )


__all__ = [
    "AlreadyErased",
    "BreachKit",
    "DisposalDocuments",
    "ErasureReport",
    "HandoverFailed",
    "HandoverResult",
    "InvalidPeriod",
    "InvalidRequest",
    "NotConfirmed",
    "NothingHeld",
    "RequestErasureOutcome",
    "RetentionPreview",
    "apply_retention",
    "breach_kit",
    "class_of",
    "close_request",
    "disposal_documents",
    "disposal_review",
    "erase_approved_disposal",
    "erase_entries",
    "erase_for_request",
    "guarded_export",
    "handover_office",
    "preview_retention",
    "register_request",
]
