"""Fixtures for the export tests: a real SQLite log under tmp_path with both slots, and an
in-memory keyring backend object for the signing key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from humasdesk.core.models import Slot
from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
from humasdesk.store import ActivityLog, open_database
from tests.fakes import MemoryKeyring

WIB = timezone(timedelta(hours=7), "WIB")
T0 = datetime(2024, 5, 1, 1, 0, tzinfo=UTC)  # 08:00 WIB

POST_TEXT = 'Jadwal layanan, "baru"\nbaris dua'
CITIZEN_TEXT = "Jalan rusak, hubungi 081234567890 atau warga@contoh.id"
PRIVATE_TEXT = "Makan siang bersama keluarga"
OFFICIAL_TEXT = "Kunjungan kerja ke kecamatan"
MENTION_ID = "1790000000000000002"


def build_sample(log: ActivityLog) -> None:
    """Seq 1–8: both slots, a mention with citizen data, a reply, an official-capacity
    personal post (5), a private personal post (6), a formula-looking post in June (8)."""
    o = {"slot": Slot.OFFICE, "account_id": "100", "handle": "humas_kota"}
    p = {"slot": Slot.PERSONAL, "account_id": "200", "handle": "budi_kahumas"}
    log.append("signed_in", ts=T0, **o)
    log.append(
        "post_sent",
        ts=T0 + timedelta(hours=1),
        text=POST_TEXT,
        x_post_id="1790000000000000001",
        **o,
    )
    log.append(
        "mention_received",
        ts=T0 + timedelta(hours=2),
        x_post_id=MENTION_ID,
        citizen_handle="@warga_satu",
        citizen_text=CITIZEN_TEXT,
        **o,
    )
    log.append(
        "reply_sent",
        ts=T0 + timedelta(hours=3),
        in_reply_to=MENTION_ID,
        x_post_id="1790000000000000003",
        text="Terima kasih, segera kami tindak lanjuti",
        **o,
    )
    log.append(
        "post_sent",
        ts=T0 + timedelta(hours=4),
        text=OFFICIAL_TEXT,
        x_post_id="1790000000000000004",
        details={"official_capacity": True},
        **p,
    )
    log.append(
        "post_sent",
        ts=T0 + timedelta(hours=5),
        text=PRIVATE_TEXT,
        x_post_id="1790000000000000005",
        **p,
    )
    log.append("mention_handled", ts=T0 + timedelta(hours=6), x_post_id=MENTION_ID, **o)
    log.append(
        "post_sent",
        ts=datetime(2024, 6, 3, 2, 0, tzinfo=UTC),
        text="=SUM(1+1) bukan rumus",
        x_post_id="1790000000000000006",
        **o,
    )


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def system_keyring(monkeypatch: pytest.MonkeyPatch, keyring_backend: MemoryKeyring):
    """Make the in-memory backend the "system keyring" for code that asks for the default
    (the command line)."""
    monkeypatch.setattr("humasdesk.credentials.backends.default_backend", lambda: keyring_backend)
    return keyring_backend


@pytest.fixture
def db_file(data_dir: Path) -> Path:
    path = data_dir / "humasdesk.db"
    db = open_database(path, synchronous="NORMAL")
    try:
        build_sample(ActivityLog(db))
    finally:
        db.close()
    return path


@pytest.fixture
def log(db_file: Path) -> Iterator[ActivityLog]:
    db = open_database(db_file, synchronous="NORMAL")
    try:
        yield ActivityLog(db, clock=lambda: datetime(2024, 7, 1, tzinfo=UTC))
    finally:
        db.close()


@pytest.fixture
def signer(keyring_backend: MemoryKeyring, data_dir: Path) -> ExportSigner:
    return ExportSigner(backend=keyring_backend, public_key_path=data_dir / PUBLIC_KEY_FILENAME)
