"""The practice desk, offscreen: both panes sign in to their own sandbox accounts
and show their own posts. If this breaks, the official opens HumasDesk and sees
the wrong account, an empty pane, or a frozen window."""

from __future__ import annotations

import pytest
import requests

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.models import Slot
from humasdesk.credentials import TokenStore
from tests.fakes import MemoryKeyring


def _store():
    return TokenStore("humasdesk-test", backend=MemoryKeyring())


@pytest.fixture
def desk(qtbot, sandbox, data_dir):
    desk = build_desk(
        DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)), token_store=_store()
    )
    qtbot.addWidget(desk.window)
    yield desk
    desk.close()


def _posts_shown(pane) -> int:
    view = getattr(pane, "posts_view", None)
    return view.model.rowCount() if view is not None else 0


def _wait_loaded(qtbot, desk):
    panes = desk.window.panes
    qtbot.waitUntil(lambda: all(_posts_shown(p) > 0 for p in panes.values()), timeout=20000)


def test_window_shows_office_left_personal_right_with_their_accounts(qtbot, desk):
    window = desk.window
    assert window.windowTitle() == "HumasDesk"
    _wait_loaded(qtbot, desk)
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    assert window.splitter.indexOf(office) == 0 and window.splitter.indexOf(personal) == 1
    assert office.header.handle_label.text() == "@HumasDemo"
    assert office.header.name_label.text() == "Humas Kementerian Demo"
    assert office.header.role_label.text() == "Akun Kantor"
    assert personal.header.handle_label.text() == "@rina_humas"
    assert personal.header.role_label.text() == "Akun Pribadi"
    assert window.practice_banner.isVisible()
    assert "Mode Latihan" in window.practice_banner.text()


def test_each_pane_lists_exactly_its_own_accounts_posts(qtbot, desk, sandbox):
    _wait_loaded(qtbot, desk)
    for slot, handle in ((Slot.OFFICE, "HumasDemo"), (Slot.PERSONAL, "rina_humas")):
        on_x = requests.get(
            f"{sandbox.base_url}/_sandbox/posts", params={"author": handle}, timeout=10
        ).json()["data"]
        model = desk.window.panes[slot].posts_view.model
        shown = [model.post_at(row).id for row in range(model.rowCount())]
        expected = sorted((p["id"] for p in on_x), key=int, reverse=True)[: len(shown)]
        assert shown == expected, f"{handle}: pane shows other posts than X has"


def test_window_is_shown_before_the_network_work_finishes(qtbot, sandbox, data_dir):
    """The sandbox delays every request; the window must paint and respond meanwhile."""
    requests.post(
        f"{sandbox.base_url}/_sandbox/faults",
        json={"count": 50, "path_prefix": "/2/", "delay_ms": 400},
        timeout=10,
    )
    desk = build_desk(
        DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)), token_store=_store()
    )
    qtbot.addWidget(desk.window)
    try:
        assert desk.window.isVisible()
        # Painted, and the background work (services, sign-in, the slow X) has begun.
        qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)
        pane = desk.window.panes[Slot.OFFICE]
        assert _posts_shown(pane) == 0
        assert pane.pages.currentIndex() in (1, 2)  # signing in, or loading the posts
        assert pane.signing_in_progress.isVisible() or pane.status_label.text() == (
            "Memuat kiriman…"
        )
        _wait_loaded(qtbot, desk)
    finally:
        desk.close()


def test_unreachable_sandbox_is_reported_in_both_panes(qtbot, data_dir):
    desk = build_desk(
        DeskOptions(sandbox_url="http://127.0.0.1:9", data_dir=str(data_dir)), token_store=_store()
    )
    qtbot.addWidget(desk.window)
    try:
        for pane in desk.window.panes.values():
            qtbot.waitUntil(
                lambda p=pane: "tidak dapat dihubungi" in p.status_label.text(), timeout=20000
            )
    finally:
        desk.close()


def test_html_in_a_post_is_shown_as_literal_text(qtbot, desk, sandbox):
    _wait_loaded(qtbot, desk)
    pane = desk.window.panes[Slot.OFFICE]
    session = desk.controller.sessions[Slot.OFFICE]
    text = '<b>tebal</b> <img src="x"> <a href="file:///etc/passwd">tautan</a>'
    session.client.create_post(text)
    desk.controller.refresh_posts(Slot.OFFICE)
    model = pane.posts_view.model
    qtbot.waitUntil(lambda: model.post_at(0).text == text, timeout=10000)
    display = model.index(0).data()
    assert display.startswith(text)  # the raw markup is what the list shows


def test_damaged_database_is_moved_aside_and_the_official_is_told(qtbot, sandbox, data_dir):
    """A damaged database never stops the desk nor disappears: it is moved aside, a new
    one starts, and a warning says where the old one went."""
    (data_dir / "humasdesk.db").write_bytes(b"rusak" * 1000)
    desk = build_desk(
        DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)), token_store=_store()
    )
    qtbot.addWidget(desk.window)
    try:
        warning = desk.window.log_warning
        qtbot.waitUntil(warning.isVisible, timeout=20000)
        assert "dipindahkan" in warning.text()
        moved = [p for p in data_dir.iterdir() if p.name.startswith("humasdesk.db.damaged-")]
        assert len(moved) == 1 and moved[0].read_bytes() == b"rusak" * 1000
        assert str(moved[0]) in warning.text()
        _wait_loaded(qtbot, desk)  # and the desk works on the new database
    finally:
        desk.close()


def test_yes_no_questions_have_indonesian_buttons(qtbot):
    """Qt has no Indonesian Yes/No: the desk's own questions must not show English."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from humasdesk.gui.slot_desk import ask_yes_no

    seen: list[str] = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Tidak").click()

    QTimer.singleShot(200, answer_no)
    assert ask_yes_no(None, "Keluar", "Keluarkan @HumasDemo?") is False
    assert sorted(seen) == ["Tidak", "Ya"]
