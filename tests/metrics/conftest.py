"""The desk's services for issue 16 over a real SQLite file and the sandbox over real HTTP,
on the sandbox's clock: the test moves the sandbox's time and the desk follows it, so posts,
mentions and readings carry the simulated times X would give them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests

from humasdesk.core.activity import Action
from humasdesk.core.models import Slot
from humasdesk.credentials import TokenStore
from humasdesk.services.accounts import AccountService, XEndpoint
from humasdesk.services.mentions import MentionSync
from humasdesk.services.metrics import MetricsService
from humasdesk.services.outbox import Outbox, Sender
from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES, AccountSession
from humasdesk.services.timeline import OwnTimelineSync
from humasdesk.services.usage import UsageMeter
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.metrics_store import MetricsStore
from humasdesk.store.outbox_store import OutboxStore
from tests.fakes import MemoryKeyring


class SandboxClock:
    """The sandbox's own time (real time plus what the test moved it)."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/_sandbox"
        self.offset = 0.0

    def epoch(self) -> float:
        import time

        return time.time() + self.offset

    def __call__(self) -> datetime:
        return datetime.fromtimestamp(self.epoch(), tz=UTC)

    def advance(self, seconds: float) -> None:
        r = requests.post(self.base + "/clock", json={"advance_s": seconds}, timeout=10)
        assert r.status_code == 200, r.text
        self.offset += seconds


class Control:
    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/_sandbox"

    def _send(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        r = requests.request(method, self.base + path, json=body, timeout=10)
        assert r.status_code < 300, r.text
        return r.json()["data"]

    def app_post(self, author: str, text: str, **extra: Any) -> dict[str, Any]:
        """A post made in X's own app (the phone, x.com)."""
        return self._send("POST", "/posts", {"author": author, "text": text, **extra})

    def app_delete(self, post_id: str) -> None:
        self._send("DELETE", f"/posts/{post_id}")

    def mention(self, to: str, sender: str, text: str) -> dict[str, Any]:
        return self._send("POST", "/mentions", {"to": to, "from": sender, "text": text})

    def fault(self, **body: Any) -> None:
        self._send("POST", "/faults", body)

    def posts(self, author: str) -> list[dict[str, Any]]:
        r = requests.get(self.base + "/posts", params={"author": author}, timeout=10)
        return r.json()["data"]

    def billing(self) -> dict[str, Any]:
        return self._send("GET", "/billing")


@dataclass
class Desk:
    clock: SandboxClock
    control: Control
    log: ActivityLog
    accounts: AccountService
    outbox: Outbox
    sender: Sender
    mentions: MentionSync
    mentions_store: MentionsStore
    timeline: OwnTimelineSync
    metrics: MetricsService
    metrics_store: MetricsStore
    usage: UsageMeter
    sessions: dict[Slot, AccountSession]

    def sign_in(self, slot: Slot) -> AccountSession:
        session = self.accounts.sign_in_headless(slot, PRACTICE_HANDLES[slot], self.sessions)
        self.sessions[slot] = session
        return session

    def sync(self, session: AccountSession) -> None:
        """One `humasdesk sync` pass for the slot, as `commands/sync.py` STEPS runs it."""
        call = self.accounts.call
        self.sender.send_due(session, call=call)
        assert self.mentions.sync(session, call=call).ok
        assert self.timeline.sync(session, call=call).ok
        self.metrics.take_due(session, call=call)

    def entries(self, action: Action | str) -> list:
        return [e for e in self.log.iter_entries() if str(e.action) == str(action)]


@pytest.fixture
def desk(sandbox, tmp_path: Path) -> Iterator[Desk]:
    db = tmp_path / "humasdesk.db"
    open_database(db, synchronous="NORMAL").close()
    factory = ConnectionFactory(db, synchronous="NORMAL")
    clock = SandboxClock(sandbox.base_url)
    log = ActivityLog(factory, clock=clock)
    outbox_store = OutboxStore(factory)
    mentions_store = MentionsStore(factory)
    metrics_store = MetricsStore(factory)
    usage = UsageMeter(outbox_store, clock)
    accounts = AccountService(
        XEndpoint(PRACTICE_CLIENT_ID, sandbox.base_url, 0),
        TokenStore("humasdesk-test-metrics", backend=MemoryKeyring()),
        clock=clock.epoch,
        log=log,
        prepare_client=usage.watch,
    )
    d = Desk(
        clock=clock,
        control=Control(sandbox.base_url),
        log=log,
        accounts=accounts,
        outbox=Outbox(outbox_store, clock, undo_s=0),
        sender=Sender(
            outbox_store, log, clock, mentions=mentions_store, usage=usage, rng=lambda: 1.0
        ),
        mentions=MentionSync(mentions_store, log, clock, usage=usage),
        mentions_store=mentions_store,
        timeline=OwnTimelineSync(metrics_store, log, mentions_store, clock, usage=usage),
        metrics=MetricsService(metrics_store, log, clock, usage=usage, budget_usd=Decimal("2")),
        metrics_store=metrics_store,
        usage=usage,
        sessions={},
    )
    yield d
    for s in d.sessions.values():
        s.client.close()
    for closeable in (metrics_store, mentions_store, outbox_store, log):
        closeable.close()
