"""`humasdesk self-test [--data-dir DIR] [--sandbox-url URL]`: the headless end-to-end run
IT staff make after installing (`humasdesk.selftest`). Exit 0 only if every step worked."""

from __future__ import annotations

import argparse

from humasdesk.commands.common import Deps

NAME = "self-test"
HELP = "uji mandiri tanpa jendela terhadap emulator X"
DESCRIPTION = "Headless end-to-end run against the X emulator; exit 0 if every step works."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    p.add_argument("--sandbox-url", metavar="URL", default=argparse.SUPPRESS)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.selftest import run_self_test

    return run_self_test(
        data_dir=ns.data_dir, sandbox_url=ns.sandbox_url, keyring_backend=deps.keyring_backend
    )
