"""The Kiriman tab's reach and engagement (issue 16): per post its latest numbers and when
they were read, a small trend (the readings as a sparkline), sorting by impressions or
engagement rate, a summary line for the last 7 and 30 days, the month's metrics reads
against the budget (and a plain warning when it is used up), and "Perbarui angka".

`ReachPanel` sits above the posts list of a `PostsView` and paints each row's numbers with
`ReachDelegate`; `ReachController` runs the reads on the account's worker (plain data in,
`ReachState` out) and hands the state to the panel. The figures are `core.metrics`'s.

Signals (ReachPanel): refresh_requested(str): the official asked for a reading of this post
now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.metrics import Period, ReachFigures, ReachPost, compute_reach
from humasdesk.core.models import Post
from humasdesk.core.snapshots import Snapshot
from humasdesk.gui.theme import SLOT_COLOURS, WARNING_COLOURS

SORT_NEWEST, SORT_IMPRESSIONS, SORT_RATE = "newest", "impressions", "rate"
LINE_HEIGHT = 22
SPARK_WIDTH = 84


@dataclass(frozen=True)
class ReachRow:
    """One post's readings: the latest, and the impressions of each in time order."""

    latest: Snapshot | None
    trend: tuple[int | None, ...] = ()
    deleted: bool = False

    @property
    def impressions(self) -> int | None:
        return None if self.latest is None else self.latest.impression_count

    @property
    def rate(self) -> float | None:
        s = self.latest
        if s is None or not s.impression_count or s.engagements is None:
            return None
        return s.engagements / s.impression_count


@dataclass(frozen=True)
class ReachState:
    """What the panel shows for one account (made on the worker)."""

    rows: dict[str, ReachRow] = field(default_factory=dict)
    week: ReachFigures | None = None
    month: ReachFigures | None = None
    spent: Any = None  # Decimal: metrics reads this month
    limit: Any = None  # Decimal: the month's budget
    skipped: int = 0
    exhausted: bool = False


def load_reach_state(
    services: Any, account_id: str, now: datetime, shown: Sequence[str] | None = None
) -> ReachState:
    """The readings of the posts `shown` (all the account's when None), the 7- and 30-day
    figures and the budget (no X; on the worker: it reads only what the tab shows and the
    last 30 days, however many years of posts the store holds)."""
    metrics, store = services.metrics, services.metrics_store
    metrics.discover()
    recent = store.posts(account_id, since=now - timedelta(days=30))
    wanted = set(shown) if shown is not None else None
    ids = [p.x_post_id for p in recent]
    if wanted is not None:
        ids += [i for i in wanted if i not in set(ids)]
    else:
        ids = [p.x_post_id for p in store.posts(account_id)]
    by_post: dict[str, list[Snapshot]] = {}
    for s in store.snapshots(ids):
        by_post.setdefault(s.x_post_id, []).append(s)
    rows = {}
    for pid in ids if wanted is None else wanted:
        readings = by_post.get(pid, [])
        m = store.post(pid) if wanted is not None else None
        rows[pid] = ReachRow(
            latest=readings[-1] if readings else None,
            trend=tuple(s.impression_count for s in readings),
            deleted=m is not None and m.deleted_at is not None,
        )
    reach_posts = [
        ReachPost(p.account_id, p.x_post_id, p.posted_at, p.text,
                  (by_post.get(p.x_post_id) or [None])[-1])
        for p in recent
        if p.replaced_by is None
    ]  # fmt: skip
    tz = now.astimezone().tzinfo or UTC

    def window(days: int) -> ReachFigures | None:
        period = Period(now - timedelta(days=days), now)
        return compute_reach(reach_posts, period, tz, [account_id]).for_account(account_id)

    budget = metrics.budget(account_id, now)
    return ReachState(
        rows=rows,
        week=window(7),
        month=window(30),
        spent=budget.spent,
        limit=budget.limit,
        skipped=budget.skipped,
        exhausted=budget.exhausted,
    )


def _n(value: int | None) -> str:
    from PySide6.QtCore import QLocale

    return "–" if value is None else QLocale().toString(int(value))


