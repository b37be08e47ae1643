"""Schema migrations: an append-only list of functions, `PRAGMA user_version` as the version.

Rules: never edit or reorder a released migration; add a new one at the end. Each runs in
its own transaction together with the `user_version` bump, so a failed migration leaves the
database at the previous version. Before migrating a database that holds anything, it is
copied (SQLite backup API, so WAL content is included) to `<name>.bak-v<current version>`.
A database whose version is higher than the code knows is refused with `DatabaseTooNew`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from humasdesk.store.database import FILE_MODE, transaction

logger = logging.getLogger(__name__)

Migration = Callable[[Database], None]


class DatabaseTooNew(Exception):
    """The database was written by a newer HumasDesk; opening it could damage it."""

    def __init__(self, db_version: int, known_version: int, path: Path | None = None) -> None:
        self.db_version = db_version
        self.known_version = known_version
        self.path = path
        where = f" ({path})" if path else ""
        super().__init__(
            f"The database{where} is at schema version {db_version}, but this HumasDesk knows "
            f"versions up to {known_version}. Install a newer HumasDesk; the database was "
            "not changed."
        )


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction (`executescript` would commit)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError("incomplete SQL statement at the end of a migration script")


def _m1_activity_log(db: Database) -> None:
    """Activity log (hash chain), personal fields beside it, FTS index, verify checkpoint."""
    run_script(
        db.conn,
        """
        -- `canonical` is the entry's canonical form (humasdesk.core.activity) and the only
        -- stored copy of its fields: the columns after it are derived from it, so what the
        -- view shows can never differ from what the hash covers.
        CREATE TABLE activity (
            seq INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            ts TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.ts')) VIRTUAL,
            slot TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.slot')) VIRTUAL,
            account_id TEXT
                GENERATED ALWAYS AS (json_extract(canonical, '$.account_id')) VIRTUAL,
            handle TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.handle')) VIRTUAL,
            action TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.action')) VIRTUAL,
            x_post_id TEXT
                GENERATED ALWAYS AS (json_extract(canonical, '$.x_post_id')) VIRTUAL,
            in_reply_to TEXT
                GENERATED ALWAYS AS (json_extract(canonical, '$.in_reply_to')) VIRTUAL,
            text TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.text')) VIRTUAL,
            details TEXT GENERATED ALWAYS AS (json_extract(canonical, '$.details')) VIRTUAL,
            citizen_handle_digest TEXT GENERATED ALWAYS AS
                (json_extract(canonical, '$.citizen_handle_digest')) VIRTUAL,
            citizen_text_digest TEXT GENERATED ALWAYS AS
                (json_extract(canonical, '$.citizen_text_digest')) VIRTUAL
        );
        CREATE INDEX activity_ts ON activity(ts);
        CREATE INDEX activity_action_ts ON activity(action, ts);
        CREATE INDEX activity_slot_ts ON activity(slot, ts);

        -- Only the next link of the chain may be inserted.
        CREATE TRIGGER activity_insert_extends_chain BEFORE INSERT ON activity
        WHEN NEW.seq IS NOT (SELECT IFNULL(MAX(seq), 0) + 1 FROM activity)
          OR NEW.prev_hash IS NOT IFNULL(
                (SELECT hash FROM activity ORDER BY seq DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000')
          OR json_extract(NEW.canonical, '$.seq') IS NOT NEW.seq
        BEGIN
            SELECT RAISE(ABORT, 'activity log entries must extend the chain');
        END;
        CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
        BEGIN
            SELECT RAISE(ABORT, 'activity log is append-only');
        END;
        CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
        BEGIN
            SELECT RAISE(ABORT, 'activity log is append-only');
        END;

        CREATE TABLE activity_personal (
            seq INTEGER PRIMARY KEY REFERENCES activity(seq),
            salt BLOB,
            citizen_handle TEXT,
            citizen_text TEXT,
            erased_at TEXT
        );
        CREATE INDEX activity_personal_handle ON activity_personal(citizen_handle)
            WHERE citizen_handle IS NOT NULL;
        CREATE TRIGGER activity_personal_no_delete BEFORE DELETE ON activity_personal
        BEGIN
            SELECT RAISE(ABORT, 'personal fields can only be erased, not deleted');
        END;
        -- The only allowed change: values (and salt) become NULL, with erased_at set.
        CREATE TRIGGER activity_personal_erase_only BEFORE UPDATE ON activity_personal
        WHEN NEW.seq IS NOT OLD.seq
          OR NEW.erased_at IS NULL
          OR (OLD.erased_at IS NOT NULL AND NEW.erased_at IS NOT OLD.erased_at)
          OR NOT (NEW.salt IS OLD.salt OR NEW.salt IS NULL)
          OR NOT (NEW.citizen_handle IS OLD.citizen_handle OR NEW.citizen_handle IS NULL)
          OR NOT (NEW.citizen_text IS OLD.citizen_text OR NEW.citizen_text IS NULL)
        BEGIN
            SELECT RAISE(ABORT, 'personal fields can only be erased');
        END;

        -- Full-text index over the desk's own post text and citizens' mention text.
        CREATE VIEW activity_fts_content AS
            SELECT a.seq AS seq, a.text AS text, p.citizen_text AS citizen_text
            FROM activity a LEFT JOIN activity_personal p ON p.seq = a.seq;
        CREATE VIRTUAL TABLE activity_fts USING fts5(
            text, citizen_text,
            content='activity_fts_content', content_rowid='seq',
            tokenize='unicode61 remove_diacritics 2'
        );
        -- Erasing a mention's text takes it out of the index too.
        CREATE TRIGGER activity_personal_fts_erase AFTER UPDATE OF citizen_text
            ON activity_personal
        WHEN OLD.citizen_text IS NOT NEW.citizen_text
        BEGIN
            INSERT INTO activity_fts(activity_fts, rowid, text, citizen_text)
                SELECT 'delete', a.seq, a.text, OLD.citizen_text FROM activity a
                WHERE a.seq = OLD.seq AND (a.text IS NOT NULL OR OLD.citizen_text IS NOT NULL);
            INSERT INTO activity_fts(rowid, text, citizen_text)
                SELECT a.seq, a.text, NEW.citizen_text FROM activity a
                WHERE a.seq = NEW.seq AND (a.text IS NOT NULL OR NEW.citizen_text IS NOT NULL);
        END;

        CREATE TABLE verify_checkpoint (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """,
    )


def _m2_desk(db: Database) -> None:
    """The two-pane desk: outbox (durable sends), drafts, mentions inbox, sync state, usage."""
    run_script(
        db.conn,
        """
        -- One row per post to send. Every state change is its own committed transaction:
        -- queued -> sending -> sent | failed | cancelled (failed -> queued on retry).
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            slot TEXT NOT NULL,
            account_id TEXT NOT NULL,
            handle TEXT,
            state TEXT NOT NULL
                CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
            kind TEXT NOT NULL CHECK (kind IN ('post', 'reply', 'quote', 'thread_part')),
            text TEXT NOT NULL,
            reply_to TEXT,
            quote_of TEXT,
            thread_id INTEGER,
            thread_index INTEGER,
            media TEXT NOT NULL DEFAULT '[]',
            official_capacity INTEGER NOT NULL DEFAULT 0,
            not_before TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            outcome_unknown INTEGER NOT NULL DEFAULT 0,
            last_error_kind TEXT,
            last_error_text TEXT,
            next_attempt_at TEXT,
            x_post_id TEXT,
            sent_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX outbox_slot_state ON outbox(slot, state, id);
        CREATE INDEX outbox_thread ON outbox(thread_id, thread_index) WHERE thread_id IS NOT NULL;

        CREATE TABLE drafts (
            slot TEXT PRIMARY KEY,
            text TEXT NOT NULL DEFAULT '',
            reply_to TEXT,
            quote_of TEXT,
            media TEXT NOT NULL DEFAULT '[]',
            official_capacity INTEGER NOT NULL DEFAULT 0,
            thread TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        );

        -- Citizens' mentions: author and text are personal data (never logged).
        CREATE TABLE mentions (
            x_post_id TEXT PRIMARY KEY,
            slot TEXT NOT NULL,
            account_id TEXT NOT NULL,
            author_id TEXT,
            author_username TEXT,
            author_name TEXT,
            text TEXT NOT NULL,
            created_at TEXT,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'baru'
                CHECK (state IN ('baru', 'dibaca', 'dibalas', 'diabaikan')),
            is_complaint INTEGER NOT NULL DEFAULT 0,
            replied_post_id TEXT,
            first_reply_at TEXT,
            handled_at TEXT
        );
        CREATE INDEX mentions_account_order ON mentions(account_id, created_at, x_post_id);
        CREATE INDEX mentions_unread ON mentions(account_id) WHERE state = 'baru';

        CREATE TABLE mention_sync (
            account_id TEXT PRIMARY KEY,
            slot TEXT NOT NULL,
            newest_id TEXT,
            synced_at TEXT
        );

        -- Billed X events per account and calendar month (UTC), for the cost estimate.
        CREATE TABLE x_usage (
            account_id TEXT NOT NULL,
            month TEXT NOT NULL,
            posts INTEGER NOT NULL DEFAULT 0,
            url_posts INTEGER NOT NULL DEFAULT 0,
            reads INTEGER NOT NULL DEFAULT 0,
            deletes INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account_id, month)
        );
        """,
    )


def _m3_privacy(db: Database) -> None:
    """Citizens' data and records: the data-subject requests register, erasure runs, the
    mentions whose citizen data was erased, and export/erasure leases
    (`humasdesk.store.privacy_store`)."""
    run_script(
        db.conn,
        """
        CREATE TABLE privacy_requests (
            id INTEGER PRIMARY KEY,
            handle TEXT NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind IN ('access', 'correction', 'restriction', 'erasure')),
            received_at TEXT NOT NULL,
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'granted', 'refused')),
            reason TEXT,
            closed_at TEXT,
            note TEXT
        );
        CREATE INDEX privacy_requests_handle ON privacy_requests(handle);
        CREATE INDEX privacy_requests_open ON privacy_requests(deadline) WHERE status = 'open';

        CREATE TABLE privacy_erasure_runs (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            trigger TEXT NOT NULL,
            data_class TEXT NOT NULL,
            reason TEXT NOT NULL,
            log_count INTEGER NOT NULL DEFAULT 0,
            mention_count INTEGER NOT NULL DEFAULT 0,
            request_id INTEGER REFERENCES privacy_requests(id)
        );

        CREATE TABLE privacy_erased_mentions (
            x_post_id TEXT PRIMARY KEY,
            erased_at TEXT NOT NULL,
            run_id INTEGER REFERENCES privacy_erasure_runs(id)
        );

        -- Advisory leases: an erasure does not start while an export holds one, and the
        -- other way round. Stale leases (expired, or their process gone) are ignored.
        CREATE TABLE privacy_leases (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('export', 'erasure')),
            purpose TEXT NOT NULL,
            pid INTEGER,
            acquired_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        """,
    )


def _m4_sent_post_index(db: Database) -> None:
    """Find a post's log entry by its X id: a send recorded before a crash is not
    recorded twice when the desk finds the post on X after restarting."""
    run_script(
        db.conn,
        """
        CREATE INDEX activity_x_post ON activity(x_post_id) WHERE x_post_id IS NOT NULL;
        """,
    )


def _m5_x_billing(db: Database) -> None:
    """Every event X bills (post and user reads, creates, deletes, media metadata), one row
    each; reads keyed by resource and UTC day, so a same-day repeat, which X does not bill,
    is not counted either (`humasdesk.services.usage`). Replaces the x_usage counters."""
    run_script(
        db.conn,
        """
        CREATE TABLE x_billing (
            day TEXT NOT NULL,          -- UTC YYYY-MM-DD
            kind TEXT NOT NULL,
            resource_id TEXT NOT NULL,  -- for writes unique per call
            account_id TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (day, kind, resource_id)
        );
        CREATE INDEX x_billing_month ON x_billing(substr(day, 1, 7), account_id);
        """,
    )


def _m6_outbox_leases(db: Database) -> None:
    """Who is sending an outbox item: the desk's workers and `humasdesk sync` share the
    outbox, and an item another live sender holds is never taken as interrupted
    (`humasdesk.store.outbox_store.OutboxStore.recover_interrupted`)."""
    run_script(
        db.conn,
        """
        ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
        ALTER TABLE outbox ADD COLUMN lease_pid INTEGER;
        ALTER TABLE outbox ADD COLUMN lease_until TEXT;
        """,
    )


def _m7_outbox_repost(db: Database) -> None:
    """Reposts go through the outbox (undo window, retries, the log) like posts. The post
    being reposted is `repost_of`; the row's `kind` stays 'post' (its CHECK predates
    reposts, and rebuilding the table would fight other columns added since), and the store
    reads a row with `repost_of` as a repost."""
    run_script(db.conn, "ALTER TABLE outbox ADD COLUMN repost_of TEXT;")


def _m8_schedule(db: Database) -> None:
    """Scheduled posts (issue 15): an item's due time (`due_at`, UTC; null for a post sent
    after its undo window) and the states ``scheduled`` and ``missed``. SQLite cannot change
    a CHECK constraint, so the table is rebuilt from its own stored definition (whatever
    columns later migrations added stay, in order), its rows copied, its indexes remade."""
    conn = db.conn
    old_states = "CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled'))"
    new_states = (
        "CHECK (state IN ('queued', 'scheduled', 'sending', 'sent', 'missed', 'failed', "
        "'cancelled'))"
    )
    (table_sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'"
    ).fetchone()
    if old_states not in table_sql:
        raise ValueError("the outbox table's state constraint is not the one expected")
    indexes = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' "
            "AND sql IS NOT NULL"
        )
    ]
    rebuilt = table_sql.replace(old_states, new_states).replace(
        "CREATE TABLE outbox", "CREATE TABLE outbox_m8", 1
    )
    conn.execute(rebuilt)
    conn.execute("INSERT INTO outbox_m8 SELECT * FROM outbox")
    conn.execute("DROP TABLE outbox")
    conn.execute("ALTER TABLE outbox_m8 RENAME TO outbox")
    for sql in indexes:
        conn.execute(sql)
    run_script(
        conn,
        """
        ALTER TABLE outbox ADD COLUMN due_at TEXT;
        CREATE INDEX outbox_due ON outbox(state, due_at) WHERE due_at IS NOT NULL;
        """,
    )


def _m9_post_metrics(db: Database) -> None:
    """Issue 16: every post of both accounts on the record, and how each did. The own
    timeline's sync position; the posts whose numbers are read (sent by the desk or seen
    on X); each reading (snapshot) with its time; readings skipped for the budget; which
    posts the metrics reads billed, per UTC day (the budget's ledger)."""
    run_script(
        db.conn,
        """
        CREATE TABLE own_timeline_sync (
            account_id TEXT PRIMARY KEY,
            slot TEXT NOT NULL,
            newest_id TEXT,
            synced_at TEXT
        );
        CREATE TABLE measured_posts (
            x_post_id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            slot TEXT,
            handle TEXT,
            kind TEXT NOT NULL,            -- post | reply
            posted_at TEXT NOT NULL,       -- X's time
            text TEXT,
            official_capacity INTEGER NOT NULL DEFAULT 0,
            done INTEGER NOT NULL DEFAULT 0,  -- schedule points passed (core.snapshots)
            demand INTEGER NOT NULL DEFAULT 0,
            deleted_at TEXT,               -- X said it is gone: never read again
            replaced_by TEXT,              -- edited on X: the newer version is read
            edit_of TEXT                   -- this version replaced that one
        );
        CREATE INDEX measured_posts_account ON measured_posts(account_id, posted_at);
        CREATE TABLE metric_snapshots (
            id INTEGER PRIMARY KEY,
            x_post_id TEXT NOT NULL,
            account_id TEXT NOT NULL,
            read_at TEXT NOT NULL,
            point TEXT NOT NULL,
            impression_count INTEGER,
            like_count INTEGER,
            retweet_count INTEGER,
            quote_count INTEGER,
            reply_count INTEGER,
            bookmark_count INTEGER,
            non_public TEXT,               -- JSON object as X gave it, or NULL
            organic TEXT,
            fields TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX metric_snapshots_post ON metric_snapshots(x_post_id, read_at);
        CREATE INDEX metric_snapshots_time ON metric_snapshots(read_at);
        CREATE TABLE metric_skips (
            x_post_id TEXT NOT NULL,
            account_id TEXT NOT NULL,
            point TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX metric_skips_month ON metric_skips(account_id, substr(at, 1, 7));
        CREATE TABLE metric_reads (
            day TEXT NOT NULL,
            x_post_id TEXT NOT NULL,
            account_id TEXT NOT NULL,
            billed INTEGER NOT NULL,
            PRIMARY KEY (day, x_post_id)
        );
        CREATE TABLE metrics_state (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """,
    )


def _m10_aduan(db: Database) -> None:
    """Issue 17: the complaint register (one case per mention tagged "aduan", its clocks and
    LAPOR! tracking ID), reply templates per pane, keyword suggestions, the register's key
    for citizens' pseudonyms. Citizens' words stay in `mentions` (erasable there)."""
    run_script(
        db.conn,
        """
        CREATE TABLE aduan_cases (
            id INTEGER PRIMARY KEY,
            slot TEXT NOT NULL,
            account_id TEXT NOT NULL,
            mention_id TEXT NOT NULL UNIQUE,
            pseudonym TEXT NOT NULL,
            category TEXT NOT NULL,
            category_suggested INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            reject_reason TEXT,
            received_at TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            first_response_at TEXT,
            closed_at TEXT,
            forwarded_at TEXT,
            lapor_id TEXT,
            mention_deleted INTEGER NOT NULL DEFAULT 0,
            citizen_erased_at TEXT,
            post_ids TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX aduan_cases_account ON aduan_cases(account_id, status);
        CREATE TABLE aduan_templates (
            id INTEGER PRIMARY KEY,
            slot TEXT NOT NULL,
            name TEXT NOT NULL,
            body TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (slot, name)
        );
        CREATE TABLE aduan_template_seeded (slot TEXT PRIMARY KEY);
        CREATE TABLE aduan_suggestions (
            mention_id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            category TEXT NOT NULL,
            found TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'accepted', 'dismissed')),
            created_at TEXT NOT NULL
        );
        CREATE TABLE aduan_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _m1_activity_log,
    _m2_desk,
    _m3_privacy,
    _m4_sent_post_index,
    _m5_x_billing,
    _m6_outbox_leases,
    _m7_outbox_repost,
    _m8_schedule,
    _m9_post_metrics,
    _m10_aduan,
)
LATEST_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class MigrationReport:
    """What `migrate` did: versions before and after, and the backup file if one was made."""

    from_version: int
    to_version: int
    backup: Path | None = None


def user_version(db: Database) -> int:
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def _is_empty(db: Database) -> bool:
    row = db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return int(row[0]) == 0


def _backup(db: Database, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.name}.bak-v{version}")
    if target.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.name}.bak-v{version}-{stamp}")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    os.close(fd)
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(
    db: Database,
    path: Path | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> MigrationReport:
    """Apply the migrations `db` has not seen yet. `path` is where its file lives (for the
    backup; None for an in-memory database). Refuses a newer database with `DatabaseTooNew`."""
    known = len(migrations)
    current = user_version(db)
    if current > known:
        raise DatabaseTooNew(current, known, path)
    if current == known:
        return MigrationReport(current, current)
    backup = None
    if path is not None and str(path) != ":memory:" and not _is_empty(db):
        backup = _backup(db, path, current)
        logger.info("database backed up to %s before migrating from v%d", backup, current)
    conn = db.conn
    for version in range(current + 1, known + 1):
        with transaction(conn):
            # Re-read inside the write lock: another process may have migrated meanwhile.
            now = user_version(db)
            if now >= version:
                continue
            migrations[version - 1](db)
            conn.execute(f"PRAGMA user_version = {int(version)}")
        logger.info("database migrated to v%d", version)
    return MigrationReport(current, known, backup)
