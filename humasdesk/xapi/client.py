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

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

import requests
import tweepy

from humasdesk.core.errors import (
    InvalidRequest,
    NetworkError,
    NotFound,
    ServerError,
    XError,
)
from humasdesk.core.media import GIF, MediaKind, media_kind, needs_chunked
from humasdesk.core.models import Account, MetricsLookup, Page, Post, RateLimit, TokenSet
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
#: `GET /2/tweets?ids=` takes at most this many ids.
MAX_LOOKUP = 100
PRIVATE_METRICS = ("non_public_metrics", "organic_metrics")
METRIC_GROUPS = ("public_metrics", *PRIVATE_METRICS)
USER_FIELDS = ["username", "name"]

# v2 media upload lives on api.x.com; the transport rewrites it like every other X host.
MEDIA_UPLOAD_URL = "https://api.x.com/2/media/upload"
MEDIA_INITIALIZE_URL = MEDIA_UPLOAD_URL + "/initialize"
MEDIA_METADATA_URL = "https://api.x.com/2/media/metadata"
#: Bytes per APPEND: well under X's 5 MB per segment, so a dropped connection costs little.
CHUNK_BYTES = 2 * 1024 * 1024
#: Tries per upload request on a dropped connection or a 5xx, with back-off between them.
UPLOAD_TRIES = 4
BACKOFF_S = 0.5
BACKOFF_CAP_S = 8.0
#: How long X may take to process a GIF before the desk gives up for now.
PROCESSING_DEADLINE_S = 120.0
#: Keep an uploaded media id for re-use this long before X's own expiry.
REUSE_MARGIN_S = 3600

# After these path segments comes an id (/2/tweets/:id, /2/users/:id/retweets/:id,
# /2/media/upload/:id/append) ...
_COLLECTIONS = frozenset({"tweets", "users", "retweets", "upload"})
# ... unless it is one of X's words.
_PATH_WORDS = frozenset(
    {"me", "search", "counts", "by", "sample", "stream", "all", "recent", "initialize"}
)


