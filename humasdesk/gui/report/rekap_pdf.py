"""The supervisor's PDF *Rekapitulasi Aktivitas Media Sosial* (A4, PDF/A-1b, classification
at the top and bottom of every page, as the officials' reports have: `pages`).

Sections: the cover (agency, unit, title, period, the units, classification, the signing
key); the verification page (every input file with its SHA-256, key fingerprint, official,
verdict and reason; the gaps; whether any input carried citizens' data — the rekap itself
never does); the figures per official, unit and in total (posts, replies, mentions, response
times, two-way ratio, aduan against SP4N-LAPOR! times; reach and engagement where the
inputs carry readings, `rekap_reach`); the month-by-month trend; the
ranking when asked for; the definitions. Figures come from `core.metrics` through the
rekap's tallies: formatted here, never computed. Every string from an input or the
register is escaped. Safe off the GUI thread (`writer` explains the application object).
"""

from __future__ import annotations

import io
import logging
import os
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.metrics import AccountMetrics, ComplaintMetrics
from humasdesk.core.rekap import Verdict
from humasdesk.gui.rekap_text import gap_message, verdict_label, verdict_message
from humasdesk.gui.report.content import (
    STYLE,
    esc,
    format_date,
    format_datetime,
    format_duration,
    format_int,
    format_percent,
    format_ratio,
)
from humasdesk.gui.report.pages import write_document_pdf
from humasdesk.gui.report.rekap_reach import rekap_reach_html
from humasdesk.gui.report.writer import ensure_app

if TYPE_CHECKING:
    from humasdesk.services.rekap import Rekap, RekapHeader

logger = logging.getLogger(__name__)

EXTRA_STYLE = """
.cover { margin-top: 90pt; }
h1.title { font-size: 22pt; color: #0B4F8A; }
td.fp { font-family: 'DejaVu Sans Mono', monospace; font-size: 6.5pt; }
td.small { font-size: 7.5pt; }
tr.sum td { font-weight: bold; background-color: #F1F4F8; }
tr.total td { font-weight: bold; background-color: #DDE4EE; }
.bad { color: #8A1C12; font-weight: bold; }
.ok { color: #1B5E20; font-weight: bold; }
"""


def _slot(slot: object) -> str:
    if str(slot) == "office":
        return QCoreApplication.translate("Rekap", "office")
    if str(slot) == "personal":
        return QCoreApplication.translate("Rekap", "personal (official capacity)")
    return QCoreApplication.translate("Rekap", "account")


def _handle(h: str | None) -> str:
    if not h:
        return "–"
    return h if h.startswith("@") else "@" + h


def write_rekap_pdf(rekap: Rekap, header: RekapHeader, out_path: str | os.PathLike[str]) -> int:
    """Write the rekap to `out_path` (complete or not at all); returns the page count."""
    ensure_app()
    title = QCoreApplication.translate("Rekap", "Social Media Activity Recapitulation")
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setHtml(build_rekap_html(rekap, header))
    pages = write_document_pdf(document, out_path, title=title, marking=header.classification)
    logger.info("wrote the rekap PDF (%d pages)", pages)
    return pages


def _figures_rows(m: AccountMetrics) -> list[str]:
    c = m.complaints
    return [
        format_int(m.posts),
        format_int(m.replies),
        format_int(m.mentions_received),
        format_int(m.mentions_answered),
        format_percent(m.answered_share),
        format_duration(m.first_response_median),
        format_duration(m.first_response_p90),
        format_ratio(m.two_way_ratio),
        format_int(c.count),
        format_int(c.unresolved),
        format_int(c.unanswered_overdue),
    ]


