"""The developer account's pay-per-use credits and the sandbox's own billing ledger.

X bills the developer account (the agency's app), per resource it returns or creates, at the
prices of X's pricing page: a post read $0.005 (a post of the account's own timeline, "own
data", $0.001), a user read $0.010, creating a post $0.015
($0.20 with a URL), deleting one $0.010, setting media metadata $0.005. Reading the same post
or user again within one UTC day is free. Media upload itself is not billed.

The balance is unlimited unless a test (or a trainer) sets one through
``POST /_sandbox/credits``; once it is used up, every paid endpoint answers 402 with X's
credits-depleted problem until credits are added again. ``GET /_sandbox/billing`` shows the
ledger: billed events per month, account and kind, and their cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from humasdesk.sandbox.context import Ctx

PRICES: dict[str, Decimal] = {
    "post_read": Decimal("0.005"),
    "owned_read": Decimal("0.001"),
    "user_read": Decimal("0.010"),
    "post_create": Decimal("0.015"),
    "post_create_url": Decimal("0.20"),
    "post_delete": Decimal("0.010"),
    "media_metadata": Decimal("0.005"),
}
#: Repeats of these within one UTC day are free.
DAILY_DEDUP = frozenset({"post_read", "owned_read", "user_read"})

#: Endpoints that cost credits; with none left they answer 402 before doing anything.
PAID_ROUTES = frozenset(
    {
        "GET /2/users/me",
        "POST /2/tweets",
        "DELETE /2/tweets/:id",
        "GET /2/tweets/:id",
        "GET /2/tweets",
        "GET /2/users/:id/tweets",
        "GET /2/users/:id/mentions",
        "POST /2/media/metadata",
    }
)

CREDITS_DEPLETED_TYPE = "https://api.x.com/2/problems/credits-depleted"


@dataclass
class Billing:
    balance: str | None = None  # US dollars left; None: unlimited
    day: str = ""  # the UTC day `seen` belongs to
    seen: set[str] = field(default_factory=set)  # "kind:id" billed on `day`
    # month -> user id -> kind -> count
    counts: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"balance": self.balance, "day": self.day, "seen": sorted(self.seen),
                "counts": self.counts}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Billing:
        if not data:
            return cls()
        return cls(
            balance=data.get("balance"),
            day=str(data.get("day", "")),
            seen=set(data.get("seen", ())),
            counts={
                m: {u: dict(k) for u, k in users.items()}
                for m, users in data.get("counts", {}).items()
            },
        )

    @property
    def depleted(self) -> bool:
        return self.balance is not None and Decimal(self.balance) <= 0

    def report(self) -> dict[str, Any]:
        months: dict[str, Any] = {}
        for month, users in sorted(self.counts.items()):
            out_users: dict[str, Any] = {}
            total = Decimal(0)
            for user_id, kinds in sorted(users.items()):
                usd = sum((PRICES[k] * n for k, n in kinds.items()), Decimal(0))
                total += usd
                out_users[user_id] = {"events": dict(sorted(kinds.items())), "usd": str(usd)}
            months[month] = {"accounts": out_users, "usd": str(total)}
        return {"balance": self.balance, "prices": {k: str(v) for k, v in PRICES.items()},
                "months": months}  # fmt: skip


def _day_month(now: float) -> tuple[str, str]:
    d = datetime.fromtimestamp(now, tz=UTC)
    return d.strftime("%Y-%m-%d"), d.strftime("%Y-%m")


def charge(ctx: Ctx, kind: str, resource_id: str) -> None:
    """Bill one event to the calling account (a same-day repeat of a read is free)."""
    billing = ctx.state.billing
    day, month = _day_month(ctx.now)
    if billing.day != day:
        billing.day, billing.seen = day, set()
    if kind in DAILY_DEDUP:
        key = f"{kind}:{resource_id}"
        if key in billing.seen:
            return
        billing.seen.add(key)
    kinds = billing.counts.setdefault(month, {}).setdefault(ctx.user.id, {})
    kinds[kind] = kinds.get(kind, 0) + 1
    if billing.balance is not None:
        billing.balance = str(Decimal(billing.balance) - PRICES[kind])


def charge_reads(ctx: Ctx, body: dict[str, Any], post_kind: str = "post_read") -> None:
    """Bill the posts and users a read answer holds (``data`` and ``includes``); the
    account's own timeline bills its posts as ``owned_read``."""
    data = body.get("data")
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    includes = body.get("includes") or {}
    for post in [*items, *includes.get("tweets", ())]:
        own = post_kind == "owned_read" and post in items
        charge(ctx, post_kind if own else "post_read", str(post["id"]))
    for user in includes.get("users", ()):
        charge(ctx, "user_read", str(user["id"]))


def depleted_problem(client_id: str) -> dict[str, Any]:
    return {
        "title": "CreditsDepleted",
        "detail": (
            f"Your enrolled account [{client_id}] does not have any credits to fulfill this "
            "request."
        ),
        "type": CREDITS_DEPLETED_TYPE,
        "status": 402,
    }
