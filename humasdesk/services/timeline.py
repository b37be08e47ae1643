"""Reading an account's own recent posts for its pane."""

from __future__ import annotations

from humasdesk.core.models import Post
from humasdesk.services.session import AccountSession


def recent_posts(session: AccountSession, limit: int = 20) -> list[Post]:
    """The account's newest posts, newest first (X's own order)."""
    page = session.client.user_posts(session.account.user_id, max_results=max(5, min(limit, 100)))
    return list(page.posts)
