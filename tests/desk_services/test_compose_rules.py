"""Compose rules, images, the near-duplicate rule and the cost estimate (pure functions)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from humasdesk.core.compose import ComposeProblem, check_post, check_thread
from humasdesk.core.cost import CostRates, UsageCounts, estimate_month, has_url, month_key
from humasdesk.core.media import (
    GIF_MAX_BYTES,
    IMAGE_MAX_BYTES,
    ImageAttachment,
    MediaProblem,
    sniff_mime,
)
from humasdesk.core.similarity import is_near_duplicate, normalise

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
GIF = b"GIF89a" + b"\x00" * 64
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 64


def png(alt: str = "Poster layanan") -> ImageAttachment:
    return ImageAttachment.from_bytes(PNG, alt_text=alt, path="/tmp/poster.png")


def test_ordinary_post_can_be_sent():
    """A normal Indonesian announcement must enable Send and show its count."""
    c = check_post("Layanan pengaduan buka Senin-Jumat pukul 08.00-16.00 WIB.")
    assert c.ok and c.problems == () and c.remaining == 280 - c.weighted_length
    assert not c.near_limit


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n", "\u3000"])
def test_empty_or_whitespace_is_refused(text):
    """An empty post would be refused by X; Send must stay disabled."""
    c = check_post(text)
    assert not c.ok and ComposeProblem.EMPTY in c.problems


def test_over_long_text_is_refused_and_counter_warns():
    """281 weighted characters: X refuses it, so the composer must say so before sending."""
    assert check_post("a" * 280).ok
    c = check_post("a" * 281)
    assert not c.ok and c.problems == (ComposeProblem.TOO_LONG,) and c.remaining == -1
    assert check_post("a" * 265).near_limit and not check_post("a" * 250).near_limit


def test_crlf_counts_as_one_character():
    """Text pasted from Windows must count like X counts it (one per line break)."""
    assert check_post("a\r\nb").weighted_length == check_post("a\nb").weighted_length == 3
    assert check_post("a" * 139 + "\r\n" + "b" * 140).ok


def test_invalid_characters_are_named():
    """U+FFFE makes X refuse the post; it is not 'too long' and not 'empty'."""
    c = check_post("Halo\ufffe")
    assert c.problems == (ComposeProblem.INVALID_CHARACTERS,)


@pytest.mark.parametrize(
    ("data", "mime"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp")],
)
def test_supported_images_are_sniffed_by_their_bytes(data, mime):
    """The type comes from the bytes, so a renamed file can't pass as an image."""
    assert sniff_mime(data) == mime
    assert check_post("Foto kegiatan", [ImageAttachment.from_bytes(data, alt_text="Foto")]).ok


def test_unsupported_file_is_refused():
    """A PDF or an executable attached as an image must not be sent."""
    img = ImageAttachment.from_bytes(b"%PDF-1.7 ...", alt_text="dokumen", path="x.png")
    assert img.mime is None and MediaProblem.UNSUPPORTED in img.problems
    c = check_post("Lampiran", [img])
    assert not c.ok and c.image_problems == ((0, ComposeProblem.IMAGE_UNSUPPORTED),)


def test_oversized_images_are_refused_at_xs_limits():
    """Photos over 5 MB go chunked (up to 15 MB), GIFs up to 15 MB; beyond that the official
    hears it before sending."""
    six_mb = ImageAttachment(mime="image/png", size=6 * 1024 * 1024, alt_text="a")
    big_png = ImageAttachment(mime="image/png", size=IMAGE_MAX_BYTES + 1, alt_text="a")
    ok_gif = ImageAttachment(mime="image/gif", size=GIF_MAX_BYTES, alt_text="a")
    big_gif = ImageAttachment(mime="image/gif", size=GIF_MAX_BYTES + 1, alt_text="a")
    assert check_post("x", [six_mb]).ok
    assert check_post("x", [big_png]).problems == (ComposeProblem.IMAGE_TOO_LARGE,)
    assert check_post("x", [ok_gif]).ok
    assert check_post("x", [big_gif]).problems == (ComposeProblem.IMAGE_TOO_LARGE,)


def test_x_media_rule_four_photos_or_one_gif():
    """X takes 4 photos or 1 GIF per post, never mixed: the desk refuses a mix before
    anything is uploaded, and says which rule it is."""
    photo = ImageAttachment.from_bytes(PNG, alt_text="Foto")
    anim = ImageAttachment.from_bytes(GIF, alt_text="Animasi")
    assert check_post("x", [anim]).ok
    assert check_post("x", [photo, anim]).problems == (ComposeProblem.GIF_WITH_PHOTOS,)
    assert check_post("x", [anim, anim]).problems == (ComposeProblem.TOO_MANY_GIFS,)
    assert check_post("x", [photo] * 4).ok


