"""Small fakes shared by unit and GUI tests (one class each; the outside world stays real)."""

from __future__ import annotations

from keyring import errors as kerr


class MemoryKeyring:
    """A keyring backend kept in a dict. Duck-typed on purpose: subclassing
    keyring.backend.KeyringBackend would register it in keyring's global backend list."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append("get")
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append("delete")
        try:
            del self.items[(service, username)]
        except KeyError:
            raise kerr.PasswordDeleteError("No such password!") from None


class RaisingKeyring(MemoryKeyring):
    """Every call raises `exc`; the message quotes the token, as a careless backend might."""

    def __init__(self, exc: type[Exception], leak: str = "") -> None:
        super().__init__()
        self.exc = exc
        self.leak = leak

    def _raise(self, *args: object) -> None:
        raise self.exc(f"backend failed for {self.leak}")

    get_password = set_password = delete_password = _raise  # type: ignore[assignment]
