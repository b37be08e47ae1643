"""The detached signature file ``FILE.sig`` of an export.

It is a UTF-8 JSON object (pretty-printed, sorted keys)::

    {
      "format": "humasdesk-export-signature", "version": 1, "algorithm": "ed25519",
      "public_key": "<base64 of the raw 32-byte Ed25519 public key>",
      "fingerprint": "<hex SHA-256 of the raw public key>",
      "file": {"name": "laporan.csv", "size": 12345, "sha256": "<hex>"},
      "created_at": "2024-05-31T10:00:00.000Z", "app_version": "0.1.0",
      "manifest": { ExportManifest.to_dict() },
      "signature": "<base64 of the 64-byte Ed25519 signature>"
    }

What is signed: the Ed25519 signature is over the *signed statement*::

    b"humasdesk-export-signature-v1\\n" || canonical JSON of the object above without
    "signature" (sorted keys, separators "," and ":", UTF-8, non-ASCII as itself)

so it covers the file's SHA-256 and size (hence every byte of the file), its manifest and
the key itself. Signing the SHA-256 rather than the raw bytes keeps exports streaming: pure
Ed25519 needs the whole message in memory (twice), and `cryptography` has no Ed25519ph.
The file name is recorded but not checked (a supervisor may rename the file).

A public key file (``signing-key.pub``, or ``--pubkey``) is one line
``ed25519 <base64 raw key> <label>``; a bare base64 key or a PEM SubjectPublicKeyInfo is
read too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from humasdesk.core.fingerprint import fingerprint_of

SIG_SUFFIX = ".sig"
SIG_FORMAT = "humasdesk-export-signature"
SIG_VERSION = 1
ALGORITHM = "ed25519"
SIGNING_CONTEXT = b"humasdesk-export-signature-v1\n"


class SignatureFileError(ValueError):
    """A signature or public-key file that cannot be used (not one of ours, unreadable)."""


def digest_stream(stream: BinaryIO, chunk: int = 1 << 20) -> tuple[int, str]:
    """(size, hex SHA-256) of a stream read to its end."""
    h = hashlib.sha256()
    size = 0
    while block := stream.read(chunk):
        h.update(block)
        size += len(block)
    return size, h.hexdigest()


def sig_path_for(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(p.name + SIG_SUFFIX)


def build_statement(
    *,
    public_key: bytes,
    file_name: str,
    size: int,
    sha256: str,
    created_at: str,
    app_version: str,
    manifest: dict[str, Any],
) -> dict[str, Any]:
    return {
        "format": SIG_FORMAT,
        "version": SIG_VERSION,
        "algorithm": ALGORITHM,
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "fingerprint": fingerprint_of(public_key),
        "file": {"name": file_name, "size": size, "sha256": sha256},
        "created_at": created_at,
        "app_version": app_version,
        "manifest": manifest,
    }


def signed_message(doc: dict[str, Any]) -> bytes:
    statement = {k: v for k, v in doc.items() if k != "signature"}
    return SIGNING_CONTEXT + json.dumps(
        statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sign_statement(statement: dict[str, Any], sign: Callable[[bytes], bytes]) -> bytes:
    """The signature file's bytes: `statement` plus the signature `sign` makes over it."""
    doc = dict(statement)
    doc["signature"] = base64.b64encode(sign(signed_message(statement))).decode("ascii")
    text = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _b64(value: Any, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureFileError(f"{what} is not base64") from None
    if len(raw) != length:
        raise SignatureFileError(f"{what} has the wrong length")
    return raw


def read_sig(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Parse and shape-check a signature file (raises `SignatureFileError`, `OSError`)."""
    raw = Path(path).read_bytes()
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeError):
        raise SignatureFileError("not a JSON signature file") from None
    if not isinstance(doc, dict) or doc.get("format") != SIG_FORMAT:
        raise SignatureFileError("not a HumasDesk signature file")
    if doc.get("version") != SIG_VERSION or doc.get("algorithm") != ALGORITHM:
        raise SignatureFileError("signature format or algorithm this version does not know")
    f = doc.get("file")
    if (
        not isinstance(f, dict)
        or not isinstance(f.get("size"), int)
        or not isinstance(f.get("sha256"), str)
    ):
        raise SignatureFileError("signature file has no file digest")
    if not isinstance(doc.get("manifest"), dict):
        raise SignatureFileError("signature file has no manifest")
    _b64(doc.get("public_key"), 32, "public key")
    _b64(doc.get("signature"), 64, "signature")
    return doc


def public_key_of(doc: dict[str, Any]) -> bytes:
    return _b64(doc.get("public_key"), 32, "public key")


def signature_valid(doc: dict[str, Any]) -> bool:
    """Whether `doc["signature"]` is a valid Ed25519 signature by `doc["public_key"]` over
    the signed statement."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = Ed25519PublicKey.from_public_bytes(public_key_of(doc))
    try:
        key.verify(_b64(doc.get("signature"), 64, "signature"), signed_message(doc))
    except InvalidSignature:
        return False
    return True


def public_key_file_text(public_key: bytes, label: str = "humasdesk-export") -> str:
    return f"{ALGORITHM} {base64.b64encode(public_key).decode('ascii')} {label}\n"


def read_public_key_file(path: str | os.PathLike[str]) -> bytes:
    """The raw 32-byte Ed25519 key of a public key file (raises SignatureFileError, OSError)."""
    data = Path(path).read_bytes()
    if b"-----BEGIN" in data:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            key = serialization.load_pem_public_key(data)
        except ValueError:
            raise SignatureFileError("unreadable PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise SignatureFileError("not an Ed25519 public key")
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        words = data.decode("ascii").split()
    except UnicodeError:
        raise SignatureFileError("unreadable public key file") from None
    if words and words[0] == ALGORITHM:
        words = words[1:]
    if not words:
        raise SignatureFileError("empty public key file")
    return _b64(words[0], 32, "public key")
