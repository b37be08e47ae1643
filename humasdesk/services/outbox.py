"""The outbox: every post waits here for its undo window, then one sender per account sends it.

Guarantees (the reliability issue):

* A post is committed to SQLite (``queued``) before any network call, and every step
  (``queued → sending → sent | failed | cancelled``) is committed on its own.
* Never sent twice: when a send may have reached X (the connection dropped, a time-out, a 5xx,
  a crash while ``sending``), the item is marked ``outcome_unknown`` and the next attempt first
  looks for it among the account's posts on X since it was queued (same text, same reply
  target). X's duplicate-content refusal also counts as evidence it went out.
* Never silently dropped: refusals end ``failed`` with X's reason (and a ``post_failed``
  activity entry); network trouble and 5xx retry automatically with capped exponential
  back-off and jitter, and stay visible as ``failed`` with their next attempt time meanwhile.
* 429 waits until X's reset time, a usage cap stops the account's sending, a 401 is
  refreshed by ``AccountService.call`` and otherwise leaves the queue waiting for sign-in.
* A 402 (the developer account's credits used up) pauses sending for both accounts with the
  queue kept as it is (nothing fails, no attempt is spent); it resumes by itself once any
  paid call succeeds again (probed every ``CreditState.probe_after``) or at *Coba lagi*.

``Outbox`` is used from the GUI thread (cheap SQLite writes); ``Sender`` runs on the
account's worker, which owns that account's X client.
"""

from __future__ import annotations

import html
import logging
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from humasdesk.core.activity import Action, format_ts
from humasdesk.core.compose import ComposeCheck, Draft, check_post, normalise_newlines
from humasdesk.core.errors import (
    AuthExpired,
    CreditsDepleted,
    DuplicatePost,
    Forbidden,
    InvalidRequest,
    NetworkError,
    NotFound,
    RateLimited,
    ReplyNotAllowed,
    ServerError,
    UsageCapped,
    XError,
)
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Account, Post, Slot
from humasdesk.core.similarity import is_near_duplicate, similarity
from humasdesk.core.textlength import find_urls
from humasdesk.services.accounts import SessionExpired
from humasdesk.services.posting import Call, direct_call, utcnow
from humasdesk.services.session import AccountSession
from humasdesk.services.usage import CreditState, UsageMeter
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.outbox_store import (
    NewOutboxItem,
    OutboxItem,
    OutboxState,
    OutboxStore,
    PostKind,
)

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]

DEFAULT_UNDO_S = 10.0
#: X's rule: the same content from several accounts; the desk looks back this far.
CROSS_ACCOUNT_WINDOW = timedelta(hours=24)
X_EPOCH_MS = 1288834974657


def other_slot(slot: Slot) -> Slot:
    return Slot.PERSONAL if slot is Slot.OFFICE else Slot.OFFICE


def load_image(path: str, alt_text: str = "") -> ImageAttachment:
    """Read an image file for the composer (blocks on disk: fine for a few MB)."""
    with open(path, "rb") as f:
        data = f.read()
    return ImageAttachment.from_bytes(data, alt_text=alt_text, path=str(path))


# --- queueing ---------------------------------------------------------------------------------


class QueueRefusal(StrEnum):
    """Why nothing was queued. The GUI translates these."""

    INVALID = "invalid"  # compose rules: see QueueResult.checks
    CROSS_ACCOUNT_DUPLICATE = "cross_account_duplicate"  # see QueueResult.duplicate


@dataclass(frozen=True)
class RecentPost:
    """A post of the other account known from elsewhere (e.g. fetched from X)."""

    slot: Slot
    text: str
    at: datetime
    x_post_id: str | None = None


@dataclass(frozen=True)
class CrossAccountDuplicate:
    """The same or nearly the same text went out (or waits) from the other account.
    Offer "repost instead" when ``other_post_id`` is known."""

    other_slot: Slot
    other_post_id: str | None  # the post on X, once sent
    outbox_id: int | None  # the other account's outbox item, if it came from the desk
    other_text: str
    at: datetime
    similarity: float


@dataclass(frozen=True)
class QueueResult:
    ok: bool
    items: tuple[OutboxItem, ...] = ()
    checks: tuple[ComposeCheck, ...] = ()  # one per post (a thread has several)
    refusal: QueueRefusal | None = None
    duplicate: CrossAccountDuplicate | None = None


@dataclass(frozen=True)
class CancelResult:
    """``draft`` is what goes back into the composer (None: too late to cancel)."""

    ok: bool
    draft: Draft | None = None
    items: tuple[OutboxItem, ...] = ()


