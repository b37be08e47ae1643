"""The control API under /_sandbox/: reset, inject mentions and faults, inspect, move the clock;
post, edit and delete as X's own app would (``/_sandbox/posts``)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from humasdesk.sandbox import problems
from humasdesk.sandbox.faults import Fault
from humasdesk.sandbox.fields import public_metrics
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.state import State, User
from humasdesk.sandbox.tweets import DUPLICATE, add_post, check_text, mentions

if TYPE_CHECKING:
    from humasdesk.sandbox.engine import Engine

HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
PREFIX = "/_sandbox/"


def _bad(detail: str) -> problems.ApiError:
    return problems.ApiError(400, problems.generic(400, detail))


def _post_json(state: State, post_id: str, now: float | None = None) -> dict[str, Any]:
    p = state.posts[post_id]
    author = state.users[p.author_id]
    out: dict[str, Any] = {
        "id": p.id,
        "text": p.text,
        "author_id": p.author_id,
        "author_username": author.username,
        "created_at": p.created_at,
        "conversation_id": p.conversation_id,
    }
    if p.in_reply_to_user_id:
        out["in_reply_to_user_id"] = p.in_reply_to_user_id
    if p.referenced_tweets:
        out["referenced_tweets"] = p.referenced_tweets
    if p.media_keys:
        out["media_keys"] = p.media_keys
    out["edit_history_tweet_ids"] = list(p.edit_history or [p.id])
    if p.edited_to:
        out["edited_to"] = p.edited_to
    if now is not None:  # what X shows now: a test compares the desk's figures with it
        out["public_metrics"] = public_metrics(p, state, now)
    return out


def _citizen(state: State, handle: str, now: float) -> User:
    """The sender of an injected mention; unknown handles become new citizen accounts."""
    user = state.user_by_handle(handle)
    if user is not None:
        return user
    if not HANDLE_RE.match(handle):
        raise _bad("`from` must be an X handle (letters, digits, _; at most 15).")
    uid = state.ids.make(now)
    user = User(id=uid, username=handle, name=handle, created_at="2020-01-01T00:00:00.000Z")
    state.users[uid] = user
    return user


def _mention(engine: Engine, req: Request) -> Response:
    state, now = engine.state, engine.now()
    body = req.json()
    target = state.user_by_handle(str(body.get("to", "")))
    if target is None:
        raise _bad("`to` must be a sandbox account.")
    sender = _citizen(state, str(body.get("from", "")).lstrip("@"), now)
    text = str(body.get("text", ""))
    if not mentions(text, target.username):
        text = f"@{target.username} {text}"
    check_text(text)
    extra: dict[str, Any] = {"referenced_tweets": []}
    reply_to = body.get("in_reply_to_tweet_id")
    if reply_to:
        parent = state.posts.get(str(reply_to))
        if parent is None:
            raise _bad("`in_reply_to_tweet_id` is not a sandbox post.")
        extra["referenced_tweets"].append({"type": "replied_to", "id": parent.id})
        extra["in_reply_to_user_id"] = parent.author_id
        extra["conversation_id"] = parent.conversation_id
    quote = body.get("quote_tweet_id")
    if quote:
        if str(quote) not in state.posts:
            raise _bad("`quote_tweet_id` is not a sandbox post.")
        extra["referenced_tweets"].append({"type": "quoted", "id": str(quote)})
    post = add_post(state, sender, text, now, **extra)
    resp = Response.json(201, {"data": _post_json(state, post.id)})
    resp.mutated = True
    return resp


def _posts(engine: Engine, req: Request) -> Response:
    state = engine.state
    ids = sorted(state.posts, key=int, reverse=True)
    author = req.q("author")
    if author:
        user = state.user_by_handle(author)
        ids = [i for i in ids if user is not None and state.posts[i].author_id == user.id]
    now = engine.now()
    return Response.json(200, {"data": [_post_json(state, i, now) for i in ids]})


def _create_post(engine: Engine, req: Request) -> Response:
    """Post as X's own app would (the phone, x.com): ``{"author": handle, "text": …,
    "reply_to": id?, "quote_of": id?, "repost_of": id?, "edit_of": id?}``. Nothing is
    billed (the developer app did not make the call). ``edit_of`` makes a new version of
    one of the author's posts, as X's edit button does (both ids in the edit history)."""
    state, now = engine.state, engine.now()
    body = req.json()
    author = state.user_by_handle(str(body.get("author", "")))
    if author is None:
        raise _bad("`author` must be a sandbox account.")

    def parent(name: str) -> Any:
        value = body.get(name)
        if value is None:
            return None
        found = state.posts.get(str(value))
        if found is None:
            raise _bad(f"`{name}` is not a sandbox post.")
        return found

    source = parent("repost_of")
    if source is not None:
        src_author = state.users[source.author_id]
        post = add_post(state, author, f"RT @{src_author.username}: {source.text}", now,
                        referenced_tweets=[{"type": "retweeted", "id": source.id}])  # fmt: skip
        resp = Response.json(201, {"data": _post_json(state, post.id, now)})
        resp.mutated = True
        return resp
    text = check_text(body.get("text"))
    extra: dict[str, Any] = {"referenced_tweets": []}
    old = parent("edit_of")
    if old is not None:
        if old.author_id != author.id:
            raise _bad("`edit_of` must be one of the author's own posts.")
        if old.edited_to is not None:
            raise _bad("`edit_of` has been edited already; edit its newest version.")
        extra["referenced_tweets"] = list(old.referenced_tweets)
        extra["in_reply_to_user_id"] = old.in_reply_to_user_id
        extra["conversation_id"] = old.conversation_id
    reply = parent("reply_to")
    if reply is not None:
        extra["referenced_tweets"].append({"type": "replied_to", "id": reply.id})
        extra["in_reply_to_user_id"] = reply.author_id
        extra["conversation_id"] = reply.conversation_id
    quote = parent("quote_of")
    if quote is not None:
        extra["referenced_tweets"].append({"type": "quoted", "id": quote.id})
    if old is None and any(
        p.author_id == author.id and p.text == text for p in state.posts.values()
    ):
        raise problems.forbidden(DUPLICATE)
    post = add_post(state, author, text, now, **extra)
    if old is not None:
        post.edit_history = [*(old.edit_history or [old.id]), post.id]
        old.edited_to = post.id
    resp = Response.json(201, {"data": _post_json(state, post.id, now)})
    resp.mutated = True
    return resp


def _delete_post(engine: Engine, req: Request, post_id: str) -> Response:
    """Delete as X's own app would: the post is gone (reads say it is not found)."""
    if engine.state.posts.pop(post_id, None) is None:
        return Response.problem(404, problems.generic(404, "No such sandbox post."))
    resp = Response.json(200, {"data": {"deleted": True}})
    resp.mutated = True
    return resp


