"""The whole desk at start with the office pane's "Terjadwal" tab: a missed post listed, and
this week's posts in every state. Runs the real desk (practice mode) on a prepared data
folder and grabs the screen.

    Xvfb :63 -screen 0 1400x900x24 -nolisten tcp &
    DISPLAY=:63 TZ=Asia/Jakarta tests/keyring/run_with_secret_service.sh \\
        .venv/bin/python scripts/schedule_desk_screenshot.py docs/screenshots/schedule-desk.png
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prepare(data: Path) -> None:
    """Posts of the office account (the practice HumasDemo) in every state this week."""
    from humasdesk.core.models import Account, Slot
    from humasdesk.services.schedule import Scheduler
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import ConnectionFactory, open_database
    from humasdesk.store.outbox_store import OutboxStore

    db = data / "humasdesk.db"
    open_database(db).close()
    factory = ConnectionFactory(db)
    store, log = OutboxStore(factory), ActivityLog(factory)
    office = Account("1700000000000000001", "HumasDemo", "Humas Kementerian Demo")
    now = datetime.now(UTC)
    local = now.astimezone()
    monday = (local - timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return (monday + timedelta(days=day, hours=hour, minutes=minute)).astimezone(UTC)

    def schedule(text: str, due: datetime, scheduled_at: datetime) -> int:
        s = Scheduler(store, log, lambda: scheduled_at)
        r = s.schedule(Slot.OFFICE, office, [text], due, confirmed=True)
        assert r.ok, r
        return r.items[0].id

    early = min(at(0, 6), now - timedelta(hours=3))
    sent = schedule("Layanan Mal Pelayanan Publik buka pukul 07.00 WIB.", at(0, 7), early)
    missed = schedule("Selamat Hari Guru Nasional untuk seluruh guru.",
                      now - timedelta(hours=2), now - timedelta(days=1))  # fmt: skip
    failed = schedule("Pengumuman seleksi PPPK: daftar ulang dibuka.", at(2, 8), early)
    waiting = schedule("Info lalu lintas: Jl. Sudirman ditutup sementara.", at(3, 7), early)
    sending = schedule("Rilis pers: hasil rapat koordinasi banjir.", at(2, 15, 30), early)
    for text, day, hour in (("Car free day Minggu ini di Jl. Merdeka.", 4, 7),
                            ("Siaran langsung konferensi pers pukul 13.00 WIB.", 4, 13),
                            ("Selamat Hari Ibu, 22 Desember!", 6, 0)):  # fmt: skip
        schedule(text, max(at(day, hour), now + timedelta(hours=1)), now)
    store.close()
    log.close()
    conn = sqlite3.connect(str(db))
    conn.execute(
        "UPDATE outbox SET state = 'sent', x_post_id = '1864000000000000001', sent_at = due_at "
        "WHERE id = ?",
        (sent,),
    )
    conn.execute(
        "UPDATE outbox SET state = 'failed', last_error_kind = 'invalid', "
        "last_error_text = 'Your Tweet text is too long.' WHERE id = ?",
        (failed,),
    )
    conn.execute(
        "UPDATE outbox SET state = 'queued', last_error_kind = 'rate_limited', "
        "next_attempt_at = ? WHERE id = ?",
        ((now + timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M:%S.000Z"), waiting),
    )
    conn.execute(
        "UPDATE outbox SET state = 'sending', lease_owner = 'screenshot', lease_pid = ?, "
        "lease_until = ? WHERE id = ?",
        (os.getpid(), (now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"), sending),
    )
    conn.commit()
    conn.close()
    del missed


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/schedule-desk.png")
    with tempfile.TemporaryDirectory(prefix="schedule-desk-") as tmp:
        data = Path(tmp)
        prepare(data)
        # One pane across the window (Tampilan → satu panel): the week has room to read.
        (data / "settings.json").write_text('{"single_pane": true}', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("HUMASDESK_")}
        env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="xcb")
        desk = subprocess.Popen(
            [sys.executable, "-m", "humasdesk", "--sandbox", "--data-dir", str(data)],
            env=env, cwd=ROOT,
        )  # fmt: skip
        try:
            time.sleep(float(os.environ.get("SCREENSHOT_WAIT", "14")))
            out.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", "root", str(out)], check=True, env=env)
        finally:
            desk.terminate()
            try:
                desk.wait(timeout=20)
            except subprocess.TimeoutExpired:
                desk.kill()
                desk.wait()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
