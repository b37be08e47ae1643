"""`tweet.fields`, `user.fields` and `expansions`: X returns defaults plus what was asked."""

from __future__ import annotations

import hashlib
import math
import re
from datetime import datetime
from typing import Any

from humasdesk.core.textlength import find_urls
from humasdesk.sandbox import problems
from humasdesk.sandbox.messages import Request
from humasdesk.sandbox.state import Media, Post, State, User

TWEET_FIELDS = frozenset(
    "article attachments author_id card_uri community_id context_annotations conversation_id "
    "created_at display_text_range edit_controls edit_history_tweet_ids entities geo id "
    "in_reply_to_user_id lang media_metadata non_public_metrics note_tweet organic_metrics "
    "possibly_sensitive promoted_metrics public_metrics referenced_tweets reply_settings scopes "
    "source suggested_source_links suggested_source_links_with_counts text withheld".split()
)
USER_FIELDS = frozenset(
    "affiliation confirmed_email connection_status created_at description entities id "
    "is_identity_verified location most_recent_tweet_id name parody pinned_tweet_id "
    "profile_banner_url profile_image_url protected public_metrics receives_your_dm subscription "
    "subscription_type url username verified verified_followers_count verified_type "
    "withheld".split()
)
TWEET_EXPANSIONS = frozenset(
    "article.cover_media article.media_entities attachments.media_keys "
    "attachments.media_source_tweet attachments.poll_ids author_id edit_history_tweet_ids "
    "entities.mentions.username geo.place_id in_reply_to_user_id entities.note.mentions.username "
    "referenced_tweets.id referenced_tweets.id.attachments.media_keys "
    "referenced_tweets.id.author_id".split()
)
USER_EXPANSIONS = frozenset({"affiliation.user_id", "most_recent_tweet_id", "pinned_tweet_id"})
MEDIA_FIELDS = frozenset(
    "alt_text duration_ms height media_key non_public_metrics organic_metrics preview_image_url "
    "promoted_metrics public_metrics type url variants width".split()
)
POLL_FIELDS = frozenset("duration_minutes end_datetime id options voting_status".split())
PLACE_FIELDS = frozenset(
    "contained_within country country_code full_name geo id name place_type".split()
)
EXCLUDE = frozenset({"replies", "retweets"})
FIELD_PARAMS = {"tweet.fields", "user.fields", "expansions", "media.fields", "poll.fields",
                "place.fields"}  # fmt: skip
#: GET /2/users/me takes these (UserFieldsParameter, UserExpansionsParameter, TweetFields).
USER_PARAMS = {"user.fields", "expansions", "tweet.fields"}
_ALLOWED = {
    "tweet.fields": TWEET_FIELDS,
    "user.fields": USER_FIELDS,
    "media.fields": MEDIA_FIELDS,
    "poll.fields": POLL_FIELDS,
    "place.fields": PLACE_FIELDS,
    "exclude": EXCLUDE,
}


def requested(req: Request, name: str, allowed: frozenset[str]) -> set[str]:
    """The values of a comma-separated list parameter; X answers 400 for any it does not know
    (and for an empty list: its schema asks for at least one item)."""
    raw = req.q(name)
    if raw is None:
        return set()
    names = [n for n in raw.split(",") if n]
    if not names:
        raise problems.invalid_request(
            f"The `{name}` query parameter value [] must hold at least one value", {name: [raw]}
        )
    for n in sorted(set(names)):
        if n not in allowed:
            raise problems.invalid_request(
                f"The `{name}` query parameter value [{n}] is not one of "
                f"[{','.join(sorted(allowed))}]",
                {name: [raw]},
            )
    return set(names)


def check_lists(req: Request, expansions: frozenset[str] = TWEET_EXPANSIONS) -> None:
    """Every list parameter present (``*.fields``, ``expansions``, ``exclude``) holds only
    values X knows; the first unknown one is a 400, as on X."""
    for name, allowed in _ALLOWED.items():
        requested(req, name, allowed)
    requested(req, "expansions", expansions)