def build_rekap_html(rekap: Rekap, header: RekapHeader) -> str:
    tz = rekap.tz
    out = io.StringIO()
    w = out.write
    w(f"<html><head><style>{STYLE}{EXTRA_STYLE}</style></head><body>")
    first_day = rekap.period.start.astimezone(tz).date()
    last_day = (rekap.period.end - timedelta(milliseconds=1)).astimezone(tz).date()
    period_text = format_date(first_day, long=True) + " – " + format_date(last_day, long=True)

    # -- cover ---------------------------------------------------------------------------
    w('<div class="cover">')
    if header.agency:
        w(f'<p class="agency">{esc(header.agency)}</p>')
    if header.unit:
        w(f'<p class="agency">{esc(header.unit)}</p>')
    w(
        '<h1 class="title">'
        + esc(QCoreApplication.translate("Rekap", "Social Media Activity Recapitulation"))
        + "</h1>"
    )
    w(f'<p class="sub" style="font-size: 13pt;">{esc(period_text)}</p>')
    w('<table class="meta" width="100%" cellspacing="0" cellpadding="2">')

    def meta(label: str, value_html: str) -> None:
        w(f'<tr><td class="lbl" width="32%">{esc(label)}</td><td>{value_html}</td></tr>')

    meta(
        QCoreApplication.translate("Rekap", "Classification"),
        f"<b>{esc(header.classification)}</b>",
    )
    meta(QCoreApplication.translate("Rekap", "Period"), esc(period_text))
    meta(QCoreApplication.translate("Rekap", "Made"), esc(format_datetime(rekap.generated_at, tz)))
    units = [u for u, _o in rekap.units()]
    meta(
        QCoreApplication.translate("Rekap", "Units (%1)").replace("%1", format_int(len(units))),
        "<br/>".join(esc(u) for u in units) or "–",
    )
    meta(QCoreApplication.translate("Rekap", "Officials"), esc(format_int(len(rekap.officials))))
    meta(
        QCoreApplication.translate("Rekap", "Input files"),
        esc(
            QCoreApplication.translate("Rekap", "%1 counted, %2 excluded")
            .replace("%1", format_int(len(rekap.counted_files)))
            .replace("%2", format_int(len(rekap.excluded)))
        ),
    )
    meta(
        QCoreApplication.translate("Rekap", "Entries counted"),
        esc(format_int(rekap.entries_counted)),
    )
    if header.signing_fingerprint:
        meta(
            QCoreApplication.translate("Rekap", "Signed with the key"),
            f'<span class="mono">{esc(format_fingerprint(header.signing_fingerprint))}</span>',
        )
    w("</table>")
    w(
        '<p class="note">'
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "Made with HumasDesk from the officials' signed exports, offline. To check "
                "this document, run: humasdesk verify <file>",
            )
        )
        + "</p>"
    )
    w("</div>")

    # -- verification --------------------------------------------------------------------
    w(
        '<h2 style="page-break-before: always;">'
        + esc(QCoreApplication.translate("Rekap", "Verification of the input files"))
        + "</h2>"
    )
    w(
        "<p>"
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "Each file was checked before anything was counted: its signature by a key in "
                "the register of trusted keys, valid for the file's period; its SHA-256 against "
                "the signed one; its manifest; and every entry against its hash and the one "
                "before it.",
            )
        )
        + "</p>"
    )
    w('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>')
    for head in (
        QCoreApplication.translate("Rekap", "File"),
        QCoreApplication.translate("Rekap", "Official"),
        QCoreApplication.translate("Rekap", "SHA-256 / key fingerprint"),
        QCoreApplication.translate("Rekap", "Verdict"),
    ):
        w(f"<th>{esc(head)}</th>")
    w("</tr></thead>")
    for fc in rekap.files:
        ok = fc.verdict is Verdict.COUNTED
        who = (
            esc(fc.key.name) + "<br/>" + esc(fc.key.unit)
            if fc.key
            else esc(QCoreApplication.translate("Rekap", "(unknown)"))
        )
        accounts = ", ".join(esc(_handle(h)) for _s, h in fc.accounts if h)
        if accounts:
            who += f'<br/><span class="ctx">{accounts}</span>'
        counted = ""
        if ok:
            counted = "<br/>" + esc(
                QCoreApplication.translate(
                    "Rekap", "%1 entries counted, %2 already in another file"
                )
                .replace("%1", format_int(fc.counted))
                .replace("%2", format_int(fc.duplicates))
            )
        w(
            "<tr>"
            f'<td class="small">{esc(fc.name)}</td>'
            f'<td class="small">{who}</td>'
            f'<td class="fp">{esc(fc.sha256 or "–")}<br/>'
            f"{esc(fc.fingerprint or '–')}</td>"
            f'<td class="small"><span class="{"ok" if ok else "bad"}">'
            f"{esc(verdict_label(fc.verdict))}</span><br/>"
            f"{esc(verdict_message(fc.verdict, fc.detail, tz))}{counted}</td>"
            "</tr>"
        )
    w("</table>")
    w(
        "<h3>"
        + esc(QCoreApplication.translate("Rekap", "Gaps between an official's files"))
        + "</h3>"
    )
    if rekap.gaps:
        w("<ul>")
        for g in rekap.gaps:
            w(f"<li>{esc(gap_message(g))}</li>")
        w("</ul>")
    else:
        w(
            "<p>"
            + esc(QCoreApplication.translate("Rekap", "None: every official's files join up."))
            + "</p>"
        )
    w("<h3>" + esc(QCoreApplication.translate("Rekap", "Citizens' data")) + "</h3>")
    summary = rekap.citizen_summary
    w(
        "<p>"
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "This rekap holds no citizen's handle or words: only figures. Handles stay "
                "pseudonyms within each export, so one citizen in two units' exports cannot be "
                "linked.",
            )
        )
        + "</p>"
    )
    if summary.get("full"):
        text = QCoreApplication.translate(
            "Rekap",
            "%1 of the counted input files carried citizens' data in full (not masked): keep "
            "them as personal data (UU 27/2022).",
        ).replace("%1", format_int(summary["full"]))
        w(f'<p class="bad">{esc(text)}</p>')
    w(
        "<p>"
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "Counted input files with citizens' data pseudonymised and masked: %1; with "
                "none: %2.",
            )
            .replace("%1", format_int(summary.get("masked", 0)))
            .replace("%2", format_int(summary.get("none", 0)))
        )
        + "</p>"
    )

    # -- figures -------------------------------------------------------------------------
    heads = [
        QCoreApplication.translate("Rekap", "Posts"),
        QCoreApplication.translate("Rekap", "Replies"),
        QCoreApplication.translate("Rekap", "Mentions received"),
        QCoreApplication.translate("Rekap", "Answered"),
        QCoreApplication.translate("Rekap", "Answered share"),
        QCoreApplication.translate("Rekap", "Response, median"),
        QCoreApplication.translate("Rekap", "Response, 90th pct."),
        QCoreApplication.translate("Rekap", "Two-way ratio"),
        QCoreApplication.translate("Rekap", "Aduan"),
        QCoreApplication.translate("Rekap", "Aduan open"),
        QCoreApplication.translate("Rekap", "Aduan overdue"),
    ]
    w(
        '<h2 style="page-break-before: always;">'
        + esc(QCoreApplication.translate("Rekap", "Figures"))
        + "</h2>"
    )
    # Two tables of fewer columns: eleven figures side by side do not fit A4 legibly.
    for columns in (range(0, 5), range(5, 11)):
        w('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>')
        w(
            '<th width="34%">'
            + esc(QCoreApplication.translate("Rekap", "Official / account"))
            + "</th>"
        )
        for i in columns:
            w(f'<th class="small">{esc(heads[i])}</th>')
        w("</tr></thead>")

        def row(label: str, m: AccountMetrics, cls: str = "", cols: range = columns) -> None:
            values = _figures_rows(m)
            w(f'<tr class="{cls}"><td class="small">{label}</td>')
            for i in cols:
                w(f'<td class="num small">{esc(values[i])}</td>')
            w("</tr>")

        for unit, officials in rekap.units():
            for o in officials:
                row(f"<b>{esc(o.key.name)}</b>", o.total().figures())
                for t in sorted(o.accounts.values(), key=lambda t: str(t.slot)):
                    row(
                        "&nbsp;&nbsp;"
                        + esc(_handle(t.handle))
                        + f' <span class="ctx">{esc(_slot(t.slot))}</span>',
                        t.figures(),
                    )
            row(
                esc(QCoreApplication.translate("Rekap", "Unit %1").replace("%1", unit)),
                rekap.unit_total(officials).figures(),
                "sum",
            )
        row(
            esc(QCoreApplication.translate("Rekap", "All units")),
            rekap.total().figures(),
            "total",
        )
        w("</table>")
    w(
        '<p class="note">'
        + esc(
            QCoreApplication.translate(
                "Rekap",
                "Figures as of %1. Of personal accounts only posts marked as made in official "
                "capacity (kapasitas jabatan) count.",
            ).replace("%1", format_datetime(rekap.as_of, tz))
        )
        + "</p>"
    )

    # complaints in detail
    total = rekap.total().figures().complaints
    w(
        "<h3>"
        + esc(QCoreApplication.translate("Rekap", "Aduan against SP4N-LAPOR! service times"))
        + "</h3>"
    )
    w('<table class="grid" width="100%" cellspacing="0" cellpadding="2"><thead><tr>')
    for h in (
        QCoreApplication.translate("Rekap", "Unit"),
        QCoreApplication.translate("Rekap", "Aduan"),
        QCoreApplication.translate("Rekap", "Answered ≤ 3 days"),
        QCoreApplication.translate("Rekap", "Answered late"),
        QCoreApplication.translate("Rekap", "Unanswered, overdue"),
        QCoreApplication.translate("Rekap", "Unanswered, within 3 days"),
        QCoreApplication.translate("Rekap", "Resolved ≤ 5 / 14 / 60 days"),
        QCoreApplication.translate("Rekap", "Open"),
    ):
        w(f'<th class="small">{esc(h)}</th>')
    w("</tr></thead>")

    def crow(label: str, c: ComplaintMetrics, cls: str = "") -> None:
        cells = [
            format_int(c.count),
            format_int(c.responded_within),
            format_int(c.responded_late),
            format_int(c.unanswered_overdue),
            format_int(c.unanswered_pending),
            f"{format_int(c.resolved_within_5d)} / {format_int(c.resolved_within_14d)} / "
            f"{format_int(c.resolved_within_60d)}",
            format_int(c.unresolved),
        ]
        w(f'<tr class="{cls}"><td class="small">{label}</td>')
        for v in cells:
            w(f'<td class="num small">{esc(v)}</td>')
        w("</tr>")

    for unit, officials in rekap.units():
        crow(esc(unit), rekap.unit_total(officials).figures().complaints)
    crow(esc(QCoreApplication.translate("Rekap", "All units")), total, "total")
    w("</table>")
    w(rekap_reach_html(rekap))

    # month by month
    if rekap.months:
        w(
            '<h2 style="page-break-before: always;">'
            + esc(QCoreApplication.translate("Rekap", "Month by month"))
            + "</h2>"
        )
        w('<table class="grid" width="100%" cellspacing="0" cellpadding="2"><thead><tr>')
        w("<th>" + esc(QCoreApplication.translate("Rekap", "Month")) + "</th>")
        for h in heads[:8]:
            w(f'<th class="small">{esc(h)}</th>')
        w("</tr></thead>")
        for i, m in enumerate(rekap.months):
            local = m.start.astimezone(tz).date()
            label = esc(format_date(local.replace(day=1), long=True).split(" ", 1)[-1])
            w(f'<tr><td class="small">{label}</td>')
            for value in _figures_rows(rekap.month_total(i).figures())[:8]:
                w(f'<td class="num small">{esc(value)}</td>')
            w("</tr>")
        w("</table>")

    # ranking
    if header.ranking and rekap.officials:
        from humasdesk.services.rekap_files import ranked

        w("<h2>" + esc(QCoreApplication.translate("Rekap", "Ranking")) + "</h2>")
        w('<table class="grid" width="100%" cellspacing="0" cellpadding="2"><thead><tr>')
        for h in (
            "#",
            QCoreApplication.translate("Rekap", "Official"),
            QCoreApplication.translate("Rekap", "Unit"),
            QCoreApplication.translate("Rekap", "Answered share"),
            QCoreApplication.translate("Rekap", "Response, median"),
            QCoreApplication.translate("Rekap", "Mentions received"),
        ):
            w(f'<th class="small">{esc(h)}</th>')
        w("</tr></thead>")
        for i, (o, m) in enumerate(ranked(rekap), start=1):
            w(
                f'<tr><td class="num small">{i}</td><td class="small">{esc(o.key.name)}</td>'
                f'<td class="small">{esc(o.key.unit)}</td>'
                f'<td class="num small">{esc(format_percent(m.answered_share))}</td>'
                f'<td class="num small">{esc(format_duration(m.first_response_median))}</td>'
                f'<td class="num small">{esc(format_int(m.mentions_received))}</td></tr>'
            )
        w("</table>")

    # definitions
    w(
        '<h2 style="page-break-before: always;">'
        + esc(QCoreApplication.translate("Rekap", "Appendix: definitions"))
        + "</h2>"
    )
    for term, text in _definitions():
        w(f'<p class="term">{esc(term)}</p><p class="def">{esc(text)}</p>')
    w("</body></html>")
    return out.getvalue()


