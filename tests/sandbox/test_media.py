"""v2 media upload (multipart and JSON/base64), alt text, type and size checks."""

from __future__ import annotations

import base64

import pytest

from tests.sandbox.helpers import OFFICE_ID, api, post, sign_in

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
GIF = b"GIF89a" + b"\x00" * 100
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 100


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


def _upload(base, token, data: bytes, category="tweet_image"):
    return api(
        base,
        "POST",
        "/2/media/upload",
        token,
        files={"media": ("gambar.bin", data, "application/octet-stream")},
        data={"media_category": category},
    )


@pytest.mark.parametrize("data", [PNG, JPEG, GIF, WEBP], ids=["png", "jpeg", "gif", "webp"])
def test_multipart_upload_each_type(sandbox, office, data):
    """Every image type X takes can be attached in practice."""
    r = _upload(sandbox.base_url, office, data)
    assert r.status_code == 200, r.text
    body = r.json()["data"]
    assert body["id"].isdigit()
    assert body["media_key"] == "3_" + body["id"]
    assert body["expires_after_secs"] == 86400
    assert body["size"] == len(data)
    assert "x-rate-limit-remaining" in r.headers


def test_json_base64_upload_and_attach(sandbox, office):
    """The JSON form of the one-shot upload works, and the media can go on a post."""
    base = sandbox.base_url
    r = api(
        base,
        "POST",
        "/2/media/upload",
        office,
        json={
            "media": base64.b64encode(PNG).decode(),
            "media_category": "tweet_image",
            "media_type": "image/png",
        },
    )
    assert r.status_code == 200, r.text
    mid = r.json()["data"]["id"]
    p = post(base, office, "Dengan gambar", media={"media_ids": [mid]})
    assert p.status_code == 201
    got = api(
        base,
        "GET",
        f"/2/tweets/{p.json()['data']['id']}",
        office,
        params={"tweet.fields": "attachments"},
    ).json()
    assert got["data"]["attachments"]["media_keys"] == ["3_" + mid]


def test_alt_text(sandbox, office):
    """Alt text is set for accessibility; over 1000 characters is refused as on X."""
    base = sandbox.base_url
    mid = _upload(base, office, PNG).json()["data"]["id"]
    ok = api(
        base,
        "POST",
        "/2/media/metadata",
        office,
        json={"id": mid, "metadata": {"alt_text": {"text": "Foto kegiatan sosialisasi"}}},
    )
    assert ok.status_code == 200
    assert ok.json()["data"] == {
        "id": mid,
        "associated_metadata": {"alt_text": {"text": "Foto kegiatan sosialisasi"}},
    }
    long = api(
        base,
        "POST",
        "/2/media/metadata",
        office,
        json={"id": mid, "metadata": {"alt_text": {"text": "x" * 1001}}},
    )
    assert long.status_code == 400


def test_not_an_image_refused(sandbox, office):
    """A PDF or text file is not an image, whatever its name says."""
    r = _upload(sandbox.base_url, office, b"%PDF-1.7 not an image")
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")


def test_image_over_5mb_refused_gif_up_to_15mb(sandbox, office):
    """X's size limits: 5 MB for images, 15 MB for GIFs."""
    big_png = PNG[:8] + b"\x00" * (5 * 1024 * 1024)
    assert _upload(sandbox.base_url, office, big_png).status_code == 400
    gif_10mb = GIF + b"\x00" * (10 * 1024 * 1024)
    assert _upload(sandbox.base_url, office, gif_10mb, "tweet_gif").status_code == 200
    gif_16mb = GIF + b"\x00" * (16 * 1024 * 1024)
    assert _upload(sandbox.base_url, office, gif_16mb, "tweet_gif").status_code == 400


def test_media_of_other_account_not_attachable(sandbox, office):
    """Media uploaded by one account must not appear on the other's post."""
    base = sandbox.base_url
    rina = sign_in(base, "rina_humas")
    mid = _upload(base, rina, PNG).json()["data"]["id"]
    assert post(base, office, "Pinjam gambar", media={"media_ids": [mid]}).status_code == 400


def test_more_than_four_media_refused(sandbox, office):
    """X allows at most four images per post."""
    base = sandbox.base_url
    ids = [_upload(base, office, PNG).json()["data"]["id"] for _ in range(5)]
    assert post(base, office, "Lima gambar", media={"media_ids": ids}).status_code == 400
    assert post(base, office, "Empat gambar", media={"media_ids": ids[:4]}).status_code == 201


