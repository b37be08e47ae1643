"""Domain types that cross layers. Frozen dataclasses; no Qt, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Slot lives in its own module, so the desk's first paint imports none of the types here;
# `from humasdesk.core.models import Slot` goes on working.
from humasdesk.core.slot import Slot as Slot


@dataclass(frozen=True)
class Account:
    """An X account as X describes it (`GET /2/users/me`)."""

    user_id: str
    username: str
    name: str


@dataclass(frozen=True)
class Post:
    """A post on X (own posts, or a citizen's mention)."""

    id: str
    text: str
    author_id: str
    created_at: datetime | None = None
    author_username: str | None = None
    author_name: str | None = None
    in_reply_to_user_id: str | None = None
    conversation_id: str | None = None
    referenced: tuple[tuple[str, str], ...] = ()  # (type, id): replied_to / quoted / retweeted
    edit_history: tuple[str, ...] = ()  # X's edit_history_tweet_ids (oldest first)


@dataclass(frozen=True)
class MetricsLookup:
    """One ``GET /2/tweets?ids=`` answer: per post found, the metric groups X returned as X
    sent them (``public_metrics`` …, values possibly missing or null); the ids X said are
    gone (deleted), and those it refused (private metrics not allowed)."""

    found: Mapping[str, Mapping[str, Any]]
    missing: frozenset[str] = frozenset()
    refused: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Page:
    """One page of a timeline read from X, with X's paging metadata."""

    posts: tuple[Post, ...]
    result_count: int
    newest_id: str | None = None
    oldest_id: str | None = None
    next_token: str | None = None


@dataclass(frozen=True)
class RateLimit:
    """X's rate-limit headers for one endpoint and account."""

    limit: int
    remaining: int
    reset_at: datetime


@dataclass(frozen=True)
class TokenSet:
    """OAuth 2.0 user tokens for one account. The repr never shows a token."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: float  # epoch seconds
    scopes: tuple[str, ...] = ()
    user_id: str | None = None
    username: str | None = None

    def expires_within(self, seconds: float, now: float) -> bool:
        return self.expires_at - now <= seconds
