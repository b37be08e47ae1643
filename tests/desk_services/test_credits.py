"""The agency's X credit used up (402), against the sandbox over real HTTP: sending pauses with
the queue kept, reading stops, and both resume by themselves or at *Coba lagi*. And the cost
meter: what X bills, counted from X's answers, to the cent of the sandbox's own ledger."""

from __future__ import annotations

from decimal import Decimal

import pytest

from humasdesk.core.activity import Action
from humasdesk.core.cost import month_key
from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.services.mentions import MentionSync
from humasdesk.services.outbox import Sender, SendStatus
from humasdesk.services.posting import delete_post, own_posts
from humasdesk.services.session import open_session
from humasdesk.services.usage import UsageMeter
from humasdesk.store.outbox_store import OutboxState
from humasdesk.xapi.signin import sign_in_headless
from tests.media_files import png


@pytest.fixture
def usage(store, clock) -> UsageMeter:
    return UsageMeter(store, clock)


@pytest.fixture
def paying_sender(store, log, clock, mentions_store, usage) -> Sender:
    return Sender(store, log, clock, mentions=mentions_store, usage=usage, rng=lambda: 1.0)


@pytest.fixture
def paying_sync(mentions_store, log, clock, usage) -> MentionSync:
    return MentionSync(mentions_store, log, clock, usage=usage)


def _queue(outbox, session, text, **kw):
    r = outbox.enqueue(session.slot, session.account, text, **kw)
    assert r.ok, r
    return r.items[0]


def _mine(control, handle: str, prefix: str) -> list[dict]:
    return [p for p in control.posts(handle) if p["text"].startswith(prefix)]


def test_twenty_queued_posts_wait_and_go_out_once_after_credits_return(
    outbox, paying_sender, office, clock, control, log, store
):
    """With the credit used up, 20 queued posts wait: none is lost, none failed for good,
    none goes out twice; once credits are back and the official presses Coba lagi, all 20
    go out, each exactly once."""
    items = [_queue(outbox, office, f"Pengumuman nomor {i} untuk warga.") for i in range(20)]
    clock.advance(10)
    control.credits("0")

    outcomes = paying_sender.send_due(office)
    assert [o.status for o in outcomes] == [SendStatus.CREDITS_DEPLETED]  # one try, then stop
    assert paying_sender.credits.depleted
    pause = paying_sender.pause_of(office.account.user_id)
    assert pause is not None and pause.status is SendStatus.CREDITS_DEPLETED
    for _ in range(3):  # the desk's timer keeps calling: nothing is even tried
        clock.advance(60)
        assert paying_sender.send_due(office) == []
    waiting = [outbox.get(i.id) for i in items]
    assert all(w.state is OutboxState.QUEUED for w in waiting)
    assert all(w.attempts == 0 for w in waiting)  # no attempt spent on a 402
    assert _mine(control, "HumasDemo", "Pengumuman nomor") == []
    assert not [e for e in log.iter_entries() if e.action == Action.POST_FAILED]

    control.credits("10.00")
    paying_sender.resume(office.account.user_id)  # "Coba lagi"
    sent = paying_sender.send_due(office)
    assert [o.status for o in sent] == [SendStatus.SENT] * 20
    assert not paying_sender.credits.depleted
    on_x = _mine(control, "HumasDemo", "Pengumuman nomor")
    assert sorted(p["text"] for p in on_x) == sorted(i.text for i in items)
    assert len({p["text"] for p in on_x}) == 20  # each exactly once
    assert all(outbox.get(i.id).state is OutboxState.SENT for i in items)
    assert [e.action for e in log.iter_entries()] == [Action.POST_SENT] * 20
    assert paying_sender.send_due(office) == []


def test_sending_resumes_by_itself_after_a_successful_call(
    outbox, paying_sender, usage, office, personal, clock, control
):
    """A paid call that succeeds (here the other pane's Posts tab, refreshed by the
    official) shows the credit is back: sending resumes without anyone pressing a button."""
    item = _queue(outbox, office, "Jadwal vaksinasi minggu depan.")
    clock.advance(10)
    control.credits("0")
    assert paying_sender.send_due(office)[0].status is SendStatus.CREDITS_DEPLETED
    control.credits("5.00")
    clock.advance(60)
    assert paying_sender.send_due(office) == []  # still waiting for the next probe
    assert own_posts(personal, usage=usage).posts  # a read that X answered: credit is back
    assert not paying_sender.credits.depleted
    (out,) = paying_sender.send_due(office)
    assert out.status is SendStatus.SENT and outbox.get(item.id).state is OutboxState.SENT


def test_probe_after_the_interval_resumes_sending(outbox, paying_sender, office, clock, control):
    item = _queue(outbox, office, "Informasi layanan akhir pekan.")
    clock.advance(10)
    control.credits("0")
    assert paying_sender.send_due(office)[0].status is SendStatus.CREDITS_DEPLETED
    control.credits("5.00")
    clock.advance(paying_sender.credits.probe_after.total_seconds() + 1)
    (out,) = paying_sender.send_due(office)
    assert out.status is SendStatus.SENT and outbox.get(item.id).state is OutboxState.SENT


