"""Application logs never hold citizens' handles or words (UU 27/2022), nor tokens.

If this breaks, a diagnostic log handed to IT support would carry personal data that
the agency must protect and may have to erase.
"""

from __future__ import annotations

import logging

import requests
from PySide6.QtCore import Qt

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.models import Slot
from humasdesk.credentials import TokenStore
from tests.fakes import MemoryKeyring


def test_a_full_session_leaves_no_citizen_content_in_the_logs(qtbot, sandbox, data_dir, caplog):
    caplog.set_level(logging.DEBUG)
    secret_words = "Nomor HP saya 081299887766, rumah di Jl. Melati 7"
    requests.post(
        f"{sandbox.base_url}/_sandbox/mentions",
        json={"to": "rina_humas", "from": "warga_rahasia", "text": f"@rina_humas {secret_words}"},
        timeout=10,
    )
    desk = build_desk(
        DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)),
        token_store=TokenStore("humasdesk-test", backend=MemoryKeyring()),
    )
    qtbot.addWidget(desk.window)
    try:
        pane = desk.window.panes[Slot.PERSONAL]  # no confirmation dialog for personal posts
        qtbot.waitUntil(
            lambda: pane.pages.count() > 2 and pane.inbox_view.model.rowCount() > 0,
            timeout=20000,
        )
        inbox = pane.inbox_view
        citizens = {inbox.model.mention_at(r) for r in range(inbox.model.rowCount())}
        target = next(m for m in citizens if m.author_username == "warga_rahasia")
        inbox.select(target.x_post_id)
        qtbot.mouseClick(inbox.reply_button, Qt.MouseButton.LeftButton)
        pane.composer.parts[0].edit.setPlainText("Terima kasih, kami tindak lanjuti.")
        qtbot.mouseClick(pane.composer.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                inbox.model.mention_at(inbox.model.index_of(target.x_post_id).row()).state.value
                == "dibalas"
            ),
            timeout=30000,
        )
    finally:
        desk.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = (data_dir / "logs" / "humasdesk.log").read_text(encoding="utf-8") + caplog.text
    assert "mention" in logged  # the log did record the session
    handles = {m.author_username for m in citizens if m.author_username}
    texts = {m.text for m in citizens}
    leaks = [h for h in handles if h in logged] + [t[:30] for t in texts if t[:30] in logged]
    assert leaks == []
    assert "081299887766" not in logged and "Melati" not in logged
