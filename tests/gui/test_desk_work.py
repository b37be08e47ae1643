"""The two-pane desk at work: compose, confirm, undo, reply, delete, refusals.

Each test drives the real panes and controller offscreen; the posts land on (or stay
off) the sandbox over real HTTP, which is what each test checks, as the official
would on X.
"""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt

from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.store.activity_log import LogFilter
from tests.gui.conftest import Confirmations
from tests.gui.helpers import wait_signed_in
from tests.qt_fixtures import drain

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def posts_on_x(sandbox, handle: str) -> list[dict]:
    return requests.get(
        f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10
    ).json()["data"]


def texts_on_x(sandbox, handle: str) -> list[str]:
    return [p["text"] for p in posts_on_x(sandbox, handle)]


def office_post_id(sandbox, text: str) -> str:
    (post_id,) = [p["id"] for p in posts_on_x(sandbox, "HumasDemo") if p["text"] == text]
    return post_id


def reposters(sandbox, post_id: str) -> list[str]:
    """Who reposted `post_id` on X (as X records a repost: a post referencing it)."""
    everyone = requests.get(f"{sandbox.base_url}/_sandbox/posts", timeout=10).json()["data"]
    return [
        p["author_username"]
        for p in everyone
        if {"type": "retweeted", "id": post_id} in p.get("referenced_tweets", [])
    ]


HANDLES = {Slot.OFFICE: "HumasDemo", Slot.PERSONAL: "rina_humas"}


def ready(qtbot, make_desk, keyring_backend, **kwargs):
    """The desk as the official finds it once it has started: both accounts signed in,
    each pane showing its own handle, and what its account's worker does on sign-in (the
    saved draft loaded, the first posts, send round and sync) done. Not a button state: a
    restored draft enables Send, an empty composer does not."""
    window, controller = make_desk(keyring_backend, **kwargs)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    for slot, handle in HANDLES.items():
        pane = window.panes[slot]
        assert controller.sessions[slot].account.username == handle
        assert pane.header.handle_label.text() == f"@{handle}"
        assert pane.composer.handle == handle
        drain(qtbot, controller.slot_desks[slot].worker, timeout=20000)
    return window, controller


def outbox_items(controller, slot):
    """The outbox as stored (not only as shown)."""
    return controller.services.outbox.items(slot)


def type_and_send(qtbot, pane, text: str) -> None:
    pane.composer.parts[0].edit.setPlainText(text)
    assert pane.composer.send_button.isEnabled()
    qtbot.mouseClick(pane.composer.send_button, Qt.MouseButton.LeftButton)


def test_office_post_is_confirmed_then_sent_after_the_undo_window(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    confirm = Confirmations(answer=True)
    window, _ = ready(qtbot, make_desk, keyring_backend, confirm=confirm)
    office = window.panes[Slot.OFFICE]
    assert office.composer.send_button.text() == "Kirim sebagai @HumasDemo"
    text = "Layanan perizinan daring dibuka kembali mulai Senin."
    type_and_send(qtbot, office, text)
    assert confirm.asked == [(Slot.OFFICE, "HumasDemo")]
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "HumasDemo"), timeout=15000)
    assert text not in texts_on_x(sandbox, "rina_humas")
    assert office.composer.parts[0].text() == ""  # the composer is clear for the next one
    qtbot.waitUntil(
        lambda: any(p.text == text for p in office.posts_view.model.all_items()), timeout=10000
    )
    sent = [e for e in activity_log.iter_entries(LogFilter()) if str(e.action) == "post_sent"]
    assert [(e.slot, e.text) for e in sent] == [("office", text)]


