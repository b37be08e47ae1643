"""XClient: the one adapter between HumasDesk and X's v2 API for one signed-in account.

It drives ``tweepy.Client`` with an OAuth 2.0 user access token (``user_auth=False`` on every
call, since tweepy defaults the write calls to OAuth 1.0a), returns core types, and raises only
core errors (:mod:`humasdesk.core.errors`).

Threading: like the ``tweepy.Client`` it owns, an ``XClient`` is not thread-safe. Create one
per account and use it only from that account's worker thread.

Logging: tweepy logs every request's headers, ``Authorization: Bearer …`` included, at DEBUG
on the ``tweepy.client`` logger. The app's log set-up must keep that logger above DEBUG (or
mask tokens); this module does not touch global logging.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

import requests
import tweepy

from humasdesk.core.errors import NotFound, XError
from humasdesk.core.models import Account, Page, Post, RateLimit, TokenSet
from humasdesk.xapi.errors import map_error
from humasdesk.xapi.transport import mount_transport

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
ResponseHook = Callable[..., Any]

# What a mention or post needs for the desk: who wrote it, when, in which conversation,
# and what it answers or quotes.
TWEET_FIELDS = [
    "created_at",
    "author_id",
    "conversation_id",
    "in_reply_to_user_id",
    "referenced_tweets",
]
EXPANSIONS = ["author_id"]
USER_FIELDS = ["username", "name"]

# v2 media upload lives on api.x.com; the transport rewrites it like every other X host.
MEDIA_UPLOAD_URL = "https://api.x.com/2/media/upload"
MEDIA_METADATA_URL = "https://api.x.com/2/media/metadata"

# After these path segments comes an id (/2/tweets/:id, /2/users/:id/retweets/:id) ...
_COLLECTIONS = frozenset({"tweets", "users", "retweets"})
# ... unless it is one of X's words.
_PATH_WORDS = frozenset({"me", "search", "counts", "by", "sample", "stream", "all", "recent"})


def endpoint_key(method: str, url: str) -> str:
    """``"GET /2/users/:id/mentions"`` for a concrete request; ids become ``:id``.

    X counts rate limits per endpoint template, so the desk keys them the same way.
    """
    segments = urlsplit(url).path.split("/")
    out: list[str] = []
    for i, seg in enumerate(segments):
        prev = segments[i - 1] if i else ""
        is_id = prev in _COLLECTIONS and seg and seg not in _PATH_WORDS
        out.append(":id" if is_id else seg)
    return f"{method.upper()} {'/'.join(out)}"


class XClient:
    """X's v2 API for one account, with tweepy underneath.

    ``base_url`` points everything at another X (the sandbox); ``None`` is the real X.
    ``timeout`` is the read time-out in seconds for one request. ``session_hooks`` are extra
    requests response hooks (``hook(response, **kwargs)``), e.g. for request logging.
    """

    def __init__(
        self,
        tokens: TokenSet,
        *,
        base_url: str | None = None,
        timeout: float = 15.0,
        session_hooks: Sequence[ResponseHook] | None = None,
    ) -> None:
        self._tokens = tokens
        self._user_id = tokens.user_id
        self._rate_limits: dict[str, RateLimit] = {}
        # requests.Response: the raw JSON (with `includes` and `errors`) and the status.
        self._client = tweepy.Client(
            bearer_token=tokens.access_token,
            return_type=requests.Response,
            wait_on_rate_limit=False,  # it would sleep in the worker with no cap; see notes
        )
        self.session: requests.Session = self._client.session
        mount_transport(self.session, base_url, timeout=(min(5.0, timeout), timeout))
        hooks = self.session.hooks.setdefault("response", [])
        hooks.append(self._record_rate_limit)
        hooks.extend(session_hooks or ())

    # --- tokens and rate limits -------------------------------------------------------------

    @property
    def tokens(self) -> TokenSet:
        return self._tokens

    def set_tokens(self, tokens: TokenSet) -> None:
        """Use new tokens (after a refresh) for every following call."""
        self._tokens = tokens
        self._client.bearer_token = tokens.access_token
        if tokens.user_id:
            self._user_id = tokens.user_id

    @property
    def rate_limits(self) -> Mapping[str, RateLimit]:
        """Last ``x-rate-limit-*`` seen per endpoint key (e.g. ``"POST /2/tweets"``); a copy."""
        return MappingProxyType(dict(self._rate_limits))

    def _record_rate_limit(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        headers = response.headers
        try:
            limit = int(headers["x-rate-limit-limit"])
            remaining = int(headers["x-rate-limit-remaining"])
            reset_at = datetime.fromtimestamp(int(headers["x-rate-limit-reset"]), tz=UTC)
        except (KeyError, ValueError, OverflowError, OSError):
            return  # not every answer carries them (the OAuth endpoints, a proxy's error page)
        key = endpoint_key(response.request.method or "GET", response.request.url or "")
        self._rate_limits[key] = RateLimit(limit=limit, remaining=remaining, reset_at=reset_at)

    # --- calls --------------------------------------------------------------------------------

    def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` and turn any failure into a core error.

        The core error is raised outside the ``except`` block so the original exception,
        which holds the request with the ``Authorization`` header, does not travel along as
        ``__context__`` into logs and tracebacks.
        """
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # every failure must become a core error
            secrets = (self._tokens.access_token, self._tokens.refresh_token)
            error = map_error(exc, secrets=secrets)
        raise error

    def _json(self, fn: Callable[P, requests.Response], *args: P.args, **kwargs: P.kwargs) -> Any:
        return self._call(lambda: fn(*args, **kwargs).json())

    def me(self) -> Account:
        """The signed-in account (``GET /2/users/me``)."""
        body = self._json(self._client.get_me, user_auth=False)
        account = self._call(_account, body)
        self._user_id = account.user_id
        return account

    def create_post(
        self,
        text: str,
        *,
        reply_to: str | None = None,
        quote_of: str | None = None,
        media_ids: Sequence[str] = (),
    ) -> Post:
        """Publish ``text`` (``POST /2/tweets``), as a reply, a quote, with media.

        Never retried here: if the connection drops after X stored the post, a resend would
        be a duplicate. The caller reconciles (the post may exist although this raised).
        """
        author_id = self._user_id or self.me().user_id
        body = self._json(
            self._client.create_tweet,
            text=text,
            in_reply_to_tweet_id=reply_to,
            quote_tweet_id=quote_of,
            media_ids=list(media_ids) or None,
            user_auth=False,
        )
        referenced: list[tuple[str, str]] = []
        if reply_to:
            referenced.append(("replied_to", str(reply_to)))
        if quote_of:
            referenced.append(("quoted", str(quote_of)))
        return self._call(
            lambda: Post(
                id=str(body["data"]["id"]),
                text=str(body["data"].get("text", text)),
                author_id=author_id,
                referenced=tuple(referenced),
            )
        )

    def delete_post(self, post_id: str) -> None:
        """Delete one of the account's posts (``DELETE /2/tweets/:id``)."""
        body = self._json(self._client.delete_tweet, post_id, user_auth=False)
        if not self._call(lambda: body["data"]["deleted"]):
            raise XError(f"X did not confirm deleting post {post_id}.")

    def get_post(self, post_id: str) -> Post:
        """One post with author and conversation fields (``GET /2/tweets/:id``)."""
        body = self._json(
            self._client.get_tweet,
            post_id,
            tweet_fields=TWEET_FIELDS,
            expansions=EXPANSIONS,
            user_fields=USER_FIELDS,
            user_auth=False,
        )
        if not body.get("data"):
            # X answers 200 with `errors` for a deleted or unknown post.
            raise NotFound(f"Post {post_id} not found on X.")
        users = _users_by_id(body)
        return self._call(_post, body["data"], users)

    def user_posts(
        self,
        user_id: str,
        *,
        max_results: int = 20,
        since_id: str | None = None,
        pagination_token: str | None = None,
    ) -> Page:
        """One page of an account's own posts (``GET /2/users/:id/tweets``)."""
        body = self._json(
            self._client.get_users_tweets,
            user_id,
            max_results=max_results,
            since_id=since_id,
            pagination_token=pagination_token,
            tweet_fields=TWEET_FIELDS,
            expansions=EXPANSIONS,
            user_fields=USER_FIELDS,
            user_auth=False,
        )
        return self._call(_page, body)

    def mentions(
        self,
        user_id: str,
        *,
        since_id: str | None = None,
        until_id: str | None = None,
        max_results: int = 100,
        pagination_token: str | None = None,
    ) -> Page:
        """One page of posts mentioning the account, newest first (``/2/users/:id/mentions``)."""
        body = self._json(
            self._client.get_users_mentions,
            user_id,
            since_id=since_id,
            until_id=until_id,
            max_results=max_results,
            pagination_token=pagination_token,
            tweet_fields=TWEET_FIELDS,
            expansions=EXPANSIONS,
            user_fields=USER_FIELDS,
            user_auth=False,
        )
        return self._call(_page, body)

    def iter_mentions_since(
        self, user_id: str, since_id: str | None, *, max_results: int = 100
    ) -> Iterator[Page]:
        """Every page of mentions newer than ``since_id`` (all of them when ``None``).

        Pages come newest first; the next poll's ``since_id`` is the *first* page's
        ``newest_id``. Keep it only after the last page was stored, so a failure mid-way
        re-reads rather than skips.
        """
        token: str | None = None
        while True:
            page = self.mentions(
                user_id, since_id=since_id, max_results=max_results, pagination_token=token
            )
            yield page
            token = page.next_token
            if not token:
                return

    def repost(self, user_id: str, post_id: str) -> None:
        """Repost ``post_id`` as ``user_id`` (``POST /2/users/:id/retweets``).

        Called through ``Client.request`` because tweepy's ``retweet`` first asks X who the
        user is (an extra ``/2/users/me``) and caches that forever on the class.
        """
        self._json(
            self._client.request,
            "POST",
            f"/2/users/{user_id}/retweets",
            json={"tweet_id": str(post_id)},
            user_auth=False,
        )

    def upload_media(self, data: bytes, mime_type: str, alt_text: str | None = None) -> str:
        """Upload one image (``POST /2/media/upload``), set its alt text; return the media id.

        tweepy has no v2 upload (only v1.1, OAuth 1.0a), so this posts the multipart form
        itself through the same session, so the transport, time-out and rate-limit capture
        apply. Simple (one request) upload: images up to 5 MB; video needs the chunked
        INIT/APPEND/FINALIZE commands, which HumasDesk does not use.
        """
        category = "tweet_gif" if mime_type == "image/gif" else "tweet_image"
        if mime_type.startswith("video/"):
            category = "tweet_video"
        response = self._call(
            self.session.post,
            MEDIA_UPLOAD_URL,
            headers=self._headers(),
            files={"media": ("media", data, mime_type)},
            data={"media_category": category},
        )
        self._call(response.raise_for_status)
        body = self._call(response.json)
        media_id = self._call(lambda: str(body["data"]["id"]))
        if alt_text:
            response = self._call(
                self.session.post,
                MEDIA_METADATA_URL,
                headers=self._headers(),
                json={"id": media_id, "metadata": {"alt_text": {"text": alt_text}}},
            )
            self._call(response.raise_for_status)
        return media_id

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._tokens.access_token}",
            "User-Agent": self._client.user_agent,
        }

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()


