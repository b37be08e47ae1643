"""Sending through the outbox against the sandbox over real HTTP: posts, replies, threads,
media, X's refusals, dropped connections, 429 and 503. The rule throughout: never sent twice,
never silently dropped, everything in the activity log."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.activity import Action
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.services.outbox import (
    FailureKind,
    QueueRefusal,
    SendStatus,
)
from humasdesk.services.posting import UsageMeter, delete_post, own_posts, quota, repost
from humasdesk.store.outbox_store import OutboxState

PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 200


def _queue(outbox, session, text, **kw):
    r = outbox.enqueue(session.slot, session.account, text, **kw)
    assert r.ok, r
    return r.items[0]


def _actions(log):
    return [(e.action, e.x_post_id, e.in_reply_to, e.details) for e in log.iter_entries()]


def _texts(control, handle, text):
    return [p for p in control.posts(handle) if p["text"] == text]


def test_post_is_sent_after_the_undo_window_and_logged(outbox, sender, office, clock, control,
                                                       log):  # fmt: skip
    """A queued post goes out only after its undo window, once, and lands in the log."""
    item = _queue(outbox, office, "Layanan pengaduan buka pukul 08.00 WIB.")
    assert sender.send_due(office) == []  # still inside the undo window
    assert _texts(control, "HumasDemo", item.text) == []
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT and out.x_post_id
    sent = outbox.get(item.id)
    assert sent.state is OutboxState.SENT and sent.x_post_id == out.x_post_id
    assert sent.sent_at == clock.now and sent.attempts == 1
    assert [p["id"] for p in _texts(control, "HumasDemo", item.text)] == [out.x_post_id]
    entries = list(log.iter_entries())
    assert [e.action for e in entries] == [Action.POST_SENT]
    assert entries[0].text == item.text and entries[0].slot is Slot.OFFICE
    assert entries[0].handle == "HumasDemo" and entries[0].in_reply_to is None
    assert sender.send_due(office) == []  # nothing sent twice
    assert log.verify().ok


def test_personal_post_in_official_capacity_is_marked_in_the_log(outbox, sender, personal,
                                                                 clock, log):  # fmt: skip
    """The supervisor report includes personal posts marked "kapasitas jabatan"."""
    _queue(outbox, personal, "Hadir di rapat koordinasi kehumasan.", official_capacity=True)
    clock.advance(10)
    assert sender.send_due(personal)[0].status is SendStatus.SENT
    (entry,) = log.iter_entries()
    assert entry.details["official_capacity"] is True and entry.slot is Slot.PERSONAL


def test_thread_parts_are_chained_as_replies(outbox, sender, office, clock, control, log):
    """A thread must read as a thread on X: part n+1 answers part n."""
    texts = ["Utas info beasiswa (1/3)", "Syarat: mahasiswa aktif (2/3)", "Daftar di laman (3/3)"]
    r = outbox.enqueue_thread(office.slot, office.account, texts)
    assert r.ok and len(r.items) == 3
    clock.advance(10)
    outs = sender.send_due(office)
    assert [o.status for o in outs] == [SendStatus.SENT] * 3
    ids = [o.x_post_id for o in outs]
    posts = {p["id"]: p for p in control.posts("HumasDemo")}
    assert posts[ids[1]]["referenced_tweets"] == [{"type": "replied_to", "id": ids[0]}]
    assert posts[ids[2]]["referenced_tweets"] == [{"type": "replied_to", "id": ids[1]}]
    assert posts[ids[2]]["conversation_id"] == ids[0]
    entries = list(log.iter_entries())
    # own thread parts are posts, not replies to citizens (metrics stay right)
    assert [e.action for e in entries] == [Action.POST_SENT] * 3
    assert all(e.in_reply_to is None for e in entries)
    assert entries[2].details["thread_of"] == ids[1]


def test_thread_waits_for_its_previous_part(outbox, sender, office, clock, control):
    """If part 1 cannot go out, part 2 must not be posted on its own."""
    control.fault(count=1, status=503, path_prefix="/2/tweets", method="POST")
    r = outbox.enqueue_thread(office.slot, office.account, ["Bagian A", "Bagian B"])
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.RETRY_SCHEDULED
    assert outbox.get(r.items[1].id).state is OutboxState.QUEUED
    assert control.posts("HumasDemo")[0]["text"] != "Bagian B"
    clock.advance(60)
    assert [o.status for o in sender.send_due(office)] == [SendStatus.SENT, SendStatus.SENT]


def test_media_is_uploaded_with_alt_text(outbox, sender, office, clock, control, log):
    """Images go out with the post, each with its alt text."""
    images = [ImageAttachment.from_bytes(PNG, alt_text=f"Foto {i}") for i in range(2)]
    item = _queue(outbox, office, "Dokumentasi kegiatan hari ini.", media=images)
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    (post,) = _texts(control, "HumasDemo", item.text)
    assert len(post["media_keys"]) == 2
    (entry,) = log.iter_entries()
    assert entry.details["media"] == 2


def test_reply_to_a_post_that_does_not_mention_the_account_fails_with_reason(
    outbox, sender, office, clock, control, log
):
    """X refuses replies to posts that did not mention the account: the post must end
    'failed' with X's reason (not retried, not lost) and the refusal be logged."""
    other = next(p for p in control.posts("rina_humas") if "HumasDemo" not in p["text"])
    item = _queue(outbox, office, "Terima kasih, Bu Rina.", reply_to=other["id"])
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.FAILED and out.kind is FailureKind.REPLY_NOT_ALLOWED
    failed = outbox.get(item.id)
    assert failed.state is OutboxState.FAILED and failed.next_attempt_at is None
    assert failed.last_error_kind == "reply_not_allowed" and "not allowed" in failed.last_error_text
    clock.advance(3600)
    assert sender.send_due(office) == []  # a refusal is not retried by itself
    (entry,) = log.iter_entries()
    assert entry.action == Action.POST_FAILED and entry.details["kind"] == "reply_not_allowed"
    assert entry.in_reply_to == other["id"]


