"""Fixtures for the desk services: a real SQLite file, the sandbox over real HTTP, a clock
the test moves (anchored at the real time, since the sandbox dates posts by the real time)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from humasdesk.core.models import Slot
from humasdesk.services.mentions import MentionSync
from humasdesk.services.outbox import Outbox, Sender
from humasdesk.services.session import AccountSession, sign_in_practice
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.outbox_store import OutboxStore


class Clock:
    """Now, as the test says: starts at the real time and moves only when told."""

    def __init__(self) -> None:
        now = datetime.now(UTC)
        self.now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # the store keeps ms

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


class Control:
    """The sandbox's control API (/_sandbox/)."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/_sandbox"

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        r = requests.post(self.base + path, json=body, timeout=10)
        assert r.status_code < 300, r.text
        return r.json()["data"]

    def fault(self, **body: Any) -> None:
        self._post("/faults", body)

    def mention(self, to: str, sender: str, text: str) -> dict[str, Any]:
        return self._post("/mentions", {"to": to, "from": sender, "text": text})

    def credits(self, balance: str | None) -> None:
        self._post("/credits", {"balance": balance})

    def billing(self) -> dict[str, Any]:
        r = requests.get(self.base + "/billing", timeout=10)
        assert r.status_code == 200, r.text
        return r.json()["data"]

    def posts(self, author: str) -> list[dict[str, Any]]:
        r = requests.get(self.base + "/posts", params={"author": author}, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()["data"]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "humasdesk.db"
    open_database(path, synchronous="NORMAL").close()
    return path


@pytest.fixture
def factory(db_path: Path) -> ConnectionFactory:
    return ConnectionFactory(db_path, synchronous="NORMAL")


@pytest.fixture
def log(factory: ConnectionFactory, clock: Clock) -> Iterator[ActivityLog]:
    with ActivityLog(factory, clock=clock) as activity_log:
        yield activity_log


@pytest.fixture
def store(factory: ConnectionFactory) -> Iterator[OutboxStore]:
    s = OutboxStore(factory)
    yield s
    s.close()


@pytest.fixture
def mentions_store(factory: ConnectionFactory) -> Iterator[MentionsStore]:
    s = MentionsStore(factory)
    yield s
    s.close()


@pytest.fixture
def outbox(store: OutboxStore, clock: Clock) -> Outbox:
    return Outbox(store, clock)


@pytest.fixture
def sender(store: OutboxStore, log: ActivityLog, clock: Clock, mentions_store) -> Sender:
    return Sender(store, log, clock, mentions=mentions_store, rng=lambda: 1.0)


@pytest.fixture
def sync(mentions_store: MentionsStore, log: ActivityLog, clock: Clock) -> MentionSync:
    return MentionSync(mentions_store, log, clock)


@pytest.fixture
def control(sandbox) -> Control:
    return Control(sandbox.base_url)


def _session(slot: Slot, base_url: str) -> Iterator[AccountSession]:
    session = sign_in_practice(slot, base_url=base_url)
    try:
        yield session
    finally:
        session.client.close()


@pytest.fixture
def office(sandbox) -> Iterator[AccountSession]:
    yield from _session(Slot.OFFICE, sandbox.base_url)


@pytest.fixture
def personal(sandbox) -> Iterator[AccountSession]:
    yield from _session(Slot.PERSONAL, sandbox.base_url)
