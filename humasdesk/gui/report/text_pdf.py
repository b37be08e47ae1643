"""Plain-text documents as PDF: access reports, breach notification drafts, disposal lists.

The services compose these documents as Indonesian plain text (`humasdesk.core.privacy`,
`humasdesk.services.access_report`); this prints one on A4 in a monospaced font, so their
aligned columns stay aligned, with the classification on every page (`pages`). The text is
set as plain text: a citizen's words that look like HTML are printed as typed.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QTextDocument, QTextOption

from humasdesk.gui.report.pages import write_document_pdf
from humasdesk.gui.report.writer import ensure_app

FONT_FAMILY = "DejaVu Sans Mono"
FONT_POINTS = 8.5  # 80 columns fit within A4's 17 cm text width


def write_text_pdf(
    text: str, out_path: str | os.PathLike[str], *, title: str, marking: str = ""
) -> int:
    """Print `text` to `out_path` (complete or not at all); return the page count. Long
    lines wrap. Raises `OSError` when the file can't be written."""
    ensure_app()
    document = QTextDocument()
    font = QFont(FONT_FAMILY)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    return write_document_pdf(document, out_path, title=title, marking=marking)
