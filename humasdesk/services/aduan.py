"""The complaint register's use cases (no Qt): cases opened from "aduan" tags, their class,
status, forwarding to SP4N-LAPOR! and closing (each an activity entry), reply templates per
pane, keyword suggestions, reminder counts, and retention of closed cases' citizen data.

Definitions of classes, limits and clocks: `humasdesk.core.aduan`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from humasdesk.core.activity import Action
from humasdesk.core.aduan import (
    DEFAULT_CLASS,
    Case,
    CaseClocks,
    CaseStatus,
    ComplaintClass,
    LaporForm,
    ReminderCounts,
    TransitionError,
    case_clocks,
    check_transition,
    lapor_case_url,
    lapor_form,
    parse_lapor_id,
    reminder_counts,
    reply_slot_problem,
)
from humasdesk.core.errors import NotFound
from humasdesk.core.models import Slot
from humasdesk.core.templates import STARTER_TEMPLATES, Template, validate
from humasdesk.core.wording import Rule, suggest
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.aduan_store import AduanStore, StoredSuggestion
from humasdesk.store.privacy_store import PrivacyStore

logger = logging.getLogger(__name__)


def personal_handles(database: Path) -> tuple[str, ...]:
    """The handles that ever signed in to the personal slot here (an office post should not
    name them); none when there is no database yet. Read-only, never creates the file."""
    if not database.is_file():
        return ()
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error:
        return ()
    try:
        rows = conn.execute(
            "SELECT DISTINCT handle FROM activity WHERE action = 'signed_in' "
            "AND slot = 'personal' AND handle IS NOT NULL"
        ).fetchall()
    except sqlite3.Error:
        return ()
    finally:
        conn.close()
    return tuple(r[0] for r in rows)


# -- the register ---------------------------------------------------------------------------

ERASED_PSEUDONYM = "(dihapus)"


class CaseNotFound(LookupError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"Aduan #{case_id} tidak ada di daftar.")


class ReplyFromOtherPane(ValueError):
    """X lets only the account the citizen mentioned answer in its name."""


def _utcnow() -> datetime:
    from humasdesk.services.posting import utcnow

    return utcnow()


@dataclass(frozen=True)
class CaseRow:
    """A case with its clocks at one moment (what the register, `aduan` and exports show)."""

    case: Case
    clocks: CaseClocks


@dataclass(frozen=True)
class RetentionOutcome:
    cases: int  # closed cases whose citizen data was erased now
    log_entries: int
    inbox_rows: int


class CaseService:
    """The register's use cases: cases from tags, category, status, forwarding, closing,
    templates, suggestions, reminders and retention. Every change is an activity entry
    (``case_*``, details with ``case_id``; never the citizen's words)."""

    def __init__(
        self,
        store: AduanStore,
        log: ActivityLog,
        clock: Callable[[], datetime] = _utcnow,
        *,
        zone: tzinfo | None = None,
        keyword_rules: Sequence[Rule] = (),
        database: Path | None = None,
    ) -> None:
        self.store = store
        self.database = database  # the data folder's file (its rules/ lie beside it)
        self.log = log
        self._clock = clock
        self.zone = zone
        self.keyword_rules = tuple(keyword_rules)
        self._masker: Any = None

    # -- helpers ---------------------------------------------------------------------------

    def _zone(self) -> tzinfo:
        return self.zone or datetime.now().astimezone().tzinfo  # type: ignore[return-value]

    def pseudonym(self, handle: str | None) -> str:
        """``warga-xxxxxxxx``: the same citizen keeps one pseudonym in this register."""
        if not handle:
            return "warga-tanpa-nama"
        if self._masker is None:  # the exports' pseudonyms, with the register's own key
            from humasdesk.store.exports.rows import CitizenMasker

            self._masker = CitizenMasker(key=self.store.pseudonym_key())
        return self._masker.handle(handle) or "warga-tanpa-nama"

    def _case(self, case_id: int) -> Case:
        case = self.store.get(case_id)
        if case is None:
            raise CaseNotFound(case_id)
        return case

    def _handle(self, account_id: str) -> str | None:
        return self.log.desk_accounts().get(account_id)

    def _append(self, action: Action, case: Case, **details: Any) -> None:
        self.log.append(
            action,
            slot=case.slot,
            account_id=case.account_id,
            handle=self._handle(case.account_id),
            x_post_id=case.mention_id,
            details={"case_id": case.id, **{k: v for k, v in details.items() if v is not None}},
            ts=self._clock(),
        )

    # -- opening ---------------------------------------------------------------------------

    def open_tagged(self) -> list[Case]:
        """A case for every mention tagged "aduan" that has none (oldest first), with the
        suggested class when one was suggested, else the default class."""
        opened = []
        for m in self.store.tagged_without_case():
            opened_case = self._open(m.x_post_id)
            if opened_case is not None:
                opened.append(opened_case)
        return opened

    def open_case(self, mention_id: str, category: ComplaintClass | None = None) -> Case:
        """The case of a tagged mention (opened now if needed)."""
        existing = self.store.by_mention(mention_id)
        if existing is not None:
            return existing
        case = self._open(mention_id, category)
        if case is None:
            raise LookupError("mention tidak ada di kotak masuk")
        return case

    def _open(self, mention_id: str, category: ComplaintClass | None = None) -> Case | None:
        m = self.store.mention_for(mention_id)
        if m is None:
            return None
        suggestion = self.store.suggestion(mention_id)
        suggested = category is None and suggestion is not None
        cls = category or (suggestion.category if suggestion else DEFAULT_CLASS)
        now = self._clock()
        case = self.store.insert_case(
            slot=m.slot, account_id=m.account_id, mention_id=m.x_post_id,
            pseudonym=self.pseudonym(m.author), category=cls, suggested=suggested,
            received_at=m.created_at or m.received_at, now=now,
            first_response_at=m.first_reply_at,
            post_ids=(m.replied_post_id,) if m.replied_post_id else (),
        )  # fmt: skip
        if case is None:
            return self.store.by_mention(mention_id)
        self._append(Action.CASE_OPENED, case, category=cls.value, suggested=suggested)
        logger.info("complaint case %d opened", case.id)
        return case

    def refresh(self) -> int:
        """Open cases for new tags and take in first replies sent since (*diterima* →
        *dibalas*). Returns how many cases changed."""
        changed = len(self.open_tagged())
        now = self._clock()
        for case_id, at, reply_id in self.store.first_replies():
            before = self.store.take_first_reply(case_id, at, reply_id, now)
            if before is None:
                continue  # another worker or `humasdesk sync` took it in
            updated = self._case(case_id)
            if updated.status is not before:
                self._append(Action.CASE_STATUS_CHANGED, updated, status=updated.status.value,
                             previous=before.value, automatic=True)  # fmt: skip
            changed += 1
        for case in self.store.cases(open_only=True):  # later replies join the conversation
            posts = self.store.conversation_posts(case)
            extra = tuple(p for p in posts if p not in case.post_ids)
            if extra:
                self.store.update(case.id, now, post_ids=(*case.post_ids, *extra))
        return changed

    # -- reading ---------------------------------------------------------------------------

    def rows(
        self, account_id: str | None = None, *, open_only: bool = False, now: datetime | None = None
    ) -> list[CaseRow]:
        """Cases with their clocks, by next deadline (closed ones last, newest first)."""
        at = now or self._clock()
        zone = self._zone()
        cases = self.store.cases(account_id, open_only=open_only)
        rows = [CaseRow(c, case_clocks(c, at, zone)) for c in cases]
        far = datetime.max.replace(tzinfo=at.tzinfo)
        return sorted(
            rows,
            key=lambda r: (r.clocks.next_deadline is None, r.clocks.next_deadline or far,
                           -(r.case.closed_at or at).timestamp(), r.case.id),
        )  # fmt: skip

    def get(self, case_id: int) -> Case:
        return self._case(case_id)

    def by_mention(self, mention_id: str) -> Case | None:
        return self.store.by_mention(mention_id)

    def reminders(
        self, account_id: str | None = None, now: datetime | None = None
    ) -> ReminderCounts:
        """Open cases near (80 %) and past their limits: counts only."""
        return reminder_counts(self.store.cases(account_id, open_only=True), now or self._clock(),
                               self._zone())  # fmt: skip

    # -- changing ----------------------------------------------------------------------------

    def set_category(self, case_id: int, category: ComplaintClass) -> Case:
        case = self._case(case_id)
        if case.status.is_final:
            raise TransitionError(f"Aduan berstatus {case.status.label} tidak dapat diubah.")
        if case.category is category and not case.category_suggested:
            return case
        updated = self.store.update(case_id, self._clock(), category=category,
                                    category_suggested=False)  # fmt: skip
        assert updated is not None
        self._append(Action.CASE_CATEGORY_SET, updated, category=category.value,
                     previous=case.category.value)  # fmt: skip
        return updated

    def set_status(self, case_id: int, status: CaseStatus, reason: str | None = None) -> Case:
        """Move a case on (*ditindaklanjuti*, *selesai*, *ditolak* with its reason, …)."""
        case = self._case(case_id)
        check_transition(case.status, status, reason)
        now = self._clock()
        fields: dict[str, Any] = {"status": status}
        if status.is_final:
            fields["closed_at"] = now
        if status is CaseStatus.REJECTED:
            fields["reject_reason"] = (reason or "").strip()
        updated = self.store.update(case_id, now, **fields)
        assert updated is not None
        action = Action.CASE_CLOSED if status.is_final else Action.CASE_STATUS_CHANGED
        self._append(action, updated, status=status.value, previous=case.status.value,
                     reason=fields.get("reject_reason"))  # fmt: skip
        return updated

    def close(self, case_id: int) -> Case:
        return self.set_status(case_id, CaseStatus.CLOSED)

    def reject(self, case_id: int, reason: str) -> Case:
        return self.set_status(case_id, CaseStatus.REJECTED, reason)

    def forward(self, case_id: int, lapor_id: str) -> Case:
        """Record the LAPOR! tracking ID the official got from lapor.go.id (refused, with the
        format, when it is not one); the case becomes *diteruskan ke LAPOR!*."""
        digits = parse_lapor_id(lapor_id)
        case = self._case(case_id)
        if case.status is not CaseStatus.FORWARDED:
            check_transition(case.status, CaseStatus.FORWARDED)
        if case.lapor_id == digits:
            return case
        now = self._clock()
        updated = self.store.update(case_id, now, lapor_id=digits, status=CaseStatus.FORWARDED,
                                    forwarded_at=case.forwarded_at or now)  # fmt: skip
        assert updated is not None
        self._append(Action.CASE_FORWARDED, updated, lapor_id=digits, previous=case.status.value)
        return updated

    def mark_mention_deleted(self, case_id: int) -> Case:
        """The citizen deleted the mention on X: the case is kept, and marked."""
        case = self._case(case_id)
        if case.mention_deleted:
            return case
        updated = self.store.update(case_id, self._clock(), mention_deleted=True)
        assert updated is not None
        self._append(Action.CASE_MENTION_DELETED, updated)
        return updated

    def check_deleted(self, client: Any, account_id: str) -> int:
        """Look up the open cases' mentions on X (``GET /2/tweets/:id``); a mention X no
        longer has is marked deleted. Returns how many were marked now."""
        marked = 0
        for case in self.store.cases(account_id, open_only=True):
            if case.mention_deleted:
                continue
            try:
                client.get_post(case.mention_id)
            except NotFound:
                self.mark_mention_deleted(case.id)
                marked += 1
        return marked

    def check_mention(self, client: Any, case_id: int) -> Case:
        """Before answering: is the case's mention still on X? (one ``GET /2/tweets/:id``;
        a deleted one marks the case, which is kept)."""
        case = self._case(case_id)
        if case.mention_deleted:
            return case
        try:
            client.get_post(case.mention_id)
        except NotFound:
            return self.mark_mention_deleted(case_id)
        return case

    def reply_problem(self, case_id: int, slot: Slot) -> str | None:
        """Why a reply from `slot`'s pane to this case is refused (None: allowed)."""
        return reply_slot_problem(self._case(case_id), slot)

    def check_reply(self, case_id: int, slot: Slot) -> None:
        problem = self.reply_problem(case_id, slot)
        if problem:
            raise ReplyFromOtherPane(problem)

    def lapor_form(self, case_id: int, *, agency: str = "") -> LaporForm:
        case = self._case(case_id)
        return lapor_form(
            case,
            self.store.mention_text(case.mention_id),
            agency=agency,
            office_handle=self._handle(case.account_id) or "",
            zone=self._zone(),
        )

    # -- templates ----------------------------------------------------------------------------

    def templates(self, slot: Slot) -> list[Template]:
        return self.store.templates(slot, STARTER_TEMPLATES)

    def save_template(self, slot: Slot, template: Template, old_name: str | None = None) -> None:
        """Refused (`TemplateError`, naming the placeholder) when it uses an unknown one."""
        validate(template)
        self.store.templates(slot, STARTER_TEMPLATES)  # seed first, so starters stay
        self.store.save_template(slot, template, old_name)

    def delete_template(self, slot: Slot, name: str) -> None:
        self.store.templates(slot, STARTER_TEMPLATES)
        self.store.delete_template(slot, name)

    # -- suggestions --------------------------------------------------------------------------

    def suggest_for(self, mentions: Iterable[Any]) -> int:
        """Keyword suggestions for new mentions (not tagged yet); returns how many."""
        n = 0
        for m in mentions:
            if getattr(m, "is_complaint", False):
                continue
            s = suggest(m.text or "", self.keyword_rules)
            if s is not None and self.store.add_suggestion(
                m.x_post_id, m.account_id, ComplaintClass(s.category), s.found, self._clock()
            ):
                n += 1
        return n

    def suggestions(self, account_id: str) -> list[StoredSuggestion]:
        return self.store.suggestions(account_id)

    def accept_suggestion(self, mentions: Any, mention_id: str) -> Case:
        """Tag the mention "aduan" (``mention_tagged``) and open its case with the
        suggested class."""
        s = self.store.suggestion(mention_id)
        mentions.tag_complaint(mention_id, True)
        self.store.decide_suggestion(mention_id, "accepted")
        return self.open_case(mention_id, s.category if s else None)

    def dismiss_suggestion(self, mention_id: str) -> None:
        self.store.decide_suggestion(mention_id, "dismissed")

    # -- retention ----------------------------------------------------------------------------

    def apply_retention(self, privacy: PrivacyStore, days: int) -> RetentionOutcome:
        """Closed cases older than `days` since closing lose their citizen's data (the
        mention's handle and words in the log and the inbox, the pseudonym); their clocks,
        class, status and LAPOR! ID stay, and the chain still verifies (the erasure is one
        ``personal_data_erased`` entry)."""
        now = self._clock()
        cutoff = now - timedelta(days=days)
        due = [
            c for c in self.store.cases()
            if c.status.is_final and c.closed_at is not None and c.closed_at < cutoff
            and c.citizen_erased_at is None
        ]  # fmt: skip
        if not due:
            return RetentionOutcome(0, 0, 0)
        from humasdesk.store.privacy_store import ERASURE

        ids = {c.mention_id for c in due}
        reason = f"retensi aduan selesai: {len(due)} aduan ditutup lebih dari {days} hari"
        with privacy.lease(ERASURE, "penghapusan data warga aduan selesai", now):
            seqs = [s for r in privacy.mention_records() if r.x_post_id in ids for s in r.log_seqs]
            n_log = self.log.erase_personal(seqs, reason, data_class="complaint") if seqs else 0
            n_rows = privacy.erase_mentions(ids, now)
            for c in due:
                self.store.update(c.id, now, citizen_erased_at=now, pseudonym=ERASED_PSEUDONYM)
        logger.info("retention erased the citizen data of %d closed complaint cases", len(due))
        return RetentionOutcome(len(due), n_log, n_rows)


# -- one row per case (the command's --json, the register exports) ---------------------------


def _iso(value: datetime | None, zone: tzinfo | None) -> str | None:
    if value is None:
        return None
    return (value.astimezone(zone) if zone else value.astimezone()).isoformat(timespec="seconds")


def case_record(
    row: CaseRow, zone: tzinfo | None = None, handle: str | None = None
) -> dict[str, Any]:
    """One case with every clock: English keys, ISO 8601 with the offset, the pseudonym
    only (never the citizen's handle or words)."""
    c, fr, done = row.case, row.clocks.first_response, row.clocks.completion
    return {
        "id": c.id,
        "account": c.slot.value,
        "handle": handle,
        "pseudonym": c.pseudonym,
        "class": c.category.value,
        "class_suggested": c.category_suggested,
        "limit_days": c.category.limit_days,
        "status": c.status.value,
        "reject_reason": c.reject_reason,
        "received_at": _iso(c.received_at, zone),
        "first_response_deadline": _iso(fr.deadline, zone),
        "first_response_at": _iso(c.first_response_at, zone),
        "first_response_days": fr.days_used,
        "first_response_state": fr.state.value,
        "completion_deadline": _iso(done.deadline, zone),
        "closed_at": _iso(c.closed_at, zone),
        "completion_days": done.days_used,
        "completion_state": done.state.value,
        "reminder": None if row.clocks.reminder is None else row.clocks.reminder.value,
        "lapor_id": c.lapor_id,
        "lapor_url": None if c.lapor_id is None else lapor_case_url(c.lapor_id),
        "forwarded_at": _iso(c.forwarded_at, zone),
        "mention_id": c.mention_id,
        "post_ids": list(c.post_ids),
        "mention_deleted": c.mention_deleted,
        "citizen_data_erased": c.citizen_erased_at is not None,
    }


REGISTER_FORMATS = ("csv", "xlsx")
REGISTER_NOTE = (
    "Batas waktu dihitung dalam hari kalender seperti SP4N-LAPOR!: aduan yang diterima pada "
    "hari D dengan batas N hari jatuh tempo pada akhir hari D + N (akhir pekan dan hari libur "
    "ikut dihitung). Respons pertama 3 hari; permintaan informasi dan pengaduan 5 hari, "
    "sengketa 14 hari, perlu pemeriksaan lapangan 60 hari. Warga hanya disebut dengan nama "
    "samaran."
)


def export_register(
    cases: CaseService,
    out_path: Path,
    fmt: str,
    *,
    signer: Any,
    now: datetime | None = None,
    handles: dict[str, str] | None = None,
) -> tuple[int, Path]:
    """Write the register (every case, every clock, the LAPOR! ID) as a signed CSV or XLSX
    file (`write_signed`); returns (cases written, the signature file)."""
    from humasdesk.core.activity import format_ts
    from humasdesk.store.exports.aduan_register import write_register_csv, write_register_xlsx
    from humasdesk.store.exports.signed import write_signed

    if fmt not in REGISTER_FORMATS:
        raise ValueError(fmt)
    at = now or cases._clock()
    names = handles if handles is not None else cases.log.desk_accounts()
    records = [case_record(r, handle=names.get(r.case.account_id)) for r in cases.rows(now=at)]
    head = cases.log.head()

    def body(b: Any) -> dict[str, Any]:
        info = {
            "dibuat": _iso(at, None),
            "jumlah_aduan": len(records),
            "kepala_rantai_seq": head.seq,
            "kepala_rantai_hash": head.hash,
            "sidik_jari_kunci": b.fingerprint,
            "definisi": REGISTER_NOTE,
        }
        if fmt == "csv":
            write_register_csv(b.file, records)
        else:
            write_register_xlsx(b.file, records, info)
        return {
            "format": f"aduan_{fmt}",
            "cases": len(records),
            "generated_at": format_ts(at),
            "log_head_seq": head.seq,
            "log_head_hash": head.hash,
            "signing_key_fingerprint": b.fingerprint,
        }

    signed = write_signed(out_path, body, signer=signer, created_at=at)
    return len(records), signed.sig_path
