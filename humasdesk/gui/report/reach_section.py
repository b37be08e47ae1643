"""The report's section "Reach and engagement" (issue 16): per account and period, the posts
measured, total and median impressions, the engagement rate (with how many posts had no
impressions figure), the ten best posts with their numbers, and a chart per week. The
figures are `core.metrics.compute_reach`'s; this module only formats them, and says as of
when each figure was read. Text comes from X or the official: escaped (`esc`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from humasdesk.core.metrics import MetricsReport, ReachFigures
from humasdesk.gui.report.charts import BarChart, Series

if TYPE_CHECKING:
    from humasdesk.gui.report.content import Layout, ReportAccount

CHART = "reach"

DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Report", "Posts measured"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Posts and replies of the period (sent from HumasDesk or seen on X) whose numbers "
            "were read from X at least once; each shows its latest reading, as of the time "
            "it was read. Readings are taken about 1 hour, 1 day, 7 days and 28 days after "
            "posting, within the monthly budget.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Impressions"),
        QT_TRANSLATE_NOOP(
            "Report",
            "How often X showed the post (impression_count). Total: the sum over measured "
            "posts with the figure; median by the nearest-rank method. A post whose reading "
            "has no impressions figure is counted separately, never as 0.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Engagement rate"),
        QT_TRANSLATE_NOOP(
            "Report",
            "(likes + reposts + quotes + replies) ÷ impressions, over the posts with an "
            "impressions figure.",
        ),
    ),
)


def reach_charts(
    metrics: MetricsReport, accounts: Sequence[ReportAccount]
) -> list[tuple[str, BarChart]]:
    """The chart per week of impressions (posts by the week they were posted in)."""
    from humasdesk.gui.report.content import _handle

    reach = metrics.reach
    if reach is None:
        return []
    figs = [(a, reach.for_account(a.metrics.account_id)) for a in accounts if a.metrics.account_id]
    weeks = sorted({w for _a, f in figs if f is not None for w, _n in f.weekly})
    if not weeks:
        return []
    locale = QLocale()
    from humasdesk.gui.report.content import _qdate

    series = []
    for a, f in figs:
        per = dict(f.weekly) if f is not None else {}
        series.append(
            Series(_handle(a.handle), a.colour, tuple(float(per.get(w, 0)) for w in weeks))
        )
    chart = BarChart(
        title=QCoreApplication.translate("Report", "Impressions per week"),
        categories=tuple(locale.toString(_qdate(w), "d/M") for w in weeks),
        series=tuple(series),
        y_label=QCoreApplication.translate("Report", "Impressions"),
        x_label=QCoreApplication.translate("Report", "Week starting (day/month)"),
    )
    return [(CHART, chart)]


def _rate(value: float | None) -> str:
    from humasdesk.gui.report.content import format_percent

    return format_percent(value)


def reach_html(
    metrics: MetricsReport, accounts: Sequence[ReportAccount], tz: tzinfo, layout: Layout
) -> str:
    """The section as Qt rich-text HTML."""
    from humasdesk.gui.report.content import (
        _figures_table,
        _handle,
        esc,
        format_datetime,
        format_int,
    )

    out = io.StringIO()
    w = out.write
    reach = metrics.reach
    figs: list[ReachFigures | None] = [
        reach.for_account(a.metrics.account_id) if reach is not None else None for a in accounts
    ]
    measured = reach is not None and any(f is not None and f.measured for f in figs)
    page = ' style="page-break-before: always;"' if measured else ""  # its own page, if any
    w(f"<h2{page}>" + esc(QCoreApplication.translate("Report", "Reach and engagement")) + "</h2>")
    if not measured:
        w(
            "<p>"
            + esc(
                QCoreApplication.translate(
                    "Report",
                    "No post of this period has been measured yet: reach and engagement "
                    "are shown once their numbers have been read from X.",
                )
            )
            + "</p>"
        )
        return out.getvalue()

    def cell(f: ReachFigures | None, fn) -> str:  # type: ignore[no-untyped-def]
        return "–" if f is None or not f.measured else fn(f)

    def median(f: ReachFigures) -> str:
        return "–" if f.impressions_median is None else format_int(f.impressions_median)

    w(
        _figures_table(
            list(accounts),
            [
                (
                    QCoreApplication.translate("Report", "Posts and replies"),
                    [format_int(f.posts) if f else "0" for f in figs],
                ),
                (
                    QCoreApplication.translate("Report", "Posts measured"),
                    [format_int(f.measured) if f else "0" for f in figs],
                ),
                (
                    QCoreApplication.translate("Report", "Impressions, total"),
                    [cell(f, lambda f: format_int(f.impressions_total)) for f in figs],
                ),
                (
                    QCoreApplication.translate("Report", "Impressions, median"),
                    [cell(f, median) for f in figs],
                ),
                (
                    QCoreApplication.translate(
                        "Report", "Engagements (likes, reposts, quotes, replies)"
                    ),
                    [cell(f, lambda f: format_int(f.engagements_total)) for f in figs],
                ),
                (
                    QCoreApplication.translate("Report", "Engagement rate"),
                    [cell(f, lambda f: _rate(f.engagement_rate)) for f in figs],
                ),
                (
                    QCoreApplication.translate(
                        "Report", "Measured posts without an impressions figure"
                    ),
                    [cell(f, lambda f: format_int(f.without_impressions)) for f in figs],
                ),
            ],
        )
    )
    for a, f in zip(accounts, figs, strict=True):
        if f is None or not f.measured:
            continue
        if f.read_from is not None and f.read_to is not None:
            when = format_datetime(f.read_from, tz)
            if f.read_to != f.read_from:
                when += " – " + format_datetime(f.read_to, tz)
            w(
                '<p class="note">'
                + esc(
                    QCoreApplication.translate("Report", "%1: numbers as read from X on %2.")
                    .replace("%1", _handle(a.handle))
                    .replace("%2", when)
                )
                + "</p>"
            )
        if not f.best:
            continue
        w(
            "<h3>"
            + esc(
                QCoreApplication.translate("Report", "Best posts of %1 (by impressions)").replace(
                    "%1", _handle(a.handle)
                )
            )
            + "</h3>"
        )
        w('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>')
        for head, width in (
            (QCoreApplication.translate("Report", "Posted / read"), "16%"),
            (QCoreApplication.translate("Report", "Text"), ""),
            (QCoreApplication.translate("Report", "Impressions"), "12%"),
            (QCoreApplication.translate("Report", "Likes"), "8%"),
            (QCoreApplication.translate("Report", "Reposts"), "12%"),
            (QCoreApplication.translate("Report", "Replies"), "10%"),
            (QCoreApplication.translate("Report", "Rate"), "12%"),
        ):
            size = ' style="font-size: 7.5pt;"'
            w(
                f'<th width="{width}"{size}>{esc(head)}</th>'
                if width
                else f"<th{size}>{esc(head)}</th>"
            )
        w("</tr></thead>")
        for p in f.best:
            s = p.latest
            assert s is not None

            def n(v: int | None) -> str:
                return "–" if v is None else format_int(v)

            posted = esc(format_datetime(p.posted_at, tz, zone=False))
            read = esc(format_datetime(s.read_at, tz, zone=False))
            w(
                "<tr>"
                f'<td class="t">{posted}<br/><span class="ctx">{read}</span></td>'
                f"<td>{esc(p.text or '')}</td>"
                f'<td class="num">{esc(n(s.impression_count))}</td>'
                f'<td class="num">{esc(n(s.like_count))}</td>'
                f'<td class="num">{esc(n(s.retweet_count))}</td>'
                f'<td class="num">{esc(n(s.reply_count))}</td>'
                f'<td class="num">{esc(_rate(p.engagement_rate))}</td>'
                "</tr>"
            )
        w("</table>")
    if any(f is not None and f.weekly for f in figs):
        w(
            f'<p align="center"><img src="chart://{CHART}" width="{layout.chart_width}" '
            f'height="{layout.chart_height}"/></p>'
        )
    return out.getvalue()
