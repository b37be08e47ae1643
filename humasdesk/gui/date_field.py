"""A date field that takes what the official types.

`QDateEdit` edits its text section by section: typing "28" over "01/11/2026" was ignored
without a word, and so was a whole "28/11/2026" typed over a selection. This field reads the
text when the official leaves it (or presses Enter): "28" is the 28th of the month shown,
"28/11" of the year shown, "28/11/2026", "28-11-26" or "28 Nov 2026" in full; what it cannot
read it says so, next to the field, and keeps the last good date. A calendar is one click
away.

Signals:
    dateChanged(QDate): a new, valid date was entered or chosen.
    problem_changed(str): what was typed cannot be read (the text says why; "" once fixed).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from humasdesk.gui.theme import follow_font

DISPLAY_FORMAT = "dd/MM/yyyy"
_SPLIT = re.compile(r"[\s/.\-]+")


def parse_date(text: str, around: QDate, locale: QLocale | None = None) -> QDate | None:
    """The date `text` names, with the month and year of `around` filled in when left out;
    None when it names none."""
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if not parts or len(parts) > 3 or not parts[0].isdigit():
        return None
    day = int(parts[0])
    month, year = around.month(), around.year()
    if len(parts) >= 2:
        month = _month(parts[1], locale or QLocale())
        if month is None:
            return None
    if len(parts) == 3:
        if not parts[2].isdigit() or len(parts[2]) not in (2, 4):
            return None
        year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
    date = QDate(year, month, day)
    return date if date.isValid() else None


def _month(word: str, locale: QLocale) -> int | None:
    if word.isdigit():
        value = int(word)
        return value if 1 <= value <= 12 else None
    lowered = word.casefold().rstrip(".")
    for number in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            for loc in (locale, QLocale(QLocale.Language.English)):
                if loc.monthName(number, form).casefold().rstrip(".") == lowered:
                    return number
    return None


class DateField(QWidget):
    dateChanged = Signal(QDate)  # Qt's name, as QDateEdit: the export dialog connects to it
    problem_changed = Signal(str)

    def __init__(self, value: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate(value)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setMaxLength(20)
        follow_font(self.edit)  # it gets a style sheet (the error frame)
        self.edit.editingFinished.connect(self.on_edit_editing_finished)
        self.edit.textEdited.connect(self.on_edit_text_edited)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Choose from a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Choose from a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self.on_calendar_clicked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(lambda: self.calendar.setSelectedDate(self._date))
        self.calendar_button.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)
        self.problem = ""  # what was typed and not understood ("" when all is well)
        self._show()

    # --- QDateEdit's API, as the dialogs use it -----------------------------------------------

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        value = QDate(value)
        if not value.isValid():
            return
        changed = value != self._date
        self._date = value
        self._set_problem("")
        self._show()
        if changed:
            self.dateChanged.emit(QDate(value))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    # --- typing -------------------------------------------------------------------------------

    def commit(self) -> bool:
        """Read the text now; True when it names a date (the field shows it in full)."""
        text = self.edit.text()
        if text.strip() == self._date.toString(DISPLAY_FORMAT):
            self._set_problem("")
            return True
        parsed = parse_date(text, self._date, self.locale())
        if parsed is None:
            self._set_problem(
                self.tr("“%1” is not a date. Write it like 28/11/2026 (or just 28).").replace(
                    "%1", text.strip()
                )
            )
            return False
        self.setDate(parsed)
        return True

    def on_edit_editing_finished(self) -> None:
        self.commit()

    def on_edit_text_edited(self, text: str) -> None:
        if self.problem:
            self._set_problem("")  # typing again: judged when the official leaves the field

    def on_calendar_clicked(self, value: QDate) -> None:
        self.calendar_button.menu().close()
        self.setDate(value)

    def _set_problem(self, text: str) -> None:
        changed = text != self.problem
        self.problem = text
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #8A1C12; }" if text else "")
        self.edit.setToolTip(text)
        self.edit.setAccessibleDescription(text)
        if changed:
            self.problem_changed.emit(text)

    def _show(self) -> None:
        self.edit.setText(self._date.toString(DISPLAY_FORMAT))
