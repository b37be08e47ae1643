"""The X API v2 endpoints: routing, bearer auth, scopes, rate limits and X's standard headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from humasdesk.sandbox import media, oauth, problems, timelines, tweets
from humasdesk.sandbox.context import Ctx
from humasdesk.sandbox.fields import FIELD_PARAMS, USER_FIELDS, render_user, requested
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.ratelimit import RateLimiter
from humasdesk.sandbox.state import State

API_VERSION = "2.159"
Handler = Callable[..., Response]


def _me(ctx: Ctx, req: Request) -> Response:
    req.check_params(FIELD_PARAMS)
    fields = requested(req, "user.fields", USER_FIELDS)
    return Response.json(200, {"data": render_user(ctx.user, fields)})


def _mentions(ctx: Ctx, req: Request, user_id: str) -> Response:
    return timelines.timeline(ctx, req, user_id, "mentions")


def _user_tweets(ctx: Ctx, req: Request, user_id: str) -> Response:
    return timelines.timeline(ctx, req, user_id, "tweets")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    key: str  # rate-limit bucket, named like X's docs
    scope: str
    handler: Handler


def _r(method: str, path: str, scope: str, handler: Handler) -> Route:
    regex = "^" + path.replace(":id", "([^/]+)") + "$"
    return Route(method, re.compile(regex), f"{method} {path}", scope, handler)


ROUTES = (
    _r("GET", "/2/users/me", "users.read", _me),
    _r("POST", "/2/tweets", "tweet.write", tweets.create),
    _r("DELETE", "/2/tweets/:id", "tweet.write", tweets.delete),
    _r("GET", "/2/tweets/:id", "tweet.read", tweets.get),
    _r("GET", "/2/users/:id/tweets", "tweet.read", _user_tweets),
    _r("GET", "/2/users/:id/mentions", "tweet.read", _mentions),
    _r("POST", "/2/users/:id/retweets", "tweet.write", tweets.retweet),
    _r("POST", "/2/media/upload", "media.write", media.upload),
    _r("POST", "/2/media/metadata", "media.write", media.metadata),
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
        if route.scope not in token.scopes:
            raise problems.forbidden("Forbidden")
        resp = route.handler(Ctx(state, token, user, now), req, *args)
    except problems.ApiError as e:
        return Response.problem(e.status, e.body, {**headers, **e.headers})
    resp.headers = {**headers, **resp.headers}
    return resp