def find_cross_account(
    store: OutboxStore,
    slot: Slot,
    texts: Iterable[str],
    at: datetime,
    window: timedelta = CROSS_ACCOUNT_WINDOW,
    other_recent: Iterable[RecentPost] = (),
) -> CrossAccountDuplicate | None:
    """X's rule on the same content from several accounts, with the desk's own outbox (sent,
    waiting and scheduled items, by their time) and posts known from X: the first text of
    `texts` the other account has within `window` of `at`, or None."""
    other = other_slot(slot)
    candidates: list[tuple[str, str | None, int | None, datetime]] = [
        (i.text, i.x_post_id, i.id, i.sent_at or i.due_at or i.created_at)
        for i in store.texts_near(other, at, window)
    ]
    candidates += [
        (p.text, p.x_post_id, None, p.at)
        for p in other_recent
        if p.slot is other and abs(p.at - at) <= window
    ]
    for text in texts:
        for other_text, post_id, outbox_id, when in candidates:
            if is_near_duplicate(text, other_text):
                return CrossAccountDuplicate(
                    other_slot=other,
                    other_post_id=post_id,
                    outbox_id=outbox_id,
                    other_text=other_text,
                    at=when,
                    similarity=round(similarity(text, other_text), 3),
                )
    return None


def compose_checks(
    texts: Sequence[str],
    media: Sequence[ImageAttachment],
    reply_to: str | None,
    quote_of: str | None,
) -> tuple[ComposeCheck, ...]:
    """The composer's rules for each post of a thread (media and quote on the first)."""
    return tuple(
        check_post(
            t, media if i == 0 else (), reply_to=reply_to, quote_of=quote_of if i == 0 else None
        )
        for i, t in enumerate(texts)
    )


def new_items(
    slot: Slot,
    account: Account,
    texts: Sequence[str],
    kind: PostKind,
    *,
    reply_to: str | None,
    quote_of: str | None,
    media: Sequence[ImageAttachment],
    official_capacity: bool,
    not_before: datetime,
    due_at: datetime | None = None,
) -> list[NewOutboxItem]:
    """The outbox rows of a post or thread: the first part carries the reply target, the
    quote and the media; "kapasitas jabatan" only on the personal account."""
    capacity = bool(official_capacity) and slot is Slot.PERSONAL
    return [
        NewOutboxItem(
            slot=slot,
            account_id=account.user_id,
            handle=account.username,
            kind=PostKind.REPLY if i == 0 and reply_to else kind,
            text=t,
            not_before=not_before,
            reply_to=reply_to if i == 0 else None,
            quote_of=quote_of if i == 0 else None,
            media=tuple(media) if i == 0 else (),
            official_capacity=capacity,
            due_at=due_at,
        )
        for i, t in enumerate(texts)
    ]


def draft_of(cancelled: Sequence[OutboxItem]) -> Draft:
    """What goes back into the composer when these items (a post, or a thread from one part
    on) are cancelled."""
    first = cancelled[0]
    return Draft(
        slot=first.slot,
        text=first.text,
        reply_to=first.reply_to if first.kind is PostKind.REPLY else None,
        quote_of=first.quote_of,
        images=first.media,
        official_capacity=first.official_capacity,
        thread=tuple(i.text for i in cancelled[1:]),
    )


