"""Tandai ditangani, Abaikan and Aduan from the desk: the official works a citizen's mention
with the inbox's own buttons (mouse and keyboard), and the activity log and the stored inbox
record what she did. If these break, the supervisor's report counts a complaint as open that
was dealt with, or an aduan goes unmeasured against the SP4N-LAPOR! service times.
"""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt

from humasdesk.core.models import Slot
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.mentions_store import MentionState
from tests.gui.test_desk_work import ready
from tests.qt_fixtures import drain

MENTION_ACTIONS = {"mention_handled", "mention_ignored", "mention_tagged"}


def inject_mention(sandbox, text: str, author: str = "warga_jalan") -> str:
    r = requests.post(
        f"{sandbox.base_url}/_sandbox/mentions",
        json={"to": "HumasDemo", "from": author, "text": f"@HumasDemo {text}"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["data"]["id"]


def logged(activity_log, x_post_id: str) -> list[tuple[str, dict]]:
    return [
        (str(e.action), dict(e.details or {}))
        for e in activity_log.iter_entries(LogFilter())
        if str(e.action) in MENTION_ACTIONS and e.x_post_id == x_post_id
    ]


def line_of(inbox, x_post_id: str) -> str:
    """The state line the official reads under the mention."""
    return inbox.model.index(inbox.model.index_of(x_post_id).row()).data().splitlines()[-1]


def open_inbox_with(qtbot, make_desk, keyring_backend, sandbox, text: str):
    mention_id = inject_mention(sandbox, text)
    window, controller = ready(qtbot, make_desk, keyring_backend)  # the first sync has run
    office = window.panes[Slot.OFFICE]
    inbox = office.inbox_view
    desk = controller.slot_desks[Slot.OFFICE]
    if not inbox.model.index_of(mention_id).isValid():
        with qtbot.waitSignal(desk.mentions_synced, timeout=15000):
            desk.sync_now()
    office.show_tab("mentions")
    assert inbox.select(mention_id)
    drain(qtbot, desk.worker)  # opening it marked it read
    assert line_of(inbox, mention_id) == "Dibaca"
    return controller, inbox, desk, mention_id


def test_mark_handled_from_the_inbox_is_logged_once_and_shown(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    """Tandai ditangani: the row says Ditangani, the log holds one mention_handled, and the
    button is off so it cannot be counted twice."""
    controller, inbox, desk, mid = open_inbox_with(
        qtbot, make_desk, keyring_backend, sandbox, "Lampu jalan di RT 05 mati sejak Senin"
    )
    assert inbox.handled_button.text() == "Tandai ditangani"
    qtbot.mouseClick(inbox.handled_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: line_of(inbox, mid) == "Dibaca · Ditangani", timeout=10000)
    assert not inbox.handled_button.isEnabled()
    assert controller.services.mentions_store.get(mid).handled_at is not None
    assert logged(activity_log, mid) == [("mention_handled", {})]
    desk.on_inbox_handled_requested(mid)  # asked again (a second click that got through)
    drain(qtbot, desk.worker)
    assert logged(activity_log, mid) == [("mention_handled", {})]


def test_ignore_from_the_inbox_with_the_keyboard(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    """Abaikan, reached with Tab from the list and pressed with Space: the mention is
    diabaikan in the inbox and in the store, and the log says so."""
    controller, inbox, _, mid = open_inbox_with(
        qtbot, make_desk, keyring_backend, sandbox, "Promo pinjaman cepat, hubungi kami"
    )
    window = controller.window
    inbox.mention_list.setFocus()
    for _ in range(3):  # list → Balas → Tandai ditangani → Abaikan
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is inbox.ignore_button
    assert inbox.ignore_button.text() == "Abaikan"
    qtbot.keyClick(inbox.ignore_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: line_of(inbox, mid) == "Diabaikan", timeout=10000)
    assert controller.services.mentions_store.get(mid).state is MentionState.IGNORED
    assert logged(activity_log, mid) == [("mention_ignored", {})]
    assert not inbox.ignore_button.isEnabled()


def test_tagging_and_untagging_an_aduan_is_logged_both_ways(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    """Aduan on, then off again: the row shows it, the store keeps it, and both changes
    are in the log (an untag is a record too)."""
    controller, inbox, _, mid = open_inbox_with(
        qtbot, make_desk, keyring_backend, sandbox, "KTP saya belum jadi sudah dua bulan"
    )
    store = controller.services.mentions_store
    assert inbox.complaint_button.text() == "Aduan" and not inbox.complaint_button.isChecked()
    qtbot.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: line_of(inbox, mid) == "Dibaca · Aduan", timeout=10000)
    assert store.get(mid).is_complaint and inbox.complaint_button.isChecked()
    assert logged(activity_log, mid) == [("mention_tagged", {"tag": "aduan"})]

    qtbot.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: line_of(inbox, mid) == "Dibaca", timeout=10000)
    assert not store.get(mid).is_complaint and not inbox.complaint_button.isChecked()
    assert logged(activity_log, mid) == [
        ("mention_tagged", {"tag": "aduan"}),
        ("mention_tagged", {"tag": "aduan", "removed": True}),
    ]