def test_declined_confirmation_queues_nothing_and_keeps_the_text(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = ready(
        qtbot, make_desk, keyring_backend, confirm=Confirmations(answer=False)
    )
    office = window.panes[Slot.OFFICE]
    type_and_send(qtbot, office, "Draf yang belum jadi")
    drain(qtbot, controller.slot_desks[Slot.OFFICE].worker)  # a queued post would show now
    assert office.composer.parts[0].text() == "Draf yang belum jadi"
    assert office.outbox_view.model.rowCount() == 0
    assert outbox_items(controller, Slot.OFFICE) == []
    assert "Draf yang belum jadi" not in texts_on_x(sandbox, "HumasDemo")


def test_personal_post_needs_no_confirmation_and_carries_official_capacity(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    confirm = Confirmations()
    window, _ = ready(qtbot, make_desk, keyring_backend, confirm=confirm)
    personal = window.panes[Slot.PERSONAL]
    assert personal.composer.official_capacity.isVisible()
    assert not window.panes[Slot.OFFICE].composer.official_capacity.isVisible()
    personal.composer.official_capacity.setChecked(True)
    type_and_send(qtbot, personal, "Selamat Hari Guru Nasional untuk seluruh pendidik.")
    qtbot.waitUntil(
        lambda: (
            "Selamat Hari Guru Nasional untuk seluruh pendidik."
            in texts_on_x(sandbox, "rina_humas")
        ),
        timeout=15000,
    )
    assert confirm.asked == []

    def logged():
        return [e for e in activity_log.iter_entries(LogFilter()) if str(e.action) == "post_sent"]

    qtbot.waitUntil(lambda: bool(logged()), timeout=10000)  # recorded right after X answers
    sent = logged()
    assert sent[-1].slot == "personal" and sent[-1].details.get("official_capacity") is True


def test_undo_returns_the_text_to_the_composer_and_nothing_reaches_x(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = ready(qtbot, make_desk, keyring_backend, undo_s=30)
    personal = window.panes[Slot.PERSONAL]
    text = "Kiriman yang ingin saya batalkan"
    type_and_send(qtbot, personal, text)
    outbox = personal.outbox_view
    qtbot.waitUntil(lambda: outbox.model.rowCount() == 1, timeout=10000)
    assert personal.tabs.currentWidget() is outbox
    row_text = outbox.model.index(0).data()
    assert "Dikirim dalam" in row_text  # the visible countdown
    outbox.select(outbox.model.item_row(0).id)
    qtbot.mouseClick(outbox.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: personal.composer.parts[0].text() == text, timeout=10000)
    (item,) = outbox_items(controller, Slot.PERSONAL)
    assert item.state.value == "cancelled"  # stored: no later round can send it
    desk = controller.slot_desks[Slot.PERSONAL]
    with qtbot.waitSignal(desk.sending_finished, timeout=20000):
        desk.on_send_timer_timeout()  # a send round now finds nothing to send
    assert text not in texts_on_x(sandbox, "rina_humas")


def test_a_thread_goes_out_in_order(qtbot, make_desk, keyring_backend, sandbox):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    personal.composer.parts[0].edit.setPlainText("Utas 1/2: jadwal layanan pekan ini.")
    personal.composer.on_add_part_button_clicked()
    personal.composer.parts[1].edit.setPlainText("Utas 2/2: loket buka pukul 08.00 WIB.")
    qtbot.mouseClick(personal.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Utas 2/2: loket buka pukul 08.00 WIB." in texts_on_x(sandbox, "rina_humas"),
        timeout=20000,
    )
    posts = {p["text"]: p["id"] for p in posts_on_x(sandbox, "rina_humas")}
    second = requests.get(f"{sandbox.base_url}/_sandbox/posts", timeout=10).json()["data"]
    assert int(posts["Utas 1/2: jadwal layanan pekan ini."]) < int(
        posts["Utas 2/2: loket buka pukul 08.00 WIB."]
    )
    assert second


def test_reply_from_the_inbox_answers_the_citizen_and_marks_it_replied(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    office = window.panes[Slot.OFFICE]
    inbox = office.inbox_view
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=15000)
    assert "Mention (" in office.tabs.tabText(0)  # unread count on the tab
    mention = inbox.model.mention_at(0)
    inbox.select(mention.x_post_id)
    qtbot.mouseClick(inbox.reply_button, Qt.MouseButton.LeftButton)
    assert office.composer.reply_row.isVisible()
    assert mention.author_username in office.composer.reply_banner.text()
    type_and_send(qtbot, office, "Terima kasih, laporan Anda kami teruskan ke unit terkait.")
    qtbot.waitUntil(
        lambda: (
            inbox.model.mention_at(inbox.model.index_of(mention.x_post_id).row()).state.value
            == "dibalas"
        ),
        timeout=20000,
    )


def test_html_in_a_citizens_mention_is_shown_as_literal_text(
    qtbot, make_desk, keyring_backend, sandbox
):
    hostile = '<b>tebal</b> <img src="http://x/y.png"> <a href="file:///etc/passwd">klik</a>'
    requests.post(
        f"{sandbox.base_url}/_sandbox/mentions",
        json={"to": "HumasDemo", "from": "warga_03", "text": f"@HumasDemo {hostile}"},
        timeout=10,
    )
    window, _ = ready(qtbot, make_desk, keyring_backend)
    inbox = window.panes[Slot.OFFICE].inbox_view
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=15000)
    shown = [inbox.model.index(r).data() for r in range(inbox.model.rowCount())]
    assert any(hostile in row for row in shown)


def test_delete_asks_first_then_removes_the_post_from_x(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    office = window.panes[Slot.OFFICE]
    view = office.posts_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15000)
    target = view.model.post_at(0)
    asked: list[str] = []
    view.confirm = lambda text: asked.append(text) or True
    view.post_list.setCurrentIndex(view.model.index(0))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.text not in texts_on_x(sandbox, "HumasDemo"), timeout=15000)
    assert asked and target.text[:40] in asked[0]

    def deleted():
        entries = activity_log.iter_entries(LogFilter())
        return [e.x_post_id for e in entries if str(e.action) == "post_deleted"]

    qtbot.waitUntil(lambda: deleted() == [target.id], timeout=10000)


def test_same_text_from_the_other_account_is_refused_with_repost_offered(
    qtbot, make_desk, keyring_backend, sandbox
):
    offers: list[str] = []
    window, controller = ready(
        qtbot, make_desk, keyring_backend, ask=lambda parent, title, text: offers.append(text)
    )
    # (not "diperpanjang hingga": from the personal pane that would first ask about the
    # wording, issue 17's warning line, before the duplicate check is reached)
    text = "Pengumuman: pendaftaran beasiswa dibuka sampai 5 Desember."
    office_outbox = window.panes[Slot.OFFICE].outbox_view
    type_and_send(qtbot, window.panes[Slot.OFFICE], text)
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "HumasDemo"), timeout=15000)
    qtbot.waitUntil(  # the desk has recorded it as sent, with its id on X
        lambda: (
            office_outbox.model.rowCount() > 0
            and office_outbox.model.item_row(0).state.value == "sent"
        ),
        timeout=15000,
    )
    personal = window.panes[Slot.PERSONAL]
    with qtbot.waitSignal(controller.slot_desks[Slot.PERSONAL].queue_refused, timeout=10000) as r:
        type_and_send(qtbot, personal, text + " ")
    assert "@HumasDemo" in r.args[1] and "beberapa akun" in r.args[1]
    assert personal.composer.parts[0].text() == text + " "  # nothing lost
    assert offers and "Bagikan ulang" in offers[0]
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)  # no repost, no post queued
    assert text not in texts_on_x(sandbox, "rina_humas")
    assert outbox_items(controller, Slot.PERSONAL) == []
    assert reposters(sandbox, office_post_id(sandbox, text)) == []


