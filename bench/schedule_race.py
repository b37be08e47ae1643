"""Scheduled posts with the desk and `humasdesk sync` racing: exactly once, on time.

The parent schedules N posts (default 24, both accounts) through `Scheduler` on a database
file, due one every `--spacing` seconds from a few seconds ahead. Then it starts, all at
once and each a separate process:

* a *desk*: the desk's services over the file, one sending thread per account calling
  `Sender.send_due` in a loop (as the panes' workers do);
* `--syncs` (default 2) *sync loops*: `humasdesk sync` (the real command, `commands.main`)
  run again and again, back to back;

and SIGKILLs a random sync loop every `--kill-every` seconds (restarting it), so a kill
lands mid-send now and then. It waits until every post is on the sandbox (or the deadline),
stops the children, and counts on the sandbox (`GET /_sandbox/posts`): duplicates, lost,
sent before their time, and how late each went (sandbox `created_at` minus due time);
plus whether the activity log verifies and holds one `post_sent` per post and which
process sent it. The sandbox runs in its own process (or `--sandbox-url`). Ends with one
line of JSON.

    python bench/schedule_race.py [--posts 24] [--syncs 2] [--spacing 0.5] [--kill-every 1.5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import (
    ROOT,
    MemoryKeyring,
    distinct_posts,
    emit,
    percentile,
    run_id,
    sandbox,
    session_for,
    table,
)
from bench.crash import _token_json  # the tokens a child process is handed, as there

CHILD = r"""
import json, sys
from bench.schedule_race import child_main
child_main(sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))
"""


def _tokens(sessions_json: list[dict[str, Any]]) -> MemoryKeyring:
    """A keyring holding both slots' tokens where the desk and the commands look for them
    in practice mode (service ``humasdesk-practice``)."""
    from humasdesk.core.models import Slot, TokenSet
    from humasdesk.credentials import TokenStore
    from humasdesk.practice import KEYRING_SERVICE_PRACTICE

    ring = MemoryKeyring()
    store = TokenStore(KEYRING_SERVICE_PRACTICE, backend=ring)
    for s in sessions_json:
        store.save(
            Slot(s["slot"]),
            TokenSet(
                access_token=s["access_token"],
                refresh_token=s["refresh_token"],
                expires_at=s["expires_at"],
                scopes=tuple(s["scopes"]),
                user_id=s["user_id"],
                username=s["username"],
            ),
        )
    return ring


def child_main(role: str, data: str, base_url: str, sessions_json: list[dict[str, Any]]) -> None:
    """`sync`: run `humasdesk sync` back to back for ever. `desk`: the desk's senders."""
    ring = _tokens(sessions_json)
    if role == "sync":
        import contextlib
        import io

        from humasdesk.commands import main

        print("ready", flush=True)
        while True:
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                main(["sync", "--data-dir", data, "--sandbox-url", base_url], keyring_backend=ring)
            sent = out.getvalue().count(" terkirim") - out.getvalue().count(": 0 terkirim")
            if sent:
                print(f"sent {sent}", flush=True)
    else:
        from humasdesk.core.models import Slot
        from humasdesk.credentials import TokenStore
        from humasdesk.practice import KEYRING_SERVICE_PRACTICE
        from humasdesk.services.accounts import XEndpoint
        from humasdesk.services.desk_services import build_desk_services
        from humasdesk.services.session import PRACTICE_CLIENT_ID

        services = build_desk_services(
            Path(data) / "humasdesk.db",
            XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
            TokenStore(KEYRING_SERVICE_PRACTICE, backend=ring),
            undo_s=0,
        )
        sessions = [services.accounts.restore(slot) for slot in Slot]
        print("ready", flush=True)

        def loop(session: Any) -> None:
            while True:
                outcomes = services.sender.send_due(session, call=services.accounts.call)
                if outcomes:
                    print(f"sent {len(outcomes)}", flush=True)
                time.sleep(0.05)

        threads = [threading.Thread(target=loop, args=(s,), daemon=True) for s in sessions if s]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


#: Sends reported by each kind of sender ("desk", "sync"), read from the children's output.
SENT_BY: Counter[str] = Counter()
_READERS: dict[int, threading.Thread] = {}


def _spawn(role: str, data: Path, base_url: str, arg: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, role, str(data), base_url, arg],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )

    def read() -> None:
        assert proc.stdout is not None
        for line in iter(proc.stdout.readline, ""):
            if line.startswith("sent "):
                SENT_BY[role] += int(line.split()[1])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    _READERS[proc.pid] = reader
    return proc


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    err = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    reader = _READERS.pop(proc.pid, None)
    if reader is not None:
        reader.join(timeout=5)
    if proc.stdout:
        proc.stdout.close()
    return err or ""


