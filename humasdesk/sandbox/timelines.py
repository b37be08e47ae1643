"""`GET /2/users/:id/tweets` and `/mentions`: newest first, since/until ids, token paging."""

from __future__ import annotations

from typing import Any

from humasdesk.sandbox import problems
from humasdesk.sandbox.billing import charge_reads
from humasdesk.sandbox.context import Ctx, check_id
from humasdesk.sandbox.fields import FIELD_PARAMS, tweet_response
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.state import Post, User
from humasdesk.sandbox.tweets import mentions

PARAMS = {"since_id", "until_id", "max_results", "pagination_token", "start_time", "end_time"}
DEFAULT_PAGE = 10
MIN_PAGE, MAX_PAGE = 5, 100
_TOKEN_PREFIX = "sbxp"  # noqa: S105 - not a secret


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def next_token(oldest_id: str) -> str:
    """Opaque like X's: it names the oldest post already returned."""
    return _TOKEN_PREFIX + _b36(int(oldest_id))


def _parse_token(token: str) -> int:
    if token.startswith(_TOKEN_PREFIX):
        try:
            return int(token[len(_TOKEN_PREFIX) :], 36)
        except ValueError:
            pass
    raise problems.invalid_request(
        f"The `pagination_token` query parameter value [{token}] is not valid",
        {"pagination_token": [token]},
    )


def _page_size(req: Request) -> int:
    raw = req.q("max_results")
    if raw is None:
        return DEFAULT_PAGE
    try:
        n = int(raw)
    except ValueError:
        n = -1
    if not MIN_PAGE <= n <= MAX_PAGE:
        raise problems.invalid_request(
            f"The `max_results` query parameter value [{raw}] is not between {MIN_PAGE} "
            f"and {MAX_PAGE}",
            {"max_results": [raw]},
        )
    return n


def _selects(kind: str, post: Post, user: User) -> bool:
    if kind == "tweets":
        return post.author_id == user.id
    if post.author_id == user.id:
        return False
    return post.in_reply_to_user_id == user.id or mentions(post.text, user.username)


def timeline(ctx: Ctx, req: Request, user_id: str, kind: str) -> Response:
    req.check_params(PARAMS | FIELD_PARAMS | ({"exclude"} if kind == "tweets" else set()))
    check_id(user_id)
    tweet_response(req, ctx.state, [])  # unknown field, expansion or exclude values: 400
    size = _page_size(req)
    since = int(check_id(req.q("since_id") or "0", "since_id"))
    until = req.q("until_id")
    upper = int(check_id(until, "until_id")) if until else None
    token = req.q("pagination_token")
    if token:
        below = _parse_token(token)
        upper = below if upper is None else min(upper, below)
    user = ctx.state.users.get(user_id)
    if user is None:
        return Response.json(200, {"errors": [problems.not_found_item("user", "id", user_id)]})
    exclude = set((req.q("exclude") or "").split(","))
    matched = sorted(
        (
            p
            for p in ctx.state.posts.values()
            if _selects(kind, p, user)
            and p.edited_to is None  # X lists the newest version of an edited post
            and int(p.id) > since
            and (upper is None or int(p.id) < upper)
            and not ("replies" in exclude and p.in_reply_to_user_id)
            and not ("retweets" in exclude and p.ref("retweeted"))
        ),
        key=lambda p: int(p.id),
        reverse=True,
    )
    page = matched[:size]
    if not page:
        return Response.json(200, {"meta": {"result_count": 0}})
    out = tweet_response(req, ctx.state, page, ctx.now)
    meta: dict[str, Any] = {
        "result_count": len(page),
        "newest_id": page[0].id,
        "oldest_id": page[-1].id,
    }
    if len(matched) > size:
        meta["next_token"] = next_token(page[-1].id)
    body: dict[str, Any] = {"data": out["data"]}
    if out["includes"]:
        body["includes"] = out["includes"]
    body["meta"] = meta
    charge_reads(ctx, body, "owned_read" if kind == "tweets" and user.id == ctx.user.id else
                 "post_read")  # fmt: skip
    resp = Response.json(200, body)
    resp.mutated = True  # the billing ledger
    return resp