class Outbox:
    """Check, queue, cancel, retry; drafts. Cheap SQLite calls only (no network)."""

    def __init__(
        self,
        store: OutboxStore,
        clock: Clock = utcnow,
        *,
        undo_s: float = DEFAULT_UNDO_S,
        cross_account_window: timedelta = CROSS_ACCOUNT_WINDOW,
    ) -> None:
        self.store = store
        self._clock = clock
        self.undo_s = undo_s
        self.window = cross_account_window

    # --- checks -------------------------------------------------------------------------------

    def check_cross_account(
        self,
        slot: Slot,
        texts: Iterable[str],
        other_recent: Iterable[RecentPost] = (),
        *,
        at: datetime | None = None,
    ) -> CrossAccountDuplicate | None:
        """The first text of ``texts`` that the other account sent, queued or scheduled
        within 24 hours of `at` (default now; a scheduled post's due time), either side
        (same or nearly the same), or None."""
        return find_cross_account(
            self.store, slot, texts, at or self._clock(), self.window, other_recent
        )

    # --- queueing -----------------------------------------------------------------------------

    def enqueue(
        self,
        slot: Slot,
        account: Account,
        text: str,
        *,
        reply_to: str | None = None,
        quote_of: str | None = None,
        media: Sequence[ImageAttachment] = (),
        official_capacity: bool = False,
        undo_s: float | None = None,
        other_recent: Iterable[RecentPost] = (),
    ) -> QueueResult:
        """Check, then queue one post (a reply with ``reply_to``, a quote with ``quote_of``).
        It becomes due after the undo window."""
        kind = PostKind.REPLY if reply_to else PostKind.QUOTE if quote_of else PostKind.POST
        return self._enqueue(
            slot, account, [text], kind, reply_to, quote_of, media, official_capacity, undo_s,
            other_recent,
        )  # fmt: skip

    def enqueue_thread(
        self,
        slot: Slot,
        account: Account,
        texts: Sequence[str],
        *,
        reply_to: str | None = None,
        media: Sequence[ImageAttachment] = (),
        official_capacity: bool = False,
        undo_s: float | None = None,
        other_recent: Iterable[RecentPost] = (),
    ) -> QueueResult:
        """Check every part, then queue a thread: part n+1 answers part n once sent.
        ``media`` goes with the first part; ``reply_to`` makes the first part a reply.
        One text is a plain post (or reply)."""
        if len(texts) == 1:
            return self.enqueue(
                slot, account, texts[0], reply_to=reply_to, media=media,
                official_capacity=official_capacity, undo_s=undo_s, other_recent=other_recent,
            )  # fmt: skip
        return self._enqueue(
            slot, account, list(texts), PostKind.THREAD_PART, reply_to, None, media,
            official_capacity, undo_s, other_recent,
        )  # fmt: skip

    def enqueue_draft(
        self,
        account: Account,
        draft: Draft,
        *,
        undo_s: float | None = None,
        other_recent: Iterable[RecentPost] = (),
    ) -> QueueResult:
        """Queue what a pane's composer holds (a post, a reply, a quote or a thread)."""
        texts = [draft.text, *draft.thread]
        if len(texts) > 1:
            return self.enqueue_thread(
                draft.slot, account, texts, reply_to=draft.reply_to, media=draft.images,
                official_capacity=draft.official_capacity, undo_s=undo_s,
                other_recent=other_recent,
            )  # fmt: skip
        return self.enqueue(
            draft.slot, account, draft.text, reply_to=draft.reply_to, quote_of=draft.quote_of,
            media=draft.images, official_capacity=draft.official_capacity, undo_s=undo_s,
            other_recent=other_recent,
        )  # fmt: skip

    def _enqueue(
        self,
        slot: Slot,
        account: Account,
        texts: list[str],
        kind: PostKind,
        reply_to: str | None,
        quote_of: str | None,
        media: Sequence[ImageAttachment],
        official_capacity: bool,
        undo_s: float | None,
        other_recent: Iterable[RecentPost],
    ) -> QueueResult:
        texts = [normalise_newlines(t) for t in texts]
        if not texts:
            texts = [""]
        checks = compose_checks(texts, media, reply_to, quote_of)
        if not all(c.ok for c in checks):
            return QueueResult(ok=False, checks=checks, refusal=QueueRefusal.INVALID)
        duplicate = self.check_cross_account(slot, texts, other_recent)
        if duplicate is not None:
            return QueueResult(
                ok=False,
                checks=checks,
                refusal=QueueRefusal.CROSS_ACCOUNT_DUPLICATE,
                duplicate=duplicate,
            )
        now = self._clock()
        not_before = now + timedelta(seconds=self.undo_s if undo_s is None else undo_s)
        new = new_items(
            slot, account, texts, kind, reply_to=reply_to, quote_of=quote_of, media=media,
            official_capacity=official_capacity, not_before=not_before,
        )  # fmt: skip
        items = self.store.add(new, now)
        return QueueResult(ok=True, items=tuple(items), checks=checks)

    def enqueue_repost(
        self,
        slot: Slot,
        account: Account,
        post_id: str,
        text: str,
        *,
        undo_s: float | None = None,
    ) -> QueueResult:
        """Queue a repost of `post_id` (X's way to share what the other account posted):
        like a post, it waits out the undo window and can be cancelled. `text` is the
        reposted post's text, shown in the outbox and given back on cancel."""
        now = self._clock()
        not_before = now + timedelta(seconds=self.undo_s if undo_s is None else undo_s)
        item = NewOutboxItem(
            slot=slot,
            account_id=account.user_id,
            handle=account.username,
            kind=PostKind.REPOST,
            text=normalise_newlines(text),
            not_before=not_before,
            repost_of=str(post_id),
        )
        return QueueResult(ok=True, items=tuple(self.store.add([item], now)))

    # --- the official's controls --------------------------------------------------------------

    def cancel(self, item_id: int) -> CancelResult:
        """The "Batalkan" button: only while queued (or failed); a thread is cancelled from
        this part on. The text comes back as a draft for the composer."""
        cancelled = self.store.cancel(item_id, self._clock())
        if not cancelled:
            return CancelResult(ok=False)
        return CancelResult(ok=True, draft=draft_of(cancelled), items=tuple(cancelled))

    def carry_over(self, slot: Slot) -> list[OutboxItem]:
        """At start: what an earlier session left to send gets a fresh undo window, so the
        official sees it and can still cancel it before it goes out. Returns those items."""
        now = self._clock()
        return self.store.hold_carried_over(slot, now, now + timedelta(seconds=self.undo_s))

    def retry(self, item_id: int) -> bool:
        """Send a failed item again at once (its outcome check still applies)."""
        return self.store.retry(item_id, self._clock())

    def get(self, item_id: int) -> OutboxItem | None:
        return self.store.get(item_id)

    def items(self, slot: Slot, states: Iterable[OutboxState] | None = None) -> list[OutboxItem]:
        """The Outbox tab: newest first."""
        return self.store.items(slot, states)

    def due(self, slot: Slot, now: datetime | None = None) -> list[OutboxItem]:
        return self.store.due(slot, now or self._clock())

    def next_wake(self, slot: Slot) -> datetime | None:
        """When the sender should look again (the GUI's countdown and timer)."""
        return self.store.next_wake(slot)

    # --- drafts -------------------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        if draft.is_empty and not draft.reply_to:
            self.store.clear_draft(draft.slot)
        else:
            self.store.save_draft(draft, self._clock())

    def load_draft(self, slot: Slot) -> Draft | None:
        """The slot's draft, unless its text was queued or published meanwhile (a late save
        must never bring a sent post back into the composer, to be sent twice)."""
        draft = self.store.load_draft(slot)
        if draft is None:
            return None
        text = normalise_newlines(draft.text)
        if text.strip() and self.store.has_outgoing_text(slot, text):
            self.store.clear_draft(slot)
            return None
        return draft

    def clear_draft(self, slot: Slot) -> None:
        self.store.clear_draft(slot)


