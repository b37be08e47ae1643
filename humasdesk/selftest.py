"""`humasdesk self-test`: a headless end-to-end run against the X emulator.

Signs both slots in through the real OAuth flow (loopback listener included),
keeping the tokens in the system keyring the way the desk does, posts from each,
reads mentions, replies to one, checks the activity log, and signs both slots out
(revoking at X). Prints one line per step; exit 0 only if every step worked.
IT staff run it after installing.

It never touches the official's own records: without `--data-dir` it works in a
fresh temporary directory, and its tokens use their own keyring service name.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from humasdesk.core.models import Slot
from humasdesk.logsetup import configure_logging
from humasdesk.paths import DataPaths, resolve_data_dir
from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES, AccountSession

SLOT_NAMES = {Slot.OFFICE: "kantor", Slot.PERSONAL: "pribadi"}
KEYRING_SERVICE = "humasdesk-selftest"


@dataclass
class StepLog:
    out: TextIO
    failures: int = 0

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
    *,
    data_dir: str | None = None,
    sandbox_url: str | None = None,
    out: TextIO | None = None,
    keyring_backend: Any = None,
) -> int:
    """Run every step; `keyring_backend` replaces the system keyring (tests only)."""
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="humasdesk-selftest-") as scratch:
        paths = resolve_data_dir(data_dir or scratch).ensure()
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
        out.write(f"Emulator X: {base_url}\nData: {paths.root}\n")
        try:
            _run_steps(log, base_url, paths, keyring_backend)
        finally:
            if sandbox is not None:
                sandbox.stop()
    if log.failures:
        out.write(f"Uji mandiri GAGAL: {log.failures} langkah gagal.\n")
        return 1
    out.write("Uji mandiri berhasil: semua langkah berjalan.\n")
    return 0


def _run_steps(log: StepLog, base_url: str, paths: DataPaths, keyring_backend: Any) -> None:
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services

    store = FallbackTokenStore(TokenStore(KEYRING_SERVICE, backend=keyring_backend))
    services = build_desk_services(
        paths.database, XEndpoint(PRACTICE_CLIENT_ID, base_url, 0), store, undo_s=0
    )
    try:
        sessions = _account_steps(log, services, store)
        _export_steps(log, services, paths, keyring_backend)
        log.run("periksa rantai log aktivitas", lambda: _verify(services.log))
        _sign_out_steps(log, services, store, sessions)
    finally:
        services.close()


def _account_steps(log: StepLog, services: Any, store: Any) -> dict[Slot, AccountSession]:
    accounts = services.accounts

    def where() -> tuple[None, str]:
        status = store.check()
        if store.persistent:
            return None, f"keyring sistem ({status.backend_name})"
        raise RuntimeError(f"tidak ada penyimpanan aman: {status.problem}")

    log.run("penyimpanan token", where)

    sessions: dict[Slot, AccountSession] = {}
    for slot in Slot:

        def sign_in(slot: Slot = slot) -> tuple[AccountSession, str]:
            session = accounts.sign_in_headless(slot, PRACTICE_HANDLES[slot], sessions)
            return session, f"@{session.account.username}"

        session = log.run(f"masuk slot {SLOT_NAMES[slot]} (OAuth 2.0 PKCE)", sign_in)
        if session is not None:
            sessions[slot] = session

    for slot in list(sessions):

        def restore(slot: Slot = slot) -> tuple[None, str]:
            restored = accounts.restore(slot)
            if restored is None or restored.account.user_id != sessions[slot].account.user_id:
                raise AssertionError("the stored token does not restore the account")
            restored.client.close()
            return None, "token tersimpan dapat dipakai lagi"

        log.run(f"pulihkan slot {SLOT_NAMES[slot]} dari penyimpanan", restore)

    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    for slot, session in sessions.items():
        text = f"Uji mandiri HumasDesk ({SLOT_NAMES[slot]}) {stamp}"

        def post(session: AccountSession = session, text: str = text) -> tuple[str, str]:
            queued = services.outbox.enqueue(session.slot, session.account, text, undo_s=0)
            if not queued.ok:
                raise AssertionError(f"the outbox refused the post: {queued.refusal}")
            post_id = _send(services, session)
            fetched = accounts.call(session, lambda s: s.client.get_post(post_id))
            if fetched.text != text:
                raise AssertionError("the post on X differs from what was sent")
            return post_id, f"id {post_id}"

        log.run(f"kirim dari slot {SLOT_NAMES[slot]} (lewat kotak keluar)", post)

    for slot, session in sessions.items():

        def read_mentions(session: AccountSession = session) -> tuple[Any, str]:
            result = services.mentions.sync(session, call=accounts.call)
            if result.error is not None:
                raise result.error
            inbox = services.mentions.inbox(session.account.user_id)
            if not inbox:
                raise AssertionError("no mentions to read")
            return inbox, f"{len(inbox)} mention"

        inbox = log.run(f"sinkronkan mention slot {SLOT_NAMES[slot]}", read_mentions)
        if slot is Slot.OFFICE and inbox:

            def reply(session: AccountSession = session, target: Any = inbox[0]):
                queued = services.mentions.reply(
                    session, services.outbox, target, f"Terima kasih atas pertanyaannya. ({stamp})",
                    undo_s=0,
                )  # fmt: skip
                if not queued.ok:
                    raise AssertionError(f"the outbox refused the reply: {queued.refusal}")
                post_id = _send(services, session)
                return post_id, f"balasan {post_id} untuk {target.x_post_id}"

            log.run("balas satu mention dari slot kantor", reply)
    return sessions


def _send(services: Any, session: AccountSession) -> str:
    """Send what is due for the account; the id of the post X accepted."""
    from humasdesk.services.outbox import SendStatus

    outcomes = services.sender.send_due(session, call=services.accounts.call)
    sent = [o for o in outcomes if o.status is SendStatus.SENT and o.x_post_id]
    if not sent:
        problems = ", ".join(f"{o.status.value}: {o.message or ''}" for o in outcomes)
        raise AssertionError(f"nothing was sent ({problems or 'no outcome'})")
    return sent[-1].x_post_id


def _export_steps(log: StepLog, services: Any, paths: DataPaths, keyring_backend: Any) -> None:
    """Every export format, each signed and then verified as a supervisor would."""
    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.gui.report.adapters import report_pdf_writer
    from humasdesk.services.export import ExportOptions, export_activity
    from humasdesk.store.exports.check import verify_export

    signer = ExportSigner(
        service=KEYRING_SERVICE,
        backend=keyring_backend,
        public_key_path=paths.root / PUBLIC_KEY_FILENAME,
    )
    out_dir = paths.root / "self-test-exports"
    out_dir.mkdir(exist_ok=True)
    for fmt in ("csv", "xlsx", "jsonl", "pdf"):

        def export(fmt: str = fmt) -> tuple[None, str]:
            result = export_activity(
                services.log,
                ExportOptions(fmt=fmt),
                out_dir / f"laporan.{fmt}",
                signer=signer,
                pdf_writer=report_pdf_writer() if fmt == "pdf" else None,
            )
            check = verify_export(result.path, expected_public_key=signer.public_key_bytes)
            if check.problems or not check.key_known:
                raise AssertionError(f"the export does not verify: {check.problems}")
            return None, f"{result.entries} entri, tanda tangan sah"

        log.run(f"ekspor {fmt.upper()} dan verifikasi", export)


def _sign_out_steps(
    log: StepLog, services: Any, store: Any, sessions: dict[Slot, AccountSession]
) -> None:
    for slot, session in sessions.items():

        def sign_out(slot: Slot = slot, session: AccountSession = session) -> tuple[None, str]:
            services.accounts.sign_out(session)
            if store.load(slot) is not None:
                raise AssertionError("the token is still stored after sign-out")
            return None, "token dicabut di X dan dihapus"

        log.run(f"keluar slot {SLOT_NAMES[slot]}", sign_out)


def _verify(activity: Any) -> tuple[None, str]:
    result = activity.verify()
    if not result.ok:
        raise AssertionError(f"entry {result.first_bad_seq}: {result.reason}")
    return None, f"{result.checked} entri utuh"
