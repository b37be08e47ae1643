"""Single actions on X besides sending: delete, repost, the Posts tab, quota and cost.

No Qt; every function that talks to X blocks: call it on the account's worker. ``call`` is how
to run a function against the session: ``AccountService.call`` (refresh on expiry and once
on a 401) in the app, the plain ``direct_call`` in tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TypeVar

from humasdesk.core.activity import Action
from humasdesk.core.cost import DEFAULT_RATES, CostRates, UsageCounts, estimate_month, month_key
from humasdesk.core.models import Page, RateLimit
from humasdesk.services.session import AccountSession
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.outbox_store import OutboxStore

logger = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]
#: How to run ``fn(session)``: ``AccountService.call`` or ``direct_call``.
Call = Callable[[AccountSession, Callable[[AccountSession], T]], T]

#: Rate-limit keys (``XClient.rate_limits``) of the endpoints the quota display shows.
POSTING_ENDPOINT = "POST /2/tweets"
MENTIONS_ENDPOINT = "GET /2/users/:id/mentions"
USER_POSTS_ENDPOINT = "GET /2/users/:id/tweets"


def utcnow() -> datetime:
    return datetime.now(UTC)


def direct_call(session: AccountSession, fn: Callable[[AccountSession], T]) -> T:
    """Run ``fn(session)`` as is (no token refresh)."""
    return fn(session)


class UsageMeter:
    """Counts billed X events per account and month; estimates the month's cost."""

    def __init__(
        self, store: OutboxStore, clock: Clock = utcnow, rates: CostRates = DEFAULT_RATES
    ) -> None:
        self._store = store
        self._clock = clock
        self.rates = rates

    def record(self, account_id: str, counts: UsageCounts) -> None:
        if counts != UsageCounts():
            self._store.add_usage(account_id, month_key(self._clock()), counts)

    def counts(self, account_id: str, month: str | None = None) -> UsageCounts:
        return self._store.usage(account_id, month or month_key(self._clock()))

    def estimate(self, account_id: str, month: str | None = None) -> Decimal:
        """This month's estimated cost in US dollars (rates editable in settings)."""
        return estimate_month(self.counts(account_id, month), self.rates)


@dataclass(frozen=True)
class Quota:
    """X's last rate-limit headers for posting and for reading (None: not seen yet)."""

    posting: RateLimit | None
    mentions: RateLimit | None
    user_posts: RateLimit | None


def quota(session: AccountSession) -> Quota:
    limits = session.client.rate_limits
    return Quota(
        posting=limits.get(POSTING_ENDPOINT),
        mentions=limits.get(MENTIONS_ENDPOINT),
        user_posts=limits.get(USER_POSTS_ENDPOINT),
    )


def delete_post(
    session: AccountSession,
    log: ActivityLog,
    post_id: str,
    *,
    call: Call = direct_call,
    usage: UsageMeter | None = None,
) -> None:
    """Delete one of the account's posts (after the GUI's confirmation) and log it.
    Raises the core ``XError`` X answered with (``NotFound``: already gone)."""
    call(session, lambda s: s.client.delete_post(post_id))
    log.append(
        Action.POST_DELETED,
        slot=session.slot,
        account_id=session.account.user_id,
        handle=session.account.username,
        x_post_id=post_id,
    )
    if usage is not None:
        usage.record(session.account.user_id, UsageCounts(deletes=1))


def repost(session: AccountSession, post_id: str, *, call: Call = direct_call) -> None:
    """Repost ``post_id`` from this account: X's sanctioned way to share what the other
    account posted (instead of posting the same text twice)."""
    call(session, lambda s: s.client.repost(s.account.user_id, post_id))


def own_posts(
    session: AccountSession,
    *,
    max_results: int = 20,
    pagination_token: str | None = None,
    call: Call = direct_call,
    usage: UsageMeter | None = None,
) -> Page:
    """One page of the account's posts on X, newest first (the Posts tab)."""
    page = call(
        session,
        lambda s: s.client.user_posts(
            s.account.user_id, max_results=max_results, pagination_token=pagination_token
        ),
    )
    if usage is not None:
        usage.record(session.account.user_id, UsageCounts(reads=len(page.posts)))
    return page
