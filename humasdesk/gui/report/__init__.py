"""The PDF activity report for supervisors (Bahasa Indonesia by default, PDF/A-1b).

`content` builds the HTML from the metrics and one pass over the entries, `charts` draws the
charts, `writer` lays the document out on A4 pages, `text_pdf` prints plain-text documents,
and `adapters` gives both writers the shapes the services take. See `writer` for threading.

`write_report_pdf` and `ensure_app` load Qt on first use, so `adapters` can be imported
(e.g. by the command line) without it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ensure_app", "write_report_pdf"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from humasdesk.gui.report import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
