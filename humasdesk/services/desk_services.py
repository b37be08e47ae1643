"""Everything the desk's panes use, built once over one database file.

The composition root (`app.py`) and the tests build it the same way, so what is
tested is what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from humasdesk.core.cost import CostRates
from humasdesk.core.schedule import DEFAULT_GRACE
from humasdesk.core.snapshots import DEFAULT_BUDGET_USD
from humasdesk.credentials import TokenStorage
from humasdesk.services.accounts import AccountService, XEndpoint
from humasdesk.services.mentions import MentionSync
from humasdesk.services.metrics import MetricsService
from humasdesk.services.outbox import Outbox, Sender
from humasdesk.services.posting import utcnow
from humasdesk.services.schedule import QuietPeriods, Scheduler, _no_quiet
from humasdesk.services.timeline import OwnTimelineSync
from humasdesk.services.usage import CreditState, UsageMeter
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.database import ConnectionFactory
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.metrics_store import MetricsStore
from humasdesk.store.outbox_store import OutboxStore
from humasdesk.store.privacy_store import PrivacyStore
from humasdesk.store.safety import OpenReport, open_checked

if TYPE_CHECKING:
    from humasdesk.core.privacy import RetentionPolicy
    from humasdesk.services.aduan import CaseService
    from humasdesk.services.privacy import ErasureReport


@dataclass
class DeskServices:
    accounts: AccountService
    log: ActivityLog
    outbox: Outbox
    sender: Sender
    mentions: MentionSync
    usage: UsageMeter
    credits: CreditState  # the agency's X credit (used up: sending pauses, reading stops)
    outbox_store: OutboxStore
    mentions_store: MentionsStore
    open_report: OpenReport
    privacy: PrivacyStore
    schedule: Scheduler | None = None  # scheduled posts (issue 15)
    # Issue 16: every post on the record (own timeline) and its reach (metrics snapshots).
    metrics_store: MetricsStore | None = None
    timeline: OwnTimelineSync | None = None
    metrics: MetricsService | None = None
    aduan: CaseService | None = None  # issue 17: the complaint register

    def run_retention(self, policy: RetentionPolicy, now: datetime) -> ErasureReport | None:
        """The configured retention schedule (UU 27/2022): erase the handle and words of
        unanswered, untagged mentions past the period. None when nothing is due, so a
        start-up with nothing to erase adds nothing to the log. Raises `LeaseConflict`
        while an export runs (try again later; nothing was erased)."""
        from humasdesk.services.privacy import apply_retention, preview_retention

        if preview_retention(self.privacy, policy, now).mentions == 0:
            return None
        return apply_retention(self.log, self.privacy, policy, now, trigger="schedule")

    def close(self) -> None:
        self.privacy.close()
        self.log.close()
        self.outbox_store.close()
        self.mentions_store.close()
        if self.metrics_store is not None:
            self.metrics_store.close()
        if self.aduan is not None:
            self.aduan.store.close()


def rates_from(values: dict[str, str]) -> CostRates:
    """X's prices from settings (strings like "0.015"; a comma works as the decimal mark)."""

    def dec(key: str, default: Decimal) -> Decimal:
        try:
            return Decimal(values.get(key, "").strip().replace(",", "."))
        except ArithmeticError:
            return default

    base = CostRates()
    return CostRates(
        post=dec("rate_post", base.post),
        post_with_url=dec("rate_post_with_url", base.post_with_url),
        read=dec("rate_read", base.read),
        delete=base.delete,
    )


def budget_from(value: str) -> Decimal:
    """The monthly metrics budget from its setting ("2.00"; a comma works as the mark)."""
    try:
        budget = Decimal(str(value).strip().replace(",", "."))
    except ArithmeticError:
        return DEFAULT_BUDGET_USD
    return budget if budget >= 0 else DEFAULT_BUDGET_USD


def build_desk_services(
    database: Path,
    endpoint: XEndpoint,
    token_store: TokenStorage,
    *,
    office_handle: str = "",
    undo_s: float = 10,
    rates: CostRates | None = None,
    clock: Callable[[], datetime] | None = None,
    grace: timedelta | Callable[[], timedelta] | None = None,
    quiet: QuietPeriods | None = None,
    metrics_budget: Decimal | None = None,
) -> DeskServices:
    """Check, create or migrate the database (a damaged one is moved aside), then wire the
    services over it (one connection per thread: the panes' workers each get their own).
    `clock` (tests: a clock they move) is the outbox's, the sender's and the schedule's;
    `grace` and `quiet` are the schedule's (Settings → Jadwal)."""
    report = open_checked(database)
    factory = ConnectionFactory(database)
    log = ActivityLog(factory, clock=clock)
    outbox_store = OutboxStore(factory)
    mentions_store = MentionsStore(factory)
    usage = UsageMeter(outbox_store, rates=rates or CostRates())
    accounts = AccountService(
        endpoint, token_store, office_handle=office_handle, log=log, prepare_client=usage.watch
    )
    now = clock or utcnow
    sender = Sender(outbox_store, log, now, mentions=mentions_store, usage=usage)
    schedule = Scheduler(
        outbox_store, log, now, grace=grace or DEFAULT_GRACE, quiet=quiet or _no_quiet
    )
    sender.scheduler = schedule
    metrics_store = MetricsStore(factory)
    budget = metrics_budget if metrics_budget is not None else DEFAULT_BUDGET_USD
    return DeskServices(
        metrics_store=metrics_store,
        timeline=OwnTimelineSync(metrics_store, log, mentions_store, usage=usage),
        metrics=MetricsService(metrics_store, log, usage=usage, budget_usd=budget),
        accounts=accounts,
        log=log,
        outbox=Outbox(outbox_store, now, undo_s=undo_s),
        sender=sender,
        mentions=MentionSync(mentions_store, log, usage=usage),
        usage=usage,
        credits=usage.credits,
        outbox_store=outbox_store,
        mentions_store=mentions_store,
        open_report=report,
        privacy=PrivacyStore(factory),
        schedule=schedule,
        aduan=_case_service(factory, log, database),
    )


def _case_service(factory: ConnectionFactory, log: ActivityLog, database: Path) -> CaseService:
    """Issue 17: the complaint register over the same database."""
    from humasdesk.services.aduan import CaseService
    from humasdesk.store.aduan_store import AduanStore

    return CaseService(AduanStore(factory), log, database=database)
