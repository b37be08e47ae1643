"""What the official sees when X or the network misbehaves: the pane says so, the posts
wait in the outbox, and they go out once things recover. Real window, real emulator."""

from __future__ import annotations

import requests

from humasdesk.core.models import Slot
from tests.gui.helpers import wait_signed_in
from tests.gui.test_desk_work import ready, texts_on_x, type_and_send


def fault(sandbox, **kwargs) -> None:
    requests.post(f"{sandbox.base_url}/_sandbox/faults", json=kwargs, timeout=10).raise_for_status()


def test_offline_pane_says_how_many_posts_wait_and_sends_them_when_x_answers(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    fault(sandbox, count=3, path_prefix="/2/tweets", drop_connection=True)
    text = "Kiriman ketika jaringan kantor sedang putus."
    type_and_send(qtbot, personal, text)
    qtbot.waitUntil(personal.offline_label.isVisible, timeout=20000)
    assert personal.offline_label.text() == "Offline — 1 kiriman menunggu"
    personal.composer.parts[0].edit.setPlainText("Tetap bisa menulis saat offline")
    assert personal.composer.send_button.isEnabled()  # composing goes on
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "rina_humas"), timeout=60000)
    qtbot.waitUntil(lambda: not personal.offline_label.isVisible(), timeout=20000)
    assert texts_on_x(sandbox, "rina_humas").count(text) == 1


def test_rate_limit_shows_when_posting_resumes_and_the_post_waits(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    office = window.panes[Slot.OFFICE]
    fault(sandbox, count=1, status=429, path_prefix="/2/tweets")
    text = "Kiriman yang tertahan batas permintaan X."
    type_and_send(qtbot, office, text)
    status = office.outbox_view.status
    qtbot.waitUntil(lambda: "pengiriman dilanjutkan pukul" in status.text(), timeout=20000)
    assert not status.isHidden()
    assert office.outbox_view.pending_count() == 1
    assert text not in texts_on_x(sandbox, "HumasDemo")


def test_expired_session_keeps_the_queue_waiting_until_sign_in(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = ready(qtbot, make_desk, keyring_backend, undo_s=2)
    personal = window.panes[Slot.PERSONAL]
    text = "Kiriman yang menunggu sampai masuk lagi."
    type_and_send(qtbot, personal, text)
    tokens = controller.sessions[Slot.PERSONAL].tokens
    for token in (tokens.refresh_token, tokens.access_token):
        requests.post(
            f"{sandbox.base_url}/2/oauth2/revoke",
            data={"token": token, "client_id": "humasdesk-practice"},
            timeout=10,
        )
    qtbot.waitUntil(lambda: "Sesi berakhir" in personal.status_label.text(), timeout=30000)
    assert text not in texts_on_x(sandbox, "rina_humas")
    assert personal.outbox_view.pending_count() == 1  # waiting, not lost
    office = window.panes[Slot.OFFICE]
    assert office.composer.send_button.text() == "Kirim sebagai @HumasDemo"  # untouched
    wait_signed_in(qtbot, controller, Slot.OFFICE)


def test_retry_button_sends_a_post_x_refused_once_x_accepts_it(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    """X refuses a post (a 403 the sandbox injects): it stays in the outbox as failed, with
    the reason in Indonesian, and is not retried by itself. The official selects it and
    presses Coba lagi: it goes out, once, and the log holds the refusal and the send."""
    from PySide6.QtCore import Qt

    from humasdesk.store.activity_log import LogFilter
    from tests.gui.test_desk_work import outbox_items
    from tests.qt_fixtures import drain

    window, controller = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    outbox = personal.outbox_view
    desk = controller.slot_desks[Slot.PERSONAL]
    fault(sandbox, count=1, status=403, path_prefix="/2/tweets")
    text = "Jadwal pelayanan terpadu pekan ini sudah terbit."
    type_and_send(qtbot, personal, text)
    qtbot.waitUntil(
        lambda: [i.state.value for i in outbox_items(controller, Slot.PERSONAL)] == ["failed"],
        timeout=20000,
    )
    drain(qtbot, desk.worker)  # the round that failed it has been shown
    (item,) = outbox_items(controller, Slot.PERSONAL)
    assert not item.will_retry  # a refusal waits for the official
    assert outbox.model.index(0).data().startswith("Gagal: X menolak kiriman.")
    with qtbot.waitSignal(desk.sending_finished, timeout=20000):
        desk.on_send_timer_timeout()  # a round on its own does not send it again
    assert text not in texts_on_x(sandbox, "rina_humas")

    outbox.select(item.id)
    assert outbox.retry_button.isEnabled() and outbox.retry_button.text() == "Coba lagi"
    qtbot.mouseClick(outbox.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "rina_humas"), timeout=20000)
    qtbot.waitUntil(
        lambda: [i.state.value for i in outbox_items(controller, Slot.PERSONAL)] == ["sent"],
        timeout=20000,
    )
    drain(qtbot, desk.worker)
    assert texts_on_x(sandbox, "rina_humas").count(text) == 1
    assert outbox.model.index(0).data().startswith("Terkirim")
    actions = [
        str(e.action)
        for e in activity_log.iter_entries(LogFilter())
        if str(e.action) in ("post_failed", "post_sent") and e.text == text
    ]
    assert actions == ["post_failed", "post_sent"]
