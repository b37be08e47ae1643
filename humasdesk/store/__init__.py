"""SQLite storage: database opening, migrations, the hash-chained activity log.

May import `humasdesk.core`, sqlite-utils/sqlite3 and the stdlib; never Qt.
"""

from humasdesk.store.activity_log import ActivityLog, Checkpoint, Head, LogFilter, fts_query
from humasdesk.store.database import (
    ConnectionFactory,
    QuickCheck,
    open_database,
    quick_check,
    transaction,
)
from humasdesk.store.migrations import LATEST_VERSION, DatabaseTooNew, MigrationReport, migrate

__all__ = [
    "LATEST_VERSION",
    "ActivityLog",
    "Checkpoint",
    "ConnectionFactory",
    "DatabaseTooNew",
    "Head",
    "LogFilter",
    "MigrationReport",
    "QuickCheck",
    "fts_query",
    "migrate",
    "open_database",
    "quick_check",
    "transaction",
]
