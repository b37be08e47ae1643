"""Metrics snapshots in the exports (issue 16), one row shape for every format.

An export carries the readings of the posts and replies its entries hold (the same
selection: period, accounts, personal posts only in official capacity unless included).
Each row: the post's X id, account id and slot, handle, when it was posted and read, the
schedule point, X's six public counts under X's own names (None when X did not return
one, never 0), the non-public and organic counts X returned, and which fields X returned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from humasdesk.core.activity import format_ts
from humasdesk.core.snapshots import PUBLIC_FIELDS, Snapshot

LINE_TYPE = "metrics_snapshot"
PRIVATE_COLUMNS = (
    ("non_public_metrics", "impression_count"),
    ("organic_metrics", "impression_count"),
    ("organic_metrics", "like_count"),
    ("organic_metrics", "retweet_count"),
    ("organic_metrics", "reply_count"),
)
#: The XLSX sheet's columns, in order (X's names for X's numbers).
COLUMNS = (
    "id_kiriman",
    "akun",
    "handle",
    "waktu_kirim",
    "dibaca_pada",
    "titik",
    *PUBLIC_FIELDS,
    *(f"{group}.{name}" for group, name in PRIVATE_COLUMNS),
    "bidang_dari_x",
)


@dataclass(frozen=True)
class SnapshotRow:
    snapshot: Snapshot
    slot: str | None
    handle: str | None
    posted_at: datetime | None

    def json_obj(self) -> dict[str, Any]:
        s = self.snapshot
        obj: dict[str, Any] = {
            "type": LINE_TYPE,
            "x_post_id": s.x_post_id,
            "account_id": s.account_id,
            "slot": self.slot,
            "handle": self.handle,
            "posted_at": None if self.posted_at is None else format_ts(self.posted_at),
            "read_at": format_ts(s.read_at),
            "point": s.point,
            "public_metrics": {n: s.value(n) for n in PUBLIC_FIELDS},
            "non_public_metrics": None if s.non_public is None else dict(s.non_public),
            "organic_metrics": None if s.organic is None else dict(s.organic),
            "fields": list(s.fields),
        }
        return obj

    def line(self) -> bytes:
        text = json.dumps(self.json_obj(), ensure_ascii=False, separators=(",", ":"))
        return (text + "\n").encode("utf-8")

    def private(self, group: str, name: str) -> int | None:
        values: Mapping[str, int | None] | None = (
            self.snapshot.non_public if group == "non_public_metrics" else self.snapshot.organic
        )
        return None if values is None else values.get(name)


def check_line(obj: Any) -> str | None:
    """Why a ``metrics_snapshot`` line of a JSON Lines export is not one, or None."""
    if not isinstance(obj, dict) or obj.get("type") != LINE_TYPE:
        return "not a metrics snapshot"
    for key in ("x_post_id", "read_at", "point"):
        if not isinstance(obj.get(key), str):
            return f"metrics snapshot without {key}"
    public = obj.get("public_metrics")
    if not isinstance(public, dict):
        return "metrics snapshot without public_metrics"
    for name, value in public.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return f"metrics snapshot with a non-count {name}"
    return None


def rows_latest_first(rows: Iterable[SnapshotRow]) -> dict[str, SnapshotRow]:
    """Each post's latest reading (by read time)."""
    out: dict[str, SnapshotRow] = {}
    for r in rows:
        cur = out.get(r.snapshot.x_post_id)
        if cur is None or r.snapshot.read_at >= cur.snapshot.read_at:
            out[r.snapshot.x_post_id] = r
    return out
