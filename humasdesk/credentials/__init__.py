"""Token storage over the OS keyring (`TokenStore`) and the in-memory fallback
(`SessionTokenStore`). Imports only `humasdesk.core`, `keyring` (lazily) and the stdlib."""

from __future__ import annotations

from .errors import CorruptSecret, SecureStorageUnavailable, StorageProblem, StorageStatus
from .policy import FallbackTokenStore
from .store import DEFAULT_SERVICE, SessionTokenStore, TokenStorage, TokenStore

__all__ = [
    "DEFAULT_SERVICE",
    "CorruptSecret",
    "FallbackTokenStore",
    "SecureStorageUnavailable",
    "SessionTokenStore",
    "StorageProblem",
    "StorageStatus",
    "TokenStorage",
    "TokenStore",
]
