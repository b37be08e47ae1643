"""The complaint register's use cases (no Qt).

Slice 1: what the composer's checks need from the data folder.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

logger = logging.getLogger(__name__)


def personal_handles(database: Path) -> tuple[str, ...]:
    """The handles that ever signed in to the personal slot here (an office post should not
    name them); none when there is no database yet. Read-only, never creates the file."""
    if not database.is_file():
        return ()
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error:
        return ()
    try:
        rows = conn.execute(
            "SELECT DISTINCT handle FROM activity WHERE action = 'signed_in' "
            "AND slot = 'personal' AND handle IS NOT NULL"
        ).fetchall()
    except sqlite3.Error:
        return ()
    finally:
        conn.close()
    return tuple(r[0] for r in rows)
