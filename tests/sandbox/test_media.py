"""Media as X takes it: one-shot for photos, chunked for GIFs and large photos, X's mix rule,
alt text, and what a post's media look like when read back."""

from __future__ import annotations

import base64

import pytest

from tests.media_files import gif, png
from tests.sandbox.helpers import (
    OFFICE_ID,
    advance_clock,
    api,
    control,
    post,
    sign_in,
    upload_chunked,
)

PNG = png(3, 2)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
GIF = gif(8, 6)
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


def _gif_ready(base, token, data: bytes = GIF) -> dict:
    """A GIF through the chunked path, processed (the sandbox clock moved past processing)."""
    done = upload_chunked(base, token, data, "image/gif", "tweet_gif")
    advance_clock(base, 2)
    return done


@pytest.mark.parametrize("data", [PNG, JPEG, WEBP], ids=["png", "jpeg", "webp"])
def test_one_shot_upload_each_photo_type(sandbox, office, data):
    """Every photo type X takes can go through the one-shot upload."""
    r = _upload(sandbox.base_url, office, data)
    assert r.status_code == 200, r.text
    body = r.json()["data"]
    assert body["id"].isdigit()
    assert body["media_key"] == "3_" + body["id"]
    assert body["expires_after_secs"] == 86400
    assert body["size"] == len(data)
    assert "processing_info" not in body  # photos are ready at once
    assert "x-rate-limit-remaining" in r.headers


@pytest.mark.parametrize("category", ["tweet_gif", "tweet_image"])
def test_one_shot_refuses_a_gif(sandbox, office, category):
    """X's one-shot upload takes tweet_image/dm_image/subtitles and no GIF: a desk that sends
    a GIF there fails on the real X, so it must fail here too."""
    r = _upload(sandbox.base_url, office, GIF, category)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "chunked" in r.json()["errors"][0]["message"]


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


def test_one_shot_refuses_unknown_fields_and_types(sandbox, office):
    """X's one-shot schema has no other fields and lists its media types (no GIF)."""
    base = sandbox.base_url
    unknown = api(
        base,
        "POST",
        "/2/media/upload",
        office,
        json={"media": base64.b64encode(PNG).decode(), "media_category": "tweet_image", "x": "1"},
    )
    assert unknown.status_code == 400
    gif_type = api(
        base,
        "POST",
        "/2/media/upload",
        office,
        json={
            "media": base64.b64encode(PNG).decode(),
            "media_category": "tweet_image",
            "media_type": "image/gif",
        },
    )
    assert gif_type.status_code == 400


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


def test_photo_over_5mb_goes_chunked(sandbox, office):
    """Over X's one-shot limit a photo is refused there and taken through the chunked path."""
    base = sandbox.base_url
    big = png(1500, 1400, noise=True)  # a real 6 MB photo
    assert len(big) > 5 * 1024 * 1024
    assert _upload(base, office, big).status_code == 400
    done = upload_chunked(base, office, big, "image/png", "tweet_image")
    assert done["size"] == len(big) and "processing_info" not in done
    r = post(base, office, "Foto resolusi tinggi", media={"media_ids": [done["id"]]})
    assert r.status_code == 201, r.text


def test_gif_is_processed_before_it_can_be_posted(sandbox, office):
    """X processes a GIF after FINALIZE; the desk must poll STATUS until it succeeded,
    because posting it earlier is refused."""
    base = sandbox.base_url
    done = upload_chunked(base, office, GIF, "image/gif", "tweet_gif")
    assert done["media_key"] == "16_" + done["id"]
    assert done["processing_info"]["state"] == "pending"
    assert done["processing_info"]["check_after_secs"] >= 1
    early = post(base, office, "GIF terlalu cepat", media={"media_ids": [done["id"]]})
    assert early.status_code == 400
    params = {"command": "STATUS", "media_id": done["id"]}
    status = api(base, "GET", "/2/media/upload", office, params=params).json()["data"]
    assert status["processing_info"]["state"] in ("pending", "in_progress")
    advance_clock(base, 2)
    status = api(base, "GET", "/2/media/upload", office, params=params).json()["data"]
    assert status["processing_info"]["state"] == "succeeded"
    r = post(base, office, "GIF kegiatan", media={"media_ids": [done["id"]]})
    assert r.status_code == 201, r.text


