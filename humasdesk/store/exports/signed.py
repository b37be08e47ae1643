"""One home for every signed file: supervisor exports, access reports, the handover file
(and later the supervisor's rekap). `write_signed` does the sequence that must be right each
time:

1. checks: the target is not a folder, its folder exists, the signing key can be read
   (`ExportFailed` with a `FailureReason`, nothing written);
2. the caller's `write_body` writes the data into ``.<name>.<random>.part`` in the target
   folder (same file system: the final rename is atomic) and returns the manifest;
3. the file is fsynced and its size and SHA-256 go into the signed statement
   (`sigfile.build_statement`), which the key signs;
4. ``FILE.sig`` is written the same way, and both are renamed into place together
   (`atomic.commit_all`): both land or neither;
5. cancel, failure or a full disk remove the temporary files (never a half file), and every
   `OSError` becomes `ExportFailed` with the reason (``no_space``, ``no_permission``,
   ``read_only``, ``no_folder``, ``is_directory``, ``io``) and a plain English message.

The signer's keyring errors (`humasdesk.core.errors.SecretUnavailable`) become
``ExportFailed(KEYRING)``: the private key never goes to a file. `write_unsigned` is the same
sequence without steps 3–4, for a draft that is not signed (the breach notification).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from humasdesk import __version__
from humasdesk.core.activity import format_ts
from humasdesk.core.errors import SecretUnavailable
from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.store.exports import sigfile
from humasdesk.store.exports.atomic import AtomicOutput, commit_all

logger = logging.getLogger(__name__)


class ExportError(Exception):
    """Base of the errors of a signed file."""


class FailureReason(StrEnum):
    NO_SPACE = "no_space"
    NO_PERMISSION = "no_permission"
    READ_ONLY = "read_only"
    NO_FOLDER = "no_folder"
    IS_DIRECTORY = "is_directory"
    IO = "io"
    KEYRING = "keyring"
    NO_PDF_WRITER = "no_pdf_writer"
    PDF_WRITER_FAILED = "pdf_writer_failed"


class ExportFailed(ExportError):
    """The file could not be made; nothing was left behind. `reason` says why (the GUI and
    the command line turn it into their text); the message is English, for the log."""

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ExportCancelled(ExportError):
    """Cancelled by the caller; the temporary files are gone."""


class Signer(Protocol):
    @property
    def public_key_bytes(self) -> bytes: ...
    def sign(self, message: bytes) -> bytes: ...


def failure_from_oserror(exc: OSError, what: str) -> ExportFailed:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ExportFailed(FailureReason.NO_SPACE, f"no space left on the disk for {what}")
    if code in (errno.EACCES, errno.EPERM):
        return ExportFailed(FailureReason.NO_PERMISSION, f"no permission to write {what}")
    if code == errno.EROFS:
        return ExportFailed(FailureReason.READ_ONLY, f"the disk for {what} is read-only")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportFailed(FailureReason.NO_FOLDER, f"the folder for {what} does not exist")
    if code == errno.EISDIR:
        return ExportFailed(FailureReason.IS_DIRECTORY, f"{what} is a folder")
    return ExportFailed(FailureReason.IO, f"could not write {what}: {exc.strerror or exc}")


def check_target(out: Path) -> None:
    """The checks before anything is written: a file name, in a folder that exists."""
    if out.is_dir():
        raise ExportFailed(FailureReason.IS_DIRECTORY, f"{out.name} is a folder")
    if not out.parent.is_dir():
        raise ExportFailed(FailureReason.NO_FOLDER, f"the folder for {out.name} does not exist")


class SignedBody:
    """The data file while `write_body` writes it: `file` (binary, readable back), the
    `fingerprint` of the key that will sign it and its `key_kind` (manifests state both):
    ``keyring`` (the desk's saved key) or ``session`` (no secure keyring: a key for this
    session only, which cannot be checked against a saved key)."""

    def __init__(self, output: AtomicOutput, fingerprint: str, key_kind: str = "keyring") -> None:
        self._output = output
        self.fingerprint = fingerprint
        self.key_kind = key_kind

    @property
    def file(self) -> BinaryIO:
        return self._output.file

    def write_by_path(self, write: Callable[[Path], None]) -> None:
        """For a writer that takes a path (the Qt PDF writers): `write(temporary path)`."""
        self._output.file.close()
        write(self._output.tmp_path)
        self._output.file = open(self._output.tmp_path, "r+b")


@dataclass(frozen=True)
class SignedFile:
    path: Path
    sig_path: Path
    size: int
    sha256: str
    fingerprint: str
    manifest: Mapping[str, Any] = field(default_factory=dict)


def _oserror_in(exc: BaseException) -> OSError | None:
    """The OSError behind `exc` (xlsxwriter wraps them)."""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 5:
        if isinstance(cur, OSError):
            return cur
        for arg in getattr(cur, "args", ()):
            if isinstance(arg, OSError):
                return arg
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return None


def _keyring_failure(exc: SecretUnavailable, name: str) -> ExportFailed:
    return ExportFailed(FailureReason.KEYRING, f"cannot sign {name}: {exc}")


def write_signed(
    out_path: str | os.PathLike[str],
    write_body: Callable[[SignedBody], Mapping[str, Any]],
    *,
    signer: Signer,
    created_at: datetime,
    cancel: Callable[[], bool] | None = None,
) -> SignedFile:
    """Write `out_path` and ``out_path.sig`` (see the module docstring). `write_body` writes
    the data and returns the manifest the signature states; it may raise `ExportError`s of
    its own (e.g. `ExportCancelled`). Raises `ExportFailed` or `ExportCancelled`."""
    out = Path(out_path)
    check_target(out)
    try:
        public_key = signer.public_key_bytes
    except SecretUnavailable as exc:
        raise _keyring_failure(exc, out.name) from None
    fingerprint = fingerprint_of(public_key)
    key_kind = "session" if getattr(signer, "session_only", False) else "keyring"

    def sign(data: AtomicOutput, manifest: Mapping[str, Any]) -> tuple[bytes, int, str]:
        data.sync()
        data.file.seek(0)
        size, sha256 = sigfile.digest_stream(data.file)
        statement = sigfile.build_statement(
            public_key=public_key,
            file_name=out.name,
            size=size,
            sha256=sha256,
            created_at=format_ts(created_at),
            app_version=__version__,
            manifest=dict(manifest),
        )
        try:
            return sigfile.sign_statement(statement, signer.sign), size, sha256
        except SecretUnavailable as exc:
            raise _keyring_failure(exc, out.name) from None

    return _write(out, write_body, fingerprint, sign, cancel, key_kind)


def write_unsigned(
    out_path: str | os.PathLike[str], write_body: Callable[[SignedBody], object]
) -> Path:
    """The same sequence for a file that is not signed (a draft to edit before sending):
    checks, temporary file, rename, disk errors mapped. Raises `ExportFailed`."""
    out = Path(out_path)
    check_target(out)

    def body(b: SignedBody) -> Mapping[str, Any]:
        write_body(b)
        return {}

    _write(out, body, "", None, None)
    return out


Sign = Callable[[AtomicOutput, Mapping[str, Any]], tuple[bytes, int, str]]


def _write(
    out: Path,
    write_body: Callable[[SignedBody], Mapping[str, Any]],
    fingerprint: str,
    sign: Sign | None,
    cancel: Callable[[], bool] | None,
    key_kind: str = "keyring",
) -> SignedFile:
    name = out.name
    what = name
    data: AtomicOutput | None = None
    sig: AtomicOutput | None = None
    size, sha256 = 0, ""
    manifest: Mapping[str, Any] = {}
    try:
        data = AtomicOutput(out)
        manifest = write_body(SignedBody(data, fingerprint, key_kind))
        if cancel is not None and cancel():
            raise ExportCancelled(f"{name}: cancelled")
        outputs = [data]
        if sign is not None:
            signed, size, sha256 = sign(data, manifest)
            what = name + sigfile.SIG_SUFFIX
            sig = AtomicOutput(sigfile.sig_path_for(out))
            sig.file.write(signed)
            outputs.append(sig)
            if cancel is not None and cancel():
                raise ExportCancelled(f"{name}: cancelled")
        commit_all(*outputs)
    except ExportError:
        _discard(data, sig)
        raise
    except OSError as exc:
        _discard(data, sig)
        logger.warning("file not written: %s (errno %s)", type(exc).__name__, exc.errno)
        raise failure_from_oserror(exc, what) from None
    except Exception as exc:
        _discard(data, sig)
        inner = _oserror_in(exc)
        if inner is not None:
            raise failure_from_oserror(inner, what) from None
        raise
    except BaseException:
        _discard(data, sig)
        raise
    return SignedFile(out, sigfile.sig_path_for(out), size, sha256, fingerprint, dict(manifest))


def _discard(*outputs: AtomicOutput | None) -> None:
    for o in outputs:
        if o is not None:
            o.discard()


__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportFailed",
    "FailureReason",
    "SignedBody",
    "SignedFile",
    "Signer",
    "check_target",
    "failure_from_oserror",
    "write_signed",
    "write_unsigned",
]
