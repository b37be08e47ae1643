"""`humasdesk self-test`: a headless end-to-end run against the X emulator.

Signs both slots in through the real OAuth flow (loopback listener included),
posts from each, reads mentions, replies to one, and prints one line per step.
Exit 0 only if every step worked. IT staff run it after installing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from humasdesk.core.models import Post, Slot
from humasdesk.logsetup import configure_logging
from humasdesk.paths import resolve_data_dir
from humasdesk.services.session import AccountSession, ensure_distinct, sign_in_practice

SLOT_NAMES = {Slot.OFFICE: "kantor", Slot.PERSONAL: "pribadi"}


@dataclass
class StepLog:
    out: TextIO
    failures: int = 0
    steps: list[str] = field(default_factory=list)

    def run(self, label: str, fn: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:
            self.failures += 1
            # The exception class and X's message only: no tokens ever reach here.
            self.out.write(f"GAGAL {label}: {type(exc).__name__}: {exc}\n")
            self.out.flush()
            return None
        ms = (time.perf_counter() - started) * 1000
        detail = result[1] if isinstance(result, tuple) else ""
        self.out.write(f"OK    {label}{': ' + detail if detail else ''} ({ms:.0f} ms)\n")
        self.out.flush()
        return result[0] if isinstance(result, tuple) else result


def run_self_test(
    *, data_dir: str | None = None, sandbox_url: str | None = None, out: TextIO | None = None
) -> int:
    out = out or sys.stdout
    paths = resolve_data_dir(data_dir).ensure()
    configure_logging(paths.logs, console=False)
    log = StepLog(out)

    sandbox = None
    if sandbox_url:
        base_url = sandbox_url.rstrip("/")
    else:
        from humasdesk.sandbox import Sandbox

        # In memory: the self-test must not add posts to the practice desk's state.
        sandbox = Sandbox(host="127.0.0.1", port=0)
        sandbox.start()
        base_url = sandbox.base_url
    out.write(f"Emulator X: {base_url}\n")
    try:
        _run_steps(log, base_url)
    finally:
        if sandbox is not None:
            sandbox.stop()
    if log.failures:
        out.write(f"Uji mandiri GAGAL: {log.failures} langkah gagal.\n")
        return 1
    out.write("Uji mandiri berhasil: semua langkah berjalan.\n")
    return 0


def _run_steps(log: StepLog, base_url: str) -> None:
    sessions: dict[Slot, AccountSession] = {}
    for slot in Slot:

        def sign_in(slot: Slot = slot) -> tuple[AccountSession, str]:
            session = sign_in_practice(slot, base_url=base_url)
            ensure_distinct(sessions, session)
            return session, f"@{session.account.username}"

        session = log.run(f"masuk slot {SLOT_NAMES[slot]} (OAuth 2.0 PKCE)", sign_in)
        if session is not None:
            sessions[slot] = session

    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    for slot, session in sessions.items():
        text = f"Uji mandiri HumasDesk ({SLOT_NAMES[slot]}) {stamp}"

        def post(session: AccountSession = session, text: str = text) -> tuple[Post, str]:
            created = session.client.create_post(text)
            fetched = session.client.get_post(created.id)
            if fetched.text != text:
                raise AssertionError("the post on X differs from what was sent")
            return created, f"id {created.id}"

        log.run(f"kirim dari slot {SLOT_NAMES[slot]}", post)

    for slot, session in sessions.items():

        def read_mentions(session: AccountSession = session) -> tuple[list[Post], str]:
            page = session.client.mentions(session.account.user_id, max_results=10)
            if not page.posts:
                raise AssertionError("no mentions to read")
            return list(page.posts), f"{page.result_count} mention"

        mentions = log.run(f"baca mention slot {SLOT_NAMES[slot]}", read_mentions)
        if slot is Slot.OFFICE and mentions:

            def reply(session: AccountSession = session, target: Post = mentions[0]):
                created = session.client.create_post(
                    f"Terima kasih atas pertanyaannya. ({stamp})", reply_to=target.id
                )
                return created, f"balasan {created.id} untuk {target.id}"

            log.run("balas satu mention dari slot kantor", reply)
