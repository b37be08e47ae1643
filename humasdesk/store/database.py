"""Opening the SQLite database: one configured connection per thread.

`open_database(path)` is the start-up path: it creates the file private to the user (0600),
configures the connection and applies migrations. `ConnectionFactory(path).connect()` gives
each further thread its own configured connection (sqlite3 connections are thread-bound).
Opening is cheap: pragmas and `PRAGMA user_version` only, no scans.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
FILE_MODE = 0o600


def pid_alive(pid: int | None) -> bool:
    """Whether process `pid` still runs on this laptop (for leases; unknown: True, so only
    the lease's expiry counts)."""
    if pid is None or pid <= 0:
        return True  # unknown: trust the expiry only
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _ensure_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite would use the umask).

    Only when it is missing: opening and closing the file while SQLite has it open
    would drop this process's POSIX locks on it, and another process could then
    checkpoint and delete the WAL that holds committed entries.
    """
    if str(path) == ":memory:" or path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, FILE_MODE)
    except FileExistsError:
        return  # another thread created it first
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, FILE_MODE)


def configure(conn: sqlite3.Connection, *, synchronous: str = "FULL") -> None:
    """WAL, foreign keys, busy timeout, in-memory temp store.

    `synchronous=FULL`: a committed entry survives a power cut (the log is a record; a few
    fsyncs per minute cost nothing on a desk)."""
    if synchronous not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"bad synchronous mode {synchronous!r}")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Statement journals (one per row when triggers can abort) in memory, not temp files:
    # halves the cost of bulk appends.
    conn.execute("PRAGMA temp_store = MEMORY")


def connect(
    path: str | os.PathLike[str], *, check_same_thread: bool = True, synchronous: str = "FULL"
) -> Database:
    """A new configured connection (no migrations). Transactions are explicit
    (`isolation_level=None`); use `transaction()`."""
    p = Path(path)
    _ensure_private_file(p)
    conn = sqlite3.connect(
        str(p), isolation_level=None, check_same_thread=check_same_thread, timeout=10.0
    )
    try:
        configure(conn, synchronous=synchronous)
    except BaseException:
        conn.close()
        raise
    return Database(conn, execute_plugins=False)


def open_database(path: str | os.PathLike[str], *, synchronous: str = "FULL") -> Database:
    """Open (creating if needed) the app database at `path` and bring its schema up to date.

    Raises `DatabaseTooNew` for a database written by a newer HumasDesk.
    """
    from humasdesk.store.migrations import migrate

    db = connect(path, synchronous=synchronous)
    try:
        migrate(db, Path(path))
    except BaseException:
        db.close()
        raise
    return db


@dataclass(frozen=True)
class ConnectionFactory:
    """Makes configured connections to one database file, one per thread that asks."""

    path: Path
    synchronous: str = "FULL"

    def __init__(self, path: str | os.PathLike[str], synchronous: str = "FULL") -> None:
        object.__setattr__(self, "path", Path(path))
        object.__setattr__(self, "synchronous", synchronous)

    def connect(self, *, check_same_thread: bool = True) -> Database:
        return connect(self.path, check_same_thread=check_same_thread, synchronous=self.synchronous)


@contextmanager
def transaction(conn: sqlite3.Connection, *, immediate: bool = True) -> Iterator[None]:
    """`BEGIN IMMEDIATE` (take the write lock now) … `COMMIT`, or `ROLLBACK` on any error."""
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


@dataclass(frozen=True)
class QuickCheck:
    """Result of `PRAGMA quick_check`: `ok`, and SQLite's messages when not ok."""

    ok: bool
    messages: tuple[str, ...] = ()


def quick_check(db: Database, *, max_errors: int = 20) -> QuickCheck:
    """SQLite's structural check (O(size of the database): run it off the GUI thread)."""
    rows = db.conn.execute(f"PRAGMA quick_check({int(max_errors)})").fetchall()
    messages = tuple(str(r[0]) for r in rows)
    ok = messages == ("ok",)
    if not ok:
        logger.warning("database quick_check found %d problem(s)", len(messages))
    return QuickCheck(ok=ok, messages=() if ok else messages)


class Connections:
    """One connection per calling thread from a ``ConnectionFactory``, or one shared
    ``Database`` (single-threaded use; not closed by ``close()``)."""

    def __init__(self, source: ConnectionFactory | Database) -> None:
        self._db = source if isinstance(source, Database) else None
        self._factory = None if isinstance(source, Database) else source
        self._local = threading.local()
        self._opened: list[Database] = []
        self._lock = threading.Lock()

    @property
    def source(self) -> ConnectionFactory | Database:
        """What the connections come from (for another store over the same database)."""
        source = self._db if self._db is not None else self._factory
        assert source is not None
        return source

    def conn(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db.conn
        db = getattr(self._local, "db", None)
        if db is None:
            assert self._factory is not None
            db = self._factory.connect(check_same_thread=False)
            self._local.db = db
            with self._lock:
                self._opened.append(db)
        return db.conn

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for db in opened:
            db.close()
        self._local = threading.local()


class ThreadStore:
    """Base of the stores: one database connection per calling thread (`Connections`)."""

    def __init__(self, source: ConnectionFactory | Database) -> None:
        self._c = Connections(source)

    def close(self) -> None:
        """Close the connections this store opened (from any thread, once they are idle)."""
        self._c.close()

    def _conn(self) -> sqlite3.Connection:
        return self._c.conn()
