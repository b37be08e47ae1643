"""`humasdesk outbox [--json] [--all]`: what the outbox holds (no Qt, no network).

Every queued, scheduled, sending, missed and failed item (``--all``: also sent and
cancelled ones), oldest first, with its id, state, account, times (a scheduled post's
``due_at``) and text. Text: one tab-separated line each.
``--json``: an array of objects with English keys (`outbox_row`); states are DESIGN.md's
(``queued``, ``scheduled``, ``sending``, ``sent``, ``missed``, ``failed``, ``cancelled``), times
ISO 8601 with the laptop's offset, null when not set.

A new field is one more key in `outbox_row`; the text line shows `TEXT_COLUMNS`.

Exit codes: 0 listed (also when empty), 2 no data folder or database.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from humasdesk.commands.common import EXIT_OK, Deps, add_data_dir, open_data

if TYPE_CHECKING:
    from humasdesk.store.outbox_store import OutboxItem

NAME = "outbox"
HELP = "isi kotak keluar: antre, terjadwal, sedang dikirim, terlewat, gagal (--all: semua)"
DESCRIPTION = "Isi kotak keluar kedua akun, yang terlama dulu."
LIVE_STATES = ("queued", "scheduled", "sending", "missed", "failed")
ALL_STATES = (*LIVE_STATES, "sent", "cancelled")
#: The keys of `outbox_row` the text output shows, in order.
TEXT_COLUMNS = (
    "id", "state", "account", "handle", "created_at", "due_at", "next_attempt_at", "text",
)  # fmt: skip


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in the laptop's zone, with its offset (``2024-05-31T17:00:00+07:00``)."""
    return None if value is None else value.astimezone().isoformat(timespec="seconds")


def outbox_row(item: OutboxItem) -> dict[str, Any]:
    """One outbox item for `--json` (and the text line): English keys, no tokens, no
    image bytes."""
    return {
        "id": item.id,
        "state": item.state.value,
        "account": item.slot.value,
        "handle": item.handle,
        "kind": item.kind.value,
        "text": item.text,
        "reply_to": item.reply_to,
        "quote_of": item.quote_of,
        "thread_id": item.thread_id,
        "thread_index": item.thread_index,
        "images": len(item.media),
        "official_capacity": item.official_capacity,
        "created_at": iso(item.created_at),
        "not_before": iso(item.not_before),
        "due_at": iso(item.due_at),  # a scheduled post's time (issue 15); null otherwise
        "next_attempt_at": iso(item.next_attempt_at),
        "sent_at": iso(item.sent_at),
        "updated_at": iso(item.updated_at),
        "attempts": item.attempts,
        "outcome_unknown": item.outcome_unknown,
        "error": item.last_error_kind,
        "error_text": item.last_error_text,
        "x_post_id": item.x_post_id,
    }


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="JSON dengan kunci bahasa Inggris")
    p.add_argument("--all", action="store_true", help="termasuk yang terkirim dan dibatalkan")
    add_data_dir(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot
    from humasdesk.store.outbox_store import OutboxStore

    states = ALL_STATES if ns.all else LIVE_STATES
    with open_data(ns.data_dir) as data:
        store = OutboxStore(data.db)
        items = [i for slot in Slot for i in store.items(slot, states, limit=1_000_000)]
    rows = [outbox_row(i) for i in sorted(items, key=lambda i: i.id)]
    if ns.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("Kotak keluar kosong.")
    else:
        for row in rows:
            print("\t".join(_cell(key, row[key]) for key in TEXT_COLUMNS))
    return EXIT_OK


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key == "handle":
        return f"@{value}"
    return str(value).replace("\r", " ").replace("\n", " ⏎ ")
