"""TokenStore and SessionTokenStore against in-memory keyring backends (no D-Bus, no globals)."""

from __future__ import annotations

import json
import pickle
import threading

import pytest
from keyring import errors as kerr
from keyring.backends import fail, null

from humasdesk.core.models import Slot, TokenSet
from humasdesk.credentials import (
    CorruptSecret,
    SecureStorageUnavailable,
    SessionTokenStore,
    StorageProblem,
    StorageStatus,
    TokenStorage,
    TokenStore,
)
from tests.fakes import MemoryKeyring, RaisingKeyring

ACCESS = "AT-secret-7f3a9c1e-access"
REFRESH = "RT-secret-c0ffee42-refresh"
TOKENS = TokenSet(
    access_token=ACCESS,
    refresh_token=REFRESH,
    expires_at=1_767_225_600.5,
    scopes=("tweet.read", "tweet.write", "users.read", "offline.access"),
    user_id="1234567890",
    username="humas_kota",
)
PERSONAL = TokenSet(
    access_token="AT-personal-99",
    refresh_token=None,
    expires_at=1_767_229_200.0,
    scopes=("tweet.read",),
    user_id="42",
    username="kepala_humas",
)


class AltPlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's PlaintextKeyring (module and priority)."""

    priority = 0.5


AltPlaintextKeyring.__module__ = "keyrings.alt.file"


class LowPriorityKeyring(MemoryKeyring):
    priority = 0.9


class NotViableKeyring(MemoryKeyring):
    class _P:
        def __get__(self, obj: object, owner: type) -> float:
            raise RuntimeError("daemon not running")

    priority = _P()  # type: ignore[assignment]


def no_token(text: str) -> None:
    for secret in (ACCESS, REFRESH, "AT-personal-99"):
        assert secret not in text


def shown_chain(exc: BaseException) -> str:
    """Everything a traceback of `exc` would print about its chained exceptions."""
    parts = []
    while exc is not None:
        parts += [str(exc), repr(exc), repr(vars(exc))]
        nxt = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
        exc = nxt  # type: ignore[assignment]
    return "\n".join(parts)


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def store(backend: MemoryKeyring) -> TokenStore:
    return TokenStore(backend=backend)


# -- the happy path ---------------------------------------------------------------------------


def test_round_trip_both_slots(store: TokenStore, backend: MemoryKeyring) -> None:
    store.save(Slot.OFFICE, TOKENS)
    store.save(Slot.PERSONAL, PERSONAL)
    assert store.load(Slot.OFFICE) == TOKENS
    assert store.load(Slot.PERSONAL) == PERSONAL
    assert set(backend.items) == {("humasdesk", "office"), ("humasdesk", "personal")}


def test_one_json_secret_per_slot(store: TokenStore, backend: MemoryKeyring) -> None:
    store.save(Slot.OFFICE, TOKENS)
    data = json.loads(backend.items[("humasdesk", "office")])
    assert data == {
        "v": 1,
        "access_token": ACCESS,
        "refresh_token": REFRESH,
        "expires_at": 1_767_225_600.5,
        "scopes": ["tweet.read", "tweet.write", "users.read", "offline.access"],
        "user_id": "1234567890",
        "username": "humas_kota",
    }


def test_save_overwrites(store: TokenStore) -> None:
    store.save(Slot.OFFICE, TOKENS)
    store.save(Slot.OFFICE, PERSONAL)
    assert store.load(Slot.OFFICE) == PERSONAL


def test_slot_given_as_string(store: TokenStore) -> None:
    store.save("personal", PERSONAL)  # type: ignore[arg-type]
    assert store.load(Slot.PERSONAL) == PERSONAL
    with pytest.raises(ValueError):
        store.load("nope")  # type: ignore[arg-type]


def test_custom_service(backend: MemoryKeyring) -> None:
    TokenStore(service="humasdesk-test", backend=backend).save(Slot.OFFICE, TOKENS)
    assert list(backend.items) == [("humasdesk-test", "office")]


def test_missing_is_none(store: TokenStore) -> None:
    assert store.load(Slot.OFFICE) is None
    assert store.load(Slot.PERSONAL) is None


