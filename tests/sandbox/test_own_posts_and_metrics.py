"""Issue 16 in the sandbox: posting as X's own app would (`/_sandbox/posts`), editing and
deleting there, `GET /2/tweets?ids=` with metrics as X answers it, billed as X bills."""

from __future__ import annotations

from tests.sandbox.helpers import (
    OFFICE_ID,
    advance_clock,
    api,
    control,
    inject_mention,
    post,
    sign_in,
)

FIELDS = "public_metrics,non_public_metrics,organic_metrics"


def app_post(base: str, **body) -> dict:
    r = control(base, "POST", "posts", json=body)
    assert r.status_code == 201, r.text
    return r.json()["data"]


def billed(base: str, user_id: str = OFFICE_ID) -> dict[str, int]:
    months = control(base, "GET", "billing").json()["data"]["months"]
    return {k: v for m in months.values() for k, v in
            m["accounts"].get(user_id, {}).get("events", {}).items()}  # fmt: skip


def test_a_post_made_in_xs_app_is_on_the_own_timeline_and_not_billed(sandbox):
    """What the official posts from the phone shows on the account's timeline; the agency's
    developer app did not make that call, so nothing is billed for it."""
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    made = app_post(base, author="HumasDemo", text="Dari ponsel: layanan buka pukul 08.00")
    assert billed(base) == {}
    page = api(base, "GET", f"/2/users/{OFFICE_ID}/tweets", office).json()
    assert page["data"][0]["id"] == made["id"]
    # the own timeline is "own data": $0.001 a post, not $0.005
    assert billed(base) == {"owned_read": len(page["data"])}


def test_reply_from_the_app_answers_a_mention(sandbox):
    base = sandbox.base_url
    mention = inject_mention(base, "HumasDemo", "warga_02", "Kapan kantor buka?")
    reply = app_post(base, author="HumasDemo", text="@warga_02 Pukul 08.00 WIB.",
                     reply_to=mention)  # fmt: skip
    assert reply["referenced_tweets"] == [{"type": "replied_to", "id": mention}]
    assert reply["in_reply_to_user_id"] == "1700000000000000012"  # warga_02


def test_edit_keeps_both_versions_in_the_history(sandbox):
    """X's edit: a new id, the history lists both; the timeline shows only the newest."""
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    first = app_post(base, author="HumasDemo", text="Jadwal vaksin hari Senin")
    second = app_post(base, author="HumasDemo", text="Jadwal vaksin hari Selasa",
                      edit_of=first["id"])  # fmt: skip
    assert second["edit_history_tweet_ids"] == [first["id"], second["id"]]
    page = api(base, "GET", f"/2/users/{OFFICE_ID}/tweets", office).json()
    ids = [p["id"] for p in page["data"]]
    assert second["id"] in ids and first["id"] not in ids
    got = next(p for p in page["data"] if p["id"] == second["id"])
    assert got["edit_history_tweet_ids"] == [first["id"], second["id"]]
    r = control(base, "POST", "posts", json={"author": "HumasDemo", "text": "lagi",
                                             "edit_of": first["id"]})  # fmt: skip
    assert r.status_code == 400  # edit the newest version


def test_bad_control_posts_are_refused(sandbox):
    base = sandbox.base_url
    assert control(base, "POST", "posts", json={"author": "nobody", "text": "x"}).status_code == 400
    assert control(base, "POST", "posts", json={"author": "HumasDemo", "text": "  "}).status_code \
        == 400  # fmt: skip
    assert control(base, "POST", "posts", json={"author": "HumasDemo", "text": "a",
                                                "reply_to": "1"}).status_code == 400  # fmt: skip
    assert control(base, "DELETE", "posts/1").status_code == 404