def test_accepting_the_repost_offer_reposts_the_office_post_from_the_personal_account(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    """The same announcement from the personal account is refused; the official accepts
    the offer to repost instead. On X the office post is reposted once, by @rina_humas
    (not by the office account, and not posted again as a copy); the composer is cleared."""
    offers: list[str] = []
    window, controller = ready(
        qtbot, make_desk, keyring_backend,
        ask=lambda parent, title, text: offers.append(text) or True,
    )  # fmt: skip
    text = "Pengumuman: vaksinasi anak gratis di puskesmas mulai Senin."
    office_outbox = window.panes[Slot.OFFICE].outbox_view
    type_and_send(qtbot, window.panes[Slot.OFFICE], text)
    qtbot.waitUntil(
        lambda: (
            office_outbox.model.rowCount() > 0
            and office_outbox.model.item_row(0).state.value == "sent"
        ),
        timeout=15000,
    )
    personal = window.panes[Slot.PERSONAL]
    post_id = office_post_id(sandbox, text)
    type_and_send(qtbot, personal, text)
    qtbot.waitUntil(lambda: reposters(sandbox, post_id) == ["rina_humas"], timeout=15000)
    assert len(offers) == 1 and "@rina_humas" in offers[0]
    qtbot.waitUntil(lambda: personal.composer.parts[0].text() == "", timeout=10000)
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)
    assert reposters(sandbox, post_id) == ["rina_humas"]  # once
    assert text not in texts_on_x(sandbox, "rina_humas")  # no copy of the text
    assert texts_on_x(sandbox, "HumasDemo").count(text) == 1


