"""The X API v2 endpoints: routing, bearer auth, scopes, rate limits and X's standard headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from humasdesk.sandbox import media, oauth, problems, timelines, tweets
from humasdesk.sandbox.billing import PAID_ROUTES, charge, depleted_problem
from humasdesk.sandbox.context import Ctx
from humasdesk.sandbox.fields import (
    USER_EXPANSIONS,
    USER_FIELDS,
    USER_PARAMS,
    check_lists,
    render_user,
    requested,
)
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.ratelimit import RateLimiter
from humasdesk.sandbox.state import State

API_VERSION = "2.159"
Handler = Callable[..., Response]


def _me(ctx: Ctx, req: Request) -> Response:
    req.check_params(USER_PARAMS)
    check_lists(req, expansions=USER_EXPANSIONS)
    fields = requested(req, "user.fields", USER_FIELDS)
    charge(ctx, "user_read", ctx.user.id)
    resp = Response.json(200, {"data": render_user(ctx.user, fields)})
    resp.mutated = True  # the billing ledger
    return resp


def _mentions(ctx: Ctx, req: Request, user_id: str) -> Response:
    return timelines.timeline(ctx, req, user_id, "mentions")


def _user_tweets(ctx: Ctx, req: Request, user_id: str) -> Response:
    return timelines.timeline(ctx, req, user_id, "tweets")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    key: str  # rate-limit bucket, named like X's docs
    scopes: tuple[str, ...]  # every one is needed (the operation's OAuth2UserToken security)
    handler: Handler


def _r(method: str, path: str, scopes: str, handler: Handler) -> Route:
    regex = "^" + path.replace(":id", "([^/]+)") + "$"
    return Route(method, re.compile(regex), f"{method} {path}", tuple(scopes.split()), handler)


READ = "tweet.read users.read"
WRITE = "tweet.read tweet.write users.read"
MEDIA = "media.write"

# Scopes as openapi-2.159 lists them per operation (tests/sandbox checks them against it).
ROUTES = (
    _r("GET", "/2/users/me", READ, _me),
    _r("POST", "/2/tweets", WRITE, tweets.create),
    _r("DELETE", "/2/tweets/:id", WRITE, tweets.delete),
    _r("GET", "/2/tweets/:id", READ, tweets.get),
    _r("GET", "/2/tweets", READ, tweets.lookup),
    _r("GET", "/2/users/:id/tweets", READ, _user_tweets),
    _r("GET", "/2/users/:id/mentions", READ, _mentions),
    _r("POST", "/2/users/:id/retweets", WRITE, tweets.retweet),
    _r("POST", "/2/media/upload/initialize", MEDIA, media.initialize),
    _r("POST", "/2/media/upload/:id/append", MEDIA, media.append),
    _r("POST", "/2/media/upload/:id/finalize", MEDIA, media.finalize),
    _r("GET", "/2/media/upload", MEDIA, media.status),
    _r("POST", "/2/media/upload", MEDIA, media.upload),
    _r("POST", "/2/media/metadata", MEDIA, media.metadata),
)


def _standard(headers: dict[str, str]) -> dict[str, str]:
    headers.setdefault("api-version", API_VERSION)
    headers.setdefault("x-access-level", "read-write")
    headers.setdefault("cache-control", "no-cache, no-store, max-age=0")
    return headers


def dispatch(state: State, limiter: RateLimiter, req: Request, now: float) -> Response:
    route, args = None, ()
    for r in ROUTES:
        m = r.pattern.match(req.path)
        if m and r.method == req.method:
            route, args = r, m.groups()
            break
    if route is None:
        window = RateLimiter.fresh("", now)
        resp = Response.problem(404, problems.generic(404), window.headers())
        resp.headers = _standard(resp.headers)
        return resp
    token = oauth.authenticate(state, req.header("authorization"), now)
    if token is None:
        window = RateLimiter.fresh(route.key, now)
        err = problems.unauthorized()
        return Response.problem(err.status, err.body, _standard(window.headers()))
    user = state.users[token.user_id]
    allowed, window = limiter.hit(user.id, route.key, now)
    headers = _standard(window.headers())
    if not allowed:
        return Response.problem(429, problems.too_many_requests(), headers)
    try:
        if any(scope not in token.scopes for scope in route.scopes):
            raise problems.forbidden("Forbidden")
        if route.key in PAID_ROUTES and state.billing.depleted:
            return Response.problem(402, depleted_problem(token.client_id), headers)
        resp = route.handler(Ctx(state, token, user, now), req, *args)
    except problems.ApiError as e:
        return Response.problem(e.status, e.body, {**headers, **e.headers})
    resp.headers = {**headers, **resp.headers}
    return resp
