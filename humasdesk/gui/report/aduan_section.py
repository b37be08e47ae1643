"""The PDF's complaint register section (issue 17): cases by SP4N-LAPOR! class and status,
with on-time rates, from the chain's case entries (`core.aduan.RegisterTally`).

Counted in calendar dates as SP4N-LAPOR! does (see `humasdesk.core.aduan`). Counts only:
no citizen's handle or words.
"""

from __future__ import annotations

import html
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from humasdesk.core.aduan import CaseStatus, ClassFigures, ComplaintClass, RegisterTally


def _class_name(cls: ComplaintClass | None) -> str:
    names = {
        ComplaintClass.INFORMATION: QCoreApplication.translate(
            "Report", "Information request (5 days)"
        ),
        ComplaintClass.COMPLAINT: QCoreApplication.translate("Report", "Complaint (5 days)"),
        ComplaintClass.DISPUTE: QCoreApplication.translate("Report", "Dispute (14 days)"),
        ComplaintClass.FIELD_CHECK: QCoreApplication.translate(
            "Report", "Needs a field check (60 days)"
        ),
    }
    return names[cls] if cls is not None else QCoreApplication.translate("Report", "All classes")


def _rate(n: int, of: int) -> str:
    if of == 0:
        return "–"
    return f"{n}/{of} ({round(100 * n / of)} %)"


def complaint_register_section(
    tally: RegisterTally, start: datetime, end: datetime, as_of: datetime, tz: tzinfo
) -> str:
    """The section's HTML (escaped); empty when the period has no case."""
    figures: list[ClassFigures] = tally.figures(start, end, as_of, tz)
    if not figures:
        return ""
    statuses = (
        (CaseStatus.RECEIVED, QCoreApplication.translate("Report", "Received")),
        (CaseStatus.REPLIED, QCoreApplication.translate("Report", "Replied")),
        (CaseStatus.FORWARDED, QCoreApplication.translate("Report", "Forwarded to LAPOR!")),
        (CaseStatus.IN_PROGRESS, QCoreApplication.translate("Report", "Being followed up")),
        (CaseStatus.CLOSED, QCoreApplication.translate("Report", "Done")),
        (CaseStatus.REJECTED, QCoreApplication.translate("Report", "Rejected")),
    )
    measures: list[tuple[str, list[str]]] = [
        (QCoreApplication.translate("Report", "Cases"), [str(f.count) for f in figures]),
        *((label, [str(f.by_status[status]) for f in figures]) for status, label in statuses),
        (
            QCoreApplication.translate("Report", "First response on time"),
            [_rate(f.answered_on_time, f.count) for f in figures],
        ),
        (
            QCoreApplication.translate("Report", "Completed on time"),
            [_rate(f.closed_on_time, f.closed) for f in figures],
        ),
        (
            QCoreApplication.translate("Report", "Forwarded with a LAPOR! no."),
            [str(f.forwarded) for f in figures],
        ),
    ]
    title = QCoreApplication.translate(
        "Report", "Complaint register by SP4N-LAPOR! class and status"
    )
    out = ["<h3>" + html.escape(title) + "</h3>"]
    # One column per class (those with cases) and one for all: the measures read down.
    out.append('<table class="fig" width="100%" cellspacing="0" cellpadding="3"><tr><th></th>')
    out.extend(f"<th>{html.escape(_class_name(f.category))}</th>" for f in figures)
    out.append("</tr>")
    for label, cells in measures:
        row = "".join(f"<td>{html.escape(c)}</td>" for c in cells[:-1])
        row += f"<td><b>{html.escape(cells[-1])}</b></td>"
        out.append(f"<tr><td>{html.escape(label)}</td>{row}</tr>")
    out.append("</table>")
    out.append(
        '<p class="note">'
        + html.escape(
            QCoreApplication.translate(
                "Report",
                "Cases whose mention arrived in the period. Deadlines are counted in calendar "
                "days as SP4N-LAPOR! does: a case received on day D with a limit of N days is "
                "due by the end of day D + N (weekends and holidays count). First response on "
                "time: replied by the end of day D + 3, out of all cases. Completed on time: "
                "closed (done or rejected) by the class's deadline, out of the closed cases.",
            )
        )
        + "</p>"
    )
    return "".join(out)
