"""Scheduled posts through the outbox against the sandbox over real HTTP, with a clock the
test moves: on time and once, never late without a person (missed), every change in the
activity log's chain, the composer's rules at scheduling and again at sending time."""

from __future__ import annotations

import os
import time
from datetime import timedelta

import pytest

from humasdesk.core.activity import Action
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.core.schedule import QuietPeriod, ScheduleProblem, format_local
from humasdesk.services.outbox import FailureKind, QueueRefusal, SendStatus
from humasdesk.services.schedule import Scheduler
from humasdesk.store.outbox_store import OutboxState

PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 200


def _on_x(control, handle, text):
    return [p for p in control.posts(handle) if p["text"] == text]


def _actions(log):
    return [e.action for e in log.iter_entries()]


def _schedule(scheduler, session, text, due, **kw):
    kw.setdefault("confirmed", True)
    r = scheduler.schedule(session.slot, session.account, [text], due, **kw)
    assert r.ok, r
    return r.items[0]


def test_a_scheduled_post_goes_out_at_its_time_once(scheduler, sender, office, clock, control,
                                                    log):  # fmt: skip
    """07.00's notice must not go at 06.59, and must go once, without an undo window."""
    due = clock.now + timedelta(hours=2)
    item = _schedule(scheduler, office, "Layanan KTP buka pukul 07.00 WIB.", due)
    assert item.state is OutboxState.SCHEDULED and item.due_at == due
    assert sender.store.next_wake(Slot.OFFICE) == due
    clock.advance(2 * 3600 - 1)
    assert sender.send_due(office) == []
    assert _on_x(control, "HumasDemo", item.text) == []
    clock.advance(1)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    assert [p["id"] for p in _on_x(control, "HumasDemo", item.text)] == [out.x_post_id]
    assert sender.send_due(office) == []
    sent = sender.store.get(item.id)
    assert sent.state is OutboxState.SENT and sent.x_post_id == out.x_post_id
    entries = list(log.iter_entries())
    assert [e.action for e in entries] == [Action.POST_SCHEDULED, Action.POST_SENT]
    assert entries[0].details["due_at"] == entries[1].details["scheduled_for"]
    assert entries[1].details["late_s"] == 0 and entries[1].text == item.text
    assert log.verify().ok


def test_a_post_whose_time_passed_while_the_laptop_slept_is_missed_not_sent(
    scheduler, sender, office, clock, control, log
):
    """Nothing goes out late without a person: 16 minutes late (grace 15) is missed."""
    due = clock.now + timedelta(minutes=10)
    item = _schedule(scheduler, office, "Selamat Hari Guru!", due)
    clock.advance(10 * 60 + 16 * 60)  # the laptop was asleep
    assert sender.send_due(office) == []
    assert _on_x(control, "HumasDemo", item.text) == []
    assert sender.store.get(item.id).state is OutboxState.MISSED
    assert [i.id for i in scheduler.missed()] == [item.id]
    assert _actions(log) == [Action.POST_SCHEDULED, Action.POST_MISSED]
    assert scheduler.mark_missed() == []  # marked (and logged) once
    # A person decides: "Kirim sekarang".
    moved = scheduler.send_now(item.id)
    assert moved.ok and moved.items[0].state is OutboxState.SCHEDULED
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    assert len(_on_x(control, "HumasDemo", item.text)) == 1
    entries = list(log.iter_entries())
    assert [e.action for e in entries] == [
        Action.POST_SCHEDULED, Action.POST_MISSED, Action.SCHEDULE_MOVED, Action.POST_SENT,
    ]  # fmt: skip
    assert entries[2].details["send_now"] is True and entries[2].details["was_missed"] is True
    assert log.verify().ok


def test_within_the_grace_period_it_still_goes(scheduler, sender, office, clock, control):
    due = clock.now + timedelta(minutes=1)
    item = _schedule(scheduler, office, "Rapat dimulai.", due)
    clock.advance(60 + 14 * 60)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    assert sender.log.has_post_entry(out.x_post_id)
    assert list(sender.log.iter_entries())[-1].details["late_s"] == 14 * 60
    assert sender.store.get(item.id).state is OutboxState.SENT


def test_grace_comes_from_the_setting(store, log, clock, sender, office):
    scheduler = Scheduler(store, log, clock, grace=lambda: timedelta(minutes=1))
    sender.scheduler = scheduler
    item = _schedule(scheduler, office, "Tenggat singkat.", clock.now + timedelta(minutes=1))
    clock.advance(2 * 60 + 1)
    assert sender.send_due(office) == []
    assert store.get(item.id).state is OutboxState.MISSED


