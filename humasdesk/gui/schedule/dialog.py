""" "Jadwalkan…", "Ubah waktu…" and "Jadwalkan ulang": a date and time in the laptop's zone,
named as Indonesians name it (WIB/WITA/WIT, or the zone's own name elsewhere).

The dialog says at once when a time cannot be used (in the past, more than a year ahead)
and keeps "Jadwalkan" disabled; Enter accepts, Escape cancels. The chosen wall-clock time
is read with the laptop's rules for that date and returned as an aware instant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.schedule import MAX_AHEAD, ScheduleProblem, check_due, zone_label
from humasdesk.gui.modal import run_modal
from humasdesk.gui.theme import follow_font

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def default_time(now: datetime) -> datetime:
    """The next whole hour at least 30 minutes away (a sensible first suggestion)."""
    local = now.astimezone() + timedelta(minutes=30)
    return (local + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


class ScheduleDialog(QDialog):
    """Pick when a post goes out. ``due()`` is the chosen instant (UTC) once accepted."""

    def __init__(
        self,
        title: str,
        text: str,
        initial: datetime | None = None,
        parent: QWidget | None = None,
        *,
        clock: Clock = _utcnow,
        accept_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(title)
        self.clock = clock
        now = clock()
        start = initial if initial is not None and initial > now else default_time(now)
        local = start.astimezone()

        intro = QLabel(text, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # holds the post's first line
        intro.setWordWrap(True)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("scheduleTime")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy HH.mm")
        self.edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.edit.setAccessibleName(self.tr("Date and time of sending"))
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("scheduleZone")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("scheduleProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #8A1C12;")
        follow_font(self.problem_label)
        form = QFormLayout()
        form.addRow(self.tr("Send at"), self.edit)
        form.addRow(self.tr("Time zone"), self.zone_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_label or self.tr("Schedule"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.dateTimeChanged.connect(self.validate)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.validate()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)  # the post's line
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)  # type the time at once

    def due(self) -> datetime:
        """The chosen wall-clock time, read with the laptop's rules for that date."""
        qt = self.edit.dateTime()
        d, t = qt.date(), qt.time()
        naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return naive.astimezone().astimezone(UTC)

    def problem(self) -> ScheduleProblem | None:
        return check_due(self.due(), self.clock(), max_ahead=MAX_AHEAD)

    def validate(self) -> None:
        due = self.due()
        self.zone_label.setText(zone_label(due.astimezone()))
        problem = self.problem()
        texts = {
            ScheduleProblem.IN_PAST: self.tr("This time has already passed."),
            ScheduleProblem.TOO_FAR: self.tr("A post can be scheduled at most a year ahead."),
        }
        self.problem_label.setText(texts.get(problem, "") if problem else "")
        self.problem_label.setVisible(problem is not None)
        self.ok_button.setEnabled(problem is None)

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()


def ask_due_time(
    parent: QWidget,
    title: str,
    text: str,
    initial: datetime | None = None,
    accept_label: str = "",
) -> datetime | None:
    """Run the dialog; the chosen instant, or None when cancelled."""
    dialog = ScheduleDialog(title, text, initial, parent, accept_label=accept_label)
    if run_modal(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.due()


AskDueTime = Callable[[QWidget, str, str, "datetime | None", str], "datetime | None"]
