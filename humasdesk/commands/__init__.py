"""The command line: one parser tree (`build_parser`), one module per command.

Each command module has ``NAME``, ``HELP`` (and ``DESCRIPTION``), ``add_arguments(parser)``
declaring its options, and ``run(ns, deps) -> exit code``; `build_parser` makes a subparser
of each from that table, and `main` parses once and calls the chosen ``run``. Shared
options, exit codes, the data-folder messages and the usage error live in
`humasdesk.commands.common`. Only `humasdesk.cli` and `humasdesk.__main__` import this
package (the architecture test checks it); nothing here imports Qt except to start the
desk (`commands.desk`) or to lay out a PDF (`humasdesk.gui.report.adapters`).

A new subcommand: such a module, listed in `COMMANDS` (a ``privacy`` subcommand: in
`PRIVACY_COMMANDS`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from humasdesk import __version__
from humasdesk.commands import desk
from humasdesk.commands.common import (
    EXIT_USAGE,
    CommandFailed,
    Deps,
    Parser,
    UsageError,
    say_error,
)

#: The subcommands (their modules here) in the order `humasdesk --help` lists them.
COMMANDS = {
    "sandbox": "sandbox",
    "self-test": "selftest",
    "signin": "signin",
    "signout": "signout",
    "sync": "sync",
    "outbox": "outbox",
    "schedule": "schedule",
    "metrics": "metrics",
    # issue 17: the composer's checks on a text, the complaint register
    "check": "check",
    "aduan": "aduan",
    "export": "export",
    "verify": "verify",
    "privacy": "privacy",
    "rekap": "rekap",
}
#: The subcommands of `humasdesk privacy` beyond its own (retention, review, requests, breach).
PRIVACY_COMMANDS = {"handover": "handover"}


def command_module(module: str) -> ModuleType:
    """A command's module, imported when the parser tree is built (a start of the desk
    builds only the desk's options, and loads none of them)."""
    return importlib.import_module(f"humasdesk.commands.{module}")


__all__ = ["COMMANDS", "build_parser", "export_main", "main", "privacy_main"]


def build_parser(*, desk_only: bool = False) -> Parser:
    """Every command's options, declared once (the shape of Electrum's `get_parser`).
    `desk_only`: the desk's options alone (what a start of the desk needs)."""
    parser = Parser(
        prog="humasdesk",
        description="HumasDesk: akun X kantor dan pribadi berdampingan. Tanpa PERINTAH: "
        "membuka desk. `humasdesk PERINTAH --help` menjelaskan tiap perintah.",
    )
    parser.add_argument("--version", action="version", version=f"HumasDesk {__version__}")
    desk.add_arguments(parser)
    if desk_only:
        return parser
    sub = parser.add_subparsers(
        dest="command", metavar="PERINTAH", title="perintah", parser_class=Parser
    )
    nested = {name: _add(sub, name, module, "humasdesk") for name, module in COMMANDS.items()}
    for name, module in PRIVACY_COMMANDS.items():
        _add(nested["privacy"], name, module, "humasdesk privacy")
    return parser


def _add(sub: Any, name: str, module_name: str, parent: str) -> Any:
    """The command's subparser; returns what its `add_arguments` returns (the privacy
    command's subparsers)."""
    module = command_module(module_name)
    assert module.NAME == name, (module.NAME, name)
    prog = f"{parent} {name}"
    p = sub.add_parser(
        name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP)
    )
    p.set_defaults(run=getattr(module, "run", None), prog=prog)
    return module.add_arguments(p)


def main(argv: Sequence[str] | None = None, **deps: Any) -> int:
    """Run the command line; returns the exit code. `deps` replace the keyring backend,
    the clock, the browser (`Deps`): tests only."""
    args = list(sys.argv[1:] if argv is None else argv)
    # The desk starts often and must paint fast: without a command word or a help request,
    # only the desk's options are built (the words then parse the same).
    wants_tree = any(a in COMMANDS or a in ("-h", "--help") for a in args)
    parser = build_parser(desk_only=not wants_tree)
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
