"""Reading one of X's timelines page by page: the mention sync and the own-timeline sync."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from humasdesk.core.models import Post


def id_key(post_id: str) -> tuple[int, str]:
    """X's ids as numbers (no int(): ids are strings that only grow in length)."""
    return (len(post_id), post_id)


@dataclass
class Pages:
    """What was read so far: the posts, the first page's newest id, how many pages. Kept by
    the caller, so a failure mid-way still says how many pages were read."""

    posts: list[Post] = field(default_factory=list)
    newest: str | None = None
    count: int = 0


def read_pages(
    into: Pages,
    call: Callable[[Any], Any],
    *,
    max_pages: int,
    stop: Callable[[Any], bool] | None = None,
) -> Pages:
    """`call(token)` reads one page (``posts``, ``newest_id``, ``next_token``); pages are read
    until the last one, `max_pages`, or `stop(page)`. X's errors propagate."""
    token: str | None = None
    while into.count < max_pages:
        page = call(token)
        into.count += 1
        if into.count == 1:
            into.newest = page.newest_id
        into.posts.extend(page.posts)
        token = page.next_token
        if not token or (stop is not None and stop(page)):
            break
    return into