def test_duplicate_refusal_is_evidence_the_post_went_out(outbox, sender, office, clock, control):
    """If the post is already on X (sent before the desk learnt of it), X's duplicate refusal
    must mark it sent with the post found on X, and X must hold it once."""
    item = _queue(outbox, office, "Kantor buka kembali Senin.")
    already = office.client.create_post(item.text)  # went out, the desk never heard back
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT and out.found_on_x and out.x_post_id == already.id
    assert outbox.get(item.id).x_post_id == already.id
    assert len(_texts(control, "HumasDemo", item.text)) == 1


def test_duplicate_of_an_old_post_fails(outbox, sender, office, clock, control, log):
    """A text the account posted long before is X's duplicate refusal, not our own send: the
    official is told, nothing is marked sent."""
    old = control.posts("HumasDemo")[-1]  # seed post, before this item was queued
    item = _queue(outbox, office, old["text"])
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.FAILED and out.kind is FailureKind.DUPLICATE
    assert outbox.get(item.id).state is OutboxState.FAILED


def test_response_lost_after_x_stored_the_post_is_not_sent_twice(
    outbox, sender, office, clock, control, log
):
    """The connection drops after X stored the post: the next attempt must find it on X and
    mark it sent; X holds exactly one copy."""
    control.fault(
        count=1, path_prefix="/2/tweets", method="POST", drop_connection=True, after_commit=True
    )
    item = _queue(outbox, office, "Pemadaman listrik terjadwal pukul 10.00.")
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.RETRY_SCHEDULED and out.kind is FailureKind.NETWORK
    failed = outbox.get(item.id)
    assert failed.state is OutboxState.FAILED and failed.outcome_unknown and failed.will_retry
    assert failed.last_error_kind == "network"
    assert sender.send_due(office) == []  # backing off
    clock.advance(5)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT and out.found_on_x
    assert len(_texts(control, "HumasDemo", item.text)) == 1
    assert outbox.get(item.id).x_post_id == out.x_post_id
    (entry,) = log.iter_entries()
    assert entry.action == Action.POST_SENT and entry.details["found_on_x"] is True


