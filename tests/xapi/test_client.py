"""Publishing, replying, reading mentions, deleting and media through XClient and tweepy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests

from humasdesk.core.errors import NotFound
from humasdesk.xapi.client import XClient, endpoint_key

from .conftest import OFFICE, PERSONAL, tiny_png


def test_me_names_the_signed_in_account(office):
    """The pane shows which account it is bound to; a wrong answer risks the wrong account."""
    account = office.me()
    assert account.username == OFFICE
    assert account.user_id == office.tokens.user_id
    assert account.name


def test_post_is_published_and_readable(office, control):
    """The official's post must really reach X, with its id kept for the activity log."""
    post = office.create_post("Pelayanan KTP hari Sabtu dibuka pukul 08.00 WIB.")
    assert post.id and post.author_id == office.tokens.user_id
    stored = {p["id"]: p for p in control.posts(author=OFFICE)}
    assert stored[post.id]["text"] == post.text
    again = office.get_post(post.id)
    assert again.text == post.text
    assert again.author_username == OFFICE
    assert isinstance(again.created_at, datetime) and again.created_at.tzinfo is not None


def test_reply_to_a_citizen_mention(office, control):
    """Answering citizens is the point of the desk: the reply must thread under the mention."""
    mention_id = control.mention(OFFICE, "warga_01", "Kapan jadwal vaksinasi di kelurahan?")
    reply = office.create_post("Jadwal ada di situs kelurahan, terima kasih.", reply_to=mention_id)
    assert reply.referenced == (("replied_to", mention_id),)
    stored = office.get_post(reply.id)
    assert ("replied_to", mention_id) in stored.referenced
    assert stored.in_reply_to_user_id == office.get_post(mention_id).author_id


def test_mentions_page_through_every_mention_exactly_once(office, control):
    """Paging must neither skip nor repeat a citizen's mention (unanswered = complaint lost)."""
    uid = office.tokens.user_id
    created = [
        control.mention(OFFICE, f"warga_0{i % 5 + 1}", f"Pertanyaan nomor {i}") for i in range(30)
    ]
    seen: list[str] = []
    pages = list(office.iter_mentions_since(uid, None, max_results=10))
    for page in pages:
        assert page.result_count == len(page.posts) <= 10
        seen.extend(p.id for p in page.posts)
    assert len(pages) >= 3
    assert len(seen) == len(set(seen))
    assert set(created) <= set(seen)
    by_id = {p.id: p for page in pages for p in page.posts}
    sample = by_id[created[0]]
    assert sample.author_username == "warga_01" and sample.author_name
    assert sample.created_at is not None and sample.conversation_id


def test_since_id_returns_only_newer_mentions(office, control):
    """A poll must fetch only what arrived since the last one, using the first page's newest_id."""
    uid = office.tokens.user_id
    first = office.mentions(uid, max_results=5)
    assert first.newest_id
    newer = [control.mention(OFFICE, "warga_02", f"Baru {i}") for i in range(3)]
    got = [p.id for page in office.iter_mentions_since(uid, first.newest_id) for p in page.posts]
    assert sorted(got) == sorted(newer)


def test_mentions_until_id_and_pagination_token(office, control):
    """Reading older mentions (scroll back) must continue below a known id."""
    uid = office.tokens.user_id
    ids = [control.mention(OFFICE, "warga_03", f"Lama {i}") for i in range(6)]
    page = office.mentions(uid, until_id=ids[-1], max_results=5)
    assert ids[-1] not in {p.id for p in page.posts}
    assert all(int(p.id) < int(ids[-1]) for p in page.posts)
    assert page.next_token
    nxt = office.mentions(uid, until_id=ids[-1], max_results=5, pagination_token=page.next_token)
    assert not {p.id for p in nxt.posts} & {p.id for p in page.posts}


def test_user_posts_lists_own_posts(office):
    """The pane's own-post list must show what the account published."""
    post = office.create_post("Rapat koordinasi humas pukul 10.00.")
    page = office.user_posts(office.tokens.user_id, max_results=5)
    assert post.id in {p.id for p in page.posts}


def test_delete_removes_the_post(office):
    """A post deleted from the desk must be gone at X."""
    post = office.create_post("Salah ketik, akan dihapus.")
    office.delete_post(post.id)
    with pytest.raises(NotFound):
        office.get_post(post.id)


def test_upload_png_with_alt_text_and_attach(sandbox, office_tokens):
    """Images with alt text (accessibility) must upload through v2 and attach to a post."""
    answers: dict[str, dict] = {}

    def keep(response, *args, **kwargs):
        answers[endpoint_key(response.request.method, response.url)] = response.json()

    client = XClient(office_tokens, base_url=sandbox.base_url, session_hooks=[keep])
    try:
        media_id = client.upload_media(tiny_png(), "image/png", alt_text="Peta lokasi posko banjir")
        post = client.create_post("Lokasi posko banjir.", media_ids=[media_id])
        r = requests.get(
            f"{sandbox.base_url}/2/tweets/{post.id}",
            params={"tweet.fields": "attachments"},
            headers={"Authorization": f"Bearer {client.tokens.access_token}"},
            timeout=10,
        )
    finally:
        client.close()
    r.raise_for_status()
    media_key = answers["POST /2/media/upload"]["data"]["media_key"]
    assert r.json()["data"]["attachments"]["media_keys"] == [media_key]
    # The sandbox does not expand media (includes.media) yet, so the alt text is checked in
    # X's answer to /2/media/metadata.
    stored = answers["POST /2/media/metadata"]["data"]["associated_metadata"]
    assert stored["alt_text"]["text"] == "Peta lokasi posko banjir"
    assert "POST /2/media/upload" in client.rate_limits


def test_repost_from_the_other_account(office, personal, control):
    """Sharing an office post from the personal account is the sanctioned alternative."""
    post = office.create_post("Pengumuman resmi: layanan daring libur 17 Agustus.")
    personal.repost(personal.tokens.user_id, post.id)
    mine = control.posts(author=PERSONAL)
    assert any(
        {"type": "retweeted", "id": post.id} in (p.get("referenced_tweets") or []) for p in mine
    )


def test_rate_limits_are_recorded_per_endpoint(office):
    """The desk shows how many posts are left before X refuses; it needs X's headers."""
    office.create_post("Uji batas.")
    office.mentions(office.tokens.user_id, max_results=5)
    limits = office.rate_limits
    post_limit = limits["POST /2/tweets"]
    assert post_limit.limit >= post_limit.remaining >= 0
    assert post_limit.reset_at > datetime.now(UTC)
    assert "GET /2/users/:id/mentions" in limits


def test_extra_session_hooks_see_every_response(sandbox, office_tokens):
    """Request logging (hooks) must see tweepy's calls and the client's own upload calls."""
    seen: list[str] = []
    client = XClient(
        office_tokens,
        base_url=sandbox.base_url,
        session_hooks=[lambda r, *a, **k: seen.append(endpoint_key(r.request.method, r.url))],
    )
    try:
        client.me()
        client.upload_media(tiny_png(), "image/png")
    finally:
        client.close()
    assert seen == ["GET /2/users/me", "POST /2/media/upload"]


def test_endpoint_key_templates_ids():
    """Rate limits are per endpoint template, not per post id."""
    assert endpoint_key("delete", "http://h/2/tweets/123") == "DELETE /2/tweets/:id"
    assert endpoint_key("GET", "https://x/2/users/9/mentions?x=1") == "GET /2/users/:id/mentions"
    assert endpoint_key("GET", "https://x/2/users/me") == "GET /2/users/me"
