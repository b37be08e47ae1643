"""Write a file so that it appears complete or not at all.

`AtomicOutput(path)` opens a temporary file in the target folder (same file system, so the
final rename is atomic), named ``.<name>.<random>.part``, private to the user (0600).
`commit_all(a, b, …)` flushes and fsyncs each, renames each into place in order and fsyncs
the folder; if a later rename fails the earlier ones are removed again, so a set of files
(an export and its signature) lands together or not at all. `discard()` (also on leaving the
`with` block without commit) removes the temporary file. `OSError`s pass through: the
caller turns them into a plain message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO


class AtomicOutput:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent
        )
        self.tmp_path = Path(tmp)
        self.file: BinaryIO = os.fdopen(fd, "w+b")
        self.committed = False

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            self.discard()

    def sync(self) -> None:
        """Flush and fsync the temporary file (it stays open for reading back)."""
        self.file.flush()
        os.fsync(self.file.fileno())

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.tmp_path.unlink()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_all(*outputs: AtomicOutput) -> None:
    """Sync, close and rename every output into place; all or none (see the module doc)."""
    for o in outputs:
        o.sync()
        o.file.close()
    done: list[AtomicOutput] = []
    try:
        for o in outputs:
            os.replace(o.tmp_path, o.path)
            o.committed = True
            done.append(o)
    except BaseException:
        for o in done:
            with contextlib.suppress(OSError):
                o.path.unlink()
            o.committed = False
        for o in outputs:
            o.discard()
        raise
    for parent in {o.path.parent for o in outputs}:
        _fsync_dir(parent)
