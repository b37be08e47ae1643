"""Posting rules: length, duplicates, reply restrictions, deletion, reposts, scopes."""

from __future__ import annotations

import pytest

from tests.sandbox.helpers import (
    OFFICE_ID,
    PERSONAL_ID,
    api,
    control,
    inject_mention,
    post,
    sign_in,
)


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


@pytest.fixture
def personal(sandbox):
    return sign_in(sandbox.base_url, "rina_humas")


def _problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    return r.json()


def test_post_created_like_x(sandbox, office):
    """The desk records X's id for every post; the shape must match X's 201."""
    r = post(sandbox.base_url, office, "Pengumuman: layanan buka pukul 08.00 WIB.")
    assert r.status_code == 201
    data = r.json()["data"]
    assert data["edit_history_tweet_ids"] == [data["id"]]
    assert data["text"] == "Pengumuman: layanan buka pukul 08.00 WIB."
    assert data["id"].isdigit()
    posts = control(sandbox.base_url, "GET", "posts?author=HumasDemo").json()["data"]
    assert posts[0]["id"] == data["id"]
    assert posts[0]["author_username"] == "HumasDemo"


def test_new_ids_are_newer_than_seed(sandbox, office):
    """since_id polling depends on new posts having larger ids than old ones."""
    seed_max = max(int(p["id"]) for p in control(sandbox.base_url, "GET", "posts").json()["data"])
    new_id = post(sandbox.base_url, office, "Uji id baru").json()["data"]["id"]
    assert int(new_id) > seed_max


def test_over_long_post_refused(sandbox, office):
    """A post X would refuse must be refused in practice too, not silently accepted."""
    body = _problem(post(sandbox.base_url, office, "a" * 281), 400)
    assert body["type"] == "https://api.twitter.com/2/problems/invalid-request"
    assert post(sandbox.base_url, office, "a" * 280).status_code == 201


@pytest.mark.parametrize("text", ["", "   ", "ada\ufeffBOM"])
def test_empty_or_invalid_post_refused(sandbox, office, text):
    """Empty or invalid text must fail with 400 as on X."""
    _problem(post(sandbox.base_url, office, text), 400)


def test_duplicate_post_refused(sandbox, office, personal):
    """The desk must handle X's duplicate-content 403; other accounts are not affected."""
    base = sandbox.base_url
    assert post(base, office, "Info cuti bersama").status_code == 201
    body = _problem(post(base, office, "Info cuti bersama"), 403)
    assert body == {
        "detail": "You are not allowed to create a Tweet with duplicate content.",
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
    }
    assert post(base, personal, "Info cuti bersama").status_code == 201


def test_reply_to_mention_allowed(sandbox, office):
    """Answering a citizen who mentioned the office is the desk's main job."""
    base = sandbox.base_url
    mid = inject_mention(base, "HumasDemo", "warga_03", "Kapan loket buka?")
    r = post(base, office, "@warga_03 Loket buka 08.00.", reply={"in_reply_to_tweet_id": mid})
    assert r.status_code == 201
    rid = r.json()["data"]["id"]
    got = api(
        base,
        "GET",
        f"/2/tweets/{rid}",
        office,
        params={"tweet.fields": "in_reply_to_user_id,referenced_tweets,conversation_id"},
    ).json()["data"]
    assert got["referenced_tweets"] == [{"type": "replied_to", "id": mid}]
    assert got["in_reply_to_user_id"] == "1700000000000000013"
    assert got["conversation_id"] == mid


def test_reply_mention_match_is_case_insensitive(sandbox, office):
    """Citizens type handles in any case; X still counts the mention."""
    base = sandbox.base_url
    mid = inject_mention(base, "HumasDemo", "warga_01", "@humasdemo halo")
    assert post(base, office, "Halo juga", reply={"in_reply_to_tweet_id": mid}).status_code == 201


def test_reply_to_quote_allowed(sandbox, office):
    """A citizen quoting an office post may be answered."""
    base = sandbox.base_url
    own = post(base, office, "Jadwal layanan keliling").json()["data"]["id"]
    quote = inject_mention(base, "rina_humas", "warga_02", "Mantap", quote_tweet_id=own)
    r = post(base, office, "Terima kasih!", reply={"in_reply_to_tweet_id": quote})
    assert r.status_code == 201


def test_reply_without_mention_refused(sandbox, office):
    """Replying where the office was not engaged is refused by X; practice must show it."""
    base = sandbox.base_url
    other = inject_mention(base, "rina_humas", "warga_04", "Bu Rina, apa kabar?")
    body = _problem(post(base, office, "Menyela", reply={"in_reply_to_tweet_id": other}), 403)
    assert body["detail"] == (
        "Reply to this conversation is not allowed because you have not been mentioned or "
        "otherwise engaged by the author of the post you are replying to."
    )
    assert body["title"] == "Forbidden"


