"""The report's content: one pass over the entries, then the HTML for `QTextDocument`.

All user-facing text is English source text translated in context "Report" (Bahasa Indonesia
through the installed translator). Every string that comes from X, from a citizen or from the
manifest goes through `esc` (`html.escape`) before it enters the HTML; only markup built here is
unescaped. Dates and numbers are formatted with the default `QLocale` (id_ID after
`install_translators(app, "id")`).
"""

from __future__ import annotations

import html
import io
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from humasdesk.core import metrics as metrics_core
from humasdesk.core.activity import Action, ActivityEntry
from humasdesk.core.aduan import RegisterTally
from humasdesk.core.metrics import (
    AccountMetrics,
    ComplaintMetrics,
    MetricsReport,
    Period,
)
from humasdesk.core.models import Slot
from humasdesk.core.schedule import ScheduleTally
from humasdesk.gui.report import reach_section
from humasdesk.gui.report.aduan_section import complaint_register_section as aduan_section
from humasdesk.gui.report.charts import BarChart, Series
from humasdesk.gui.theme import SLOT_COLOURS, TEXT_ON_SLOT

MAX_TABLE_ROWS = 5000
TABLE_CHUNK = 250  # rows per <table>: keeps layout fast and repeats the header on each chunk
MENTION_TEXT_MEMORY = 20_000  # mention texts kept to show what a reply answered (LRU)
OTHER_COLOUR = "#4B5563"

RESPONSE_BUCKETS = (
    (limit, label)
    for limit, label in zip(
        metrics_core.RESPONSE_BUCKETS,
        (
            QT_TRANSLATE_NOOP("Report", "< 1 h"),
            QT_TRANSLATE_NOOP("Report", "1–4 h"),
            QT_TRANSLATE_NOOP("Report", "4–24 h"),
            QT_TRANSLATE_NOOP("Report", "1–3 d"),
            QT_TRANSLATE_NOOP("Report", "> 3 d"),
        ),
        strict=True,
    )
)