def test_chunked_limits_and_checks(sandbox, office):
    """GIF up to 15 MB; segments 0..n complete; the bytes must be what was announced."""
    base = sandbox.base_url

    def init(**body):
        return api(base, "POST", "/2/media/upload/initialize", office, json=body)

    too_big = init(media_type="image/gif", total_bytes=16 * 1024 * 1024, media_category="tweet_gif")
    assert too_big.status_code == 400
    assert init(media_type="image/gif", total_bytes=10, media_category="nope").status_code == 400
    assert init(media_type="image/x", total_bytes=10).status_code == 400
    assert init(media_type="image/png", total_bytes=10, colour="red").status_code == 400

    mid = init(media_type="image/png", total_bytes=len(PNG), media_category="tweet_image")
    mid = mid.json()["data"]["id"]

    def append(index, data):
        return api(
            base,
            "POST",
            f"/2/media/upload/{mid}/append",
            office,
            files={"media": ("b", data, "application/octet-stream")},
            data={"segment_index": str(index)},
        )

    assert append(1000, PNG[:10]).status_code == 400
    assert append(1, PNG[10:]).status_code == 200
    missing = api(base, "POST", f"/2/media/upload/{mid}/finalize", office)
    assert missing.status_code == 400  # segment 0 never came
    assert append(0, PNG[:10]).status_code == 200
    assert append(0, PNG[:10]).status_code == 200  # a resent segment replaces the first
    fin = api(base, "POST", f"/2/media/upload/{mid}/finalize", office)
    assert fin.status_code == 200, fin.text
    seen = control(base, "GET", "media").json()["data"]
    record = next(m for m in seen if m["id"] == mid)
    assert record["appends"] == 3 and record["bytes_received"] == len(PNG) + 10
    again = api(base, "POST", f"/2/media/upload/{mid}/finalize", office)
    assert again.status_code == 400


def test_gif_declared_as_photo_refused(sandbox, office):
    """A GIF announced as a PNG, or uploaded as tweet_image, is refused at FINALIZE."""
    base = sandbox.base_url
    r = api(
        base,
        "POST",
        "/2/media/upload/initialize",
        office,
        json={"media_type": "image/png", "total_bytes": len(GIF), "media_category": "tweet_image"},
    )
    mid = r.json()["data"]["id"]
    api(
        base,
        "POST",
        f"/2/media/upload/{mid}/append",
        office,
        files={"media": ("b", GIF, "application/octet-stream")},
        data={"segment_index": "0"},
    )
    assert api(base, "POST", f"/2/media/upload/{mid}/finalize", office).status_code == 400


def test_media_of_other_account_not_attachable(sandbox, office):
    """Media uploaded by one account must not appear on the other's post."""
    base = sandbox.base_url
    rina = sign_in(base, "rina_humas")
    mid = _upload(base, rina, PNG).json()["data"]["id"]
    assert post(base, office, "Pinjam gambar", media={"media_ids": [mid]}).status_code == 400


def test_more_than_four_photos_refused(sandbox, office):
    """X allows at most four photos per post."""
    base = sandbox.base_url
    ids = [_upload(base, office, PNG).json()["data"]["id"] for _ in range(5)]
    assert post(base, office, "Lima gambar", media={"media_ids": ids}).status_code == 400
    assert post(base, office, "Empat gambar", media={"media_ids": ids[:4]}).status_code == 201


def test_gif_and_photo_never_mixed(sandbox, office):
    """X's rule: 4 photos, or 1 GIF; a GIF with a photo, or two GIFs, is refused."""
    base = sandbox.base_url
    photo = _upload(base, office, PNG).json()["data"]["id"]
    gif_a = _gif_ready(base, office)["id"]
    gif_b = _gif_ready(base, office)["id"]
    mixed = post(base, office, "Campur", media={"media_ids": [photo, gif_a]})
    assert mixed.status_code == 400
    assert "cannot be mixed" in mixed.json()["errors"][0]["message"]
    assert post(base, office, "Dua GIF", media={"media_ids": [gif_a, gif_b]}).status_code == 400
    assert post(base, office, "Satu GIF", media={"media_ids": [gif_a]}).status_code == 201