def test_upload_needs_media_write(sandbox):
    """Without media.write the upload is refused, as X does."""
    tokens = sign_in(sandbox.base_url, scope="tweet.read tweet.write users.read")
    assert _upload(sandbox.base_url, tokens, PNG).status_code == 403


def _alt(base, token, mid, text):
    body = {"id": mid, "metadata": {"alt_text": {"text": text}}}
    r = api(base, "POST", "/2/media/metadata", token, json=body)
    assert r.status_code == 200, r.text


MEDIA_PARAMS = {"expansions": "attachments.media_keys", "media.fields": "alt_text"}


def test_alt_text_read_back_on_the_post(sandbox, office):
    """The desk checks the alt text X holds: includes.media carries it, keyed by media_key."""
    base = sandbox.base_url
    photo = _upload(base, office, PNG).json()["data"]
    gif = _upload(base, office, GIF, "tweet_gif").json()["data"]
    _alt(base, office, photo["id"], "Peta lokasi posko banjir")
    pid = post(base, office, "Dua lampiran", media={"media_ids": [photo["id"], gif["id"]]})
    pid = pid.json()["data"]["id"]

    got = api(base, "GET", f"/2/tweets/{pid}", office, params=MEDIA_PARAMS).json()
    keys = [photo["media_key"], gif["media_key"]]
    # Expanding the media keys puts them on the post as well, as X does.
    assert got["data"]["attachments"] == {"media_keys": keys}
    assert got["includes"]["media"] == [
        {"media_key": photo["media_key"], "type": "photo", "alt_text": "Peta lokasi posko banjir"},
        {"media_key": gif["media_key"], "type": "animated_gif"},  # no alt text set: left out
    ]

    # Without media.fields only the default fields; without the expansion no includes.media.
    plain = api(
        base, "GET", f"/2/tweets/{pid}", office, params={"expansions": "attachments.media_keys"}
    ).json()
    assert plain["includes"]["media"][0] == {"media_key": photo["media_key"], "type": "photo"}
    only = {"tweet.fields": "attachments", "media.fields": "alt_text"}
    fields_only = api(base, "GET", f"/2/tweets/{pid}", office, params=only).json()
    assert fields_only["data"]["attachments"] == {"media_keys": keys}
    assert "includes" not in fields_only


def test_alt_text_read_back_on_timelines(sandbox, office):
    """The user-posts and mentions timelines expand media the same way."""
    base = sandbox.base_url
    mid = _upload(base, office, JPEG).json()["data"]["id"]
    _alt(base, office, mid, "Foto kegiatan sosialisasi")
    assert post(base, office, "Dengan foto", media={"media_ids": [mid]}).status_code == 201
    assert post(base, office, "Tanpa foto").status_code == 201
    params = {**MEDIA_PARAMS, "tweet.fields": "attachments"}
    tl = api(base, "GET", f"/2/users/{OFFICE_ID}/tweets", office, params=params).json()
    with_media = [t for t in tl["data"] if "attachments" in t]
    assert [t["text"] for t in with_media] == ["Dengan foto"]
    assert tl["includes"]["media"] == [
        {"media_key": "3_" + mid, "type": "photo", "alt_text": "Foto kegiatan sosialisasi"}
    ]

    personal = sign_in(base, "rina_humas")
    pmid = _upload(base, personal, PNG).json()["data"]["id"]
    _alt(base, personal, pmid, "Tangkapan layar pengumuman")
    r = post(base, personal, "@HumasDemo mohon dicek", media={"media_ids": [pmid]})
    assert r.status_code == 201
    mentions = api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", office, params=params).json()
    expected = {"media_key": "3_" + pmid, "type": "photo", "alt_text": "Tangkapan layar pengumuman"}
    assert expected in mentions["includes"]["media"]


def test_media_of_a_quoted_post_expands(sandbox, office):
    """referenced_tweets.id.attachments.media_keys brings the quoted post's media."""
    base = sandbox.base_url
    mid = _upload(base, office, PNG).json()["data"]["id"]
    _alt(base, office, mid, "Infografis")
    src = post(base, office, "Infografis banjir", media={"media_ids": [mid]}).json()["data"]["id"]
    quote = post(base, office, "Lihat ini", quote_tweet_id=src).json()["data"]["id"]
    params = {
        "expansions": "referenced_tweets.id.attachments.media_keys",
        "media.fields": "alt_text,type,media_key",
    }
    got = api(base, "GET", f"/2/tweets/{quote}", office, params=params).json()
    assert got["includes"]["media"] == [
        {"media_key": "3_" + mid, "type": "photo", "alt_text": "Infografis"}
    ]