# The appendix: the definitions of core/metrics.py, in words a supervisor reads.
DEFINITIONS = (
    (
        QT_TRANSLATE_NOOP("Report", "Period"),
        QT_TRANSLATE_NOOP(
            "Report",
            "From the start date (inclusive) up to the end (exclusive). Replies, tags and "
            "resolutions after the end still count for mentions received in the period, up to "
            "the moment the report describes.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Posts"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Posts sent in the period that are not replies. A post deleted later still counts: "
            "it was published.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Replies"),
        QT_TRANSLATE_NOOP(
            "Report", "Replies sent in the period, including replies logged as posts."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Mentions received"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Distinct mentions of the account received in the period (a mention logged twice "
            "counts once).",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Mentions answered"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Mentions received in the period that the same account replied to, at or after the "
            "mention; the reply may fall after the end of the period. The answered share is "
            "answered ÷ received.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Time to first response"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Time of the account's earliest reply minus the time of the mention, over the "
            "answered mentions. Median and 90th percentile by the nearest-rank method: for n "
            "sorted values the p-th percentile is the value at rank ⌈p/100 · n⌉, so the median "
            "of an even count is the lower middle value and every figure is an actual "
            "response time.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Two-way ratio"),
        QT_TRANSLATE_NOOP("Report", "Replies ÷ posts (not shown when there were no posts)."),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Complaints (aduan)"),
        QT_TRANSLATE_NOOP(
            "Report",
            "Mentions received in the period that the account tagged as aduan. Measured "
            "against the SP4N-LAPOR! service times: first response within 3 days (answered "
            "within 3 × 24 hours; otherwise answered late, unanswered and overdue, or "
            "unanswered and still within 3 days), and resolution within 5, 14 and 60 days "
            "(time from the mention until it was marked handled; cumulative counts, so a "
            "complaint resolved in 4 days counts in all three).",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Report", "Chain head hash"),
        QT_TRANSLATE_NOOP(
            "Report",
            "The SHA-256 hash of the last entry of the activity log. Each entry's hash covers "
            "the previous one, so changing, removing or inserting any entry changes it. "
            "The command humasdesk verify checks the log and the signed export files against it.",
        ),
    ),
)


def tr(text: str) -> str:
    """Translate a `QT_TRANSLATE_NOOP("Report", ...)` constant."""
    return QCoreApplication.translate("Report", text)


def esc(text: object) -> str:
    """Plain text (remote or ours) as HTML: escaped, line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br/>")


# -- formatting --------------------------------------------------------------------------


def local_zone() -> tzinfo:
    """The machine's local time zone (as a fixed offset with its abbreviation, e.g. WIB)."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def format_date(d: date, long: bool = False) -> str:
    return QLocale().toString(_qdate(d), "d MMMM yyyy" if long else "d MMM yyyy")


def format_datetime(ts: datetime, tz: tzinfo, zone: bool = True) -> str:
    """`28 Nov 2026 14.05 WIB` (id_ID): local date, locale short time, zone abbreviation."""
    local = ts.astimezone(tz)
    locale = QLocale()
    text = (
        locale.toString(_qdate(local.date()), "d MMM yyyy")
        + " "
        + locale.toString(
            QTime(local.hour, local.minute), locale.timeFormat(QLocale.FormatType.ShortFormat)
        )
    )
    name = local.tzname() if zone else None
    return f"{text} {name}" if name else text


def format_int(n: int) -> str:
    return QLocale().toString(int(n))


def format_percent(share: float | None) -> str:
    if share is None:
        return "–"
    return QLocale().toString(share * 100, "f", 1) + "%"


def format_ratio(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value, "f", 2)


def format_duration(value: timedelta | None) -> str:
    """`45 menit`, `2 jam 5 menit`, `3 hari 4 jam` (minutes rounded down)."""
    if value is None:
        return "–"
    minutes = int(value.total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours == 0:
        return QCoreApplication.translate("Report", "%1 min").replace("%1", format_int(mins))
    if hours < 48:
        return (
            QCoreApplication.translate("Report", "%1 h %2 min")
            .replace("%1", format_int(hours))
            .replace("%2", format_int(mins))
        )
    days, hours = divmod(hours, 24)
    return (
        QCoreApplication.translate("Report", "%1 d %2 h")
        .replace("%1", format_int(days))
        .replace("%2", format_int(hours))
    )


def to_datetime(value: Any, tz: tzinfo) -> datetime | date | None:
    """A manifest time: `date` for a date-only value, aware `datetime` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) == 10:
        return date.fromisoformat(text)
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def format_period(start: Any, end: Any, period: Period, tz: tzinfo) -> str:
    """`1 Maret 2024 – 31 Maret 2024`.

    Date-only manifest values are shown as given (the dates the official chose). A datetime end
    is exclusive: one at local midnight is shown as the day before; other times in full.
    """
    s = to_datetime(start, tz) or period.start
    e = to_datetime(end, tz) or period.end

    def show(value: datetime | date, is_end: bool) -> str:
        if not isinstance(value, datetime):
            return format_date(value, long=True)
        local = value.astimezone(tz)
        if (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0):
            day = local.date() - timedelta(days=1) if is_end else local.date()
            return format_date(day, long=True)
        return format_datetime(local, tz)

    return show(s, False) + " – " + show(e, True)


def slot_label(slot: Slot | str | None) -> str:
    if str(slot) == Slot.OFFICE:
        return QCoreApplication.translate("Report", "Office account")
    if str(slot) == Slot.PERSONAL:
        return QCoreApplication.translate("Report", "Personal account")
    return QCoreApplication.translate("Report", "Account")


def slot_colour(slot: Slot | str | None) -> str:
    try:
        return SLOT_COLOURS[Slot(str(slot))]
    except ValueError:
        return OTHER_COLOUR


def _handle(handle: str | None) -> str:
    if not handle:
        return "–"
    return handle if handle.startswith("@") else "@" + handle


# -- accounts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportAccount:
    """One column of the report: an account from the manifest with its figures."""

    slot: Slot | str | None
    handle: str | None
    name: str | None
    metrics: AccountMetrics

    @property
    def colour(self) -> str:
        return slot_colour(self.slot)


def _empty_metrics(slot: Any, handle: str | None) -> AccountMetrics:
    return AccountMetrics(
        account_id="",
        handle=handle,
        slot=slot,
        posts=0,
        replies=0,
        mentions_received=0,
        mentions_answered=0,
        answered_share=None,
        first_response_median=None,
        first_response_p90=None,
        two_way_ratio=None,
        complaints=ComplaintMetrics(),
    )


def _slot_order(slot: Any) -> int:
    return {Slot.OFFICE.value: 0, Slot.PERSONAL.value: 1}.get(str(slot), 2)


def report_accounts(
    manifest_accounts: Iterable[Mapping[str, Any]], metrics: MetricsReport
) -> list[ReportAccount]:
    """(The name: the manifest's, else the account's display name as of the period's end.)"""
    names = metrics.names
    """The manifest's accounts joined with their metrics (by handle, else slot); office first.
    Accounts with figures but missing from the manifest are added at the end."""
    left = list(metrics.accounts)
    out: list[ReportAccount] = []

    def norm(h: str | None) -> str:
        return (h or "").lstrip("@").casefold()

    for acc in manifest_accounts:
        slot, handle = acc.get("slot"), acc.get("handle")
        found = next((m for m in left if handle and norm(m.handle) == norm(handle)), None)
        if found is None:
            found = next((m for m in left if m.slot is not None and str(m.slot) == str(slot)), None)
        if found is not None:
            left.remove(found)
        out.append(
            ReportAccount(
                slot=slot if slot is not None else (found.slot if found else None),
                handle=handle or (found.handle if found else None),
                name=acc.get("name") or (names.get(found.account_id) if found else None),
                metrics=found or _empty_metrics(slot, handle),
            )
        )
    out.extend(ReportAccount(m.slot, m.handle, names.get(m.account_id), m) for m in left)
    out.sort(key=lambda a: _slot_order(a.slot))
    return out


# -- one pass over the entries ----------------------------------------------------------


def bucket_unit(period: Period, tz: tzinfo) -> str:
    days = (period.end.astimezone(tz).date() - period.start.astimezone(tz).date()).days
    return "day" if days <= 45 else "week" if days <= 280 else "month"


def _bucket(d: date, unit: str) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


def _buckets(period: Period, tz: tzinfo, unit: str) -> list[date]:
    first = period.start.astimezone(tz).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(tz).date()
    out: list[date] = []
    d = first
    while d <= last:
        b = _bucket(d, unit)
        if not out or out[-1] != b:
            out.append(b)
        d += timedelta(days=1)
    return out


@dataclass
class Collected:
    """What one pass over the entries yields (memory: counters, mention times, ≤ N rows)."""

    entries: int = 0
    per_bucket: dict[str, Counter[date]] = field(default_factory=dict)
    #: each account's display name as of the period's end (its latest sign-in by then)
    names: dict[str, str] = field(default_factory=dict)
    #: X ids of the period's posts and replies in the report's selection (for the reach)
    post_ids: list[str] = field(default_factory=list)
    table_html: list[str] = field(default_factory=list)
    table_rows: int = 0
    table_omitted: int = 0
    schedule: ScheduleTally = field(default_factory=ScheduleTally)  # issue 15
    aduan: RegisterTally = field(default_factory=RegisterTally)  # issue 17: case entries


def collect(
    entries: Iterable[ActivityEntry],
    period: Period,
    as_of: datetime,
    tz: tzinfo,
    unit: str,
    max_rows: int = MAX_TABLE_ROWS,
) -> Collected:
    """Stream the entries once: activity per time bucket and account (what counts as a post,
    reply or repost is `core.metrics`'s), the accounts' names, and the HTML rows of the
    posts table. The figures themselves (response times included) are `compute_metrics`'s."""
    out = Collected()
    name_seq: dict[str, int] = {}
    mention_texts: OrderedDict[tuple[str, str], str | None] = OrderedDict()
    rows = io.StringIO()
    chunk_rows = 0
    for e in entries:
        out.entries += 1
        out.aduan.add(e)
        if e.ts > as_of:
            continue
        action = str(e.action)
        out.schedule.add(e, action, period)  # scheduled posts (issue 15)
        kind_of = metrics_core.publication_kind(action, e.in_reply_to)
        is_reply = kind_of == "reply"
        acc = e.account_id
        if acc is not None:
            if action == Action.SIGNED_IN and e.ts < period.end and e.seq > name_seq.get(acc, 0):
                name = e.details.get("name")
                if isinstance(name, str) and name:
                    out.names[acc], name_seq[acc] = name, e.seq
            elif action == Action.MENTION_RECEIVED and e.x_post_id is not None:
                if out.table_rows < max_rows:
                    mention_texts[(acc, e.x_post_id)] = e.citizen_text
                    if len(mention_texts) > MENTION_TEXT_MEMORY:
                        mention_texts.popitem(last=False)
        is_repost = kind_of == "repost"
        if e.ts not in period or kind_of is None:
            continue
        if e.x_post_id is not None and not is_repost:
            out.post_ids.append(e.x_post_id)
        if acc is not None:
            local_day = e.ts.astimezone(tz).date()
            out.per_bucket.setdefault(acc, Counter())[_bucket(local_day, unit)] += 1
        if out.table_rows >= max_rows:
            out.table_omitted += 1
            continue
        if chunk_rows == 0:
            rows.write(_table_head())
        context = ""
        if is_reply and acc is not None and e.in_reply_to is not None:
            key = (acc, e.in_reply_to)
            if key in mention_texts:
                citizen = mention_texts[key]
                context = (
                    '<br/><span class="ctx">'
                    + esc(
                        QCoreApplication.translate("Report", "In reply to: “%1”").replace(
                            "%1",
                            citizen
                            if citizen is not None
                            else QCoreApplication.translate("Report", "(text erased)"),
                        )
                    )
                    + "</span>"
                )
        if action in metrics_core.SEEN_ACTIONS:
            context += (
                '<br/><span class="ctx">'
                + esc(QCoreApplication.translate("Report", "Sent outside HumasDesk"))
                + "</span>"
            )
        if is_repost:
            kind = QCoreApplication.translate("Report", "Repost")
        elif is_reply:
            kind = QCoreApplication.translate("Report", "Reply")
        else:
            kind = QCoreApplication.translate("Report", "Post")
        rows.write(
            "<tr>"
            f'<td class="t">{esc(format_datetime(e.ts, tz, zone=False))}</td>'
            f'<td class="k">{esc(kind)}</td>'
            f'<td class="k">{esc(_handle(e.handle))}</td>'
            f"<td>{esc(e.text or '')}{context}</td>"
            "</tr>"
        )
        out.table_rows += 1
        chunk_rows += 1
        if chunk_rows == TABLE_CHUNK:
            rows.write("</table>")
            out.table_html.append(rows.getvalue())
            rows = io.StringIO()
            chunk_rows = 0
    if chunk_rows:
        rows.write("</table>")
        out.table_html.append(rows.getvalue())
    return out


def _table_head() -> str:
    time_h = QCoreApplication.translate("Report", "Time")
    type_h = QCoreApplication.translate("Report", "Type")
    account_h = QCoreApplication.translate("Report", "Account")
    text_h = QCoreApplication.translate("Report", "Text")
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="3">'
        "<thead><tr>"
        f'<th width="16%">{esc(time_h)}</th>'
        f'<th width="9%">{esc(type_h)}</th>'
        f'<th width="16%">{esc(account_h)}</th>'
        f"<th>{esc(text_h)}</th>"
        "</tr></thead>"
    )


# -- charts -------------------------------------------------------------------------------


def build_charts(
    accounts: list[ReportAccount],
    collected: Collected,
    period: Period,
    tz: tzinfo,
    unit: str,
    metrics: MetricsReport | None = None,
) -> list[tuple[str, BarChart]]:
    """(resource name, chart) for each chart of the report (with `metrics`: its reach)."""
    histograms = metrics.response_histograms if metrics is not None else {}
    charts: list[tuple[str, BarChart]] = []
    by_id = [a for a in accounts if a.metrics.account_id]
    buckets = _buckets(period, tz, unit)
    locale = QLocale()
    x_label = ""
    if unit == "day":
        title = QCoreApplication.translate("Report", "Posts and replies per day")
        fmt = "d"
        months = []
        for b in buckets:
            name = locale.toString(_qdate(b), "MMMM yyyy")
            if name not in months:
                months.append(name)
        x_label = " – ".join(months[:1] + months[-1:] if len(months) > 1 else months)
    elif unit == "week":
        title = QCoreApplication.translate("Report", "Posts and replies per week")
        fmt = "d/M"
        x_label = QCoreApplication.translate("Report", "Week starting (day/month)")
    else:
        title = QCoreApplication.translate("Report", "Posts and replies per month")
        fmt = "MMM yy"
    charts.append(
        (
            "activity",
            BarChart(
                title=title,
                categories=tuple(locale.toString(_qdate(b), fmt) for b in buckets),
                series=tuple(
                    Series(
                        _handle(a.handle),
                        a.colour,
                        tuple(
                            float(collected.per_bucket.get(a.metrics.account_id, Counter())[b])
                            for b in buckets
                        ),
                    )
                    for a in by_id
                ),
                y_label=QCoreApplication.translate("Report", "Count"),
                x_label=x_label,
            ),
        )
    )
    charts.append(
        (
            "mentions",
            BarChart(
                title=QCoreApplication.translate("Report", "Mentions received and answered"),
                categories=(
                    QCoreApplication.translate("Report", "Received"),
                    QCoreApplication.translate("Report", "Answered"),
                    QCoreApplication.translate("Report", "Complaints"),
                    QCoreApplication.translate("Report", "Complaints answered ≤ 3 d"),
                ),
                series=tuple(
                    Series(
                        _handle(a.handle),
                        a.colour,
                        (
                            float(a.metrics.mentions_received),
                            float(a.metrics.mentions_answered),
                            float(a.metrics.complaints.count),
                            float(a.metrics.complaints.responded_within),
                        ),
                    )
                    for a in by_id
                ),
                y_label=QCoreApplication.translate("Report", "Mentions"),
            ),
        )
    )
    hist = [
        Series(
            _handle(a.handle),
            a.colour,
            tuple(float(c) for c in histograms.get(a.metrics.account_id, (0,) * 5)),
        )
        for a in by_id
    ]
    charts.append(
        (
            "response",
            BarChart(
                title=QCoreApplication.translate("Report", "Time to first response"),
                categories=tuple(tr(label) for _limit, label in RESPONSE_BUCKETS),
                series=tuple(hist),
                y_label=QCoreApplication.translate("Report", "Answered mentions"),
            ),
        )
    )
    if metrics is not None:
        charts += reach_section.reach_charts(metrics, accounts)
    return charts


# -- the document -------------------------------------------------------------------------

STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif;
       font-size: 9pt; color: #1F2933; }
h1 { font-size: 17pt; margin-bottom: 2pt; color: #0B4F8A; }
h2 { font-size: 12.5pt; margin-top: 14pt; margin-bottom: 5pt; color: #0B4F8A; }
h3 { font-size: 10.5pt; margin-top: 10pt; margin-bottom: 4pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
.agency { font-size: 10pt; font-weight: bold; color: #4B5563; margin-bottom: 0; }
.sub { color: #4B5563; }
.note { color: #4B5563; font-style: italic; }
.empty { font-size: 11pt; font-weight: bold; color: #8A1C12; }
.mono { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', Consolas, monospace; font-size: 8pt; }
table.grid { border-collapse: collapse; border-color: #C5CCD3; border-style: solid;
             margin-bottom: 6pt; }
table.grid td, table.grid th { border: 0.5px solid #C5CCD3; vertical-align: top; }
table.grid th { background-color: #E8EDF2; text-align: left; font-weight: bold; }
table.meta td { vertical-align: top; }
td.lbl { color: #4B5563; }
td.num { text-align: right; }
td.t { white-space: nowrap; font-size: 8pt; }
td.k { font-size: 8pt; }
.ctx { color: #4B5563; font-size: 8pt; font-style: italic; }
p.term { font-weight: bold; margin-top: 7pt; margin-bottom: 1pt; }
p.def { margin-left: 12pt; margin-top: 0; }
h2 { margin-top: 16pt; }
"""


@dataclass(frozen=True)
class Layout:
    chart_width: int = 640  # logical pixels (96/inch): the text width of A4 with 2 cm margins
    chart_height: int = 270


def _meta_row(label: str, value_html: str) -> str:
    return f'<tr><td class="lbl" width="30%">{esc(label)}</td><td>{value_html}</td></tr>'


def _account_header(accounts: list[ReportAccount]) -> str:
    cells = "".join(
        f'<th bgcolor="{a.colour}" style="color: {TEXT_ON_SLOT}; text-align: right;">'
        f"{esc(_handle(a.handle))}<br/>"
        f'<span style="font-weight: normal;">{esc(slot_label(a.slot))}</span></th>'
        for a in accounts
    )
    return f"<thead><tr><th></th>{cells}</tr></thead>"


def _figures_table(
    accounts: list[ReportAccount], rows: list[tuple[str, list[str]]], label_width: int = 46
) -> str:
    body = "".join(
        f'<tr><td class="lbl" width="{label_width}%">{esc(label)}</td>'
        + "".join(f'<td class="num">{esc(v)}</td>' for v in values)
        + "</tr>"
        for label, values in rows
    )
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        + _account_header(accounts)
        + body
        + "</table>"
    )


def _count_share(n: int, of: int) -> str:
    if of == 0:
        return format_int(n)
    return (
        QCoreApplication.translate("Report", "%1 of %2 (%3)")
        .replace("%1", format_int(n))
        .replace("%2", format_int(of))
        .replace("%3", format_percent(n / of))
    )


def build_html(
    *,
    manifest: Mapping[str, Any],
    metrics: MetricsReport,
    accounts: list[ReportAccount],
    collected: Collected,
    charts: list[tuple[str, BarChart]],
    tz: tzinfo,
    layout: Layout = Layout(),
) -> str:
    """The whole report as Qt rich-text HTML (charts referenced as `chart://<name>`)."""
    out = io.StringIO()
    w = out.write
    w(f"<html><head><style>{STYLE}</style></head><body>")
    agency = manifest.get("agency")
    if agency:
        w(f'<p class="agency">{esc(agency)}</p>')
    unit = manifest.get("unit")
    if unit:
        w(f'<p class="agency">{esc(unit)}</p>')
    w("<h1>" + esc(QCoreApplication.translate("Report", "Social Media Activity Report")) + "</h1>")
    period_text = format_period(
        manifest.get("period_start"), manifest.get("period_end"), metrics.period, tz
    )
    w(f'<p class="sub" style="font-size: 11pt;">{esc(period_text)}</p>')

    generated = to_datetime(manifest.get("generated_at"), tz)
    if isinstance(generated, datetime):
        generated_text = format_datetime(generated, tz)
    elif generated is not None:
        generated_text = format_date(generated)
    else:
        generated_text = "–"
    entry_count = int(manifest.get("entry_count", collected.entries) or 0)
    w('<table class="meta" width="100%" cellspacing="0" cellpadding="1">')
    classification = manifest.get("classification")
    if classification:
        w(
            _meta_row(
                QCoreApplication.translate("Report", "Classification"),
                f"<b>{esc(classification)}</b>",
            )
        )
    w(_meta_row(QCoreApplication.translate("Report", "Period"), esc(period_text)))
    w(_meta_row(QCoreApplication.translate("Report", "Generated"), esc(generated_text)))
    w(
        _meta_row(
            QCoreApplication.translate("Report", "Entries in this export"),
            esc(format_int(entry_count)),
        )
    )
    head_seq = manifest.get("head_seq")
    w(
        _meta_row(
            QCoreApplication.translate("Report", "Activity log head"),
            esc(
                QCoreApplication.translate("Report", "entry no. %1").replace(
                    "%1", format_int(int(head_seq)) if head_seq is not None else "–"
                )
            ),
        )
    )
    w(
        _meta_row(
            QCoreApplication.translate("Report", "Chain head hash"),
            f'<span class="mono">{esc(manifest.get("head_hash") or "–")}</span>',
        )
    )
    w(
        _meta_row(
            QCoreApplication.translate("Report", "Signing key fingerprint"),
            f'<span class="mono">{esc(manifest.get("fingerprint") or "–")}</span>',
        )
    )
    if manifest.get("signing_key_kind") == "session":
        w(
            _meta_row(
                QCoreApplication.translate("Report", "Signing key"),
                esc(session_key_text()),
            )
        )
    if manifest.get("app_version"):
        w(
            _meta_row(
                QCoreApplication.translate("Report", "Made with"),
                esc("HumasDesk " + str(manifest["app_version"])),
            )
        )
    w("</table>")

    # accounts
    w("<h2>" + esc(QCoreApplication.translate("Report", "Accounts")) + "</h2>")
    w('<table class="grid" width="100%" cellspacing="0" cellpadding="4"><thead><tr>')
    for head in (
        QCoreApplication.translate("Report", "Account"),
        QCoreApplication.translate("Report", "Name"),
        QCoreApplication.translate("Report", "Handle"),
    ):
        w(f"<th>{esc(head)}</th>")
    w("</tr></thead>")
    for a in accounts:
        w(
            "<tr>"
            f'<td><span style="color: {a.colour}; font-weight: bold;">■</span> '
            f"{esc(slot_label(a.slot))}</td>"
            f"<td>{esc(a.name or '–')}</td><td>{esc(_handle(a.handle))}</td></tr>"
        )
    w("</table>")
    has_personal = any(str(a.slot) == Slot.PERSONAL for a in accounts)
    if manifest.get("include_personal"):
        note = QCoreApplication.translate(
            "Report", "All activity of the personal account is included (chosen by the official)."
        )
    elif has_personal:
        note = QCoreApplication.translate(
            "Report",
            "Of the personal account, only posts marked as made in official capacity "
            "(kapasitas jabatan) are included.",
        )
    else:
        note = QCoreApplication.translate(
            "Report", "The personal account's activity is not included."
        )
    w(f'<p class="note">{esc(note)}</p>')

    if entry_count == 0 and collected.entries == 0:
        w(
            '<p class="empty">'
            + esc(QCoreApplication.translate("Report", "There were no entries in this period."))
            + "</p>"
        )

    # figures
    w("<h2>" + esc(QCoreApplication.translate("Report", "Figures per account")) + "</h2>")
    ms = [a.metrics for a in accounts]
    if accounts:
        w(
            _figures_table(
                accounts,
                [
                    (
                        QCoreApplication.translate("Report", "Posts"),
                        [format_int(m.posts) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Replies"),
                        [format_int(m.replies) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Reposts"),
                        [format_int(m.reposts) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Mentions received"),
                        [format_int(m.mentions_received) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Mentions answered"),
                        [_count_share(m.mentions_answered, m.mentions_received) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Time to first response, median"),
                        [format_duration(m.first_response_median) for m in ms],
                    ),
                    (
                        QCoreApplication.translate(
                            "Report", "Time to first response, 90th percentile"
                        ),
                        [format_duration(m.first_response_p90) for m in ms],
                    ),
                    (
                        QCoreApplication.translate("Report", "Two-way ratio (replies ÷ posts)"),
                        [format_ratio(m.two_way_ratio) for m in ms],
                    ),
                ],
            )
        )
        cs = [m.complaints for m in ms]
        w(
            "<h3>"
            + esc(
                QCoreApplication.translate(
                    "Report", "Complaints (aduan) against SP4N-LAPOR! service times"
                )
            )
            + "</h3>"
        )
        w(
            _figures_table(
                accounts,
                [
                    (
                        QCoreApplication.translate("Report", "Complaints received"),
                        [format_int(c.count) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "First response within 3 days"),
                        [_count_share(c.responded_within, c.count) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Answered after 3 days"),
                        [format_int(c.responded_late) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Unanswered, over 3 days"),
                        [format_int(c.unanswered_overdue) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Unanswered, within 3 days so far"),
                        [format_int(c.unanswered_pending) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Resolved within 5 days"),
                        [_count_share(c.resolved_within_5d, c.count) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Resolved within 14 days"),
                        [_count_share(c.resolved_within_14d, c.count) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Resolved within 60 days"),
                        [_count_share(c.resolved_within_60d, c.count) for c in cs],
                    ),
                    (
                        QCoreApplication.translate("Report", "Not resolved yet"),
                        [format_int(c.unresolved) for c in cs],
                    ),
                ],
            )
        )
        period = metrics.period
        w(aduan_section(collected.aduan, period.start, period.end, metrics.as_of, tz))
        w(
            '<p class="note">'
            + esc(
                QCoreApplication.translate(
                    "Report", "Figures as of %1. Definitions are in the appendix."
                ).replace("%1", format_datetime(metrics.as_of, tz))
            )
            + "</p>"
        )
    w(reach_section.reach_html(metrics, accounts, tz, layout))  # issue 16

    from humasdesk.gui.report.schedule_section import schedule_html  # issue 15

    w(schedule_html(accounts, collected.schedule))

    # charts
    if charts and collected.entries:
        w(
            '<h2 style="page-break-before: always;">'
            + esc(QCoreApplication.translate("Report", "Charts"))
            + "</h2>"
        )
        for name, _chart in charts:
            if name == reach_section.CHART:
                continue  # shown in its section
            w(
                f'<p align="center"><img src="chart://{name}" width="{layout.chart_width}" '
                f'height="{layout.chart_height}"/></p>'
            )
        w(
            '<p class="note">'
            + esc(
                QCoreApplication.translate(
                    "Report",
                    "Response times are counted from the entries in this export; "
                    "mentions answered after the period appear when their replies are included.",
                )
            )
            + "</p>"
        )

    # posts table
    w(
        '<h2 style="page-break-before: always;">'
        + esc(QCoreApplication.translate("Report", "Posts and replies"))
        + "</h2>"
    )
    if collected.table_rows:
        for chunk in collected.table_html:
            w(chunk)
        if collected.table_omitted:
            w(
                '<p class="note">'
                + esc(
                    QCoreApplication.translate(
                        "Report", "… and %1 more entries; see the CSV/XLSX export."
                    ).replace("%1", format_int(collected.table_omitted))
                )
                + "</p>"
            )
    else:
        w(
            "<p>"
            + esc(QCoreApplication.translate("Report", "No posts or replies in this period."))
            + "</p>"
        )

    # appendix
    w(
        '<h2 style="page-break-before: always;">'
        + esc(QCoreApplication.translate("Report", "Appendix: definitions"))
        + "</h2>"
    )
    for term, definition in (*DEFINITIONS, *reach_section.DEFINITIONS):
        w(f'<p class="term">{esc(tr(term))}</p><p class="def">{esc(tr(definition))}</p>')
    w(
        '<p class="note">'
        + esc(
            QCoreApplication.translate(
                "Report",
                "Times are shown in %1. To check this export, run: humasdesk verify <file>",
            ).replace("%1", datetime.now(tz).tzname() or str(tz))
        )
        + "</p>"
    )
    w("</body></html>")
    return out.getvalue()


def session_key_text() -> str:
    """What a signature made with a session key proves, and what it does not."""
    return QCoreApplication.translate(
        "Report",
        "a key for this session only (no system keyring on this laptop): the signature "
        "shows the file was not changed after it was made, but it cannot be checked "
        "against the desk's saved key.",
    )
