"""Images attached to a post: type sniffed from the bytes, X's limits (pure, no I/O).

X accepts PNG, JPEG, GIF and WebP images, at most 4 per post; an image may be up to 5 MB,
an (animated) GIF up to 15 MB. The type is read from the file's first bytes (magic numbers),
never from its name: a renamed ``.exe`` is not an image.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

MAX_IMAGES = 4
IMAGE_MAX_BYTES = 5 * 1024 * 1024
GIF_MAX_BYTES = 15 * 1024 * 1024
#: X's limit on alt text length (characters).
MAX_ALT_TEXT = 1000

PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
SUPPORTED_MIME_TYPES = (PNG, JPEG, GIF, WEBP)


class MediaProblem(StrEnum):
    """Why one image cannot go with a post. The GUI translates these."""

    UNSUPPORTED = "unsupported"  # not PNG, JPEG, GIF or WebP (by its bytes)
    TOO_LARGE = "too_large"  # over X's size limit for its type
    MISSING_ALT = "missing_alt"  # no alt text yet: ask for it, never drop the image
    ALT_TOO_LONG = "alt_too_long"


def sniff_mime(head: bytes) -> str | None:
    """The image type from the first bytes of a file (12 are enough), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def size_limit(mime: str | None) -> int:
    """X's size limit in bytes for this image type."""
    return GIF_MAX_BYTES if mime == GIF else IMAGE_MAX_BYTES


@dataclass(frozen=True)
class ImageAttachment:
    """One image for a post. ``data`` holds the bytes (the outbox keeps them, so a moved or
    deleted file cannot lose a queued post); ``path`` is where it came from, for display."""

    mime: str | None  # None: not a supported image
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
    def problems(self) -> tuple[MediaProblem, ...]:
        out: list[MediaProblem] = []
        if self.mime not in SUPPORTED_MIME_TYPES:
            out.append(MediaProblem.UNSUPPORTED)
        elif self.size > size_limit(self.mime):
            out.append(MediaProblem.TOO_LARGE)
        if not self.alt_text.strip():
            out.append(MediaProblem.MISSING_ALT)
        elif len(self.alt_text) > MAX_ALT_TEXT:
            out.append(MediaProblem.ALT_TOO_LONG)
        return tuple(out)
