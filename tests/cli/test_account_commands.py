"""`humasdesk signin`, `signout`, `sync` and `outbox`: the desk's background work for IT
staff and OS timers, run as separate processes with the real keyring.

If these break, a timer's `humasdesk sync` would post twice what the open desk is sending,
or nothing at all; a command's sign-in would not be the one the desk shows; or a script
reading `outbox --json` would get times it cannot compare.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from humasdesk.commands import COMMANDS
from humasdesk.core.models import Account, Slot
from humasdesk.credentials import TokenStore
from humasdesk.paths import resolve_data_dir
from humasdesk.practice import KEYRING_SERVICE_PRACTICE, LOCK_NAME, x_target
from humasdesk.services.accounts import XEndpoint
from humasdesk.services.desk_services import build_desk_services
from humasdesk.services.outbox import Outbox
from humasdesk.services.session import PRACTICE_CLIENT_ID
from humasdesk.settings import Settings
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.database import ConnectionFactory
from humasdesk.store.outbox_store import OutboxStore

from .conftest import REPO, cli_env, humasdesk

OFFSET = re.compile(r"[+-]\d\d:\d\d$")


def keyring() -> TokenStore:
    return TokenStore(KEYRING_SERVICE_PRACTICE)


def desk_services_on(data: Path, base_url: str):
    """The services a desk builds over this data folder and this emulator."""
    paths = resolve_data_dir(data).ensure()
    return build_desk_services(
        paths.database, XEndpoint(PRACTICE_CLIENT_ID, base_url, 0), keyring(), undo_s=0
    )


def queue(data: Path, slot: Slot, texts: list[str]) -> list[int]:
    """Put posts in the outbox as the desk's composer does (due at once), without X."""
    tokens = keyring().load(slot)
    assert tokens is not None
    account = Account(tokens.user_id or "", tokens.username or "", tokens.username or "")
    store = OutboxStore(ConnectionFactory(resolve_data_dir(data).database))
    try:
        outbox = Outbox(store, undo_s=0)
        ids = []
        for text in texts:
            result = outbox.enqueue(slot, account, text, undo_s=0)
            assert result.ok, result.refusal
            ids += [i.id for i in result.items]
        return ids
    finally:
        store.close()


def posts_on(base_url: str, author: str) -> list[str]:
    r = requests.get(f"{base_url}/_sandbox/posts", params={"author": author}, timeout=10)
    assert r.status_code == 200, r.text
    return [p["text"] for p in r.json()["data"]]


