"""Issue 15's "Done when", against the sandbox, with the laptop's and the sandbox's clocks
moved together instead of waiting: three posts scheduled from the command line two minutes
apart, `humasdesk sync` every 30 s; each post is on the sandbox exactly once, within one
sync period of its time. The same with the desk's senders running beside the sync loop.
One post due while "the laptop was off" (both clocks moved past it) is missed and listed,
not sent. (`scripts/schedule_done_when.py` runs the same in real time, as processes.)"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from humasdesk.commands import main
from humasdesk.core.models import Slot
from humasdesk.credentials import TokenStore
from humasdesk.practice import KEYRING_SERVICE_PRACTICE
from humasdesk.services.accounts import XEndpoint
from humasdesk.services.desk_services import build_desk_services
from humasdesk.services.session import PRACTICE_CLIENT_ID
from tests.cli.test_schedule_command import Clock
from tests.fakes import MemoryKeyring

SYNC_PERIOD = 30
RUN_S = 5  # at most how long one in-process `sync` run takes on a loaded test machine
TEXTS = [
    "Pukul tujuh: layanan Mal Pelayanan Publik dibuka.",
    "Pukul tujuh lewat dua: antrean daring tersedia.",
    "Pukul tujuh lewat empat: pengaduan lewat SP4N-LAPOR!.",
]


@pytest.fixture
def laptop(tmp_path, sandbox, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    ring = MemoryKeyring()
    clock = Clock(sandbox.base_url)
    data = tmp_path / "data"

    def run(*args: str) -> int:
        return main(
            [*args, "--data-dir", str(data), "--sandbox-url", sandbox.base_url],
            keyring_backend=ring, clock=clock,
        )  # fmt: skip

    assert run("signin", "office") == 0 and run("signin", "personal") == 0
    yield run, clock, data, ring, sandbox.base_url
    monkeypatch.delenv("TZ")
    time.tzset()


def _on_x(sandbox_posts, text):
    return [p for p in sandbox_posts if p["text"] == text]


def _posts(base_url):
    import requests

    return requests.get(f"{base_url}/_sandbox/posts", timeout=10).json()["data"]


def _schedule_three(run, clock) -> list[datetime]:
    # The first due time is the next whole minute at least a minute away (--at has minutes).
    start = (clock.now + timedelta(minutes=2)).astimezone().replace(second=0, microsecond=0)
    dues = [start + timedelta(minutes=2 * i) for i in range(3)]
    for text, due in zip(TEXTS, dues, strict=True):
        at = due.strftime("%Y-%m-%d %H:%M")
        assert run("schedule", "--account", "office", "--at", at, "--text", text, "--yes") == 0
    return dues


def _check_once_on_time(base_url, dues):
    posts = _posts(base_url)
    for text, due in zip(TEXTS, dues, strict=True):
        (post,) = _on_x(posts, text)  # exactly once
        created = datetime.fromisoformat(post["created_at"].replace("Z", "+00:00"))
        # One period, plus the moment a `sync` run itself takes (the clocks run in real
        # time between the moves, as a timer's runs do).
        late = created - due
        assert timedelta(0) <= late <= timedelta(seconds=SYNC_PERIOD + RUN_S), (text, late)


def test_desk_closed_sync_every_30_s_sends_each_once_on_time(laptop, capsys):
    run, clock, data, _ring, base_url = laptop
    dues = _schedule_three(run, clock)
    for _ in range(int((dues[-1] - clock.now).total_seconds() // SYNC_PERIOD) + 3):
        clock.advance(SYNC_PERIOD)
        assert run("sync") == 0
    _check_once_on_time(base_url, dues)
    assert main(["verify", "--data-dir", str(data)]) == 0  # the chain holds every step


def test_desk_open_and_sync_loop_beside_it(laptop, capsys):
    """The desk's senders pass every 5 s (as its timer does), `sync` every 30 s."""
    run, clock, data, ring, base_url = laptop
    dues = _schedule_three(run, clock)
    desk = build_desk_services(
        data / "humasdesk.db", XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
        TokenStore(KEYRING_SERVICE_PRACTICE, backend=ring), undo_s=0, clock=clock,
    )  # fmt: skip
    sessions = [desk.accounts.restore(slot) for slot in Slot]
    try:
        sent_by_desk = 0
        end = dues[-1] + timedelta(seconds=3 * SYNC_PERIOD)
        step = 0
        while clock.now < end:
            clock.advance(5)
            step += 1
            for s in sessions:
                sent_by_desk += len(desk.sender.send_due(s, call=desk.accounts.call))
            if step % (SYNC_PERIOD // 5) == 3:
                assert run("sync") == 0
    finally:
        for s in sessions:
            s.client.close()
        desk.close()
    _check_once_on_time(base_url, dues)
    assert sent_by_desk >= 1


def test_a_post_due_while_the_laptop_was_off_is_missed_and_listed(laptop, capsys):
    run, clock, data, _ring, base_url = laptop
    due = (clock.now + timedelta(minutes=3)).astimezone()
    at = due.strftime("%Y-%m-%d %H:%M")
    assert run("schedule", "--account", "personal", "--at", at, "--text", "Saat laptop mati.") == 0
    clock.advance(60 * 60)  # the laptop was off for an hour: both clocks move past it
    capsys.readouterr()
    assert run("sync") == 0
    out = capsys.readouterr().out
    assert "jadwal: 1 terlewat, tidak dikirim (#1 " in out
    assert not _on_x(_posts(base_url), "Saat laptop mati.")
    assert main(["outbox", "--json", "--data-dir", str(data)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["state"] == "missed"
    assert run("sync") == 0  # still not sent on the next pass
    assert not _on_x(_posts(base_url), "Saat laptop mati.")
