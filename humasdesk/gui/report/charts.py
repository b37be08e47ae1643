"""Charts for the PDF report, rendered to opaque images at print resolution.

Every chart in the report is a grouped bar chart (`BarChart`: categories on the x axis, one
series per account in its slot colour). Two renderers draw it:

* `render_qtcharts` — QtCharts (`QChart` in a `QGraphicsScene`, rendered into a `QImage`).
  QtCharts is built on QGraphicsWidget, so it needs a `QApplication` (with only a
  `QGuiApplication` it crashes the process) and must run on the GUI thread.
* `render_painted` — the same chart drawn with `QPainter` on a `QImage`. It needs only a
  `QGuiApplication` (for fonts) and is safe on any thread, so it is used when QtCharts can't be.

`render_chart` picks the right one. Both return an RGB image (no alpha: PDF/A-1b forbids
transparency) `scale` times the logical size, so the chart is sharp at the printer's resolution.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt, QThread
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

WHITE = QColor("#FFFFFF")
_SLACK = 1.3  # QtCharts needs more room for a label than QFontMetrics measures
INK = QColor("#1F2933")
GRID = QColor("#D9DEE3")


@dataclass(frozen=True)
class Series:
    name: str
    colour: str  # "#RRGGBB"
    values: tuple[float, ...]


@dataclass(frozen=True)
class BarChart:
    """A grouped bar chart: `values[i]` of every series belongs to `categories[i]`."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str = ""
    x_label: str = ""


def qtcharts_usable() -> bool:
    """True when QtCharts can render here: a QApplication exists and this is its thread."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    return isinstance(app, QApplication) and QThread.currentThread() == app.thread()


def render_chart(chart: BarChart, size: QSizeF, scale: float) -> QImage:
    """`chart` as an image of `size` (logical pixels, 96 per inch) × `scale`."""
    if qtcharts_usable():
        return render_qtcharts(chart, size, scale)
    return render_painted(chart, size, scale)


def _image(size: QSizeF, scale: float) -> QImage:
    image = QImage(
        max(1, round(size.width() * scale)),
        max(1, round(size.height() * scale)),
        QImage.Format.Format_RGB32,
    )
    image.fill(WHITE)
    return image


def _nice_max(value: float) -> tuple[float, int]:
    """An axis maximum ≥ value on a round integer step (1, 2, 5 × 10ⁿ), and its tick count."""
    if value <= 0:
        return 1.0, 1
    exponent = max(0, math.floor(math.log10(value)) - 1)
    for k in range(exponent, exponent + 3):
        for base in (1, 2, 5):
            step = base * 10**k
            ticks = max(1, math.ceil(value / step))
            if ticks <= 6:
                return float(step * ticks), ticks
    return float(value), 1


def _wrap(text: str, width: float, metrics: QFontMetricsF) -> list[str]:
    """`text` in lines of at most `width` (words are never split)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label_stride(categories: tuple[str, ...], width: float, metrics: QFontMetricsF) -> int:
    """Show every n-th category label so that labels don't overlap (a few labels wrap)."""
    if len(categories) <= 8:
        return 1
    widest = max(metrics.horizontalAdvance(c) for c in categories) * _SLACK + 8
    per = width / len(categories)
    return max(1, math.ceil(widest / per)) if per > 0 else 1


