"""The sandbox's data (accounts, posts, media, tokens) and its JSON persistence.

Tokens are never kept in plaintext in the state file: an access or refresh token is stored and
looked up by the SHA-256 digest (hex) of the token string, see :func:`token_digest`. The
plaintext of the tokens issued since this process started is kept in memory only (for
``GET /_sandbox/tokens``); authorization codes are in memory only and keyed by digest too.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from humasdesk.sandbox.billing import Billing
from humasdesk.sandbox.ids import IdMaker

STATE_VERSION = 2  # 2: tokens by digest; 1 (plaintext `token` fields) is migrated on load
_READABLE_VERSIONS = (1, STATE_VERSION)


def token_digest(token: str) -> str:
    """The SHA-256 of a token (UTF-8), as lowercase hex: the only form that is persisted."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class User:
    id: str
    username: str
    name: str
    created_at: str
    description: str = ""
    staff: bool = False  # staff accounts are offered on the consent page

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "username": self.username}


@dataclass
class Post:
    id: str
    text: str
    author_id: str
    created_at: str
    conversation_id: str
    in_reply_to_user_id: str | None = None
    referenced_tweets: list[dict[str, str]] = field(default_factory=list)
    media_keys: list[str] = field(default_factory=list)
    # X's edit chain: every version's id, oldest first (a post never edited: just its own).
    edit_history: list[str] = field(default_factory=list)
    edited_to: str | None = None  # a newer version replaced this one (X shows that one)

    def ref(self, kind: str) -> str | None:
        return next((r["id"] for r in self.referenced_tweets if r["type"] == kind), None)


@dataclass
class Media:
    id: str
    media_key: str
    owner_id: str
    size: int
    mime: str
    expires_at: float
    alt_text: str | None = None
    width: int | None = None
    height: int | None = None
    category: str = "tweet_image"
    # X processes GIFs and video after FINALIZE: attachable once `processed_at` has passed.
    processed_at: float = 0.0
    chunked: bool = False
    appends: int = 0  # APPEND requests it took (a resent segment counts again)
    bytes_received: int = 0  # bytes over the wire, resent segments included


@dataclass
class Upload:
    """A chunked upload between INITIALIZE and FINALIZE; memory only (its bytes too)."""

    id: str
    owner_id: str
    media_type: str
    category: str
    total_bytes: int
    expires_at: float
    segments: dict[int, bytes] = field(default_factory=dict)
    appends: int = 0  # APPEND requests received, the resent ones included
    bytes_received: int = 0


@dataclass
class AccessToken:
    digest: str  # token_digest(the bearer token); the token itself is never stored
    user_id: str
    client_id: str
    scopes: list[str]
    expires_at: float
    grant_id: str
    revoked: bool = False


@dataclass
class RefreshToken:
    digest: str  # token_digest(the refresh token)
    user_id: str
    client_id: str
    scopes: list[str]
    grant_id: str
    valid: bool = True  # False once rotated or revoked


@dataclass
class AuthCode:
    """Not persisted: a code lives 30 s. Kept by digest, like the tokens."""

    digest: str
    client_id: str
    redirect_uri: str
    scopes: list[str]
    challenge: str
    user_id: str
    issued_at: float
    used: bool = False


@dataclass
class State:
    users: dict[str, User] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    media: dict[str, Media] = field(default_factory=dict)
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    ids: IdMaker = field(default_factory=IdMaker)
    billing: Billing = field(default_factory=Billing)
    codes: dict[str, AuthCode] = field(default_factory=dict)  # by digest; memory only
    uploads: dict[str, Upload] = field(default_factory=dict)  # chunked, in progress; memory only
    # Plaintext of every token issued since this process started, for GET /_sandbox/tokens.
    # Memory only: never saved, so after a restart it lists only the tokens issued since then.
    issued_access: list[str] = field(default_factory=list)
    issued_refresh: list[str] = field(default_factory=list)

    def user_by_handle(self, handle: str) -> User | None:
        h = handle.lstrip("@").lower()
        return next((u for u in self.users.values() if u.username.lower() == h), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "last_id": self.ids.last,
            "users": [asdict(u) for u in self.users.values()],
            "posts": [asdict(p) for p in self.posts.values()],
            "media": [asdict(m) for m in self.media.values()],
            "access_tokens": [asdict(t) for t in self.access_tokens.values()],
            "refresh_tokens": [asdict(t) for t in self.refresh_tokens.values()],
            "billing": self.billing.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        if data.get("version") not in _READABLE_VERSIONS:
            raise ValueError(f"unknown sandbox state version {data.get('version')!r}")
        access = [AccessToken(**_digested(t)) for t in data["access_tokens"]]
        refresh = [RefreshToken(**_digested(t)) for t in data["refresh_tokens"]]
        return cls(
            users={u["id"]: User(**u) for u in data["users"]},
            posts={p["id"]: Post(**p) for p in data["posts"]},
            media={m["id"]: Media(**m) for m in data["media"]},
            access_tokens={t.digest: t for t in access},
            refresh_tokens={t.digest: t for t in refresh},
            ids=IdMaker(int(data["last_id"])),
            billing=Billing.from_json(data.get("billing")),
        )


def _digested(record: dict[str, Any]) -> dict[str, Any]:
    """A token record in the current form: a version-1 plaintext `token` becomes its digest."""
    out = dict(record)
    plain = out.pop("token", None)
    if "digest" not in out:
        if not isinstance(plain, str):
            raise ValueError("sandbox state: a token record has neither `digest` nor `token`")
        out["digest"] = token_digest(plain)
    return out


def save_state(state: State, path: Path) -> None:
    """Write atomically (temp file + os.replace) so a crash never leaves half a file.

    The file holds sandbox token digests (never the tokens), and is private to the user (0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(state.to_json(), f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_state(path: Path) -> State | None:
    if not path.exists():
        return None
    return State.from_json(json.loads(path.read_text(encoding="utf-8")))
