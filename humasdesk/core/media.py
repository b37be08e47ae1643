"""Media attached to a post: type sniffed from the bytes, X's limits and X's mix rule (pure).

X takes per post up to 4 photos, **or** 1 animated GIF, **or** 1 video; never a mix. Photos are
PNG, JPEG or WebP; X's one-shot upload (``POST /2/media/upload``) takes them up to 5 MB, and
the chunked upload (``/2/media/upload/initialize|append|finalize``) takes GIFs (up to 15 MB) and
photos over the one-shot limit (HumasDesk allows 15 MB there, as X's chunked path did when it
was documented per path). HumasDesk does not post video: X's video limits (duration, codec,
frame rate) cannot be checked without decoding the file, so a video is refused here, clearly,
before anything is uploaded.

The type is read from the file's first bytes (magic numbers), never from its name: a renamed
``.exe`` is not an image.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

#: Photos per post.
MAX_IMAGES = 4
#: X's one-shot upload takes images up to this size; larger photos go chunked.
ONE_SHOT_MAX_BYTES = 5 * 1024 * 1024
#: A photo through the chunked upload.
IMAGE_MAX_BYTES = 15 * 1024 * 1024
GIF_MAX_BYTES = 15 * 1024 * 1024
#: X's limit on alt text length (characters).
MAX_ALT_TEXT = 1000

PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
MP4 = "video/mp4"
QUICKTIME = "video/quicktime"
WEBM = "video/webm"
SUPPORTED_MIME_TYPES = (PNG, JPEG, GIF, WEBP)
VIDEO_MIME_TYPES = (MP4, QUICKTIME, WEBM)


class MediaKind(StrEnum):
    """What X makes of an upload (its media ``type``)."""

    PHOTO = "photo"
    GIF = "animated_gif"
    VIDEO = "video"


class MediaProblem(StrEnum):
    """Why one file cannot go with a post. The GUI translates these."""

    UNSUPPORTED = "unsupported"  # not PNG, JPEG, GIF or WebP (by its bytes)
    VIDEO = "video"  # a video: HumasDesk does not post video
    TOO_LARGE = "too_large"  # over X's size limit for its type
    MISSING_ALT = "missing_alt"  # no alt text yet: ask for it, never drop the image
    ALT_TOO_LONG = "alt_too_long"


class MixProblem(StrEnum):
    """Why a set of media cannot go on one post (X's per-post rule)."""

    TOO_MANY_PHOTOS = "too_many_photos"  # a 5th photo
    TOO_MANY_GIFS = "too_many_gifs"  # a 2nd GIF
    GIF_WITH_PHOTOS = "gif_with_photos"  # a GIF and a photo together


def sniff_mime(head: bytes) -> str | None:
    """The media type from the first bytes of a file (12 are enough), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return QUICKTIME if head[8:10] == b"qt" else MP4
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    return None


def media_kind(mime: str | None) -> MediaKind | None:
    if mime == GIF:
        return MediaKind.GIF
    if mime in SUPPORTED_MIME_TYPES:
        return MediaKind.PHOTO
    if mime in VIDEO_MIME_TYPES:
        return MediaKind.VIDEO
    return None


def size_limit(mime: str | None) -> int:
    """X's size limit in bytes for this image type."""
    return GIF_MAX_BYTES if mime == GIF else IMAGE_MAX_BYTES


def needs_chunked(mime: str | None, size: int) -> bool:
    """GIFs, videos and photos over the one-shot limit go through the chunked upload."""
    return media_kind(mime) is not MediaKind.PHOTO or size > ONE_SHOT_MAX_BYTES


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG, GIF, JPEG or WebP header; None if unreadable."""
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
            return struct.unpack(">II", data[16:24])
        if data.startswith((b"GIF87a", b"GIF89a")):
            return struct.unpack("<HH", data[6:10])
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp_size(data)
        if data.startswith(b"\xff\xd8"):
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(data[24:27], "little") + 1
        h = int.from_bytes(data[27:30], "little") + 1
        return w, h
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", data[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + length
    return None


@dataclass(frozen=True)
class ImageAttachment:
    """One file for a post. ``data`` holds the bytes (the outbox keeps them, so a moved or
    deleted file cannot lose a queued post); ``path`` is where it came from, for display."""

    mime: str | None  # None: not a supported file type
    size: int
    alt_text: str = ""
    path: str | None = None
    data: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_bytes(
        cls, data: bytes, *, alt_text: str = "", path: str | None = None
    ) -> ImageAttachment:
        return cls(mime=sniff_mime(data[:16]), size=len(data), alt_text=alt_text, path=path,
                   data=data)  # fmt: skip

    def with_alt(self, alt_text: str) -> ImageAttachment:
        return replace(self, alt_text=alt_text)

    @property
    def kind(self) -> MediaKind | None:
        return media_kind(self.mime)

    @property
    def problems(self) -> tuple[MediaProblem, ...]:
        out: list[MediaProblem] = []
        if self.mime in VIDEO_MIME_TYPES:
            out.append(MediaProblem.VIDEO)
        elif self.mime not in SUPPORTED_MIME_TYPES:
            out.append(MediaProblem.UNSUPPORTED)
        elif self.size > size_limit(self.mime):
            out.append(MediaProblem.TOO_LARGE)
        if not self.alt_text.strip():
            out.append(MediaProblem.MISSING_ALT)
        elif len(self.alt_text) > MAX_ALT_TEXT:
            out.append(MediaProblem.ALT_TOO_LONG)
        return tuple(out)


def mix_problems(media: Sequence[ImageAttachment]) -> tuple[MixProblem, ...]:
    """X's per-post rule: 1 to 4 photos, or 1 GIF; never both (video is refused per file)."""
    kinds = [m.kind for m in media]
    photos = kinds.count(MediaKind.PHOTO)
    gifs = kinds.count(MediaKind.GIF)
    out: list[MixProblem] = []
    if gifs and photos:
        out.append(MixProblem.GIF_WITH_PHOTOS)
    if gifs > 1:
        out.append(MixProblem.TOO_MANY_GIFS)
    if photos > MAX_IMAGES or (not gifs and len(media) > MAX_IMAGES):
        out.append(MixProblem.TOO_MANY_PHOTOS)
    return tuple(out)


def may_add(media: Sequence[ImageAttachment]) -> bool:
    """Whether one more photo could still join ``media`` (the composer's "Add image")."""
    return not any(m.kind is MediaKind.GIF for m in media) and len(media) < MAX_IMAGES
