"""The desk's first paint is a skeleton (issue 14): the window, its menu titles, the practice
banner and each pane's frame naming its account, before the panes are built.

If these break: the official stares at an empty grey window at start; the panes jump or
the window resizes when they come in; a key pressed in the first instant lands in a
half-built pane or in the other account's pane; Tab walks the desk in another order than
before; closing the window at once leaves a process or loses the window's layout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.models import Account, Slot
from humasdesk.credentials import TokenStore
from humasdesk.gui.main_window import MainWindow
from humasdesk.gui.pane import takes_keyboard_on_tab
from humasdesk.gui.theme import SLOT_COLOURS
from tests.fakes import MemoryKeyring
from tests.gui.helpers import wait_signed_in

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "http://127.0.0.1:9"  # no X: the panes say so, after the skeleton


def _store():
    return TokenStore("humasdesk-test", backend=MemoryKeyring())


def _band_colour(window, placeholder) -> str:
    """The colour the official sees at the left of the placeholder's account band."""
    band = placeholder.findChild(QFrame, "placeholderBand")
    point = band.mapTo(window, QPoint(6, band.height() // 2))
    return window.grab().toImage().pixelColor(point).name()


def test_first_paint_names_both_accounts_and_nothing_moves_when_the_panes_come(qtbot, data_dir):
    """At the first paint the panes do not exist yet, but the window already shows the
    office account on the left and the personal one on the right, in their colours, each
    "Memuat…", under the practice banner; when the panes come in they take exactly the
    frames' places and the window keeps its size."""
    desk = build_desk(
        DeskOptions(sandbox_url=UNREACHABLE, data_dir=str(data_dir)), token_store=_store()
    )
    window = desk.window
    qtbot.addWidget(window)
    seen: dict[str, object] = {}

    def on_first_painted() -> None:
        frames = window.placeholders
        seen["ready"] = window.ready
        seen["frames"] = {
            slot: (f.role_label.text(), f.loading_label.text(), f.isVisible())
            for slot, f in frames.items()
        }
        seen["bands"] = {slot: _band_colour(window, f) for slot, f in frames.items()}
        seen["left_to_right"] = frames[Slot.OFFICE].x() < frames[Slot.PERSONAL].x()
        seen["geometry"] = {slot: f.geometry() for slot, f in frames.items()}
        seen["banner"] = (window.practice_banner.isVisible(), window.practice_banner.geometry())
        seen["hint"] = window.first_steps.geometry()
        seen["size"] = window.size()

    window.first_painted.connect(on_first_painted)
    try:
        with qtbot.waitSignal(window.panes_ready, timeout=10000):
            pass
        assert seen["ready"] is False  # it was the skeleton that painted
        assert seen["frames"] == {
            Slot.OFFICE: ("Akun Kantor", "Memuat…", True),
            Slot.PERSONAL: ("Akun Pribadi", "Memuat…", True),
        }
        assert seen["bands"] == {slot: SLOT_COLOURS[slot].lower() for slot in Slot}
        assert seen["left_to_right"]
        panes = window.panes
        assert {slot: pane.geometry() for slot, pane in panes.items()} == seen["geometry"]
        assert seen["banner"] == (True, window.practice_banner.geometry())
        assert seen["hint"] == window.first_steps.geometry()
        assert window.size() == seen["size"]
        assert window.splitter.indexOf(panes[Slot.OFFICE]) == 0
        assert window.splitter.indexOf(panes[Slot.PERSONAL]) == 1
        assert panes[Slot.OFFICE].header.role_label.text() == "Akun Kantor"
    finally:
        desk.close()


def test_keys_pressed_during_the_skeleton_reach_no_pane_and_the_keyboard_works_after(
    qtbot, sandbox, data_dir
):
    """The official types and presses Ctrl+2 the instant the window shows: nothing lands in
    either pane, no shortcut fires and nothing breaks; once the panes are in and signed
    in, Ctrl+2 and Ctrl+1 put the keyboard in the personal and the office composer as
    before."""
    desk = build_desk(
        DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)), token_store=_store()
    )
    window = desk.window
    qtbot.addWidget(window)
    during: dict[str, object] = {}

    def on_first_painted() -> None:
        QTest.keyClicks(window, "halo")
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(window, Qt.Key.Key_Tab)
        during["ready"] = window.ready
        during["dropped"] = window.input_gate.dropped

    window.first_painted.connect(on_first_painted)
    try:
        qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)
        # h, a, l, o; Ctrl and 2; Tab: every press went to the gate, none further.
        assert during == {"ready": False, "dropped": 7}
        wait_signed_in(qtbot, desk.controller, Slot.OFFICE, Slot.PERSONAL)
        office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
        qtbot.waitUntil(lambda: personal.composer.handle != "", timeout=20000)
        qtbot.waitUntil(lambda: office.composer.handle != "", timeout=20000)
        for pane in (office, personal):
            assert pane.composer.parts[0].edit.toPlainText() == ""
        assert window.current_slot is Slot.OFFICE

        window.activateWindow()  # on a real display, shortcuts reach only the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is personal.composer.parts[0].edit
        assert personal.has_keyboard and not office.has_keyboard
        qtbot.keyClicks(QApplication.focusWidget(), "halo")
        assert personal.composer.parts[0].edit.toPlainText() == "halo"
        assert office.composer.parts[0].edit.toPlainText() == ""
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is office.composer.parts[0].edit
    finally:
        desk.close()


def _tab_stops(window: MainWindow) -> list[tuple[str, str, str]]:
    """The window's Tab order through the panes: each stop's pane, type and words."""
    stops = []
    widget = window.nextInFocusChain()
    while widget is not window:
        for slot, pane in window.panes.items():
            if pane.isAncestorOf(widget) and takes_keyboard_on_tab(widget, window):
                words = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                stops.append((slot.value, type(widget).__name__, words))
        widget = widget.nextInFocusChain()
    return stops


def test_tab_walks_the_desk_in_the_same_order_as_a_window_built_at_once(qtbot):
    """The panes built after the skeleton sit in the window's focus chain exactly as when
    they were built with the window: the same stops in the same order."""
    at_once = MainWindow(practice=True)
    skeleton_first = MainWindow(practice=True, defer_panes=True)
    for window in (at_once, skeleton_first):
        qtbot.addWidget(window)
        window.show()
    qtbot.waitSignal(skeleton_first.panes_ready, timeout=10000).wait()
    for window in (at_once, skeleton_first):
        window.panes[Slot.OFFICE].show_account(Account("1", "HumasDemo", "Humas Demo"))
        window.panes[Slot.PERSONAL].show_signed_out()
    stops = _tab_stops(skeleton_first)
    assert stops == _tab_stops(at_once)
    assert {pane for pane, _, _ in stops} == {"office", "personal"}
    assert ("office", "QPlainTextEdit") in {(pane, kind) for pane, kind, _ in stops}


def test_closing_during_the_skeleton_ends_the_process_and_keeps_the_layout(tmp_path):
    """The official closes the window the instant it shows, before the panes are in: the
    process ends at once without an error, nothing was started, and the window's place
    and pane mode are remembered for the next start as after any close."""
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.skeleton_close_probe", str(data)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "closed_before_panes": True,
        "panes_built": False,
        "controller": False,
        "emulator": False,
        "exit": 0,
    }
    settings = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert settings["window_geometry"] and settings["single_pane"] is True
    # Nothing had opened the database or the emulator's state: nothing there to lose.
    assert not (data / "humasdesk.db").exists()
    assert not (data / "sandbox-state.json").exists()
