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
    head = [
        QCoreApplication.translate("Report", "Class"),
        QCoreApplication.translate("Report", "Cases"),
        *(label for _, label in statuses),
        QCoreApplication.translate("Report", "First response on time"),
        QCoreApplication.translate("Report", "Completed on time"),
        QCoreApplication.translate("Report", "Forwarded with a LAPOR! no."),
    ]
    out = [
        "<h3>"
        + html.escape(
            QCoreApplication.translate(
                "Report", "Complaint register by SP4N-LAPOR! class and status"
            )
        )
        + "</h3>"
    ]
    out.append('<table class="fig" width="100%" cellspacing="0" cellpadding="3"><tr>')
    out.extend(f"<th>{html.escape(h)}</th>" for h in head)
    out.append("</tr>")
    for f in figures:
        cells = [
            _class_name(f.category),
            str(f.count),
            *(str(f.by_status[s]) for s, _ in statuses),
            _rate(f.answered_on_time, f.count),
            _rate(f.closed_on_time, f.closed),
            str(f.forwarded),
        ]
        bold = f.category is None
        row = "".join(
            f"<td>{'<b>' if bold else ''}{html.escape(c)}{'</b>' if bold else ''}</td>"
            for c in cells
        )
        out.append(f"<tr>{row}</tr>")
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