@dataclass
class _Uploaded:
    """A file X holds for this account: its media id, how far it got, and until when."""

    media_id: str
    expires_at: float
    next_segment: int = 0  # chunked: the first segment X has not confirmed
    finalized: bool = False
    alt_text: str | None = None  # the alt text X confirmed


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
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._tokens = tokens
        self._sleep = sleep
        self._clock = clock
        # "sha256/reuse key" -> what X already holds of that file, so a retry neither re-sends
        # the segments X confirmed nor uploads a finished file again.
        self._uploads: dict[str, _Uploaded] = {}
        self._fresh = 0
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
        with_author: bool = True,
    ) -> Page:
        """One page of an account's own posts (``GET /2/users/:id/tweets``); ``with_author``
        False leaves out the author expansion (the account itself: a user read saved)."""
        body = self._json(
            self._client.get_users_tweets,
            user_id,
            max_results=max_results,
            since_id=since_id,
            pagination_token=pagination_token,
            tweet_fields=TWEET_FIELDS,
            expansions=EXPANSIONS if with_author else None,
            user_fields=USER_FIELDS if with_author else None,
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

    def lookup_metrics(self, ids: Sequence[str], *, private: bool) -> MetricsLookup:
        """The metrics of up to 100 posts (``GET /2/tweets?ids=``): ``public_metrics``, and
        with ``private`` also ``non_public_metrics`` and ``organic_metrics`` (only the
        account's own posts younger than 30 days; X leaves others out with an error)."""
        if not 1 <= len(ids) <= MAX_LOOKUP:
            raise InvalidRequest(f"between 1 and {MAX_LOOKUP} posts per lookup")
        fields = ["public_metrics", *(PRIVATE_METRICS if private else ())]
        body = self._json(
            self._client.get_tweets, list(ids), tweet_fields=fields, user_auth=False
        )
        return self._call(_lookup, body)

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

    def upload_media(
        self,
        data: bytes,
        mime_type: str,
        alt_text: str | None = None,
        *,
        reuse_key: str | None = None,
    ) -> str:
        """Upload one photo or GIF, set its alt text; return the media id X will attach.

        Photos up to X's one-shot limit go in one ``POST /2/media/upload`` (tweet_image);
        GIFs (tweet_gif) and larger photos go chunked: ``/initialize``, ``/{id}/append`` per
        segment, ``/{id}/finalize``, then ``GET ?command=STATUS`` while X processes. A dropped
        connection or a 5xx is retried per request with back-off; when the upload still
        fails, X keeps what it confirmed and the next call with the same bytes resumes from
        there, so no file is sent twice. With the same ``reuse_key`` (e.g. an outbox item and
        the image's place in it) and the same bytes, a file X already holds (not expired) is
        not uploaded again, only its alt text set if it changed. Without one every call is a
        new upload (two equal photos on one post are two media). Video is not supported
        (see ``core.media``).

        tweepy has no v2 upload (only v1.1, OAuth 1.0a), so the requests go through the same
        session, so the transport, time-out and rate-limit capture apply.
        """
        kind = media_kind(mime_type)
        if kind is None or kind is MediaKind.VIDEO:
            raise InvalidRequest(f"HumasDesk does not upload {mime_type or 'this file'} to X.")
        digest = hashlib.sha256(data).hexdigest()
        if reuse_key is None:
            self._fresh += 1
            digest += f"/call-{self._fresh}"
        else:
            digest += f"/{reuse_key}"
        held = self._uploads.get(digest)
        if held is not None and held.expires_at <= self._clock():
            del self._uploads[digest]
            held = None
        if held is None or not held.finalized:
            if needs_chunked(mime_type, len(data)):
                category = "tweet_gif" if mime_type == GIF else "tweet_image"
                held = self._upload_chunked(digest, data, mime_type, category)
            else:
                held = self._upload_one_shot(data, mime_type)
            self._uploads[digest] = held
        if alt_text and held.alt_text != alt_text:
            self._retrying(
                lambda: self.session.post(
                    MEDIA_METADATA_URL,
                    headers=self._headers(),
                    json={"id": held.media_id, "metadata": {"alt_text": {"text": alt_text}}},
                )
            )
            held.alt_text = alt_text
        return held.media_id

    def _upload_one_shot(self, data: bytes, mime_type: str) -> _Uploaded:
        body = self._retrying(
            lambda: self.session.post(
                MEDIA_UPLOAD_URL,
                headers=self._headers(),
                files={"media": ("media", data, mime_type)},
                data={"media_category": "tweet_image", "media_type": mime_type},
            )
        )
        return self._call(lambda: self._held(body["data"], finalized=True))

    def _held(self, data: dict[str, Any], *, finalized: bool) -> _Uploaded:
        lifetime = float(data.get("expires_after_secs") or 86400)
        return _Uploaded(
            media_id=str(data["id"]),
            expires_at=self._clock() + max(0.0, lifetime - REUSE_MARGIN_S),
            finalized=finalized,
        )

    def _upload_chunked(self, digest: str, data: bytes, mime_type: str, category: str) -> _Uploaded:
        held = self._uploads.get(digest)
        if held is None:
            body = self._retrying(
                lambda: self.session.post(
                    MEDIA_INITIALIZE_URL,
                    headers=self._headers(),
                    json={
                        "media_type": mime_type,
                        "total_bytes": len(data),
                        "media_category": category,
                    },
                )
            )
            held = self._call(lambda: self._held(body["data"], finalized=False))
            self._uploads[digest] = held  # from here on, a failure resumes, never restarts
        base = f"{MEDIA_UPLOAD_URL}/{held.media_id}"
        segments = range(held.next_segment * CHUNK_BYTES, len(data), CHUNK_BYTES)
        for index, start in enumerate(segments, start=held.next_segment):
            chunk = data[start : start + CHUNK_BYTES]
            self._retrying(
                lambda i=index, c=chunk: self.session.post(
                    base + "/append",
                    headers=self._headers(),
                    files={"media": ("media", c, "application/octet-stream")},
                    data={"segment_index": str(i)},
                )
            )
            held.next_segment = index + 1
        body = self._finalize(base, held.media_id)
        info = (body.get("data") or {}).get("processing_info")
        self._await_processing(held.media_id, info)
        held.finalized = True
        return held

    def _finalize(self, base: str, media_id: str) -> dict[str, Any]:
        """FINALIZE; if an earlier FINALIZE reached X but its answer was lost, X refuses the
        second one, and STATUS tells whether the media is there."""
        try:
            return self._retrying(
                lambda: self.session.post(base + "/finalize", headers=self._headers())
            )
        except InvalidRequest:
            status = self._status(media_id, quiet=True)
            if status is None:
                raise
            return status

    def _status(self, media_id: str, *, quiet: bool = False) -> dict[str, Any] | None:
        try:
            return self._retrying(
                lambda: self.session.get(
                    MEDIA_UPLOAD_URL,
                    headers=self._headers(),
                    params={"command": "STATUS", "media_id": media_id},
                )
            )
        except InvalidRequest:
            if quiet:
                return None
            raise

    def _await_processing(self, media_id: str, info: dict[str, Any] | None) -> None:
        """Poll STATUS as X asks (``check_after_secs``) until the media is processed."""
        deadline = self._clock() + PROCESSING_DEADLINE_S
        while info and info.get("state") in ("pending", "in_progress"):
            if self._clock() >= deadline:
                raise ServerError("X is still processing the media; try again later.", 503)
            wait = float(info.get("check_after_secs") or 1)
            self._sleep(min(max(wait, 0.1), 10.0))
            body = self._status(media_id) or {}
            info = (body.get("data") or {}).get("processing_info")
        if info and info.get("state") == "failed":
            raise InvalidRequest("X could not process the media (processing failed).")

    def _retrying(self, send: Callable[[], requests.Response]) -> dict[str, Any]:
        """One upload request, its JSON answer; a dropped connection, a time-out or a 5xx is
        tried again up to ``UPLOAD_TRIES`` times, waiting 0.5 s, 1 s, 2 s … in between."""
        delay = BACKOFF_S
        for attempt in range(1, UPLOAD_TRIES + 1):
            try:
                response = self._call(send)
                self._call(response.raise_for_status)
                return self._call(response.json)
            except (NetworkError, ServerError):
                if attempt == UPLOAD_TRIES:
                    raise
            self._sleep(delay)
            delay = min(BACKOFF_CAP_S, delay * 2)
        raise AssertionError("unreachable")

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
    history = tuple(str(i) for i in data.get("edit_history_tweet_ids") or ())
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
        edit_history=history,
    )


def _lookup(body: dict[str, Any]) -> MetricsLookup:
    found: dict[str, dict[str, Any]] = {}
    for item in body.get("data") or ():
        found[str(item["id"])] = {k: item.get(k) for k in METRIC_GROUPS if k in item}
    missing: set[str] = set()
    refused: set[str] = set()
    for err in body.get("errors") or ():
        rid = str(err.get("resource_id") or err.get("value") or "")
        if not rid:
            continue
        if str(err.get("type", "")).endswith("resource-not-found"):
            missing.add(rid)
        else:
            refused.add(rid)
    return MetricsLookup(found=found, missing=frozenset(missing), refused=frozenset(refused))


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
