"""The rekap PDF's section "Reach and engagement" (issues 16 and 18): per official (and their
accounts), per unit and in total, the posts measured, total and median impressions, the
engagement rate and the measured posts without an impressions figure, from the metrics
snapshots the inputs carry. The figures are `core.metrics.ReachTally`'s (the officials'
reports count through the same); this module only formats them. An official whose inputs
carry no readings shows "no figures", never zeros; when no input carries any, the section
says so. Names from the register and handles are escaped (`esc`).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from humasdesk.core.metrics import ReachTally
from humasdesk.gui.report.content import esc, format_int, format_percent

if TYPE_CHECKING:
    from humasdesk.services.rekap import Rekap


def _heads() -> list[str]:
    # The officials' report's own labels (context "Report"): the same words for the same figures.
    return [
        QCoreApplication.translate("Report", "Posts and replies"),
        QCoreApplication.translate("Report", "Posts measured"),
        QCoreApplication.translate("Report", "Impressions, total"),
        QCoreApplication.translate("Report", "Impressions, median"),
        QCoreApplication.translate("Report", "Engagement rate"),
        QCoreApplication.translate("Report", "Measured posts without an impressions figure"),
    ]


def _cells(r: ReachTally) -> list[str]:
    median = r.impressions_median
    return [
        format_int(r.posts),
        format_int(r.measured),
        format_int(r.impressions_total) if r.measured else "–",
        "–" if median is None else format_int(median),
        format_percent(r.engagement_rate),
        format_int(r.without_impressions) if r.measured else "–",
    ]


def rekap_reach_html(rekap: Rekap) -> str:
    """The section as Qt rich-text HTML (a heading, then the table or why there is none)."""
    from humasdesk.gui.report.rekap_pdf import _handle, _slot

    out = io.StringIO()
    w = out.write
    w("<h3>" + esc(QCoreApplication.translate("Report", "Reach and engagement")) + "</h3>")
    if not rekap.has_reach:
        w(
            "<p>"
            + esc(
                QCoreApplication.translate(
                    "Rekap",
                    "No input file carries reach and engagement figures (readings of the "
                    "posts' numbers from X): there are none to show.",
                )
            )
            + "</p>"
        )
        return out.getvalue()
    heads = _heads()
    none_text = esc(
        QCoreApplication.translate("Rekap", "no figures: the input files carry no readings")
    )
    w('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>')
    w('<th width="24%">' + esc(QCoreApplication.translate("Rekap", "Official / account")) + "</th>")
    for h, width in zip(heads, (12, 12, 12, 12, 16, 12), strict=True):
        w(f'<th class="small" width="{width}%">{esc(h)}</th>')
    w("</tr></thead>")

    def row(label: str, r: ReachTally | None, cls: str = "") -> None:
        w(f'<tr class="{cls}"><td class="small">{label}</td>')
        if r is None:
            w(f'<td class="small" colspan="{len(heads)}">{none_text}</td></tr>')
            return
        for v in _cells(r):
            w(f'<td class="num small">{esc(v)}</td>')
        w("</tr>")

    for unit, officials in rekap.units():
        for o in officials:
            row(f"<b>{esc(o.key.name)}</b>", o.reach_total())
            for account_id, t in sorted(o.accounts.items(), key=lambda kv: str(kv[1].slot)):
                r = None if o.reach is None else (o.reach.get(account_id) or ReachTally())
                row(
                    "&nbsp;&nbsp;"
                    + esc(_handle(t.handle))
                    + f' <span class="ctx">{esc(_slot(t.slot))}</span>',
                    r,
                )
        row(
            esc(QCoreApplication.translate("Rekap", "Unit %1").replace("%1", unit)),
            rekap.unit_reach(officials),
            "sum",
        )
    row(esc(QCoreApplication.translate("Rekap", "All units")), rekap.total_reach(), "total")
    w("</table>")
    w(
        '<p class="note">'
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "Each counted post's latest reading in the input files, as of the time it was "
                "read. A unit's and all units' figures cover only the officials whose files "
                "carry readings; their medians pool every measured post.",
            )
        )
        + "</p>"
    )
    return out.getvalue()
