"""The mentions inbox: background sync from X, states, complaint tags, replies.

``MentionSync.sync`` runs on the account's worker at the interval it returns
(``SyncResult.next_poll_s``): 60 s normally, doubling after each error up to 15 minutes, and
until X's reset time after a 429. A mention's author and text are personal data: they go to
the activity log only in its erasable personal fields, never into application logs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from humasdesk.core.activity import Action
from humasdesk.core.errors import CreditsDepleted, RateLimited, UsageCapped, XError
from humasdesk.core.models import Post
from humasdesk.services.accounts import SessionExpired
from humasdesk.services.outbox import Outbox, QueueResult, RecentPost
from humasdesk.services.paging import Pages, id_key, read_pages
from humasdesk.services.posting import Call, direct_call, utcnow
from humasdesk.services.session import AccountSession
from humasdesk.services.usage import UsageMeter
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.mentions_store import Mention, MentionsStore, MentionState

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]

COMPLAINT_TAG = "aduan"
POLL_S = 60.0
MAX_POLL_S = 900.0


@dataclass(frozen=True)
class SyncResult:
    """One sync: how many new mentions, the new ``since_id``, when to poll again."""

    new: int
    newest_id: str | None
    next_poll_s: float
    unread: int = 0
    pages: int = 0
    error: XError | SessionExpired | None = None  # what stopped it (nothing was skipped)
    mentions: tuple[Mention, ...] = ()  # the new ones, newest first

    @property
    def ok(self) -> bool:
        return self.error is None


class MentionSync:
    """Fetches new mentions (``since_id`` + paging), keeps states, logs the activity."""

    def __init__(
        self,
        store: MentionsStore,
        log: ActivityLog,
        clock: Clock = utcnow,
        *,
        usage: UsageMeter | None = None,
        poll_s: float = POLL_S,
        max_poll_s: float = MAX_POLL_S,
        max_pages: int = 100,
        page_size: int = 100,
        own_accounts: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self.store = store
        self.log = log
        # The desk's own accounts (id → handle): never a citizen, whatever X lists.
        self._own_accounts = own_accounts if own_accounts is not None else log.desk_accounts
        self._clock = clock
        self.usage = usage
        self.poll_s = poll_s
        self.max_poll_s = max_poll_s
        self.max_pages = max_pages
        self.page_size = page_size
        self._errors: dict[str, int] = {}  # consecutive failures per account
        self._handles: dict[str, str] = {}

    # --- sync ---------------------------------------------------------------------------------

    def sync(self, session: AccountSession, call: Call = direct_call) -> SyncResult:
        """Fetch every page of mentions newer than the stored ``since_id`` and store the new
        ones (state ``baru``). ``since_id`` moves only after the last page was stored, so a
        failure mid-way re-reads instead of skipping. Never raises for X's errors."""
        account = session.account
        self._handles[account.user_id] = account.username
        if self.usage is not None:
            self.usage.watch(session.client)
            credits = self.usage.credits
            if credits.blocked():
                # The agency's credit is used up: reading stops until the next probe.
                return self._failed(session, CreditsDepleted(credits.message), 0)
        since_id = self.store.newest_id(account.user_id)
        read = Pages()
        try:
            read_pages(
                read,
                lambda t: call(
                    session,
                    lambda s: s.client.mentions(
                        s.account.user_id,
                        since_id=since_id,
                        max_results=self.page_size,
                        pagination_token=t,
                    ),
                ),
                max_pages=self.max_pages,
            )
        except (XError, SessionExpired) as exc:
            return self._failed(session, exc, read.count)
        posts, newest, pages = read.posts, read.newest, read.count
        new = self._store_new(session, posts)
        if newest is None and posts:
            newest = max((p.id for p in posts), key=id_key)
        self.store.set_newest_id(session.slot, account.user_id, newest, self._clock())
        self._errors.pop(account.user_id, None)
        return SyncResult(
            new=len(new),
            newest_id=newest or since_id,
            next_poll_s=self.poll_s,
            unread=self.store.unread_count(account.user_id),
            pages=pages,
            mentions=tuple(
                sorted(new, key=lambda m: id_key(m.x_post_id), reverse=True)
            ),
        )

    def _own(self, session: AccountSession) -> tuple[set[str], set[str]]:
        """Ids and casefolded handles of the desk's own accounts."""
        accounts = dict(self._own_accounts())
        accounts[session.account.user_id] = session.account.username
        accounts.update({i: h for i, h in self._handles.items()})
        return set(accounts), {h.casefold() for h in accounts.values() if h}

    def _store_new(self, session: AccountSession, posts: list[Post]) -> list[Mention]:
        now = self._clock()
        ids, handles = self._own(session)
        # A repost or reply by the desk's other account mentions this one: it is the desk
        # talking to itself, not a citizen (never in the inbox, the log or the figures).
        posts = [
            p
            for p in posts
            if (p.author_id or "") not in ids
            and (p.author_username or "").casefold() not in handles
        ]
        self.store.remove_authored_by(session.account.user_id, ids)
        # Oldest first, so the log's order follows X's.
        ordered = sorted({p.id: p for p in posts}.values(), key=lambda p: (len(p.id), p.id))
        new = self.store.add_new(session.slot, session.account.user_id, ordered, now)
        for m in new:
            ts = m.created_at if m.created_at is not None and m.created_at <= now else now
            self.log.append(
                Action.MENTION_RECEIVED,
                slot=session.slot,
                account_id=session.account.user_id,
                handle=session.account.username,
                x_post_id=m.x_post_id,
                citizen_handle=m.author_username,
                citizen_text=m.text,
                ts=ts,
            )
        if new:
            logger.info("mentions: %d new for slot %s", len(new), session.slot.value)
        return new

    def _failed(
        self, session: AccountSession, exc: XError | SessionExpired, pages: int
    ) -> SyncResult:
        account_id = session.account.user_id
        count = self._errors.get(account_id, 0) + 1
        self._errors[account_id] = count
        wait = min(self.max_poll_s, self.poll_s * 2**count)
        if isinstance(exc, RateLimited) and exc.reset_at is not None:
            wait = max(1.0, (exc.reset_at - self._clock()).total_seconds())
        elif isinstance(exc, UsageCapped):
            wait = self.max_poll_s
        elif isinstance(exc, CreditsDepleted) and self.usage is not None:
            probe_at = self.usage.credits.probe_at
            wait = (probe_at - self._clock()).total_seconds() if probe_at else self.max_poll_s
            wait = max(1.0, wait)
        logger.info("mentions sync failed for slot %s: %s", session.slot.value,
                    type(exc).__name__)  # fmt: skip
        return SyncResult(
            new=0,
            newest_id=self.store.newest_id(account_id),
            next_poll_s=wait,
            unread=self.store.unread_count(account_id),
            pages=pages,
            error=exc,
        )

    # --- reading the inbox --------------------------------------------------------------------

    def inbox(
        self,
        account_id: str,
        states: Iterable[MentionState] | None = None,
        *,
        complaints_only: bool = False,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Mention]:
        """Newest first."""
        return self.store.mentions(
            account_id, states, complaints_only=complaints_only, limit=limit, offset=offset
        )

    def unread_count(self, account_id: str) -> int:
        return self.store.unread_count(account_id)

    # --- the official's actions ---------------------------------------------------------------

    def _append(self, action: Action, m: Mention, details: dict[str, Any] | None = None) -> None:
        self.log.append(
            action,
            slot=m.slot,
            account_id=m.account_id,
            handle=self._handles.get(m.account_id),
            x_post_id=m.x_post_id,
            details=details,
        )

    def mark(self, x_post_id: str, state: MentionState) -> Mention | None:
        """Set the inbox state. ``diabaikan`` is logged (``mention_ignored``)."""
        before = self.store.get(x_post_id)
        if before is None:
            return None
        after = self.store.set_state(x_post_id, MentionState(state))
        if after is not None and state is MentionState.IGNORED and before.state is not state:
            self._append(Action.MENTION_IGNORED, after)
        return after

    def mark_read(self, x_post_id: str) -> Mention | None:
        """Opened: ``baru`` → ``dibaca`` (other states stay)."""
        m = self.store.get(x_post_id)
        if m is None or m.state is not MentionState.NEW:
            return m
        return self.store.set_state(x_post_id, MentionState.READ)

    def mark_handled(self, x_post_id: str) -> Mention | None:
        """The matter is dealt with (the complaint resolved): ``mention_handled``, once."""
        before = self.store.get(x_post_id)
        if before is None:
            return None
        after = self.store.set_handled(x_post_id, self._clock())
        if after is not None and before.handled_at is None:
            self._append(Action.MENTION_HANDLED, after)
        return after

    def tag_complaint(self, x_post_id: str, is_complaint: bool = True) -> Mention | None:
        """Tag (or untag) as "aduan"; logged as ``mention_tagged`` {"tag": "aduan"}."""
        before = self.store.get(x_post_id)
        if before is None:
            return None
        after = self.store.set_complaint(x_post_id, is_complaint)
        if after is not None and before.is_complaint != is_complaint:
            details: dict[str, Any] = {"tag": COMPLAINT_TAG}
            if not is_complaint:
                details["removed"] = True
            self._append(Action.MENTION_TAGGED, after, details)
        return after

    def reply(
        self,
        session: AccountSession,
        outbox: Outbox,
        mention: Mention | str,
        text: str,
        *,
        undo_s: float | None = None,
        other_recent: Iterable[RecentPost] = (),
        **kwargs: Any,
    ) -> QueueResult:
        """Queue a reply to the mention from the mention's own account (the outbox checks it
        first). When the reply is sent, the mention becomes ``dibalas`` with
        ``first_reply_at`` (the Sender does it)."""
        m = self.store.get(mention) if isinstance(mention, str) else mention
        if m is None:
            raise KeyError("unknown mention")
        if m.account_id != session.account.user_id:
            raise ValueError("the mention belongs to the other account")
        if m.state is MentionState.NEW:
            self.store.set_state(m.x_post_id, MentionState.READ)
        return outbox.enqueue(
            session.slot, session.account, text, reply_to=m.x_post_id, undo_s=undo_s,
            other_recent=other_recent, **kwargs,
        )  # fmt: skip
