"""Supervisor export files: one module per format, each streaming `ActivityEntry` objects
to a binary file (constant memory), plus the detached-signature file and its checks.

May import `humasdesk.core`, the stdlib, `xlsxwriter` and `cryptography` (and `csvfmt`
the activity log's stored-row form); never Qt, never the keyring (signing keys live in
`humasdesk.credentials.signing`; this package only writes and checks signature *files*).

* `rows` — the column set shared by CSV and XLSX, selection (privacy) and citizen masking.
* `csvfmt`, `xlsxfmt`, `jsonl` — the writers (`csvfmt.write_csv_rows` decodes the log's
  stored rows itself: the CSV export of a large log is bound by per-row work).
* `manifest` — `ExportManifest`: what every export states about itself.
* `sigfile` — the `FILE.sig` format: build, sign (through a callable), write, read, check.
* `atomic` — temp file in the target folder, fsync, rename; never a half file.
* `check` — `verify_export(path)`: signature, key, and for JSON Lines the entries' hashes.
"""

from humasdesk.core.fingerprint import fingerprint_of, format_fingerprint
from humasdesk.store.exports.atomic import AtomicOutput
from humasdesk.store.exports.check import ExportCheck, verify_export
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import (
    COLUMNS,
    CitizenMasker,
    Selection,
)
from humasdesk.store.exports.sigfile import (
    SIG_SUFFIX,
    SignatureFileError,
    read_public_key_file,
)

FORMATS = ("csv", "xlsx", "jsonl", "pdf")

__all__ = [
    "COLUMNS",
    "FORMATS",
    "SIG_SUFFIX",
    "AtomicOutput",
    "CitizenMasker",
    "ExportCheck",
    "ExportManifest",
    "Selection",
    "SignatureFileError",
    "fingerprint_of",
    "format_fingerprint",
    "read_public_key_file",
    "verify_export",
]
