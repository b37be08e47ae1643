"""The export signing key's fingerprint: one definition for signing, the signature
file, verification and every place that shows it."""

from __future__ import annotations

import hashlib


def fingerprint_of(public_key: bytes) -> str:
    """Lowercase hex SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()


def format_fingerprint(fingerprint: str, groups: int | None = None) -> str:
    """``3F2A 9C01 …``: upper-case hex in groups of four (all of them, or the first `groups`)."""
    fp = fingerprint.upper()
    parts = [fp[i : i + 4] for i in range(0, len(fp), 4)]
    if groups is not None and groups < len(parts):
        return " ".join(parts[:groups]) + " …"
    return " ".join(parts)