# --- sending ----------------------------------------------------------------------------------


class FailureKind(StrEnum):
    """Why a send did not (yet) go out; stored as ``last_error_kind``."""

    NETWORK = "network"
    SERVER = "server"
    INTERRUPTED = "interrupted"
    RATE_LIMITED = "rate_limited"
    USAGE_CAPPED = "usage_capped"
    CREDITS_DEPLETED = "credits_depleted"
    SIGN_IN_NEEDED = "sign_in_needed"
    DUPLICATE = "duplicate"
    REPLY_NOT_ALLOWED = "reply_not_allowed"
    INVALID = "invalid"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    ACCOUNT_CHANGED = "account_changed"
    THREAD_BROKEN = "thread_broken"
    OTHER = "other"


class SendStatus(StrEnum):
    SENT = "sent"
    FAILED = "failed"  # refused by X: not retried
    RETRY_SCHEDULED = "retry_scheduled"  # network/5xx: failed for now, retried at retry_at
    RATE_LIMITED = "rate_limited"  # back in the queue until retry_at (X's reset)
    USAGE_CAPPED = "usage_capped"  # the account stops sending
    CREDITS_DEPLETED = "credits_depleted"  # the agency's X credit is used up: all wait
    SIGN_IN_NEEDED = "sign_in_needed"  # the queue waits for sign-in
    MISSED = "missed"  # a scheduled post found too late to go out: it waits for a person


_STOPS = frozenset(
    {
        SendStatus.RETRY_SCHEDULED,
        SendStatus.RATE_LIMITED,
        SendStatus.USAGE_CAPPED,
        SendStatus.CREDITS_DEPLETED,
        SendStatus.SIGN_IN_NEEDED,
    }
)


@dataclass(frozen=True)
class SendOutcome:
    item_id: int
    status: SendStatus
    x_post_id: str | None = None
    kind: FailureKind | None = None
    message: str | None = None  # X's reason (no tokens)
    retry_at: datetime | None = None
    found_on_x: bool = False  # marked sent from evidence on X, not from X's answer


@dataclass(frozen=True)
class Pause:
    """The account sends nothing until ``until`` (429 reset, usage cap)."""

    status: SendStatus
    until: datetime
    message: str