def test_composer_refuses_bad_input_and_says_why(qtbot, make_desk, keyring_backend):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    composer = window.panes[Slot.PERSONAL].composer
    composer.parts[0].edit.setPlainText("   \n  ")
    assert not composer.send_button.isEnabled()  # whitespace only
    composer.parts[0].edit.setPlainText("a" * 281)
    assert not composer.send_button.isEnabled()
    assert composer.parts[0].counter.text() == "281/280"
    assert "lebih panjang" in composer.problems_label.text()
    composer.parts[0].edit.setPlainText("Foto kegiatan hari ini")
    composer.add_image(ImageAttachment.from_bytes(PNG, path="/tmp/a.png"))
    assert not composer.send_button.isEnabled()  # no description yet: asks, keeps the image
    assert "deskripsi" in composer.problems_label.text() and len(composer.images) == 1
    composer.add_image(ImageAttachment.from_bytes(b"bukan gambar", path="/tmp/b.txt"))
    assert "PNG, JPEG, GIF" in composer.problems_label.text()
    composer.images = []
    for i in range(5):
        composer.add_image(ImageAttachment.from_bytes(PNG, alt_text=f"foto {i}"))
    assert not composer.send_button.isEnabled()
    assert "paling banyak 4 gambar" in composer.problems_label.text()
    assert not composer.add_image_button.isEnabled()


def test_network_drop_mid_send_keeps_the_post_and_it_goes_out_once(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = ready(qtbot, make_desk, keyring_backend)
    requests.post(
        f"{sandbox.base_url}/_sandbox/faults",
        json={"count": 1, "path_prefix": "/2/tweets", "drop_connection": True,
              "after_commit": True},
        timeout=10,
    )  # fmt: skip
    text = "Kiriman saat jaringan kantor putus sebentar."
    type_and_send(qtbot, window.panes[Slot.PERSONAL], text)
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "rina_humas"), timeout=30000)
    # The desk settles the unknown outcome by looking on X: the item ends sent, with the
    # id of the post that is there, and nothing is left to send again.
    qtbot.waitUntil(
        lambda: [i.state.value for i in outbox_items(controller, Slot.PERSONAL)] == ["sent"],
        timeout=60000,
    )
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)
    (item,) = outbox_items(controller, Slot.PERSONAL)
    on_x = [p for p in posts_on_x(sandbox, "rina_humas") if p["text"] == text]
    assert [p["id"] for p in on_x] == [item.x_post_id]


def test_x_refusing_a_reply_shows_the_reason_in_indonesian(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    # A post of the office account that does not mention @rina_humas: X refuses a reply.
    target = posts_on_x(sandbox, "HumasDemo")[0]
    personal.composer.set_reply(target["id"], "@HumasDemo: …")
    type_and_send(qtbot, personal, "Balasan yang akan ditolak X")
    outbox = personal.outbox_view
    qtbot.waitUntil(
        lambda: outbox.model.rowCount() > 0 and outbox.model.item_row(0).state.value == "failed",
        timeout=20000,
    )
    assert "hanya diizinkan untuk kiriman yang menyebut akun ini" in outbox.model.index(0).data()


def test_single_pane_mode_switches_with_the_keyboard(qtbot, make_desk, keyring_backend):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    assert office.isVisible() and personal.isVisible()
    window.set_single_pane(True)
    assert office.isVisible() and not personal.isVisible()
    window.activateWindow()  # on a real display, shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert personal.isVisible() and not office.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert office.isVisible() and not personal.isVisible()
    window.action_switch_pane.trigger()
    assert personal.isVisible() and not office.isVisible()
    window.set_single_pane(False)
    assert office.isVisible() and personal.isVisible()


def test_draft_survives_a_restart(qtbot, make_desk, keyring_backend):
    """A half-written post is still in the composer after HumasDesk is closed and started
    again: the official loses nothing by closing the laptop."""
    window, controller = ready(qtbot, make_desk, keyring_backend)
    composer = window.panes[Slot.PERSONAL].composer
    with qtbot.waitSignal(composer.draft_changed, timeout=10000):  # saved while typing
        composer.parts[0].edit.setPlainText("Draf panjang yang belum selesai ditulis")
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)  # the save has been written
    controller.shutdown()
    window2, _ = ready(qtbot, make_desk, keyring_backend)  # waits for the draft to load
    composer2 = window2.panes[Slot.PERSONAL].composer
    assert composer2.parts[0].text() == "Draf panjang yang belum selesai ditulis"
    assert composer2.send_button.isEnabled()  # ready to send as it was
    assert window2.panes[Slot.OFFICE].composer.parts[0].text() == ""  # the other pane's own


