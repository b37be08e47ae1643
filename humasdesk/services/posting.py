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
from typing import TypeVar

from humasdesk.core.activity import Action
from humasdesk.core.models import Page, RateLimit
from humasdesk.services.session import AccountSession
from humasdesk.services.usage import UsageMeter
from humasdesk.store.activity_log import ActivityLog

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


__all__ = ["Call", "Quota", "UsageMeter", "delete_post", "direct_call", "own_posts", "quota",
           "repost", "utcnow"]  # fmt: skip


def direct_call(session: AccountSession, fn: Callable[[AccountSession], T]) -> T:
    """Run ``fn(session)`` as is (no token refresh)."""
    return fn(session)


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
    if usage is not None:
        usage.watch(session.client)
    call(session, lambda s: s.client.delete_post(post_id))
    log.append(
        Action.POST_DELETED,
        slot=session.slot,
        account_id=session.account.user_id,
        handle=session.account.username,
        x_post_id=post_id,
    )


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
    if usage is not None:
        usage.watch(session.client)
    page = call(
        session,
        lambda s: s.client.user_posts(
            s.account.user_id, max_results=max_results, pagination_token=pagination_token
        ),
    )
    return page
