"""Walks a window the way the official reads it: every visible text, with where it was seen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "humasdesk_id.ts"
QT_TS = ROOT / "resources" / "i18n" / "qt_id.ts"  # the desk's Indonesian for Qt's dialogs


def ts_messages(path: Path = TS) -> dict[tuple[str, str], str | None]:
    """(context, English source) → finished Indonesian translation (None if unfinished)."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            translation = msg.find("translation")
            finished = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            out[(name, msg.findtext("source") or "")] = translation.text if finished else None
    return out


def strip_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text).split("\t")[0].strip()


def visible_widgets(top: QWidget) -> Iterator[QWidget]:
    yield top
    for child in top.findChildren(QWidget):
        if child.isVisibleTo(top) and child.window() is top:
            yield child


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string shown by `top` and its visible children."""
    yield f"{type(top).__name__} window title", top.windowTitle()
    if isinstance(top, QMainWindow):
        yield "status bar", top.statusBar().currentMessage()
        for action in top.menuBar().actions():
            menu = action.menu()
            yield "menu title", action.text()
            if isinstance(menu, QMenu):
                for item in menu.actions():
                    if not item.isSeparator():
                        yield f"menu item in {action.text()!r}", item.text()
    for w in visible_widgets(top):
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        if isinstance(w, QLabel):
            yield where, w.text()
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
            if isinstance(w, QToolButton):  # icon buttons say what they do in a tooltip
                yield f"tooltip of {where}", w.toolTip()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"tab of {where}", w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"item of {where}", w.itemText(i)
        elif isinstance(w, QLineEdit):
            yield f"placeholder of {where}", w.placeholderText()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            yield f"placeholder of {where}", w.placeholderText()
        elif isinstance(w, QTreeView) and w.model() is not None and not w.isHeaderHidden():
            header: QHeaderView = w.header()
            model = w.model()
            for col in range(model.columnCount(QModelIndex())):
                if not header.isSectionHidden(col):
                    yield (
                        f"column header of {where}",
                        str(model.headerData(col, Qt.Orientation.Horizontal) or ""),
                    )
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for col in range(model.columnCount(QModelIndex())):
                yield (
                    f"column header of {where}",
                    str(model.headerData(col, Qt.Orientation.Horizontal) or ""),
                )


def menu_texts(menu: QMenu, where: str = "menu") -> Iterator[tuple[str, str]]:
    """Every item of a (context) menu and its submenus."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"item of {where}", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} > {action.text()}")