def _definitions() -> list[tuple[str, str]]:
    return [
        (
            QCoreApplication.translate("Rekap", "Period"),
            QCoreApplication.translate(
                "Rekap",
                "From the start date (inclusive) up to the end (exclusive). Figures are as of "
                "the end of the period: replies after it are not counted.",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Posts"),
            QCoreApplication.translate(
                "Rekap",
                "Posts sent in the period that are not replies; of a personal account only "
                "those marked as made in official capacity.",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Replies"),
            QCoreApplication.translate(
                "Rekap", "Replies sent in the period, including replies logged as posts."
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Mentions received and answered"),
            QCoreApplication.translate(
                "Rekap",
                "Distinct mentions received in the period; answered when the same account "
                "replied to it at or after its time. The answered share is answered ÷ "
                "received.",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Time to first response"),
            QCoreApplication.translate(
                "Rekap",
                "Time of the account's earliest reply minus the time of the mention. Median "
                "and 90th percentile by the nearest-rank method (the value at rank ⌈p/100 · "
                "n⌉ of the n sorted times); for a unit and for all units the answered mentions "
                "of all their accounts are pooled first.",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Two-way ratio"),
            QCoreApplication.translate(
                "Rekap", "Replies ÷ posts (not shown when there were no posts)."
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Aduan"),
            QCoreApplication.translate(
                "Rekap",
                "Mentions of the period tagged as aduan, against the SP4N-LAPOR! service "
                "times: first response within 3 × 24 hours, resolution within 5, 14 and 60 "
                "days (cumulative). Open: not marked handled yet. Overdue: unanswered after 3 "
                "days.",
            ),
        ),
        (
            QCoreApplication.translate("Report", "Reach and engagement"),
            QCoreApplication.translate(
                "Rekap",
                "From the readings of the posts' numbers on X that the exports carry (metrics "
                "snapshots), as in the officials' reports: the period's counted posts and "
                "replies, each with its latest reading. Posts measured: read at least once. "
                "Impressions (impression_count): the total over measured posts with the "
                "figure; median by the nearest-rank method, all posts pooled for a unit and "
                "for all units. Engagement rate: (likes + reposts + quotes + replies) ÷ "
                "impressions, over the posts with an impressions figure. Posts whose reading "
                "has no impressions figure are counted separately, never as 0. An official "
                "whose files carry no readings has no figures (not 0).",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "Ranking"),
            QCoreApplication.translate(
                "Rekap",
                "Officials ordered by answered share (high to low), then median response time "
                "(fast to slow), then mentions received.",
            ),
        ),
        (
            QCoreApplication.translate("Rekap", "De-duplication and gaps"),
            QCoreApplication.translate(
                "Rekap",
                "Exports of the same official that overlap hold the same entries: each entry "
                "is counted once, by its number and hash. Entry numbers of an official's log "
                "that lie between two of their files but in neither are listed as gaps: a "
                "period nobody sent.",
            ),
        ),
    ]
