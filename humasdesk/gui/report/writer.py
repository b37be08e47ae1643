"""Write the activity report as an A4 PDF/A-1b file.

Threading and the application object
------------------------------------
`write_report_pdf` is a plain function. It needs a Qt application object for fonts:

* **A `QApplication` on its GUI thread** (the desk; the CLI) — the charts are drawn with QtCharts.
* **A bare `QGuiApplication`, or a worker thread** — QtCharts can't run there (it is built on
  QGraphicsWidget: with no QApplication it crashes the process, and it is GUI-thread only), so
  the same charts are drawn with `QPainter` on a `QImage`; `QTextDocument`, `QPdfWriter` and
  image painting are safe off the GUI thread. The report is otherwise identical.
* **No application object at all** — called from the main thread, this creates a `QApplication`
  on the `offscreen` platform and keeps it for the rest of the process (the CLI can call this
  without setting Qt up). From another thread it raises `RuntimeError`: Qt's application object
  must be created on the main thread.

The caller installs the translators (`install_translators(app, "id")`); without them the report
is in English. One pass over `entries()` builds the charts' counts and the posts table (at most
`max_table_rows` rows; a note names how many more the CSV/XLSX export holds), so memory stays
bounded for a year of activity.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QTextDocument,
)

from humasdesk.core.activity import ActivityEntry
from humasdesk.core.metrics import MetricsReport
from humasdesk.gui.report.charts import render_chart
from humasdesk.gui.report.content import (
    MAX_TABLE_ROWS,
    Layout,
    bucket_unit,
    build_charts,
    build_html,
    collect,
    local_zone,
    report_accounts,
)
from humasdesk.gui.report.pages import RESOLUTION_DPI, write_document_pdf

logger = logging.getLogger(__name__)

SCREEN_DPI = 96  # QTextDocument's image width/height attributes are in 1/96 inch
_owned_app: QCoreApplication | None = None
_owned_translators: list[Any] = []  # kept alive with the app they are installed in


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new offscreen `QApplication` (main thread only)."""
    global _owned_app
    app = QCoreApplication.instance()
    if app is None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("create the Qt application on the main thread before reporting")
        from PySide6.QtWidgets import QApplication

        app = QApplication(["humasdesk", "-platform", "offscreen"])
        _owned_app = app
        # The report is in Bahasa Indonesia by default, from the CLI and the self-test too.
        from humasdesk.gui.i18n import install_translators

        _owned_translators.extend(install_translators(app, "id"))
        logger.info("created an offscreen QApplication for the PDF report")
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("the PDF report needs a QGuiApplication (fonts), not a QCoreApplication")
    return app


def write_report_pdf(
    out_path: str | os.PathLike[str],
    *,
    entries: Callable[[], Iterable[ActivityEntry]],
    metrics: MetricsReport,
    manifest: Mapping[str, Any],
    tz: tzinfo | None = None,
    max_table_rows: int = MAX_TABLE_ROWS,
) -> None:
    """Write the report for `metrics` and the exported `entries()` to `out_path` (PDF/A-1b).

    `tz` is the zone times are shown in (default: the machine's local zone, e.g. WIB).
    The file appears complete or not at all (written beside it, then renamed). Raises
    `OSError` when it can't be written.
    """
    ensure_app()
    zone = tz or local_zone()
    out = Path(out_path)
    unit = bucket_unit(metrics.period, zone)
    collected = collect(
        entries(), metrics.period, metrics.as_of, zone, unit, max_rows=max_table_rows
    )
    accounts = report_accounts(manifest.get("accounts") or (), metrics)
    charts = build_charts(accounts, collected, metrics.period, zone, unit, metrics)
    layout = Layout()
    html_text = build_html(
        manifest=manifest,
        metrics=metrics,
        accounts=accounts,
        collected=collected,
        charts=charts,
        tz=zone,
        layout=layout,
    )
    del collected

    title = QCoreApplication.translate("Report", "Social Media Activity Report")
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    scale = RESOLUTION_DPI / SCREEN_DPI
    size = QSizeF(layout.chart_width, layout.chart_height)
    if collected_has_charts(html_text):
        for name, chart in charts:
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(f"chart://{name}"),
                render_chart(chart, size, scale),
            )
    document.setHtml(html_text)
    write_document_pdf(
        document, out, title=title, marking=str(manifest.get("classification") or "")
    )
    logger.info("wrote PDF report (%d pages)", document.pageCount())


def collected_has_charts(html_text: str) -> bool:
    return "chart://" in html_text