def _pct(value: float | None) -> str:
    from PySide6.QtCore import QLocale

    return "–" if value is None else QLocale().toString(value * 100, "f", 1) + " %"


def numbers_text(row: ReachRow | None) -> str:
    """The row's numbers line (plain text)."""
    from humasdesk.gui.models.rows import local_time

    if row is None or row.latest is None:
        return QCoreApplication.translate("ReachPanel", "Not measured yet")
    s = row.latest
    text = (
        QCoreApplication.translate(
            "ReachPanel", "%1 impressions · %2 likes · %3 reposts · %4 replies · %5"
        )
        .replace("%1", _n(s.impression_count))
        .replace("%2", _n(s.like_count))
        .replace("%3", _n(s.retweet_count))
        .replace("%4", _n(s.reply_count))
        .replace("%5", _pct(row.rate))
    )
    when = local_time(s.read_at)
    text += " · " + QCoreApplication.translate("ReachPanel", "read %1").replace("%1", when)
    if row.deleted:
        text += " · " + QCoreApplication.translate("ReachPanel", "deleted on X")
    return text


def summary_text(state: ReachState) -> str:
    parts = []
    for label, f in (
        (QCoreApplication.translate("ReachPanel", "Last 7 days"), state.week),
        (QCoreApplication.translate("ReachPanel", "Last 30 days"), state.month),
    ):
        if f is None or not f.measured:
            parts.append(
                QCoreApplication.translate("ReachPanel", "%1: no post measured").replace(
                    "%1", label
                )
            )
            continue
        parts.append(
            QCoreApplication.translate("ReachPanel", "%1: %2 posts, %3 impressions, engagement %4")
            .replace("%1", label)
            .replace("%2", _n(f.measured))
            .replace("%3", _n(f.impressions_total))
            .replace("%4", _pct(f.engagement_rate))
        )
    return " · ".join(parts)


def header_text(state: ReachState) -> str:
    """The pane header's short line: the month's metrics reads, or the budget used up."""
    from PySide6.QtCore import QLocale

    if state.limit is None:
        return ""
    if state.exhausted:
        return QCoreApplication.translate("ReachPanel", "Budget for reading numbers used up")
    loc = QLocale()
    return (
        QCoreApplication.translate("ReachPanel", "Numbers: US$%1 of %2")
        .replace("%1", loc.toString(float(state.spent), "f", 2))
        .replace("%2", loc.toString(float(state.limit), "f", 2))
    )


def budget_text(state: ReachState) -> str:
    from PySide6.QtCore import QLocale

    if state.limit is None:
        return ""
    loc = QLocale()
    text = (
        QCoreApplication.translate("ReachPanel", "Reading numbers this month: US$%1 of US$%2")
        .replace("%1", loc.toString(float(state.spent), "f", 3))
        .replace("%2", loc.toString(float(state.limit), "f", 2))
    )
    if state.skipped:
        text += "; " + QCoreApplication.translate(
            "ReachPanel", "%1 readings skipped to stay within the budget"
        ).replace("%1", _n(state.skipped))
    return text


