"""`tweet.fields`, `user.fields` and `expansions`: X returns defaults plus what was asked."""

from __future__ import annotations

from typing import Any

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
FIELD_PARAMS = {"tweet.fields", "user.fields", "expansions", "media.fields", "poll.fields",
                "place.fields"}  # fmt: skip


def requested(req: Request, name: str, allowed: frozenset[str]) -> set[str]:
    raw = req.q(name)
    if raw is None:
        return set()
    names = {n for n in raw.split(",") if n}
    for n in sorted(names):
        if n not in allowed:
            raise problems.invalid_request(
                f"The `{name}` query parameter value [{n}] is not one of "
                f"[{','.join(sorted(allowed))}]",
                {name: [raw]},
            )
    return names


def render_tweet(post: Post, fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "edit_history_tweet_ids": [post.id],
        "id": post.id,
        "text": post.text,
    }
    optional: dict[str, Any] = {
        "author_id": post.author_id,
        "created_at": post.created_at,
        "conversation_id": post.conversation_id,
        "in_reply_to_user_id": post.in_reply_to_user_id,
        "referenced_tweets": post.referenced_tweets or None,
        "attachments": {"media_keys": post.media_keys} if post.media_keys else None,
        "lang": "in",
        "possibly_sensitive": False,
        "reply_settings": "everyone",
    }
    for name in sorted(fields):
        value = optional.get(name)
        if value is not None:  # X leaves out what a post does not have
            out[name] = value
    return out


def media_type(media: Media) -> str:
    """X's media `type`: an uploaded GIF is an `animated_gif`, every other image a `photo`."""
    return "animated_gif" if media.mime == "image/gif" else "photo"


def render_media(media: Media, fields: set[str]) -> dict[str, Any]:
    """An `includes.media` item: `media_key` and `type` always, and what was asked for."""
    out: dict[str, Any] = {"media_key": media.media_key, "type": media_type(media)}
    if "alt_text" in fields and media.alt_text is not None:  # X leaves out an unset alt text
        out["alt_text"] = media.alt_text
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


def tweet_response(req: Request, state: State, posts: list[Post]) -> dict[str, Any]:
    """`data` items plus `includes` for the expansions asked for (users, tweets and media)."""
    tfields = requested(req, "tweet.fields", TWEET_FIELDS)
    ufields = requested(req, "user.fields", USER_FIELDS)
    expansions = requested(req, "expansions", TWEET_EXPANSIONS)
    mfields = requested(req, "media.fields", MEDIA_FIELDS)
    # Expanding media keys puts `attachments` on the posts too, as X does.
    data_fields = tfields | ({"attachments"} if "attachments.media_keys" in expansions else set())
    data = [render_tweet(p, data_fields) for p in posts]
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
        includes["tweets"] = [render_tweet(t, tfields) for t in uniq]
    by_key = {m.media_key: m for m in state.media.values()}
    uniq_media = [by_key[k] for k in dict.fromkeys(media_keys) if k in by_key]
    if uniq_media:
        includes["media"] = [render_media(m, mfields) for m in uniq_media]
    return {"data": data, "includes": includes}
