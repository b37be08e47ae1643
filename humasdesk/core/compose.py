"""The composer's rules: what may be sent, checked on every keystroke (pure, no Qt).

``check_post`` answers "can this be sent, and if not, why" with problems as an enum the GUI
translates. A thread is a list of post texts, each checked on its own (``check_thread``).
Line breaks are normalised to ``\\n`` before counting and before sending (X counts a
``\\r\\n`` as one character; see ``textlength``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from humasdesk.core.media import ImageAttachment, MediaProblem, MixProblem, mix_problems
from humasdesk.core.models import Slot
from humasdesk.core.textlength import MAX_WEIGHTED_LENGTH, parse_post

#: The counter turns to a warning when this few characters (or fewer) are left.
NEAR_LIMIT_REMAINING = 20


class ComposeProblem(StrEnum):
    """Why a post cannot be sent yet. The GUI translates these."""

    EMPTY = "empty"  # empty or only whitespace
    TOO_LONG = "too_long"  # over 280 weighted characters
    INVALID_CHARACTERS = "invalid_characters"  # U+FFFE, U+FEFF, U+FFFF
    TOO_MANY_IMAGES = "too_many_images"  # a 5th image
    GIF_WITH_PHOTOS = "gif_with_photos"  # X takes 4 photos OR 1 GIF, never both
    TOO_MANY_GIFS = "too_many_gifs"  # a 2nd GIF
    VIDEO_UNSUPPORTED = "video_unsupported"  # HumasDesk does not post video
    MEDIA_ON_QUOTE = "media_on_quote"  # X refuses media on a quote post
    IMAGE_MISSING_ALT = "image_missing_alt"  # ask for alt text; the image stays
    IMAGE_UNSUPPORTED = "image_unsupported"  # not PNG/JPEG/GIF/WebP
    IMAGE_TOO_LARGE = "image_too_large"  # over 5 MB (GIF: 15 MB)
    ALT_TOO_LONG = "alt_too_long"


_MEDIA_TO_COMPOSE = {
    MediaProblem.UNSUPPORTED: ComposeProblem.IMAGE_UNSUPPORTED,
    MediaProblem.VIDEO: ComposeProblem.VIDEO_UNSUPPORTED,
    MediaProblem.TOO_LARGE: ComposeProblem.IMAGE_TOO_LARGE,
    MediaProblem.MISSING_ALT: ComposeProblem.IMAGE_MISSING_ALT,
    MediaProblem.ALT_TOO_LONG: ComposeProblem.ALT_TOO_LONG,
}

_MIX_TO_COMPOSE = {
    MixProblem.TOO_MANY_PHOTOS: ComposeProblem.TOO_MANY_IMAGES,
    MixProblem.TOO_MANY_GIFS: ComposeProblem.TOO_MANY_GIFS,
    MixProblem.GIF_WITH_PHOTOS: ComposeProblem.GIF_WITH_PHOTOS,
}


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (what is counted is what is sent)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class ComposeCheck:
    """The composer's state for one post text and its images."""

    ok: bool  # send may be enabled
    weighted_length: int  # "213" of "213/280"
    remaining: int  # negative when over
    problems: tuple[ComposeProblem, ...]
    near_limit: bool  # show the counter as a warning
    image_problems: tuple[tuple[int, ComposeProblem], ...] = ()  # (image index, problem)
    max_length: int = MAX_WEIGHTED_LENGTH


def check_post(
    text: str,
    images: Sequence[ImageAttachment] = (),
    *,
    reply_to: str | None = None,
    quote_of: str | None = None,
) -> ComposeCheck:
    """Check one post. ``reply_to`` does not change the rules (X counts a reply like a post;
    the leading @handles of a reply are not part of the text HumasDesk sends). A quote post
    (``quote_of``) takes no media: X holds media and ``quote_tweet_id`` mutually exclusive."""
    del reply_to
    text = normalise_newlines(text)
    length = parse_post(text)
    problems: list[ComposeProblem] = []
    if not text.strip():
        problems.append(ComposeProblem.EMPTY)
    if length.remaining < 0:
        problems.append(ComposeProblem.TOO_LONG)
    elif not length.valid and text.strip():
        problems.append(ComposeProblem.INVALID_CHARACTERS)
    problems.extend(_MIX_TO_COMPOSE[mp] for mp in mix_problems(images))
    if quote_of and images:
        problems.append(ComposeProblem.MEDIA_ON_QUOTE)
    image_problems: list[tuple[int, ComposeProblem]] = []
    for i, image in enumerate(images):
        for mp in image.problems:
            cp = _MEDIA_TO_COMPOSE[mp]
            image_problems.append((i, cp))
            if cp not in problems:
                problems.append(cp)
    return ComposeCheck(
        ok=not problems,
        weighted_length=length.weighted_length,
        remaining=length.remaining,
        problems=tuple(problems),
        near_limit=length.remaining <= NEAR_LIMIT_REMAINING,
        image_problems=tuple(image_problems),
    )


@dataclass(frozen=True)
class ThreadCheck:
    """Every part of a thread checked; ``ok`` when all parts are."""

    ok: bool
    parts: tuple[ComposeCheck, ...]


def check_thread(texts: Sequence[str], images: Sequence[ImageAttachment] = ()) -> ThreadCheck:
    """Check a thread; ``images`` go with its first post."""
    if not texts:
        empty = check_post("")
        return ThreadCheck(ok=False, parts=(empty,))
    parts = tuple(check_post(t, images if i == 0 else ()) for i, t in enumerate(texts))
    return ThreadCheck(ok=all(p.ok for p in parts), parts=parts)


@dataclass(frozen=True)
class Draft:
    """What a pane's composer holds: kept across restarts, handed back on "Batalkan"."""

    slot: Slot
    text: str = ""
    reply_to: str | None = None
    quote_of: str | None = None
    images: tuple[ImageAttachment, ...] = ()
    official_capacity: bool = False
    thread: tuple[str, ...] = ()  # further posts of a thread, after ``text``
    updated_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.images and not any(t.strip() for t in self.thread)
