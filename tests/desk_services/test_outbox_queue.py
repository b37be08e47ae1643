"""Queueing, the undo window, cancel, retry, drafts and the cross-account rule (SQLite only)."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.compose import ComposeProblem, Draft
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Account, Slot
from humasdesk.services.outbox import Outbox, QueueRefusal, RecentPost
from humasdesk.store import open_database
from humasdesk.store.outbox_store import OutboxState, OutboxStore

OFFICE = Account("1700000000000000001", "HumasDemo", "Humas Kementerian Demo")
PERSONAL = Account("1700000000000000002", "rina_humas", "Rina Wulandari")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40


def test_invalid_post_is_not_queued(outbox, store):
    """Check before you queue: an empty or over-long post never reaches the outbox."""
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "   ")
    assert not r.ok and r.refusal is QueueRefusal.INVALID
    assert r.checks[0].problems == (ComposeProblem.EMPTY,)
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "x" * 281)
    assert r.checks[0].problems == (ComposeProblem.TOO_LONG,)
    img = ImageAttachment.from_bytes(PNG)  # no alt text
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "Foto", media=[img])
    assert r.checks[0].problems == (ComposeProblem.IMAGE_MISSING_ALT,)
    assert store.items(Slot.OFFICE) == []


def test_queued_post_waits_for_the_undo_window(outbox, clock):
    """The official has 10 s to press "Batalkan": nothing is due before then."""
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "Pengumuman: kantor tutup Jumat.")
    assert r.ok
    item = r.items[0]
    assert item.state is OutboxState.QUEUED
    assert item.not_before == clock.now + timedelta(seconds=10)
    assert item.undo_seconds_left(clock.now) == 10
    assert outbox.due(Slot.OFFICE, clock.now + timedelta(seconds=9.9)) == []
    assert [i.id for i in outbox.due(Slot.OFFICE, clock.now + timedelta(seconds=10))] == [item.id]
    assert outbox.due(Slot.PERSONAL, clock.now + timedelta(seconds=60)) == []
    assert outbox.next_wake(Slot.OFFICE) == item.not_before
    custom = Outbox(outbox.store, clock, undo_s=30).enqueue(Slot.OFFICE, OFFICE, "Lain lagi")
    assert custom.items[0].not_before == clock.now + timedelta(seconds=30)


def test_cancel_returns_the_text_to_the_composer(outbox, clock):
    """The "Batalkan" button must give back exactly what was written, images and all."""
    img = ImageAttachment.from_bytes(PNG, alt_text="Poster")
    r = outbox.enqueue(
        Slot.PERSONAL, PERSONAL, "Teks\r\nbaris dua", media=[img], official_capacity=True
    )
    res = outbox.cancel(r.items[0].id)
    assert res.ok and res.draft is not None
    assert res.draft.text == "Teks\nbaris dua" and res.draft.slot is Slot.PERSONAL
    assert res.draft.images[0].data == PNG and res.draft.images[0].alt_text == "Poster"
    assert res.draft.official_capacity
    assert outbox.get(r.items[0].id).state is OutboxState.CANCELLED
    assert outbox.due(Slot.PERSONAL, clock.now + timedelta(minutes=1)) == []
    assert not outbox.cancel(r.items[0].id).ok  # twice: nothing more to cancel


def test_cannot_cancel_once_sending(outbox, store, clock):
    """Once the sender took the post, "Batalkan" must say it is too late (it may be on X)."""
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "Sudah berangkat")
    assert store.mark_sending(r.items[0].id, clock.now)
    res = outbox.cancel(r.items[0].id)
    assert not res.ok and res.draft is None
    assert outbox.get(r.items[0].id).state is OutboxState.SENDING
    # and the race the other way: a cancelled post is never taken by the sender
    r2 = outbox.enqueue(Slot.OFFICE, OFFICE, "Dibatalkan dulu")
    assert outbox.cancel(r2.items[0].id).ok
    assert not store.mark_sending(r2.items[0].id, clock.now)


def test_cancel_thread_part_cancels_the_rest(outbox):
    """Cancelling a thread gives all its texts back, in order."""
    r = outbox.enqueue_thread(Slot.OFFICE, OFFICE, ["Satu", "Dua", "Tiga"])
    assert [i.thread_index for i in r.items] == [0, 1, 2]
    assert {i.thread_id for i in r.items} == {r.items[0].id}
    res = outbox.cancel(r.items[0].id)
    assert res.draft.text == "Satu" and res.draft.thread == ("Dua", "Tiga")
    assert {i.state for i in outbox.items(Slot.OFFICE)} == {OutboxState.CANCELLED}


def test_official_capacity_only_for_personal(outbox):
    """The "kapasitas jabatan" mark is for personal posts; office posts are official anyway."""
    assert outbox.enqueue(Slot.PERSONAL, PERSONAL, "A", official_capacity=True).items[0]
    assert outbox.items(Slot.PERSONAL)[0].official_capacity
    outbox.enqueue(Slot.OFFICE, OFFICE, "B", official_capacity=True)
    assert not outbox.items(Slot.OFFICE)[0].official_capacity


def test_cross_account_duplicate_of_queued_post_is_refused(outbox, clock):
    """The same text queued from the office account must not be posted from the personal one
    (X forbids the same content from several accounts)."""
    office = outbox.enqueue(Slot.OFFICE, OFFICE, "Jalan Sudirman ditutup besok pagi.")
    r = outbox.enqueue(Slot.PERSONAL, PERSONAL, "jalan sudirman ditutup besok pagi!")
    assert not r.ok and r.refusal is QueueRefusal.CROSS_ACCOUNT_DUPLICATE
    assert r.duplicate.other_slot is Slot.OFFICE and r.duplicate.outbox_id == office.items[0].id
    assert r.duplicate.other_post_id is None  # not on X yet: no repost to offer
    # a different text is fine; a cancelled one no longer counts
    assert outbox.enqueue(Slot.PERSONAL, PERSONAL, "Hati-hati di jalan, warga.").ok
    outbox.cancel(office.items[0].id)
    assert outbox.enqueue(Slot.PERSONAL, PERSONAL, "Jalan Sudirman ditutup besok pagi.").ok


def test_cross_account_rule_uses_posts_known_from_x(outbox, clock):
    """Posts fetched from X (not sent from the desk) count too, within 24 hours."""
    recent = [RecentPost(Slot.OFFICE, "Info banjir: cek https://t.co/abc", clock.now, "99")]
    r = outbox.enqueue(
        Slot.PERSONAL, PERSONAL, "Info banjir: cek https://bpbd.go.id", other_recent=recent
    )
    assert r.duplicate.other_post_id == "99"
    old = [RecentPost(Slot.OFFICE, "Info banjir", clock.now - timedelta(hours=25), "98")]
    assert outbox.enqueue(Slot.PERSONAL, PERSONAL, "Info banjir", other_recent=old).ok


def test_retry_makes_a_failed_item_due_at_once(outbox, store, clock):
    """The Retry button in the Outbox tab sends again without waiting."""
    r = outbox.enqueue(Slot.OFFICE, OFFICE, "Coba lagi", undo_s=0)
    store.mark_sending(r.items[0].id, clock.now)
    store.mark_failed(r.items[0].id, clock.now, kind="network", text="putus")
    assert outbox.due(Slot.OFFICE) == []  # failed without a retry time waits for the official
    assert outbox.items(Slot.OFFICE, [OutboxState.FAILED])[0].last_error_text == "putus"
    assert outbox.retry(r.items[0].id)
    assert [i.id for i in outbox.due(Slot.OFFICE)] == [r.items[0].id]
    assert not outbox.retry(r.items[0].id)  # only a failed item can be retried


def test_drafts_survive_reopening_the_database(db_path, clock):
    """A draft written before a crash or restart is still there afterwards."""
    db = open_database(db_path)
    s = OutboxStore(db)
    img = ImageAttachment.from_bytes(PNG, alt_text="Poster", path="/home/rina/poster.png")
    draft = Draft(
        Slot.PERSONAL, "Setengah jadi…", reply_to="123", images=(img,), official_capacity=True,
        thread=("lanjutan",),
    )  # fmt: skip
    Outbox(s, clock).save_draft(draft)
    db.close()

    db = open_database(db_path)
    try:
        ob = Outbox(OutboxStore(db), clock)
        loaded = ob.load_draft(Slot.PERSONAL)
        assert loaded.text == "Setengah jadi…" and loaded.reply_to == "123"
        assert loaded.images[0].data == PNG and loaded.images[0].alt_text == "Poster"
        assert loaded.official_capacity and loaded.thread == ("lanjutan",)
        assert loaded.updated_at == clock.now
        assert ob.load_draft(Slot.OFFICE) is None
        ob.save_draft(Draft(Slot.PERSONAL, "  "))  # emptied composer: draft goes
        assert ob.load_draft(Slot.PERSONAL) is None
    finally:
        db.close()


def test_queued_posts_survive_reopening_the_database(db_path, clock):
    """A post queued before a crash is still in the outbox afterwards (never dropped)."""
    db = open_database(db_path)
    Outbox(OutboxStore(db), clock).enqueue(Slot.OFFICE, OFFICE, "Tahan banting")
    db.close()
    db = open_database(db_path)
    try:
        items = OutboxStore(db).items(Slot.OFFICE)
        assert [(i.text, i.state) for i in items] == [("Tahan banting", OutboxState.QUEUED)]
    finally:
        db.close()