def snowflake_floor(ts: datetime) -> str:
    """The smallest X post id that can have been created at ``ts`` (for ``since_id``)."""
    ms = int(ts.timestamp() * 1000)
    return str(max(1, (ms - X_EPOCH_MS) << 22))


def _comparable(text: str) -> str:
    """A post text as X stores it, for "is this our post": entities unescaped, line breaks
    normalised, URLs (t.co on X) as one token."""
    t = normalise_newlines(html.unescape(text)).strip()
    spans = find_urls(t)
    for start, end in reversed(spans):
        t = t[:start] + "\x00url\x00" + t[end:]
    return t


def _image_bytes(image: ImageAttachment) -> bytes:
    if image.data is not None:
        return image.data
    if image.path is None:
        raise InvalidRequest("An attached image has neither data nor a file.")
    try:
        with open(image.path, "rb") as f:
            return f.read()
    except OSError:
        raise InvalidRequest("An attached image file can no longer be read.") from None


def _next_month(ts: datetime) -> datetime:
    ts = ts.astimezone(UTC)
    year, month = (ts.year + 1, 1) if ts.month == 12 else (ts.year, ts.month + 1)
    return datetime(year, month, 1, tzinfo=UTC)


class _Stage(StrEnum):
    LOOKUP = "lookup"
    MEDIA = "media"
    POST = "post"


