"""`humasdesk schedule`, `outbox --json` with due times and `sync` sending what is due and
marking what is missed, in-process with an in-memory keyring, the sandbox over real HTTP and
a clock the test moves (the sandbox's clock moved to match).

If these break, IT staff's scripted announcements would go out at the wrong time, twice, or
hours late without anyone deciding, or a refusal would not say what to fix.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from keyring import errors as kerr

from humasdesk.commands import main
from tests.fakes import MemoryKeyring, RaisingKeyring

PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 200


class Clock:
    """The laptop's clock and the sandbox's, moved together: both run in real time plus the
    same offset (the sandbox's clock runs in real time too, so a fake clock that stood still
    between moves would drift from it on a slow machine)."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url
        self.offset = timedelta()

    @property
    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)
        r = requests.post(f"{self.base}/_sandbox/clock", json={"advance_s": seconds}, timeout=10)
        assert r.status_code == 200, r.text


@pytest.fixture
def env(tmp_path, sandbox, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    import time

    time.tzset()
    yield _Env(tmp_path / "data", sandbox.base_url)
    monkeypatch.delenv("TZ")
    time.tzset()


class _Env:
    def __init__(self, data: Path, base_url: str) -> None:
        self.data = data
        self.url = base_url
        self.keyring = MemoryKeyring()
        self.clock = Clock(base_url)

    def run(self, *args: str, keyring=None) -> int:
        return main(
            [*args, "--data-dir", str(self.data), "--sandbox-url", self.url]
            if args[0] in ("signin", "sync", "schedule")
            else [*args, "--data-dir", str(self.data)],
            keyring_backend=keyring or self.keyring,
            clock=self.clock,
        )

    def at(self, minutes: float) -> str:
        """The laptop's (WIB) wall-clock time `minutes` from now, as --at takes it."""
        return (self.clock.now + timedelta(minutes=minutes)).astimezone().strftime("%Y-%m-%d %H:%M")

    def posts(self, author: str) -> list[dict]:
        r = requests.get(f"{self.url}/_sandbox/posts", params={"author": author}, timeout=10)
        return r.json()["data"]


@pytest.fixture
def signed_in(env, capsys):
    assert env.run("signin", "office") == 0
    assert env.run("signin", "personal") == 0
    capsys.readouterr()
    return env


def _err(capsys) -> str:
    out = capsys.readouterr()
    lines = [line for line in out.err.splitlines() if line.strip()]
    assert len(lines) == 1, out.err
    return lines[0]


def test_schedule_then_outbox_json_shows_its_due_time(signed_in, capsys):
    env = signed_in
    assert env.run("schedule", "--account", "office", "--at", env.at(90), "--text",
                   "Layanan KTP keliling besok.", "--yes") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Dijadwalkan: #1 akun kantor @HumasDemo pada ") and "WIB" in out
    assert env.run("outbox", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["state"] == "scheduled" and row["account"] == "office"
    assert row["text"] == "Layanan KTP keliling besok." and row["x_post_id"] is None
    due = datetime.fromisoformat(row["due_at"])
    assert row["due_at"].endswith("+07:00")
    assert abs(due - (env.clock.now + timedelta(minutes=90))) < timedelta(minutes=1)


def test_schedule_with_a_zone(signed_in, capsys):
    env = signed_in
    assert env.run("schedule", "--account", "personal", "--at", "2027-01-05 08:00", "--tz",
                   "WITA", "--text", "Salam dari Makassar.") == 0  # fmt: skip
    assert "2027-01-05 08:00 WITA" in capsys.readouterr().out
    env.run("outbox", "--json")
    (row,) = json.loads(capsys.readouterr().out)
    assert row["due_at"] == "2027-01-05T07:00:00+07:00"  # shown in the laptop's zone (WIB)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--at", "2020-01-01 07:00"], "sudah lewat"),
        (["--at", "2027-02-29 07:00"], "tidak ada di kalender"),
        (
            ["--at", "2027-01-05 07:00", "--tz", "Asia/Bandung"],
            "zona waktu 'Asia/Bandung' tidak dikenal",
        ),
        (["--at", "2031-01-01 07:00"], "lebih dari setahun lagi"),
        (["--at", "besok pagi"], "tidak terbaca"),
    ],
)
def test_every_time_refusal_is_one_line_exit_1(signed_in, capsys, args, expected):
    env = signed_in
    code = env.run("schedule", "--account", "personal", "--text", "Halo", *args)
    assert code == 1
    line = _err(capsys)
    assert line.startswith("humasdesk schedule: galat: ") and expected in line
    env.run("outbox", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_office_needs_yes(signed_in, capsys):
    env = signed_in
    assert env.run("schedule", "--account", "office", "--at", env.at(60), "--text", "Resmi") == 1
    assert "perlu konfirmasi" in _err(capsys)


def test_length_and_media_rules(signed_in, capsys, tmp_path):
    env = signed_in
    assert env.run("schedule", "--account", "personal", "--at", env.at(60), "--text",
                   "x" * 281) == 1  # fmt: skip
    assert "terlalu panjang: 281/280" in _err(capsys)
    image = tmp_path / "poster.png"
    image.write_bytes(PNG)
    assert env.run("schedule", "--account", "personal", "--at", env.at(60), "--text", "Poster",
                   "--image", str(image)) == 1  # fmt: skip
    assert "tanpa deskripsi" in _err(capsys)
    assert env.run("schedule", "--account", "personal", "--at", env.at(60), "--text", "Poster",
                   "--image", str(tmp_path / "tidak-ada.png"), "--alt", "x") == 1  # fmt: skip
    assert "tidak dapat dibaca" in _err(capsys)
    assert env.run("schedule", "--account", "personal", "--at", env.at(60), "--text", "Poster",
                   "--image", str(image), "--alt", "Poster layanan") == 0  # fmt: skip


def test_cross_account_duplicate_is_refused(signed_in, capsys):
    env = signed_in
    assert env.run("schedule", "--account", "office", "--at", env.at(60), "--text",
                   "Jalan ditutup sementara.", "--yes") == 0  # fmt: skip
    assert env.run("schedule", "--account", "personal", "--at", env.at(600), "--text",
                   "Jalan ditutup sementara.") == 1  # fmt: skip
    assert "akun kantor" in _err(capsys)


def test_quiet_period_needs_a_second_confirmation(signed_in, capsys):
    env = signed_in
    (env.data / "settings.json").write_text(json.dumps({"quiet_office": "00.00-23.59"}))
    args = ["schedule", "--account", "office", "--at", env.at(60), "--text", "Malam", "--yes"]
    assert env.run(*args) == 1
    assert "masa tenang akun kantor" in _err(capsys)
    assert env.run(*args, "--in-quiet-period") == 0


def test_sync_sends_what_is_due_and_marks_what_is_missed(signed_in, capsys):
    """Two posts: one due in 2 minutes, one whose time passes while 'the laptop is off'."""
    env = signed_in
    assert env.run("schedule", "--account", "personal", "--at", env.at(2), "--text",
                   "Tepat waktu.") == 0  # fmt: skip
    assert env.run("schedule", "--account", "personal", "--at", env.at(4), "--text",
                   "Akan terlewat.") == 0  # fmt: skip
    capsys.readouterr()
    assert env.run("sync") == 0
    assert "kotak keluar: tidak ada kiriman yang jatuh tempo" in capsys.readouterr().out
    env.clock.advance(150)
    assert env.run("sync") == 0
    out = capsys.readouterr().out
    assert "slot pribadi @rina_humas: kotak keluar: 1 terkirim" in out
    assert [p["text"] for p in env.posts("rina_humas") if p["text"] == "Tepat waktu."] == [
        "Tepat waktu."
    ]
    env.clock.advance(60 * 60)  # the laptop slept for an hour
    assert env.run("sync") == 0
    out = capsys.readouterr().out
    assert "jadwal: 1 terlewat, tidak dikirim (#2 " in out and "WIB" in out
    assert not [p for p in env.posts("rina_humas") if p["text"] == "Akan terlewat."]
    env.run("outbox", "--json", "--all")
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[1]["state"] == "sent" and rows[1]["x_post_id"]
    assert rows[2]["state"] == "missed" and rows[2]["due_at"]
    assert env.run("verify") == 0


def test_keyring_locked_when_sync_runs_sends_nothing(signed_in, capsys):
    env = signed_in
    assert env.run("schedule", "--account", "personal", "--at", "now", "--text", "Segera.") == 0
    capsys.readouterr()
    assert env.run("sync", keyring=RaisingKeyring(kerr.KeyringLocked)) == 1
    assert "keyring sistem terkunci" in _err(capsys)
    env.run("outbox", "--json")
    (row,) = json.loads(capsys.readouterr().out)
    assert row["state"] == "scheduled"
    assert env.run("sync") == 0  # unlocked: it goes
    assert [p for p in env.posts("rina_humas") if p["text"] == "Segera."]


def test_database_locked_longer_than_syncs_patience(signed_in, capsys, monkeypatch):
    """The desk holds the write lock for longer than sync waits: nothing is sent, one line
    per step says why, the post stays scheduled and goes on the next run."""
    import sqlite3

    from humasdesk.store import database

    env = signed_in
    assert env.run("schedule", "--account", "personal", "--at", "now", "--text", "Nanti.") == 0
    capsys.readouterr()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(str(env.data / "humasdesk.db"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert env.run("sync") == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out = capsys.readouterr()
    assert "basis data sedang dikunci proses lain" in out.out
    assert not [p for p in env.posts("rina_humas") if p["text"] == "Nanti."]
    env.run("outbox", "--json")
    (row,) = json.loads(capsys.readouterr().out)
    assert row["state"] == "scheduled"
    assert env.run("sync") == 0
    assert len([p for p in env.posts("rina_humas") if p["text"] == "Nanti."]) == 1
