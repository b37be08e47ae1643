"""`humasdesk [--sandbox] [--sandbox-url URL] [--data-dir DIR] [--lang id|en]`: the desk.

The only command that loads Qt: `humasdesk.app` is imported when the desk starts, so every
subcommand starts without it."""

from __future__ import annotations

import argparse

from humasdesk.commands.common import Deps, add_x_target


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_x_target(p, top=True)
    p.add_argument("--lang", choices=("id", "en"), help="bahasa antarmuka (bawaan: id)")


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.app import DeskOptions, run_desk

    return run_desk(
        DeskOptions(
            sandbox=ns.sandbox, sandbox_url=ns.sandbox_url, data_dir=ns.data_dir, lang=ns.lang
        )
    )
