"""Media through XClient as X takes it: one-shot for photos up to 5 MB, chunked for GIFs and
larger photos (status polling while X processes), retried with back-off, resumed after a
dropped connection without sending a file twice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from humasdesk.core.errors import CreditsDepleted, InvalidRequest, NetworkError
from humasdesk.xapi import client as client_module
from humasdesk.xapi.client import XClient, endpoint_key
from tests.media_files import gif, png


@pytest.fixture
def traced(sandbox, office_tokens, control) -> Iterator[tuple[XClient, list[str], list[float]]]:
    """A client whose requests are listed, and whose waits move the sandbox's clock instead
    of sleeping (so X's processing time passes at once)."""
    seen: list[str] = []
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        control.advance_clock(seconds)

    client = XClient(
        office_tokens,
        base_url=sandbox.base_url,
        timeout=10,
        sleep=wait,
        session_hooks=[lambda r, *a, **k: seen.append(endpoint_key(r.request.method, r.url))],
    )
    yield client, seen, waits
    client.close()


def _on_post(control, post_id: str) -> list[dict]:
    stored = next(p for p in control.posts() if p["id"] == post_id)
    by_key = {m["media_key"]: m for m in control.media()}
    return [by_key[k] for k in stored["media_keys"]]


def test_small_photo_goes_one_shot(traced, control):
    client, seen, _ = traced
    media_id = client.upload_media(png(20, 10), "image/png", alt_text="Denah posko")
    assert seen == ["POST /2/media/upload", "POST /2/media/metadata"]
    post = client.create_post("Denah posko pengungsian.", media_ids=[media_id])
    (media,) = _on_post(control, post.id)
    assert media["alt_text"] == "Denah posko" and not media["chunked"]
    assert (media["width"], media["height"]) == (20, 10)


def test_gif_goes_chunked_and_waits_for_processing(traced, control):
    """tweet_gif is refused by the one-shot upload on X; the client uses INITIALIZE/APPEND/
    FINALIZE and polls STATUS as long as X says, before the GIF can be posted."""
    client, seen, waits = traced
    media_id = client.upload_media(gif(16, 12, 4), "image/gif", alt_text="Animasi jadwal")
    assert "POST /2/media/upload" not in seen
    assert seen[:3] == [
        "POST /2/media/upload/initialize",
        "POST /2/media/upload/:id/append",
        "POST /2/media/upload/:id/finalize",
    ]
    assert "GET /2/media/upload" in seen and waits  # polled after X's check_after_secs
    post = client.create_post("Jadwal layanan, animasi.", media_ids=[media_id])
    (media,) = _on_post(control, post.id)
    assert media["mime"] == "image/gif" and media["category"] == "tweet_gif"
    assert media["chunked"] and media["processed"] and media["alt_text"] == "Animasi jadwal"


def test_six_megabyte_photo_goes_chunked_in_segments(traced, control):
    client, seen, _ = traced
    big = png(1500, 1400, noise=True)
    media_id = client.upload_media(big, "image/png", alt_text="Foto udara lokasi banjir")
    segments = -(-len(big) // client_module.CHUNK_BYTES)
    assert seen.count("POST /2/media/upload/:id/append") == segments >= 3
    assert "POST /2/media/upload" not in seen
    post = client.create_post("Foto udara lokasi banjir.", media_ids=[media_id])
    (media,) = _on_post(control, post.id)
    assert media["size"] == len(big) and media["bytes_received"] == len(big)
    assert media["alt_text"] == "Foto udara lokasi banjir"


def test_a_dropped_append_is_resent_alone(traced, control):
    """A connection that drops during one segment costs that segment, not the file."""
    client, _, waits = traced
    big = png(1500, 1400, noise=True)
    control.fault(path_suffix="/append", skip=1, drop_connection=True)
    media_id = client.upload_media(big, "image/png", alt_text="Foto")
    (media,) = [m for m in control.media() if m["id"] == media_id]
    assert media["bytes_received"] == len(big)  # the dropped segment never arrived
    assert waits and waits[0] == client_module.BACKOFF_S


def test_an_answer_lost_after_x_took_the_segment(traced, control):
    """X stored the segment but its answer was lost: the segment is sent once more, and X
    keeps one copy of it."""
    client, _, _ = traced
    big = png(1500, 1400, noise=True)
    control.fault(path_suffix="/append", skip=1, drop_connection=True, after_commit=True)
    media_id = client.upload_media(big, "image/png")
    (media,) = [m for m in control.media() if m["id"] == media_id]
    assert media["size"] == len(big)
    assert media["bytes_received"] == len(big) + client_module.CHUNK_BYTES


def test_upload_resumes_after_the_connection_stays_down(traced, control):
    """When every try of a segment fails the upload stops; the next attempt (the outbox's
    retry) resumes at that segment: one media at X, every byte sent once."""
    client, _, _ = traced
    big = png(1500, 1400, noise=True)
    control.fault(
        path_suffix="/append", skip=1, count=client_module.UPLOAD_TRIES, drop_connection=True
    )
    with pytest.raises(NetworkError):
        client.upload_media(big, "image/png", alt_text="Foto", reuse_key="item-7-0")
    assert len(control.uploads_in_progress()) == 1
    media_id = client.upload_media(big, "image/png", alt_text="Foto", reuse_key="item-7-0")
    mine = [m for m in control.media() if m["size"] == len(big)]
    assert [m["id"] for m in mine] == [media_id]
    assert mine[0]["bytes_received"] == len(big) and not control.uploads_in_progress()


def test_a_lost_finalize_answer_is_settled_by_status(traced, control):
    client, seen, _ = traced
    control.fault(path_suffix="/finalize", drop_connection=True, after_commit=True)
    media_id = client.upload_media(gif(8, 8, 2), "image/gif")
    assert seen.count("POST /2/media/upload/:id/finalize") == 1  # the second was refused
    assert client.create_post("GIF setelah putus.", media_ids=[media_id]).id


def test_a_file_x_holds_is_not_uploaded_again(traced, control):
    """A retry of a post whose media went up already attaches the same media id."""
    client, seen, _ = traced
    data = png(30, 30)
    first = client.upload_media(data, "image/png", alt_text="Logo", reuse_key="item-3-0")
    seen.clear()
    assert client.upload_media(data, "image/png", alt_text="Logo", reuse_key="item-3-0") == first
    assert seen == []
    again = client.upload_media(data, "image/png", alt_text="Logo instansi", reuse_key="item-3-0")
    assert again == first and seen == ["POST /2/media/metadata"]
    # Another place (two equal photos on one post) is another media at X.
    other = client.upload_media(data, "image/png", alt_text="Logo", reuse_key="item-3-1")
    assert other != first


def test_video_is_refused_before_anything_is_sent(traced):
    client, seen, _ = traced
    mp4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
    with pytest.raises(InvalidRequest):
        client.upload_media(mp4, "video/mp4")
    assert seen == []


def test_drained_credits_are_their_own_error(office, control):
    """402 from X is CreditsDepleted, not a generic failure: the desk pauses instead of
    failing posts."""
    control.credits("0")
    with pytest.raises(CreditsDepleted):
        office.create_post("Kredit habis.")
    with pytest.raises(CreditsDepleted):
        office.mentions(office.tokens.user_id)
    control.credits(None)
    assert office.create_post("Kredit kembali.").id


def test_one_shot_refusing_gifs_is_what_the_old_client_hit(sandbox, office_tokens):
    """The reason for the chunked path: X's one-shot upload refuses tweet_gif."""
    r = requests.post(
        f"{sandbox.base_url}/2/media/upload",
        headers={"Authorization": f"Bearer {office_tokens.access_token}"},
        files={"media": ("a.gif", gif(), "image/gif")},
        data={"media_category": "tweet_gif"},
        timeout=10,
    )
    assert r.status_code == 400
