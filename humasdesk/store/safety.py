"""Opening the database safely at start-up.

A damaged database is moved aside (never deleted: it holds official records) and a
new one is started, and the caller is told where the old one went. A data folder
that cannot be written, or a full disk, becomes a typed error with a plain reason
instead of a crash.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from humasdesk.store.database import connect, open_database, quick_check

logger = logging.getLogger(__name__)


class Unusable(StrEnum):
    READ_ONLY = "read_only"  # the data folder or file cannot be written
    NO_SPACE = "no_space"  # the disk is full
    CANNOT_OPEN = "cannot_open"  # anything else SQLite refuses


class DatabaseUnusable(Exception):
    def __init__(self, reason: Unusable, path: Path) -> None:
        super().__init__(f"the database {path} cannot be used ({reason.value})")
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class OpenReport:
    """`moved_aside`: where a damaged database went (None: it was fine or new)."""

    moved_aside: Path | None = None
    problems: tuple[str, ...] = ()


def _classify(exc: sqlite3.Error) -> Unusable:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission" in text:
        return Unusable.READ_ONLY
    if "full" in text:
        return Unusable.NO_SPACE
    return Unusable.CANNOT_OPEN


def _damaged(path: Path) -> tuple[str, ...]:
    """Problems SQLite finds in an existing file (empty: healthy)."""
    try:
        db = connect(path)
    except sqlite3.DatabaseError as exc:
        return (str(exc),)
    try:
        check = quick_check(db)
        return check.messages
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        return (str(exc),)
    finally:
        db.close()


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename the database and its WAL/SHM files to `<name>.damaged-<UTC time>`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = path.with_name(path.name + suffix)
        if src.exists():
            src.rename(target.with_name(target.name + suffix))
    return target


def open_checked(path: Path) -> OpenReport:
    """Check an existing database, move it aside if damaged, then create or migrate.

    Raises `DatabaseUnusable` (read-only folder, full disk) and `DatabaseTooNew`.
    """
    report = OpenReport()
    if path.exists() and path.stat().st_size > 0:
        problems = _damaged(path)
        if problems:
            try:
                moved = move_aside(path)
            except OSError as exc:
                raise DatabaseUnusable(Unusable.READ_ONLY, path) from exc
            logger.error("damaged database moved aside (%d problem(s))", len(problems))
            report = OpenReport(moved_aside=moved, problems=problems)
    try:
        open_database(path).close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnusable(_classify(exc), path) from exc
    except PermissionError as exc:
        raise DatabaseUnusable(Unusable.READ_ONLY, path) from exc
    except OSError as exc:
        raise DatabaseUnusable(
            Unusable.NO_SPACE if exc.errno == 28 else Unusable.READ_ONLY, path
        ) from exc
    return report