def test_delete(store: TokenStore, backend: MemoryKeyring) -> None:
    store.save(Slot.OFFICE, TOKENS)
    store.save(Slot.PERSONAL, PERSONAL)
    store.delete(Slot.OFFICE)
    assert store.load(Slot.OFFICE) is None
    assert store.load(Slot.PERSONAL) == PERSONAL
    store.delete(Slot.OFFICE)  # missing is fine
    store.delete(Slot.PERSONAL)
    assert backend.items == {}


def test_persistent_flag() -> None:
    assert TokenStore.persistent is True
    assert SessionTokenStore.persistent is False
    assert isinstance(TokenStore(backend=MemoryKeyring()), TokenStorage)
    assert isinstance(SessionTokenStore(), TokenStorage)


def test_status_available(store: TokenStore) -> None:
    assert store.status() == StorageStatus(True, "MemoryKeyring", None)


def test_save_rejects_non_tokens(store: TokenStore, backend: MemoryKeyring) -> None:
    with pytest.raises(TypeError):
        store.save(Slot.OFFICE, {"access_token": ACCESS})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.save(Slot.OFFICE, TokenSet("", None, 0.0))
    with pytest.raises(ValueError):
        store.save(Slot.OFFICE, TokenSet(ACCESS, None, float("nan")))
    assert backend.items == {}


# -- corrupt secrets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "secret",
    [
        f"{{not json {ACCESS}",
        f'"{ACCESS}"',
        json.dumps([ACCESS]),
        "",
    ],
)
def test_corrupt_json(store: TokenStore, backend: MemoryKeyring, secret: str) -> None:
    backend.items[("humasdesk", "office")] = secret
    with pytest.raises(CorruptSecret) as info:
        store.load(Slot.OFFICE)
    assert info.value.slot is Slot.OFFICE
    no_token(shown_chain(info.value))
    store.delete(Slot.OFFICE)  # the way out: clear it
    assert store.load(Slot.OFFICE) is None


def _good() -> dict[str, object]:
    return {
        "v": 1,
        "access_token": ACCESS,
        "refresh_token": REFRESH,
        "expires_at": 1.0,
        "scopes": [],
        "user_id": None,
        "username": None,
    }


@pytest.mark.parametrize(
    "field", ["access_token", "refresh_token", "expires_at", "scopes", "user_id", "username", "v"]
)
def test_missing_field(store: TokenStore, backend: MemoryKeyring, field: str) -> None:
    data = _good()
    del data[field]
    backend.items[("humasdesk", "personal")] = json.dumps(data)
    with pytest.raises(CorruptSecret) as info:
        store.load(Slot.PERSONAL)
    assert info.value.slot is Slot.PERSONAL
    if field != "v":
        assert field in info.value.reason
    no_token(str(info.value))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("access_token", ""),
        ("access_token", 5),
        ("refresh_token", 7),
        ("expires_at", "soon"),
        ("expires_at", True),
        ("expires_at", float("inf")),
        ("scopes", "tweet.read"),
        ("scopes", [1]),
        ("user_id", 12),
        ("v", 99),
    ],
)
def test_wrong_types(store: TokenStore, backend: MemoryKeyring, field: str, value: object) -> None:
    data = _good()
    data[field] = value
    backend.items[("humasdesk", "office")] = json.dumps(data)
    with pytest.raises(CorruptSecret):
        store.load(Slot.OFFICE)


def test_minimal_valid_secret(store: TokenStore, backend: MemoryKeyring) -> None:
    backend.items[("humasdesk", "office")] = json.dumps(_good() | {"expires_at": 100})
    assert store.load(Slot.OFFICE) == TokenSet(ACCESS, REFRESH, 100.0, (), None, None)


# -- no secure storage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "problem"),
    [
        (kerr.KeyringLocked, StorageProblem.LOCKED),
        (kerr.InitError, StorageProblem.LOCKED),
        (kerr.NoKeyringError, StorageProblem.NO_BACKEND),
        (kerr.PasswordSetError, StorageProblem.REFUSED),
        (kerr.KeyringError, StorageProblem.UNKNOWN),
        (RuntimeError, StorageProblem.NO_BACKEND),
        (ConnectionResetError, StorageProblem.NO_BACKEND),
        (ValueError, StorageProblem.UNKNOWN),
    ],
)
def test_backend_errors(exc: type[Exception], problem: StorageProblem) -> None:
    store = TokenStore(backend=RaisingKeyring(exc, f"{ACCESS} {REFRESH}"))
    for call in (
        lambda: store.save(Slot.OFFICE, TOKENS),
        lambda: store.load(Slot.OFFICE),
        lambda: store.delete(Slot.PERSONAL),
    ):
        with pytest.raises(SecureStorageUnavailable) as info:
            call()
        err = info.value
        assert err.problem is problem
        assert err.__cause__ is None and err.__suppress_context__
        assert problem.hint in str(err)
        no_token(shown_chain(err))
    status = store.status()
    assert status == StorageStatus(False, "RaisingKeyring", problem)


