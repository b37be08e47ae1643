"""Every post of both accounts on the record, wherever it was made: what the official posts
or answers from X's phone app appears in the log after one sync, at X's time, once."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.activity import Action, format_ts, parse_ts
from humasdesk.core.metrics import Period, compute_metrics
from humasdesk.core.models import Slot
from humasdesk.store.mentions_store import MentionState


def test_a_post_and_a_reply_made_in_xs_app_are_on_the_record_after_one_sync(desk):
    """The reply answers the citizen's mention at X's time of the reply, so the response
    time is the real one and the mention no longer counts as unanswered."""
    office = desk.sign_in(Slot.OFFICE)
    mention = desk.control.mention("HumasDemo", "warga_03", "Kapan layanan KTP buka?")
    assert desk.mentions.sync(office).ok
    desk.clock.advance(40 * 60)
    post = desk.control.app_post("HumasDemo", "Dari ponsel: layanan KTP buka pukul 08.00.")
    reply = desk.control.app_post("HumasDemo", "@warga_03 Besok pukul 08.00 WIB.",
                                  reply_to=mention["id"])  # fmt: skip
    desk.clock.advance(3 * 3600)  # the desk syncs later; the times stay X's
    result = desk.timeline.sync(office, call=desk.accounts.call)
    assert result.ok and (result.posts, result.replies, result.answered) == (1, 1, 1)

    (seen_post,) = desk.entries(Action.POST_SEEN)
    assert seen_post.x_post_id == post["id"] and seen_post.text == post["text"]
    assert format_ts(seen_post.ts) == post["created_at"]
    (seen_reply,) = desk.entries(Action.REPLY_SEEN)
    assert seen_reply.in_reply_to == mention["id"]
    assert format_ts(seen_reply.ts) == reply["created_at"]

    m = desk.mentions_store.get(mention["id"])
    assert m.state is MentionState.REPLIED and format_ts(m.first_reply_at) == reply["created_at"]
    now = desk.clock()
    report = compute_metrics(desk.log.iter_entries(), Period(now - timedelta(days=1), now))
    figures = report.for_account(office.account.user_id)
    assert (figures.posts, figures.replies, figures.mentions_answered) == (1, 1, 1)
    took = parse_ts(reply["created_at"]) - parse_ts(mention["created_at"])
    assert figures.first_response_median == took
    assert took < timedelta(hours=1)


def test_nothing_is_recorded_twice(desk):
    """A post the desk sent is on the record once; syncing again records nothing new."""
    office = desk.sign_in(Slot.OFFICE)
    queued = desk.outbox.enqueue(Slot.OFFICE, office.account, "Dari desk: jadwal pelayanan.",
                                 undo_s=0)  # fmt: skip
    assert queued.ok
    desk.clock.advance(1)
    desk.sender.send_due(office, call=desk.accounts.call)
    desk.control.app_post("HumasDemo", "Dari ponsel: pengumuman libur.")
    for _ in range(2):
        assert desk.timeline.sync(office, call=desk.accounts.call).ok
    assert len(desk.entries(Action.POST_SENT)) == 1
    assert len(desk.entries(Action.POST_SEEN)) == 1


def test_a_post_the_outbox_is_still_sending_is_left_to_the_sender(desk):
    """The sync must not record as 'made outside the desk' a post whose send reached X
    while the desk's own record of it is not written yet."""
    office = desk.sign_in(Slot.OFFICE)
    queued = desk.outbox.enqueue(Slot.OFFICE, office.account, "Sedang dikirim desk.", undo_s=0)
    item = queued.items[0]
    desk.sender.store.mark_sending(item.id, desk.clock(), owner="other", pid=None)
    desk.control.app_post("HumasDemo", "Sedang dikirim desk.")  # X got it; no record yet
    assert desk.timeline.sync(office, call=desk.accounts.call).ok
    assert desk.entries(Action.POST_SEEN) == []


def test_only_posts_since_the_first_sign_in_are_back_filled(desk):
    """The seed account's older posts predate the desk's record: not back-dated into it."""
    office = desk.sign_in(Slot.OFFICE)
    result = desk.timeline.sync(office, call=desk.accounts.call)
    assert result.ok and result.recorded == 0


