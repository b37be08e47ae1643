"""The PDF activity report: `write_report_pdf` (implemented in `humasdesk.gui.report`)."""

from humasdesk.gui.report import ensure_app, write_report_pdf

__all__ = ["ensure_app", "write_report_pdf"]