def test_error_names_slot_and_operation() -> None:
    store = TokenStore(backend=RaisingKeyring(kerr.KeyringLocked, f"{ACCESS} {REFRESH}"))
    with pytest.raises(SecureStorageUnavailable) as info:
        store.save(Slot.PERSONAL, TOKENS)
    assert info.value.slot is Slot.PERSONAL
    assert info.value.operation == "save"
    assert "personal" in str(info.value) and "locked" in str(info.value)


def test_fail_keyring_is_no_backend() -> None:
    store = TokenStore(backend=fail.Keyring())
    assert store.status() == StorageStatus(False, "No keyring backend", StorageProblem.NO_BACKEND)
    with pytest.raises(SecureStorageUnavailable) as info:
        store.save(Slot.OFFICE, TOKENS)
    assert info.value.problem is StorageProblem.NO_BACKEND
    no_token(str(info.value))


@pytest.mark.parametrize(
    "insecure",
    [null.Keyring(), AltPlaintextKeyring(), LowPriorityKeyring(), NotViableKeyring()],
    ids=["null", "keyrings.alt", "priority<1", "priority-raises"],
)
def test_insecure_backend_refused(insecure: MemoryKeyring) -> None:
    store = TokenStore(backend=insecure)
    status = store.status()
    assert not status.available
    assert status.problem is StorageProblem.NO_BACKEND
    with pytest.raises(SecureStorageUnavailable):
        store.save(Slot.OFFICE, TOKENS)
    with pytest.raises(SecureStorageUnavailable):
        store.load(Slot.OFFICE)
    with pytest.raises(SecureStorageUnavailable):
        store.delete(Slot.OFFICE)
    if isinstance(insecure, MemoryKeyring):
        assert insecure.calls == []  # never touched


def test_chainer_uses_only_its_secure_member(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import chainer

    secure, plain = MemoryKeyring(), AltPlaintextKeyring()
    plain.items[("humasdesk", "office")] = json.dumps(_good())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [secure, plain])
    store = TokenStore(backend=chainer.ChainerBackend())
    assert store.load(Slot.OFFICE) is None  # no fall-through to the plain-text member
    store.save(Slot.PERSONAL, PERSONAL)
    assert ("humasdesk", "personal") in secure.items and plain.calls == []

    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain])
    assert TokenStore(backend=chainer.ChainerBackend()).status().problem is (
        StorageProblem.NO_BACKEND
    )


def test_default_backend_runtime_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    def boom() -> None:
        raise RuntimeError("PYTHON_KEYRING_BACKEND names a backend that cannot start")

    monkeypatch.setattr(keyring, "get_keyring", boom)
    store = TokenStore()
    assert store.status().problem is StorageProblem.NO_BACKEND
    with pytest.raises(SecureStorageUnavailable):
        store.load(Slot.OFFICE)


def test_default_backend_is_resolved_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    ring = MemoryKeyring()
    seen: list[int] = []
    monkeypatch.setattr(keyring, "get_keyring", lambda: seen.append(1) or ring)
    store = TokenStore()
    assert seen == []
    store.save(Slot.OFFICE, TOKENS)
    assert store.load(Slot.OFFICE) == TOKENS
    assert seen == [1]


def test_backend_recovers_after_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    current: list[object] = [fail.Keyring()]
    monkeypatch.setattr(keyring, "get_keyring", lambda: current[0])
    store = TokenStore()
    assert not store.status().available
    current[0] = MemoryKeyring()
    assert store.status().available


