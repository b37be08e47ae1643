"""Issue 15's "Done when", in real time, as IT staff would run it: separate processes, the
real keyring, a sandbox in its own process.

1. Three office posts scheduled with `humasdesk schedule` two minutes apart (from the next
   whole minute at least a minute away), the desk closed, `humasdesk sync` every 30 s:
   each post must be on the sandbox exactly once, within one sync period of its time.
2. With `--desk`: the same, with the desk open (`humasdesk`, offscreen) beside the loop.
3. One post due while "the laptop is off" (no desk, no sync until its time plus the grace
   period, 1 minute here, has passed): the next `sync` marks it missed and lists it; it is
   not sent.

Run inside a session with an unlocked keyring, e.g.
``tests/keyring/run_with_secret_service.sh .venv/bin/python scripts/schedule_done_when.py``.
Takes about 10 minutes (13 with ``--desk``). Prints a table and ends with one JSON line;
exit 0 when every check held.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import emit, posts_on_x, sandbox, table  # noqa: E402

PERIOD = 30


def humasdesk(*args: str, data: Path, url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUMASDESK_")}
    env["PYTHONPATH"] = str(ROOT)
    cmd = [sys.executable, "-m", "humasdesk", *args, "--data-dir", str(data)]
    if args[0] in ("signin", "signout", "sync", "schedule"):
        cmd += ["--sandbox-url", url]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def start_desk(data: Path, url: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUMASDESK_")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "humasdesk", "--sandbox-url", url, "--data-dir", str(data)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True,
    )  # fmt: skip


def next_minutes(lead: timedelta, count: int, step_min: int) -> list[datetime]:
    start = (datetime.now(UTC) + lead + timedelta(minutes=1)).astimezone()
    start = start.replace(second=0, microsecond=0)
    return [start + timedelta(minutes=step_min * i) for i in range(count)]


def sync_loop(data: Path, url: str, until: datetime, log: list[str]) -> tuple[int, float]:
    """`humasdesk sync` started every 30 s (start to start, as a timer does); returns the
    runs and the longest run (a post due just after a run starts goes out with the next
    one: at most one period plus one run late)."""
    runs, longest = 0, 0.0
    while datetime.now(UTC) < until:
        started = time.monotonic()
        r = humasdesk("sync", data=data, url=url)
        took = time.monotonic() - started
        runs, longest = runs + 1, max(longest, took)
        log.append(f"{datetime.now().astimezone():%H:%M:%S} sync → {r.returncode} ({took:.1f} s)")
        if r.returncode != 0:
            log.append(r.stdout + r.stderr)
        time.sleep(max(0.0, PERIOD - took))
    return runs, longest


def scenario(data: Path, url: str, tag: str, *, desk: bool) -> dict[str, Any]:
    texts = [f"{tag}: pengumuman {i + 1} dari 3 (#{os.getpid()})" for i in range(3)]
    dues = next_minutes(timedelta(minutes=1), 3, 2)
    for text, due in zip(texts, dues, strict=True):
        r = humasdesk("schedule", "--account", "office", "--at", due.strftime("%Y-%m-%d %H:%M"),
                      "--text", text, "--yes", data=data, url=url)  # fmt: skip
        if r.returncode != 0:
            raise SystemExit(f"schedule failed: {r.stderr.strip()}")
    proc = start_desk(data, url) if desk else None
    log: list[str] = []
    try:
        runs, longest = sync_loop(data, url, dues[-1] + timedelta(seconds=2 * PERIOD), log)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    posts = posts_on_x(url, "HumasDemo")
    rows = []
    ok = True
    for text, due in zip(texts, dues, strict=True):
        mine = [p for p in posts if p["text"] == text]
        late = None
        if mine:
            created = datetime.fromisoformat(mine[0]["created_at"].replace("Z", "+00:00"))
            late = round((created - due).total_seconds(), 1)
        good = len(mine) == 1 and late is not None and 0 <= late <= PERIOD + longest
        ok &= good
        rows.append((tag, f"{due:%H:%M}", len(mine), late, "ok" if good else "FAILED"))
    return {"ok": ok, "rows": rows, "sync_runs": runs, "longest_sync_s": round(longest, 1)}


def missed(data: Path, url: str) -> dict[str, Any]:
    text = f"Saat laptop mati (#{os.getpid()})"
    (due,) = next_minutes(timedelta(0), 1, 1)
    r = humasdesk("schedule", "--account", "personal", "--at", due.strftime("%Y-%m-%d %H:%M"),
                  "--text", text, data=data, url=url)  # fmt: skip
    if r.returncode != 0:
        raise SystemExit(f"schedule failed: {r.stderr.strip()}")
    # The laptop is off: nothing runs until the time plus the grace period (1 min) passed.
    wait = (due + timedelta(minutes=1, seconds=PERIOD) - datetime.now(UTC)).total_seconds()
    time.sleep(max(0.0, wait))
    r = humasdesk("sync", data=data, url=url)
    listed = "terlewat, tidak dikirim" in r.stdout
    out = humasdesk("outbox", "--json", data=data, url=url)
    state = next((row["state"] for row in json.loads(out.stdout) if row["text"] == text), None)
    on_x = [p for p in posts_on_x(url, "rina_humas") if p["text"] == text]
    ok = listed and state == "missed" and not on_x
    return {"ok": ok, "row": ("missed", f"{due:%H:%M}", len(on_x), state, "ok" if ok else "FAILED"),
            "sync_line": r.stdout.strip().splitlines()}  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--desk", action="store_true", help="also run with the desk open")
    p.add_argument("--sandbox-url", default=None)
    opts = p.parse_args()
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="schedule-done-") as tmp,
        sandbox(opts.sandbox_url) as url,
    ):
        data = Path(tmp)
        (data / "settings.json").write_text(json.dumps({"schedule_grace_minutes": 1}))
        for slot in ("office", "personal"):
            r = humasdesk("signin", slot, data=data, url=url)
            if r.returncode != 0:
                raise SystemExit(f"signin {slot} failed: {r.stderr.strip()}")
        results = [scenario(data, url, "desk closed", desk=False)]
        if opts.desk:
            results.append(scenario(data, url, "desk open", desk=True))
        miss = missed(data, url)
        verify = humasdesk("verify", data=data, url=url).returncode == 0
        for slot in ("office", "personal"):
            humasdesk("signout", slot, data=data, url=url)
    rows = [r for res in results for r in res["rows"]] + [miss["row"]]
    print(table(rows, ("run", "due", "on X", "late s / state", "check")))
    for line in miss["sync_line"]:
        print("  " + line)
    ok = all(r["ok"] for r in results) and miss["ok"] and verify
    emit({
        "ok": ok,
        "posts_checked": 3 * len(results),
        "on_time_once": sum(1 for r in rows[:-1] if r[-1] == "ok"),
        "missed_listed_not_sent": miss["ok"],
        "longest_sync_s": max(r["longest_sync_s"] for r in results),
        "log_verifies": verify,
        "seconds": round(time.monotonic() - started),
    })  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