def test_connection_dropped_before_x_stored_it_is_sent_on_retry(
    outbox, sender, office, clock, control
):
    """Dropped before X stored it: the post stays in the outbox as failed; Retry sends it
    (after looking on X first), once."""
    control.fault(count=1, path_prefix="/2/tweets", method="POST", drop_connection=True)
    item = _queue(outbox, office, "Rapat dimulai pukul 09.00.")
    clock.advance(10)
    assert sender.send_due(office)[0].status is SendStatus.RETRY_SCHEDULED
    assert outbox.get(item.id).state is OutboxState.FAILED
    assert _texts(control, "HumasDemo", item.text) == []
    assert outbox.retry(item.id)  # the official does not wait for the back-off
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT and not out.found_on_x
    assert len(_texts(control, "HumasDemo", item.text)) == 1


def test_crash_while_sending_is_checked_on_x(outbox, sender, store, office, clock, control):
    """The desk died between 'sending' and X's answer: at the next start the post is looked
    up on X, not sent again."""
    item = _queue(outbox, office, "Sebelum desk mati.")
    clock.advance(10)
    assert store.mark_sending(item.id, clock.now)
    office.client.create_post(item.text)  # X got it; the desk never recorded the answer
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT and out.found_on_x
    assert len(_texts(control, "HumasDemo", item.text)) == 1


def test_503_backs_off_then_succeeds(outbox, sender, office, clock, control):
    """X failing (5xx) is retried with growing, capped delays until it works."""
    control.fault(count=2, status=503, path_prefix="/2/tweets", method="POST")
    item = _queue(outbox, office, "Info cuaca ekstrem hari ini.")
    clock.advance(10)
    first = sender.send_due(office)[0]
    assert first.status is SendStatus.RETRY_SCHEDULED and first.kind is FailureKind.SERVER
    assert first.retry_at == clock.now + timedelta(seconds=5)
    clock.advance(5)
    second = sender.send_due(office)[0]
    assert second.retry_at == clock.now + timedelta(seconds=10)  # doubled
    clock.advance(10)
    (third,) = sender.send_due(office)
    assert third.status is SendStatus.SENT
    assert outbox.get(item.id).attempts == 3
    assert len(_texts(control, "HumasDemo", item.text)) == 1
    assert sender.backoff(20) == timedelta(seconds=300)  # capped


def test_429_waits_until_reset(outbox, sender, office, clock, control):
    """After a 429 the account sends nothing until X's reset time, then goes on."""
    control.fault(count=1, status=429, path_prefix="/2/tweets", method="POST")
    item = _queue(outbox, office, "Antrean pelayanan hari ini.")
    _queue(outbox, office, "Yang kedua menunggu juga.")
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.RATE_LIMITED and out.retry_at is not None
    waiting = outbox.get(item.id)
    assert waiting.state is OutboxState.QUEUED and waiting.next_attempt_at == out.retry_at
    assert sender.pause_of(office.account.user_id).status is SendStatus.RATE_LIMITED
    clock.advance(60)
    assert sender.send_due(office) == []  # still before reset
    clock.now = out.retry_at + timedelta(seconds=1)
    outs = sender.send_due(office)
    assert [o.status for o in outs] == [SendStatus.SENT, SendStatus.SENT]
    assert len(_texts(control, "HumasDemo", item.text)) == 1


def test_cancelled_post_is_never_sent(outbox, sender, office, clock, control):
    """Pressing "Batalkan" within the window: nothing reaches X."""
    item = _queue(outbox, office, "Batal kirim.")
    assert outbox.cancel(item.id).ok
    clock.advance(60)
    assert sender.send_due(office) == []
    assert _texts(control, "HumasDemo", "Batal kirim.") == []


def test_cross_account_refusal_window(outbox, sender, office, personal, clock):
    """Sent from the office account 2 h ago → refused from the personal account, with the
    office post to repost instead; 25 h later → allowed."""
    item = _queue(outbox, office, "Jembatan Merah ditutup untuk perbaikan mulai besok.")
    clock.advance(10)
    (out,) = sender.send_due(office)
    clock.advance(2 * 3600)
    r = outbox.enqueue(personal.slot, personal.account, "Jembatan Merah ditutup untuk perbaikan "
                       "mulai besok!")  # fmt: skip
    assert r.refusal is QueueRefusal.CROSS_ACCOUNT_DUPLICATE
    assert r.duplicate.other_post_id == out.x_post_id and r.duplicate.outbox_id == item.id
    repost(personal, r.duplicate.other_post_id)  # the sanctioned way; X accepts it
    clock.advance(23 * 3600)
    assert outbox.enqueue(personal.slot, personal.account, item.text).ok


