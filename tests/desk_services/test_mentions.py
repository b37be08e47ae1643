"""The mentions inbox against the sandbox: sync with since_id and paging, states, the
"aduan" tag, replies that make a mention "dibalas", back-off, and the activity log."""

from __future__ import annotations

from datetime import timedelta

from humasdesk.core.activity import Action
from humasdesk.core.metrics import Period, compute_metrics
from humasdesk.services.outbox import SendStatus
from humasdesk.store.mentions_store import MentionState


def test_sync_stores_every_page_once_newest_first(sync, office, control, log, mentions_store):
    """130 new mentions across two pages: all stored once, newest first, counted unread;
    the next sync fetches only what is new."""
    first = sync.sync(office)
    assert first.ok and first.new > 0 and first.next_poll_s == 60
    seeded = first.new
    injected = [
        control.mention("HumasDemo", f"warga_{i % 7}", f"Laporan nomor {i}")["id"]
        for i in range(130)
    ]
    second = sync.sync(office)
    assert second.ok and second.new == 130 and second.pages == 2
    assert second.newest_id == injected[-1]
    assert second.unread == seeded + 130
    inbox = sync.inbox(office.account.user_id, limit=500)
    assert len(inbox) == seeded + 130
    assert [m.x_post_id for m in inbox[:130]] == list(reversed(injected))
    assert inbox[0].text == "@HumasDemo Laporan nomor 129"
    assert inbox[0].author_username == "warga_3" and inbox[0].state is MentionState.NEW
    # the next poll asks only for newer mentions
    third = sync.sync(office)
    assert third.new == 0 and third.pages == 1 and third.newest_id == injected[-1]
    control.mention("HumasDemo", "warga_baru", "Satu lagi")
    assert sync.sync(office).new == 1
    received = [e for e in log.iter_entries() if e.action == Action.MENTION_RECEIVED]
    assert len(received) == seeded + 131
    assert len({e.x_post_id for e in received}) == len(received)
    assert received[-1].citizen_handle == "warga_baru"  # kept in the erasable personal fields
    assert log.verify().ok


def test_each_account_has_its_own_inbox(sync, office, personal, control):
    """A mention of the personal account never appears in the office pane."""
    control.mention("rina_humas", "warga_09", "Bu Rina, terima kasih")
    sync.sync(office)
    sync.sync(personal)
    office_texts = [m.text for m in sync.inbox(office.account.user_id)]
    personal_texts = [m.text for m in sync.inbox(personal.account.user_id)]
    assert "@rina_humas Bu Rina, terima kasih" in personal_texts
    assert "@rina_humas Bu Rina, terima kasih" not in office_texts


def test_reply_makes_the_mention_answered(sync, outbox, sender, office, control, clock, log):
    """Replying from the mention: once X has the reply, the mention is 'dibalas' with the
    time of the first reply, so the supervisor's time-to-first-response is right."""
    sync.sync(office)
    mid = control.mention("HumasDemo", "warga_77", "Jalan rusak di RT 05")["id"]
    sync.sync(office)
    r = sync.reply(office, outbox, mid, "Terima kasih, laporan kami teruskan ke dinas terkait.")
    assert r.ok and r.items[0].reply_to == mid
    assert mentions_state(sync, mid) is MentionState.READ
    clock.advance(10)
    (out,) = sender.send_due(office)
    assert out.status is SendStatus.SENT
    m = sync.store.get(mid)
    assert m.state is MentionState.REPLIED and m.replied_post_id == out.x_post_id
    assert m.first_reply_at == clock.now
    reply = next(p for p in control.posts("HumasDemo") if p["id"] == out.x_post_id)
    assert reply["referenced_tweets"] == [{"type": "replied_to", "id": mid}]
    entry = next(e for e in log.iter_entries() if e.action == Action.REPLY_SENT)
    assert entry.in_reply_to == mid
    report = compute_metrics(
        list(log.iter_entries()),
        Period(clock.now - timedelta(days=1), clock.now + timedelta(days=1)),
    )
    assert report.for_account(office.account.user_id).mentions_answered == 1


def mentions_state(sync, mid):
    return sync.store.get(mid).state