def _epoch(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


#: X shows a post's non-public and organic metrics to its author for 30 days after posting.
PRIVATE_METRICS_DAYS = 30
PRIVATE_METRICS = frozenset({"non_public_metrics", "organic_metrics"})


def _seed(post: Post) -> int:
    return int(hashlib.sha256(post.id.encode("ascii")).hexdigest()[:8], 16)


def impressions(post: Post, now: float) -> int:
    """Views on the sandbox clock, deterministic per post: most come in the first day
    (a quick rise over some hours), then a slow tail that stops after four weeks."""
    hours = max(0.0, (now - _epoch(post.created_at)) / 3600)
    peak = 300 + _seed(post) % 1700
    quick = 1.0 - math.exp(-hours / 5.0)
    tail = min(hours, 672.0) / 672.0
    return int(peak * (0.85 * quick + 0.15 * tail))


def private_allowed(post: Post, viewer_id: str, now: float) -> bool:
    """Whether X returns `non_public_metrics`/`organic_metrics` of `post` to `viewer_id`."""
    age = now - _epoch(post.created_at)
    return post.author_id == viewer_id and age < PRIVATE_METRICS_DAYS * 86400


def private_metrics(post: Post, state: State, now: float) -> dict[str, dict[str, int]]:
    public = public_metrics(post, state, now)
    organic = {k: public[k] for k in ("impression_count", "like_count", "reply_count",
                                      "retweet_count")}  # fmt: skip
    return {
        "non_public_metrics": {"impression_count": public["impression_count"]},
        "organic_metrics": organic,
    }


def public_metrics(post: Post, state: State, now: float) -> dict[str, int]:
    """Counts that grow with the post's age on the sandbox clock (deterministic per post):
    impressions rise fast then flatten, likes a few percent of them, with the replies,
    quotes and reposts the sandbox really holds."""
    reach = impressions(post, now)
    seed = _seed(post)
    like_rate = 20 + seed % 31  # 2.0 % .. 5.0 %, in tenths of a percent
    replies = quotes = reposts = 0
    for p in state.posts.values():
        for ref in p.referenced_tweets:
            if ref["id"] == post.id:
                kind = ref["type"]
                replies += kind == "replied_to"
                quotes += kind == "quoted"
                reposts += kind == "retweeted"
    return {
        "retweet_count": reposts + reach * (3 + seed % 5) // 1000,
        "reply_count": replies,
        "like_count": reach * like_rate // 1000,
        "quote_count": quotes,
        "bookmark_count": reach * (1 + seed % 3) // 1000,
        "impression_count": reach,
    }


_MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
_HASHTAG_RE = re.compile(r"(?<![\w&#])#(\w*[^\W\d_]\w*)")


def entities(post: Post, state: State) -> dict[str, Any] | None:
    """Mentions, URLs and hashtags with code-point offsets (start inclusive, end exclusive)."""
    text = post.text
    out: dict[str, Any] = {}
    mentions = []
    for m in _MENTION_RE.finditer(text):
        item: dict[str, Any] = {"start": m.start(), "end": m.end(), "username": m.group(1)}
        user = state.user_by_handle(m.group(1))
        if user is not None:
            item["id"] = user.id
        mentions.append(item)
    urls = []
    for start, end in find_urls(text):
        shown = text[start:end]
        full = shown if "://" in shown else "https://" + shown
        urls.append({"start": start, "end": end, "url": full, "expanded_url": full,
                     "display_url": full.split("://", 1)[1][:30]})  # fmt: skip
    hashtags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)}
                for m in _HASHTAG_RE.finditer(text)]  # fmt: skip
    for name, items in (("mentions", mentions), ("urls", urls), ("hashtags", hashtags)):
        if items:  # X's lists hold at least one item, or are left out
            out[name] = items
    return out or None


def render_tweet(post: Post, fields: set[str], state: State, now: float) -> dict[str, Any]:
    out: dict[str, Any] = {
        "edit_history_tweet_ids": list(post.edit_history or [post.id]),
        "id": post.id,
        "text": post.text,
    }
    optional: dict[str, Any] = {
        "author_id": lambda: post.author_id,
        "created_at": lambda: post.created_at,
        "conversation_id": lambda: post.conversation_id,
        "in_reply_to_user_id": lambda: post.in_reply_to_user_id,
        "referenced_tweets": lambda: post.referenced_tweets or None,
        "attachments": lambda: {"media_keys": post.media_keys} if post.media_keys else None,
        "lang": lambda: "in",
        "possibly_sensitive": lambda: False,
        "reply_settings": lambda: "everyone",
        "public_metrics": lambda: public_metrics(post, state, now),
        "entities": lambda: entities(post, state),
    }
    for name in sorted(fields):
        make = optional.get(name)
        value = make() if make is not None else None
        if value is not None:  # X leaves out what a post does not have
            out[name] = value
    return out


