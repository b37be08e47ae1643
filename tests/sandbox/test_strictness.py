"""The sandbox refuses what X refuses: a missing scope of several, unknown list values, and it
returns what X returns when asked (public_metrics, entities)."""

from __future__ import annotations

import pytest

from tests.sandbox.helpers import OFFICE_ID, advance_clock, api, inject_mention, post, sign_in


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


@pytest.mark.parametrize(
    ("scope", "method", "path"),
    [
        ("tweet.read", "GET", "/2/users/me"),  # needs users.read too
        ("users.read", "GET", "/2/users/me"),  # needs tweet.read too
        ("tweet.read", "GET", f"/2/users/{OFFICE_ID}/mentions"),  # needs users.read too
        ("tweet.write users.read", "POST", "/2/tweets"),  # needs tweet.read too
        ("tweet.read tweet.write", "POST", "/2/tweets"),  # needs users.read too
    ],
)
def test_every_listed_scope_is_needed(sandbox, scope, method, path):
    """A token with only some of an operation's scopes is refused, as on X."""
    tokens = sign_in(sandbox.base_url, scope=scope)
    kw = {"json": {"text": "Uji cakupan izin"}} if method == "POST" else {}
    r = api(sandbox.base_url, method, path, tokens, **kw)
    assert r.status_code == 403, r.text


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/2/users/me", {"user.fields": "username,nope"}),
        ("/2/users/me", {"expansions": "author_id"}),  # a post expansion, not a user one
        ("/2/users/me", {"media.fields": "url"}),  # not a parameter of /2/users/me
        ("/2/users/me", {"tweet.fields": "bogus"}),
        ("/2/tweets/1", {"media.fields": "colour"}),
        ("/2/tweets/1", {"poll.fields": "answers"}),
        ("/2/tweets/1", {"place.fields": "planet"}),
        ("/2/tweets/1", {"tweet.fields": ""}),
        (f"/2/users/{OFFICE_ID}/mentions", {"expansions": "author_id,mood"}),
        (f"/2/users/{OFFICE_ID}/tweets", {"exclude": "replies,likes"}),
        (f"/2/users/{OFFICE_ID}/mentions", {"exclude": "replies"}),  # mentions take no exclude
    ],
)
def test_unknown_list_values_are_400(sandbox, office, path, params):
    """X answers 400 for a field, expansion or exclude value it does not know; a desk that
    asks for one must fail here, not on the real X."""
    r = api(sandbox.base_url, "GET", path, office, params=params)
    assert r.status_code == 400, r.text
    assert r.json()["type"].endswith("/invalid-request")


def test_known_values_pass(sandbox, office):
    params = {
        "tweet.fields": "public_metrics,entities,created_at",
        "expansions": "author_id,attachments.media_keys",
        "user.fields": "username,name",
        "media.fields": "url,width,height,alt_text",
        "poll.fields": "options",
        "place.fields": "full_name",
    }
    r = api(sandbox.base_url, "GET", f"/2/users/{OFFICE_ID}/mentions", office, params=params)
    assert r.status_code == 200, r.text
    ex = api(
        sandbox.base_url, "GET", f"/2/users/{OFFICE_ID}/tweets", office,
        params={"exclude": "replies,retweets"},
    )  # fmt: skip
    assert ex.status_code == 200


def test_entities_mentions_urls_hashtags(sandbox, office):
    """entities: where each @mention, URL and #hashtag sits in the text (start inclusive, end
    exclusive), a known account's mention with its id."""
    base = sandbox.base_url
    text = "Info @warga_01: cek https://contoh.go.id/banjir #SiagaBanjir ya @orang_lain"
    pid = post(base, office, text).json()["data"]["id"]
    got = api(base, "GET", f"/2/tweets/{pid}", office, params={"tweet.fields": "entities"})
    ent = got.json()["data"]["entities"]
    m0, m1 = ent["mentions"]
    assert text[m0["start"] : m0["end"]] == "@warga_01" and m0["username"] == "warga_01"
    assert m0["id"] == "1700000000000000011"
    assert "id" not in m1 and m1["username"] == "orang_lain"
    (url,) = ent["urls"]
    assert text[url["start"] : url["end"]] == "https://contoh.go.id/banjir"
    assert url["expanded_url"] == "https://contoh.go.id/banjir"
    (tag,) = ent["hashtags"]
    assert tag["tag"] == "SiagaBanjir" and text[tag["start"] : tag["end"]] == "#SiagaBanjir"
    plain = post(base, office, "Tanpa entitas apa pun").json()["data"]["id"]
    got = api(base, "GET", f"/2/tweets/{plain}", office, params={"tweet.fields": "entities"})
    assert "entities" not in got.json()["data"]  # X leaves out what a post does not have


def test_public_metrics_grow_with_time_and_count_replies(sandbox, office):
    """The desk's reach figures come from public_metrics: they must be there when asked and
    grow as (simulated) time passes; replies the sandbox holds are counted."""
    base = sandbox.base_url
    pid = post(base, office, "Jadwal layanan minggu ini").json()["data"]["id"]
    inject_mention(base, "HumasDemo", "warga_02", "Terima kasih", in_reply_to_tweet_id=pid)
    params = {"tweet.fields": "public_metrics"}
    first = api(base, "GET", f"/2/tweets/{pid}", office, params=params).json()["data"]
    metrics = first["public_metrics"]
    assert set(metrics) == {"retweet_count", "reply_count", "like_count", "quote_count",
                            "bookmark_count", "impression_count"}  # fmt: skip
    assert metrics["reply_count"] == 1
    advance_clock(base, 3600)  # within the access token's two hours
    later = api(base, "GET", f"/2/tweets/{pid}", office, params=params).json()["data"]
    assert later["public_metrics"]["impression_count"] > metrics["impression_count"]
    assert later["public_metrics"]["like_count"] >= metrics["like_count"]
    without = api(base, "GET", f"/2/tweets/{pid}", office).json()["data"]
    assert "public_metrics" not in without
