"""The register's table: one row per case with its clocks (plain data in, formatted out)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from humasdesk.core.aduan import CaseStatus, ClockState, ComplaintClass
from humasdesk.core.models import Slot
from humasdesk.services.aduan import CaseRow

COL_ID, COL_ACCOUNT, COL_CLASS, COL_STATUS, COL_CITIZEN = 0, 1, 2, 3, 4
COL_RECEIVED, COL_FIRST, COL_DONE, COL_REMINDER, COL_LAPOR = 5, 6, 7, 8, 9
COLUMNS = 10
CASE_ROLE = Qt.ItemDataRole.UserRole + 1  # the `CaseRow`
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_NEAR, _OVERDUE = QColor("#FFF1CC"), QColor("#FDE2DF")


def class_label(cls: ComplaintClass) -> str:
    return {
        ComplaintClass.INFORMATION: QCoreApplication.translate("Aduan", "Information request"),
        ComplaintClass.COMPLAINT: QCoreApplication.translate("Aduan", "Complaint"),
        ComplaintClass.DISPUTE: QCoreApplication.translate("Aduan", "Dispute"),
        ComplaintClass.FIELD_CHECK: QCoreApplication.translate("Aduan", "Needs a field check"),
    }[cls]


def status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.RECEIVED: QCoreApplication.translate("Aduan", "Received"),
        CaseStatus.REPLIED: QCoreApplication.translate("Aduan", "Replied"),
        CaseStatus.FORWARDED: QCoreApplication.translate("Aduan", "Forwarded to LAPOR!"),
        CaseStatus.IN_PROGRESS: QCoreApplication.translate("Aduan", "Being followed up"),
        CaseStatus.CLOSED: QCoreApplication.translate("Aduan", "Done"),
        CaseStatus.REJECTED: QCoreApplication.translate("Aduan", "Rejected"),
    }[status]


def clock_text(deadline: datetime, stopped: datetime | None, state: ClockState) -> str:
    when = deadline.astimezone().strftime("%d/%m %H:%M")
    if state is ClockState.MET:
        return QCoreApplication.translate("Aduan", "on time (%1)").replace(
            "%1", stopped.astimezone().strftime("%d/%m") if stopped else ""
        )
    if state is ClockState.MISSED:
        return QCoreApplication.translate("Aduan", "late (%1)").replace(
            "%1", stopped.astimezone().strftime("%d/%m") if stopped else ""
        )
    if state is ClockState.OVERDUE:
        return QCoreApplication.translate("Aduan", "overdue since %1").replace("%1", when)
    if state is ClockState.NEAR:
        return QCoreApplication.translate("Aduan", "due %1 (near)").replace("%1", when)
    return QCoreApplication.translate("Aduan", "due %1").replace("%1", when)


class RegisterModel(QAbstractTableModel):
    """Cases with their clocks at the moment they were read (the worker reads them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Aduan", "No."),
            QCoreApplication.translate("Aduan", "Account"),
            QCoreApplication.translate("Aduan", "Class"),
            QCoreApplication.translate("Aduan", "Status"),
            QCoreApplication.translate("Aduan", "Citizen"),
            QCoreApplication.translate("Aduan", "Received"),
            QCoreApplication.translate("Aduan", "First response (3 days)"),
            QCoreApplication.translate("Aduan", "Completion"),
            QCoreApplication.translate("Aduan", "Reminder"),
            QCoreApplication.translate("Aduan", "LAPOR! no."),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        case, clocks = row.case, row.clocks
        col = index.column()
        if role == CASE_ROLE:
            return row
        if role == SORT_ROLE:
            if col in (COL_FIRST, COL_DONE, COL_REMINDER):
                nxt = clocks.next_deadline
                return nxt.timestamp() if nxt else float("inf")
            if col == COL_ID:
                return case.id
            if col == COL_RECEIVED:
                return case.received_at.timestamp()
            return str(self.data(index) or "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if clocks.reminder is ClockState.OVERDUE:
                return QBrush(_OVERDUE)
            if clocks.reminder is ClockState.NEAR:
                return QBrush(_NEAR)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == COL_ID:
            return f"#{case.id}"
        if col == COL_ACCOUNT:
            return (
                QCoreApplication.translate("Aduan", "office")
                if case.slot is Slot.OFFICE
                else QCoreApplication.translate("Aduan", "personal")
            )
        if col == COL_CLASS:
            return class_label(case.category) + (
                QCoreApplication.translate("Aduan", " (suggested)")
                if case.category_suggested
                else ""
            )
        if col == COL_STATUS:
            text = status_label(case.status)
            if case.mention_deleted:
                text += QCoreApplication.translate("Aduan", " · mention deleted by the citizen")
            if case.reject_reason:
                text += f" · {case.reject_reason}"
            return text
        if col == COL_CITIZEN:
            return case.pseudonym
        if col == COL_RECEIVED:
            return case.received_at.astimezone().strftime("%d/%m/%Y %H:%M")
        if col == COL_FIRST:
            c = clocks.first_response
            return clock_text(c.deadline, c.stopped_at, c.state)
        if col == COL_DONE:
            c = clocks.completion
            return clock_text(c.deadline, c.stopped_at, c.state)
        if col == COL_REMINDER:
            if clocks.reminder is ClockState.OVERDUE:
                return QCoreApplication.translate("Aduan", "overdue")
            if clocks.reminder is ClockState.NEAR:
                return QCoreApplication.translate("Aduan", "near its limit")
            return ""
        if col == COL_LAPOR:
            return f"#{case.lapor_id}" if case.lapor_id else ""
        return None
