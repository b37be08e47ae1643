"""The PDF report's account of scheduled posts (issue 15): per account, how many posts were
scheduled in the period, how many went out on time by themselves, how many missed their
time (and how many of those a person then sent), and how many were cancelled. The figures
are `core.schedule.ScheduleTally`'s; this only formats them. Nothing is shown for a period
without scheduled posts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from humasdesk.core.schedule import ScheduleTally
from humasdesk.gui.report.content import ReportAccount, _figures_table, esc, format_int


def schedule_html(accounts: list[ReportAccount], tally: ScheduleTally) -> str:
    if not tally.any:
        return ""

    def row(label: str, attr: str) -> tuple[str, list[str]]:
        return label, [format_int(getattr(tally.get(a.metrics.account_id), attr)) for a in accounts]

    rows = [
        row(QCoreApplication.translate("Report", "Scheduled"), "scheduled"),
        row(QCoreApplication.translate("Report", "Sent on time"), "sent_on_time"),
        row(QCoreApplication.translate("Report", "Missed (not sent at their time)"), "missed"),
        row(QCoreApplication.translate("Report", "Sent after being missed"), "sent_after_missed"),
        row(QCoreApplication.translate("Report", "Scheduled posts cancelled"), "cancelled"),
    ]
    note = QCoreApplication.translate(
        "Report",
        "A scheduled post whose time passed while the laptop was off or asleep, by more than "
        "the grace period, is not sent by itself: it is missed and waits for the official.",
    )
    return (
        "<h2>" + esc(QCoreApplication.translate("Report", "Scheduled posts")) + "</h2>"
        + _figures_table(accounts, rows)
        + '<p class="note">' + esc(note) + "</p>"
    )  # fmt: skip
