"""The "Terjadwal" week view with a post in every state (scheduled, waiting, sending, sent,
missed, failed), in Bahasa Indonesia, saved as a PNG (README and the issue note), and the
"Jadwalkan…" dialog beside it (schedule-dialog.png).

    Xvfb :63 -screen 0 1400x900x24 -nolisten tcp &
    DISPLAY=:63 QT_QPA_PLATFORM=xcb TZ=Asia/Jakarta \
        .venv/bin/python scripts/schedule_screenshot.py docs/screenshots/schedule-week.png
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def items(now: datetime) -> list:
    from humasdesk.core.models import Slot
    from humasdesk.store.outbox_store import OutboxItem, OutboxState, PostKind

    monday = (now.astimezone() - timedelta(days=now.astimezone().weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return (monday + timedelta(days=day, hours=hour, minutes=minute)).astimezone(UTC)

    rows = [
        (1, at(0, 7), OutboxState.SENT, "Layanan Mal Pelayanan Publik buka pukul 07.00 WIB.",
         "1864000000000000001", None),
        (2, at(0, 12), OutboxState.SENT, "Jadwal vaksinasi anak di 12 puskesmas pekan ini.",
         "1864000000000000002", None),
        (3, at(1, 9), OutboxState.MISSED, "Selamat Hari Guru Nasional untuk seluruh guru.",
         None, None),
        (4, at(2, 8), OutboxState.FAILED, "Pengumuman seleksi PPPK: daftar ulang dibuka.",
         None, ("invalid", "Your Tweet text is too long.")),
        (5, at(2, 15, 30), OutboxState.SENDING, "Rilis pers: hasil rapat koordinasi banjir.",
         None, None),
        (6, at(3, 7), OutboxState.QUEUED, "Info lalu lintas: Jl. Sudirman ditutup sementara.",
         None, ("rate_limited", "Too Many Requests")),
        (7, at(4, 7), OutboxState.SCHEDULED, "Car free day Minggu ini di Jl. Merdeka.", None,
         None),
        (8, at(4, 13), OutboxState.SCHEDULED, "Siaran langsung konferensi pers pukul 13.00 WIB.",
         None, None),
        (9, at(6, 0), OutboxState.SCHEDULED, "Selamat Hari Ibu 22 Desember!", None, None),
    ]  # fmt: skip
    out = []
    for i, due, state, text, x_id, error in rows:
        out.append(
            OutboxItem(
                id=i, slot=Slot.OFFICE, account_id="1700000000000000001", handle="HumasDemo",
                state=state, kind=PostKind.POST, text=text, reply_to=None, quote_of=None,
                thread_id=None, thread_index=None, media=(), official_capacity=False,
                not_before=due, attempts=1 if x_id else 0, outcome_unknown=False,
                last_error_kind=error[0] if error else None,
                last_error_text=error[1] if error else None, next_attempt_at=None,
                x_post_id=x_id, sent_at=due + timedelta(seconds=20) if x_id else None,
                created_at=due - timedelta(days=2), updated_at=due, due_at=due,
            )
        )  # fmt: skip
    return out


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/schedule-week.png")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from humasdesk.core.models import Slot
    from humasdesk.gui.i18n import install_translators
    from humasdesk.gui.schedule.view import ScheduleView
    from humasdesk.store.outbox_store import OutboxState

    app = QApplication([])
    install_translators(app, "id")
    now = datetime.now(UTC)
    shown = items(now)
    view = ScheduleView(Slot.OFFICE)
    view.setWindowTitle("HumasDesk — Terjadwal (akun kantor)")
    view.resize(1300, 640)
    view.set_items(shown, [i for i in shown if i.state is OutboxState.MISSED])
    view.select(4)
    view.show()

    from humasdesk.gui.schedule.dialog import ScheduleDialog

    dialog = ScheduleDialog(
        "Jadwalkan kiriman",
        "Kapan kiriman ini dikirim dari @HumasDemo?\n“Car free day Minggu ini di Jl. Merdeka.”",
    )
    dialog.show()

    def shoot() -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        view.grab().save(str(out))
        second = out.with_name("schedule-dialog.png")
        dialog.grab().save(str(second))
        print(out, second)
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
