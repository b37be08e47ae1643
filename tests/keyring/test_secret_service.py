"""TokenStore against a real gnome-keyring over D-Bus (see conftest.py for how these run)."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator

import pytest

from humasdesk.core.models import Slot, TokenSet
from humasdesk.credentials import (
    SecureStorageUnavailable,
    StorageProblem,
    StorageStatus,
    TokenStore,
)

pytestmark = pytest.mark.keyring

SECRET_SERVICE = "Secret Service (GNOME Keyring/KWallet)"
OFFICE = TokenSet(
    "AT-office-real-1", "RT-office-real-1", 1_900_000_000.0, ("tweet.read",), "11", "humas"
)
PERSONAL = TokenSet("AT-personal-real-2", None, 1_900_000_123.25, (), "22", "kepala")
GUILTY_IFACE = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"


@pytest.fixture
def store() -> Iterator[TokenStore]:
    s = TokenStore()
    yield s
    for slot in Slot:
        s.delete(slot)


def secret_tool_search(*attrs: str) -> tuple[int, str]:
    """`secret-tool search --all ATTR VALUE...`: returns (exit code, output with secrets)."""
    proc = subprocess.run(
        ["secret-tool", "search", "--all", *attrs],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_default_backend_is_secret_service() -> None:
    import keyring
    from keyring.backends import SecretService

    assert isinstance(keyring.get_keyring(), SecretService.Keyring)
    assert TokenStore().status() == StorageStatus(True, SECRET_SERVICE, None)


def test_round_trip_both_slots(store: TokenStore) -> None:
    assert store.load(Slot.OFFICE) is None
    store.save(Slot.OFFICE, OFFICE)
    store.save(Slot.PERSONAL, PERSONAL)
    fresh = TokenStore()  # nothing cached in the object: it comes from the daemon
    assert fresh.load(Slot.OFFICE) == OFFICE
    assert fresh.load(Slot.PERSONAL) == PERSONAL
    store.save(Slot.OFFICE, PERSONAL)
    assert fresh.load(Slot.OFFICE) == PERSONAL
    fresh.delete(Slot.OFFICE)
    assert store.load(Slot.OFFICE) is None
    assert store.load(Slot.PERSONAL) == PERSONAL
    fresh.delete(Slot.OFFICE)  # already gone: fine
    store.delete(Slot.PERSONAL)
    assert store.load(Slot.PERSONAL) is None


def test_item_sits_in_the_keyring(store: TokenStore) -> None:
    store.save(Slot.OFFICE, OFFICE)
    store.save(Slot.PERSONAL, PERSONAL)
    rc, out = secret_tool_search("service", "humasdesk")
    assert rc == 0, out
    # One item per slot (the export-signing key, if an earlier test made one, is its own item).
    usernames = re.findall(r"^attribute\.username = (.+)$", out, flags=re.M)
    assert usernames.count("office") == 1 and usernames.count("personal") == 1, out

    rc, out = secret_tool_search("service", "humasdesk", "username", "office")
    assert rc == 0, out
    secret = next(line for line in out.splitlines() if line.startswith("secret = "))
    data = json.loads(secret.removeprefix("secret = "))
    assert data["access_token"] == OFFICE.access_token and data["username"] == "humas"

    store.delete(Slot.OFFICE)
    rc, out = secret_tool_search("service", "humasdesk", "username", "office")
    assert "attribute.username = office" not in out


def test_another_process_reads_it(store: TokenStore) -> None:
    store.save(Slot.PERSONAL, PERSONAL)
    code = (
        "from humasdesk.credentials import TokenStore; "
        "t = TokenStore().load('personal'); print(t.username, t.expires_at, t.refresh_token)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=True
    ).stdout
    assert out.split() == ["kepala", "1900000123.25", "None"]


def test_corrupt_item_in_real_keyring(store: TokenStore) -> None:
    from humasdesk.credentials import CorruptSecret

    subprocess.run(
        ["secret-tool", "store", "--label=bad", "service", "humasdesk", "username", "office"],
        input="{oops",
        text=True,
        timeout=10,
        check=True,
    )
    with pytest.raises(CorruptSecret):
        store.load(Slot.OFFICE)
    store.delete(Slot.OFFICE)
    assert store.load(Slot.OFFICE) is None


# -- a locked collection ----------------------------------------------------------------------


def _unlock_with_password(collection_path: str) -> None:
    """Unlock without a prompt, as the login manager does (gnome-keyring's private interface)."""
    import secretstorage
    from secretstorage.defines import SS_PATH
    from secretstorage.util import DBusAddressWrapper, format_secret, open_session

    password = os.environ["HUMASDESK_TEST_KEYRING_PASSWORD"].encode()
    with secretstorage.dbus_init() as conn:
        session = open_session(conn)
        iface = DBusAddressWrapper(SS_PATH, GUILTY_IFACE, conn)
        iface.call(
            "UnlockWithMasterPassword",
            "o(oayays)",
            collection_path,
            format_secret(session, password, "text/plain"),
        )


@pytest.fixture
def locked_login() -> Iterator[None]:
    """The default ('login') collection, locked with secretstorage; unlocked again after."""
    import secretstorage

    with secretstorage.dbus_init() as conn:
        collection = secretstorage.get_default_collection(conn)
        path = collection.collection_path
        collection.lock()
        assert collection.is_locked()
    try:
        yield
    finally:
        _unlock_with_password(path)
        with secretstorage.dbus_init() as conn:
            assert not secretstorage.get_default_collection(conn).is_locked()


@pytest.fixture
def office_saved(store: TokenStore) -> TokenStore:
    store.save(Slot.OFFICE, OFFICE)
    return store


def test_locked_collection(office_saved: TokenStore, locked_login: None) -> None:
    # keyring asks the daemon to unlock; with no display the prompt fails at once and keyring
    # raises KeyringLocked (the 30 s test time-out guards against a prompt that waits).
    locked = TokenStore()
    with warnings.catch_warnings():
        # keyring's SecretService backend raises KeyringLocked before it closes its D-Bus
        # connection; the socket is left for the garbage collector (a ResourceWarning).
        warnings.simplefilter("ignore", ResourceWarning)
        for call in (
            lambda: locked.load(Slot.OFFICE),
            lambda: locked.save(Slot.PERSONAL, PERSONAL),
            lambda: locked.delete(Slot.OFFICE),
        ):
            with pytest.raises(SecureStorageUnavailable) as info:
                call()
            assert info.value.problem is StorageProblem.LOCKED
            assert "AT-office" not in str(info.value)
        assert locked.status() == StorageStatus(False, SECRET_SERVICE, StorageProblem.LOCKED)
        del info
        gc.collect()


def test_unlocked_again_nothing_lost(office_saved: TokenStore) -> None:
    import secretstorage

    with secretstorage.dbus_init() as conn:
        collection = secretstorage.get_default_collection(conn)
        path = collection.collection_path
        collection.lock()
    store = TokenStore()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        assert store.status().problem is StorageProblem.LOCKED
        gc.collect()
    _unlock_with_password(path)
    # The same store object works again, and nothing was lost or written elsewhere.
    assert store.status().available
    assert store.load(Slot.OFFICE) == OFFICE
    assert store.load(Slot.PERSONAL) is None
