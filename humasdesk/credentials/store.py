"""Token stores: one JSON secret per slot in the OS keyring, or in memory for this session only.

Both stores have the same interface (`TokenStorage`). Their calls may block (a keyring can
show an unlock prompt): call them from a worker, never from the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

from humasdesk.core.models import Slot, TokenSet

from . import backends, codec
from .errors import SecureStorageUnavailable, StorageProblem, StorageStatus

logger = logging.getLogger(__name__)

DEFAULT_SERVICE = "humasdesk"
_PROBE_USERNAME = "_humasdesk_probe"  # never written; a read of it tests the keyring

T = TypeVar("T")


@runtime_checkable
class TokenStorage(Protocol):
    """What services need from a token store."""

    persistent: bool

    def save(self, slot: Slot, tokens: TokenSet) -> None: ...
    def load(self, slot: Slot) -> TokenSet | None: ...
    def delete(self, slot: Slot) -> None: ...
    def status(self) -> StorageStatus: ...


class TokenStore:
    """Tokens in the OS keyring: service `service`, username = slot value, secret = JSON.

    `backend` is a keyring backend object; by default `keyring.get_keyring()`, resolved on first
    use. Insecure backends (fail, null, keyrings.alt) count as no storage: nothing is ever
    written in plain text. Errors: `SecureStorageUnavailable` (with `.problem`) and
    `CorruptSecret`.
    """

    persistent: ClassVar[bool] = True

    def __init__(self, service: str = DEFAULT_SERVICE, backend: Any = None) -> None:
        if not service:
            raise ValueError("service must not be empty")
        self.service = service
        self._given = backend
        self._backend: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(service={self.service!r})"

    # -- backend ------------------------------------------------------------------------------

    def _resolve(self) -> Any:
        """The vetted backend; raises BackendRejected. A rejection is not cached, so a keyring
        that appears later (service started, package installed) is picked up on the next call."""
        with self._lock:
            if self._backend is None:
                raw = self._given if self._given is not None else backends.default_backend()
                self._backend = backends.vet(raw)
            return self._backend

    def _name(self) -> str:
        if self._backend is not None:
            return backends.backend_name(self._backend)
        if self._given is not None:
            return backends.backend_name(self._given)
        return "system keyring"

    def _call(self, operation: str, slot: Slot | None, fn: Callable[[Any], T]) -> T:
        try:
            backend = self._resolve()
        except backends.BackendRejected as rej:
            raise SecureStorageUnavailable(
                rej.problem, operation=operation, slot=slot, backend_name=rej.name
            ) from None
        try:
            return fn(backend)
        except Exception as exc:
            problem = backends.classify(exc)
            # Only the class name: a backend's message could quote what it was given.
            logger.warning(
                "keyring %s failed for %s: %s -> %s",
                operation,
                slot.value if slot else "-",
                type(exc).__name__,
                problem.value,
            )
            raise SecureStorageUnavailable(
                problem, operation=operation, slot=slot, backend_name=self._name()
            ) from None

    # -- interface ----------------------------------------------------------------------------

    def save(self, slot: Slot, tokens: TokenSet) -> None:
        slot = Slot(slot)
        secret = codec.encode(tokens)
        self._call("save", slot, lambda b: b.set_password(self.service, slot.value, secret))

    def load(self, slot: Slot) -> TokenSet | None:
        slot = Slot(slot)
        secret = self._call("load", slot, lambda b: b.get_password(self.service, slot.value))
        if secret is None:
            return None
        return codec.decode(slot, secret)

    def delete(self, slot: Slot) -> None:
        """Remove the slot's secret. A slot with nothing stored is fine."""
        from keyring.errors import PasswordDeleteError

        slot = Slot(slot)

        def _delete(b: Any) -> None:
            try:
                b.delete_password(self.service, slot.value)
            except PasswordDeleteError:
                # Backends say "no such password" this way; make sure it is really gone.
                if b.get_password(self.service, slot.value) is not None:
                    raise
            # Some backends delete only the first match: keep going until none is left.
            for _ in range(8):
                if b.get_password(self.service, slot.value) is None:
                    return
                b.delete_password(self.service, slot.value)
            raise PasswordDeleteError("secret still present after deleting")

        self._call("delete", slot, _delete)

    def status(self) -> StorageStatus:
        """Whether the keyring works now (a harmless read). Never raises; may block on a prompt."""
        try:
            self._call("probe", None, lambda b: b.get_password(self.service, _PROBE_USERNAME))
        except SecureStorageUnavailable as exc:
            return StorageStatus(False, exc.backend_name or self._name(), exc.problem)
        return StorageStatus(True, self._name(), None)


class SessionTokenStore:
    """Tokens kept in memory for this session only: the "no secure storage" policy.

    Same interface as `TokenStore`, never raises `SecureStorageUnavailable`, never writes
    anywhere. `problem` records why secure storage was not used, for the UI.
    """

    persistent: ClassVar[bool] = False
    backend_name: ClassVar[str] = "Memory (this session only)"

    def __init__(self, problem: StorageProblem | None = None) -> None:
        self.problem = problem
        self._tokens: dict[Slot, TokenSet] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        slots = ", ".join(sorted(s.value for s in self._tokens))
        return f"{type(self).__name__}(slots=[{slots}])"

    def save(self, slot: Slot, tokens: TokenSet) -> None:
        codec.encode(tokens)  # same validation as the keyring store
        with self._lock:
            self._tokens[Slot(slot)] = tokens

    def load(self, slot: Slot) -> TokenSet | None:
        with self._lock:
            return self._tokens.get(Slot(slot))

    def delete(self, slot: Slot) -> None:
        with self._lock:
            self._tokens.pop(Slot(slot), None)

    def status(self) -> StorageStatus:
        return StorageStatus(True, self.backend_name, self.problem)
