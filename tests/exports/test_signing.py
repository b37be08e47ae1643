"""The desk's signing key: made once, kept in the keyring, shown as a fingerprint."""

from __future__ import annotations

import base64

import pytest

from humasdesk.credentials.errors import SecureStorageUnavailable
from humasdesk.credentials.signing import KEY_USERNAME, ExportSigner, SigningKeyUnreadable
from humasdesk.store.exports import read_public_key_file
from tests.fakes import MemoryKeyring


def test_key_made_once_and_kept_in_keyring(tmp_path):
    """Every export of this desk must carry the same key, across restarts."""
    backend = MemoryKeyring()
    pub = tmp_path / "signing-key.pub"
    a = ExportSigner(backend=backend, public_key_path=pub)
    fp = a.fingerprint
    secret = backend.items[("humasdesk", KEY_USERNAME)]
    assert len(base64.b64decode(secret)) == 32
    b = ExportSigner(backend=backend, public_key_path=pub)
    assert b.fingerprint == fp and b.public_key_bytes == a.public_key_bytes
    assert read_public_key_file(pub) == a.public_key_bytes
    assert secret not in pub.read_text()
    shown = a.fingerprint_display
    assert len(shown.split(" ")) == 16 and shown.replace(" ", "").lower() == fp


def test_signature_verifies_with_public_key():
    """What the desk signs, anyone with the public key can check."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    s = ExportSigner(backend=MemoryKeyring())
    sig = s.sign(b"pernyataan")
    Ed25519PublicKey.from_public_bytes(s.public_key_bytes).verify(sig, b"pernyataan")
    with open(__file__, "rb") as f, pytest.raises(TypeError):
        s.sign(f)  # type: ignore[arg-type]  # a stream is refused, not read whole


def test_insecure_keyring_refused():
    """A plain-text keyring must never hold the private key."""

    class Plain(MemoryKeyring):
        priority = 0.5

    Plain.__module__ = "keyrings.alt.file"
    backend = Plain()
    with pytest.raises(SecureStorageUnavailable):
        _ = ExportSigner(backend=backend).fingerprint
    assert backend.items == {}


def test_unreadable_key_is_not_replaced_silently():
    """A damaged key must not quietly become a new identity."""
    backend = MemoryKeyring()
    backend.items[("humasdesk", KEY_USERNAME)] = "bukan-kunci"
    with pytest.raises(SigningKeyUnreadable):
        _ = ExportSigner(backend=backend).fingerprint
    assert backend.items[("humasdesk", KEY_USERNAME)] == "bukan-kunci"


def test_without_a_keyring_a_session_key_signs_and_nothing_is_written(tmp_path):
    """No secure keyring: with a session key the signer signs (and says it did so with a
    session key); the key is never written, and the desk's key file is not replaced."""
    import pytest as _pytest
    from keyring.backends import fail

    from humasdesk.credentials.errors import SecureStorageUnavailable
    from humasdesk.credentials.signing import ExportSigner, SessionSigningKey

    pub = tmp_path / "signing-key.pub"
    with _pytest.raises(SecureStorageUnavailable):
        ExportSigner(backend=fail.Keyring(), public_key_path=pub).ensure()
    session = SessionSigningKey()
    first = ExportSigner(backend=fail.Keyring(), public_key_path=pub, session_key=session)
    second = ExportSigner(backend=fail.Keyring(), public_key_path=pub, session_key=session)
    assert first.fingerprint == second.fingerprint == session.fingerprint
    assert first.session_only and first.storage_problem is not None
    assert len(first.sign(b"x")) == 64
    assert list(tmp_path.iterdir()) == []