def media_type(media: Media) -> str:
    """X's media `type`: `animated_gif`, `video` or `photo`."""
    if media.mime == "image/gif":
        return "animated_gif"
    if media.mime.startswith("video/"):
        return "video"
    return "photo"


_EXT = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}


def render_media(media: Media, fields: set[str]) -> dict[str, Any]:
    """An `includes.media` item: `media_key` and `type` always, and what was asked for."""
    kind = media_type(media)
    out: dict[str, Any] = {"media_key": media.media_key, "type": kind}
    number = media.media_key.split("_", 1)[1]
    optional: dict[str, Any] = {
        "alt_text": media.alt_text,  # X leaves out an unset alt text
        "width": media.width,
        "height": media.height,
    }
    if kind == "photo":
        optional["url"] = f"https://pbs.twimg.com/media/{number}.{_EXT.get(media.mime, 'jpg')}"
    else:
        folder = "tweet_video" if kind == "animated_gif" else "ext_tw_video"
        optional["preview_image_url"] = f"https://pbs.twimg.com/{folder}_thumb/{number}.jpg"
        optional["variants"] = [
            {"bit_rate": 0, "content_type": "video/mp4",
             "url": f"https://video.twimg.com/{folder}/{number}.mp4"}
        ]  # fmt: skip
    for name in sorted(fields):
        if optional.get(name) is not None:
            out[name] = optional[name]
    return out


def render_user(user: User, fields: set[str]) -> dict[str, Any]:
    out = user.public()
    optional: dict[str, Any] = {
        "created_at": user.created_at,
        "description": user.description,
        "protected": False,
        "verified": False,
        "profile_image_url": "https://abs.twimg.com/sticky/default_profile_images/"
        "default_profile_normal.png",
    }
    for name in sorted(fields):
        if name in optional:
            out[name] = optional[name]
    return out


def tweet_response(
    req: Request, state: State, posts: list[Post], now: float = 0.0
) -> dict[str, Any]:
    """`data` items plus `includes` for the expansions asked for (users, tweets and media)."""
    check_lists(req)
    tfields = requested(req, "tweet.fields", TWEET_FIELDS)
    ufields = requested(req, "user.fields", USER_FIELDS)
    expansions = requested(req, "expansions", TWEET_EXPANSIONS)
    mfields = requested(req, "media.fields", MEDIA_FIELDS)
    # Expanding media keys puts `attachments` on the posts too, as X does.
    data_fields = tfields | ({"attachments"} if "attachments.media_keys" in expansions else set())
    data = [render_tweet(p, data_fields, state, now) for p in posts]
    user_ids: list[str] = []
    tweets: list[Post] = []
    media_keys: list[str] = []
    for p in posts:
        if "attachments.media_keys" in expansions:
            media_keys += p.media_keys
        if "author_id" in expansions:
            user_ids.append(p.author_id)
        if "in_reply_to_user_id" in expansions and p.in_reply_to_user_id:
            user_ids.append(p.in_reply_to_user_id)
        refs = [state.posts[r["id"]] for r in p.referenced_tweets if r["id"] in state.posts]
        if "referenced_tweets.id" in expansions:
            tweets += refs
        if "referenced_tweets.id.author_id" in expansions:
            user_ids += [t.author_id for t in refs]
        if "referenced_tweets.id.attachments.media_keys" in expansions:
            media_keys += [k for t in refs for k in t.media_keys]
    includes: dict[str, Any] = {}
    uniq_users = [state.users[u] for u in dict.fromkeys(user_ids) if u in state.users]
    if uniq_users:
        includes["users"] = [render_user(u, ufields) for u in uniq_users]
    if tweets:
        uniq = list({t.id: t for t in tweets}.values())
        includes["tweets"] = [render_tweet(t, tfields, state, now) for t in uniq]
    by_key = {m.media_key: m for m in state.media.values()}
    uniq_media = [by_key[k] for k in dict.fromkeys(media_keys) if k in by_key]
    if uniq_media:
        includes["media"] = [render_media(m, mfields) for m in uniq_media]
    return {"data": data, "includes": includes}