def test_media_on_a_quote_post_refused(sandbox, office):
    """Media and quote_tweet_id are mutually exclusive on X."""
    base = sandbox.base_url
    src = post(base, office, "Pengumuman asli").json()["data"]["id"]
    mid = _upload(base, office, PNG).json()["data"]["id"]
    r = post(base, office, "Kutip dengan foto", quote_tweet_id=src, media={"media_ids": [mid]})
    assert r.status_code == 400
    assert post(base, office, "Kutip saja", quote_tweet_id=src).status_code == 201


def test_upload_needs_media_write(sandbox):
    """Without media.write every upload command is refused, as X does."""
    base = sandbox.base_url
    tokens = sign_in(base, scope="tweet.read tweet.write users.read")
    assert _upload(base, tokens, PNG).status_code == 403
    init = api(
        base,
        "POST",
        "/2/media/upload/initialize",
        tokens,
        json={"media_type": "image/gif", "total_bytes": 10, "media_category": "tweet_gif"},
    )
    assert init.status_code == 403


def _alt(base, token, mid, text):
    body = {"id": mid, "metadata": {"alt_text": {"text": text}}}
    r = api(base, "POST", "/2/media/metadata", token, json=body)
    assert r.status_code == 200, r.text


MEDIA_PARAMS = {"expansions": "attachments.media_keys", "media.fields": "alt_text"}


def test_alt_text_read_back_on_the_post(sandbox, office):
    """The desk checks the alt text X holds: includes.media carries it, keyed by media_key."""
    base = sandbox.base_url
    photo = _upload(base, office, PNG).json()["data"]
    other = _upload(base, office, JPEG).json()["data"]
    _alt(base, office, photo["id"], "Peta lokasi posko banjir")
    pid = post(base, office, "Dua lampiran", media={"media_ids": [photo["id"], other["id"]]})
    pid = pid.json()["data"]["id"]

    got = api(base, "GET", f"/2/tweets/{pid}", office, params=MEDIA_PARAMS).json()
    keys = [photo["media_key"], other["media_key"]]
    # Expanding the media keys puts them on the post as well, as X does.
    assert got["data"]["attachments"] == {"media_keys": keys}
    assert got["includes"]["media"] == [
        {"media_key": photo["media_key"], "type": "photo", "alt_text": "Peta lokasi posko banjir"},
        {"media_key": other["media_key"], "type": "photo"},  # no alt text set: left out
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


def test_photo_url_width_height_and_gif_variants(sandbox, office):
    """media.fields url/width/height describe a photo; a GIF has a preview and variants."""
    base = sandbox.base_url
    photo = _upload(base, office, png(40, 30)).json()["data"]
    pid = post(base, office, "Foto", media={"media_ids": [photo["id"]]}).json()["data"]["id"]
    params = {
        "expansions": "attachments.media_keys",
        "media.fields": "url,width,height,type,preview_image_url,variants",
    }
    media = api(base, "GET", f"/2/tweets/{pid}", office, params=params).json()["includes"]["media"]
    assert media[0]["width"] == 40 and media[0]["height"] == 30
    assert media[0]["url"].startswith("https://pbs.twimg.com/media/")
    assert "variants" not in media[0]

    anim = _gif_ready(base, office, gif(12, 9))
    gid = post(base, office, "GIF", media={"media_ids": [anim["id"]]}).json()["data"]["id"]
    media = api(base, "GET", f"/2/tweets/{gid}", office, params=params).json()["includes"]["media"]
    assert media[0]["type"] == "animated_gif"
    assert (media[0]["width"], media[0]["height"]) == (12, 9)
    assert media[0]["preview_image_url"].startswith("https://")
    assert media[0]["variants"][0]["content_type"] == "video/mp4"
    assert "url" not in media[0]


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
