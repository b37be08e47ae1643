"""Another process reading the database must never remove the desk's live WAL.

If this breaks, `humasdesk verify` or an export run while the desk is open can delete
the write-ahead log that holds the desk's latest committed entries: posts on X with
no record of them, or a 'disk I/O error' in the middle of a send.
"""

from __future__ import annotations

import subprocess
import sys

from humasdesk.store.database import ConnectionFactory


def test_second_connection_keeps_the_wal_when_another_process_reads(tmp_path):
    path = tmp_path / "humasdesk.db"
    factory = ConnectionFactory(path)
    first = factory.connect()
    first.conn.execute("CREATE TABLE t(x)")
    first.conn.execute("INSERT INTO t VALUES (1)")
    second = factory.connect()  # another worker thread's connection
    reader = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('select count(*) from t').fetchone()[0]); c.close()"
    )
    subprocess.run([sys.executable, "-c", reader, str(path)], check=True, timeout=30)
    assert (tmp_path / "humasdesk.db-wal").exists()
    first.conn.execute("INSERT INTO t VALUES (2)")
    count = subprocess.run(
        [sys.executable, "-c", reader, str(path)],
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout.strip()  # fmt: skip
    assert count == "2"
    second.close()
    first.close()