def test_delete_refused_when_secret_stays() -> None:
    class Sticky(MemoryKeyring):
        def delete_password(self, service: str, username: str) -> None:
            raise kerr.PasswordDeleteError("Cancelled by user")

    ring = Sticky()
    store = TokenStore(backend=ring)
    store.save(Slot.OFFICE, TOKENS)
    with pytest.raises(SecureStorageUnavailable) as info:
        store.delete(Slot.OFFICE)
    assert info.value.problem is StorageProblem.REFUSED
    store.delete(Slot.PERSONAL)  # nothing there: fine


def test_delete_removes_duplicates() -> None:
    class FirstOnly(MemoryKeyring):
        """Like SecretService: two items with the same attributes, delete removes one."""

        def __init__(self) -> None:
            super().__init__()
            self.extra = 1

        def get_password(self, service: str, username: str) -> str | None:
            value = super().get_password(service, username)
            return value if value is not None or not self.extra else "dup"

        def delete_password(self, service: str, username: str) -> None:
            if (service, username) in self.items:
                del self.items[(service, username)]
            elif self.extra:
                self.extra -= 1
            else:
                raise kerr.PasswordDeleteError("No such password!")

    ring = FirstOnly()
    store = TokenStore(backend=ring)
    store.save(Slot.OFFICE, TOKENS)
    store.delete(Slot.OFFICE)
    assert ring.items == {} and ring.extra == 0


# -- no token in texts ------------------------------------------------------------------------


def test_reprs_hold_no_token(store: TokenStore) -> None:
    store.save(Slot.OFFICE, TOKENS)
    session = SessionTokenStore()
    session.save(Slot.OFFICE, TOKENS)
    no_token(repr(store) + repr(session) + repr(TOKENS) + repr(store.status()))


def test_hints() -> None:
    for problem in StorageProblem:
        assert problem.hint and problem.hint.isascii()
    assert "unlock" in StorageProblem.LOCKED.hint.lower()
    assert "gnome-keyring" in StorageProblem.NO_BACKEND.hint
    assert "KWallet" in StorageProblem.NO_BACKEND.hint


def test_errors_pickle() -> None:
    err = SecureStorageUnavailable(
        StorageProblem.LOCKED, operation="load", slot=Slot.OFFICE, backend_name="X"
    )
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
    assert (back.problem, back.operation, back.slot, back.backend_name, str(back)) == (
        err.problem,
        "load",
        Slot.OFFICE,
        "X",
        str(err),
    )
    corrupt = pickle.loads(pickle.dumps(CorruptSecret(Slot.OFFICE, "bad")))  # noqa: S301
    assert (corrupt.slot, corrupt.reason) == (Slot.OFFICE, "bad")
    assert "office" in str(corrupt)


# -- session store ----------------------------------------------------------------------------


def test_session_store() -> None:
    session = SessionTokenStore(problem=StorageProblem.LOCKED)
    assert session.load(Slot.OFFICE) is None
    session.save(Slot.OFFICE, TOKENS)
    session.save("personal", PERSONAL)  # type: ignore[arg-type]
    assert session.load(Slot.OFFICE) == TOKENS
    assert session.load(Slot.PERSONAL) == PERSONAL
    session.delete(Slot.OFFICE)
    session.delete(Slot.OFFICE)
    assert session.load(Slot.OFFICE) is None
    status = session.status()
    assert status.available and status.problem is StorageProblem.LOCKED
    assert "session" in status.backend_name.lower()
    with pytest.raises(TypeError):
        session.save(Slot.OFFICE, "token")  # type: ignore[arg-type]


def test_session_stores_are_separate() -> None:
    a, b = SessionTokenStore(), SessionTokenStore()
    a.save(Slot.OFFICE, TOKENS)
    assert b.load(Slot.OFFICE) is None


def test_session_store_threads() -> None:
    session = SessionTokenStore()

    def work(slot: Slot, tokens: TokenSet) -> None:
        for _ in range(200):
            session.save(slot, tokens)
            assert session.load(slot) == tokens

    threads = [
        threading.Thread(target=work, args=(Slot.OFFICE, TOKENS)),
        threading.Thread(target=work, args=(Slot.PERSONAL, PERSONAL)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert session.load(Slot.OFFICE) == TOKENS


def test_no_qt_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, humasdesk.credentials as c; c.TokenStore().status; "
        "assert not any(m.startswith('PySide6') for m in sys.modules); "
        "assert 'keyring' not in sys.modules, 'keyring must load lazily'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