def test_closing_with_posts_waiting_can_leave_them_for_next_time(
    qtbot, make_desk, keyring_backend, sandbox
):
    """Closing never loses a queued post: left in the outbox, it goes out on the next start."""
    asked: list[int] = []
    window, controller = ready(
        qtbot, make_desk, keyring_backend, undo_s=4,
        close_prompt=lambda parent, pending: asked.append(pending) or "leave",
    )  # fmt: skip
    personal = window.panes[Slot.PERSONAL]
    text = "Kiriman yang ditinggal di kotak keluar saat aplikasi ditutup."
    type_and_send(qtbot, personal, text)
    qtbot.waitUntil(lambda: personal.outbox_view.pending_count() == 1, timeout=10000)
    assert window.close()
    assert asked == [1]
    controller.shutdown()
    assert text not in texts_on_x(sandbox, "rina_humas")
    ready(qtbot, make_desk, keyring_backend, undo_s=0)  # next start
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "rina_humas"), timeout=45000)


def test_closing_can_wait_until_the_posts_are_sent(qtbot, make_desk, keyring_backend, sandbox):
    window, _ = ready(
        qtbot, make_desk, keyring_backend, undo_s=1,
        close_prompt=lambda parent, pending: "wait",
    )  # fmt: skip
    office = window.panes[Slot.OFFICE]
    text = "Pengumuman terakhir sebelum laptop ditutup."
    type_and_send(qtbot, office, text)
    qtbot.waitUntil(lambda: office.outbox_view.pending_count() == 1, timeout=10000)
    assert not window.close()  # stays open while the post waits
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert text in texts_on_x(sandbox, "HumasDemo")


def test_cancel_on_close_keeps_working(qtbot, make_desk, keyring_backend):
    window, _ = ready(
        qtbot, make_desk, keyring_backend, undo_s=30,
        close_prompt=lambda parent, pending: "cancel",
    )  # fmt: skip
    type_and_send(qtbot, window.panes[Slot.PERSONAL], "Masih bekerja")
    qtbot.waitUntil(
        lambda: window.panes[Slot.PERSONAL].outbox_view.pending_count() == 1, timeout=10000
    )
    assert not window.close() and window.isVisible()


def test_log_view_and_export_open_from_the_menu(qtbot, make_desk, keyring_backend):
    """The activity log and the export dialog are one shortcut away once the desk is up."""
    window, controller = ready(qtbot, make_desk, keyring_backend)
    qtbot.waitUntil(window.action_log.isEnabled, timeout=10000)
    window.action_log.trigger()
    view = controller.log_window
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.isVisible()
    actions = {view.model.entry_at(r).action for r in range(view.model.rowCount())}
    assert "signed_in" in actions
    window.action_export.trigger()
    assert controller.export_dialog is not None and controller.export_dialog.isVisible()
    controller.export_dialog.close()


def test_settings_show_the_export_key_fingerprint(qtbot, make_desk, keyring_backend, tmp_path):
    """Settings name the export key by its fingerprint, read from signing-key.pub, so a
    supervisor can compare it with the one on a report: "not made yet" before the first
    export, then the key's SHA-256 in groups of four."""
    import base64
    import hashlib

    from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
    from humasdesk.settings import Settings
    from tests.fakes import MemoryKeyring

    data = tmp_path / "data"
    window, controller = ready(qtbot, make_desk, keyring_backend)
    controller.settings = Settings(data / "settings.json")
    controller.data_root = data
    window.action_settings.trigger()
    dialog = controller.settings_dialog
    assert dialog.signing_key_label.isVisible()
    assert dialog.signing_key_label.text() == (
        "Sidik jari kunci tanda tangan ekspor: belum dibuat (dibuat saat ekspor pertama)"
    )
    dialog.close()

    # The first export makes the key pair and writes its public half next to the database.
    ExportSigner(backend=MemoryKeyring(), public_key_path=data / PUBLIC_KEY_FILENAME).sign(b"x")
    algorithm, key_b64, _ = (data / PUBLIC_KEY_FILENAME).read_text(encoding="ascii").split()
    assert algorithm == "ed25519"
    digest = hashlib.sha256(base64.b64decode(key_b64)).hexdigest().upper()
    expected = " ".join(digest[i : i + 4] for i in range(0, 64, 4))
    window.action_settings.trigger()
    dialog = controller.settings_dialog
    assert dialog.signing_key_label.text() == f"Sidik jari kunci tanda tangan ekspor: {expected}"
    dialog.close()


