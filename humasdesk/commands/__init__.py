"""The command line: one parser tree (`build_parser`), one module per command.

Each command module has ``add_parser(subparsers)``, which declares its options and sets
``run(ns, deps) -> exit code`` and ``prog`` as the parser's defaults; `main` parses once and
calls it. Shared options, exit codes, the data-folder messages and the usage error live in
`humasdesk.commands.common`. Only `humasdesk.cli` and `humasdesk.__main__` import this package
(the architecture test checks it); nothing here imports Qt except to start the desk
(`commands.desk`) or to lay out a PDF (`humasdesk.gui.report.adapters`).

A new subcommand: a module here with ``add_parser``, listed in `COMMANDS` (or, for a
``privacy`` subcommand, added to the parser `privacy.add_parser` returns).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from humasdesk import __version__
from humasdesk.commands import (
    desk,
    export,
    handover,
    outbox,
    privacy,
    sandbox,
    selftest,
    signin,
    signout,
    sync,
    verify,
)
from humasdesk.commands.common import (
    EXIT_USAGE,
    CommandFailed,
    Deps,
    Parser,
    UsageError,
    say_error,
)

#: The subcommands in the order `humasdesk --help` lists them.
COMMANDS = (sandbox, selftest, signin, signout, sync, outbox, export, verify)

__all__ = ["COMMANDS", "build_parser", "export_main", "main", "privacy_main"]


def build_parser() -> Parser:
    """Every command's options, declared once (the shape of Electrum's `get_parser`)."""
    parser = Parser(
        prog="humasdesk",
        description="HumasDesk: akun X kantor dan pribadi berdampingan. Tanpa PERINTAH: "
        "membuka desk. `humasdesk PERINTAH --help` menjelaskan tiap perintah.",
    )
    parser.add_argument("--version", action="version", version=f"HumasDesk {__version__}")
    desk.add_arguments(parser)
    sub = parser.add_subparsers(
        dest="command", metavar="PERINTAH", title="perintah", parser_class=Parser
    )
    for module in COMMANDS:
        module.add_parser(sub)
    handover.add_parser(privacy.add_parser(sub))
    return parser


def main(argv: Sequence[str] | None = None, **deps: Any) -> int:
    """Run the command line; returns the exit code. `deps` replace the keyring backend,
    the clock, the browser (`Deps`): tests only."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        ns = parser.parse_args(args)
    except UsageError as exc:
        bad = exc.parser or parser
        bad.print_usage(sys.stderr)
        say_error(bad.prog, exc)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    run = getattr(ns, "run", desk.run)
    prog = getattr(ns, "prog", "humasdesk")
    try:
        return run(ns, Deps(**deps))
    except UsageError as exc:
        say_error(prog, exc)
        return EXIT_USAGE
    except CommandFailed as exc:
        say_error(prog, exc)
        return exc.code


def export_main(argv: Sequence[str], **deps: Any) -> int:
    """`humasdesk export …` (argv without "export")."""
    return main(["export", *argv], **deps)


def privacy_main(argv: Sequence[str], **deps: Any) -> int:
    """`humasdesk privacy …` (argv without "privacy")."""
    return main(["privacy", *argv], **deps)