class Sender:
    """Sends an account's due items, in order, on that account's worker thread.

    ``log`` gets ``post_sent``/``reply_sent``/``post_failed``; ``mentions`` (optional) marks
    an answered mention ``dibalas``; ``rng`` gives the back-off jitter.

    Several senders may share one outbox (the desk, `humasdesk sync` in another process):
    each takes an item under its own send lease (`owner`), so none sends an item another
    is sending, and only items whose sender is gone are taken as interrupted.
    """

    def __init__(
        self,
        store: OutboxStore,
        log: ActivityLog,
        clock: Clock = utcnow,
        *,
        mentions: MentionsStore | None = None,
        usage: UsageMeter | None = None,
        rng: Callable[[], float] = random.random,
        backoff_base_s: float = 5.0,
        backoff_cap_s: float = 300.0,
        max_auto_attempts: int = 8,
        lookup_pages: int = 3,
        lookup_slack: timedelta = timedelta(minutes=2),
    ) -> None:
        self.store = store
        self.log = log
        self._clock = clock
        self.mentions = mentions
        self.usage = usage if usage is not None else UsageMeter(store, clock)
        self._rng = rng
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self.max_auto_attempts = max_auto_attempts
        self.lookup_pages = lookup_pages
        self.lookup_slack = lookup_slack
        self._pauses: dict[str, Pause] = {}
        self.owner = uuid.uuid4().hex  # this sender's send leases
        #: Scheduled posts (issue 15): late ones are marked missed before each round, due
        #: ones checked again before they go out. A `services.schedule.Scheduler`.
        self.scheduler: Any = None

    # --- account pauses -----------------------------------------------------------------------

    @property
    def credits(self) -> CreditState:
        return self.usage.credits

    def pause_of(self, account_id: str) -> Pause | None:
        """Why and until when the account sends nothing (None: it sends)."""
        credits = self.usage.credits
        if credits.depleted and credits.probe_at is not None:
            return Pause(SendStatus.CREDITS_DEPLETED, credits.probe_at, credits.message)
        pause = self._pauses.get(account_id)
        if pause is not None and self._clock() >= pause.until:
            del self._pauses[account_id]
            return None
        return pause

    def resume(self, account_id: str) -> None:
        """Lift a pause (e.g. the official raised the usage cap, or pressed *Coba lagi*
        after the credits were topped up: the next round asks X at once)."""
        self._pauses.pop(account_id, None)
        self.usage.credits.retry_now()

    def backoff(self, attempts: int) -> timedelta:
        """Capped exponential back-off with jitter (half to full delay)."""
        delay = min(self.backoff_cap_s, self.backoff_base_s * 2 ** max(0, attempts - 1))
        return timedelta(seconds=delay * (0.5 + 0.5 * self._rng()))

    # --- sending ------------------------------------------------------------------------------

    def send_due(self, session: AccountSession, call: Call = direct_call) -> list[SendOutcome]:
        """Send what is due for the session's slot, oldest first; stop at the first item that
        must wait (429, usage cap, network/5xx back-off, sign-in)."""
        slot, account_id = session.slot, session.account.user_id
        self.usage.watch(session.client)
        if self.scheduler is not None:
            self.scheduler.mark_missed(slot)  # too late to go out by itself: a person decides
        recovered = self.store.recover_interrupted(slot, self._clock(), owner=self.owner)
        if recovered:
            logger.info("outbox: %d interrupted send(s) will be checked on X", len(recovered))
        if self.usage.credits.blocked():
            return []  # credits used up: nothing is tried until the next probe
        if account_id in self._pauses and self.pause_of(account_id) is not None:
            return []
        outcomes: list[SendOutcome] = []
        attempted: set[int] = set()
        while True:
            due = [i for i in self.store.due(slot, self._clock()) if i.id not in attempted]
            if not due:
                break
            item = due[0]
            attempted.add(item.id)
            outcome = self._send_one(session, item, call)
            if outcome is None:
                continue
            outcomes.append(outcome)
            if outcome.status in _STOPS:
                break
        return outcomes

    def _send_one(
        self, session: AccountSession, item: OutboxItem, call: Call
    ) -> SendOutcome | None:
        if item.account_id != session.account.user_id:
            if not self.store.mark_sending(item.id, self._clock(), owner=self.owner):
                return None
            msg = "Another X account is signed in to this pane; this post was not sent."
            return self._fail(session, item, FailureKind.ACCOUNT_CHANGED, msg)
        if not self.store.mark_sending(item.id, self._clock(), owner=self.owner):
            return None  # cancelled meanwhile, or another sender took it
        item = self.store.get(item.id) or item
        if item.due_at is not None and self.scheduler is not None and not item.outcome_unknown:
            refused = self.scheduler.recheck(item)
            if refused is not None:
                kind = FailureKind.DUPLICATE if "duplicate" in refused.kind else FailureKind.INVALID
                return self._fail(session, item, kind, refused.message)
        stage = _Stage.LOOKUP
        try:
            if item.kind is PostKind.REPOST and item.repost_of:
                # Reposting twice is harmless on X (it stays one repost), so an unknown
                # outcome needs no look-up: the repost is simply made again.
                stage = _Stage.POST
                repost_of = item.repost_of
                call(session, lambda s: s.client.repost(s.account.user_id, repost_of))
                return self._sent(session, item, None)
            if item.outcome_unknown:
                found = self._find_on_x(session, item, call)
                if found is not None:
                    return self._sent(session, item, found.id, found_on_x=True)
                if self.scheduler is not None and self.scheduler.too_late(item):
                    # Not on X, and now too late: a person decides (issue 15).
                    self.scheduler.missed_while_sending(item)
                    return SendOutcome(item.id, SendStatus.MISSED)
            reply_to = item.reply_to
            thread_of = None
            if item.kind is PostKind.THREAD_PART and item.thread_index:
                prev = self.store.previous_part(item)
                if prev is None or prev.x_post_id is None:
                    msg = "The previous post of this thread is not known on X."
                    return self._fail(session, item, FailureKind.THREAD_BROKEN, msg)
                reply_to = thread_of = prev.x_post_id
            stage = _Stage.MEDIA
            # The same key on every attempt: a retry resumes or re-uses what X already
            # holds of each file instead of uploading it again.
            media_ids = [
                call(
                    session,
                    lambda s, m=m, i=i: s.client.upload_media(
                        _image_bytes(m), m.mime, m.alt_text, reuse_key=f"outbox-{item.id}-{i}"
                    ),
                )
                for i, m in enumerate(item.media)
            ]
            stage = _Stage.POST
            post = call(
                session,
                lambda s: s.client.create_post(
                    item.text, reply_to=reply_to, quote_of=item.quote_of, media_ids=media_ids
                ),
            )
            return self._sent(session, item, post.id, thread_of=thread_of)
        except DuplicatePost as exc:
            return self._on_duplicate(session, item, call, exc)
        except ReplyNotAllowed as exc:
            return self._fail(session, item, FailureKind.REPLY_NOT_ALLOWED, str(exc))
        except Forbidden as exc:
            return self._fail(session, item, FailureKind.FORBIDDEN, str(exc))
        except InvalidRequest as exc:
            return self._fail(session, item, FailureKind.INVALID, str(exc))
        except NotFound as exc:
            return self._fail(session, item, FailureKind.NOT_FOUND, str(exc))
        except RateLimited as exc:
            return self._rate_limited(session, item, exc)
        except UsageCapped as exc:
            return self._usage_capped(session, item, exc)
        except CreditsDepleted as exc:
            return self._credits_depleted(item, exc)
        except (AuthExpired, SessionExpired) as exc:
            self.store.requeue(
                item.id, self._clock(), next_attempt_at=None,
                kind=FailureKind.SIGN_IN_NEEDED.value, text=str(exc), refund_attempt=True,
            )  # fmt: skip
            return SendOutcome(
                item.id, SendStatus.SIGN_IN_NEEDED, kind=FailureKind.SIGN_IN_NEEDED,
                message=str(exc),
            )  # fmt: skip
        except XError as exc:  # network, 5xx, time-out, an unreadable answer
            return self._transient(session, item, exc, maybe_posted=stage is _Stage.POST)
        except BaseException:
            # A bug: the post may have gone out; look on X before any new attempt.
            self.store.mark_failed(
                item.id, self._clock(), kind=FailureKind.OTHER.value,
                text="Internal error while sending.", outcome_unknown=stage is _Stage.POST,
            )  # fmt: skip
            raise

    # --- evidence on X ------------------------------------------------------------------------

    def _find_on_x(self, session: AccountSession, item: OutboxItem, call: Call) -> Post | None:
        """The account's post on X that is this item (same text, same reply target, created
        after it was queued), or None. Reads up to ``lookup_pages`` pages."""
        since = item.created_at - self.lookup_slack
        since_id = snowflake_floor(since)
        want = _comparable(item.text)
        token: str | None = None
        for _ in range(self.lookup_pages):
            page = call(
                session,
                lambda s, t=token: s.client.user_posts(
                    s.account.user_id, max_results=100, since_id=since_id, pagination_token=t
                ),
            )
            taken = self.store.claimed(p.id for p in page.posts)  # another item's post
            for post in page.posts:
                if post.id in taken:
                    continue
                if _comparable(post.text) != want:
                    continue
                if post.created_at is not None and post.created_at < since:
                    continue
                if item.kind is PostKind.REPLY and item.reply_to:
                    refs = dict(post.referenced)
                    if post.referenced and refs.get("replied_to") != item.reply_to:
                        continue
                return post
            token = page.next_token
            if not token:
                break
        return None

    def _on_duplicate(
        self, session: AccountSession, item: OutboxItem, call: Call, exc: DuplicatePost
    ) -> SendOutcome:
        try:
            found = self._find_on_x(session, item, call)
        except XError as lookup_error:
            return self._transient(session, item, lookup_error, maybe_posted=True)
        if found is not None:
            return self._sent(session, item, found.id, found_on_x=True)
        if item.outcome_unknown:
            # An earlier attempt may have posted it and X says so: evidence enough.
            return self._sent(session, item, None, found_on_x=True)
        return self._fail(session, item, FailureKind.DUPLICATE, str(exc))

    # --- outcomes -----------------------------------------------------------------------------

    def _sent(
        self,
        session: AccountSession,
        item: OutboxItem,
        x_post_id: str | None,
        *,
        found_on_x: bool = False,
        thread_of: str | None = None,
    ) -> SendOutcome:
        now = self._clock()
        is_reply = item.kind is PostKind.REPLY
        details: dict[str, Any] = {"outbox_id": item.id}
        if item.official_capacity:
            details["official_capacity"] = True
        if item.thread_id is not None:
            details["thread_id"] = item.thread_id
            details["thread_index"] = item.thread_index
        if thread_of is None and item.kind is PostKind.THREAD_PART and item.thread_index:
            prev = self.store.previous_part(item)
            thread_of = prev.x_post_id if prev else None
        if thread_of:
            details["thread_of"] = thread_of  # own thread: not a reply in the metrics
        if item.quote_of:
            details["quote_of"] = item.quote_of
        if item.media:
            details["media"] = len(item.media)
        if found_on_x:
            details["found_on_x"] = True
        if item.attempts > 1:
            details["attempts"] = item.attempts
        if item.due_at is not None:  # a scheduled post: when it was due, how late it went
            details["scheduled_for"] = format_ts(item.due_at)
            details["late_s"] = max(0, int((now - item.due_at).total_seconds()))
        # The record first, then the outbox state: a crash between the two leaves the item
        # "sending", so the next start finds the post on X and marks it sent without a
        # second entry. The other order could leave a sent post with no record at all.
        if item.kind is PostKind.REPOST:
            details["repost_of"] = item.repost_of
            self.log.append(
                Action.REPOST_SENT,
                slot=item.slot,
                account_id=item.account_id,
                handle=item.handle,
                text=item.text,
                details=details,
            )
        elif x_post_id is None or not self.log.has_post_entry(x_post_id):
            self.log.append(
                Action.REPLY_SENT if is_reply else Action.POST_SENT,
                slot=item.slot,
                account_id=item.account_id,
                handle=item.handle,
                x_post_id=x_post_id,
                in_reply_to=item.reply_to if is_reply else None,
                text=item.text,
                details=details,
            )
        self.store.mark_sent(item.id, x_post_id, now)
        if is_reply and item.reply_to and self.mentions is not None:
            self.mentions.mark_replied(item.reply_to, x_post_id, now)
        return SendOutcome(item.id, SendStatus.SENT, x_post_id=x_post_id, found_on_x=found_on_x)

    def _fail(
        self, session: AccountSession, item: OutboxItem, kind: FailureKind, message: str
    ) -> SendOutcome:
        """A refusal: failed with X's reason, logged, not retried automatically."""
        self.store.mark_failed(item.id, self._clock(), kind=kind.value, text=message)
        self._log_failed(item, kind, message)
        return SendOutcome(item.id, SendStatus.FAILED, kind=kind, message=message)

    def _log_failed(self, item: OutboxItem, kind: FailureKind, message: str) -> None:
        self.log.append(
            Action.POST_FAILED,
            slot=item.slot,
            account_id=item.account_id,
            handle=item.handle,
            in_reply_to=item.reply_to if item.kind is PostKind.REPLY else None,
            text=item.text,
            details={"outbox_id": item.id, "kind": kind.value, "reason": message},
        )

    def _transient(
        self, session: AccountSession, item: OutboxItem, exc: XError, *, maybe_posted: bool
    ) -> SendOutcome:
        kind = FailureKind.SERVER if isinstance(exc, ServerError) else FailureKind.NETWORK
        if not isinstance(exc, NetworkError | ServerError):
            kind = FailureKind.OTHER
        now = self._clock()
        attempts = (self.store.get(item.id) or item).attempts
        retry_at: datetime | None = now + self.backoff(attempts)
        if attempts >= self.max_auto_attempts:
            retry_at = None  # waits for the official's Retry
        self.store.mark_failed(
            item.id, now, kind=kind.value, text=str(exc), next_attempt_at=retry_at,
            outcome_unknown=True if maybe_posted else None,
        )  # fmt: skip
        if retry_at is None:
            self._log_failed(item, kind, str(exc))
            return SendOutcome(item.id, SendStatus.FAILED, kind=kind, message=str(exc))
        return SendOutcome(
            item.id, SendStatus.RETRY_SCHEDULED, kind=kind, message=str(exc), retry_at=retry_at
        )

    def _rate_limited(
        self, session: AccountSession, item: OutboxItem, exc: RateLimited
    ) -> SendOutcome:
        now = self._clock()
        until = exc.reset_at if exc.reset_at is not None else now + timedelta(minutes=15)
        self.store.requeue(
            item.id, now, next_attempt_at=until, kind=FailureKind.RATE_LIMITED.value,
            text=str(exc), refund_attempt=True,
        )  # fmt: skip
        self._pauses[item.account_id] = Pause(SendStatus.RATE_LIMITED, until, str(exc))
        return SendOutcome(
            item.id, SendStatus.RATE_LIMITED, kind=FailureKind.RATE_LIMITED, message=str(exc),
            retry_at=until,
        )  # fmt: skip

    def _credits_depleted(self, item: OutboxItem, exc: CreditsDepleted) -> SendOutcome:
        """X took nothing: the item goes back to the queue as it was (no attempt spent, not
        failed), and every account waits until the credits are there again."""
        now = self._clock()
        self.usage.credits.mark_depleted(str(exc))
        self.store.requeue(
            item.id, now, next_attempt_at=None, kind=FailureKind.CREDITS_DEPLETED.value,
            text=str(exc), refund_attempt=True,
        )  # fmt: skip
        return SendOutcome(
            item.id, SendStatus.CREDITS_DEPLETED, kind=FailureKind.CREDITS_DEPLETED,
            message=str(exc), retry_at=self.usage.credits.probe_at,
        )  # fmt: skip

    def _usage_capped(
        self, session: AccountSession, item: OutboxItem, exc: UsageCapped
    ) -> SendOutcome:
        now = self._clock()
        until = _next_month(now) if exc.period.lower() == "monthly" else now + timedelta(days=1)
        self.store.requeue(
            item.id, now, next_attempt_at=None, kind=FailureKind.USAGE_CAPPED.value,
            text=str(exc), refund_attempt=True,
        )  # fmt: skip
        self._pauses[item.account_id] = Pause(SendStatus.USAGE_CAPPED, until, str(exc))
        return SendOutcome(
            item.id, SendStatus.USAGE_CAPPED, kind=FailureKind.USAGE_CAPPED, message=str(exc),
            retry_at=until,
        )  # fmt: skip
