"""Runs the real desk the way `humasdesk --sandbox` does and closes its window the instant
the skeleton has painted, before the panes are in (after switching to one pane at a time).

    python -m tests.gui.skeleton_close_probe DATA_DIR

Prints one JSON line once the desk has ended; the test runs it with a time-out.
"""

from __future__ import annotations

import json
import sys

from humasdesk.app import DeskOptions, build_desk, run_built_desk
from humasdesk.credentials import SessionTokenStore


def main(data_dir: str) -> int:
    desk = build_desk(DeskOptions(sandbox=True, data_dir=data_dir), token_store=SessionTokenStore())
    window = desk.window
    seen = {}

    def on_first_painted() -> None:
        window.set_single_pane(True)
        seen["closed_before_panes"] = not window.ready and window.close()

    window.first_painted.connect(on_first_painted)
    code = run_built_desk(desk)
    seen.update(
        panes_built=window.ready,
        controller=desk.controller is not None,
        emulator=desk.backend is not None,
        exit=code,
    )
    print(json.dumps(seen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