def test_usage_cap_stops_the_account(outbox, sender, store, office, clock):
    """A usage cap stops sending for the account, keeping the post queued."""
    from humasdesk.core.errors import UsageCapped

    item = _queue(outbox, office, "Kuota habis.")
    clock.advance(10)

    def capped(session, fn):
        raise UsageCapped("cap", "Monthly")

    (out,) = sender.send_due(office, call=capped)
    assert out.status is SendStatus.USAGE_CAPPED
    assert outbox.get(item.id).state is OutboxState.QUEUED
    assert sender.send_due(office) == []  # stopped
    sender.resume(office.account.user_id)
    assert sender.send_due(office)[0].status is SendStatus.SENT


def test_sign_in_needed_keeps_the_queue_waiting(outbox, sender, office, clock):
    """A refused refresh leaves the post queued (not failed) until the official signs in."""
    from humasdesk.services.accounts import SessionExpired

    item = _queue(outbox, office, "Menunggu masuk.")
    clock.advance(10)

    def expired(session, fn):
        raise SessionExpired(session.slot)

    (out,) = sender.send_due(office, call=expired)
    assert out.status is SendStatus.SIGN_IN_NEEDED
    queued = outbox.get(item.id)
    assert queued.state is OutboxState.QUEUED and queued.attempts == 0
    assert sender.send_due(office)[0].status is SendStatus.SENT


def test_posts_tab_delete_quota_and_cost(outbox, sender, store, office, clock, control, log):
    """The Posts tab lists X's posts, delete is logged, quota comes from X's headers and the
    month's cost counts what was sent."""
    _queue(outbox, office, "Info di https://kemendemo.go.id/layanan")
    _queue(outbox, office, "Tanpa tautan.")
    clock.advance(10)
    outs = sender.send_due(office)
    usage = UsageMeter(store, clock)
    page = own_posts(office, usage=usage)
    assert page.posts[0].id == outs[1].x_post_id
    delete_post(office, log, outs[1].x_post_id, usage=usage)
    assert _texts(control, "HumasDemo", "Tanpa tautan.") == []
    counts = usage.counts(office.account.user_id)
    assert (counts.posts, counts.url_posts, counts.deletes) == (1, 1, 1)
    assert counts.owned_reads == len(page.posts)  # own timeline: "own data" ($0.001)
    assert counts.reads == 0
    assert usage.estimate(office.account.user_id) > 0
    q = quota(office)
    assert q.posting is not None and q.posting.limit == 100
    assert q.user_posts is not None
    assert [e.action for e in log.iter_entries()][-1] == Action.POST_DELETED
    assert log.verify().ok


def test_same_text_queued_twice_is_not_marked_sent_twice(outbox, sender, office, clock, control):
    """The second copy of a text is refused by X as a duplicate; it must not be marked sent
    by pointing at the first copy's post (that would hide a post that never went out)."""
    first = _queue(outbox, office, "Pengumuman yang sama.")
    second = _queue(outbox, office, "Pengumuman yang sama.")
    clock.advance(10)
    a, b = sender.send_due(office)
    assert a.status is SendStatus.SENT
    assert b.status is SendStatus.FAILED and b.kind is FailureKind.DUPLICATE
    assert outbox.get(first.id).x_post_id == a.x_post_id
    assert outbox.get(second.id).x_post_id is None
    assert len(_texts(control, "HumasDemo", "Pengumuman yang sama.")) == 1


def test_image_kept_by_path_is_read_at_send_time(outbox, sender, office, clock, control, tmp_path):
    """An image stored by path only (not bytes) still goes out with the post."""
    path = tmp_path / "poster.png"
    path.write_bytes(PNG)
    img = ImageAttachment(mime="image/png", size=len(PNG), alt_text="Poster", path=str(path))
    item = _queue(outbox, office, "Poster acara.", media=[img])
    clock.advance(10)
    assert sender.send_due(office)[0].status is SendStatus.SENT
    (post,) = _texts(control, "HumasDemo", item.text)
    assert len(post["media_keys"]) == 1
