"""Print a `QTextDocument` on A4 PDF pages with the security classification on each page.

Indonesian official documents carry their classification (Biasa, Terbatas, Rahasia, Sangat
Rahasia) at the top and bottom of every page, so a page that is copied or printed on its own
still says who may read it. `QTextDocument.print_` only draws a page number, so this lays the
document out the same way (2 cm margins, in the writer's device units) and paints each page
itself: the marking centred in the top and bottom margins, "page / pages" at the bottom
right.

Safe off the GUI thread (QTextDocument, QPdfWriter and QPainter on a paint device are).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

RESOLUTION_DPI = 300
SOURCE_DPI = 96  # qt_defaultDpi: the unit of a QTextDocument's own lengths
MARGIN_CM = 2.0
MARK_COLOUR = Qt.GlobalColor.black


def new_pdf_writer(path: str | os.PathLike[str], title: str) -> QPdfWriter:
    """An A4 portrait PDF/A-1b writer at `RESOLUTION_DPI` with no printer margins (the
    document's own margins are laid out by `print_with_marking`)."""
    writer = QPdfWriter(str(path))
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(title)
    writer.setCreator("HumasDesk")
    return writer


def print_with_marking(document: QTextDocument, writer: QPdfWriter, marking: str) -> int:
    """Lay `document` out for `writer`'s pages and paint them; return the page count.
    `marking` ("" for none) is printed upper-case at the top and bottom of each page."""
    layout = document.documentLayout()
    layout.setPaintDevice(writer)
    dpi = writer.logicalDpiY()
    # Frame margins are in Qt's default 96 dpi units; the layout scales them to the device.
    frame = document.rootFrame().frameFormat()
    frame.setMargin(MARGIN_CM / 2.54 * SOURCE_DPI)
    margin = MARGIN_CM / 2.54 * dpi
    document.rootFrame().setFrameFormat(frame)
    page = QRectF(0, 0, writer.width(), writer.height())
    document.setPageSize(page.size())
    pages = document.pageCount()

    mark_font = QFont(document.defaultFont())
    mark_font.setBold(True)
    mark_font.setPointSizeF(document.defaultFont().pointSizeF() + 1)
    number_font = QFont(document.defaultFont())
    number_metrics = QFontMetricsF(number_font, writer)
    mark = marking.strip().upper()
    of = QCoreApplication.translate("Report", "%1 / %2")

    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, page.translated(0, index * page.height()))
            painter.restore()
            painter.setPen(MARK_COLOUR)
            if mark:
                painter.setFont(mark_font)
                centred = Qt.AlignmentFlag.AlignCenter
                painter.drawText(QRectF(0, 0, page.width(), margin), centred, mark)
                bottom = QRectF(0, page.height() - margin, page.width(), margin)
                painter.drawText(bottom, centred, mark)
            painter.setFont(number_font)
            number = of.replace("%1", str(index + 1)).replace("%2", str(pages))
            baseline = page.height() - margin + number_metrics.ascent() + 5 * dpi / 72
            painter.drawText(
                QPointF(page.width() - margin - number_metrics.horizontalAdvance(number), baseline),
                number,
            )
    finally:
        painter.end()
    return pages


def write_document_pdf(
    document: QTextDocument, out_path: str | os.PathLike[str], *, title: str, marking: str
) -> int:
    """Print `document` to `out_path` (written beside it, then renamed: the file appears
    complete or not at all). Returns the page count; raises `OSError` when it can't write."""
    out = Path(out_path)
    partial = out.with_name(out.name + ".part")
    writer = new_pdf_writer(partial, title)
    pages = print_with_marking(document, writer, marking)
    del writer
    if not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise OSError(f"could not write the PDF to {out}")
    os.replace(partial, out)
    return pages
