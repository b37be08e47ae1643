"""The supervisor's register of trusted keys: ``trusted-keys.json`` in the data folder.

A small, readable JSON file (an auditor can open it)::

    {"format": "humasdesk-trusted-keys", "version": 1,
     "keys": [ TrustedKey.to_dict(), ... ]}

Written whole to a temporary file in the same folder, fsynced, renamed (never half a
register); read-modify-write happens under an exclusive lock on ``trusted-keys.json.lock``
where the OS has one (the window and a command line may change it at the same time). A
register from a newer version is refused, not rewritten. Entries are never removed: a key
that should no longer vouch for exports is *retired* from a day on, so old exports it signed
still verify for their own period.

Errors are `KeyRegisterError` with a `code` (``already_registered``, ``not_found``,
``ambiguous``, ``bad_fingerprint``, ``bad_name``, ``retire_before_start``,
``already_retired``, ``unreadable``, ``too_new``) the command line and the window turn into
their own text; `params` holds what that text needs.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from humasdesk.core.activity import format_ts
from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.core.rekap import (
    FINGERPRINT_HEX,
    MAX_NAME_LENGTH,
    MIN_PREFIX_HEX,
    TrustedKey,
    normalise_fingerprint,
)

REGISTER_FILENAME = "trusted-keys.json"
REGISTER_FORMAT = "humasdesk-trusted-keys"
REGISTER_VERSION = 1


class KeyRegisterError(Exception):
    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def _check_name(label: str, value: str, *, required: bool) -> str:
    value = value.strip()
    if required and not value:
        raise KeyRegisterError("bad_name", f"the {label} must not be empty", field=label)
    if len(value) > MAX_NAME_LENGTH or any(not ch.isprintable() for ch in value):
        raise KeyRegisterError(
            "bad_name",
            f"the {label} must be one line of at most {MAX_NAME_LENGTH} characters",
            field=label,
        )
    return value


class TrustedKeys:
    """The register at `path` (see the module docstring). `clock` stamps changes."""

    def __init__(
        self, path: str | os.PathLike[str], clock: Callable[[], datetime] | None = None
    ) -> None:
        self.path = Path(path)
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- reading ---------------------------------------------------------------------------
    def list(self) -> list[TrustedKey]:
        """Every entry, in the order added (an absent register is empty)."""
        return self._read()

    def find(self, fingerprint: str) -> TrustedKey | None:
        """The entry for exactly this fingerprint (lowercase hex), or None."""
        return next((k for k in self._read() if k.fingerprint == fingerprint), None)

    def lookup(self, text: str) -> TrustedKey:
        """The one entry a typed fingerprint names: all 64 hex digits, or a prefix of at
        least 16 (as `keys list` shows), in any grouping."""
        fp = normalise_fingerprint(text)
        if fp is None or len(fp) < MIN_PREFIX_HEX:
            raise KeyRegisterError(
                "bad_fingerprint",
                f"a fingerprint is {FINGERPRINT_HEX} hex digits (at least {MIN_PREFIX_HEX})",
                text=text,
            )
        found = [k for k in self._read() if k.fingerprint.startswith(fp)]
        if not found:
            raise KeyRegisterError("not_found", "no such key in the register", text=text)
        if len(found) > 1:
            raise KeyRegisterError("ambiguous", "more than one key starts so", text=text)
        return found[0]

    def _read(self) -> list[TrustedKey]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise KeyRegisterError(
                "unreadable", f"cannot read the register: {exc.strerror}"
            ) from None
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict) or doc.get("format") != REGISTER_FORMAT:
                raise ValueError("not a register")
            version = doc.get("version")
            if isinstance(version, int) and version > REGISTER_VERSION:
                raise KeyRegisterError(
                    "too_new", "the register was written by a newer HumasDesk", version=version
                )
            if version != REGISTER_VERSION or not isinstance(doc.get("keys"), list):
                raise ValueError("not a register")
            return [TrustedKey.from_dict(k) for k in doc["keys"]]
        except KeyRegisterError:
            raise
        except (ValueError, KeyError, TypeError, UnicodeError):
            raise KeyRegisterError("unreadable", "the register file is damaged") from None

    # -- changing --------------------------------------------------------------------------
    def add(
        self,
        *,
        name: str,
        unit: str,
        public_key: bytes | None = None,
        fingerprint: str | None = None,
        account: str = "",
        valid_from: date | None = None,
    ) -> TrustedKey:
        """Register an official's key: from the raw public key (their ``signing-key.pub``)
        or from the full fingerprint typed from their report."""
        name = _check_name("name", name, required=True)
        unit = _check_name("unit", unit, required=True)
        account = _check_name("account", account, required=False)
        if account and not account.startswith("@"):
            account = "@" + account
        if public_key is not None:
            fp = fingerprint_of(public_key)
            if fingerprint is not None and normalise_fingerprint(fingerprint) != fp:
                raise KeyRegisterError(
                    "bad_fingerprint", "the fingerprint is not the key's", text=fingerprint
                )
            encoded: str | None = base64.b64encode(public_key).decode("ascii")
        else:
            fp = normalise_fingerprint(fingerprint or "") or ""
            if len(fp) != FINGERPRINT_HEX:
                raise KeyRegisterError(
                    "bad_fingerprint",
                    f"a fingerprint is {FINGERPRINT_HEX} hex digits",
                    text=fingerprint or "",
                )
            encoded = None
        key = TrustedKey(
            fingerprint=fp,
            name=name,
            unit=unit,
            account=account,
            public_key=encoded,
            valid_from=valid_from,
            added_at=format_ts(self._clock()),
        )
        with self._changing() as keys:
            existing = next((k for k in keys if k.fingerprint == fp), None)
            if existing is not None:
                raise KeyRegisterError(
                    "already_registered",
                    "this key is already in the register",
                    name=existing.name,
                    unit=existing.unit,
                )
            keys.append(key)
        return key

    def retire(self, fingerprint: str, from_day: date) -> TrustedKey:
        """The key no longer vouches for activity from `from_day` on (its own earlier
        exports still verify for their period)."""
        target = self.lookup(fingerprint)
        with self._changing() as keys:
            i = next(i for i, k in enumerate(keys) if k.fingerprint == target.fingerprint)
            key = keys[i]
            if key.valid_from is not None and from_day <= key.valid_from:
                raise KeyRegisterError(
                    "retire_before_start",
                    "the key would never have been valid",
                    valid_from=key.valid_from,
                )
            if key.valid_until is not None and key.valid_until <= from_day:
                raise KeyRegisterError(
                    "already_retired", "the key is already retired", valid_until=key.valid_until
                )
            keys[i] = replace(key, valid_until=from_day, retired_at=format_ts(self._clock()))
            return keys[i]

    @contextlib.contextmanager
    def _changing(self) -> Iterator[list[TrustedKey]]:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with _locked(self.path.with_name(self.path.name + ".lock")):
            keys = self._read()
            yield keys
            self._write(keys)

    def _write(self, keys: list[TrustedKey]) -> None:
        doc = {
            "format": REGISTER_FORMAT,
            "version": REGISTER_VERSION,
            "keys": [k.to_dict() for k in keys],
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".trusted-keys.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: one writer at a time is the user's to keep
        yield
        return
    with open(path, "a+b") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
