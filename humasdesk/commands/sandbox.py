"""`humasdesk sandbox [--host 127.0.0.1] [--port N] [--state FILE]`: the X emulator in the
foreground (practice mode for a desk started with ``--sandbox-url``, and for the tests).

Exit codes: 0 stopped by a signal, 1 cannot listen or read the state, 2 bad usage.
"""

from __future__ import annotations

import argparse
from typing import Any

from humasdesk.commands.common import Deps

PROG = "humasdesk sandbox"


def add_parser(sub: Any) -> None:
    from humasdesk.sandbox.cli import DESCRIPTION, add_arguments

    p = sub.add_parser("sandbox", help="emulator X lokal (mode latihan) di latar depan",
                       description=DESCRIPTION)  # fmt: skip
    add_arguments(p)
    p.set_defaults(run=run, prog=PROG)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.sandbox.cli import serve

    return serve(ns)