def test_lookup_answers_with_partial_errors_and_bills_what_it_returns(sandbox):
    """A post deleted on X is a resource-not-found item beside the others' data; only the
    posts returned are billed, a same-day repeat is free."""
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    a = post(base, office, "Pengumuman satu").json()["data"]["id"]
    b = post(base, office, "Pengumuman dua").json()["data"]["id"]
    assert control(base, "DELETE", f"posts/{b}").status_code == 200
    before = billed(base).get("post_read", 0)
    r = api(base, "GET", "/2/tweets", office, params={"ids": f"{a},{b}",
                                                      "tweet.fields": FIELDS})  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert [p["id"] for p in body["data"]] == [a]
    item = body["data"][0]
    assert set(item["public_metrics"]) == {"retweet_count", "reply_count", "like_count",
                                           "quote_count", "bookmark_count",
                                           "impression_count"}  # fmt: skip
    assert item["organic_metrics"]["impression_count"] == item["public_metrics"][
        "impression_count"]  # fmt: skip
    (err,) = body["errors"]
    assert err["resource_id"] == b and err["type"].endswith("resource-not-found")
    assert billed(base)["post_read"] == before + 1
    api(base, "GET", "/2/tweets", office, params={"ids": a, "tweet.fields": FIELDS})
    assert billed(base)["post_read"] == before + 1  # the same day: free


def test_private_metrics_only_for_the_authors_posts_younger_than_30_days(sandbox):
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    rina = sign_in(base, "rina_humas")
    own = post(base, office, "Pengumuman lama").json()["data"]["id"]
    other = post(base, rina, "Catatan pribadi").json()["data"]["id"]
    r = api(base, "GET", "/2/tweets", office, params={"ids": f"{own},{other}",
                                                      "tweet.fields": FIELDS})  # fmt: skip
    body = r.json()
    assert [p["id"] for p in body["data"]] == [own]
    assert {e["field"] for e in body["errors"]} == {"non_public_metrics", "organic_metrics"}
    assert {e["resource_id"] for e in body["errors"]} == {other}
    advance_clock(base, 31 * 86400)
    office = sign_in(base, "HumasDemo")  # the old token has expired meanwhile
    r = api(base, "GET", "/2/tweets", office, params={"ids": own, "tweet.fields": FIELDS})
    assert "data" not in r.json() and r.json()["errors"][0]["field"] == "non_public_metrics"
    params = {"ids": own, "tweet.fields": "public_metrics"}
    r = api(base, "GET", "/2/tweets", office, params=params)
    assert r.json()["data"][0]["public_metrics"]["impression_count"] > 0


def test_lookup_refuses_bad_ids(sandbox):
    base = sandbox.base_url
    office = sign_in(base, "HumasDemo")
    assert api(base, "GET", "/2/tweets", office).status_code == 400
    assert api(base, "GET", "/2/tweets", office, params={"ids": "abc"}).status_code == 400
    many = ",".join(str(10**15 + i) for i in range(101))
    assert api(base, "GET", "/2/tweets", office, params={"ids": many}).status_code == 400


def test_metrics_rise_fast_then_flatten_and_the_listing_shows_them(sandbox):
    """Impressions grow most in the first day and little after a week; likes stay a few
    percent of them; `/_sandbox/posts` lists the figures X would show now."""
    base = sandbox.base_url
    made = app_post(base, author="HumasDemo", text="Info layanan terpadu")

    def now_metrics() -> dict:
        listing = control(base, "GET", "posts", params={"author": "HumasDemo"}).json()["data"]
        return next(p for p in listing if p["id"] == made["id"])["public_metrics"]

    seen = []
    for hours in (1, 23, 24 * 6, 24 * 21):
        advance_clock(base, hours * 3600)
        seen.append(now_metrics()["impression_count"])
    assert seen == sorted(seen) and seen[0] > 0
    day1, week, month = seen[1], seen[2], seen[3]
    assert month - week < day1  # flattens
    m = now_metrics()
    assert 0.015 <= m["like_count"] / m["impression_count"] <= 0.06
