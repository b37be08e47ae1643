"""Posting, deleting, reading and reposting single posts, with X's posting rules."""

from __future__ import annotations

import re
from typing import Any

from humasdesk.core.textlength import find_urls, parse_post
from humasdesk.sandbox import media as media_api
from humasdesk.sandbox import problems
from humasdesk.sandbox.billing import charge, charge_reads
from humasdesk.sandbox.context import Ctx, check_id
from humasdesk.sandbox.fields import (
    FIELD_PARAMS,
    PRIVATE_METRICS,
    TWEET_FIELDS,
    private_allowed,
    private_metrics,
    requested,
    tweet_response,
)
from humasdesk.sandbox.ids import iso_ms
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.state import Post, State, User

DUPLICATE = "You are not allowed to create a Tweet with duplicate content."
REPLY_REFUSED = (
    "Reply to this conversation is not allowed because you have not been mentioned or otherwise "
    "engaged by the author of the post you are replying to."
)
MAX_MEDIA = 4


def mentions(text: str, handle: str) -> bool:
    """`@handle` as a whole word, case-insensitively, as X links mentions."""
    pattern = r"(?<![A-Za-z0-9_@])@" + re.escape(handle) + r"(?![A-Za-z0-9_])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def may_reply(state: State, parent: Post, user: User) -> bool:
    """X lets an app reply only where the author mentioned, quoted or answered the account."""
    if parent.author_id == user.id or parent.in_reply_to_user_id == user.id:
        return True
    if mentions(parent.text, user.username):
        return True
    quoted = parent.ref("quoted")
    return quoted is not None and quoted in state.posts and state.posts[quoted].author_id == user.id


def check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise problems.invalid_request("`text` must be a string.", {"text": [repr(text)]})
    result = parse_post(text)
    if not result.valid or not text.strip():  # X refuses blank posts too
        if not text.strip():
            msg = "Post text must not be empty."
        elif result.weighted_length > 280:
            msg = f"Post text is too long ({result.weighted_length} of 280 weighted characters)."
        else:
            msg = "Post text contains characters X does not accept."
        raise problems.invalid_request(msg, {"text": [text]})
    return text


def add_post(state: State, author: User, text: str, now: float, **extra: Any) -> Post:
    pid = state.ids.make(now)
    post = Post(
        id=pid,
        text=text,
        author_id=author.id,
        created_at=iso_ms(now),
        conversation_id=extra.pop("conversation_id", None) or pid,
        **extra,
    )
    state.posts[pid] = post
    return post


def _media_keys(ctx: Ctx, media: Any) -> list[str]:
    """X's rule per post: 1 to 4 photos, or 1 animated GIF, or 1 video; never mixed; only
    the account's own media, processed and not expired."""
    ids = media.get("media_ids") if isinstance(media, dict) else None
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_MEDIA:
        raise problems.invalid_request(
            f"`media.media_ids` must hold 1 to {MAX_MEDIA} media ids.",
            {"media.media_ids": [str(ids)]},
        )
    found = []
    for mid in ids:
        m = ctx.state.media.get(str(mid))
        if m is None or m.owner_id != ctx.user.id or m.expires_at <= ctx.now:
            raise problems.invalid_request(
                f"Your media IDs are invalid: [{mid}].", {"media.media_ids": [str(mid)]}
            )
        if not media_api.attachable(m, ctx.now):
            raise problems.invalid_request(
                f"Media [{mid}] is still being processed; attach it once its status is succeeded.",
                {"media.media_ids": [str(mid)]},
            )
        found.append(m)
    kinds = [media_api.kind(m.mime) for m in found]
    if len(set(kinds)) > 1 or (kinds[0] != "photo" and len(kinds) > 1):
        raise problems.invalid_request(
            "A post holds up to 4 photos, or 1 animated GIF, or 1 video; they cannot be mixed.",
            {"media.media_ids": [",".join(str(i) for i in ids)]},
        )
    if len({m.id for m in found}) != len(found):
        raise problems.invalid_request(
            "The same media id is given twice.", {"media.media_ids": [",".join(map(str, ids))]}
        )
    return [m.media_key for m in found]


