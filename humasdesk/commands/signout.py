"""`humasdesk signout office|personal`: revoke the slot's access at X, then delete its token
from the keyring, as the desk's "Keluar" does (no Qt).

::

    humasdesk signout office|personal [--data-dir DIR] [--sandbox | --sandbox-url URL]

Queued posts of the slot stay in the outbox and wait for the next sign-in. A slot that is
not signed in is left as it is (exit 0).

Exit codes: 0 signed out (or was not signed in), 1 failure (X unreachable: the token is kept
so the revocation can be retried; or keyring), 2 bad usage.
"""

from __future__ import annotations

import argparse
from typing import Any

from humasdesk.commands import common
from humasdesk.commands.common import Deps

NAME = "signout"
HELP = "keluarkan satu slot: token dicabut di X lalu dihapus dari keyring"
DESCRIPTION = (
    "Keluarkan slot kantor atau pribadi: akses dicabut di X, lalu token dihapus dari "
    "keyring sistem."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("slot", choices=("office", "personal"), metavar="office|personal")
    common.add_x_target(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot

    slot = Slot(ns.slot)
    with common.desk_services(ns, deps) as services:
        accounts = services.accounts
        had_token = _has_token(accounts.store, slot)
        try:
            revoked = accounts.sign_out_slot(slot)
        except Exception as exc:
            kept = _has_token(accounts.store, slot)
            note = "token masih tersimpan, ulangi" if kept else "token sudah dihapus dari laptop"
            raise common.CommandFailed(f"{common.error_text(exc)} ({note})") from None
    if revoked:
        print(f"Keluar: slot {common.slot_name(slot)}; akses dicabut di X dan token dihapus dari "
              "keyring sistem.")  # fmt: skip
    elif had_token:
        print(f"Keluar: slot {common.slot_name(slot)}; sesinya sudah berakhir di X, token dihapus "
              "dari keyring sistem.")  # fmt: skip
    else:
        print(f"Slot {common.slot_name(slot)} belum masuk; tidak ada yang dikeluarkan.")
    return common.EXIT_OK


def _has_token(store: Any, slot: Any) -> bool:
    from humasdesk.credentials import CorruptSecret

    try:
        return store.load(slot) is not None
    except CorruptSecret:
        return True
