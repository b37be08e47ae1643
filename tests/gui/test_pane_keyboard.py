"""The keyboard belongs to a pane.

The office pane's last button is followed, in the window's focus chain, by the personal
pane: before, ↓ after *Aduan* moved the keyboard there and the official's next words went
into the personal composer, which posts without a confirmation. Arrow keys now never leave a
pane; Tab still may, and the pane that receives the keyboard lights up in its account colour
and its composer names the account before anything is typed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from humasdesk.core.models import Slot
from humasdesk.gui.theme import SLOT_COLOURS
from tests.a11y.conftest import ready_desk

ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


def active_desk(qtbot, make_desk, keyring_backend):
    window, controller = ready_desk(qtbot, make_desk, keyring_backend)
    personal = window.panes[Slot.PERSONAL]
    qtbot.waitUntil(lambda: personal.inbox_view.model.rowCount() > 0, timeout=15000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, controller


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def in_pane(pane, widget) -> bool:
    return widget is not None and (widget is pane or pane.isAncestorOf(widget))


def frame_colour(pane) -> QColor:
    """The colour at the pane's left edge, as painted."""
    image = pane.grab().toImage()
    return image.pixelColor(QPoint(2, image.height() // 2))


def test_down_after_tagging_a_complaint_goes_to_the_next_mention(qtbot, make_desk, keyring_backend):
    """The reported incident, with real clicks and keys: the text must not land in the
    personal composer; ↓ goes to the next mention of the same inbox."""
    window, _ = active_desk(qtbot, make_desk, keyring_backend)
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    inbox = office.inbox_view
    click_row(qtbot, inbox.mention_list, 0)
    first = inbox.selected_id()
    assert first is not None
    QTest.mouseClick(inbox.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.selected_mention().is_complaint, timeout=10000)
    assert focused() is inbox.complaint_button

    QTest.keyClick(focused(), Qt.Key.Key_Down)
    assert in_pane(office, focused()), f"the keyboard went to {focused()!r}"
    QTest.keyClicks(focused(), "halo")

    assert personal.composer.parts[0].edit.toPlainText() == ""
    assert inbox.selected_id() != first
    assert inbox.selected_id() == inbox.model.mention_at(1).x_post_id


def focusable_widgets(pane) -> list[QWidget]:
    top = pane.window()
    return [
        w
        for w in pane.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.isVisibleTo(top)
        and w.isEnabled()
    ]


@pytest.mark.parametrize("slot", list(Slot))
def test_no_arrow_key_moves_the_keyboard_out_of_a_pane(qtbot, make_desk, keyring_backend, slot):
    """Every widget that can take the keyboard, on every tab of the pane, with every arrow."""
    window, _ = active_desk(qtbot, make_desk, keyring_backend)
    pane = window.panes[slot]
    pane.composer.parts[0].edit.setPlainText("Selamat pagi")  # the send button is live
    click_row(qtbot, pane.inbox_view.mention_list, 0)  # the mention buttons are live
    walked = 0
    for tab in range(pane.tabs.count()):
        pane.tabs.setCurrentIndex(tab)
        if pane.tabs.currentWidget() is pane.posts_view:
            qtbot.waitUntil(lambda: pane.posts_view.model.rowCount() > 0, timeout=15000)
            click_row(qtbot, pane.posts_view.post_list, 0)
        for widget in focusable_widgets(pane):
            for key in ARROWS:
                pane.tabs.setCurrentIndex(tab)  # ← and → on the tab bar change the page
                if not widget.isVisibleTo(window) or not widget.isEnabled():
                    continue
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                qtbot.waitUntil(lambda w=widget: focused() is w, timeout=2000)
                QTest.keyClick(widget, key)
                assert in_pane(pane, focused()), (
                    f"{key.name} on {type(widget).__name__} {widget.objectName()!r} "
                    f"{getattr(widget, 'text', lambda: '')()!r} moved the keyboard to "
                    f"{focused()!r}"
                )
                walked += 1
    assert walked >= 4 * 12  # composer, tab bar, lists and their buttons were all walked


def test_the_pane_with_the_keyboard_shows_it_and_tab_names_the_account(
    qtbot, make_desk, keyring_backend
):
    """A frame in the account colour shows where the keyboard is; Tab into the other pane
    moves it there, and that composer names its account before a key is typed."""
    window, _ = active_desk(qtbot, make_desk, keyring_backend)
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    office_colour, personal_colour = (QColor(SLOT_COLOURS[s]) for s in Slot)

    QTest.mouseClick(office.composer.parts[0].edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: in_pane(office, focused()))
    assert frame_colour(office) == office_colour
    assert frame_colour(personal) != personal_colour

    office.inbox_view.complaint_button.setEnabled(True)
    office.inbox_view.complaint_button.setFocus()
    qtbot.waitUntil(lambda: focused() is office.inbox_view.complaint_button)
    for _ in range(30):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is personal.composer.parts[0].edit:
            break
        if in_pane(personal, focused()):
            assert frame_colour(personal) == personal_colour
    assert focused() is personal.composer.parts[0].edit
    assert frame_colour(personal) == personal_colour
    assert frame_colour(office) != office_colour
    placeholder = personal.composer.parts[0].edit.placeholderText()
    assert "@rina_humas" in placeholder
    assert "akun pribadi" in placeholder