def create(ctx: Ctx, req: Request) -> Response:
    body = req.json()
    text = check_text(body.get("text"))
    state, user = ctx.state, ctx.user
    extra: dict[str, Any] = {"referenced_tweets": []}

    reply = body.get("reply")
    if reply is not None:
        parent_id = str((reply or {}).get("in_reply_to_tweet_id", ""))
        check_id(parent_id, "reply.in_reply_to_tweet_id")
        parent = state.posts.get(parent_id)
        if parent is None:
            raise problems.invalid_request(
                "You attempted to reply to a Tweet that is deleted or not visible to you.",
                {"reply.in_reply_to_tweet_id": [parent_id]},
            )
        if not may_reply(state, parent, user):
            raise problems.forbidden(REPLY_REFUSED)
        extra["referenced_tweets"].append({"type": "replied_to", "id": parent.id})
        extra["in_reply_to_user_id"] = parent.author_id
        extra["conversation_id"] = parent.conversation_id

    quote_id = body.get("quote_tweet_id")
    if quote_id is not None:
        quote_id = check_id(str(quote_id), "quote_tweet_id")
        if quote_id not in state.posts:
            raise problems.invalid_request(
                "The Tweet you are quoting is deleted or not visible to you.",
                {"quote_tweet_id": [quote_id]},
            )
        extra["referenced_tweets"].append({"type": "quoted", "id": quote_id})

    media = body.get("media")
    if media is not None:
        if quote_id is not None:
            # X's TweetCreateRequest: media is mutually exclusive with quote_tweet_id.
            raise problems.invalid_request(
                "A post cannot have both media and a quoted post (quote_tweet_id).",
                {"media.media_ids": [str(media)], "quote_tweet_id": [str(quote_id)]},
            )
        extra["media_keys"] = _media_keys(ctx, media)

    if any(p.author_id == user.id and p.text == text for p in state.posts.values()):
        raise problems.forbidden(DUPLICATE)

    post = add_post(state, user, text, ctx.now, **extra)
    charge(ctx, "post_create_url" if find_urls(text) else "post_create", post.id)
    data = {"edit_history_tweet_ids": [post.id], "id": post.id, "text": post.text}
    resp = Response.json(201, {"data": data})
    resp.headers["location"] = f"https://api.x.com/2/tweets/{post.id}"
    resp.mutated = True
    return resp


def delete(ctx: Ctx, req: Request, tweet_id: str) -> Response:
    check_id(tweet_id)
    tweet_response(req, ctx.state, [])  # a bad field name is a 400 even for a missing post
    post = ctx.state.posts.get(tweet_id)
    if post is None:
        raise problems.not_found("tweet", "id", tweet_id)
    if post.author_id != ctx.user.id:
        raise problems.forbidden("You are not allowed to delete this Tweet.")
    del ctx.state.posts[tweet_id]
    charge(ctx, "post_delete", tweet_id)
    resp = Response.json(200, {"data": {"deleted": True}})
    resp.mutated = True
    return resp


def get(ctx: Ctx, req: Request, tweet_id: str) -> Response:
    req.check_params(FIELD_PARAMS)
    check_id(tweet_id)
    tweet_response(req, ctx.state, [])  # a bad field name is a 400 even for a missing post
    post = ctx.state.posts.get(tweet_id)
    if post is None:
        # X answers 200 with the problem in `errors` for a post it cannot find.
        return Response.json(200, {"errors": [problems.not_found_item("tweet", "id", tweet_id)]})
    out = tweet_response(req, ctx.state, [post], ctx.now)
    body: dict[str, Any] = {"data": out["data"][0]}
    if out["includes"]:
        body["includes"] = out["includes"]
    charge_reads(ctx, body)
    resp = Response.json(200, body)
    resp.mutated = True  # the billing ledger
    return resp


