"""`humasdesk sandbox [--host H] [--port N] [--state FILE]`: the emulator in the foreground."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from humasdesk.sandbox.runner import Sandbox


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="humasdesk sandbox",
        description="Run the local X API v2 emulator (practice mode) until interrupted.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--state", metavar="FILE", help="JSON file to load and save the state in")
    return p


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cli_main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # argparse already printed the usage line
        return int(e.code or 0) if isinstance(e.code, int) else 2
    return serve(args)


def serve(args: argparse.Namespace) -> int:
    """Serve `args.host`:`args.port` (state in `args.state`) in the foreground until
    SIGINT/SIGTERM; the exit code (`humasdesk sandbox` in `humasdesk.commands` too)."""
    if not _is_loopback(args.host):
        print(
            f"humasdesk sandbox: warning: listening on {args.host}, reachable from other machines;"
            " the sandbox has no real security.",
            file=sys.stderr,
        )
    sb = Sandbox(host=args.host, port=args.port, state_path=args.state)
    try:
        sb.serve_forever(on_ready=lambda url: print(url, flush=True))
    except OSError as e:
        print(
            f"humasdesk sandbox: cannot listen on {args.host}:{args.port}: {e.strerror}; "
            "choose another --port.",
            file=sys.stderr,
        )
        return 1
    except (ValueError, KeyError, TypeError) as e:
        print(f"humasdesk sandbox: cannot read the state file: {e!r}", file=sys.stderr)
        return 1
    return 0
