"""`ExportManifest`: what every export states about itself (period, accounts, count, chain
head, key). It is the first line of a JSON Lines export, is inside every signature file (so
the signature covers it), is printed in the PDF report, and is recorded in ``export_made``.

Fields (``to_dict()``; times UTC ``…Z``, None = no bound):

``format`` (csv/xlsx/jsonl/pdf), ``period_from`` (inclusive), ``period_to`` (exclusive),
``accounts`` (sorted slot names), ``include_personal``, ``personal_scope``
(``none``/``official_capacity``/``all``), ``citizen_data`` (``masked``/``full``),
``entries`` (how many entries the file holds), ``first_seq``/``last_seq`` (None when empty),
``log_head_seq``/``log_head_hash`` (the log's head when the export began: a supervisor can
compare it with a later export), ``generated_at``, ``timezone`` (the zone used for local
times, e.g. ``+07:00``), ``signing_key_fingerprint`` (hex SHA-256 of the raw public key),
``app_version``, ``canonical_version``, ``agency``, ``unit`` and ``classification`` (the
security/access classification chosen for the export: Biasa, Terbatas, Rahasia or Sangat
Rahasia), ``snapshots`` (metrics readings carried, issue 16).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from humasdesk.core.activity import CANONICAL_VERSION, format_ts
from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.privacy import DEFAULT_CLASSIFICATION


@dataclass(frozen=True)
class ExportManifest:
    format: str
    period_from: datetime | None
    period_to: datetime | None
    accounts: tuple[str, ...]
    include_personal: bool
    personal_scope: str
    citizen_data: str
    entries: int
    first_seq: int | None
    last_seq: int | None
    log_head_seq: int
    log_head_hash: str
    generated_at: datetime
    timezone: str
    signing_key_fingerprint: str
    app_version: str
    canonical_version: int = CANONICAL_VERSION
    agency: str = ""
    unit: str = ""
    classification: str = DEFAULT_CLASSIFICATION
    #: "keyring" (the desk's saved key) or "session" (no secure keyring: a key for that
    #: session only; the signature cannot be checked against a saved key).
    signing_key_kind: str = "keyring"
    #: metrics snapshots the export carries (issue 16: JSON Lines lines, an XLSX sheet)
    snapshots: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("period_from", "period_to", "generated_at"):
            value = d[key]
            d[key] = None if value is None else format_ts(value)
        d["accounts"] = list(self.accounts)
        return d

    def report_fields(self) -> dict[str, Any]:
        """The manifest in the keys the PDF report (`humasdesk.gui.report`) reads:
        ``period_start``/``period_end`` (aware datetimes, end exclusive), ``generated_at``,
        ``entry_count``, ``head_seq``, ``head_hash``, ``fingerprint`` (grouped, ``3F2A 9C01
        …``), ``app_version``, ``include_personal``, ``accounts``
        (``[{"slot": …}]``), plus every `to_dict` field."""
        d = self.to_dict()
        d.update(
            period_start=self.period_from,
            period_end=self.period_to,
            generated_at=self.generated_at,
            entry_count=self.entries,
            head_seq=self.log_head_seq,
            head_hash=self.log_head_hash,
            fingerprint=format_fingerprint(self.signing_key_fingerprint),
            accounts=[{"slot": s} for s in self.accounts],
        )
        return d