def test_move_edit_and_cancel_are_recorded(scheduler, sender, office, clock, log):
    """Every change to a scheduled post is in the chain, with what it was before."""
    due = clock.now + timedelta(days=1)
    item = _schedule(scheduler, office, "Draf pengumuman", due)
    later = due + timedelta(hours=3)
    assert scheduler.move(item.id, later).ok
    assert store_item(sender, item).due_at == later
    edited = scheduler.edit(item.id, "Pengumuman resmi")
    assert edited.ok and store_item(sender, item).text == "Pengumuman resmi"
    res = scheduler.cancel(item.id)
    assert res.ok and res.draft.text == "Pengumuman resmi"
    assert store_item(sender, item).state is OutboxState.CANCELLED
    entries = list(log.iter_entries())
    assert [e.action for e in entries] == [
        Action.POST_SCHEDULED, Action.SCHEDULE_MOVED, Action.SCHEDULE_EDITED,
        Action.SCHEDULE_CANCELLED,
    ]  # fmt: skip
    assert entries[2].details["previous_text"] == "Draf pengumuman"
    assert entries[2].text == "Pengumuman resmi"
    assert entries[1].details["from"] == entries[0].details["due_at"]
    clock.advance(2 * 86400)
    assert sender.send_due(office) == []
    assert not scheduler.move(item.id, clock.now + timedelta(hours=1)).ok  # cancelled: gone
    assert log.verify().ok


def store_item(sender, item):
    return sender.store.get(item.id)


def test_scheduling_refusals(scheduler, office, personal, clock):
    """Each refusal leaves nothing stored."""
    s = scheduler
    now = clock.now
    r = s.schedule(office.slot, office.account, ["Tanpa konfirmasi"], now + timedelta(hours=1))
    assert r.problem is ScheduleProblem.UNCONFIRMED
    r = s.schedule(personal.slot, personal.account, ["Kemarin"], now - timedelta(hours=1))
    assert r.problem is ScheduleProblem.IN_PAST
    r = s.schedule(personal.slot, personal.account, ["Jauh"], now + timedelta(days=400))
    assert r.problem is ScheduleProblem.TOO_FAR
    r = s.schedule(personal.slot, personal.account, ["x" * 281], now + timedelta(hours=1))
    assert not r.ok and r.checks[0].problems[0].value == "too_long"
    img = ImageAttachment.from_bytes(PNG)  # no alt text
    r = s.schedule(personal.slot, personal.account, ["Foto"], now + timedelta(hours=1),
                   media=[img])  # fmt: skip
    assert not r.ok and r.checks[0].problems[0].value == "image_missing_alt"
    gif = ImageAttachment.from_bytes(b"GIF89a" + b"\x00" * 50, alt_text="animasi")
    photo = ImageAttachment.from_bytes(PNG, alt_text="foto")
    r = s.schedule(personal.slot, personal.account, ["Campur"], now + timedelta(hours=1),
                   media=[gif, photo])  # fmt: skip
    assert not r.ok and "gif_with_photos" in [p.value for p in r.checks[0].problems]
    assert s.calendar(Slot.OFFICE) == [] and s.calendar(Slot.PERSONAL) == []


def test_quiet_period_asks_once_more(store, log, clock, office):
    quiet = QuietPeriod.parse("00:00-23:59")  # the whole day, whatever the laptop's zone
    s = Scheduler(store, log, clock, quiet=lambda slot: quiet if slot is Slot.OFFICE else None)
    due = clock.now + timedelta(hours=1)
    r = s.schedule(office.slot, office.account, ["Malam"], due, confirmed=True)
    assert r.problem is ScheduleProblem.QUIET_PERIOD and r.quiet == quiet
    r = s.schedule(office.slot, office.account, ["Malam"], due, confirmed=True,
                   quiet_confirmed=True)  # fmt: skip
    assert r.ok
    assert list(log.iter_entries())[-1].details["quiet_period"] == str(quiet)


def test_cross_account_duplicates_count_scheduled_items_both_ways(scheduler, outbox, office,
                                                                  personal, clock):  # fmt: skip
    """X forbids the same text from two accounts: a scheduled post counts at its due time,
    within 24 hours either side, whichever account comes first."""
    due = clock.now + timedelta(days=2)
    _schedule(scheduler, office, "Libur nasional: layanan tutup.", due)
    r = scheduler.schedule(personal.slot, personal.account, ["Libur nasional: layanan tutup."],
                           due + timedelta(hours=23))  # fmt: skip
    assert not r.ok and r.duplicate is not None and r.duplicate.other_slot is Slot.OFFICE
    r = scheduler.schedule(personal.slot, personal.account, ["Libur nasional: layanan tutup."],
                           due - timedelta(hours=23))  # fmt: skip
    assert not r.ok and r.duplicate is not None
    r = scheduler.schedule(personal.slot, personal.account, ["Libur nasional: layanan tutup."],
                           due + timedelta(hours=25))  # fmt: skip
    assert r.ok
    # The other direction: an immediate post now, the office's item due within 24 h.
    soon = clock.now + timedelta(hours=5)
    _schedule(scheduler, office, "Pemadaman listrik terencana sore ini.", soon)
    q = outbox.enqueue(personal.slot, personal.account, "Pemadaman listrik terencana sore ini.")
    assert not q.ok and q.refusal is QueueRefusal.CROSS_ACCOUNT_DUPLICATE


