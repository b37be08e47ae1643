"""What X's pay-per-use API bills, and what a month costs (pure).

X bills the developer account per resource it returns or creates (its pricing page): a post
read $0.005 (a post of the account's own timeline, "own data", $0.001), a user read $0.010
(every author an ``expansions=author_id`` brings along), a
post created $0.015 ($0.20 when it holds a URL), a post deleted $0.010, media metadata (alt
text) $0.005. The same post or user read again within one UTC day is not billed again.
Rates live only here; settings may override them with a ``CostRates`` built from the
settings values. :func:`billable_events` reads them off X's answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from humasdesk.core.textlength import find_urls


class BillKind(StrEnum):
    POST_READ = "post_read"
    OWNED_READ = "owned_read"  # a post read from the account's own timeline (issue 16)
    USER_READ = "user_read"
    POST_CREATE = "post_create"
    POST_CREATE_URL = "post_create_url"
    POST_DELETE = "post_delete"
    MEDIA_METADATA = "media_metadata"


#: Reads of the same resource within one UTC day are billed once.
DAILY_DEDUP = frozenset({BillKind.POST_READ, BillKind.OWNED_READ, BillKind.USER_READ})


@dataclass(frozen=True)
class CostRates:
    """US dollars per event."""

    post: Decimal = Decimal("0.015")
    post_with_url: Decimal = Decimal("0.20")
    read: Decimal = Decimal("0.005")
    delete: Decimal = Decimal("0.010")
    user_read: Decimal = Decimal("0.010")
    media_metadata: Decimal = Decimal("0.005")
    owned_read: Decimal = Decimal("0.001")

    def of(self, kind: BillKind) -> Decimal:
        return {
            BillKind.POST_READ: self.read,
            BillKind.USER_READ: self.user_read,
            BillKind.POST_CREATE: self.post,
            BillKind.POST_CREATE_URL: self.post_with_url,
            BillKind.POST_DELETE: self.delete,
            BillKind.MEDIA_METADATA: self.media_metadata,
            BillKind.OWNED_READ: self.owned_read,
        }[kind]


DEFAULT_RATES = CostRates()


@dataclass(frozen=True)
class UsageCounts:
    """Counts of billed events for one account (or the whole app) in one month."""

    posts: int = 0  # posts and replies without a URL
    url_posts: int = 0  # posts and replies containing a URL
    reads: int = 0  # posts read (mentions fetched, own posts looked up)
    deletes: int = 0
    user_reads: int = 0  # users read (authors expanded with mentions)
    media_metadata: int = 0  # alt texts set
    owned_reads: int = 0  # posts read from the account's own timeline

    def __add__(self, other: UsageCounts) -> UsageCounts:
        return UsageCounts(
            self.posts + other.posts,
            self.url_posts + other.url_posts,
            self.reads + other.reads,
            self.deletes + other.deletes,
            self.user_reads + other.user_reads,
            self.media_metadata + other.media_metadata,
            self.owned_reads + other.owned_reads,
        )

    @classmethod
    def from_kinds(cls, counts: Mapping[str, int]) -> UsageCounts:
        return cls(
            posts=counts.get(BillKind.POST_CREATE, 0),
            url_posts=counts.get(BillKind.POST_CREATE_URL, 0),
            reads=counts.get(BillKind.POST_READ, 0),
            deletes=counts.get(BillKind.POST_DELETE, 0),
            user_reads=counts.get(BillKind.USER_READ, 0),
            media_metadata=counts.get(BillKind.MEDIA_METADATA, 0),
            owned_reads=counts.get(BillKind.OWNED_READ, 0),
        )


def has_url(text: str) -> bool:
    """True when X would bill ``text`` as a post with a URL."""
    return bool(find_urls(text))


def estimate_month(counts: UsageCounts, rates: CostRates = DEFAULT_RATES) -> Decimal:
    """Estimated cost in US dollars of the counted events."""
    return (
        counts.posts * rates.post
        + counts.url_posts * rates.post_with_url
        + counts.reads * rates.read
        + counts.deletes * rates.delete
        + counts.user_reads * rates.user_read
        + counts.media_metadata * rates.media_metadata
        + counts.owned_reads * rates.owned_read
    )


def month_key(ts: datetime) -> str:
    """``"YYYY-MM"`` of a UTC time: X bills per calendar month."""
    return (ts.astimezone(UTC) if ts.tzinfo else ts).strftime("%Y-%m")


def day_key(ts: datetime) -> str:
    """``"YYYY-MM-DD"`` of a UTC time: X's same-day repeats are free."""
    return (ts.astimezone(UTC) if ts.tzinfo else ts).strftime("%Y-%m-%d")


_READS = frozenset(
    {"GET /2/tweets/:id", "GET /2/tweets", "GET /2/users/:id/tweets", "GET /2/users/:id/mentions"}
)
OWN_TIMELINE = "GET /2/users/:id/tweets"


def billable_events(
    endpoint: str, status: int, body: Any, path_id: str | None = None, *, own: bool = False
) -> list[tuple[BillKind, str]]:
    """The events X bills for one answer: ``endpoint`` is the key ``"GET /2/users/:id/…"``,
    ``path_id`` the id in the path (the deleted post); ``own``: the timeline read is the
    calling account's own (its posts are "own data"). Failed answers are not billed."""
    if not 200 <= status < 300 or not isinstance(body, dict):
        return []
    data = body.get("data")
    out: list[tuple[BillKind, str]] = []
    if endpoint == "GET /2/users/me" and isinstance(data, dict) and "id" in data:
        out.append((BillKind.USER_READ, str(data["id"])))
    elif endpoint in _READS:
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        includes = body.get("includes") or {}
        kind = BillKind.OWNED_READ if own and endpoint == OWN_TIMELINE else BillKind.POST_READ
        for post in items:
            if isinstance(post, dict) and "id" in post:
                out.append((kind, str(post["id"])))
        for post in includes.get("tweets") or ():
            if isinstance(post, dict) and "id" in post:
                out.append((BillKind.POST_READ, str(post["id"])))
        for user in includes.get("users") or ():
            if isinstance(user, dict) and "id" in user:
                out.append((BillKind.USER_READ, str(user["id"])))
    elif endpoint == "POST /2/tweets" and isinstance(data, dict) and "id" in data:
        kind = BillKind.POST_CREATE_URL if has_url(str(data.get("text", ""))) else \
            BillKind.POST_CREATE  # fmt: skip
        out.append((kind, str(data["id"])))
    elif endpoint == "DELETE /2/tweets/:id" and isinstance(data, dict) and data.get("deleted"):
        out.append((BillKind.POST_DELETE, str(path_id or "")))
    elif endpoint == "POST /2/media/metadata" and isinstance(data, dict) and "id" in data:
        out.append((BillKind.MEDIA_METADATA, str(data["id"])))
    return out


#: The endpoints that cost credits; a 2xx from one shows the credits are there.
PAID_ENDPOINTS = frozenset(
    {"GET /2/users/me", "POST /2/tweets", "DELETE /2/tweets/:id", "POST /2/media/metadata"} | _READS
)
