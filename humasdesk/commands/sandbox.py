"""`humasdesk sandbox [--host 127.0.0.1] [--port N] [--state FILE]`: the X emulator in the
foreground (practice mode for a desk started with ``--sandbox-url``, and for the tests).

Exit codes: 0 stopped by a signal, 1 cannot listen or read the state, 2 bad usage.
"""

from __future__ import annotations

import argparse

from humasdesk.commands.common import Deps

NAME = "sandbox"
HELP = "emulator X lokal (mode latihan) di latar depan"
DESCRIPTION = "Run the local X API v2 emulator (practice mode) until interrupted."


def add_arguments(p: argparse.ArgumentParser) -> None:
    # Declared here rather than imported from humasdesk.sandbox: building the parser must
    # not load the emulator (every start of the desk builds it).
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--state", metavar="FILE", help="JSON file to load and save the state in")


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.sandbox.cli import serve

    return serve(ns)