def test_rules_are_checked_again_at_sending_time(scheduler, sender, outbox, office, personal,
                                                 clock, control, log):  # fmt: skip
    """The other account sent the same text after this one was scheduled (from the desk
    without the check, e.g. an older version): at its time it fails with the reason."""
    due = clock.now + timedelta(hours=1)
    item = _schedule(scheduler, personal, "Ucapan selamat Hari Ibu.", due)
    # The office's copy bypasses the check (another desk wrote it straight to the outbox).
    from humasdesk.store.outbox_store import NewOutboxItem, PostKind

    (other,) = sender.store.add([NewOutboxItem(Slot.OFFICE, office.account.user_id, "HumasDemo",
                                 PostKind.POST, "Ucapan selamat Hari Ibu.", clock.now)],
                                clock.now)  # fmt: skip
    sender.store.mark_sent(other.id, "1", clock.now)
    clock.advance(3600)
    (out,) = sender.send_due(personal)
    assert out.status is SendStatus.FAILED and out.kind is FailureKind.DUPLICATE
    failed = sender.store.get(item.id)
    assert failed.state is OutboxState.FAILED and failed.text == "Ucapan selamat Hari Ibu."
    assert "24 hours" in failed.last_error_text
    assert _on_x(control, "rina_humas", item.text) == []


def test_x_refusing_at_its_time_fails_with_the_reason_and_keeps_the_text(
    scheduler, sender, office, clock, control, log
):
    """X's rules changed (it answers 400): failed with X's reason, the text kept, and the
    official can move it to another time."""
    item = _schedule(scheduler, office, "Pengumuman panjang", clock.now + timedelta(minutes=5))
    control.fault(status=400, path_prefix="/2/tweets", method="POST", count=1)
    clock.advance(300)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.FAILED and out.kind is FailureKind.INVALID
    failed = sender.store.get(item.id)
    assert failed.state is OutboxState.FAILED and failed.text == "Pengumuman panjang"
    assert failed.last_error_text
    assert Action.POST_FAILED in _actions(log)
    assert scheduler.move(item.id, clock.now + timedelta(hours=1)).ok
    clock.advance(3600)
    assert sender.send_due(office)[0].status is SendStatus.SENT


def test_clock_moved_back_an_hour_sends_nothing_early(scheduler, sender, office, clock, control):
    """The laptop's clock was set back after scheduling: the post still waits for its
    instant, then goes once."""
    due = clock.now + timedelta(minutes=30)
    item = _schedule(scheduler, office, "Jam dinding mundur.", due)
    clock.advance(-3600)
    assert sender.send_due(office) == []
    assert sender.store.get(item.id).state is OutboxState.SCHEDULED
    clock.advance(3600 + 30 * 60)
    assert sender.send_due(office)[0].status is SendStatus.SENT
    assert len(_on_x(control, "HumasDemo", item.text)) == 1


@pytest.fixture
def laptop_zone():
    """Set the laptop's zone (TZ) for the test, restored afterwards."""
    old = os.environ.get("TZ")

    def set_zone(name):
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_zone_change_keeps_the_instant(scheduler, sender, office, clock, control, laptop_zone):
    """Scheduled in Jakarta, the laptop flies to Makassar: the post keeps its instant and the
    calendar shows it an hour later on the clock, in WITA."""
    laptop_zone("Asia/Jakarta")
    due = clock.now + timedelta(hours=3)
    item = _schedule(scheduler, office, "Siaran pers pukul tiga.", due)
    shown_wib = format_local(item.due_at)
    laptop_zone("Asia/Makassar")
    (again,) = scheduler.calendar(Slot.OFFICE)
    assert again.due_at == due
    shown_wita = format_local(again.due_at)
    assert shown_wib.endswith("WIB") and shown_wita.endswith("WITA")
    assert int(shown_wita[11:13]) == (int(shown_wib[11:13]) + 1) % 24
    clock.advance(3 * 3600)
    assert sender.send_due(office)[0].status is SendStatus.SENT