def render_qtcharts(chart: BarChart, size: QSizeF, scale: float) -> QImage:
    """Render with QtCharts (QApplication, GUI thread only)."""
    from PySide6.QtCharts import (
        QBarSeries,
        QBarSet,
        QCategoryAxis,
        QChart,
        QValueAxis,
    )
    from PySide6.QtWidgets import QGraphicsScene

    qchart = QChart()
    qchart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    qchart.setBackgroundBrush(WHITE)
    qchart.setTitle(f"<span>{html.escape(chart.title)}</span>")
    qchart.setBackgroundRoundness(0)
    qchart.setDropShadowEnabled(False)
    qchart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    title_font = QFont(qchart.titleFont())
    title_font.setPointSizeF(10)
    title_font.setBold(True)
    qchart.setTitleFont(title_font)
    bars = QBarSeries()
    top = 0.0
    for s in chart.series:
        bar_set = QBarSet(f"<span>{html.escape(s.name)}</span>")
        bar_set.setColor(QColor(s.colour))
        bar_set.setBorderColor(QColor(s.colour))
        bar_set.append(list(s.values))
        bars.append(bar_set)
        top = max([top, *s.values])
    bars.setBarWidth(0.8)
    qchart.addSeries(bars)
    small = QFont(qchart.titleFont())
    small.setBold(False)
    small.setPointSizeF(7.5)
    metrics = QFontMetricsF(small)
    plot_width = size.width() - 90
    stride = _label_stride(chart.categories, plot_width, metrics)
    # A QCategoryAxis (not QBarCategoryAxis) so that a label shown only every n-th bar gets
    # the width of n bars instead of being elided to "...". Its labels are rich text ("< 1 h"
    # would vanish as a broken tag), so they are escaped; long labels wrap onto lines.
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    n = len(chart.categories)
    x_axis.setRange(-0.5, max(0, n - 1) + 0.5)
    x_axis.setStartValue(-0.5)
    room = plot_width / max(1, n) * stride
    for i in range(0, n, stride):
        lines = _wrap(chart.categories[i], room / _SLACK - 6, metrics)
        # unique keys: the zero-width spaces are invisible
        label = "<br>".join(html.escape(line) for line in lines) + "\u200b" * i
        x_axis.append(label, float(i))
    x_axis.setLabelsFont(small)
    x_axis.setGridLineVisible(False)
    if chart.x_label:
        x_axis.setTitleText(f"<span>{html.escape(chart.x_label)}</span>")
        x_axis.setTitleFont(small)
    y_axis = QValueAxis()
    y_max, ticks = _nice_max(top)
    y_axis.setRange(0, y_max)
    y_axis.setTickCount(ticks + 1)
    y_axis.setLabelFormat("%d")
    y_axis.setLabelsFont(small)
    y_axis.setGridLineColor(GRID)
    if chart.y_label:
        y_axis.setTitleText(f"<span>{html.escape(chart.y_label)}</span>")
        y_axis.setTitleFont(small)
    qchart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    qchart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x_axis)
    bars.attachAxis(y_axis)
    legend = qchart.legend()
    legend.setVisible(len(chart.series) > 0)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(small)

    scene = QGraphicsScene()
    scene.addItem(qchart)
    qchart.resize(size)
    scene.setSceneRect(QRectF(QPointF(0, 0), size))
    image = _image(size, scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), scene.sceneRect())
    painter.end()
    scene.removeItem(qchart)
    del qchart
    return image


def render_painted(chart: BarChart, size: QSizeF, scale: float) -> QImage:
    """Render with plain QPainter (any thread; needs only a QGuiApplication)."""
    image = _image(size, scale)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.scale(scale, scale)
    w, h = size.width(), size.height()
    title_font = QFont("DejaVu Sans")
    title_font.setPixelSize(13)
    title_font.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPixelSize(10)
    fm = QFontMetricsF(small)
    p.setPen(INK)
    p.setFont(title_font)
    p.drawText(QRectF(0, 4, w, 20), Qt.AlignmentFlag.AlignHCenter, chart.title)
    p.setFont(small)

    top_val = max((v for s in chart.series for v in s.values), default=0.0)
    y_max, ticks = _nice_max(top_val)
    legend_h = 18 if chart.series else 0
    x_title_h = 14 if chart.x_label else 0
    left, right, top, bottom = 44.0, w - 12, 32.0, h - 30 - legend_h - x_title_h
    if chart.y_label:
        p.save()
        p.translate(10, (top + bottom) / 2)
        p.rotate(-90)
        p.drawText(QRectF(-100, -6, 200, 14), Qt.AlignmentFlag.AlignCenter, chart.y_label)
        p.restore()
        left += 6
    # grid and y labels
    for i in range(ticks + 1):
        value = y_max * i / ticks
        y = bottom - (bottom - top) * i / ticks
        p.setPen(QPen(GRID, 0.8))
        p.drawLine(QPointF(left, y), QPointF(right, y))
        p.setPen(INK)
        p.drawText(
            QRectF(0, y - 7, left - 4, 14),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value:.0f}",
        )
    p.setPen(QPen(INK, 1))
    p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    n = len(chart.categories)
    if n:
        slot = (right - left) / n
        group = slot * 0.8
        bar = group / max(1, len(chart.series))
        stride = _label_stride(chart.categories, right - left, fm)
        for i, category in enumerate(chart.categories):
            x0 = left + i * slot + (slot - group) / 2
            for j, s in enumerate(chart.series):
                v = s.values[i] if i < len(s.values) else 0
                bh = (bottom - top) * (v / y_max) if y_max else 0
                p.fillRect(QRectF(x0 + j * bar, bottom - bh, bar, bh), QColor(s.colour))
            if i % stride == 0:
                p.setPen(INK)
                centre = left + (i + 0.5) * slot
                label_w = max(slot * stride, fm.horizontalAdvance(category) + 4)
                if len(chart.categories) <= 8:
                    label_w = slot
                p.drawText(
                    QRectF(centre - label_w / 2, bottom + 3, label_w, 28),
                    Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                    category,
                )
    if chart.x_label:
        p.setPen(INK)
        p.drawText(
            QRectF(left, bottom + 17, right - left, 14),
            Qt.AlignmentFlag.AlignHCenter,
            chart.x_label,
        )
    # legend
    x = left
    for s in chart.series:
        p.fillRect(QRectF(x, h - legend_h - 2, 12, 10), QColor(s.colour))
        p.setPen(INK)
        text_w = fm.horizontalAdvance(s.name)
        p.drawText(QPointF(x + 16, h - legend_h + 7), s.name)
        x += 16 + text_w + 18
    p.end()
    return image
