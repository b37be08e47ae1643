"""The activity log view and the export dialog, seen as the official sees them: in Bahasa
Indonesia (the desk's own translation, loaded by `indonesian_ui`), over a real SQLite log under
tmp_path. Expected texts are the Indonesian the official reads, written out.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from humasdesk.core.models import Slot
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.database import ConnectionFactory, open_database
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)

# Noon in western Indonesia: the same calendar day in any zone from UTC-5 to UTC+12.
DAY = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)

OFFICE = {"slot": Slot.OFFICE, "account_id": "100", "handle": "humas_kota"}
PERSONAL = {"slot": Slot.PERSONAL, "account_id": "200", "handle": "budi_kahumas"}

POST_ID = "1790000000000000002"
HOSTILE_TEXT = '<b>tebal</b> <img src=x> <a href="file:///etc/passwd">klik</a> jalan rusak'
BIRTHDAY_TEXT = "Selamat ulang tahun pak, semoga sehat"


def on_day(n: int) -> datetime:
    """Noon WIB on 2 Nov 2026 + n days."""
    return DAY + timedelta(days=n)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "humasdesk.db"
    open_database(path, synchronous="NORMAL").close()
    return path


@pytest.fixture
def activity_log(db_path: Path) -> Iterator[ActivityLog]:
    """The real log, one connection per thread (as the desk opens it)."""
    log = ActivityLog(ConnectionFactory(db_path, synchronous="NORMAL"))
    yield log
    log.close()


def build_sample(log: ActivityLog) -> None:
    """Seq 1–8 over November 2026, both accounts:

    1 office signed in (2 Nov) · 2 office post about "banjir" (3 Nov) · 3 office mention with
    HTML-looking citizen text (4 Nov) · 4 personal post (10 Nov) · 5 personal mention whose
    text is erased (11 Nov) · 6 office reply (20 Nov) · 7 an action from a newer version
    (21 Nov) · 8 the erasure record.
    """
    log.append("signed_in", ts=on_day(0), **OFFICE)
    log.append(
        "post_sent",
        ts=on_day(1),
        text="Posko banjir dibuka di Jalan Merdeka",
        x_post_id=POST_ID,
        **OFFICE,
    )
    log.append(
        "mention_received",
        ts=on_day(2),
        x_post_id="1790000000000000003",
        citizen_handle="@warga_satu",
        citizen_text=HOSTILE_TEXT,
        **OFFICE,
    )
    log.append("post_sent", ts=on_day(8), text="Makan siang bersama keluarga", **PERSONAL)
    log.append(
        "mention_received",
        ts=on_day(9),
        x_post_id="1790000000000000005",
        citizen_handle="@warga_dua",
        citizen_text=BIRTHDAY_TEXT,
        **PERSONAL,
    )
    log.append(
        "reply_sent",
        ts=on_day(18),
        in_reply_to="1790000000000000003",
        x_post_id="1790000000000000006",
        text="Terima kasih, segera kami tindak lanjuti",
        **OFFICE,
    )
    log.append("future_action", ts=on_day(19), **OFFICE)
    log.erase_personal([5], "permintaan warga")


def build_many(log: ActivityLog, n: int) -> None:
    """`n` office posts in November 2026, one every ten minutes."""
    for i in range(n):
        log.append(
            "post_sent",
            ts=on_day(0) + timedelta(minutes=10 * i),
            text=f"Informasi layanan nomor {i + 1}",
            x_post_id=str(1790000000000100000 + i),
            **OFFICE,
        )