def test_states_tag_and_handled_are_logged(sync, office, control, log):
    """Ignoring, tagging 'aduan' and handling a mention land in the activity log."""
    sync.sync(office)
    a = control.mention("HumasDemo", "warga_20", "Air PDAM mati tiga hari")["id"]
    b = control.mention("HumasDemo", "warga_21", "promo pinjol murah")["id"]
    sync.sync(office)
    before = sync.unread_count(office.account.user_id)
    assert sync.mark_read(a).state is MentionState.READ
    assert sync.unread_count(office.account.user_id) == before - 1
    assert sync.mark(b, MentionState.IGNORED).state is MentionState.IGNORED
    assert sync.tag_complaint(a).is_complaint
    assert sync.tag_complaint(a).is_complaint  # twice: logged once
    assert sync.mark_handled(a).handled_at is not None
    sync.mark_handled(a)
    complaints = sync.inbox(office.account.user_id, complaints_only=True)
    assert [m.x_post_id for m in complaints] == [a]
    ours = [e for e in log.iter_entries() if e.x_post_id in (a, b)]
    assert [(e.action, e.x_post_id) for e in ours if e.action != Action.MENTION_RECEIVED] == [
        (Action.MENTION_IGNORED, b),
        (Action.MENTION_TAGGED, a),
        (Action.MENTION_HANDLED, a),
    ]
    tagged = next(e for e in ours if e.action == Action.MENTION_TAGGED)
    assert tagged.details == {"tag": "aduan"} and tagged.handle == "HumasDemo"
    assert sync.tag_complaint(a, False).is_complaint is False
    assert log.verify().ok


def test_sync_backs_off_on_errors_and_waits_for_429_reset(sync, office, control, clock):
    """X failing must slow polling down (doubling up to 15 min); a 429 waits for the reset;
    nothing is skipped once X answers again."""
    sync.sync(office)
    control.fault(count=3, status=503, path_prefix="/2/users/")
    mid = control.mention("HumasDemo", "warga_30", "Tolong dibantu")["id"]
    waits = [sync.sync(office).next_poll_s for _ in range(3)]
    assert waits == [120, 240, 480]
    control.fault(count=1, status=429, path_prefix="/2/users/")
    limited = sync.sync(office)
    assert not limited.ok and 800 < limited.next_poll_s <= 901
    ok = sync.sync(office)
    assert ok.ok and ok.new == 1 and ok.next_poll_s == 60 and ok.mentions[0].x_post_id == mid


def test_failure_mid_paging_rereads_instead_of_skipping(sync, office, control, mentions_store):
    """If the second page fails, since_id must not move: the next sync gets everything."""
    sync.sync(office)
    for i in range(150):
        control.mention("HumasDemo", "warga_40", f"Pesan {i}")
    before = mentions_store.newest_id(office.account.user_id)
    calls = []

    def second_page_fails(session, fn):
        calls.append(1)
        if len(calls) == 2:
            control.fault(count=1, status=503, path_prefix="/2/users/")
        return fn(session)

    failed = sync.sync(office, call=second_page_fails)
    assert not failed.ok and failed.pages == 1 and len(calls) == 2
    assert mentions_store.newest_id(office.account.user_id) == before
    result = sync.sync(office)
    assert result.ok and result.new == 150 and result.pages == 2


def test_reply_thread_from_the_composer_draft(sync, outbox, sender, office, control, clock):
    """A long answer to a citizen, written as a thread in the composer: the first post
    answers the mention, the next answers the first, and the mention is 'dibalas'."""
    from humasdesk.core.compose import Draft

    sync.sync(office)
    mid = control.mention("HumasDemo", "warga_88", "Bagaimana cara daftar beasiswa?")["id"]
    sync.sync(office)
    draft = Draft(office.slot, "Caranya (1/2): siapkan KTM.", reply_to=mid,
                  thread=("(2/2) Daftar di laman resmi.",))  # fmt: skip
    r = outbox.enqueue_draft(office.account, draft)
    assert r.ok and [i.kind.value for i in r.items] == ["reply", "thread_part"]
    clock.advance(10)
    a, b = sender.send_due(office)
    posts = {p["id"]: p for p in control.posts("HumasDemo")}
    assert posts[a.x_post_id]["referenced_tweets"] == [{"type": "replied_to", "id": mid}]
    assert posts[b.x_post_id]["referenced_tweets"] == [{"type": "replied_to", "id": a.x_post_id}]
    assert sync.store.get(mid).state is MentionState.REPLIED
