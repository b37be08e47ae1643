"""Mentions and user timelines: order, since_id/until_id, max_results bounds, paging."""

from __future__ import annotations

import pytest

from tests.sandbox.helpers import OFFICE_ID, PERSONAL_ID, api, inject_mention, post, sign_in


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


def _mentions(sandbox, token, user_id=OFFICE_ID, **params):
    r = api(sandbox.base_url, "GET", f"/2/users/{user_id}/mentions", token, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_seed_has_indonesian_mentions_newest_first(sandbox, office):
    """The desk shows citizens' mentions newest first, as X returns them."""
    body = _mentions(sandbox, office)
    ids = [int(t["id"]) for t in body["data"]]
    assert ids == sorted(ids, reverse=True)
    assert body["meta"]["result_count"] == 10
    assert body["meta"]["newest_id"] == body["data"][0]["id"]
    assert body["meta"]["oldest_id"] == body["data"][-1]["id"]
    assert "next_token" in body["meta"]  # the office has more than 10 seeded mentions
    assert all("@humasdemo" in t["text"].lower() for t in body["data"])
    assert set(body["data"][0]) == {"id", "text", "edit_history_tweet_ids"}


def test_since_id_returns_only_newer(sandbox, office):
    """Polling with since_id must bring exactly the mentions that arrived since."""
    base = sandbox.base_url
    newest = _mentions(sandbox, office)["meta"]["newest_id"]
    a = inject_mention(base, "HumasDemo", "warga_01", "Pertanyaan satu")
    b = inject_mention(base, "HumasDemo", "warga_02", "Pertanyaan dua")
    body = _mentions(sandbox, office, since_id=newest)
    assert [t["id"] for t in body["data"]] == [b, a]
    assert body["meta"]["newest_id"] == b
    assert "next_token" not in body["meta"]


def test_nothing_new_is_meta_only(sandbox, office):
    """An empty poll has no `data` key at all, as on X."""
    newest = _mentions(sandbox, office)["meta"]["newest_id"]
    assert _mentions(sandbox, office, since_id=newest) == {"meta": {"result_count": 0}}


def test_until_id_returns_only_older(sandbox, office):
    """until_id bounds a page from above, for back-filling history."""
    first = _mentions(sandbox, office, max_results=5)
    cut = first["data"][2]["id"]
    body = _mentions(sandbox, office, until_id=cut, max_results=5)
    assert all(int(t["id"]) < int(cut) for t in body["data"])
    assert body["data"][0]["id"] == first["data"][3]["id"]


@pytest.mark.parametrize("bad", ["4", "101", "0", "abc"])
def test_max_results_bounds(sandbox, office, bad):
    """Out-of-range page sizes fail with X's invalid-request wording."""
    r = api(
        sandbox.base_url,
        "GET",
        f"/2/users/{OFFICE_ID}/mentions",
        office,
        params={"max_results": bad},
    )
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["type"] == "https://api.twitter.com/2/problems/invalid-request"
    assert body["errors"][0]["message"] == (
        f"The `max_results` query parameter value [{bad}] is not between 5 and 100"
    )


@pytest.mark.parametrize("edge", ["5", "100"])
def test_max_results_edges_accepted(sandbox, office, edge):
    """The bounds themselves are valid."""
    assert len(_mentions(sandbox, office, max_results=edge)["data"]) <= int(edge)


def test_pagination_walk_returns_each_mention_once(sandbox, office):
    """Syncing many mentions must neither skip nor double-count any citizen."""
    base = sandbox.base_url
    injected = {inject_mention(base, "HumasDemo", "warga_05", f"Pesan ke-{i}") for i in range(13)}
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        params = {"max_results": 5, **({"pagination_token": token} if token else {})}
        body = _mentions(sandbox, office, **params)
        seen += [t["id"] for t in body.get("data", [])]
        pages += 1
        token = body["meta"].get("next_token")
        if not token:
            break
    assert len(seen) == len(set(seen))
    assert injected <= set(seen)
    assert len(seen) == 12 + 13  # seed mentions of the office plus the injected ones
    assert pages == 5


def test_bad_pagination_token_400(sandbox, office):
    """A corrupt token fails instead of restarting from the top."""
    r = api(
        sandbox.base_url,
        "GET",
        f"/2/users/{OFFICE_ID}/mentions",
        office,
        params={"pagination_token": "zzz"},
    )
    assert r.status_code == 400


def test_mentions_with_fields_and_author_expansion(sandbox, office):
    """The inbox shows who wrote each mention and when."""
    body = _mentions(
        sandbox,
        office,
        **{"tweet.fields": "created_at,author_id,conversation_id", "expansions": "author_id"},
    )
    authors = {u["id"]: u["username"] for u in body["includes"]["users"]}
    for t in body["data"]:
        assert t["author_id"] in authors
        assert t["created_at"].endswith("Z")
        assert "conversation_id" in t


def test_user_tweets_are_own_posts(sandbox, office):
    """The account's own timeline shows only its own posts, newest first."""
    base = sandbox.base_url
    pid = post(base, office, "Posting terbaru").json()["data"]["id"]
    r = api(
        base, "GET", f"/2/users/{OFFICE_ID}/tweets", office, params={"tweet.fields": "author_id"}
    )
    body = r.json()
    assert body["data"][0]["id"] == pid
    assert {t["author_id"] for t in body["data"]} == {OFFICE_ID}


def test_personal_mentions_separate(sandbox):
    """Each pane sees only its own account's mentions."""
    rina = sign_in(sandbox.base_url, "rina_humas")
    body = _mentions(sandbox, rina, user_id=PERSONAL_ID)
    assert all("@rina_humas" in t["text"].lower() for t in body["data"])
    assert body["meta"]["result_count"] == 5


def test_unknown_query_parameter_400(sandbox, office):
    """Misspelled parameters fail like on X rather than being ignored."""
    r = api(
        sandbox.base_url,
        "GET",
        f"/2/users/{OFFICE_ID}/mentions",
        office,
        params={"sinceid": "1"},
    )
    assert r.status_code == 400
