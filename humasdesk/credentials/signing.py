"""The desk's export-signing key: an Ed25519 key pair whose private half lives only in the
OS keyring.

* Keyring entry: service `service` (default ``humasdesk``), username
  ``export-signing-key``, secret = base64 of the raw 32-byte Ed25519 private key.
* Made on first use (`ensure()`, or any of `public_key_bytes`, `fingerprint`, `sign`).
  With no secure keyring (none, locked, insecure backend — the same vetting as
  `TokenStore`) `SecureStorageUnavailable` is raised: the private key is never written to a
  file, and nothing is signed.
* The public key is not secret: it is also written to `public_key_path` (normally
  ``<data dir>/signing-key.pub``, one line ``ed25519 <base64> humasdesk-export``) so that
  ``humasdesk verify`` on this laptop can say "signed by this desk's key" without the
  keyring. The keyring is the truth: a different file there is replaced.
* No secure keyring, and a `SessionSigningKey` given: the export is signed with that key,
  made in memory for this session of the desk and never written anywhere (`session_only`
  is then True). The signature still proves that the file was not changed after it was
  made, but it cannot be checked against the desk's saved key: the desk and the report say
  so, and the public key is not written to `public_key_path` (that file names the saved key).
* Fingerprint: lowercase hex SHA-256 of the raw public key; `fingerprint_display` groups it
  (``3F2A 9C01 …``) for the settings page and the PDF report.

Calls may block (an unlock prompt): call them off the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from humasdesk.core.errors import SecretUnavailable
from humasdesk.core.fingerprint import fingerprint_of, format_fingerprint

from . import backends
from .errors import SecureStorageUnavailable, StorageProblem
from .store import DEFAULT_SERVICE

logger = logging.getLogger(__name__)

KEY_USERNAME = "export-signing-key"
PUBLIC_KEY_FILENAME = "signing-key.pub"


class SigningKeyUnreadable(SecretUnavailable):
    """The keyring holds something under ``export-signing-key`` that is not an Ed25519 key.

    Not replaced silently (that would change the desk's identity): the official removes the
    entry in the keyring manager, and a new key is made on the next export."""

    def __init__(self) -> None:
        super().__init__(
            "The export signing key in the system keyring is unreadable; remove the "
            f"'{KEY_USERNAME}' entry in the keyring manager to make a new key."
        )


class SessionSigningKey:
    """An Ed25519 key for this session of the desk only, for when there is no secure
    keyring: made on first use, kept in memory, never written to disk (a private key in a
    file anyone can read is what the desk never does). One per desk session, so the exports
    of a session share one fingerprint."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._private: Any = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(made={self._private is not None})"

    @property
    def made(self) -> bool:
        return self._private is not None

    def private_key(self) -> Any:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        with self._lock:
            if self._private is None:
                self._private = Ed25519PrivateKey.generate()
                logger.warning("no secure keyring: exports are signed with a session key")
            return self._private

    @property
    def fingerprint(self) -> str:
        from cryptography.hazmat.primitives import serialization

        raw = (
            self.private_key()
            .public_key()
            .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )
        return fingerprint_of(raw)


class ExportSigner:
    """Signs exports with the desk's key (see the module docstring).

    `backend`: a keyring backend object (default `keyring.get_keyring()`), vetted like
    `TokenStore`'s. `public_key_path`: where to keep the public key file (None: nowhere).
    `session_key`: used when there is no secure keyring (None: then nothing is signed).
    """

    def __init__(
        self,
        service: str = DEFAULT_SERVICE,
        backend: Any = None,
        public_key_path: str | os.PathLike[str] | None = None,
        session_key: SessionSigningKey | None = None,
    ) -> None:
        if not service:
            raise ValueError("service must not be empty")
        self.service = service
        self._given = backend
        self.public_key_path = None if public_key_path is None else Path(public_key_path)
        self._session_key = session_key
        self._lock = threading.Lock()
        self._private: Any = None  # cryptography Ed25519PrivateKey, once loaded
        #: Signed with the session key (no secure keyring): the signature proves the file is
        #: unchanged but cannot be checked against a saved key.
        self.session_only = False
        self.storage_problem: StorageProblem | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(service={self.service!r})"

    # -- keyring ---------------------------------------------------------------------------
    def _backend(self, operation: str) -> Any:
        try:
            raw = self._given if self._given is not None else backends.default_backend()
            return backends.vet(raw)
        except backends.BackendRejected as rej:
            raise SecureStorageUnavailable(
                rej.problem, operation=operation, backend_name=rej.name
            ) from None

    def _keyring_call(self, operation: str, fn: Any) -> Any:
        backend = self._backend(operation)
        try:
            return fn(backend)
        except Exception as exc:
            problem = backends.classify(exc)
            logger.warning(
                "keyring %s failed: %s -> %s", operation, type(exc).__name__, problem.value
            )
            raise SecureStorageUnavailable(
                problem, operation=operation, backend_name=backends.backend_name(backend)
            ) from None

    def ensure(self) -> None:
        """Load the key from the keyring, making and storing one if there is none; with no
        secure keyring, take the session key if one was given."""
        if self._private is not None:
            return
        try:
            self._ensure_saved()
        except SecureStorageUnavailable as exc:
            if self._session_key is None:
                raise
            with self._lock:
                self._private = self._session_key.private_key()
                self.session_only = True
                self.storage_problem = exc.problem
            return
        self._write_public_key()

    def _ensure_saved(self) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        with self._lock:
            if self._private is not None:
                return
            secret = self._keyring_call(
                "load the export signing key",
                lambda b: b.get_password(self.service, KEY_USERNAME),
            )
            if secret is None:
                key = Ed25519PrivateKey.generate()
                encoded = base64.b64encode(_raw_private(key)).decode("ascii")
                self._keyring_call(
                    "save the export signing key",
                    lambda b: b.set_password(self.service, KEY_USERNAME, encoded),
                )
                # Read back: a backend that accepts and drops secrets must not leave us
                # signing with a key nobody can use again.
                again = self._keyring_call(
                    "load the export signing key",
                    lambda b: b.get_password(self.service, KEY_USERNAME),
                )
                if again != encoded:
                    raise SecureStorageUnavailable(
                        StorageProblem.REFUSED, operation="save the export signing key"
                    )
                logger.info("made a new export signing key")
            else:
                try:
                    raw = base64.b64decode(secret, validate=True)
                    if len(raw) != 32:
                        raise ValueError("length")
                    key = Ed25519PrivateKey.from_private_bytes(raw)
                except (binascii.Error, ValueError, TypeError):
                    raise SigningKeyUnreadable() from None
            self._private = key

    def _write_public_key(self) -> None:
        if self.public_key_path is None:
            return
        text = f"ed25519 {base64.b64encode(self.public_key_bytes).decode('ascii')} "
        text += "humasdesk-export\n"
        p = self.public_key_path
        try:
            if p.is_file() and p.read_text(encoding="ascii", errors="replace") == text:
                return
            if p.exists():
                logger.warning("replacing %s: it did not hold this desk's key", p.name)
            p.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".signing-key.", dir=p.parent)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, p)
        except OSError as exc:  # verification on this laptop needs it; signing does not
            logger.warning("could not write %s: %s", p.name, type(exc).__name__)

    # -- interface -------------------------------------------------------------------------
    @property
    def public_key_bytes(self) -> bytes:
        """The raw 32-byte Ed25519 public key (makes the key pair on first use)."""
        from cryptography.hazmat.primitives import serialization

        self.ensure()
        return self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        """Lowercase hex SHA-256 of the raw public key."""
        return fingerprint_of(self.public_key_bytes)

    @property
    def fingerprint_display(self) -> str:
        """The fingerprint for people: ``3F2A 9C01 …`` (16 groups of four)."""
        return format_fingerprint(self.fingerprint)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of `message`.

        Exports are signed through a small statement holding the file's SHA-256 (see
        `humasdesk.store.exports.sigfile`), so `message` is always short; a file object is
        refused rather than read whole into memory."""
        if not isinstance(message, bytes | bytearray | memoryview):
            raise TypeError("sign() takes bytes; sign a digest statement for large files")
        self.ensure()
        return self._private.sign(bytes(message))


def _raw_private(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
