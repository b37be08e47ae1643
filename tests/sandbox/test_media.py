"""v2 media upload (multipart and JSON/base64), alt text, type and size checks."""

from __future__ import annotations

import base64

import pytest

from tests.sandbox.helpers import api, post, sign_in

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