def test_reply_to_unknown_post_refused(sandbox, office):
    """A reply to a deleted post fails instead of becoming a loose post."""
    r = post(sandbox.base_url, office, "Balasan", reply={"in_reply_to_tweet_id": "12345"})
    assert r.status_code in (400, 404)


def test_delete_own_post(sandbox, office):
    """Deleting a mistaken post must remove it."""
    base = sandbox.base_url
    pid = post(base, office, "Salah ketik").json()["data"]["id"]
    r = api(base, "DELETE", f"/2/tweets/{pid}", office)
    assert r.status_code == 200
    assert r.json() == {"data": {"deleted": True}}
    ids = [p["id"] for p in control(base, "GET", "posts").json()["data"]]
    assert pid not in ids


def test_delete_other_accounts_post_refused(sandbox, office, personal):
    """One pane must never delete the other account's post."""
    base = sandbox.base_url
    pid = post(base, personal, "Catatan pribadi").json()["data"]["id"]
    _problem(api(base, "DELETE", f"/2/tweets/{pid}", office), 403)


def test_delete_unknown_post_404(sandbox, office):
    """Deleting twice is a not-found, which the desk treats as already gone."""
    body = _problem(api(sandbox.base_url, "DELETE", "/2/tweets/123456789", office), 404)
    assert body["type"] == "https://api.twitter.com/2/problems/resource-not-found"


def test_get_tweet_fields_and_expansion(sandbox, office):
    """Only the asked-for fields come back, and the author via includes, as on X."""
    base = sandbox.base_url
    pid = post(base, office, "Uji ekspansi").json()["data"]["id"]
    plain = api(base, "GET", f"/2/tweets/{pid}", office).json()
    assert set(plain["data"]) == {"id", "text", "edit_history_tweet_ids"}
    full = api(
        base,
        "GET",
        f"/2/tweets/{pid}",
        office,
        params={
            "tweet.fields": "created_at,author_id",
            "expansions": "author_id",
            "user.fields": "created_at",
        },
    ).json()
    assert full["data"]["author_id"] == OFFICE_ID
    assert full["data"]["created_at"].endswith("Z")
    assert full["includes"]["users"][0]["username"] == "HumasDemo"
    assert "created_at" in full["includes"]["users"][0]


def test_get_unknown_tweet_is_200_with_errors(sandbox, office):
    """X reports a missing post inside a 200; the desk must read `errors`."""
    r = api(sandbox.base_url, "GET", "/2/tweets/42", office)
    assert r.status_code == 200
    assert r.json()["errors"][0]["type"].endswith("resource-not-found")


def test_invalid_field_name_400(sandbox, office):
    """A typo in tweet.fields fails loudly like on X instead of silently returning less."""
    r = api(sandbox.base_url, "GET", "/2/tweets/42", office, params={"tweet.fields": "bogus"})
    assert r.status_code == 400


def test_repost_from_other_account(sandbox, office, personal):
    """Reposting is the sanctioned way to share an office post on the personal account."""
    base = sandbox.base_url
    pid = post(base, office, "Siaran pers hari ini").json()["data"]["id"]
    r = api(base, "POST", f"/2/users/{PERSONAL_ID}/retweets", personal, json={"tweet_id": pid})
    assert r.status_code == 200
    assert r.json() == {"data": {"retweeted": True}}
    other = api(base, "POST", f"/2/users/{OFFICE_ID}/retweets", personal, json={"tweet_id": pid})
    assert other.status_code == 403


def test_missing_scope_is_403(sandbox):
    """A sign-in without tweet.write must not post."""
    tokens = sign_in(sandbox.base_url, scope="tweet.read users.read")
    _problem(post(sandbox.base_url, tokens, "Tidak boleh"), 403)


def test_reset_restores_seed(sandbox, office):
    """Practice sessions start clean after a reset."""
    base = sandbox.base_url
    post(base, office, "Sementara")
    before = len(control(base, "GET", "posts").json()["data"])
    sandbox.reset()
    after = control(base, "GET", "posts").json()["data"]
    assert len(after) == before - 1
    assert control(base, "POST", "reset").status_code == 200


def test_seed_accounts_listed(sandbox):
    """The practice accounts exist with their Indonesian names."""
    users = {u["username"]: u for u in control(sandbox.base_url, "GET", "users").json()["data"]}
    assert users["HumasDemo"]["name"] == "Humas Kementerian Demo"
    assert users["rina_humas"]["name"] == "Rina Wulandari"
    assert {f"warga_0{i}" for i in range(1, 6)} <= set(users)