def retweet(ctx: Ctx, req: Request, user_id: str) -> Response:
    check_id(user_id)
    if user_id != ctx.user.id:
        raise problems.forbidden("You are not permitted to perform this action.")
    source_id = check_id(str(req.json().get("tweet_id", "")), "tweet_id")
    source = ctx.state.posts.get(source_id)
    if source is None:
        raise problems.not_found("tweet", "tweet_id", source_id)
    already = any(
        p.author_id == ctx.user.id and p.ref("retweeted") == source_id
        for p in ctx.state.posts.values()
    )
    resp = Response.json(200, {"data": {"retweeted": True}})
    if not already:
        author = ctx.state.users[source.author_id]
        add_post(
            ctx.state, ctx.user, f"RT @{author.username}: {source.text}", ctx.now,
            referenced_tweets=[{"type": "retweeted", "id": source_id}],
        )  # fmt: skip
        resp.mutated = True
    return resp


MAX_LOOKUP = 100


def _field_unauthorized(post_id: str, field_name: str) -> dict[str, Any]:
    """X's answer item for a private field it will not show (another author's post, or one
    older than 30 days): the post is left out of ``data``."""
    return {
        "value": post_id,
        "detail": (
            f"Sorry, you are not authorized to access '{field_name}' on the Tweet with "
            f"ids [{post_id}]."
        ),
        "title": "Field Authorization Error",
        "resource_type": "tweet",
        "parameter": "tweet.fields",
        "resource_id": post_id,
        "field": field_name,
        "section": "data",
        "type": problems.PROBLEMS + "not-authorized-for-field",
    }


def lookup(ctx: Ctx, req: Request) -> Response:
    """``GET /2/tweets?ids=``: up to 100 posts in one call, in the order asked. A post that
    is gone is a resource-not-found item in ``errors``; asking for private metrics of a post
    the caller may not see them on (not the author, or older than 30 days) leaves that post
    out with a field-authorization item, as X does."""
    req.check_params(FIELD_PARAMS | {"ids"})
    tweet_response(req, ctx.state, [])  # unknown field values: 400, as on X
    raw = req.q("ids")
    ids = [i for i in (raw or "").split(",") if i]
    if not ids:
        raise problems.invalid_request(
            "The `ids` query parameter can not be empty", {"ids": [raw or ""]}
        )
    if len(ids) > MAX_LOOKUP:
        raise problems.invalid_request(
            f"The number of values in the `ids` query parameter list [{len(ids)}] is not "
            f"between 1 and {MAX_LOOKUP}",
            {"ids": [raw or ""]},
        )
    for i in ids:
        check_id(i, "ids")
    private = requested(req, "tweet.fields", TWEET_FIELDS) & PRIVATE_METRICS
    found: list[Post] = []
    errors: list[dict[str, Any]] = []
    for i in dict.fromkeys(ids):
        post = ctx.state.posts.get(i)
        if post is None:
            errors.append(problems.not_found_item("tweet", "ids", i))
        elif private and not private_allowed(post, ctx.user.id, ctx.now):
            errors.extend(_field_unauthorized(i, f) for f in sorted(private))
        else:
            found.append(post)
    body: dict[str, Any] = {}
    if found:
        out = tweet_response(req, ctx.state, found, ctx.now)
        for item, post in zip(out["data"], found, strict=True):
            if private:
                extra = private_metrics(post, ctx.state, ctx.now)
                item.update({k: extra[k] for k in sorted(private)})
        body["data"] = out["data"]
        if out["includes"]:
            body["includes"] = out["includes"]
    if errors:
        body["errors"] = errors
    charge_reads(ctx, body)
    resp = Response.json(200, body)
    resp.mutated = True  # the billing ledger
    return resp
