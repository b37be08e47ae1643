"""The composer's warning line: wording that does not fit the pane's account.

The checks are `core.wording`'s (rules in ``resources/rules``); this widget only shows them
and holds the one extra click: with a warning showing, the first press of Send explains,
the second sends. Any change to the text asks again. A button that schedules a post asks
`may_send()` the same way before it schedules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from humasdesk.core.models import Slot
from humasdesk.core.wording import (
    RulesError,
    WordingRules,
    WordingWarning,
    check_wording,
    load_wording_rules,
)
from humasdesk.gui.theme import follow_font


def warning_text(w: WordingWarning) -> str:
    """What was found and why it matters, in the desk's language (a code from a rules file
    the desk does not know shows that file's own message)."""
    found = ", ".join(w.found[:5])
    texts = {
        "first_person_singular": QCoreApplication.translate(
            "WordingLine",
            "First person singular (%1): the office account speaks for the agency "
            "(\u201ckami\u201d), not for one person.",
        ),
        "slang": QCoreApplication.translate(
            "WordingLine",
            "Informal words (%1): the office account uses formal language; slang reads as a "
            "personal account.",
        ),
        "emoji_run": QCoreApplication.translate(
            "WordingLine", "A run of emoji (%1): reads as a personal feeling, not agency news."
        ),
        "partisan": QCoreApplication.translate(
            "WordingLine", "Political or campaign terms (%1): an agency account must stay neutral."
        ),
        "personal_handle": QCoreApplication.translate(
            "WordingLine",
            "Names the personal account (%1) from the office account: make sure this post is "
            "meant for the office account.",
        ),
        "office_hashtag": QCoreApplication.translate(
            "WordingLine",
            "The office's own hashtag (%1) on the personal account: official announcements "
            "come from the office account.",
        ),
        "programme_name": QCoreApplication.translate(
            "WordingLine",
            "An office programme (%1) on the personal account: programmes are announced from "
            "the office account.",
        ),
        "official_decision": QCoreApplication.translate(
            "WordingLine",
            "Wording that announces an official decision (%1) on the personal account: the "
            "agency's decisions are announced from the office account.",
        ),
    }
    text = texts.get(w.code)
    return w.message if text is None else text.replace("%1", found)


@cache
def shipped_rules() -> WordingRules:
    """The rules shipped in ``resources/rules`` (read once per process)."""
    from humasdesk.paths import rules_dirs

    return load_wording_rules(rules_dirs())


def rules_for(dirs: Sequence[object] | None) -> WordingRules:
    """The rules from `dirs` (shipped first, the data folder's after); the shipped ones
    alone when the data folder's cannot be read."""
    if not dirs:
        return shipped_rules()
    try:
        return load_wording_rules(list(dirs))  # type: ignore[arg-type]
    except RulesError:
        return shipped_rules()


class WordingLine(QLabel):
    """Under the composer: what in the text does not fit this account, and why."""

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self.rules: WordingRules | None = None
        self.personal_handles: Callable[[], Iterable[str]] = lambda: ()
        self.warnings: tuple[WordingWarning, ...] = ()
        self.acknowledged = False
        self._texts: tuple[str, ...] = ()
        self.setObjectName("wordingLine")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the found words are the official's
        self.setWordWrap(True)
        self.setStyleSheet(
            "#wordingLine { background: #FFF4D6; color: #5C3900; border-left: 4px solid "
            "#B77900; padding: 4px; }"
        )
        follow_font(self)
        self.setVisible(False)

    def check(self, texts: Sequence[str]) -> None:
        """Check the composer's texts (on every change); a new text asks again."""
        texts = tuple(texts)
        if texts != self._texts:
            self.acknowledged = False
        self._texts = texts
        rules = self.rules or shipped_rules()
        handles = tuple(self.personal_handles()) if self.slot is Slot.OFFICE else ()
        found: list[WordingWarning] = []
        for text in texts:
            for w in check_wording(text, self.slot, rules, personal_handles=handles):
                if all(w.code != f.code for f in found):
                    found.append(w)
        self.warnings = tuple(found)
        self._show()

    def _show(self) -> None:
        if not self.warnings:
            self.setVisible(False)
            self.setText("")
            return
        lines = [warning_text(w) for w in self.warnings]
        if self.acknowledged:
            lines.append(self.tr("Press Send (or Schedule) again to go ahead as it is."))
        self.setText("\n".join(lines))
        self.setVisible(True)

    def may_send(self) -> bool:
        """True when sending may go ahead: no warning, or the official pressed Send once
        with the warning showing already (this press is the one more click)."""
        if not self.warnings or self.acknowledged:
            return True
        self.acknowledged = True
        self._show()
        return False
