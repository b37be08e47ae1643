"""Both panes' reach tabs discover the logged posts at the same moment (on the first start
over a long log, for minutes): the posts are read and registered once, not once per pane."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from humasdesk.core.activity import Action, NewEntry
from humasdesk.core.models import Slot
from humasdesk.services.metrics import MetricsService
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.metrics_store import MetricsStore

POSTS = 120


class CountingStore(MetricsStore):
    """The real store; counts the log entries each scan reads, slowly enough that two
    scans started together overlap."""

    def __init__(self, factory: ConnectionFactory) -> None:
        super().__init__(factory)
        self.read = 0
        self._count = threading.Lock()

    def posted_entries_after(self, seq: int, limit: int = 5000):
        entries = super().posted_entries_after(seq, limit=10)
        with self._count:
            self.read += len(entries)
        time.sleep(0.01)
        return entries


def test_two_panes_discovering_at_once_register_each_post_once(tmp_path):
    db = tmp_path / "humasdesk.db"
    open_database(db).close()
    factory = ConnectionFactory(db)
    log = ActivityLog(factory)
    t0 = datetime(2026, 11, 2, 8, tzinfo=UTC)
    log.append_many(
        [
            NewEntry(
                Action.POST_SENT,
                slot=Slot.OFFICE,
                account_id="1001",
                handle="HumasDemo",
                x_post_id=str(5000 + i),
                text=f"Pengumuman {i}.",
                ts=t0 + timedelta(minutes=i),
            )
            for i in range(POSTS)
        ]
    )
    store = CountingStore(factory)
    service = MetricsService(store, log)
    start = threading.Barrier(2)
    added: list[int] = []

    def pane() -> None:
        start.wait()
        added.append(service.discover())

    threads = [threading.Thread(target=pane) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(added) == [0, POSTS]
    assert store.read == POSTS  # the second pane found the scan done, nothing read twice
    assert len(store.posts("1001")) == POSTS
    store.close()
    log.close()
