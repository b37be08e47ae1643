"""HTTP side of OAuth: the authorize page and form, the token and revoke endpoints."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote

from humasdesk.sandbox import consent, oauth
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.state import State

AUTHORIZE_PATH = "/i/oauth2/authorize"
TOKEN_PATH = "/2/oauth2/token"  # noqa: S105 - a path, not a secret
REVOKE_PATH = "/2/oauth2/revoke"


def _flat(query: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in query.items()}


def authorize(state: State, req: Request, now: float) -> Response:
    params = _flat(req.query) if req.method == "GET" else req.form()
    try:
        areq = oauth.parse_authorize(params)
    except oauth.AuthorizeError as e:
        return Response.html(400, consent.error_page(str(e)))
    if req.method == "POST" and params.get("decision") != "allow":
        return Response.redirect(
            oauth.redirect_with(areq.redirect_uri, {"error": "access_denied", "state": areq.state})
        )
    handle = params.get("sandbox_user")
    if req.method == "GET" and not handle:
        staff = [u for u in state.users.values() if u.staff]
        return Response.html(200, consent.consent_page(areq, staff))
    user = state.user_by_handle(handle or "")
    if user is None:
        return Response.html(400, consent.error_page("Akun sandbox tidak dikenal."))
    code = oauth.issue_code(state, areq, user, now)
    return Response.redirect(
        oauth.redirect_with(areq.redirect_uri, {"code": code, "state": areq.state})
    )


def _client_id(req: Request, form: dict[str, str]) -> str:
    auth = req.header("authorization") or ""
    if auth.startswith("Basic "):
        try:
            decoded = base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise oauth.TokenError("invalid_request", "Malformed Basic authorization.") from None
        return unquote(decoded.partition(":")[0])
    return form.get("client_id", "")


def _oauth_error(e: oauth.TokenError) -> Response:
    return Response.json(400, {"error": e.error, "error_description": e.description})


def token(state: State, req: Request, now: float) -> Response:
    form = req.form()
    try:
        client_id = _client_id(req, form)
        if not client_id:
            raise oauth.TokenError("invalid_request", "Missing required parameter [client_id].")
        grant = form.get("grant_type", "")
        if grant == "authorization_code":
            body = oauth.exchange_code(state, form, client_id, now)
        elif grant == "refresh_token":
            body = oauth.refresh(state, form, client_id, now)
        else:
            raise oauth.TokenError("invalid_request", "Unsupported grant_type.")
    except oauth.TokenError as e:
        resp = _oauth_error(e)
        resp.mutated = True  # a failed exchange still spends the code / may rotate nothing
        return resp
    resp = Response.json(200, body)
    resp.headers["cache-control"] = "no-store"
    resp.mutated = True
    return resp


def revoke(state: State, req: Request) -> Response:
    form = req.form()
    try:
        if not _client_id(req, form):
            raise oauth.TokenError("invalid_request", "Missing required parameter [client_id].")
        if not form.get("token"):
            raise oauth.TokenError("invalid_request", "Missing required parameter [token].")
    except oauth.TokenError as e:
        return _oauth_error(e)
    oauth.revoke(state, form["token"])
    resp = Response.json(200, {"revoked": True})
    resp.mutated = True
    return resp
