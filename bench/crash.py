"""Crash benchmark: SIGKILL the sending process at random moments, restart it, repeat.

The parent queues N posts (default 40, both accounts) through `Outbox` on a database file,
then starts a child process that opens the desk services on that file and sends the queue
with `Sender.send_due` on two threads (one per account, as the desk's workers). The parent
kills the child with SIGKILL at a random moment (most kills while it sends, some while it
is still starting: opening the database, signing in), runs `PRAGMA integrity_check` on the
file, and starts it again — `--kills` times (default 20) — then lets the last child finish.

Counted on the sandbox (`GET /_sandbox/posts`): posts, on_x, duplicates, lost; plus every
integrity check, and whether the activity log verifies and holds one `post_sent` per post.
The sandbox runs in its own process (or `--sandbox-url`). Ends with one line of JSON.

    python bench/crash.py [--posts 40] [--kills 20] [--sandbox-url URL] [--seed 1]
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
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import (
    ROOT,
    SERVICE,
    MemoryKeyring,
    count_on_x,
    distinct_posts,
    emit,
    run_id,
    sandbox,
    session_for,
    table,
)

# The child: desk services over the database, one sending thread per account, until the
# queue is empty. It prints "ready" once it can send and "sent <id>" per post sent.
CHILD = r"""
import json, sys, threading, time
from bench.crash import child_main
child_main(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
"""


def _token_json(session: Any) -> dict[str, Any]:
    t = session.tokens
    return {
        "slot": session.slot.value,
        "user_id": session.account.user_id,
        "username": session.account.username,
        "name": session.account.name,
        "access_token": t.access_token,
        "refresh_token": t.refresh_token,
        "expires_at": t.expires_at,
        "scopes": list(t.scopes),
    }


def child_main(db: str, base_url: str, sessions_json: list[dict[str, Any]]) -> None:
    """Send everything queued in `db`; exit when nothing is left to send."""
    from humasdesk.core.models import Account, Slot, TokenSet
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.outbox import SendStatus
    from humasdesk.services.session import PRACTICE_CLIENT_ID, AccountSession
    from humasdesk.store.outbox_store import OutboxState
    from humasdesk.xapi.client import XClient

    services = build_desk_services(
        Path(db),
        XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
        FallbackTokenStore(TokenStore(SERVICE, backend=MemoryKeyring())),
        undo_s=0,
    )
    sender = services.sender
    sender.backoff_base_s, sender.backoff_cap_s = 0.2, 2.0
    sessions = []
    for s in sessions_json:
        tokens = TokenSet(
            access_token=s["access_token"],
            refresh_token=s["refresh_token"],
            expires_at=s["expires_at"],
            scopes=tuple(s["scopes"]),
            user_id=s["user_id"],
            username=s["username"],
        )
        sessions.append(
            AccountSession(
                slot=Slot(s["slot"]),
                account=Account(s["user_id"], s["username"], s["name"]),
                tokens=tokens,
                client=XClient(tokens, base_url=base_url, timeout=5.0),
            )
        )
    print("ready", flush=True)
    out_lock = threading.Lock()

    def open_items(slot: Slot) -> list[Any]:
        return [
            i
            for i in services.outbox_store.items(slot, limit=10**6)
            if i.state in (OutboxState.QUEUED, OutboxState.SENDING)
            or (i.state is OutboxState.FAILED and i.will_retry)
        ]

    failures: list[BaseException] = []

    def work(session: AccountSession) -> None:
        try:
            loop(session)
        except BaseException as exc:
            failures.append(exc)
            raise

    def call(session: AccountSession, fn: Any) -> Any:
        # The desk's `call` seam: tell the parent each time an X request returned, so it
        # can aim its kill at a random point between requests and commits.
        try:
            return fn(session)
        finally:
            with out_lock:
                print("x", flush=True)

    def loop(session: AccountSession) -> None:
        while True:
            outcomes = sender.send_due(session, call=call)
            for o in outcomes:
                with out_lock:
                    print(f"{o.status} {o.item_id}", flush=True)
            if not outcomes:
                if not open_items(session.slot):
                    return
                time.sleep(0.05)
            elif any(o.status is SendStatus.RATE_LIMITED for o in outcomes):
                return  # cannot happen below X's limits; the parent reports what is left

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    services.close()
    if failures:
        raise SystemExit(f"a sending thread failed: {failures[0]!r}")
    print("done", flush=True)


def _read_lines(proc: subprocess.Popen[str], out: list[str]) -> None:
    assert proc.stdout is not None
    for line in iter(proc.stdout.readline, ""):
        out.append(line)  # one by one: the parent watches the child's progress


def _close(proc: subprocess.Popen[str]) -> str:
    """Close the child's pipes; returns what it wrote to stderr."""
    err = ""
    if proc.stderr is not None:
        err = proc.stderr.read()
        proc.stderr.close()
    if proc.stdout is not None:
        proc.stdout.close()
    return err


def integrity(db: Path) -> str:
    conn = sqlite3.connect(str(db), timeout=30)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def open_posts(db: Path) -> int:
    conn = sqlite3.connect(str(db), timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
    finally:
        conn.close()


def run_crash(
    *,
    posts: int = 40,
    kills: int = 20,
    sandbox_url: str | None = None,
    seed: int = 1,
    max_delay_s: float = 0.03,
    deadline_s: float = 240.0,
    data_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Run the scenario and return its figures (see the module docstring)."""
    from humasdesk.core.models import Slot
    from humasdesk.services.outbox import Outbox
    from humasdesk.services.session import PRACTICE_HANDLES
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import ConnectionFactory, open_database
    from humasdesk.store.outbox_store import OutboxStore

    rng = random.Random(seed)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-crash-")
        data_dir = tmp.name
    db = Path(data_dir) / "humasdesk.db"
    started = time.monotonic()
    with sandbox(sandbox_url) as base_url:
        sessions = {slot: session_for(slot, base_url, timeout=10.0) for slot in Slot}
        open_database(db).close()
        store = OutboxStore(ConnectionFactory(db))
        outbox = Outbox(store, undo_s=0)
        planned = distinct_posts(posts, list(Slot), rng, run_id())
        for slot, text in planned:
            assert outbox.enqueue(slot, sessions[slot].account, text, undo_s=0).ok
        store.close()
        expected = {text: PRACTICE_HANDLES[slot] for slot, text in planned}
        arg = json.dumps([_token_json(s) for s in sessions.values()])
        env = dict(os.environ, PYTHONPATH=str(ROOT))

        checks: list[str] = []
        kill_log: list[tuple[int, str, float, int]] = []  # (n, phase, delay, sent lines seen)
        x_calls = 0
        finished = False
        deadline = started + deadline_s
        n = 0
        startup_s = 1.0
        # The parent reads the file only while no child runs (see the report: a reader in
        # another process while the desk runs can delete the desk's live WAL).
        remaining = open_posts(db)
        while time.monotonic() < deadline:
            proc = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(db), base_url, arg],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            spawned = time.monotonic()
            lines: list[str] = []
            reader = threading.Thread(target=_read_lines, args=(proc, lines), daemon=True)
            reader.start()
            if n < kills and remaining > 0:
                # One kill in four while the child is still starting (database, imports);
                # the rest at a random moment after it could start sending.
                if n % 4 == 3:
                    phase, delay = "start-up", rng.uniform(0.05, startup_s)
                    time.sleep(delay)
                else:
                    while "ready\n" not in lines and proc.poll() is None:
                        time.sleep(0.005)
                    startup_s = time.monotonic() - spawned
                    # Spread the kills over what is left to send: after a random number of
                    # posts (about remaining / kills left), then a random moment into the
                    # next send (an HTTP call and a few commits, tens of ms).
                    share = max(1, round(2 * remaining / (kills - n + 1)))
                    target = rng.randrange(share)
                    t0 = time.monotonic()
                    while proc.poll() is None and lines.count("x\n") < target:
                        time.sleep(0.002)
                    time.sleep(rng.uniform(0.0, max_delay_s))
                    phase, delay = f"after {target} X calls", time.monotonic() - t0
                killed = proc.poll() is None
                if killed:
                    proc.send_signal(signal.SIGKILL)
                proc.wait()
                reader.join(timeout=5)
                _close(proc)
                if killed:
                    n += 1
                    seen = lines.count("x\n")
                    x_calls += seen
                    kill_log.append((n, phase, round(delay, 3), seen))
                    checks.append(integrity(db))
                    remaining = open_posts(db)
                    continue
            else:
                try:
                    proc.wait(timeout=max(1.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                reader.join(timeout=5)
            x_calls += lines.count("x\n")
            err = _close(proc)
            if proc.returncode == 0 and "done\n" in lines:
                finished = True
                checks.append(integrity(db))
                break
            if proc.returncode != 0:
                raise RuntimeError(f"the sending child failed: {err.strip()[-2000:]}")

        counts = count_on_x(base_url, expected)
        log = ActivityLog(ConnectionFactory(db))
        result = log.verify()
        sent_entries: Counter[Any] = Counter()
        found = 0
        for e in log.iter_entries():
            if str(e.action) in ("post_sent", "reply_sent"):
                sent_entries[e.details.get("outbox_id")] += 1
                found += bool(e.details.get("found_on_x"))
        log.close()
        conn = sqlite3.connect(str(db))
        states = Counter(r[0] for r in conn.execute("SELECT state FROM outbox"))
        conn.close()
    if tmp is not None:
        tmp.cleanup()
    return {
        **counts,
        "kills": len(kill_log),
        "finished": finished,
        "seconds": round(time.monotonic() - started, 1),
        "integrity_checks": len(checks),
        "integrity_ok": sum(c == "ok" for c in checks),
        "integrity_bad": [c for c in checks if c != "ok"][:3],
        "kill_log": kill_log,
        "x_calls": x_calls,
        "outbox_states": dict(states),
        "found_on_x_after_restart": found,
        "log_post_sent": sum(sent_entries.values()),
        "log_posts_missing": posts - len(sent_entries),
        "log_posts_twice": sum(1 for v in sent_entries.values() if v > 1),
        "log_verifies": result.ok,
        "log_entries": result.checked,
    }


def report(fig: dict[str, Any]) -> None:
    print(
        f"posts={fig['posts']} on_x={fig['on_x']} duplicates={fig['duplicates']} "
        f"lost={fig['lost']} wrong_account={fig['wrong_account']}"
    )
    print(table(fig["kill_log"], ("kill", "when", "after s", "X calls returned in that run")))
    print(
        table(
            [
                ("kills", fig["kills"]),
                ("finished before deadline", fig["finished"]),
                ("seconds", fig["seconds"]),
                (
                    "integrity_check after each restart",
                    f"{fig['integrity_ok']}/{fig['integrity_checks']} ok",
                ),
                ("outbox states", fig["outbox_states"]),
                ("sent, found on X after a restart", fig["found_on_x_after_restart"]),
                (
                    "log post_sent (missing / twice)",
                    f"{fig['log_post_sent']} ({fig['log_posts_missing']} / "
                    f"{fig['log_posts_twice']})",
                ),
                ("activity log verifies", f"{fig['log_verifies']} ({fig['log_entries']} entries)"),
            ],
            ("figure", "value"),
        )
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--posts", type=int, default=40)
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--sandbox-url", default=None, help="an external sandbox (default: start one)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--max-delay", type=float, default=0.03, help="kill up to this long into the next send, s"
    )
    p.add_argument("--deadline", type=float, default=240.0)
    opts = p.parse_args()
    fig = run_crash(
        posts=opts.posts,
        kills=opts.kills,
        sandbox_url=opts.sandbox_url,
        seed=opts.seed,
        max_delay_s=opts.max_delay,
        deadline_s=opts.deadline,
    )
    report(fig)
    fig.pop("kill_log")
    emit(fig)
    ok = (
        fig["duplicates"] == 0
        and fig["lost"] == 0
        and fig["log_verifies"]
        and fig["integrity_ok"] == fig["integrity_checks"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
