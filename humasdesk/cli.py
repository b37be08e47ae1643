"""Command line. The desk (GUI) is the default; subcommands run without Qt.

Errors go to stderr in one line with what to do; exit codes: 0 ok, 1 failure,
2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from humasdesk import __version__

SUBCOMMANDS = ("sandbox", "self-test", "export", "verify")


def _desk_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="humasdesk",
        description="HumasDesk: the office and personal X accounts side by side. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (see `humasdesk SUBCOMMAND --help`).",
    )
    parser.add_argument("--version", action="version", version=f"HumasDesk {__version__}")
    parser.add_argument(
        "--sandbox", action="store_true", help="practice mode: use the built-in X emulator"
    )
    parser.add_argument("--sandbox-url", metavar="URL", help="use an X emulator already running")
    parser.add_argument("--data-dir", metavar="DIR", help="keep every file the app writes in DIR")
    parser.add_argument("--lang", choices=("id", "en"), help="interface language (default: id)")
    return parser


def _self_test_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="humasdesk self-test",
        description="Headless end-to-end run against the X emulator; exit 0 if every step works.",
    )
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument("--sandbox-url", metavar="URL")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "sandbox":
        from humasdesk.sandbox import cli_main

        return cli_main(args[1:])
    if args and args[0] == "export":
        from humasdesk.exportcli import export_main

        return export_main(args[1:])
    if args and args[0] == "privacy":
        from humasdesk.privacycli import privacy_main

        return privacy_main(args[1:])
    if args and args[0] == "verify":
        from humasdesk.exportcli import verify_main

        return verify_main(args[1:])
    if args and args[0] == "self-test":
        from humasdesk.selftest import run_self_test

        options = _self_test_parser().parse_args(args[1:])
        return run_self_test(data_dir=options.data_dir, sandbox_url=options.sandbox_url)

    options = _desk_parser().parse_args(args)
    from humasdesk.app import DeskOptions, run_desk  # Qt loads only for the desk

    return run_desk(
        DeskOptions(
            sandbox=options.sandbox,
            sandbox_url=options.sandbox_url,
            data_dir=options.data_dir,
            lang=options.lang,
        )
    )
