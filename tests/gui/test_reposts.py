"""Reposts leave a trace and the desk never mistakes itself for a citizen.

*Ya* on the repost offer used to repost at once, with no undo window, no feedback and no
log entry, and the official's own repost then came back as a "citizen's" mention of the
office account: in the inbox, in the report's figures and in the breach kit.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

import requests
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from humasdesk.core.metrics import Period, compute_metrics
from humasdesk.core.models import Slot
from humasdesk.services.export import ExportOptions, export_activity
from humasdesk.services.privacy import breach_kit
from humasdesk.services.session import sign_in_practice
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.outbox_store import OutboxState, PostKind
from tests.fakes import MemoryKeyring
from tests.gui.helpers import wait_signed_in

TEXT = "Besok pelayanan KTP buka mulai pukul 07.30 WIB."


def texts_by(sandbox, handle: str) -> list[str]:
    data = requests.get(
        f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10
    ).json()["data"]
    return [p["text"] for p in data]


def office_posts_then_personal_is_offered_a_repost(qtbot, make_desk, keyring_backend, sandbox,
                                                   undo_s):  # fmt: skip
    asked: list[str] = []

    def yes(parent, title, text) -> bool:
        asked.append(text)
        return True

    window, controller = make_desk(keyring_backend, undo_s=undo_s, ask=yes)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    personal = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: personal.composer.handle != "", timeout=10000)
    # The office account posted it (from elsewhere, e.g. X's own app); the desk sees it
    # among the office posts.
    session = sign_in_practice(Slot.OFFICE, base_url=sandbox.base_url)
    try:
        session.client.create_post(TEXT)
    finally:
        session.client.close()
    controller.refresh_posts(Slot.OFFICE)
    qtbot.waitUntil(
        lambda: TEXT in [p.text for p in controller.slot_desks[Slot.OFFICE].posts], timeout=10000
    )
    personal.composer.parts[0].edit.setPlainText(TEXT)
    QTest.mouseClick(personal.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    return window, controller


def test_a_repost_waits_in_the_outbox_and_can_be_cancelled(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = office_posts_then_personal_is_offered_a_repost(
        qtbot, make_desk, keyring_backend, sandbox, undo_s=30
    )
    personal = window.panes[Slot.PERSONAL]
    outbox = personal.outbox_view
    qtbot.waitUntil(lambda: outbox.pending_count() == 1, timeout=10000)
    item = outbox.selected_item()
    assert item is not None and item.kind is PostKind.REPOST
    assert item.state is OutboxState.QUEUED
    assert outbox.model.index(0).data().startswith("Dikirim dalam")
    assert "Bagikan ulang" in outbox.model.index(0).data()
    assert personal.tabs.currentWidget() is outbox
    assert personal.composer.parts[0].edit.toPlainText() == ""
    assert not any(t.startswith("RT @HumasDemo") for t in texts_by(sandbox, "rina_humas"))

    assert outbox.cancel_button.isEnabled()  # selected already: one click
    QTest.mouseClick(outbox.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outbox.pending_count() == 0, timeout=10000)
    assert controller.services.outbox.get(item.id).state is OutboxState.CANCELLED
    assert personal.composer.parts[0].edit.toPlainText() == TEXT
    assert not any(t.startswith("RT @HumasDemo") for t in texts_by(sandbox, "rina_humas"))


def test_a_repost_is_logged_reported_and_never_a_citizens_mention(
    qtbot, make_desk, keyring_backend, sandbox, tmp_path
):
    window, controller = office_posts_then_personal_is_offered_a_repost(
        qtbot, make_desk, keyring_backend, sandbox, undo_s=1
    )
    qtbot.waitUntil(
        lambda: f"RT @HumasDemo: {TEXT}" in texts_by(sandbox, "rina_humas"), timeout=20000
    )
    log = controller.services.log
    qtbot.waitUntil(
        lambda: any(str(e.action) == "repost_sent" for e in log.iter_entries(LogFilter())),
        timeout=10000,
    )
    (entry,) = [e for e in log.iter_entries(LogFilter()) if str(e.action) == "repost_sent"]
    assert entry.slot == "personal" and entry.handle == "rina_humas" and entry.text == TEXT
    assert entry.details["repost_of"]

    # The office account syncs: X lists the repost among its mentions.
    office_desk = controller.slot_desks[Slot.OFFICE]
    with qtbot.waitSignal(office_desk.mentions_synced, timeout=20000):
        office_desk.sync_now()
    inbox = window.panes[Slot.OFFICE].inbox_view
    authors = {inbox.model.mention_at(r).author_username for r in range(inbox.model.rowCount())}
    assert "rina_humas" not in authors
    entries = list(log.iter_entries(LogFilter()))
    assert not any(
        str(e.action) == "mention_received" and e.citizen_handle == "rina_humas"
        for e in entries
    )

    now = datetime.now(UTC)
    period = Period(now - timedelta(days=1), now + timedelta(minutes=1))
    metrics = compute_metrics(entries, period)
    personal = next(a for a in metrics.accounts if a.handle == "rina_humas")
    assert personal.reposts == 1 and personal.posts == 0

    kit = breach_kit(log, controller.services.privacy, period.start, period.end, now)
    assert "@rina_humas" not in kit.handles and "@HumasDemo" not in kit.handles

    from humasdesk.credentials.signing import ExportSigner

    out = tmp_path / "laporan.csv"
    export_activity(
        log,
        ExportOptions(fmt="csv", start=period.start, end=period.end,
                      accounts=frozenset({"office", "personal"}), include_personal=True),
        out,
        signer=ExportSigner(backend=MemoryKeyring()),
    )  # fmt: skip
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["teks"] for r in rows if r["aksi"] == "repost_sent"] == [TEXT]