def _posts(base_url: str) -> list[dict[str, Any]]:
    import requests

    r = requests.get(f"{base_url}/_sandbox/posts", timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def run_race(
    *,
    posts: int = 24,
    syncs: int = 2,
    spacing_s: float = 0.5,
    lead_s: float = 6.0,
    kill_every_s: float = 1.5,
    desk: bool = True,
    sandbox_url: str | None = None,
    seed: int = 1,
    deadline_s: float = 180.0,
    data_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Run the scenario and return its figures (see the module docstring)."""
    from humasdesk.core.activity import parse_ts
    from humasdesk.core.models import Slot
    from humasdesk.services.schedule import Scheduler
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import ConnectionFactory, open_database
    from humasdesk.store.outbox_store import OutboxStore

    rng = random.Random(seed)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-schedule-")
        data_dir = tmp.name
    data = Path(data_dir)
    db = data / "humasdesk.db"
    started = time.monotonic()
    with sandbox(sandbox_url) as base_url:
        sessions = {slot: session_for(slot, base_url, timeout=10.0) for slot in Slot}
        open_database(db).close()
        store = OutboxStore(ConnectionFactory(db))
        log = ActivityLog(ConnectionFactory(db))
        scheduler = Scheduler(store, log)
        first = datetime.now(UTC) + timedelta(seconds=lead_s)
        planned = distinct_posts(posts, list(Slot), rng, run_id())
        due: dict[str, datetime] = {}
        for i, (slot, text) in enumerate(planned):
            at = first + timedelta(seconds=i * spacing_s)
            r = scheduler.schedule(slot, sessions[slot].account, [text], at, confirmed=True)
            assert r.ok, r
            due[text] = r.items[0].due_at  # type: ignore[assignment]
        store.close()
        log.close()
        arg = json.dumps([_token_json(s) for s in sessions.values()])
        for s in sessions.values():
            s.client.close()

        SENT_BY.clear()
        procs: dict[str, subprocess.Popen[str]] = {}
        if desk:
            procs["desk"] = _spawn("desk", data, base_url, arg)
        for k in range(syncs):
            procs[f"sync{k}"] = _spawn("sync", data, base_url, arg)
        kills = 0
        errors: list[str] = []
        deadline = started + deadline_s
        next_kill = time.monotonic() + kill_every_s
        finished = False
        while time.monotonic() < deadline:
            on_x = {p["text"] for p in _posts(base_url) if p["text"] in due}
            if len(on_x) == len(due):
                finished = True
                break
            if kill_every_s > 0 and time.monotonic() >= next_kill and syncs:
                victim = f"sync{rng.randrange(syncs)}"
                time.sleep(rng.uniform(0.0, 0.2))
                _stop(procs[victim])
                kills += 1
                procs[victim] = _spawn("sync", data, base_url, arg)
                next_kill = time.monotonic() + kill_every_s
            for name, proc in procs.items():
                if proc.poll() is not None:
                    errors.append(f"{name}: {_stop(proc).strip()[-500:]}")
                    procs[name] = _spawn("desk" if name == "desk" else "sync", data, base_url, arg)
            time.sleep(0.1)
        # Let a send in flight finish its commits, then stop everyone.
        time.sleep(1.0)
        for proc in procs.values():
            _stop(proc)

        copies: Counter[str] = Counter()
        late: list[float] = []
        early = 0
        for p in _posts(base_url):
            text = p["text"]
            if text not in due:
                continue
            copies[text] += 1
            created = datetime.fromisoformat(p["created_at"].replace("Z", "+00:00"))
            delta = (created - due[text]).total_seconds()
            if copies[text] == 1:
                late.append(delta)
            early += delta < -1.0  # the sandbox stamps whole seconds... and its own clock
        log = ActivityLog(ConnectionFactory(db))
        result = log.verify()
        sent_entries: Counter[Any] = Counter()
        for e in log.iter_entries():
            if str(e.action) == "post_sent":
                sent_entries[e.details.get("outbox_id")] += 1
        log.close()
        conn = sqlite3.connect(str(db))
        states = Counter(r[0] for r in conn.execute("SELECT state FROM outbox"))
        sent_at = [
            (parse_ts(a) - parse_ts(b)).total_seconds()
            for a, b in conn.execute("SELECT sent_at, due_at FROM outbox WHERE state = 'sent'")
        ]
        conn.close()
    if tmp is not None:
        tmp.cleanup()
    return {
        "posts": posts,
        "senders": syncs + int(desk),
        "on_x": len(copies),
        "duplicates": sum(n - 1 for n in copies.values()),
        "lost": posts - len(copies),
        "sent_early": early + sum(1 for d in sent_at if d < 0),
        "late_p50_s": round(percentile(sorted(late), 50), 2),
        "late_max_s": round(max(late, default=0.0), 2),
        "sync_kills": kills,
        "sent_by_desk": SENT_BY["desk"],
        "sent_by_sync": SENT_BY["sync"],
        "child_errors": errors[:3],
        "finished": finished,
        "seconds": round(time.monotonic() - started, 1),
        "outbox_states": dict(states),
        "log_post_sent": sum(sent_entries.values()),
        "log_posts_missing": posts - len(sent_entries),
        "log_posts_twice": sum(1 for v in sent_entries.values() if v > 1),
        "log_verifies": result.ok,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--posts", type=int, default=24)
    p.add_argument("--syncs", type=int, default=2, help="sync loops racing the desk")
    p.add_argument("--no-desk", action="store_true", help="only the sync loops")
    p.add_argument("--spacing", type=float, default=0.5, help="seconds between due times")
    p.add_argument("--kill-every", type=float, default=1.5, help="SIGKILL a sync loop, s (0: no)")
    p.add_argument("--sandbox-url", default=None)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--deadline", type=float, default=180.0)
    opts = p.parse_args()
    fig = run_race(
        posts=opts.posts,
        syncs=opts.syncs,
        desk=not opts.no_desk,
        spacing_s=opts.spacing,
        kill_every_s=opts.kill_every,
        sandbox_url=opts.sandbox_url,
        seed=opts.seed,
        deadline_s=opts.deadline,
    )
    print(
        table(
            [(k, v) for k, v in fig.items() if k != "child_errors"],
            ("figure", "value"),
        )
    )
    emit(fig)
    ok = fig["duplicates"] == 0 and fig["lost"] == 0 and fig["sent_early"] == 0
    return 0 if ok and fig["log_verifies"] else 1


if __name__ == "__main__":
    sys.exit(main())
