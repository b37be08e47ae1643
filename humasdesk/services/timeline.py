"""Every post of both accounts on the record, wherever it was made (issue 16).

An official also posts and answers from X's phone app or x.com. Each sync reads the
account's own timeline (``GET /2/users/:id/tweets``, "own data": X's lowest price) since the
last post seen, and records what the desk did not send as its own activity entries, with X's
``created_at`` as the time:

* ``post_seen`` (a post; a quote carries ``details["quote_of"]``, a post continuing the
  account's own thread ``details["thread_of"]``), ``reply_seen`` (a reply: its
  ``in_reply_to`` answers that mention, and the mention counts as answered at X's time of the
  reply), ``repost_seen`` (``details["repost_of"]``);
* ``post_edited_on_x`` when a post on the record got a new version on X
  (``edit_history_tweet_ids``): the new text is the entry's text, the previous one is kept in
  ``details["previous_text"]`` (the earlier entry keeps its own too).

Nothing is recorded twice: a post the log holds already (sent by the desk, or seen before),
a repost of a post the account's reposts on the record already share, and a post whose text
an outbox item of the account is still sending (the sender records that one) are skipped.
While a send of the desk may have reached X unrecorded, the posts from then on wait for the
next sync (X may rewrite a text, so the text alone cannot tell them apart).
The first sync after sign-in reads back only to the account's first sign-in on this desk:
what was posted before the desk kept the record is not back-dated into it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from humasdesk.core.activity import Action
from humasdesk.core.errors import CreditsDepleted, XError
from humasdesk.core.models import Post
from humasdesk.services.accounts import SessionExpired
from humasdesk.services.paging import Pages, id_key, read_pages
from humasdesk.services.posting import Call, direct_call, utcnow
from humasdesk.services.session import AccountSession
from humasdesk.services.usage import UsageMeter
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.mentions_store import MentionsStore
from humasdesk.store.metrics_store import MetricsStore

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
PAGE = 100
MAX_PAGES = 20
DEFER_MARGIN = timedelta(minutes=1)
#: A send unsettled for longer (a failed item nobody retried) no longer holds posts back:
#: the sender, if it later finds the post on X, sees it on the record and adds nothing.
DEFER_AT_MOST = timedelta(hours=1)


@dataclass(frozen=True)
class TimelineResult:
    """One sync of the own timeline: what was put on the record."""

    posts: int = 0
    replies: int = 0
    reposts: int = 0
    edits: int = 0
    answered: int = 0  # mentions now answered by a reply made outside the desk
    pages: int = 0
    error: XError | SessionExpired | None = None
    seen_ids: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def recorded(self) -> int:
        return self.posts + self.replies + self.reposts + self.edits


class OwnTimelineSync:
    def __init__(
        self,
        store: MetricsStore,
        log: ActivityLog,
        mentions: MentionsStore | None = None,
        clock: Clock = utcnow,
        *,
        usage: UsageMeter | None = None,
        page_size: int = PAGE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self.store = store
        self.log = log
        self.mentions = mentions
        self._clock = clock
        self.usage = usage
        self.page_size = page_size
        self.max_pages = max_pages

    def sync(self, session: AccountSession, call: Call = direct_call) -> TimelineResult:
        """Read the own timeline since the last post seen and record what is new. The
        position moves only after every page was recorded (a failure re-reads)."""
        account = session.account
        if self.usage is not None:
            self.usage.watch(session.client)
            if self.usage.credits.blocked():
                return TimelineResult(error=CreditsDepleted(self.usage.credits.message))
        since = self.store.timeline_newest_id(account.user_id)
        floor = None if since else self.store.first_signed_in(account.user_id)
        read = Pages()

        def before_floor(page: Any) -> bool:  # the first sync reads back to the first sign-in
            oldest = min((p.created_at for p in page.posts if p.created_at), default=None)
            return floor is not None and oldest is not None and oldest < floor

        try:
            read_pages(
                read,
                lambda t: call(
                    session,
                    lambda s: s.client.user_posts(
                        s.account.user_id,
                        max_results=self.page_size,
                        since_id=since,
                        pagination_token=t,
                        with_author=False,
                    ),
                ),
                max_pages=self.max_pages,
                stop=before_floor,
            )
        except (XError, SessionExpired) as exc:
            logger.info("own timeline sync failed for slot %s: %s", session.slot.value,
                        type(exc).__name__)  # fmt: skip
            return TimelineResult(pages=read.count, error=exc)
        posts, newest, pages = read.posts, read.newest, read.count
        if floor is not None:
            posts = [p for p in posts if p.created_at is None or p.created_at >= floor]
        pending = self.store.desk_pending_since(account.user_id)
        if pending is not None and self._clock() - pending < DEFER_AT_MOST:
            # The desk is sending (or may have sent) a post it has not recorded yet: posts
            # from then on wait for the next sync, so the sender's record comes first
            # (X may rewrite a post's text, e.g. links, so the text alone cannot tell).
            cut = pending - DEFER_MARGIN
            held = [p for p in posts if p.created_at is None or p.created_at >= cut]
            posts = [p for p in posts if p not in held]
            if held:
                newest = max((p.id for p in posts), key=id_key) if posts else None
        result = self._record(session, posts)
        if newest is None and posts:
            newest = max((p.id for p in posts), key=id_key)
        self.store.set_timeline_newest_id(
            session.slot.value, account.user_id, newest, self._clock()
        )
        return TimelineResult(**{**result.__dict__, "pages": pages})

    # --- recording ---------------------------------------------------------------------------

    def _record(self, session: AccountSession, posts: list[Post]) -> TimelineResult:
        account = session.account
        own_id = account.user_id
        ordered = sorted({p.id: p for p in posts if p.author_id in ("", own_id)}.values(),
                         key=lambda p: id_key(p.id))  # fmt: skip
        candidates = {p.id for p in ordered} | {i for p in ordered for i in p.edit_history}
        known = self.store.recorded_post_ids(candidates)
        reposted = self.store.recorded_reposts(own_id)
        pending = self.store.desk_pending_texts(own_id)
        now = self._clock()
        counts = {"posts": 0, "replies": 0, "reposts": 0, "edits": 0, "answered": 0}
        seen: list[str] = []
        for p in ordered:
            if p.id in known:
                continue
            refs = dict(p.referenced)
            ts = p.created_at if p.created_at is not None and p.created_at <= now else now
            base: dict[str, Any] = {
                "slot": session.slot,
                "account_id": own_id,
                "handle": account.username,
                "x_post_id": p.id,
                "ts": ts,
            }
            earlier = [i for i in p.edit_history if i != p.id and i in known]
            if earlier:
                self._edited(base, p, earlier[-1])
                counts["edits"] += 1
                known.add(p.id)
                continue
            if "retweeted" in refs:
                if refs["retweeted"] in reposted:
                    continue
                self.log.append(Action.REPOST_SEEN, **base, text=p.text,
                                details={"repost_of": refs["retweeted"]})  # fmt: skip
                reposted.add(refs["retweeted"])
                counts["reposts"] += 1
                continue
            if p.text in pending:
                continue  # the outbox is sending it: the sender records it
            details: dict[str, Any] = {}
            if "quoted" in refs:
                details["quote_of"] = refs["quoted"]
            parent = refs.get("replied_to")
            if parent is not None and p.in_reply_to_user_id not in (None, own_id):
                self.log.append(Action.REPLY_SEEN, **base, in_reply_to=parent, text=p.text,
                                details=details)  # fmt: skip
                counts["replies"] += 1
                if self.mentions is not None and self.mentions.mark_replied(parent, p.id, ts):
                    counts["answered"] += 1
            else:
                if parent is not None:
                    details["thread_of"] = parent  # the account continuing its own thread
                self.log.append(Action.POST_SEEN, **base, text=p.text, details=details)
                counts["posts"] += 1
            known.add(p.id)
            seen.append(p.id)
        if any(counts.values()):
            logger.info("own timeline of slot %s: %s", session.slot.value, counts)
        return TimelineResult(**counts, seen_ids=tuple(seen))

    def _edited(self, base: dict[str, Any], post: Post, previous_id: str) -> None:
        previous_text = self.store.recorded_text(previous_id)
        details: dict[str, Any] = {"edit_of": previous_id}
        if previous_text is not None:
            details["previous_text"] = previous_text
        self.log.append(Action.POST_EDITED_ON_X, **base, text=post.text, details=details)
