"""Reliability benchmark: posts through the outbox while the sandbox fails at random.

N posts (default 200) across both accounts are queued through `Outbox` and sent by
`Sender.send_due` in a loop per account, on two threads (as the desk's workers do, through
`AccountService.call`). Meanwhile a chaos thread keeps injecting faults into the sandbox:
500, 503 and 429 answers, delays past the client's read time-out (the request is done on
X, the answer comes too late), dropped connections, and failures *after* the post was
committed (503 or a dropped connection after X stored it). Items the sender gives up on
after its automatic attempts are retried the way the official would (the Retry button).

A 429 (injected, or X's real 100-posts-per-15-minutes limit) pauses the account until X's
reset time; instead of sleeping 15 minutes, the benchmark moves the sandbox clock and the
sender's clock forward together.

Counted on the sandbox (`GET /_sandbox/posts`), not in the desk's own view:
posts, on_x, duplicates, lost; plus the faults injected/hit per kind and whether the
activity log verifies. Ends with one line of JSON.

    python bench/faults.py [--posts 200] [--sandbox-url URL] [--seed 1] [--deadline 240]
"""

from __future__ import annotations

import argparse
import random
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
    SERVICE,
    MemoryKeyring,
    add_fault,
    advance_clock,
    clear_faults,
    count_on_x,
    distinct_posts,
    emit,
    pending_faults,
    run_id,
    sandbox,
    table,
)

# kind -> (weight, fault body without path/count)
FAULT_KINDS: dict[str, tuple[int, dict[str, Any]]] = {
    "http_500": (4, {"status": 500}),
    "http_503": (4, {"status": 503}),
    "http_429": (1, {"status": 429}),
    "drop": (3, {"drop_connection": True}),
    "after_commit_503": (3, {"status": 503, "after_commit": True}),
    "after_commit_drop": (3, {"drop_connection": True, "after_commit": True}),
    "timeout": (1, {}),  # delay_ms past the client time-out, then X answers (work done)
}
# Where faults land: the post itself, or the look-up the sender makes before a re-send.
TARGETS = (("/2/tweets", "POST", 1.0), ("/2/users/", "GET", 0.2))  # (prefix, method, chance)


class SkewClock:
    """The sender's clock: real time plus the jumps the benchmark made on the sandbox."""

    def __init__(self) -> None:
        self.skew = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.skew


