"""`humasdesk metrics refresh [--account office|personal]` and `humasdesk metrics list [--json]`.

``refresh`` reads every measured post's numbers now (the posts and replies of the account,
or both, sent by the desk or seen on X), within the month's budget, and says what it
skipped. It needs the account signed in (as `humasdesk sync` does).

``list`` prints per post (no network) its X id, account, posted time and the latest
reading, with X's own names for the numbers (``impression_count``, ``like_count``,
``retweet_count``, ``quote_count``, ``reply_count``, ``bookmark_count``) and ``read_at``;
a number X did not return is null, never 0. ``--json``: an array with English keys, times
ISO 8601 with the laptop's offset.

Exit codes: 0 done, 1 a read failed (what was read is kept), 2 bad usage or no data.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from humasdesk.commands import common
from humasdesk.commands.common import EXIT_OK, Deps, UsageError
from humasdesk.core.snapshots import PUBLIC_FIELDS

NAME = "metrics"
HELP = "jangkauan dan keterlibatan kiriman: baca angka sekarang (refresh), daftar (list)"
DESCRIPTION = (
    "Angka jangkauan dan keterlibatan tiap kiriman kedua akun. `refresh` membaca angka semua "
    "kiriman sekarang (dalam anggaran bulan ini); `list` mencetak angka terakhir tiap kiriman."
)
ACTIONS = ("refresh", "list")
PUBLIC = PUBLIC_FIELDS  # X's own names, in X's order


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=ACTIONS, help="refresh: baca sekarang; list: daftar")
    p.add_argument("--account", choices=("office", "personal"), default=None)
    p.add_argument("--json", action="store_true", help="JSON dengan kunci bahasa Inggris")
    common.add_x_target(p)


def _iso(value: Any) -> str | None:
    return None if value is None else value.astimezone().isoformat(timespec="seconds")


def metrics_row(post: Any, latest: Any) -> dict[str, Any]:
    """One measured post for `list --json`: X's names for the numbers, `read_at`."""
    row: dict[str, Any] = {
        "x_post_id": post.x_post_id,
        "account": post.slot,
        "handle": post.handle,
        "kind": post.kind,
        "posted_at": _iso(post.posted_at),
        "deleted_on_x": post.deleted_at is not None,
        "replaced_by": post.replaced_by,
        "read_at": _iso(latest.read_at) if latest else None,
        "point": latest.point if latest else None,
    }
    for name in PUBLIC:
        row[name] = latest.value(name) if latest else None
    row["fields"] = list(latest.fields) if latest else []
    return row


def run(ns: argparse.Namespace, deps: Deps) -> int:
    if ns.action == "list":
        return _list(ns)  # the data folder only: no X, no keyring
    if ns.json:
        raise UsageError("--json hanya untuk `metrics list`")
    return _refresh(ns, deps)


def _list(ns: argparse.Namespace) -> int:
    from humasdesk.store.metrics_store import MetricsStore

    with common.open_data(ns.data_dir) as data:
        store = MetricsStore(data.db)
        posts = [p for p in store.posts() if ns.account is None or p.slot == ns.account]
        latest: dict[str, Any] = {}
        for snap in store.snapshots([p.x_post_id for p in posts]):
            latest[snap.x_post_id] = snap  # time order: the last one wins
    rows = [metrics_row(p, latest.get(p.x_post_id)) for p in posts]
    if ns.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("Belum ada kiriman yang diukur.")
    else:
        for r in rows:
            cells = [r["x_post_id"], r["account"] or "-", r["posted_at"] or "-"]
            cells += ["-" if r[n] is None else str(r[n]) for n in PUBLIC[:2]]
            cells.append(r["read_at"] or "belum dibaca")
            print("\t".join(cells))
    return EXIT_OK


def _refresh(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot

    slots = [Slot(ns.account)] if ns.account else list(Slot)
    failed = signed_in = 0
    with common.desk_services(ns, deps) as services:
        for slot in slots:
            name = f"slot {common.slot_name(slot)}"
            session = services.accounts.restore(slot)
            if session is None:
                print(f"{name}: belum masuk (humasdesk signin {slot.value})", flush=True)
                continue
            signed_in += 1
            try:
                seen = services.timeline.sync(session, call=services.accounts.call)
                if seen.error is not None:
                    print(f"{name}: kiriman: {common.error_text(seen.error)}", flush=True)
                result = services.metrics.refresh(session, call=services.accounts.call)
                budget = services.metrics.budget(session.account.user_id)
            finally:
                session.client.close()
            line = f"{name} @{session.account.username}: angka {result.read} kiriman dibaca"
            if result.deleted:
                line += f", {result.deleted} dihapus di X"
            if result.exhausted:
                line += ", anggaran baca angka bulan ini habis: tidak ada yang dibaca"
            elif result.skipped:
                line += f", {result.skipped} dilewati agar anggaran tidak terlampaui"
            line += f" (terpakai US${budget.spent:.3f} dari US${budget.limit:.2f} bulan ini)"
            if result.error is not None:
                line += f"; sisanya menunggu: {common.error_text(result.error)}"
                failed += 1
            print(line, flush=True)
    if not signed_in:
        raise common.CommandFailed(
            "tidak ada slot yang masuk; jalankan `humasdesk signin office` dulu", common.EXIT_USAGE
        )
    if failed:
        raise common.CommandFailed("pembacaan angka terhenti; jalankan lagi nanti")
    return EXIT_OK
