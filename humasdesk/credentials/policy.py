"""The no-keyring policy: keep working for this session, never write tokens in plain text.

`FallbackTokenStore` uses the keyring while it works. The first time secure
storage is unavailable (no Secret Service, locked, refused) it moves to memory
for the rest of the session and remembers why, so the desk can say plainly
"not saved: you will need to sign in again after closing the app".
"""

from __future__ import annotations

import logging
import threading

from humasdesk.core.models import Slot, TokenSet

from .errors import SecureStorageUnavailable, StorageProblem, StorageStatus
from .store import SessionTokenStore, TokenStorage

logger = logging.getLogger(__name__)


class FallbackTokenStore:
    """A `TokenStorage` over the keyring that falls back to memory, never to a file."""

    def __init__(self, primary: TokenStorage) -> None:
        self._primary = primary
        self._session: SessionTokenStore | None = None
        self._lock = threading.Lock()

    @property
    def persistent(self) -> bool:
        return self._session is None and self._primary.persistent

    @property
    def problem(self) -> StorageProblem | None:
        """Why tokens are kept in memory only (None while the keyring works)."""
        return self._session.problem if self._session is not None else None

    def _fall_back(self, exc: SecureStorageUnavailable) -> SessionTokenStore:
        with self._lock:
            if self._session is None:
                logger.warning("secure storage unavailable (%s): session-only tokens", exc.problem)
                self._session = SessionTokenStore(exc.problem)
            return self._session

    def check(self) -> StorageStatus:
        """Probe the keyring once (may block on an unlock prompt); fall back if it fails."""
        if self._session is not None:
            return self._session.status()
        status = self._primary.status()
        if not status.available:
            with self._lock:
                if self._session is None:
                    self._session = SessionTokenStore(status.problem)
            return self._session.status()
        return status

    def save(self, slot: Slot, tokens: TokenSet) -> None:
        if self._session is None:
            try:
                self._primary.save(slot, tokens)
                return
            except SecureStorageUnavailable as exc:
                self._fall_back(exc)
        assert self._session is not None
        self._session.save(slot, tokens)

    def load(self, slot: Slot) -> TokenSet | None:
        if self._session is None:
            try:
                return self._primary.load(slot)
            except SecureStorageUnavailable as exc:
                self._fall_back(exc)
        assert self._session is not None
        return self._session.load(slot)

    def delete(self, slot: Slot) -> None:
        if self._session is not None:
            self._session.delete(slot)
        try:
            self._primary.delete(slot)
        except SecureStorageUnavailable:
            pass  # nothing can have been written there while it was unavailable

    def status(self) -> StorageStatus:
        if self._session is not None:
            return self._session.status()
        return self._primary.status()
