"""`humasdesk signin office|personal`: sign one slot in, as the desk's pane would (no Qt).

::

    humasdesk signin office|personal [--browser] [--timeout S] [--data-dir DIR]
                     [--sandbox | --sandbox-url URL]

Practice mode signs in to the slot's demo account on the emulator without a browser (as the
self-test does). With the agency's X app (or ``--browser`` in practice mode, to practise
it) it opens X's consent page in the browser (and prints its address), then waits up to
``--timeout`` seconds for X's answer on the loopback listener. The tokens go to the system
keyring, where the desk finds them. A slot that is already signed in stays as it is.

Exit codes: 0 signed in, 1 failure (X, browser, keyring; one line says what to do),
2 bad usage.
"""

from __future__ import annotations

import argparse
from typing import Any

from humasdesk.commands import common
from humasdesk.commands.common import Deps

NAME = "signin"
HELP = "masukkan satu slot (mode latihan: akun demo, tanpa peramban)"
DESCRIPTION = (
    "Masukkan slot kantor atau pribadi. Mode latihan: akun demo tanpa peramban; dengan "
    "aplikasi X instansi: halaman persetujuan X di peramban."
)
SLOTS = ("office", "personal")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("slot", choices=SLOTS, metavar="office|personal")
    p.add_argument(
        "--browser",
        action="store_true",
        help="masuk lewat halaman persetujuan X di peramban, juga di mode latihan",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="DETIK",
        help="berapa lama menunggu jawaban X dari peramban (bawaan 300)",
    )
    common.add_x_target(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot
    from humasdesk.services.session import PRACTICE_HANDLES

    slot = Slot(ns.slot)
    with common.desk_services(ns, deps, create=True) as services:
        accounts = services.accounts
        practice = accounts.endpoint.base_url is not None  # the emulator, not X
        headless = practice and not ns.browser
        try:
            session = _restore(accounts, slot, fresh_if_expired=practice)
            if session is not None:
                name = common.slot_name(slot)
                print(f"Slot {name} sudah masuk sebagai @{session.account.username}.")
                session.client.close()
                return common.EXIT_OK
            others = _others(accounts, slot)
            if headless:
                session = accounts.sign_in_headless(slot, PRACTICE_HANDLES[slot], others)
            else:
                session = _browser_sign_in(accounts, slot, others, ns, deps)
        except Exception as exc:
            raise common.CommandFailed(common.error_text(exc)) from None
        session.client.close()
    mode = " (mode latihan)" if practice else ""
    print(f"Masuk: slot {common.slot_name(slot)} sebagai @{session.account.username}{mode}; token "
          "tersimpan di keyring sistem.")  # fmt: skip
    return common.EXIT_OK


def _restore(accounts: Any, slot: Any, *, fresh_if_expired: bool) -> Any:
    """The slot's saved session; practice tokens from another emulator state are dropped
    (the demo account is always there to sign in to afresh)."""
    from humasdesk.services.accounts import SessionExpired

    try:
        return accounts.restore(slot)
    except SessionExpired:
        if not fresh_if_expired:
            return None
        accounts.store.delete(slot)
        return None


def _others(accounts: Any, slot: Any) -> dict[Any, Any]:
    """The other slot's session, so one X account cannot sit in both (best effort)."""
    from humasdesk.services.outbox import other_slot

    other = other_slot(slot)
    try:
        session = accounts.restore(other)
    except Exception:
        return {}
    if session is None:
        return {}
    session.client.close()
    return {other: session}


def _browser_sign_in(accounts: Any, slot: Any, others: Any, ns: Any, deps: Deps) -> Any:
    timeout = ns.timeout if ns.timeout is not None else deps.sign_in_timeout
    attempt = accounts.begin_sign_in(timeout)
    try:
        print(f"Buka halaman ini di peramban untuk masuk ke slot {common.slot_name(slot)}:\n"
              f"  {attempt.url}\nMenunggu jawaban X (paling lama {timeout:.0f} detik)…",
              flush=True)  # fmt: skip
        _open(attempt.url, deps)
        return accounts.finish_sign_in(slot, attempt, others)
    finally:
        attempt.cancel()  # frees the callback port (a no-op once X answered)


def _open(url: str, deps: Deps) -> None:
    if deps.open_url is not None:
        deps.open_url(url)
        return
    import webbrowser

    webbrowser.open(url)
