"""`POST /2/media/upload` (one-shot, multipart or JSON/base64) and `/2/media/metadata`."""

from __future__ import annotations

import base64
import binascii
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP

from humasdesk.sandbox import problems
from humasdesk.sandbox.context import Ctx
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.state import Media

EXPIRES_AFTER_S = 86400
IMAGE_MAX = 5 * 1024 * 1024
GIF_MAX = 15 * 1024 * 1024
ALT_TEXT_MAX = 1000
CATEGORIES = frozenset({"tweet_image", "tweet_gif", "dm_image", "dm_gif"})


def sniff(data: bytes) -> str | None:
    """The image type by magic bytes; the declared type is not trusted."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _multipart(req: Request) -> tuple[bytes | None, str | None]:
    head = f"Content-Type: {req.header('content-type')}\r\n\r\n".encode("latin-1", "replace")
    msg = BytesParser(policy=HTTP).parsebytes(head + req.body)
    if not msg.is_multipart():
        raise problems.invalid_request("The multipart body could not be read.")
    data: bytes | None = None
    category: str | None = None
    part: Message
    for part in msg.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if name == "media":
            data = payload
        elif name == "media_category":
            category = payload.decode("utf-8", "replace").strip()
    return data, category


def _json(req: Request) -> tuple[bytes | None, str | None]:
    body = req.json()
    raw = body.get("media")
    if raw is None:
        return None, body.get("media_category")
    try:
        return base64.b64decode(str(raw), validate=True), body.get("media_category")
    except (binascii.Error, ValueError):
        raise problems.invalid_request("`media` must be base64.", {"media": ["..."]}) from None


def upload(ctx: Ctx, req: Request) -> Response:
    ctype = (req.header("content-type") or "").lower()
    if ctype.startswith("multipart/form-data"):
        data, category = _multipart(req)
    elif ctype.startswith("application/json"):
        data, category = _json(req)
    else:
        raise problems.invalid_request("Send the media as multipart/form-data or JSON.")
    if not data:
        raise problems.invalid_request("The `media` field is required.", {"media": [""]})
    if category not in CATEGORIES:
        raise problems.invalid_request(
            f"The `media_category` value [{category}] is not one of "
            f"[{','.join(sorted(CATEGORIES))}]",
            {"media_category": [str(category)]},
        )
    mime = sniff(data)
    if mime is None:
        raise problems.invalid_request("Unsupported media type: use PNG, JPEG, GIF or WebP.")
    limit = GIF_MAX if mime == "image/gif" else IMAGE_MAX
    if len(data) > limit:
        raise problems.invalid_request(
            f"File size exceeds {limit // (1024 * 1024)} MB for {mime}.", {"media": [mime]}
        )
    mid = ctx.state.ids.make(ctx.now)
    m = Media(
        id=mid,
        media_key=f"3_{mid}",
        owner_id=ctx.user.id,
        size=len(data),
        mime=mime,
        expires_at=ctx.now + EXPIRES_AFTER_S,
    )
    ctx.state.media[mid] = m
    body = {
        "data": {
            "id": m.id,
            "media_key": m.media_key,
            "size": m.size,
            "expires_after_secs": EXPIRES_AFTER_S,
        }
    }
    resp = Response.json(200, body)
    resp.mutated = True
    return resp


def metadata(ctx: Ctx, req: Request) -> Response:
    body = req.json()
    mid = str(body.get("id", ""))
    m = ctx.state.media.get(mid)
    if m is None or m.expires_at <= ctx.now:
        raise problems.invalid_request(f"Media id [{mid}] was not found.", {"id": [mid]})
    if m.owner_id != ctx.user.id:
        raise problems.forbidden("You are not permitted to change this media.")
    meta = body.get("metadata")
    alt = meta.get("alt_text") if isinstance(meta, dict) else None
    text = alt.get("text") if isinstance(alt, dict) else None
    if not isinstance(text, str):
        raise problems.invalid_request(
            "`metadata.alt_text.text` is required.", {"metadata.alt_text.text": [""]}
        )
    if len(text) > ALT_TEXT_MAX:
        raise problems.invalid_request(
            f"Alt text is longer than {ALT_TEXT_MAX} characters.",
            {"metadata.alt_text.text": [str(len(text))]},
        )
    m.alt_text = text
    data = {"id": m.id, "associated_metadata": {"alt_text": {"text": text}}}
    resp = Response.json(200, {"data": data})
    resp.mutated = True
    return resp