def test_a_scheduled_thread_goes_out_in_order(scheduler, sender, office, clock, control, log):
    texts = ["Utas jadwal (1/2)", "Bagian dua (2/2)"]
    r = scheduler.schedule(office.slot, office.account, texts, clock.now + timedelta(minutes=3),
                           confirmed=True)  # fmt: skip
    assert r.ok and [i.state for i in r.items] == [OutboxState.SCHEDULED] * 2
    clock.advance(180)
    outs = sender.send_due(office)
    assert [o.status for o in outs] == [SendStatus.SENT] * 2
    posts = {p["id"]: p for p in control.posts("HumasDemo")}
    assert posts[outs[1].x_post_id]["referenced_tweets"][0]["id"] == outs[0].x_post_id
    assert _actions(log).count(Action.POST_SCHEDULED) == 1


def _sandbox_advance(sandbox, seconds):
    import requests

    r = requests.post(f"{sandbox.base_url}/_sandbox/clock", json={"advance_s": seconds},
                      timeout=10)  # fmt: skip
    assert r.status_code == 200


def test_x_refusing_a_duplicate_at_its_time_fails_with_the_reason(scheduler, sender, office,
                                                                  clock, sandbox, log):  # fmt: skip
    """Someone posted the same text from the X app before the scheduled time: X refuses
    it as a duplicate; the item fails with X's reason and keeps its text."""
    text = "Pendaftaran beasiswa daerah dibuka."
    office.client.create_post(text)  # from the X app, not the desk
    clock.advance(600)
    _sandbox_advance(sandbox, 600)
    item = _schedule(scheduler, office, text, clock.now + timedelta(minutes=5))
    clock.advance(300)
    _sandbox_advance(sandbox, 300)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.FAILED and out.kind is FailureKind.DUPLICATE
    failed = sender.store.get(item.id)
    assert failed.state is OutboxState.FAILED and failed.text == text
    assert "duplicate" in failed.last_error_text


def test_revoked_token_at_its_time_waits_with_the_reason_then_is_missed(
    scheduler, sender, office, clock, sandbox, control
):
    """The token was revoked (signed out on another device): nothing goes out, the post
    waits with the reason and its text; if nobody signs in within the grace period it is
    missed, never sent late by itself."""
    from humasdesk.services.session import PRACTICE_CLIENT_ID
    from humasdesk.xapi.oauth import revoke_token

    text = "Pengumuman yang menunggu masuk ulang."
    item = _schedule(scheduler, office, text, clock.now + timedelta(minutes=2))
    revoke_token(PRACTICE_CLIENT_ID, office.tokens.access_token, base_url=sandbox.base_url)
    clock.advance(120)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SIGN_IN_NEEDED
    waiting = sender.store.get(item.id)
    assert waiting.state is OutboxState.QUEUED and waiting.text == text
    assert waiting.last_error_kind == "sign_in_needed"
    clock.advance(16 * 60)
    sender.send_due(office)
    assert sender.store.get(item.id).state is OutboxState.MISSED
    assert _on_x(control, "HumasDemo", text) == []


def test_a_scheduled_reply_with_an_image_goes_out_as_a_reply_with_its_description(
    scheduler, sender, office, clock, control, log
):
    mention = control.mention("HumasDemo", "warga_satu", "@HumasDemo kapan posyandu buka?")
    image = ImageAttachment.from_bytes(PNG, alt_text="Jadwal posyandu bulan ini")
    r = scheduler.schedule(office.slot, office.account, ["Posyandu buka Selasa pukul 08.00."],
                           clock.now + timedelta(minutes=10), confirmed=True,
                           reply_to=mention["id"], media=[image])  # fmt: skip
    assert r.ok and r.items[0].kind.value == "reply"
    clock.advance(600)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    post = next(p for p in control.posts("HumasDemo") if p["id"] == out.x_post_id)
    assert post["referenced_tweets"] == [{"type": "replied_to", "id": mention["id"]}]
    assert post.get("media_keys")
    sent = [e for e in log.iter_entries() if e.action is Action.REPLY_SENT]
    assert len(sent) == 1 and sent[0].details["scheduled_for"] and sent[0].details["media"] == 1


def test_an_attempt_that_may_have_reached_x_is_looked_up_and_then_missed_not_resent(
    scheduler, sender, office, clock, control, log
):
    """The connection dropped while posting at its time; X did not keep it; the network
    stayed down past the grace period. The next round looks on X first (not there) and
    marks it missed instead of posting it late."""
    text = "Siaran pers yang terputus."
    item = _schedule(scheduler, office, text, clock.now + timedelta(minutes=1))
    control.fault(count=1, path_prefix="/2/tweets", method="POST", drop_connection=True)
    clock.advance(60)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.RETRY_SCHEDULED
    assert sender.store.get(item.id).outcome_unknown
    clock.advance(20 * 60)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.MISSED
    assert sender.store.get(item.id).state is OutboxState.MISSED
    assert _on_x(control, "HumasDemo", text) == []
    missed = [e for e in log.iter_entries() if e.action is Action.POST_MISSED]
    assert len(missed) == 1 and missed[0].details["after_attempt"] is True