def run_faults(
    *,
    posts: int = 200,
    sandbox_url: str | None = None,
    seed: int = 1,
    deadline_s: float = 240.0,
    client_timeout: float = 2.0,
    fault_every_s: float = 0.02,
    fault_depth: int = 1,
    max_faults: int | None = None,
    data_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Run the scenario and return its figures (see the module docstring)."""
    from humasdesk.core.models import Slot
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.outbox import Sender, SendStatus
    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES
    from humasdesk.store.outbox_store import OutboxState
    from humasdesk.xapi.client import XClient

    rng = random.Random(seed)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-faults-")
        data_dir = tmp.name
    db = Path(data_dir) / "humasdesk.db"
    started = time.monotonic()
    with sandbox(sandbox_url) as base_url:
        clear_faults(base_url)
        services = build_desk_services(
            db,
            XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
            FallbackTokenStore(TokenStore(SERVICE, backend=MemoryKeyring())),
            undo_s=0,
        )
        clock = SkewClock()
        # The desk's sender, with a clock the benchmark can move and a short back-off (the
        # default 5 s base would only make the run longer, not different).
        sender = Sender(
            services.outbox_store,
            services.log,
            clock,
            mentions=services.mentions_store,
            usage=services.usage,
            rng=rng.random,
            backoff_base_s=0.2,
            backoff_cap_s=2.0,
        )
        sessions = {}
        for slot in Slot:
            s = services.accounts.sign_in_headless(slot, PRACTICE_HANDLES[slot], sessions)
            # Same session, but an X client with a short read time-out (the desk's is 15 s).
            s.client = XClient(s.tokens, base_url=base_url, timeout=client_timeout)
            sessions[slot] = s

        run = run_id()
        planned = distinct_posts(posts, list(Slot), rng, run)
        expected = {text: PRACTICE_HANDLES[slot] for slot, text in planned}

        stop = threading.Event()
        statuses: Counter[str] = Counter()
        gave_up: Counter[str] = Counter()  # FAILED outcomes: kind and X's reason
        errors: list[str] = []
        lock = threading.Lock()

        def worker(slot: Slot) -> None:
            session = sessions[slot]
            while not stop.is_set():
                try:
                    outcomes = sender.send_due(session, call=services.accounts.call)
                except Exception as exc:  # a bug: count it and go on, as the desk's worker does
                    with lock:
                        errors.append(f"{slot.value}: {type(exc).__name__}: {exc}")
                    time.sleep(0.1)
                    continue
                with lock:
                    statuses.update(str(o.status) for o in outcomes)
                    gave_up.update(
                        f"{o.kind}: {o.message}" for o in outcomes if o.status is SendStatus.FAILED
                    )
                if not outcomes:
                    time.sleep(0.03)

        injected: Counter[str] = Counter()
        kinds = list(FAULT_KINDS)
        weights = [FAULT_KINDS[k][0] for k in kinds]
        bodies: list[tuple[str, dict[str, Any]]] = []

        def fault_body(kind: str, prefix: str, method: str) -> dict[str, Any]:
            body = {**FAULT_KINDS[kind][1], "count": 1, "path_prefix": prefix, "method": method}
            if kind == "timeout":
                body["delay_ms"] = int(client_timeout * 1000) + 500
            return body

        def chaos() -> None:
            # Keep one fault waiting for the next post at all times, and now and then one for
            # the next look-up on X (made only when a send's outcome is unknown).
            total = 0
            while not stop.is_set() and (max_faults is None or total < max_faults):
                time.sleep(fault_every_s)
                try:
                    waiting = {f["path_prefix"] for f in pending_faults(base_url)}
                    for prefix, method, chance in TARGETS:
                        if prefix in waiting or rng.random() > chance:
                            continue
                        kind = rng.choices(kinds, weights)[0]
                        body = fault_body(kind, prefix, method)
                        add_fault(base_url, **body)
                        injected[kind] += 1
                        bodies.append((kind, body))
                        total += 1
                except Exception as exc:
                    with lock:
                        errors.append(f"chaos: {type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=worker, args=(s,), daemon=True) for s in Slot]
        threads.append(threading.Thread(target=chaos, daemon=True))
        for t in threads:
            t.start()

        # Queue the posts from this (the "GUI") thread while the workers send.
        refused = 0
        for i, (slot, text) in enumerate(planned):
            r = services.outbox.enqueue(slot, sessions[slot].account, text, undo_s=0)
            refused += not r.ok
            if i % 10 == 9:
                time.sleep(0.05)

        clock_jumps = manual_retries = 0
        deadline = started + deadline_s
        finished = False
        while time.monotonic() < deadline:
            items = [i for s in Slot for i in services.outbox_store.items(s, limit=10**6)]
            open_items = [i for i in items if i.state is not OutboxState.SENT]
            if not open_items:
                finished = True
                break
            # The official presses Retry on what the sender gave up on (network/5xx).
            for it in open_items:
                if (
                    it.state is OutboxState.FAILED
                    and not it.will_retry
                    and it.last_error_kind in ("network", "server", "other", "interrupted")
                ):
                    manual_retries += services.outbox.retry(it.id)
            # A 429 pauses the account until X's reset: jump both clocks past it.
            # (read the pauses without `pause_of`, which the workers' threads also call)
            now = clock()
            paused = [
                p
                for p in list(sender._pauses.values())
                if p.status is SendStatus.RATE_LIMITED and p.until > now
            ]
            if paused:
                jump = max(p.until for p in paused) - clock() + timedelta(seconds=5)
                seconds = max(1.0, jump.total_seconds())
                advance_clock(base_url, seconds)
                clock.skew += timedelta(seconds=seconds)
                clock_jumps += 1
            time.sleep(0.1)

        stop.set()
        for t in threads:
            t.join(timeout=client_timeout + 10)
        left = pending_faults(base_url)
        clear_faults(base_url)
        hit: Counter[str] = Counter(injected)
        # Faults still pending were never hit.
        for f in left:
            for kind, body in bodies:
                if all(f.get(k) == v for k, v in body.items()):
                    hit[kind] -= 1
                    break
        counts = count_on_x(base_url, expected)
        states = Counter(
            str(i.state) for s in Slot for i in services.outbox_store.items(s, limit=10**6)
        )
        logged = Counter(
            str(e.action)
            for e in services.log.iter_entries()
            if str(e.action) in ("post_sent", "reply_sent", "post_failed")
        )
        result = services.log.verify()
        services.close()
    if tmp is not None:
        tmp.cleanup()
    return {
        **counts,
        "refused_at_queue": refused,
        "finished": finished,
        "seconds": round(time.monotonic() - started, 1),
        "faults_injected": dict(injected),
        "faults_hit": {k: v for k, v in hit.items() if v},
        "faults_total": sum(injected.values()),
        "send_outcomes": dict(statuses),
        "failed_outcomes": dict(gave_up),
        "outbox_states": dict(states),
        "log_post_sent": logged.get("post_sent", 0),
        "log_post_failed": logged.get("post_failed", 0),
        "clock_jumps": clock_jumps,
        "manual_retries": manual_retries,
        "worker_errors": errors[:5],
        "log_verifies": result.ok,
        "log_entries": result.checked,
    }


def report(fig: dict[str, Any]) -> None:
    print(
        f"posts={fig['posts']} on_x={fig['on_x']} duplicates={fig['duplicates']} "
        f"lost={fig['lost']} wrong_account={fig['wrong_account']}"
    )
    rows = [(k, fig["faults_injected"].get(k, 0), fig["faults_hit"].get(k, 0)) for k in FAULT_KINDS]
    print(table(rows, ("fault", "injected", "hit")))
    print(
        table(
            [
                ("finished before deadline", fig["finished"]),
                ("seconds", fig["seconds"]),
                ("refused at queue", fig["refused_at_queue"]),
                ("send outcomes", fig["send_outcomes"]),
                ("failed outcomes (kind: reason)", fig["failed_outcomes"] or "none"),
                ("outbox states", fig["outbox_states"]),
                (
                    "log post_sent / post_failed",
                    f"{fig['log_post_sent']} / {fig['log_post_failed']}",
                ),
                ("429 clock jumps", fig["clock_jumps"]),
                ("manual retries", fig["manual_retries"]),
                ("worker errors", fig["worker_errors"] or "none"),
                ("activity log verifies", f"{fig['log_verifies']} ({fig['log_entries']} entries)"),
            ],
            ("figure", "value"),
        )
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--posts", type=int, default=200)
    p.add_argument("--sandbox-url", default=None, help="an external sandbox (default: start one)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--deadline", type=float, default=240.0, help="seconds before giving up")
    p.add_argument("--client-timeout", type=float, default=2.0)
    opts = p.parse_args()
    fig = run_faults(
        posts=opts.posts,
        sandbox_url=opts.sandbox_url,
        seed=opts.seed,
        deadline_s=opts.deadline,
        client_timeout=opts.client_timeout,
    )
    report(fig)
    emit(fig)
    ok = fig["duplicates"] == 0 and fig["lost"] == 0 and fig["log_verifies"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
