"""`humasdesk sync`: one pass of what the desk does in the background, then exit (no Qt).

::

    humasdesk sync [--data-dir DIR] [--sandbox | --sandbox-url URL]

For each signed-in slot, the steps in `STEPS` run in order: send what the outbox holds that
is due (scheduled posts at their time; one more than the grace period late is marked missed
instead, and the next line lists it), then fetch new mentions. Safe while the desk is open:
the outbox's send leases let only one process take an item, and an item another live
process is sending is left to it (`OutboxStore.mark_sending`), so nothing goes out twice;
mentions are stored once each. An OS timer can run it while the laptop is on and the desk closed.

A later background job is one more function in `STEPS`: it takes the desk's services and a
signed-in session and returns a `StepReport` (ok, one line).

Exit codes: 0 every step worked, 1 a step failed (the lines above say which), 2 no slot is
signed in.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from humasdesk.commands import common
from humasdesk.commands.common import Deps

if TYPE_CHECKING:
    from humasdesk.services.desk_services import DeskServices
    from humasdesk.services.session import AccountSession

NAME = "sync"
HELP = "satu putaran kerja latar desk (kirim kotak keluar, ambil mention, baca angka), lalu keluar"
DESCRIPTION = (
    "Satu putaran kerja latar desk untuk tiap slot yang masuk: kirim yang jatuh tempo di "
    "kotak keluar, ambil mention baru, catat kiriman yang dibuat di luar HumasDesk, baca "
    "angka jangkauan yang jatuh tempo. Aman selagi desk terbuka."
)


@dataclass(frozen=True)
class StepReport:
    ok: bool
    text: str  # one Indonesian line, without the slot


SyncStep = Callable[["DeskServices", "AccountSession"], StepReport]


def send_outbox(services: DeskServices, session: AccountSession) -> StepReport:
    """Send the slot's due posts, oldest first (the desk's send round)."""
    from humasdesk.services.outbox import SendStatus

    outcomes = services.sender.send_due(session, call=services.accounts.call)
    if not outcomes:
        return StepReport(True, "kotak keluar: tidak ada kiriman yang jatuh tempo")
    counts = {status: 0 for status in SendStatus}
    for o in outcomes:
        counts[o.status] += 1
    parts = [f"{counts[SendStatus.SENT]} terkirim"]
    for status, label in (
        (SendStatus.FAILED, "ditolak X"),
        (SendStatus.RETRY_SCHEDULED, "dicoba lagi nanti (X tidak terjangkau)"),
        (SendStatus.RATE_LIMITED, "menunggu batas permintaan X"),
        (SendStatus.USAGE_CAPPED, "tertahan batas pemakaian aplikasi X"),
        (SendStatus.SIGN_IN_NEEDED, "menunggu masuk lagi"),
        (SendStatus.MISSED, "terlewat waktunya, tidak dikirim"),
    ):
        if counts[status]:
            parts.append(f"{counts[status]} {label}")
    ok = all(
        o.status in (SendStatus.SENT, SendStatus.RATE_LIMITED, SendStatus.MISSED) for o in outcomes
    )
    return StepReport(ok, "kotak keluar: " + ", ".join(parts))


def schedule_missed(services: DeskServices, session: AccountSession) -> StepReport:
    """Say which scheduled posts of the slot missed their time (`send_outbox` marked them:
    more than the grace period late, not sent): they wait for a person in the desk, or for
    `humasdesk schedule`'s successor commands; `outbox --json` lists them as ``missed``."""
    from humasdesk.core.schedule import format_local

    if services.schedule is None:
        return StepReport(True, "jadwal: tidak tersedia")
    from humasdesk.store.outbox_store import OutboxState

    missed = services.schedule.missed(session.slot)
    due = services.outbox_store.items(session.slot, [OutboxState.SCHEDULED], limit=100_000)
    next_due = min((i.due_at for i in due if i.due_at), default=None)
    upcoming = f", berikutnya {format_local(next_due)}" if next_due else ""
    if not missed:
        return StepReport(True, f"jadwal: {len(due)} terjadwal{upcoming}")
    times = ", ".join(f"#{i.id} {format_local(i.due_at)}" for i in missed if i.due_at)
    return StepReport(
        True,
        f"jadwal: {len(missed)} terlewat, tidak dikirim ({times}); buka desk untuk kirim "
        f"sekarang, jadwalkan ulang atau batalkan; {len(due)} terjadwal{upcoming}",
    )


