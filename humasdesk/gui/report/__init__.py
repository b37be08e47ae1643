"""The PDF activity report for supervisors (Bahasa Indonesia by default, PDF/A-1b).

`content` builds the HTML from the metrics and one pass over the entries, `charts` draws the
charts, `writer` lays the document out on A4 pages. See `writer` for threading.
"""

from humasdesk.gui.report.writer import ensure_app, write_report_pdf

__all__ = ["ensure_app", "write_report_pdf"]
