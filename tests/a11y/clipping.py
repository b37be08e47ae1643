"""What counts as clipped text, shared by the pseudo-locale and the large-text tests."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QWidget

from humasdesk.paths import resources_dir
from tests.a11y.walk import visible_widgets


def describe(w: QWidget) -> str:
    text = w.text() if isinstance(w, (QLabel, QPushButton, QToolButton)) else ""
    return f"{type(w).__name__} {w.objectName()!r} {text[:60]!r}"


def clipped(top: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the room the layout gave them."""
    found = []
    for w in visible_widgets(top):
        if isinstance(w, QLabel):
            if not w.text() or (w.pixmap() is not None and not w.pixmap().isNull()):
                continue
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height():
                    found.append(f"{describe(w)}: needs {need} px high, has {w.height()}")
            elif w.sizeHint().width() > w.width():
                found.append(f"{describe(w)}: needs {w.sizeHint().width()} px, has {w.width()}")
        elif isinstance(w, (QPushButton, QToolButton)):
            if w.sizeHint().width() > w.width():
                found.append(f"{describe(w)}: needs {w.sizeHint().width()} px, has {w.width()}")
    return found


def clipped_once_settled(qtbot, tops: list[QWidget], timeout: int = 2000) -> dict[str, list[str]]:
    """What stays clipped in each window once its layouts have settled ({} when nothing).

    A word-wrapped label (the quota line) gets its height over a few event-loop passes after
    its text or font changes; a fixed short wait made the check depend on the machine's speed.
    A real clip never settles, and is reported after `timeout` ms."""

    def problems() -> dict[str, list[str]]:
        found = {f"{type(top).__name__} {top.objectName()}".strip(): clipped(top) for top in tops}
        return {k: v for k, v in found.items() if v}

    try:
        qtbot.waitUntil(lambda: not problems(), timeout=timeout)
    except qtbot.TimeoutError:
        pass
    return problems()


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{k}: {p}" for k, v in problems.items() for p in v)


class PseudoTranslator(QTranslator):
    """Every HumasDesk string at twice its Indonesian length ("Kirim" → "Kirim Kirim"), as a
    longer language or a longer wording would make it. Qt's own contexts pass through."""

    def __init__(self, contexts: set[str], parent=None) -> None:
        super().__init__(parent)
        self.contexts = contexts
        self.indonesian = QTranslator(self)
        assert self.indonesian.load("humasdesk_id", str(resources_dir() / "i18n"))

    def translate(self, context, source, disambiguation=None, n=-1):
        if context not in self.contexts:
            return None  # Qt's own strings (shortcut names): untouched
        text = self.indonesian.translate(context, source, disambiguation, n) or source
        return f"{text} {text}"

    def isEmpty(self) -> bool:
        return False
