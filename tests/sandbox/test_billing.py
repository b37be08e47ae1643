"""The developer account's credits: X's prices in the sandbox's own ledger, same-day repeats
free, and a drained balance answering 402 until credits come back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.sandbox.helpers import OFFICE_ID, PERSONAL_ID, api, control, post, sign_in


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


def _ledger(base: str) -> dict:
    r = control(base, "GET", "billing")
    assert r.status_code == 200, r.text
    return r.json()["data"]


def _events(base: str, user_id: str = OFFICE_ID) -> dict[str, int]:
    months = _ledger(base)["months"]
    (month,) = months.values()
    return month["accounts"].get(user_id, {}).get("events", {})


def test_reads_are_billed_once_per_utc_day(sandbox, office):
    """Reading the same posts and authors again on the same UTC day costs nothing more."""
    base = sandbox.base_url
    params = {"expansions": "author_id", "max_results": "5"}
    first = api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", office, params=params).json()
    posts = {p["id"] for p in first["data"]}
    users = {u["id"] for u in first["includes"]["users"]}
    events = _events(base)
    assert events["post_read"] == len(posts)
    assert events["user_read"] == len(users)
    api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", office, params=params)
    assert _events(base) == events  # the same resources again: free


def test_prices_of_writes(sandbox, office):
    """Creating costs $0.015, with a URL $0.20, deleting $0.010, alt text $0.005."""
    base = sandbox.base_url
    a = post(base, office, "Pengumuman tanpa tautan").json()["data"]["id"]
    post(base, office, "Info lengkap di https://contoh.go.id")
    assert api(base, "DELETE", f"/2/tweets/{a}", office).status_code == 200
    events = _events(base)
    assert events == {"post_create": 1, "post_create_url": 1, "post_delete": 1}
    (month,) = _ledger(base)["months"].values()
    assert Decimal(month["usd"]) == Decimal("0.015") + Decimal("0.20") + Decimal("0.010")


def test_each_account_is_billed_for_its_own_calls(sandbox, office):
    base = sandbox.base_url
    rina = sign_in(base, "rina_humas")
    post(base, rina, "Catatan pribadi")
    assert _events(base, PERSONAL_ID) == {"post_create": 1}
    assert _events(base, OFFICE_ID) == {}


def test_drained_credits_answer_402_until_topped_up(sandbox, office):
    """With no credits left every paid call answers 402 (X's credits-depleted problem) and
    does nothing; unpaid calls go on; after a top-up the calls work again."""
    base = sandbox.base_url
    r = control(base, "POST", "credits", json={"balance": "0"})
    assert r.json()["data"] == {"balance": "0", "depleted": True}
    refused = post(base, office, "Saat kredit habis")
    assert refused.status_code == 402
    body = refused.json()
    assert body["type"].endswith("/credits-depleted") and body["status"] == 402
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert api(base, "GET", "/2/users/me", office).status_code == 402
    assert api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", office).status_code == 402
    posts = control(base, "GET", "posts", params={"author": "HumasDemo"}).json()["data"]
    assert all(p["text"] != "Saat kredit habis" for p in posts)  # nothing was created
    upload = api(base, "POST", "/2/media/upload/initialize", office,
                 json={"media_type": "image/png", "total_bytes": 10})  # fmt: skip
    assert upload.status_code == 200  # media upload is not billed

    control(base, "POST", "credits", json={"balance": "0.02"})
    assert post(base, office, "Kredit sudah diisi").status_code == 201
    assert post(base, office, "Masih ada sisa").status_code == 201  # 0.005 left
    assert post(base, office, "Sekarang habis lagi").status_code == 402
    control(base, "POST", "credits", json={"balance": None})  # unlimited again
    assert post(base, office, "Tanpa batas").status_code == 201


def test_credits_control_refuses_nonsense(sandbox):
    base = sandbox.base_url
    assert control(base, "POST", "credits", json={}).status_code == 400
    assert control(base, "POST", "credits", json={"balance": "banyak"}).status_code == 400