# --- parsing X's JSON into core types ---------------------------------------------------------


def _account(body: dict[str, Any]) -> Account:
    data = body["data"]
    return Account(user_id=str(data["id"]), username=str(data["username"]), name=data["name"])


def _users_by_id(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    users = (body.get("includes") or {}).get("users") or []
    return {str(u["id"]): u for u in users if isinstance(u, dict) and "id" in u}


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _post(data: dict[str, Any], users: Mapping[str, Mapping[str, Any]]) -> Post:
    author_id = str(data.get("author_id") or "")
    author = users.get(author_id, {})
    refs = tuple(
        (str(r["type"]), str(r["id"])) for r in data.get("referenced_tweets") or () if "id" in r
    )
    in_reply_to = data.get("in_reply_to_user_id")
    conversation = data.get("conversation_id")
    return Post(
        id=str(data["id"]),
        text=str(data.get("text", "")),
        author_id=author_id,
        created_at=_time(data.get("created_at")),
        author_username=author.get("username"),
        author_name=author.get("name"),
        in_reply_to_user_id=str(in_reply_to) if in_reply_to else None,
        conversation_id=str(conversation) if conversation else None,
        referenced=refs,
    )


def _page(body: dict[str, Any]) -> Page:
    users = _users_by_id(body)
    posts = tuple(_post(d, users) for d in body.get("data") or ())
    meta = body.get("meta") or {}
    return Page(
        posts=posts,
        result_count=int(meta.get("result_count", len(posts))),
        newest_id=meta.get("newest_id"),
        oldest_id=meta.get("oldest_id"),
        next_token=meta.get("next_token"),
    )
