"""The composer's "Jadwalkan…", the "Terjadwal" tab and the missed list, against the
sandbox: what the official sees and does, keyboard only where it matters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import requests
from PySide6.QtCore import Qt

from humasdesk.core.models import Slot
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.outbox_store import OutboxState
from tests.gui.conftest import Confirmations
from tests.gui.test_desk_work import HANDLES, ready
from tests.qt_fixtures import drain


def texts_on_x(sandbox, handle):
    r = requests.get(f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10)
    return [p["text"] for p in r.json()["data"]]


def controller_of(controller, slot):
    return controller.slot_desks[slot].schedule


def pick(at):
    """Stands in for the date/time dialog: answers `at` (a callable: computed when asked)."""
    asked = []

    def ask(parent, title, text, initial, accept_label):
        asked.append((title, text, initial))
        return at() if callable(at) else at

    ask.asked = asked
    return ask


def test_schedule_from_the_composer_then_it_goes_out_once(qtbot, make_desk, keyring_backend,
                                                           sandbox, activity_log):  # fmt: skip
    """The office post is confirmed, scheduled for its time (shown in the Terjadwal tab,
    not sent before), then sent once without an undo window."""
    confirm = Confirmations(answer=True)
    window, controller = ready(qtbot, make_desk, keyring_backend, confirm=confirm)
    office = window.panes[Slot.OFFICE]
    sched = controller_of(controller, Slot.OFFICE)
    assert sched.button.text() == "Jadwalkan…"
    assert not sched.button.isEnabled()  # nothing written yet
    text = "Layanan KTP keliling hadir di Kelurahan Sukamaju."
    office.composer.parts[0].edit.setPlainText(text)
    assert sched.button.isEnabled()
    due = datetime.now(UTC) + timedelta(seconds=3)
    sched.pick_time = pick(due)
    qtbot.mouseClick(sched.button, Qt.MouseButton.LeftButton)
    assert confirm.asked == [(Slot.OFFICE, "HumasDemo")]
    qtbot.waitUntil(lambda: office.tabs.currentWidget() is sched.view, timeout=10000)
    assert office.composer.parts[0].text() == ""
    qtbot.waitUntil(lambda: sched.view.current_item() is not None, timeout=10000)
    assert sched.view.current_item().state is OutboxState.SCHEDULED
    assert "Terjadwal" in sched.view.details.text()
    assert text not in texts_on_x(sandbox, "HumasDemo")
    qtbot.waitUntil(lambda: text in texts_on_x(sandbox, "HumasDemo"), timeout=40000)
    qtbot.waitUntil(
        lambda: (
            sched.view.current_item() is not None
            and sched.view.current_item().state is OutboxState.SENT
        ),
        timeout=40000,
    )
    assert "Di X: https://x.com/HumasDemo/status/" in sched.view.details.text()
    assert texts_on_x(sandbox, "HumasDemo").count(text) == 1
    actions = [str(e.action) for e in activity_log.iter_entries(LogFilter())]
    assert "post_scheduled" in actions and actions.count("post_sent") == 1
    # The outbox tab does not list it while it waits; the calendar does.
    assert all(i.state is not OutboxState.SCHEDULED for i in office.outbox_view.model.all_items())


def test_past_time_is_refused_and_the_text_stays(qtbot, make_desk, keyring_backend):
    window, controller = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    sched = controller_of(controller, Slot.PERSONAL)
    personal.composer.parts[0].edit.setPlainText("Kemarin sore")
    sched.pick_time = pick(datetime.now(UTC) - timedelta(hours=2))
    qtbot.mouseClick(sched.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: personal.composer.problems_label.text() == "Waktu ini sudah lewat.", timeout=10000
    )
    assert personal.composer.parts[0].text() == "Kemarin sore"


def test_missed_post_is_listed_at_start_and_can_be_sent_now(qtbot, make_desk, keyring_backend,
                                                            sandbox, tmp_path):  # fmt: skip
    """A post whose time passed while the desk was closed is missed: listed when the desk
    starts, not sent; "Kirim sekarang" sends it once."""
    from humasdesk.core.models import Account
    from humasdesk.services.schedule import Scheduler
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.database import ConnectionFactory, open_database
    from humasdesk.store.outbox_store import OutboxStore

    # Scheduled an hour ago, due 30 minutes ago (grace 15): the laptop was off.
    db = tmp_path / "humasdesk.db"
    open_database(db).close()
    factory = ConnectionFactory(db)
    then = datetime.now(UTC) - timedelta(hours=1)
    store, log = OutboxStore(factory), ActivityLog(factory)
    scheduler = Scheduler(store, log, lambda: then)
    window, controller = ready(qtbot, make_desk, keyring_backend)
    account = controller.sessions[Slot.PERSONAL].account
    who = Account(account.user_id, account.username, "x")
    text = ["Ucapan selamat pagi yang terlewat."]
    r = scheduler.schedule(Slot.PERSONAL, who, text, then + timedelta(minutes=30))
    assert r.ok
    store.close()
    log.close()
    controller.shutdown()
    controller.services.close()
    window.close()
    window, controller = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    sched = controller_of(controller, Slot.PERSONAL)
    qtbot.waitUntil(lambda: sched.view.missed_box.isVisible(), timeout=15000)
    assert personal.tabs.currentWidget() is sched.view
    assert "1 kiriman terjadwal terlewat waktunya" in sched.view.missed_title.text()
    assert "Ucapan selamat pagi yang terlewat." not in texts_on_x(sandbox, "rina_humas")
    # Keyboard only: the missed list, then Kirim sekarang.
    sched.view.missed_list.setFocus()
    qtbot.keyClick(sched.view.missed_list, Qt.Key.Key_Tab)
    assert sched.view.missed_send_button.hasFocus()
    qtbot.keyClick(sched.view.missed_send_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: "Ucapan selamat pagi yang terlewat." in texts_on_x(sandbox, "rina_humas"),
        timeout=40000,
    )
    qtbot.waitUntil(lambda: not sched.view.missed_box.isVisible(), timeout=15000)
    assert texts_on_x(sandbox, "rina_humas").count("Ucapan selamat pagi yang terlewat.") == 1


def test_change_time_and_cancel_bring_the_text_back(qtbot, make_desk, keyring_backend,
                                                    activity_log):  # fmt: skip
    window, controller = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    sched = controller_of(controller, Slot.PERSONAL)
    personal.composer.parts[0].edit.setPlainText("Rapat koordinasi besok.")
    due = (datetime.now(UTC) + timedelta(days=1)).replace(second=0, microsecond=0)
    sched.pick_time = pick(due)
    qtbot.mouseClick(sched.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sched.view.current_item() is not None, timeout=10000)
    later = due + timedelta(hours=2)
    sched.pick_time = pick(later)
    qtbot.mouseClick(sched.view.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: sched.view.current_item() is not None and sched.view.current_item().due_at == later,
        timeout=10000,
    )
    qtbot.mouseClick(sched.view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: personal.composer.parts[0].text() == "Rapat koordinasi besok.",
                    timeout=10000)  # fmt: skip
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)
    actions = [str(e.action) for e in activity_log.iter_entries(LogFilter())]
    assert actions.count("post_scheduled") == 1 and "schedule_moved" in actions
    assert "schedule_cancelled" in actions
    assert HANDLES[Slot.PERSONAL] == "rina_humas"


def test_settings_jadwal_installs_and_removes_the_os_timer(qtbot, tmp_path):
    """Settings → Jadwal: the grace period, the quiet periods, and the OS timer's Pasang /
    Hapus, saying what it installs and that the keyring must be unlocked."""
    from humasdesk.gui.settings_dialog import SettingsDialog
    from humasdesk.services.os_timer import OsTimer
    from humasdesk.settings import Settings
    from tests.schedule.test_os_timer import Runs

    settings = Settings.load(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Jadwal" in titles
    assert dialog.editors["schedule_grace_minutes"].value() == 15
    assert dialog.editors["schedule_grace_minutes"].minimum() == 1
    section = dialog.timer_section
    section.timer = OsTimer(system="linux", home=tmp_path, run=Runs(), which=lambda c: c)
    section.show_state()
    assert section.install_button.text() == "Pasang pengatur waktu"
    assert "keyring harus terbuka" in section.about_label.text()
    assert not section.remove_button.isEnabled()
    qtbot.mouseClick(section.install_button, Qt.MouseButton.LeftButton)
    assert section.result_label.text() == "Pengatur waktu terpasang."
    assert (tmp_path / ".config/systemd/user/humasdesk-sync.timer").exists()
    assert section.remove_button.isEnabled()
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert section.result_label.text() == "Pengatur waktu dihapus."
    assert not (tmp_path / ".config/systemd/user/humasdesk-sync.timer").exists()
    dialog.editors["quiet_office"].setText("22.00-05.00")
    dialog.editors["schedule_grace_minutes"].setValue(20)
    dialog.on_buttons_accepted()
    again = Settings.load(tmp_path / "settings.json")
    assert again.get("quiet_office") == "22.00-05.00" and again.get("schedule_grace_minutes") == 20


def test_dragging_a_post_to_another_day_keeps_its_time_of_day(qtbot, make_desk, keyring_backend,
                                                              activity_log):  # fmt: skip
    """A drag ends in the model's drop: the post moves to the day it was dropped on, at
    the same clock time, through the same rules as "Ubah waktu…" (and is logged)."""
    from PySide6.QtCore import Qt as QtNS

    window, controller = ready(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    sched = controller_of(controller, Slot.PERSONAL)
    personal.composer.parts[0].edit.setPlainText("Senam pagi bersama di alun-alun.")
    local = (
        (datetime.now(UTC) + timedelta(days=1))
        .astimezone()
        .replace(hour=7, minute=0, second=0, microsecond=0)
    )
    sched.pick_time = pick(local.astimezone(UTC))
    qtbot.mouseClick(sched.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sched.view.current_item() is not None, timeout=10000)
    model = sched.view.model
    source = sched.view.table.currentIndex()
    assert model.flags(source) & QtNS.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([source])  # what a drag from this cell carries
    target_day = local.date() + timedelta(days=1)

    def cell_of(day):
        for row in range(model.rowCount()):
            for col in range(7):
                if model.day_of(row, col) == day:
                    return model.index(row, col)
        return None

    target = cell_of(target_day)
    if target is None:  # tomorrow is a Sunday: the next day is in the month view
        sched.view.month_button.click()
        target = cell_of(target_day)
    assert target is not None
    assert model.dropMimeData(data, QtNS.DropAction.MoveAction, -1, -1, target) is False
    moved_to = local.replace(day=target_day.day, month=target_day.month, year=target_day.year)
    qtbot.waitUntil(
        lambda: any(i.due_at == moved_to.astimezone(UTC) for i in sched.view._items),
        timeout=10000,
    )
    drain(qtbot, controller.slot_desks[Slot.PERSONAL].worker)
    actions = [str(e.action) for e in activity_log.iter_entries(LogFilter())]
    assert "schedule_moved" in actions


def test_a_post_missed_while_the_desk_is_open_is_said_at_once(
    qtbot, make_desk, keyring_backend, sandbox
):
    """The laptop slept with the desk open past a post's time and the grace period: the next
    send round marks it missed, and the pane and the status bar say so right away."""
    from humasdesk.core.models import Account
    from humasdesk.services.schedule import Scheduler

    window, controller = ready(qtbot, make_desk, keyring_backend)
    services = controller.services
    account = controller.sessions[Slot.OFFICE].account
    then = datetime.now(UTC) - timedelta(hours=1)
    # Scheduled an hour ago for 30 minutes ago (as if written then): the laptop slept.
    past = Scheduler(services.outbox_store, services.log, lambda: then)
    r = past.schedule(Slot.OFFICE, Account(account.user_id, account.username, "x"),
                      ["Pengumuman saat laptop tidur."], then + timedelta(minutes=30),
                      confirmed=True)  # fmt: skip
    assert r.ok
    controller.slot_desks[Slot.OFFICE]._run_send_round()
    office = window.panes[Slot.OFFICE]
    sched = controller_of(controller, Slot.OFFICE)
    # The round just asked for, or the pane's next one (at most 30 s later).
    qtbot.waitUntil(lambda: not sched.view.missed_box.isHidden(), timeout=40000)
    qtbot.waitUntil(lambda: "terlewat waktunya" in office.status_label.text(), timeout=10000)
    assert "1 kiriman terjadwal terlewat" in window.statusBar().currentMessage()
    assert "Pengumuman saat laptop tidur." not in texts_on_x(sandbox, "HumasDemo")


def test_quiet_period_asks_once_more_and_edit_changes_the_text(
    qtbot, make_desk, keyring_backend, activity_log
):
    """An office post into the pane's quiet period asks once more (the question names the
    period); "Ubah teks…" changes the waiting post's text, logged with what it was."""
    from humasdesk.core.schedule import QuietPeriod

    asked = []

    def ask(parent, title, text):
        asked.append((title, text))
        return True

    window, controller = ready(qtbot, make_desk, keyring_backend, ask=ask)
    quiet = QuietPeriod.parse("00.00-23.59")
    controller.services.schedule.quiet = lambda slot: quiet if slot is Slot.OFFICE else None
    office = window.panes[Slot.OFFICE]
    sched = controller_of(controller, Slot.OFFICE)
    office.composer.parts[0].edit.setPlainText("Pengumuman larut malam.")
    sched.pick_time = pick(datetime.now(UTC) + timedelta(days=2))
    qtbot.mouseClick(sched.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sched.view.current_item() is not None, timeout=10000)
    assert asked and asked[0][0] == "Masa tenang" and "00.00–23.59" in asked[0][1]
    sched.edit_text = lambda text: "Pengumuman larut malam (diperbarui)."
    qtbot.mouseClick(sched.view.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            sched.view.current_item() is not None
            and sched.view.current_item().text == "Pengumuman larut malam (diperbarui)."
        ),
        timeout=10000,
    )
    entries = list(activity_log.iter_entries(LogFilter()))
    scheduled = [e for e in entries if str(e.action) == "post_scheduled"]
    assert scheduled[0].details["quiet_period"] == "00.00–23.59"
    edited = [e for e in entries if str(e.action) == "schedule_edited"]
    assert edited[0].details["previous_text"] == "Pengumuman larut malam."