def test_settings_opened_while_the_desk_starts_still_say_where_tokens_are_kept(
    qtbot, sandbox, keyring_backend, tmp_path
):
    """Settings opened in the first moments, before the token store is up, used to say
    "sedang diperiksa…" for good; they now say where the tokens are once it is up."""
    import threading

    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.gui.desk import DeskController
    from humasdesk.gui.main_window import MainWindow
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES
    from humasdesk.settings import Settings
    from tests.gui.helpers import SERVICE, Browser

    go = threading.Event()

    def slow_prepare():
        assert go.wait(20)  # the keyring is slow to answer today
        return build_desk_services(
            tmp_path / "humasdesk.db",
            XEndpoint(PRACTICE_CLIENT_ID, sandbox.base_url, 0),
            FallbackTokenStore(TokenStore(SERVICE, backend=keyring_backend)),
        )

    window = MainWindow(practice=True)
    qtbot.addWidget(window)
    controller = DeskController(
        window, prepare_services=slow_prepare, open_url=Browser(),
        practice_handles=PRACTICE_HANDLES, confirm_sign_out=False,
        settings=Settings(tmp_path / "settings.json"), parent=window,
    )  # fmt: skip
    window.show()
    controller.start()
    try:
        window.action_settings.trigger()
        dialog = controller.settings_dialog
        assert dialog.storage_label.text() == "Tempat token masuk disimpan: sedang diperiksa…"
        go.set()
        qtbot.waitUntil(
            lambda: dialog.storage_label.text() != "Tempat token masuk disimpan: sedang diperiksa…",
            timeout=20000,
        )
        assert dialog.storage_label.text().startswith("Tempat token masuk disimpan: ")
        dialog.close()
        wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    finally:
        go.set()
        window.close_guard = None
        controller.shutdown()
        if controller.services is not None:
            controller.services.close()


def test_ctrl_l_opens_the_activity_log(qtbot, make_desk, keyring_backend):
    """Ctrl+L, from wherever the keyboard is in the desk, opens Log Aktivitas with the
    sign-ins in it; pressed again, it brings the same window back (not a second one)."""
    window, controller = ready(qtbot, make_desk, keyring_backend)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    composer = window.panes[Slot.OFFICE].composer.parts[0].edit
    composer.setFocus()
    qtbot.keyClick(composer, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.log_window is not None, timeout=5000)
    view = controller.log_window
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.isVisible() and view.windowTitle() == "HumasDesk — log aktivitas"
    actions = {view.model.entry_at(r).action for r in range(view.model.rowCount())}
    assert "signed_in" in actions
    assert composer.toPlainText() == ""  # the shortcut typed nothing into the post
    view.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.panes[Slot.PERSONAL].composer.parts[0].edit, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    qtbot.waitUntil(view.isVisible, timeout=5000)
    assert controller.log_window is view


def test_new_mentions_while_open_are_announced_without_their_words(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = ready(qtbot, make_desk, keyring_backend)
    office_desk = controller.slot_desks[Slot.OFFICE]
    qtbot.waitUntil(lambda: window.panes[Slot.OFFICE].inbox_view.model.rowCount() > 0)
    for n in range(3):
        requests.post(
            f"{sandbox.base_url}/_sandbox/mentions",
            json={"to": "HumasDemo", "from": "warga_02", "text": f"Nomor antrean saya {n}?"},
            timeout=10,
        )
    with qtbot.waitSignal(office_desk.mentions_synced, timeout=10000):
        office_desk.sync_now()
    message = window.statusBar().currentMessage()
    assert message == "3 mention baru untuk @HumasDemo"
    assert "antrean" not in message and "warga_02" not in message