def outbox_json(data: Path, *extra: str) -> list[dict]:
    r = humasdesk("outbox", "--json", "--data-dir", str(data), *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_help_lists_every_subcommand():
    """`humasdesk --help` is where IT staff find the commands."""
    r = humasdesk("--help")
    assert r.returncode == 0, r.stderr
    names = re.findall(r"^    (\S+)\s", r.stdout, flags=re.M)
    expected = {"sandbox", "self-test", "signin", "signout", "sync", "outbox", "export",
                "verify", "privacy", "rekap"}  # fmt: skip
    expected |= {"schedule"}  # issue 15
    expected |= {"metrics"}  # issue 16
    expected |= {"check", "aduan"}  # issue 17
    assert set(names) == expected
    assert set(COMMANDS) == expected  # every command module is in the tree


def test_signin_in_practice_mode_is_the_sign_in_the_desk_restores(tmp_path, real_keyring):
    """Practice mode signs in to the demo account without a browser; the token sits in the
    real keyring and the emulator's saved state knows it, so the desk started afterwards on
    this data folder is signed in. Sign-out revokes it at X and deletes it."""
    data = tmp_path / "data"
    r = humasdesk("signin", "office", "--sandbox", "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Masuk: slot kantor sebagai @HumasDemo (mode latihan)" in r.stdout
    tokens = keyring().load(Slot.OFFICE)
    assert tokens is not None and tokens.username == "HumasDemo"
    assert keyring().load(Slot.PERSONAL) is None

    paths = resolve_data_dir(data)
    target = x_target(paths, Settings.load(paths.settings), sandbox=True)  # as the desk does
    services = desk_services_on(data, target.endpoint().base_url)
    try:
        session = services.accounts.restore(Slot.OFFICE)
        assert session is not None and session.account.username == "HumasDemo"
        session.client.close()
        actions = [str(e.action) for e in services.log.iter_entries(LogFilter())]
        assert actions == ["signed_in"]
    finally:
        services.close()
        target.stop()

    again = humasdesk("signin", "office", "--sandbox", "--data-dir", str(data))
    assert again.returncode == 0 and "sudah masuk sebagai @HumasDemo" in again.stdout

    out = humasdesk("signout", "office", "--sandbox", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "akses dicabut di X" in out.stdout
    assert keyring().load(Slot.OFFICE) is None
    target = x_target(paths, Settings.load(paths.settings), sandbox=True)
    try:
        me = requests.get(
            f"{target.endpoint().base_url}/2/users/me",
            headers={"Authorization": f"Bearer {tokens.access_token}"},
            timeout=10,
        )
        assert me.status_code == 401  # revoked at X, not only forgotten here
    finally:
        target.stop()
    twice = humasdesk("signout", "office", "--sandbox", "--data-dir", str(data))
    assert twice.returncode == 0 and "belum masuk" in twice.stdout


def test_sync_with_the_desk_closed_sends_due_posts_and_the_desk_sees_them_later(
    tmp_path, real_keyring
):
    """An OS timer runs `sync` while the desk is closed: the due post goes out from the
    emulator started from the data folder's state, the outbox says so with times a script
    can compare, and the desk's emulator, started afterwards, has the post."""
    data = tmp_path / "data"
    for slot in ("office", "personal"):
        r = humasdesk("signin", slot, "--sandbox", "--data-dir", str(data))
        assert r.returncode == 0, r.stdout + r.stderr
    text = "Pengumuman jadwal pelayanan KTP hari Sabtu."
    (item_id,) = queue(data, Slot.OFFICE, [text])
    waiting = outbox_json(data)
    assert [(i["id"], i["state"], i["account"]) for i in waiting] == [(item_id, "queued", "office")]
    assert OFFSET.search(waiting[0]["created_at"]) and waiting[0]["sent_at"] is None

    r = humasdesk("sync", "--sandbox", "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "slot kantor @HumasDemo: kotak keluar: 1 terkirim" in r.stdout
    assert "slot pribadi @rina_humas: kotak keluar: tidak ada kiriman yang jatuh tempo" in r.stdout
    assert "slot pribadi @rina_humas: mention:" in r.stdout

    assert outbox_json(data) == []  # nothing waits any more
    (sent,) = outbox_json(data, "--all")
    assert sent["state"] == "sent" and sent["x_post_id"] and sent["text"] == text
    assert OFFSET.search(sent["sent_at"]) and sent["sent_at"] >= sent["created_at"]
    plain = humasdesk("outbox", "--all", "--data-dir", str(data))
    assert plain.stdout.split("\t")[:3] == [str(item_id), "sent", "office"]

    paths = resolve_data_dir(data)
    target = x_target(paths, Settings.load(paths.settings), sandbox=True)
    try:
        assert posts_on(target.endpoint().base_url, "HumasDemo").count(text) == 1
    finally:
        target.stop()


def test_sync_while_the_desk_is_open_uses_the_desks_emulator(tmp_path, real_keyring):
    """With the desk open in practice mode, a command talks to the desk's own emulator:
    the desk sees at once what the command posted and read, with no second emulator
    overwriting the first's state."""
    data = tmp_path / "data"
    paths = resolve_data_dir(data).ensure()
    desk = x_target(paths, Settings.load(paths.settings), sandbox=True)
    base = desk.endpoint().base_url
    try:
        assert json.loads((data / LOCK_NAME).read_text())["role"] == "desk"
        r = humasdesk("signin", "office", "--sandbox", "--data-dir", str(data))
        assert r.returncode == 0, r.stdout + r.stderr
        mention = requests.post(
            f"{base}/_sandbox/mentions",
            json={"to": "HumasDemo", "from": "warga_pasar", "text": "Pasar banjir, mohon cek"},
            timeout=10,
        )
        assert mention.status_code == 201
        text = "Tim sedang menuju lokasi banjir di pasar."
        queue(data, Slot.OFFICE, [text])
        r = humasdesk("sync", "--sandbox", "--data-dir", str(data))
        assert r.returncode == 0, r.stdout + r.stderr
        assert "kotak keluar: 1 terkirim" in r.stdout
        assert re.search(r"slot kantor @HumasDemo: mention: [1-9]\d* baru", r.stdout)
        assert posts_on(base, "HumasDemo").count(text) == 1  # in the desk's emulator, now
    finally:
        desk.stop()
    assert (data / LOCK_NAME).read_text() == ""  # released: the next one starts its own


def test_sync_racing_the_desks_sender_sends_each_post_once(tmp_path, real_keyring, sandbox):
    """The desk's worker and two `humasdesk sync` runs send from the same outbox at the
    same time, with X slow to answer (each post 'sending' for a while): every post reaches
    X exactly once and is recorded once."""
    data = tmp_path / "data"
    url = sandbox.base_url
    r = humasdesk("signin", "office", "--sandbox-url", url, "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    texts = [f"Info layanan nomor {n}: loket buka pukul 08.00." for n in range(12)]
    ids = queue(data, Slot.OFFICE, texts)
    slow = requests.post(
        f"{url}/_sandbox/faults",
        json={"count": 100, "delay_ms": 400, "path_prefix": "/2/tweets", "method": "POST"},
        timeout=10,
    )
    assert slow.status_code in (200, 201), slow.text

    services = desk_services_on(data, url)
    errors: list[BaseException] = []

    def desk_sender() -> None:  # what the office pane's worker does, round after round
        try:
            session = services.accounts.restore(Slot.OFFICE)
            assert session is not None
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                services.sender.send_due(session, call=services.accounts.call)
                states = {i.state.value for i in services.outbox.items(Slot.OFFICE)}
                if states == {"sent"}:
                    return
                time.sleep(0.05)
        except BaseException as exc:
            errors.append(exc)

    env_cmd = [sys.executable, "-m", "humasdesk", "sync", "--sandbox-url", url,
               "--data-dir", str(data)]  # fmt: skip
    worker = threading.Thread(target=desk_sender)
    worker.start()
    syncs = [
        subprocess.Popen(
            env_cmd, cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]  # fmt: skip
    try:
        outputs = [p.communicate(timeout=120) for p in syncs]
        worker.join(timeout=120)
        assert not errors, errors
        items = {i.id: i for i in services.outbox.items(Slot.OFFICE)}
        sent_entries = [e for e in services.log.iter_entries(LogFilter(actions={"post_sent"}))]
    finally:
        services.close()
    on_x = posts_on(url, "HumasDemo")
    assert [on_x.count(t) for t in texts] == [1] * len(texts)
    assert {items[i].state.value for i in ids} == {"sent"}
    assert len({items[i].x_post_id for i in ids}) == len(ids)
    assert sorted(e.x_post_id for e in sent_entries) == sorted(items[i].x_post_id for i in ids)
    for p, (out, err) in zip(syncs, outputs, strict=True):
        assert p.returncode == 0, out + err


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["sync"], 2, "tidak ada slot yang masuk"),
        (["signout", "office"], 0, "belum masuk"),
        (["signin", "kantor"], 2, "invalid choice"),
    ],
)
def test_nothing_signed_in_or_bad_words(tmp_path, real_keyring, sandbox, argv, code, says):
    """A timer on a laptop where nobody signed in gets exit 2 and one line saying what to
    do; a mistyped slot is bad usage."""
    data = tmp_path / "data"
    data.mkdir()
    empty = humasdesk("outbox", "--data-dir", str(data))  # no database yet: nothing created
    assert empty.returncode == 2 and "tidak ada log aktivitas" in empty.stderr
    assert not (data / "humasdesk.db").exists()
    desk = desk_services_on(data, sandbox.base_url)  # the desk made its database once
    desk.close()
    r = humasdesk(*argv, "--sandbox-url", sandbox.base_url, "--data-dir", str(data))
    assert r.returncode == code, r.stdout + r.stderr
    assert says in r.stdout + r.stderr
    if code:  # one line says what is wrong, after argparse's usage lines
        said = [line for line in r.stderr.splitlines() if ": galat: " in line]
        assert len(said) == 1 and r.stderr.strip().splitlines()[-1] == said[0]


def test_browser_sign_in_waits_for_xs_answer_and_gives_up_after_the_timeout(
    tmp_path, real_keyring, sandbox, capsys
):
    """The real X's way, practised on the emulator: the consent page opens in the browser,
    the command waits on the loopback listener and is signed in once X answers; with no
    answer it stops after --timeout with one line saying so, and nothing is kept."""
    from humasdesk.commands import main

    data = tmp_path / "data"
    opened: list[str] = []

    def browser_approves(url: str) -> None:  # the official presses "Authorize app"
        opened.append(url)
        threading.Thread(
            target=requests.get, args=(f"{url}&sandbox_user=HumasDemo",), kwargs={"timeout": 10}
        ).start()

    argv = ["signin", "office", "--browser", "--sandbox-url", sandbox.base_url,
            "--data-dir", str(data)]  # fmt: skip
    assert main([*argv, "--timeout", "20"], open_url=browser_approves) == 0
    assert len(opened) == 1 and "/authorize" in opened[0] and "code_challenge=" in opened[0]
    tokens = keyring().load(Slot.OFFICE)
    assert tokens is not None and tokens.username == "HumasDemo"

    silent = ["signin", "personal", *argv[2:], "--timeout", "1"]
    started = time.monotonic()
    capsys.readouterr()
    assert main(silent, open_url=opened.append) == 1
    assert time.monotonic() - started < 15
    err = capsys.readouterr().err
    assert err.strip() == (
        "humasdesk signin: galat: tidak ada jawaban dari peramban tepat waktu; ulangi"
    )
    assert keyring().load(Slot.PERSONAL) is None