class ReachDelegate(QStyledItemDelegate):
    """The post as the list shows it, then a line with its numbers and its trend."""

    def __init__(self, panel: ReachPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + LINE_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        top = QStyleOptionViewItem(option)
        rect = QRect(option.rect)
        top.rect = QRect(rect.x(), rect.y(), rect.width(), rect.height() - LINE_HEIGHT)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        super().paint(painter, top, index)
        row = self.panel.row_for(index)
        line = QRect(rect.x() + 6, rect.bottom() - LINE_HEIGHT + 2, rect.width() - 12,
                     LINE_HEIGHT - 4)  # fmt: skip
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = option.palette.highlightedText() if selected else option.palette.text()
        painter.setPen(role.color())
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        text_rect = QRect(line.x(), line.y(), line.width() - SPARK_WIDTH - 8, line.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(numbers_text(row),
                                                          Qt.TextElideMode.ElideRight,
                                                          text_rect.width()))  # fmt: skip
        if row is not None:
            spark = QRect(line.right() - SPARK_WIDTH, line.y() + 2, SPARK_WIDTH, line.height() - 4)
            self._sparkline(painter, spark, row.trend)
        painter.restore()

    def _sparkline(self, painter: QPainter, rect: QRect, trend: Sequence[int | None]) -> None:
        values = [(i, v) for i, v in enumerate(trend) if v is not None]
        if not values:
            return
        # From the lowest reading to the highest: the rise (or a drop X reported) shows.
        low, high = min(v for _i, v in values), max(v for _i, v in values)
        span = high - low
        n = max(1, len(trend) - 1)
        points = QPolygonF(
            [
                QPointF(
                    rect.x() + rect.width() * (i / n if len(trend) > 1 else 0.5),
                    rect.bottom() - rect.height() * ((v - low) / span if span else 0.5),
                )
                for i, v in values
            ]
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(self.panel.colour), 1.6))
        if len(points) > 1:
            painter.drawPolyline(points)
        for p in points:
            painter.drawEllipse(p, 1.8, 1.8)


class ReachPanel(QWidget):
    """Above the Kiriman list: the summary, the budget line, sorting, "Perbarui angka".

    Signals: refresh_requested(str).
    """

    refresh_requested = Signal(str)

    def __init__(self, posts_view: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or posts_view)
        self.posts_view = posts_view
        self.colour = SLOT_COLOURS.get(posts_view.slot, "#1F6FEB")
        self.state = ReachState()
        self.setObjectName(f"reach_{posts_view.slot.value}")

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Reach summary"))
        self.budget = QLabel(self)
        self.budget.setTextFormat(Qt.TextFormat.PlainText)
        self.budget.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("reachWarning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        background, text = WARNING_COLOURS
        self.warning.setStyleSheet(
            f"#reachWarning {{ background: {background}; color: {text}; padding: 6px; }}"
        )
        self.warning.setVisible(False)

        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort posts"))
        for key, label in (
            (SORT_NEWEST, self.tr("Newest first")),
            (SORT_IMPRESSIONS, self.tr("Most impressions")),
            (SORT_RATE, self.tr("Highest engagement rate")),
        ):
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(self.on_sort_current_index_changed)
        # The pane stays as narrow as before, however long the translated choices are.
        self.sort.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort.setMinimumContentsLength(26)
        self.refresh_button = QPushButton(self.tr("Refresh numbers"), self)
        self.refresh_button.setAccessibleName(self.tr("Read the selected post's numbers now"))
        self.refresh_button.clicked.connect(self.on_refresh_button_clicked)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sort:"), self))
        row.addWidget(self.sort)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.budget)
        layout.addLayout(row)

        self.delegate = ReachDelegate(self)
        posts_view.post_list.setItemDelegate(self.delegate)
        posts_view.order = self.ordered
        posts_view.layout().insertWidget(1, self)
        posts_view.post_list.selectionModel().selectionChanged.connect(self._refresh_button)
        self._refresh_button()
        self.set_state(ReachState())

    # --- input --------------------------------------------------------------------------------

    def set_state(self, state: ReachState) -> None:
        self.state = state
        self.summary.setText(summary_text(state))
        self.budget.setText(budget_text(state))
        self.budget.setVisible(bool(self.budget.text()))
        if state.exhausted:
            self.warning.setText(
                self.tr(
                    "This month's budget for reading numbers is used up: no numbers are read "
                    "until next month (Settings, Costs)."
                )
            )
        self.warning.setVisible(state.exhausted)
        if self.sort.currentData() != SORT_NEWEST:
            self._resort()
        self.posts_view.post_list.viewport().update()

    def shown_ids(self) -> list[str]:
        """The ids of the posts the list shows (captured on the GUI thread for a job)."""
        model = self.posts_view.model
        return [p.id for r in range(model.rowCount()) if (p := model.post_at(r)) is not None]

    def row_for(self, index: QModelIndex) -> ReachRow | None:
        post = self.posts_view.model.post_at(index.row())
        return None if post is None else self.state.rows.get(post.id)

    def ordered(self, posts: Sequence[Post]) -> list[Post]:
        """The posts in the chosen order (newest first as X lists them, or by the numbers)."""
        key = self.sort.currentData()
        items = list(posts)
        if key == SORT_NEWEST:
            return items

        def value(p: Post) -> float:
            r = self.state.rows.get(p.id)
            v = None if r is None else (r.impressions if key == SORT_IMPRESSIONS else r.rate)
            return -1.0 if v is None else float(v)

        return sorted(items, key=value, reverse=True)  # stable: ties stay newest first

    # --- slots --------------------------------------------------------------------------------

    def on_sort_current_index_changed(self, _index: int) -> None:
        self._resort()

    def on_refresh_button_clicked(self) -> None:
        post_id = self.posts_view.selected_id()
        if post_id is not None:
            self.refresh_requested.emit(post_id)

    def _resort(self) -> None:
        self.posts_view.set_posts(self._newest_first)

    @property
    def _newest_first(self) -> list[Post]:
        posts = [self.posts_view.model.post_at(r) for r in range(self.posts_view.model.rowCount())]
        known = [p for p in posts if p is not None]
        oldest = datetime.min.replace(tzinfo=UTC)
        return sorted(known, key=lambda p: (p.created_at or oldest, len(p.id), p.id), reverse=True)

    def _refresh_button(self, *_args: object) -> None:
        self.refresh_button.setEnabled(self.posts_view.selected_id() is not None)


