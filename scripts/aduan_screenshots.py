"""Screenshots of the complaint register for the README (issue 17), on a real X display.

    Xvfb :67 -screen 0 1400x900x24 -nolisten tcp &
    DISPLAY=:67 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/aduan_screenshots.py

Starts the desk in practice mode against a private sandbox (temporary data folder, in-memory
keyring), lets citizens' complaints arrive, tags them, forwards one, and saves
docs/screenshots/aduan-*.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait(cond, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not cond():
        QCoreApplication.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
    for _ in range(20):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget, name):
    wait(lambda: True, 1)
    widget.grab().save(str(OUT / name))
    print("saved", OUT / name)


def main() -> int:
    from humasdesk.core.models import Slot
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.gui.desk import DeskController
    from humasdesk.gui.i18n import install_translators
    from humasdesk.gui.main_window import MainWindow
    from humasdesk.sandbox import Sandbox
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES
    from tests.fakes import MemoryKeyring
    from tests.gui.helpers import Browser

    app = QApplication(sys.argv)
    translators = install_translators(app, "id")  # noqa: F841 (kept alive)
    sb = Sandbox(host="127.0.0.1", port=0)
    sb.start()
    data = Path(tempfile.mkdtemp(prefix="aduan-shots-"))
    backend = MemoryKeyring()
    window = MainWindow(practice=True)
    controller = DeskController(
        window,
        prepare_services=lambda: build_desk_services(
            data / "humasdesk.db",
            XEndpoint(PRACTICE_CLIENT_ID, sb.base_url, 0),
            FallbackTokenStore(TokenStore("humasdesk-shots", backend=backend)),
            undo_s=0.3,
        ),
        open_url=Browser(),
        practice_handles=PRACTICE_HANDLES,
        confirm_sign_out=False,
        confirm=lambda *a: True,
        ask=lambda *a: False,
        close_prompt=lambda *a: "leave",
        parent=window,
    )
    window.resize(1400, 900)
    window.show()
    controller.start()
    wait(lambda: all(s in controller.sessions for s in Slot), 30)
    for text in (
        "Lampu jalan di Jl. Melati mati sejak Senin, mohon diperbaiki",
        "Tagihan retribusi pasar saya salah tagih, saya dirugikan",
        "Jalan rusak berlubang di depan SD 3, berbahaya untuk anak-anak",
        "Ada pungli di loket pelayanan KTP kecamatan",
    ):
        body = {"to": "HumasDemo", "from": "warga_kota", "text": f"@HumasDemo {text}"}
        requests.post(f"{sb.base_url}/_sandbox/mentions", timeout=10, json=body)
    desk = controller.slot_desks[Slot.OFFICE]
    office = window.panes[Slot.OFFICE]
    desk.sync_now()
    wait(lambda: office.inbox_view.model.rowCount() >= 4, 30)
    services = controller.services
    cases = services.aduan
    inbox = services.mentions_store.mentions(controller.sessions[Slot.OFFICE].account.user_id)
    from humasdesk.core.aduan import ComplaintClass

    classes = {"Lampu": ComplaintClass.COMPLAINT, "Tagihan": ComplaintClass.DISPUTE,
               "Jalan": ComplaintClass.FIELD_CHECK}  # fmt: skip
    for m in inbox:
        for word, cls in classes.items():
            if word in m.text:
                services.mentions.tag_complaint(m.x_post_id)
                case = cases.open_case(m.x_post_id, cls)
                if cls is ComplaintClass.DISPUTE:
                    cases.forward(case.id, "#1916449")
    # one complaint from three days ago, so the reminders have something to say
    old = services.mentions_store.mentions(controller.sessions[Slot.OFFICE].account.user_id)[-1]
    services.mentions.tag_complaint(old.x_post_id)
    real = cases._clock
    cases._clock = lambda: real() + timedelta(days=3, hours=2)
    desk.aduan.refresh()
    wait(lambda: desk.aduan.view.model.rowCount() >= 4, 60)
    office.tabs.setCurrentWidget(desk.aduan.view)
    desk.aduan.view.table.selectRow(0)
    save(window, "aduan-register.png")

    office.composer.parts[0].edit.setPlainText("aku capek banget hari ini 😭😭😭")
    office.composer.parts[0].edit.setFocus()
    save(window, "aduan-composer-warning.png")
    office.composer.parts[0].edit.setPlainText(
        "Layanan KTP elektronik buka pukul 08.00 WIB di kantor kecamatan."
    )
    save(office.composer, "aduan-composer-quiet.png")
    office.composer.parts[0].edit.setPlainText("")

    from humasdesk.core.templates import DEFAULT_VALUES, lapor_reply_values
    from humasdesk.gui.aduan.forward_sheet import ForwardSheet
    from humasdesk.gui.aduan.templates_dialog import TemplatesDialog

    row = next(r for r in cases.rows() if r.case.lapor_id)
    form = cases.lapor_form(row.case.id, agency="Kementerian Demo")
    sheet = ForwardSheet(row.case.id, form, window)
    sheet.id_edit.setText("#1916449")
    sheet.show_result("1916449")
    sheet.show()
    save(sheet, "aduan-forward-sheet.png")
    sheet.close()
    values = {**DEFAULT_VALUES, **lapor_reply_values("1916449")}
    dialog = TemplatesDialog(cases.templates(Slot.OFFICE), values, window)
    dialog.list.setCurrentRow(1)
    dialog.show()
    save(dialog, "aduan-templates.png")
    dialog.close()

    controller.window.close_guard = None
    controller.shutdown()
    services.close()
    sb.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