def test_reading_stops_while_credits_are_used_up(paying_sync, office, clock, control):
    """No mentions poll hammers X with 402s: after the first one, reading waits for the
    probe (or Coba lagi), and then picks up every mention that came meanwhile."""
    control.credits("0")
    first = paying_sync.sync(office)
    assert not first.ok and type(first.error).__name__ == "CreditsDepleted"
    assert first.next_poll_s >= 600
    before = control.billing()
    control.mention("HumasDemo", "warga_03", "Kapan layanan buka lagi?")
    clock.advance(120)
    second = paying_sync.sync(office)
    assert not second.ok and second.pages == 0  # not even asked
    control.credits("5.00")
    paying_sync.usage.credits.retry_now()
    third = paying_sync.sync(office)
    assert third.ok and third.new >= 1
    assert before["balance"] == "0"


def test_media_upload_waits_too(outbox, paying_sender, office, clock, control):
    """Alt text is billed: with no credit a post with a photo waits as well, and later goes
    out with the photo X already holds (not uploaded again)."""
    image = ImageAttachment.from_bytes(png(10, 10), alt_text="Poster layanan")
    item = _queue(outbox, office, "Poster layanan baru.", media=[image])
    clock.advance(10)
    control.credits("0")
    assert paying_sender.send_due(office)[0].status is SendStatus.CREDITS_DEPLETED
    control.credits("5.00")
    paying_sender.resume(office.account.user_id)
    (out,) = paying_sender.send_due(office)
    assert out.status is SendStatus.SENT
    (post,) = [p for p in control.posts("HumasDemo") if p["id"] == outbox.get(item.id).x_post_id]
    assert len(post["media_keys"]) == 1


def test_cost_meter_matches_the_sandbox_ledger_to_the_cent(
    sandbox, outbox, store, log, clock, control, mentions_store
):
    """Everything X bills in a working day of both accounts (sign-in, mention polls with
    their authors, posts with and without a URL, the posts tab, a delete, alt text) is
    counted as the sandbox counts it, same-day repeats free."""
    usage = UsageMeter(store, clock)
    sessions = {}
    for slot, handle in ((Slot.OFFICE, "HumasDemo"), (Slot.PERSONAL, "rina_humas")):
        tokens = sign_in_headless("humasdesk-test", sandbox.base_url, handle, timeout=10)
        sessions[slot] = open_session(slot, tokens, base_url=sandbox.base_url,
                                      prepare=usage.watch)  # fmt: skip
    office, personal = sessions[Slot.OFFICE], sessions[Slot.PERSONAL]
    sender = Sender(store, log, clock, mentions=mentions_store, usage=usage)
    sync = MentionSync(mentions_store, log, clock, usage=usage)
    try:
        for session in (office, personal):
            assert sync.sync(session).ok
        control.mention("HumasDemo", "warga_01", "Mohon info jadwal posyandu")
        control.mention("HumasDemo", "warga_09", "Akun baru, tanya layanan KTP")
        control.mention("rina_humas", "warga_01", "Bu, ada info posyandu?")
        for session in (office, personal, office):
            assert sync.sync(session).ok
        _queue(outbox, office, "Jadwal posyandu di https://contoh.go.id/posyandu")
        poster = ImageAttachment.from_bytes(png(8, 8), alt_text="Poster posyandu")
        _queue(outbox, office, "Posyandu buka pukul 08.00.", media=[poster])
        _queue(outbox, personal, "Terima kasih atas pertanyaannya.")
        clock.advance(10)
        assert all(o.status is SendStatus.SENT for o in sender.send_due(office))
        assert all(o.status is SendStatus.SENT for o in sender.send_due(personal))
        page = own_posts(office, usage=usage)
        own_posts(office, usage=usage)  # the same posts again: free
        delete_post(office, log, page.posts[0].id, usage=usage)
    finally:
        for session in sessions.values():
            session.client.close()

    ledger = control.billing()["months"]
    month = ledger[month_key(clock())]
    by_account = month["accounts"]
    assert Decimal(month["usd"]) == usage.estimate()  # the agency's month, to the cent
    for session in (office, personal):
        uid = session.account.user_id
        events = by_account[uid]["events"]
        counts = usage.counts(uid)
        assert counts.reads == events.get("post_read", 0)
        assert counts.posts == events.get("post_create", 0)
        assert counts.url_posts == events.get("post_create_url", 0)
        assert counts.deletes == events.get("post_delete", 0)
        assert counts.media_metadata == events.get("media_metadata", 0)
    total_users = sum(a["events"].get("user_read", 0) for a in by_account.values())
    assert usage.counts().user_reads == total_users >= 3  # two accounts and the new citizen
    assert usage.estimate() > Decimal("0.20")
