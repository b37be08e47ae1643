"""The Qt PDF writers in the shapes the services take, for the command line and the desk.

* `report_pdf_writer()` — `write_report_pdf` as `services.export`'s ``pdf_writer(entries,
  metrics, manifest, path)``;
* `rekap_pdf_writer()` — `write_rekap_pdf` as `services.rekap`'s ``pdf_writer(rekap,
  header, path)``;
* `text_pdf_writer(title, marking)` — `write_text_pdf` as a ``(text, path)`` callable, for
  access reports and the privacy documents.

Each returns None when this build has no working Qt report module, so a caller can say
"PDF is not available" instead of failing halfway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def report_pdf_writer() -> Callable[..., None] | None:
    try:
        from humasdesk.gui.report.writer import write_report_pdf
    except ImportError:
        return None

    def writer(entries: Callable[[], Iterator[Any]], metrics: Any, manifest: Any, path: Path):
        write_report_pdf(path, entries=entries, metrics=metrics, manifest=manifest.report_fields())

    return writer


def rekap_pdf_writer() -> Callable[..., None] | None:
    """`write_rekap_pdf` as `services.rekap`'s ``pdf_writer(rekap, header, path)``."""
    try:
        from humasdesk.gui.report.rekap_pdf import write_rekap_pdf
    except ImportError:
        return None

    def writer(rekap: Any, header: Any, path: Path) -> None:
        write_rekap_pdf(rekap, header, path)

    return writer


def text_pdf_writer(title: str, marking: str) -> Callable[[str, Path], None] | None:
    try:
        from humasdesk.gui.report.text_pdf import write_text_pdf
    except ImportError:
        return None

    def writer(text: str, path: Path) -> None:
        write_text_pdf(text, path, title=title, marking=marking)

    return writer