def sync_mentions(services: DeskServices, session: AccountSession) -> StepReport:
    """Fetch the account's new mentions into the inbox (the desk's mention sync)."""
    result = services.mentions.sync(session, call=services.accounts.call)
    if result.error is not None:
        return StepReport(False, f"mention: {common.error_text(result.error)}")
    return StepReport(True, f"mention: {result.new} baru, {result.unread} belum dibaca")


def sync_posts(services: DeskServices, session: AccountSession) -> StepReport:
    """Issue 16: record posts made outside the desk (own timeline), then read the numbers
    of the posts whose snapshot is due, within the month's budget."""
    assert services.timeline is not None and services.metrics is not None
    seen = services.timeline.sync(session, call=services.accounts.call)
    if seen.error is not None:
        return StepReport(False, f"kiriman: {common.error_text(seen.error)}")
    parts = [f"kiriman: {seen.recorded} dari luar HumasDesk dicatat"]
    if seen.answered:
        parts.append(f"{seen.answered} mention terjawab")
    read = services.metrics.take_due(session, call=services.accounts.call)
    parts.append(f"angka {read.read} kiriman dibaca")
    if read.deleted:
        parts.append(f"{read.deleted} dihapus di X")
    if read.exhausted:
        parts.append("anggaran baca angka bulan ini habis")
    elif read.skipped:
        parts.append(f"{read.skipped} pembacaan dilewati (anggaran)")
    if read.error is not None:
        parts.append(f"sisanya menunggu: {common.error_text(read.error)}")
    return StepReport(read.error is None, ", ".join(parts))


def aduan_counts(services: DeskServices, session: AccountSession) -> StepReport:
    """Issue 17: keyword suggestions for new mentions, cases for new tags, then the
    complaint reminders (counts only, never a citizen's words)."""
    from humasdesk.core.wording import load_keyword_rules
    from humasdesk.paths import DataPaths, rules_dirs
    from humasdesk.store.mentions_store import MentionState

    cases = services.aduan
    if cases is None:
        return StepReport(True, "aduan: daftar aduan tidak tersedia")
    if not cases.keyword_rules and cases.database is not None:
        cases.keyword_rules = load_keyword_rules(rules_dirs(DataPaths(cases.database.parent)))
    account_id = session.account.user_id
    suggested = cases.suggest_for(services.mentions.inbox(account_id, [MentionState.NEW]))
    cases.refresh()
    r = cases.reminders(account_id)
    open_cases = len(cases.rows(account_id, open_only=True))
    return StepReport(
        True,
        f"aduan: {open_cases} terbuka, {r.near} mendekati batas waktu, {r.overdue} lewat batas "
        f"waktu, {suggested} saran aduan baru",
    )


#: The background work of one pass, in order, for each signed-in slot.
STEPS: tuple[SyncStep, ...] = (
    send_outbox,
    schedule_missed,  # issue 15
    sync_mentions,
    sync_posts,  # issue 16
    aduan_counts,  # issue 17
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    common.add_x_target(p)


def run(ns: argparse.Namespace, deps: Deps, steps: tuple[SyncStep, ...] = STEPS) -> int:
    from humasdesk.core.models import Slot

    failed = signed_in = 0
    with common.desk_services(ns, deps) as services:
        for slot in Slot:
            name = f"slot {common.slot_name(slot)}"
            try:
                session = services.accounts.restore(slot)
            except Exception as exc:
                print(f"{name}: {common.error_text(exc)}", flush=True)
                failed += 1
                continue
            if session is None:
                print(f"{name}: belum masuk (humasdesk signin {slot.value})", flush=True)
                continue
            signed_in += 1
            try:
                for step in steps:
                    try:
                        report = step(services, session)
                    except Exception as exc:
                        report = StepReport(False, f"{step.__name__}: {common.error_text(exc)}")
                    print(f"{name} @{session.account.username}: {report.text}", flush=True)
                    failed += not report.ok
            finally:
                session.client.close()
    if not signed_in and not failed:
        raise common.CommandFailed(
            "tidak ada slot yang masuk; jalankan `humasdesk signin office` dulu", common.EXIT_USAGE
        )
    if failed:
        raise common.CommandFailed(f"{failed} langkah gagal; lihat baris di atas")
    return common.EXIT_OK
