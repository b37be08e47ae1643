"""Which keyring backends count as secure storage, what to call them, and how their errors map.

`keyring` is imported lazily (it costs ~60 ms at start-up) and only inside these functions.
"""

from __future__ import annotations

import logging
from typing import Any

from .errors import StorageProblem

logger = logging.getLogger(__name__)

# Modules whose backends never hold real secrets: they raise on everything, drop everything,
# or keep the secret on disk in a form anyone with the file can read (or prompt on stdin).
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_CHAINER_MODULE = "keyring.backends.chainer"

_NAMES = {
    "keyring.backends.SecretService": "Secret Service (GNOME Keyring/KWallet)",
    "keyring.backends.libsecret": "Secret Service (GNOME Keyring/KWallet)",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.Windows": "Windows Credential Manager",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.fail": "No keyring backend",
    "keyring.backends.null": "Null keyring (stores nothing)",
}


class BackendRejected(Exception):
    """Internal: the backend cannot be used; `.problem` says why."""

    def __init__(self, problem: StorageProblem, name: str) -> None:
        super().__init__(f"{name}: {problem.value}")
        self.problem = problem
        self.name = name


def backend_name(backend: Any) -> str:
    """A human-readable name for a keyring backend object."""
    if backend is None:
        return "none"
    cls = type(backend)
    module = cls.__module__
    for prefix, name in _NAMES.items():
        if module == prefix or module.startswith(prefix + "."):
            return name
    return cls.__name__


def _in_modules(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _priority(backend: Any) -> float | None:
    """The backend's priority, or None when it declares itself unusable (raises)."""
    try:
        value = type(backend).priority
        return float(value)
    except Exception as exc:  # priority raises RuntimeError (or worse) when not viable
        logger.info("keyring backend %s not viable: %s", type(backend).__name__, type(exc).__name__)
        return None


def is_secure(backend: Any) -> bool:
    """True for a backend that keeps secrets in an OS secure store (by module and priority)."""
    if backend is None:
        return False
    module = type(backend).__module__
    if _in_modules(module, _INSECURE_MODULES):
        return False
    if module == _CHAINER_MODULE:
        return False  # callers unwrap the chainer first; a chainer itself is never trusted
    priority = _priority(backend)
    # keyring's own rule of thumb: below 1 means "not recommended" (keyrings.alt is 0.5).
    return priority is not None and priority >= 1


def default_backend() -> Any:
    """`keyring.get_keyring()`, mapping its RuntimeError to a rejection."""
    try:
        import keyring

        return keyring.get_keyring()
    except Exception as exc:  # RuntimeError when PYTHON_KEYRING_BACKEND names a dead backend
        logger.warning("no keyring backend: %s", type(exc).__name__)
        raise BackendRejected(StorageProblem.NO_BACKEND, "none") from None


def vet(backend: Any) -> Any:
    """Return the backend to use for secrets, or raise BackendRejected.

    A chainer is unwrapped to its highest-priority secure member, so a read can never fall
    through to a plain-text keyring chained behind the real one.
    """
    if backend is not None and type(backend).__module__ == _CHAINER_MODULE:
        try:
            members = list(type(backend).backends)
        except Exception:
            members = []
        for member in members:
            if is_secure(member):
                return member
        raise BackendRejected(StorageProblem.NO_BACKEND, backend_name(backend))
    if not is_secure(backend):
        raise BackendRejected(StorageProblem.NO_BACKEND, backend_name(backend))
    return backend


def classify(exc: BaseException) -> StorageProblem:
    """Map an exception raised by a backend call to a StorageProblem."""
    from keyring import errors as kerr

    if isinstance(exc, kerr.KeyringLocked | kerr.InitError):
        # SecretService raises InitError when the default collection cannot be created or
        # unlocked (prompt dismissed); KWallet when the wallet cannot be opened.
        return StorageProblem.LOCKED
    if isinstance(exc, kerr.NoKeyringError):
        return StorageProblem.NO_BACKEND
    if isinstance(exc, kerr.PasswordSetError | kerr.PasswordDeleteError):
        return StorageProblem.REFUSED
    if isinstance(exc, kerr.KeyringError):
        return StorageProblem.UNKNOWN
    module = type(exc).__module__
    name = type(exc).__name__
    if module.startswith("secretstorage"):
        if name in ("LockedException", "PromptDismissedException"):
            return StorageProblem.LOCKED
        if name == "SecretServiceNotAvailableException":
            return StorageProblem.NO_BACKEND
        return StorageProblem.UNKNOWN
    if isinstance(exc, RuntimeError | OSError):
        return StorageProblem.NO_BACKEND  # e.g. the bus or the daemon went away
    return StorageProblem.UNKNOWN
