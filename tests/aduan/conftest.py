"""Fixtures for the register: a real SQLite file under tmp_path, a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from humasdesk.core.activity import Action
from humasdesk.core.models import Post, Slot
from humasdesk.core.wording import load_keyword_rules
from humasdesk.paths import rules_dirs
from humasdesk.services.aduan import CaseService
from humasdesk.services.mentions import MentionSync
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.aduan_store import AduanStore
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.privacy_store import PrivacyStore

WIB = timezone(timedelta(hours=7))
OFFICE_ID, PERSONAL_ID = "1700000000000000001", "1700000000000000002"


class Clock:
    """A clock the test sets; each reading moves it one millisecond (the log keeps order)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


class Desk:
    """The register's collaborators over one database, and ways to make citizens write."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        factory = ConnectionFactory(path, synchronous="NORMAL")
        self.clock = clock
        self.log = ActivityLog(factory, clock=clock)
        self.mentions_store = MentionsStore(factory)
        self.mentions = MentionSync(self.mentions_store, self.log, clock)
        self.store = AduanStore(factory)
        self.privacy = PrivacyStore(factory)
        self.cases = CaseService(self.store, self.log, clock, zone=WIB,
                                 keyword_rules=load_keyword_rules(rules_dirs()))  # fmt: skip
        self.log.append(Action.SIGNED_IN, slot=Slot.OFFICE, account_id=OFFICE_ID,
                        handle="HumasDemo")  # fmt: skip
        self.log.append(Action.SIGNED_IN, slot=Slot.PERSONAL, account_id=PERSONAL_ID,
                        handle="rina_humas")  # fmt: skip
        self._n = 0

    def mention(self, text: str, author: str = "warga_01", slot: Slot = Slot.OFFICE):
        """A citizen's mention arriving now (inbox row + `mention_received`)."""
        self._n += 1
        account = OFFICE_ID if slot is Slot.OFFICE else PERSONAL_ID
        post = Post(
            id=str(1800000000000000000 + self._n),
            text=text,
            author_id="9" + str(self._n),
            created_at=self.clock.now,
            author_username=author,
            author_name=author,
        )
        (m,) = self.mentions_store.add_new(slot, account, [post], self.clock())
        self.log.append(Action.MENTION_RECEIVED, slot=slot, account_id=account,
                        handle="HumasDemo" if slot is Slot.OFFICE else "rina_humas",
                        x_post_id=m.x_post_id, citizen_handle=author, citizen_text=text,
                        ts=post.created_at)  # fmt: skip
        return m

    def complaint(self, text: str, category=None, **kw):
        m = self.mention(text, **kw)
        self.mentions.tag_complaint(m.x_post_id)
        return self.cases.open_case(m.x_post_id, category)

    def reply(self, case, reply_id: str = "1900000000000000001") -> None:
        """The account's reply to the case's mention went out (what the Sender records)."""
        self.mentions_store.mark_replied(case.mention_id, reply_id, self.clock())
        self.log.append(Action.REPLY_SENT, slot=case.slot, account_id=case.account_id,
                        handle="HumasDemo", x_post_id=reply_id, in_reply_to=case.mention_id,
                        text="Terima kasih, kami tindak lanjuti.")  # fmt: skip
        self.cases.refresh()

    def close(self) -> None:
        for s in (self.log, self.mentions_store, self.store, self.privacy):
            s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))  # Monday 08:00 WIB


@pytest.fixture
def desk(tmp_path: Path, clock: Clock) -> Iterator[Desk]:
    path = tmp_path / "humasdesk.db"
    open_database(path, synchronous="NORMAL").close()
    d = Desk(path, clock)
    yield d
    d.close()