class ReachController(QObject):
    """Runs the own-timeline sync, the due readings and "Perbarui angka" on the account's
    worker after each mention sync, and shows the result in the panel."""

    def __init__(
        self,
        panel: ReachPanel,
        worker: Any,
        services: Any,
        call: Callable[..., Any],
        on_error: Callable[[BaseException], None],
        session: Callable[[], Any],
        header: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session  # read on the GUI thread only
        self._header = header or (lambda _text: None)
        self.panel = panel
        self.worker = worker
        self.services = services
        self._call = call
        self._on_error = on_error
        self._busy = False
        panel.refresh_requested.connect(self.on_panel_refresh_requested)

    @property
    def available(self) -> bool:
        return getattr(self.services, "metrics", None) is not None

    def after_sync(self, session: Any) -> None:
        """The mention sync finished: record posts made elsewhere, read what is due."""
        if session is None or self._busy or not self.available:
            return
        self._busy = True
        services, call, shown = self.services, self._call, self.panel.shown_ids()

        def job() -> ReachState:
            if services.timeline is not None:
                services.timeline.sync(session, call=call)
            services.metrics.take_due(session, call=call)
            return load_reach_state(
                services, session.account.user_id, datetime.now().astimezone(), shown
            )

        self.worker.submit(job, on_done=self.on_state_loaded, on_error=self.on_job_failed)

    def show(self, session: Any) -> None:
        """Load what the store holds (no X)."""
        if session is None or not self.available:
            return
        services, account_id = self.services, session.account.user_id
        shown = self.panel.shown_ids()
        self.worker.submit(
            lambda: load_reach_state(services, account_id, datetime.now().astimezone(), shown),
            on_done=self.on_state_shown,
            on_error=self._on_error,
        )

    def read_now(self, session: Any, post_id: str) -> None:
        if session is None or not self.available:
            return
        services, call, shown = self.services, self._call, self.panel.shown_ids()

        def job() -> ReachState:
            services.metrics.request_reading(session.account.user_id, post_id)
            services.metrics.take_due(session, call=call)
            return load_reach_state(
                services, session.account.user_id, datetime.now().astimezone(), shown
            )

        self.worker.submit(job, on_done=self.on_state_shown, on_error=self._on_error)

    def on_state_loaded(self, state: ReachState) -> None:
        self._busy = False
        self.on_state_shown(state)

    def on_state_shown(self, state: ReachState) -> None:
        self.panel.set_state(state)
        self._header(header_text(state))

    def on_job_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._on_error(exc)

    def on_panel_refresh_requested(self, post_id: str) -> None:
        self.read_now(self._session(), post_id)
