"""Fixtures for scheduled posts: the desk services' fixtures (a real SQLite file, the
sandbox over real HTTP, a clock the test moves) plus the scheduler wired to the sender."""

from __future__ import annotations

import pytest

from humasdesk.services.schedule import Scheduler
from tests.desk_services.conftest import (  # noqa: F401  (fixtures)
    Clock,
    Control,
    clock,
    control,
    db_path,
    factory,
    log,
    mentions_store,
    office,
    outbox,
    personal,
    sender,
    store,
    sync,
)


@pytest.fixture
def scheduler(store, log, clock, sender) -> Scheduler:  # noqa: F811
    s = Scheduler(store, log, clock)
    sender.scheduler = s
    return s
