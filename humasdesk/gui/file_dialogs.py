"""File choosers: always Qt's own dialog, never the platform's.

The platform's dialog (GTK, portal, Windows, macOS) follows the system's language, not the
desk's, and looks different on every laptop; Qt's dialog is translated with the desk's own
Indonesian (`resources/i18n/qt_id.ts`) and is the same everywhere, so the official and the
manual see the same words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def file_dialog(parent: QWidget | None, title: str) -> QFileDialog:
    """A file chooser (Qt's, in the desk's language); the caller sets its mode."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def choose_files_to_open(parent: QWidget | None, title: str, name_filter: str) -> list[str]:
    """Files the official chose (empty: cancelled), from a modal chooser."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, title, pictures_folder(), name_filter, options=OPTIONS
    )
    return paths


def pictures_folder() -> str:
    """Where photos usually are (the user's Pictures, else home), not the program's folder."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    for kind in (QStandardPaths.StandardLocation.PicturesLocation,
                 QStandardPaths.StandardLocation.HomeLocation):  # fmt: skip
        folder = QStandardPaths.writableLocation(kind)
        if folder and Path(folder).is_dir():
            return folder
    return ""
