"""In the desk (issue 16): a post made in X's app shows up on the record after the pane's
sync, and "Perbarui angka" on the Kiriman tab reads its numbers from X and shows them with
the time they were read; the header counts what the read cost."""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt

from humasdesk.core.models import Slot
from humasdesk.gui.reach_view import numbers_text
from humasdesk.store.activity_log import LogFilter
from tests.gui.test_desk_work import ready
from tests.qt_fixtures import drain


def test_a_post_made_in_xs_app_gets_numbers_on_the_kiriman_tab(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    window, controller = ready(qtbot, make_desk, keyring_backend)
    body = {"author": "HumasDemo", "text": "Dari ponsel: pos layanan buka."}
    made = requests.post(f"{sandbox.base_url}/_sandbox/posts", json=body, timeout=10)
    assert made.status_code == 201, made.text
    pid = made.json()["data"]["id"]
    desk = controller.slot_desks[Slot.OFFICE]
    pane = window.panes[Slot.OFFICE]

    def seen() -> list[str]:
        return [e.x_post_id for e in activity_log.iter_entries(LogFilter())
                if str(e.action) == "post_seen"]  # fmt: skip

    desk.sync_now()  # the pane's sync also reads the own timeline
    qtbot.waitUntil(lambda: seen() == [pid], timeout=20000)
    desk.refresh_posts()
    view = pane.posts_view
    qtbot.waitUntil(lambda: view.model.row_of(pid) >= 0, timeout=15000)
    drain(qtbot, desk.worker, timeout=20000)
    panel = desk.reach.panel
    assert numbers_text(panel.state.rows.get(pid)) == "Belum diukur"
    view.post_list.setCurrentIndex(view.model.index(view.model.row_of(pid)))
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (r := panel.state.rows.get(pid)) is not None and r.latest is not None,
        timeout=20000,
    )
    assert " tayangan · " in numbers_text(panel.state.rows[pid])
    assert "dibaca " in numbers_text(panel.state.rows[pid])
    assert "Baca angka: US$0,01 dari 2,00" in pane.header.quota_label.text()
