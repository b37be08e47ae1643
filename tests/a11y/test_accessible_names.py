"""Every control can be named by a screen reader.

In each window and dialog, every control that takes keyboard focus has an accessible name,
a label pointing at it (a buddy, as "&Periode" for the date field) or its own button text.
If this breaks, an official using a screen reader hears only "tombol" or "bidang teks" and
cannot tell which account a button acts for, or what a field is for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)

from tests.a11y.conftest import open_everything
from tests.a11y.walk import visible_widgets


def unnamed(top: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy()}
    found = []
    for w in visible_widgets(top):
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or w is top:
            continue
        if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin or combo box: the box carries the name
        if w.accessibleName().strip() or id(w) in buddies:
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip() not in ("", "×"):
            continue
        if isinstance(w, QTabBar) and all(w.tabText(i) for i in range(w.count())):
            continue  # each tab is named by its text
        found.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    return found


def test_every_focusable_control_has_a_name(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    problems = {type(top).__name__: unnamed(top) for top in windows.all()}
    problems = {k: v for k, v in problems.items() if v}
    assert problems == {}, "\n".join(f"{k}: {p}" for k, v in problems.items() for p in v)
