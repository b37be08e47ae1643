"""What X bills the agency, counted from X's own answers, and whether its credits are left.

``UsageMeter.watch(client)`` puts a response hook on an account's X client: every answer is
read for what X bills (``core.cost.billable_events``), and recorded once per resource and
UTC day (X does not bill a same-day repeat of a read; the database's key makes the second
one a no-op, also across the two accounts, as X bills the developer account). So the meter
counts what was really read and written, user reads from ``expansions=author_id`` included,
without every service having to remember to count.

``CreditState`` is the developer account's pay-per-use balance as the desk knows it: a 402
(``CreditsDepleted``) marks it used up, any paid answer that succeeds marks it available
again. While it is used up, sending pauses (the queue is kept) and reading stops; the desk
probes again after ``probe_after`` or at once when the official presses *Coba lagi*.
No Qt; the hook runs on the worker thread that made the call.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from humasdesk.core.cost import (
    DAILY_DEDUP,
    DEFAULT_RATES,
    PAID_ENDPOINTS,
    CostRates,
    UsageCounts,
    billable_events,
    day_key,
    estimate_month,
    month_key,
)
from humasdesk.store.outbox_store import OutboxStore

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: While credits are used up, X is asked again this often (one call, not a queue's worth).
PROBE_AFTER = timedelta(minutes=15)


def utcnow() -> datetime:
    return datetime.now(UTC)


class CreditState:
    """Shared by every account's worker: the developer account's credits are the agency's."""

    def __init__(self, clock: Clock = utcnow, probe_after: timedelta = PROBE_AFTER) -> None:
        self._clock = clock
        self.probe_after = probe_after
        self._lock = threading.Lock()
        self._depleted_since: datetime | None = None
        self._probe_at: datetime | None = None
        self.message = ""

    @property
    def depleted(self) -> bool:
        return self._depleted_since is not None

    @property
    def depleted_since(self) -> datetime | None:
        return self._depleted_since

    @property
    def probe_at(self) -> datetime | None:
        """When X will be asked again (None: credits are available)."""
        return self._probe_at

    def blocked(self) -> bool:
        """True while nothing billable should be asked of X (used up, not yet time to probe)."""
        with self._lock:
            return self._probe_at is not None and self._clock() < self._probe_at

    def mark_depleted(self, message: str = "") -> None:
        with self._lock:
            now = self._clock()
            if self._depleted_since is None:
                self._depleted_since = now
                logger.warning("X credits are used up; sending paused, reading stopped")
            self._probe_at = now + self.probe_after
            self.message = message

    def mark_available(self) -> None:
        with self._lock:
            if self._depleted_since is not None:
                logger.info("X credits are available again; sending resumes")
            self._depleted_since = None
            self._probe_at = None
            self.message = ""

    def retry_now(self) -> None:
        """The official's *Coba lagi*: the next send round or sync asks X at once."""
        with self._lock:
            if self._depleted_since is not None:
                self._probe_at = self._clock()


def _endpoint(method: str, path: str) -> tuple[str, str | None]:
    from humasdesk.xapi.client import endpoint_key  # deferred: tweepy is slow to import

    key = endpoint_key(method, path)
    segments = path.split("?")[0].rstrip("/").split("/")
    path_id = segments[-1] if key.endswith(":id") else None
    return key, path_id


class UsageMeter:
    """Billed X events per account and month, deduplicated as X does; the month's cost."""

    def __init__(
        self,
        store: OutboxStore,
        clock: Clock = utcnow,
        rates: CostRates = DEFAULT_RATES,
        *,
        credits: CreditState | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.rates = rates
        self.credits = credits if credits is not None else CreditState(clock)

    # --- watching X's answers -----------------------------------------------------------------

    def watch(self, client: Any) -> None:
        """Count what X bills on every answer ``client`` (an ``XClient``) receives from now on;
        calling it again for the same client (from any meter) does nothing: one answer is
        counted once."""
        if getattr(client, "_usage_meter", None) is not None:
            return
        client._usage_meter = self
        client.session.hooks.setdefault("response", []).append(
            lambda response, *args, **kwargs: self._on_response(client, response)
        )

    def _on_response(self, client: Any, response: Any) -> None:
        # Never raise: a hook's exception would turn a good answer into an error.
        try:
            request = response.request
            key, path_id = _endpoint(request.method or "GET", request.path_url or "")
            if key not in PAID_ENDPOINTS:
                return
            status = response.status_code
            if status == 402:
                self.credits.mark_depleted()
                return
            if not 200 <= status < 300:
                return
            self.credits.mark_available()
            try:
                body = json.loads(response.content or b"null")
            except ValueError:
                return
            account_id = client.tokens.user_id
            segments = (request.path_url or "").split("?")[0].split("/")
            own = len(segments) > 3 and bool(account_id) and segments[3] == str(account_id)
            events = billable_events(key, status, body, path_id, own=own)
            if key == "GET /2/users/me" and events:
                account_id = events[0][1]  # the call that tells who the account is
            if events and account_id:
                self.record_events(str(account_id), events)
        except Exception:
            logger.warning("could not count an X answer for the cost estimate", exc_info=True)

    # --- recording and reading ------------------------------------------------------------

    def record_events(self, account_id: str, events: list[tuple[str, str]]) -> int:
        """Record billed ``(kind, resource_id)`` events; returns how many were billable (a
        same-day repeat of a read is not)."""
        now = self._clock()
        day = day_key(now)
        rows = []
        for kind, resource_id in events:
            if kind in DAILY_DEDUP:
                rows.append((day, str(kind), resource_id))
            else:  # each write is billed: its own row, even for the same id
                rows.append((day, str(kind), f"{resource_id}#{uuid.uuid4().hex}"))
        return self._store.add_billed(account_id, rows, now)

    def counts(self, account_id: str | None = None, month: str | None = None) -> UsageCounts:
        """Billed events in ``month`` (default: this one) for one account, or all (None)."""
        return UsageCounts.from_kinds(
            self._store.billed(month or month_key(self._clock()), account_id)
        )

    def estimate(self, account_id: str | None = None, month: str | None = None) -> Decimal:
        """Estimated cost in US dollars: one account, or the agency's whole bill (None)."""
        return estimate_month(self.counts(account_id, month), self.rates)
