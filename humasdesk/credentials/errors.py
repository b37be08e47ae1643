"""Typed results and errors of the token store. No token ever enters a message or a repr."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from humasdesk.core.errors import SecretUnavailable
from humasdesk.core.models import Slot

_HINTS = {
    "no_backend": (
        "No secure system keyring was found. Install and start a Secret Service provider "
        "(gnome-keyring or KWallet) in the desktop session, then try again."
    ),
    "locked": (
        "The system keyring is locked or not set up. Unlock it (log in to the desktop session, "
        "or open 'Passwords and Keys' / KWallet Manager) and try again."
    ),
    "refused": (
        "The system keyring refused the request. Allow HumasDesk to use the keyring when asked, "
        "or check the keyring's access settings, then try again."
    ),
    "unknown": (
        "The system keyring reported an unexpected error. Try again; if it persists, restart "
        "the keyring service (or log out and in) and see the application log."
    ),
}


class StorageProblem(StrEnum):
    """Why secure storage cannot be used. The GUI turns these into translated messages."""

    NO_BACKEND = "no_backend"  # no Secret Service / Credential Manager / Keychain, or insecure
    LOCKED = "locked"  # keyring locked, unlock prompt dismissed, or not set up
    REFUSED = "refused"  # the keyring denied the operation
    UNKNOWN = "unknown"  # anything else from the backend

    @property
    def hint(self) -> str:
        """A short English hint saying what to do."""
        return _HINTS[self.value]


@dataclass(frozen=True)
class StorageStatus:
    """Where tokens live and whether that works right now.

    `available` means calls on the store succeed. A `SessionTokenStore` is available but not
    persistent (see the store's `persistent` attribute); its `problem` says why secure storage
    was not used, if known.
    """

    available: bool
    backend_name: str
    problem: StorageProblem | None = None


class SecureStorageUnavailable(SecretUnavailable):
    """Secure storage cannot be used for this operation. Nothing was written in plain text."""

    def __init__(
        self,
        problem: StorageProblem,
        *,
        operation: str = "",
        slot: Slot | str | None = None,
        backend_name: str = "",
    ) -> None:
        self.problem = problem
        self.operation = operation
        self.slot = Slot(slot) if slot is not None else None
        self.backend_name = backend_name
        where = f" ({backend_name})" if backend_name else ""
        what = f" while trying to {operation}" if operation else ""
        whose = f" the {self.slot.value} tokens" if self.slot is not None and operation else ""
        super().__init__(
            f"Secure storage unavailable{where}: {problem.value}{what}{whose}. {problem.hint}"
        )

    def __reduce__(self):  # keyword-only arguments: pickle needs help
        return (
            _rebuild_unavailable,
            (self.problem, self.operation, self.slot, self.backend_name),
        )


def _rebuild_unavailable(
    problem: StorageProblem, operation: str, slot: Slot | None, backend_name: str
) -> SecureStorageUnavailable:
    return SecureStorageUnavailable(
        problem, operation=operation, slot=slot, backend_name=backend_name
    )


class CorruptSecret(Exception):
    """The secret stored for a slot is not a token set this version can read.

    The caller signs the pane out, says why, and may call `delete(slot)` to clear it.
    """

    def __init__(self, slot: Slot | str, reason: str) -> None:
        self.slot = Slot(slot)
        self.reason = reason
        super().__init__(
            f"The stored {self.slot.value} tokens are unreadable ({reason}); "
            "sign in again to replace them."
        )

    def __reduce__(self):
        return (type(self), (self.slot, self.reason))
