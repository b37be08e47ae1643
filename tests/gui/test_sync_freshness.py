"""A new mention shows within one sync period, and the pane says when it last asked X."""

from __future__ import annotations

import re

import requests

from humasdesk.core.models import Slot
from tests.gui.helpers import wait_signed_in

PERIOD_S = 2.0


def test_a_new_mention_shows_within_one_sync_period_and_the_pane_says_when(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    inbox = window.panes[Slot.OFFICE].inbox_view
    qtbot.waitUntil(inbox.synced_label.isVisible, timeout=15000)
    assert re.fullmatch(
        r"Disinkronkan dengan X pukul \d\d\.\d\d; pemeriksaan berikutnya dalam 60 dtk\.",
        inbox.synced_label.text(),
    )
    # A short period for the test (the desk's is 60 s): armed by one sync.
    controller.services.mentions.poll_s = PERIOD_S
    desk = controller.slot_desks[Slot.OFFICE]
    with qtbot.waitSignal(desk.mentions_synced, timeout=15000):
        desk.sync_now()
    assert "dalam 2 dtk" in inbox.synced_label.text()

    requests.post(
        f"{sandbox.base_url}/_sandbox/mentions",
        json={"to": "HumasDemo", "from": "warga_77", "text": "Lampu jalan di RT 03 mati."},
        timeout=10,
    ).raise_for_status()

    def shown() -> bool:
        rows = range(inbox.model.rowCount())
        return any(inbox.model.mention_at(r).author_username == "warga_77" for r in rows)

    # The next timed sync brings it: one period, plus the time the sync itself takes.
    qtbot.waitUntil(shown, timeout=int(PERIOD_S * 1000) + 3000)
