"""What X's pay-per-use API costs this month for one account (pure).

Rates are X's published credits (X-API-NOTES.md) and live only here; settings may override
them with a ``CostRates`` built from the settings values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from humasdesk.core.textlength import find_urls


@dataclass(frozen=True)
class CostRates:
    """US dollars per event."""

    post: Decimal = Decimal("0.015")
    post_with_url: Decimal = Decimal("0.20")
    read: Decimal = Decimal("0.005")
    delete: Decimal = Decimal("0.010")


DEFAULT_RATES = CostRates()


@dataclass(frozen=True)
class UsageCounts:
    """Counts of billed events for one account in one month."""

    posts: int = 0  # posts and replies without a URL
    url_posts: int = 0  # posts and replies containing a URL
    reads: int = 0  # posts read (mentions fetched, own posts looked up)
    deletes: int = 0

    def __add__(self, other: UsageCounts) -> UsageCounts:
        return UsageCounts(
            self.posts + other.posts,
            self.url_posts + other.url_posts,
            self.reads + other.reads,
            self.deletes + other.deletes,
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
    )


def month_key(ts: datetime) -> str:
    """``"YYYY-MM"`` of a UTC time: X bills per calendar month."""
    return (ts.astimezone(UTC) if ts.tzinfo else ts).strftime("%Y-%m")