def test_video_is_refused_clearly():
    """HumasDesk does not post video; a video file says so instead of failing at X."""
    mp4 = ImageAttachment.from_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 40, alt_text="v")
    assert mp4.mime == "video/mp4"
    assert check_post("Video kegiatan", [mp4]).problems == (ComposeProblem.VIDEO_UNSUPPORTED,)


def test_no_media_on_a_quote_post():
    """X holds media and quote_tweet_id mutually exclusive."""
    photo = ImageAttachment.from_bytes(PNG, alt_text="Foto")
    c = check_post("Kutipan", [photo], quote_of="1700000000000000100")
    assert c.problems == (ComposeProblem.MEDIA_ON_QUOTE,)
    assert check_post("Kutipan", quote_of="1700000000000000100").ok


def test_fifth_image_is_refused():
    """X allows 4 images per post."""
    assert check_post("Galeri", [png()] * 4).ok
    c = check_post("Galeri", [png()] * 5)
    assert c.problems == (ComposeProblem.TOO_MANY_IMAGES,)


def test_image_without_alt_text_asks_and_keeps_the_image():
    """Alt text is required (accessibility); the image is flagged, never dropped silently."""
    images = [png(), png(alt="  ")]
    c = check_post("Kegiatan hari ini", images)
    assert not c.ok and c.image_problems == ((1, ComposeProblem.IMAGE_MISSING_ALT),)
    assert check_post("Kegiatan hari ini", [images[0], images[1].with_alt("Foto 2")]).ok


def test_thread_checks_every_part():
    """One over-long part of a thread blocks the whole thread."""
    assert check_thread(["Bagian 1", "Bagian 2"]).ok
    t = check_thread(["Bagian 1", "b" * 300, "  "])
    assert not t.ok
    assert [p.problems for p in t.parts] == [
        (),
        (ComposeProblem.TOO_LONG,),
        (ComposeProblem.EMPTY,),
    ]
    assert not check_thread([]).ok


# --- near-duplicates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jalan Sudirman ditutup besok pagi.", "jalan sudirman DITUTUP besok pagi!!"),
        ("Jalan Sudirman ditutup besok pagi", "Jalan Sudirman ditutup besok pagi ya"),
        ("Info #Banjir: cek https://bpbd.go.id/a", "Info banjir cek https://t.co/xyz123"),
        ("Selamat   pagi,\r\nwarga Jakarta", "Selamat pagi warga Jakarta"),
        (
            "Pendaftaran beasiswa dibuka hingga 30 Juni. Info lengkap di laman resmi.",
            "Pendaftaran beasiswa dibuka hingga 30 Juni! Info lengkap di laman resmi kami.",
        ),
    ],
)
def test_near_duplicates_are_recognised(a, b):
    """These differ only in case, punctuation, spacing, link or a word: X treats them as the
    same content, so the other account must not post them."""
    assert is_near_duplicate(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jalan Sudirman ditutup besok", "Jalan Thamrin ditutup besok"),
        ("Terima kasih", "Terima kasih Pak Budi atas masukannya"),
        ("Rapat koordinasi hari ini", "Sosialisasi program beasiswa di Surabaya"),
        ("", ""),
        ("!!!", "..."),
    ],
)
def test_different_texts_are_not_near_duplicates(a, b):
    """Different messages must stay allowed from the other account."""
    assert not is_near_duplicate(a, b)


def test_normalise_is_documented_form():
    assert normalise("Info #Banjir:  https://x.co/a\r\nSiaga!") == "info banjir url siaga"


# --- cost ------------------------------------------------------------------------------------


def test_cost_estimate_uses_xs_rates():
    """The month's estimate must use X's published prices (URL posts cost far more)."""
    counts = UsageCounts(posts=10, url_posts=2, reads=100, deletes=1)
    assert estimate_month(counts) == Decimal("0.15") + Decimal("0.40") + Decimal("0.5") + Decimal(
        "0.010"
    )
    custom = CostRates(post=Decimal("0.02"), post_with_url=Decimal("0.25"), read=Decimal("0"))
    assert estimate_month(UsageCounts(posts=1, url_posts=1), custom) == Decimal("0.27")
    assert has_url("Info di https://kemendemo.go.id") and has_url("cek kemendemo.go.id")
    assert not has_url("Tanpa tautan")
    assert UsageCounts(1, 2, 3, 4) + UsageCounts(1, 1, 1, 1) == UsageCounts(2, 3, 4, 5)


def test_month_key_is_utc():
    from datetime import datetime, timedelta, timezone

    wib = timezone(timedelta(hours=7))
    assert month_key(datetime(2025, 7, 1, 3, 0, tzinfo=wib)) == "2025-06"
