"""The JSON form of one slot's secret. Errors never quote the secret."""

from __future__ import annotations

import json
import math
from typing import Any

from humasdesk.core.models import Slot, TokenSet

from .errors import CorruptSecret

FORMAT_VERSION = 1
_FIELDS = ("access_token", "refresh_token", "expires_at", "scopes", "user_id", "username")


def encode(tokens: TokenSet) -> str:
    if not isinstance(tokens, TokenSet):
        raise TypeError(f"expected TokenSet, got {type(tokens).__name__}")
    if not isinstance(tokens.access_token, str) or not tokens.access_token:
        raise ValueError("TokenSet.access_token must be a non-empty string")
    if isinstance(tokens.expires_at, bool) or not isinstance(tokens.expires_at, int | float):
        raise ValueError("TokenSet.expires_at must be a number")
    if not math.isfinite(tokens.expires_at):
        raise ValueError("TokenSet.expires_at must be finite")
    return json.dumps(
        {
            "v": FORMAT_VERSION,
            "access_token": tokens.access_token,
            "refresh_token": tokens.refresh_token,
            "expires_at": float(tokens.expires_at),
            "scopes": list(tokens.scopes),
            "user_id": tokens.user_id,
            "username": tokens.username,
        },
        separators=(",", ":"),
        sort_keys=True,
    )


def _opt_str(data: dict[str, Any], key: str, slot: Slot) -> str | None:
    value = data[key]
    if value is not None and not isinstance(value, str):
        raise CorruptSecret(slot, f"field '{key}' has the wrong type")
    return value


def decode(slot: Slot, text: str) -> TokenSet:
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        # JSONDecodeError keeps the whole document in .doc: never chain it.
        raise CorruptSecret(slot, "not valid JSON") from None
    if not isinstance(data, dict):
        raise CorruptSecret(slot, "not a JSON object")
    if data.get("v") != FORMAT_VERSION:
        raise CorruptSecret(slot, "unknown format version")
    missing = [f for f in _FIELDS if f not in data]
    if missing:
        raise CorruptSecret(slot, "missing field(s): " + ", ".join(missing))
    access = data["access_token"]
    if not isinstance(access, str) or not access:
        raise CorruptSecret(slot, "field 'access_token' is empty or has the wrong type")
    expires = data["expires_at"]
    if isinstance(expires, bool) or not isinstance(expires, int | float):
        raise CorruptSecret(slot, "field 'expires_at' has the wrong type")
    if not math.isfinite(expires):
        raise CorruptSecret(slot, "field 'expires_at' is not a finite number")
    scopes = data["scopes"]
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise CorruptSecret(slot, "field 'scopes' has the wrong type")
    return TokenSet(
        access_token=access,
        refresh_token=_opt_str(data, "refresh_token", slot),
        expires_at=float(expires),
        scopes=tuple(scopes),
        user_id=_opt_str(data, "user_id", slot),
        username=_opt_str(data, "username", slot),
    )
