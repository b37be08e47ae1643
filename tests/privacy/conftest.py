"""Fixtures for the privacy tests: a real SQLite file under tmp_path holding both slots'
activity and inbox, a privacy store, and an in-memory keyring for the signing key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from humasdesk.core.models import Post, Slot
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.store import ActivityLog, ConnectionFactory, open_database
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.outbox_store import OutboxStore
from humasdesk.store.privacy_store import PrivacyStore
from tests.fakes import MemoryKeyring

NOW = datetime(2025, 7, 1, 3, 0, tzinfo=UTC)
OFFICE = {"slot": Slot.OFFICE, "account_id": "100", "handle": "humas_kota"}
PERSONAL = {"slot": Slot.PERSONAL, "account_id": "200", "handle": "budi_kahumas"}

OLD_TEXT = "Lampu jalan mati, hubungi 081234567890"
ANSWERED_TEXT = "Kapan jadwal vaksin di puskesmas?"
COMPLAINT_TEXT = "Sampah menumpuk sudah seminggu di RT 03"
RECENT_TEXT = "Terima kasih infonya"
PERSONAL_MENTION_TEXT = "Pak, salam kenal dari warga"
SECOND_OLD_TEXT = "Jalan berlubang lagi dekat pasar"


class Clock:
    """A settable clock (every reading returns `now`)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Desk:
    path: Path
    log: ActivityLog
    privacy: PrivacyStore
    mentions: MentionsStore
    outbox: OutboxStore
    clock: Clock


def add_mention(desk: Desk, who: dict, x_id: str, author: str, text: str, ts: datetime) -> None:
    """What `MentionSync` does: inbox row, then a `mention_received` entry."""
    post = Post(
        id=x_id,
        text=text,
        author_id="9" + x_id[-4:],
        created_at=ts,
        author_username=author,
        author_name=author.title(),
    )
    desk.mentions.add_new(who["slot"], who["account_id"], [post], ts)
    desk.log.append(
        "mention_received",
        x_post_id=x_id,
        citizen_handle=author,
        citizen_text=text,
        ts=ts,
        **who,
    )


def seed(desk: Desk) -> None:
    """Office: an old unanswered mention (M1, @warga_lama), an old answered one (M2), an old
    aduan (M3), a recent unanswered one (M4), a recent one again from @warga_lama (M6), an
    office post and its reply. Personal: an old unanswered mention (M5) and a private post."""
    t = datetime(2024, 1, 5, 2, 0, tzinfo=UTC)
    log = desk.log
    log.append("signed_in", ts=t, **OFFICE)
    log.append("post_sent", ts=t, x_post_id="5001", text="Info layanan Dukcapil", **OFFICE)
    log.append("post_sent", ts=t, x_post_id="6001", text="Liburan keluarga", **PERSONAL)
    add_mention(desk, OFFICE, "1001", "warga_lama", OLD_TEXT, t + timedelta(days=5))
    add_mention(desk, OFFICE, "1002", "warga_dibalas", ANSWERED_TEXT, t + timedelta(days=6))
    log.append(
        "reply_sent",
        ts=t + timedelta(days=6, hours=1),
        x_post_id="5002",
        in_reply_to="1002",
        text="Jadwal vaksin setiap Senin, @warga_dibalas",
        **OFFICE,
    )
    desk.mentions.mark_replied("1002", "5002", t + timedelta(days=6, hours=1))
    add_mention(desk, OFFICE, "1003", "warga_aduan", COMPLAINT_TEXT, t + timedelta(days=7))
    desk.mentions.set_complaint("1003", True)
    log.append(
        "mention_tagged",
        ts=t + timedelta(days=7, hours=1),
        x_post_id="1003",
        details={"tag": "aduan"},
        **OFFICE,
    )
    add_mention(
        desk, PERSONAL, "1005", "warga_pribadi", PERSONAL_MENTION_TEXT, t + timedelta(days=8)
    )
    add_mention(desk, OFFICE, "1004", "warga_baru", RECENT_TEXT, datetime(2025, 6, 1, tzinfo=UTC))
    add_mention(
        desk, OFFICE, "1006", "Warga_Lama", SECOND_OLD_TEXT, datetime(2025, 6, 15, tzinfo=UTC)
    )


def open_desk(path: Path) -> Desk:
    """A seeded desk over the database file at `path` (close it with `close_desk`)."""
    open_database(path, synchronous="NORMAL").close()
    factory = ConnectionFactory(path, synchronous="NORMAL")
    clock = Clock(NOW)
    log = ActivityLog(factory, clock=clock)
    d = Desk(path, log, PrivacyStore(factory), MentionsStore(factory), OutboxStore(factory), clock)
    seed(d)
    return d


def close_desk(d: Desk) -> None:
    d.privacy.close()
    d.mentions.close()
    d.outbox.close()
    d.log.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    path = tmp_path / "humasdesk.db"
    open_database(path, synchronous="NORMAL").close()
    factory = ConnectionFactory(path, synchronous="NORMAL")
    clock = Clock(NOW)
    log = ActivityLog(factory, clock=clock)
    d = Desk(path, log, PrivacyStore(factory), MentionsStore(factory), OutboxStore(factory), clock)
    seed(d)
    try:
        yield d
    finally:
        d.privacy.close()
        d.mentions.close()
        d.outbox.close()
        log.close()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def signer(keyring_backend: MemoryKeyring, tmp_path: Path) -> ExportSigner:
    return ExportSigner(backend=keyring_backend, public_key_path=tmp_path / PUBLIC_KEY_FILENAME)


def seq_of(desk: Desk, x_id: str) -> int:
    row = (
        desk.privacy._conn()
        .execute(
            "SELECT seq FROM activity WHERE action = 'mention_received' AND x_post_id = ?", (x_id,)
        )
        .fetchone()
    )
    return int(row[0])