def _tokens(engine: Engine, req: Request) -> Response:
    """Every access and refresh token issued since this sandbox process started.

    Only digests are saved, so tokens issued before a restart still work but are not listed.
    """
    s = engine.state
    data = {"access_tokens": list(s.issued_access), "refresh_tokens": list(s.issued_refresh)}
    return Response.json(200, {"data": data})


def _users(engine: Engine, req: Request) -> Response:
    users = [{**u.public(), "staff": u.staff} for u in engine.state.users.values()]
    return Response.json(200, {"data": users})


def _faults(engine: Engine, req: Request) -> Response:
    if req.method == "GET":
        return Response.json(200, {"data": [f.to_json() for f in engine.faults.pending()]})
    if req.method == "DELETE":
        engine.faults.clear()
        return Response.json(200, {"data": []})
    try:
        fault = Fault.from_json(req.json())
    except (TypeError, ValueError) as e:
        raise _bad(str(e)) from None
    engine.faults.add(fault)
    return Response.json(201, {"data": fault.to_json()})


def _clock(engine: Engine, req: Request) -> Response:
    if req.method == "POST":
        try:
            engine.advance(float(req.json().get("advance_s", 0)))
        except (TypeError, ValueError):
            raise _bad("`advance_s` must be a number of seconds.") from None
    return Response.json(200, {"data": {"now": engine.now()}})


def _credits(engine: Engine, req: Request) -> Response:
    """The developer account's balance: ``{"balance": "0"}`` drains it (paid calls then
    answer 402), ``{"balance": "5.00"}`` tops it up, ``{"balance": null}`` is unlimited."""
    billing = engine.state.billing
    if req.method == "POST":
        body = req.json()
        if "balance" not in body:
            raise _bad("`balance` is required: US dollars as a string, or null for unlimited.")
        raw = body["balance"]
        if raw is None:
            billing.balance = None
        else:
            try:
                billing.balance = str(Decimal(str(raw)))
            except ArithmeticError:
                raise _bad("`balance` must be a decimal number of US dollars.") from None
    resp = Response.json(200, {"data": {"balance": billing.balance,
                                        "depleted": billing.depleted}})  # fmt: skip
    resp.mutated = req.method == "POST"
    return resp


def _billing(engine: Engine, req: Request) -> Response:
    return Response.json(200, {"data": engine.state.billing.report()})


def _media(engine: Engine, req: Request) -> Response:
    """Every uploaded media with its alt text and how it travelled (APPENDs, bytes)."""
    now = engine.now()
    data = []
    for m in engine.state.media.values():
        item = {
            "id": m.id, "media_key": m.media_key, "owner_id": m.owner_id, "size": m.size,
            "mime": m.mime, "category": m.category, "chunked": m.chunked,
            "appends": m.appends, "bytes_received": m.bytes_received,
            "alt_text": m.alt_text, "width": m.width, "height": m.height,
            "processed": now >= m.processed_at,
        }  # fmt: skip
        data.append(item)
    uploads = [
        {"id": u.id, "owner_id": u.owner_id, "appends": u.appends,
         "bytes_received": u.bytes_received, "total_bytes": u.total_bytes}
        for u in engine.state.uploads.values()
    ]  # fmt: skip
    return Response.json(200, {"data": data, "meta": {"uploads_in_progress": uploads}})


def _reset(engine: Engine, req: Request) -> Response:
    engine.reset_locked()
    return Response.json(200, {"data": {"reset": True}})


ROUTES = {
    ("POST", "reset"): _reset,
    ("POST", "mentions"): _mention,
    ("POST", "faults"): _faults,
    ("GET", "faults"): _faults,
    ("DELETE", "faults"): _faults,
    ("GET", "posts"): _posts,
    ("POST", "posts"): _create_post,
    ("GET", "tokens"): _tokens,
    ("GET", "users"): _users,
    ("GET", "clock"): _clock,
    ("GET", "credits"): _credits,
    ("POST", "credits"): _credits,
    ("GET", "billing"): _billing,
    ("GET", "media"): _media,
    ("POST", "clock"): _clock,
}


def handle(engine: Engine, req: Request) -> Response:
    name = req.path[len(PREFIX) :].rstrip("/")
    fn = ROUTES.get((req.method, name))
    try:
        if fn is None and req.method == "DELETE" and name.startswith("posts/"):
            return _delete_post(engine, req, name[len("posts/") :])
        if fn is None:
            return Response.problem(404, problems.generic(404))
        return fn(engine, req)
    except problems.ApiError as e:
        return Response.problem(e.status, e.body)
