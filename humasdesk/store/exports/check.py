"""`verify_export(path)`: is this export file exactly what this desk signed?

Checks, all of which run (so the report can say everything that is wrong):

1. the file and ``FILE.sig`` exist and the signature file is one of ours (else *unusable*);
2. the Ed25519 signature is valid over the signed statement (`sigfile`) — else the
   signature file was edited or forged;
3. the file's size and SHA-256 equal those in the statement — else the file was edited;
4. when an expected key is given (this desk's ``signing-key.pub`` or ``--pubkey``), the
   signing key is that key — else it was signed by another key;
5. for a JSON Lines export, every entry re-verifies (`jsonl.check_jsonl`) and its manifest
   equals the signed one — this names the first edited entry.

`ExportCheck.status`: ``intact``, ``altered`` or ``unusable``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.store.exports import sigfile
from humasdesk.store.exports.jsonl import check_jsonl


class Status(StrEnum):
    INTACT = "intact"
    ALTERED = "altered"
    UNUSABLE = "unusable"


class Problem(StrEnum):
    NO_FILE = "no_file"
    NO_SIGNATURE = "no_signature"
    SIGNATURE_UNREADABLE = "signature_unreadable"
    BAD_SIGNATURE = "bad_signature"
    SIZE_DIFFERS = "size_differs"
    DIGEST_DIFFERS = "digest_differs"
    OTHER_KEY = "other_key"
    ENTRIES = "entries"
    MANIFEST_DIFFERS = "manifest_differs"
    NOT_AN_EXPORT = "not_an_export"


@dataclass
class ExportCheck:
    """The outcome. `problems` in the order found, each with an English `detail`;
    `fingerprint` of the signing key; `expected_fingerprint` when a key was expected;
    `manifest` (the signed one); `first_bad_seq` for JSON Lines."""

    path: Path
    problems: list[tuple[Problem, str]] = field(default_factory=list)
    fingerprint: str | None = None
    expected_fingerprint: str | None = None
    manifest: dict[str, Any] | None = None
    first_bad_seq: int | None = None
    filtered_gaps: int = 0

    @property
    def status(self) -> Status:
        unusable = {
            Problem.NO_FILE,
            Problem.NO_SIGNATURE,
            Problem.SIGNATURE_UNREADABLE,
            Problem.NOT_AN_EXPORT,
        }
        if any(p in unusable for p, _ in self.problems):
            return Status.UNUSABLE
        return Status.ALTERED if self.problems else Status.INTACT

    @property
    def key_known(self) -> bool:
        return self.expected_fingerprint is not None and self.expected_fingerprint == (
            self.fingerprint
        )


def verify_export(
    path: str | os.PathLike[str], *, expected_public_key: bytes | None = None
) -> ExportCheck:
    p = Path(path)
    result = ExportCheck(path=p)
    if expected_public_key is not None:
        result.expected_fingerprint = fingerprint_of(expected_public_key)
    if not p.is_file():
        result.problems.append((Problem.NO_FILE, f"{p.name} does not exist"))
        return result
    sig_path = sigfile.sig_path_for(p)
    if not sig_path.is_file():
        result.problems.append((Problem.NO_SIGNATURE, f"{sig_path.name} not found"))
        return result
    try:
        doc = sigfile.read_sig(sig_path)
    except (sigfile.SignatureFileError, OSError) as exc:
        result.problems.append((Problem.SIGNATURE_UNREADABLE, str(exc)))
        return result
    public_key = sigfile.public_key_of(doc)
    result.fingerprint = fingerprint_of(public_key)
    result.manifest = doc["manifest"]
    if not sigfile.signature_valid(doc):
        result.problems.append(
            (Problem.BAD_SIGNATURE, "the signature does not match the signature file's content")
        )
    with p.open("rb") as f:
        size, sha = sigfile.digest_stream(f)
    if size != doc["file"]["size"]:
        result.problems.append(
            (Problem.SIZE_DIFFERS, f"size is {size} bytes, signed {doc['file']['size']}")
        )
    if sha != doc["file"]["sha256"]:
        result.problems.append((Problem.DIGEST_DIFFERS, "content differs from what was signed"))
    if expected_public_key is not None and public_key != expected_public_key:
        result.problems.append(
            (
                Problem.OTHER_KEY,
                f"signed by another key (fingerprint {result.fingerprint}, "
                f"expected {result.expected_fingerprint})",
            )
        )
    if doc["manifest"].get("format") == "jsonl":
        with p.open("rb") as f:
            jc = check_jsonl(f)
        result.filtered_gaps = jc.filtered_gaps
        if jc.unusable:
            result.problems.append((Problem.ENTRIES, jc.problems[0]))
        elif jc.problems:
            result.first_bad_seq = jc.first_bad_seq
            result.problems.append((Problem.ENTRIES, jc.problems[0]))
        elif jc.manifest is not None:
            signed = {k: v for k, v in doc["manifest"].items() if k != "format"}
            inline = {
                k: v
                for k, v in jc.manifest.items()
                if k not in ("type", "format", "version", "export_format")
            }
            if signed != inline:
                result.problems.append(
                    (Problem.MANIFEST_DIFFERS, "the file's manifest differs from the signed one")
                )
    return result
