"""What survives a restart: posts left waiting get a fresh undo window, and a draft whose
text was already queued or published is never offered again (SQLite only)."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.compose import Draft
from humasdesk.core.models import Account, Slot
from humasdesk.services.outbox import Outbox
from humasdesk.store.outbox_store import OutboxState

PERSONAL = Account("1700000000000000002", "rina_humas", "Rina Wulandari")


def test_a_draft_of_a_queued_or_sent_text_is_not_restored(outbox, store):
    """A late draft save wrote the published text back: the next start must not put it in
    the composer again (it would be posted twice)."""
    text = "Pelayanan KTP tetap buka saat libur."
    outbox.save_draft(Draft(slot=Slot.PERSONAL, text=text))
    item = outbox.enqueue(Slot.PERSONAL, PERSONAL, text).items[0]
    assert outbox.load_draft(Slot.PERSONAL) is None
    assert store.load_draft(Slot.PERSONAL) is None  # and it is gone for good

    store.mark_sending(item.id, item.created_at)
    store.mark_sent(item.id, "1900", item.created_at)
    outbox.save_draft(Draft(slot=Slot.PERSONAL, text=text))
    assert outbox.load_draft(Slot.PERSONAL) is None


def test_a_draft_of_a_cancelled_text_is_restored(outbox):
    """Batalkan gives the text back; as a draft it must survive the next start."""
    text = "Jadwal vaksinasi pekan ini."
    item = outbox.enqueue(Slot.PERSONAL, PERSONAL, text).items[0]
    outbox.cancel(item.id)
    outbox.save_draft(Draft(slot=Slot.PERSONAL, text=text))
    restored = outbox.load_draft(Slot.PERSONAL)
    assert restored is not None and restored.text == text


def test_what_a_session_left_waits_a_new_undo_window(store, clock):
    """Queued before the desk was closed, its window passed while the desk was off: at the
    next start it is not due at once but after a new window, and is listed."""
    first = Outbox(store, clock, undo_s=10)
    left = first.enqueue(Slot.PERSONAL, PERSONAL, "Ditinggal untuk sesi berikutnya.").items[0]
    later = clock.advance(3600)
    assert [i.id for i in first.due(Slot.PERSONAL)] == [left.id]  # it would go at once

    again = Outbox(store, clock, undo_s=10)
    carried = again.carry_over(Slot.PERSONAL)
    assert [i.id for i in carried] == [left.id]
    assert carried[0].not_before == later + timedelta(seconds=10)
    assert again.due(Slot.PERSONAL) == []
    assert again.carry_over(Slot.OFFICE) == []
    clock.advance(10)
    assert [i.id for i in again.due(Slot.PERSONAL)] == [left.id]


def test_a_scheduled_time_later_than_the_new_window_is_kept(store, clock):
    outbox = Outbox(store, clock, undo_s=10)
    item = outbox.enqueue(Slot.PERSONAL, PERSONAL, "Nanti sore.", undo_s=600).items[0]
    carried = outbox.carry_over(Slot.PERSONAL)
    assert carried[0].not_before == item.not_before
    assert carried[0].state is OutboxState.QUEUED


def test_a_repost_goes_out_after_its_window_and_is_logged(
    outbox, sender, office, personal, clock, log, control
):
    """A repost is an outbox item like a post: not before its window, then X has it and the
    log says repost_sent (never post_sent), with the post it shared."""
    source = office.client.create_post("Layanan SIM keliling hari ini di alun-alun.")
    item = outbox.enqueue_repost(
        Slot.PERSONAL, personal.account, source.id, "Layanan SIM keliling hari ini di alun-alun."
    ).items[0]
    assert item.kind.value == "repost" and item.repost_of == source.id
    assert sender.send_due(personal) == []  # the undo window
    clock.advance(11)
    (outcome,) = sender.send_due(personal)
    assert outcome.status.value == "sent"
    assert any(p["text"].startswith("RT @HumasDemo: Layanan SIM") for p in
               control.posts("rina_humas"))  # fmt: skip
    (entry,) = [e for e in log.iter_entries() if str(e.action) == "repost_sent"]
    assert entry.details["repost_of"] == source.id and entry.handle == "rina_humas"
    assert not [e for e in log.iter_entries() if str(e.action) == "post_sent"]


def test_the_desks_own_repost_is_not_a_citizens_mention(sync, office, personal, log, control):
    """The personal account reposts an office post: X lists it among the office's mentions,
    but it is the desk itself, so it is neither stored nor logged as a citizen's."""
    log.append("signed_in", slot=Slot.PERSONAL, account_id=personal.account.user_id,
               handle=personal.account.username)  # fmt: skip
    source = office.client.create_post("Jadwal posyandu bulan ini.")
    personal.client.repost(personal.account.user_id, source.id)
    control.mention("HumasDemo", "warga_12", "Terima kasih infonya")
    sync.sync(office)
    authors = {m.author_username for m in sync.inbox(office.account.user_id, limit=500)}
    assert "warga_12" in authors and "rina_humas" not in authors
    received = [e for e in log.iter_entries() if str(e.action) == "mention_received"]
    assert "rina_humas" not in {e.citizen_handle for e in received}