def test_an_edit_on_x_is_recorded_with_both_texts(desk):
    office = desk.sign_in(Slot.OFFICE)
    first = desk.control.app_post("HumasDemo", "Vaksinasi hari Senin di balai kota.")
    assert desk.timeline.sync(office, call=desk.accounts.call).ok
    second = desk.control.app_post("HumasDemo", "Vaksinasi hari Selasa di balai kota.",
                                   edit_of=first["id"])  # fmt: skip
    result = desk.timeline.sync(office, call=desk.accounts.call)
    assert result.edits == 1 and result.posts == 0
    (edit,) = desk.entries(Action.POST_EDITED_ON_X)
    assert edit.x_post_id == second["id"] and edit.text == second["text"]
    assert edit.details == {"edit_of": first["id"], "previous_text": first["text"]}
    now = desk.clock()
    report = compute_metrics(desk.log.iter_entries(), Period(now - timedelta(days=1), now))
    assert report.for_account(office.account.user_id).posts == 1  # an edit is no new post


def test_reposts_quotes_and_own_threads(desk):
    office = desk.sign_in(Slot.OFFICE)
    personal = desk.sign_in(Slot.PERSONAL)
    rina = desk.control.app_post("rina_humas", "Catatan kegiatan hari ini.")
    root = desk.control.app_post("HumasDemo", "Utas: jadwal pekan ini (1/2)")
    desk.control.app_post("HumasDemo", "(2/2) Jumat libur.", reply_to=root["id"])
    desk.control.app_post("HumasDemo", "", repost_of=rina["id"])
    desk.control.app_post("HumasDemo", "Simak catatan Bu Rina.", quote_of=rina["id"])
    result = desk.timeline.sync(office, call=desk.accounts.call)
    assert (result.posts, result.replies, result.reposts) == (3, 0, 1)
    assert desk.timeline.sync(personal, call=desk.accounts.call).posts == 1
    seen = {e.text: e for e in desk.entries(Action.POST_SEEN)}
    assert seen["(2/2) Jumat libur."].details == {"thread_of": root["id"]}
    assert seen["Simak catatan Bu Rina."].details == {"quote_of": rina["id"]}
    (repost,) = desk.entries(Action.REPOST_SEEN)
    assert repost.details == {"repost_of": rina["id"]}


def test_own_timeline_reads_are_billed_as_own_data_and_counted_to_the_cent(desk):
    office = desk.sign_in(Slot.OFFICE)
    desk.control.app_post("HumasDemo", "Satu.")
    desk.control.app_post("HumasDemo", "Dua.")
    assert desk.timeline.sync(office, call=desk.accounts.call).ok
    from decimal import Decimal

    (month,) = desk.control.billing()["months"].values()
    events = month["accounts"][office.account.user_id]["events"]
    assert events["owned_read"] >= 2 and "post_read" not in events
    assert Decimal(month["usd"]) == desk.usage.estimate()


def test_while_a_send_is_unsettled_newer_posts_wait_even_if_x_rewrote_the_text(desk):
    """X may rewrite a text (links become t.co): the sync waits for the sender's record
    instead of guessing by text, and records the phone's post once the send is settled."""
    office = desk.sign_in(Slot.OFFICE)
    queued = desk.outbox.enqueue(Slot.OFFICE, office.account, "Info di contoh.go.id", undo_s=0)
    item = queued.items[0]
    desk.sender.store.mark_sending(item.id, desk.clock(), owner="other", pid=None)
    sent = desk.control.app_post("HumasDemo", "Info di https://t.co/abc123")  # as X shows it
    phone = desk.control.app_post("HumasDemo", "Dari ponsel: rapat ditunda.")
    assert desk.timeline.sync(office, call=desk.accounts.call).recorded == 0
    # the sender settles its send: its own record, then the outbox state
    desk.log.append(Action.POST_SENT, slot=Slot.OFFICE, account_id=office.account.user_id,
                    handle="HumasDemo", x_post_id=sent["id"], text=item.text)  # fmt: skip
    desk.sender.store.mark_sent(item.id, sent["id"], desk.clock())
    result = desk.timeline.sync(office, call=desk.accounts.call)
    assert result.posts == 1
    assert [e.x_post_id for e in desk.entries(Action.POST_SEEN)] == [phone["id"]]


def test_a_send_unsettled_for_hours_no_longer_holds_posts_back(desk):
    """A failed send nobody retried must not keep the phone's posts off the record."""
    office = desk.sign_in(Slot.OFFICE)
    queued = desk.outbox.enqueue(Slot.OFFICE, office.account, "Tidak pernah selesai.", undo_s=0)
    desk.sender.store.mark_sending(queued.items[0].id, desk.clock(), owner="other", pid=None)
    desk.clock.advance(2 * 3600)
    phone = desk.control.app_post("HumasDemo", "Dari ponsel: layanan tetap buka.")
    assert desk.timeline.sync(office, call=desk.accounts.call).posts == 1
    assert [e.x_post_id for e in desk.entries(Action.POST_SEEN)] == [phone["id"]]
