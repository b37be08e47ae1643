"""The `humasdesk` command (and `python -m humasdesk`): the desk by default, subcommands
without Qt. The parser and every command are in `humasdesk.commands`.

Errors go to stderr in one line with what to do; exit codes: 0 ok, 1 failure,
2 bad usage or nothing usable.
"""

from __future__ import annotations

from collections.abc import Sequence

from humasdesk.commands import main as _main


def main(argv: Sequence[str] | None = None) -> int:
    return _main(argv)
