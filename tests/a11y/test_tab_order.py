"""Tab follows the layout.

From the office composer's text, Tab visits the composer's controls, then the office tabs and
their lists and buttons, and only then goes on to the personal pane. If this breaks, a
keyboard user jumps into the personal account half-way through the office one, and may act
for the wrong account without noticing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from humasdesk.core.models import Slot
from tests.a11y.conftest import ready_desk


def inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    return widget is not None and (widget is ancestor or ancestor.isAncestorOf(widget))


def tab_through(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is seen[0]:
            break
        seen.append(focus)
    return seen


def test_tab_goes_through_the_office_pane_before_the_personal_pane(
    qtbot, make_desk, keyring_backend
):
    window, _ = ready_desk(qtbot, make_desk, keyring_backend)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    office.composer.parts[0].edit.setPlainText("Pengumuman layanan")  # the send button is on
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    start = office.composer.parts[0].edit
    assert QApplication.focusWidget() is start
    order = tab_through(qtbot, start, 60)
    names = [
        f"{'O' if inside(w, office) else 'P' if inside(w, personal) else '-'}:{type(w).__name__}:"
        f"{w.accessibleName() or w.objectName() or getattr(w, 'text', str)()}"
        for w in order
    ]
    names = " → ".join(names)

    in_office = [inside(w, office) for w in order]
    first_outside = in_office.index(False) if False in in_office else len(order)
    office_part, rest = order[:first_outside], order[first_outside:]
    # The office pane's controls below its header all come before anything else; only the
    # header's sign-out button (above the composer) is reached after wrapping round.
    assert not any(inside(w, office) and not inside(w, office.header) for w in rest), names
    for control in (
        office.composer.add_image_button,
        office.composer.add_part_button,
        office.composer.send_button,
        office.tabs.tabBar(),
        office.inbox_view.mention_list,
    ):
        assert control in office_part, (control, names)
    # ... the composer's controls first, then the tabs and their lists ...
    in_composer = [inside(w, office.composer) for w in office_part]
    assert in_composer == sorted(in_composer, reverse=True), names
    assert office_part.index(office.tabs.tabBar()) < office_part.index(
        office.inbox_view.mention_list
    ), names
    # ... and then the personal pane, its composer first after its header.
    assert rest and inside(rest[0], personal), names
    personal_part = [w for w in rest if inside(w, personal)]
    assert personal.composer.parts[0].edit in personal_part, names
