"""What the privacy dialogs share: types of their collaborators, date-time edits in the
laptop's zone, the plain-text message label, the save-file chooser, and the texts for a file
that cannot be written. (Running work and closing: `work.WorkerDialog`.)

Texts here are translated in the ``PrivacyDialogs`` context (literal `translate` calls, so
lupdate finds them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QFileDialog, QLabel, QWidget

from humasdesk.services.export import FailureReason, Signer

Clock = Callable[[], datetime]
SignerFactory = Callable[[], Signer]
#: `pdf_writer(text, path)`: lays out a plain text as a PDF file at `path`.
PdfTextWriter = Callable[[str, Path], None]
#: `ask(parent, title, text)`: a yes/no question; True for yes.
AskYesNo = Callable[[QWidget, str, str], bool]

DATE_TIME_FORMAT = "dd/MM/yyyy HH:mm"


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware `datetime` as a local `QDateTime` (the laptop's zone)."""
    return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000)).toLocalTime()


def from_qdatetime(value: QDateTime) -> datetime:
    """A `QDateTime` as an aware UTC `datetime` (to the minute the edit shows)."""
    ms = value.toMSecsSinceEpoch()
    dt = datetime.fromtimestamp(ms // 1000, UTC) + timedelta(milliseconds=ms % 1000)
    return dt.replace(second=0, microsecond=0)


def date_time_edit(parent: QWidget, name: str, value: datetime) -> QDateTimeEdit:
    """A date-time edit in local time with a calendar, named for screen readers."""
    edit = QDateTimeEdit(to_qdatetime(value), parent)
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    return edit


def set_edit_time(edit: QDateTimeEdit, value: datetime) -> None:
    edit.setDateTime(to_qdatetime(value))


def edit_time(edit: QDateTimeEdit) -> datetime:
    return from_qdatetime(edit.dateTime())


def message_label(parent: QWidget, name: str) -> QLabel:
    """A selectable, word-wrapped plain-text label for results and errors (hidden while
    empty). Plain text: messages may quote a handle or a file name."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setVisible(False)
    return label


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setText(text)
    label.setProperty("error", error)
    label.setStyleSheet("color: #b00020;" if error else "")
    label.setVisible(bool(text))


def open_save_dialog(
    parent: QWidget,
    title: str,
    suffix: str,
    name_filter: str,
    on_selected: Callable[[str], None],
    *,
    directory: Path | None = None,
    file_name: str | None = None,
) -> QFileDialog:
    """Open a save-file chooser for a `suffix` file (``".pdf"``), window-modal without a
    nested event loop; `on_selected(file)` gets the chosen path. Returns the chooser (the
    dialogs keep it as `file_dialog`, for tests)."""
    from humasdesk.gui.file_dialogs import file_dialog

    dialog = file_dialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.setNameFilter(name_filter)
    if directory is not None:
        dialog.setDirectory(str(directory))
    if file_name is not None:
        dialog.selectFile(file_name)
    dialog.fileSelected.connect(on_selected)
    dialog.open()
    return dialog


def failure_text(reason: FailureReason | str, detail: str, path: Path) -> str:
    """A plain sentence for an `ExportFailed` (its own message is English, for the log)."""
    reason = str(reason)
    if reason == FailureReason.NO_SPACE:
        return QCoreApplication.translate(
            "PrivacyDialogs",
            "The disk is full: there is not enough space for %1. Free some space or choose "
            "another location.",
        ).replace("%1", path.name)
    if reason in (FailureReason.NO_PERMISSION, FailureReason.READ_ONLY):
        return QCoreApplication.translate(
            "PrivacyDialogs", "The folder %1 cannot be written to. Choose another folder."
        ).replace("%1", str(path.parent))
    if reason == FailureReason.KEYRING:
        return QCoreApplication.translate(
            "PrivacyDialogs",
            "The signing key could not be read from the system keyring. Unlock the keyring "
            "(GNOME Keyring/KWallet) and try again.",
        )
    if reason == FailureReason.NO_FOLDER:
        return QCoreApplication.translate(
            "PrivacyDialogs", "The folder %1 does not exist; choose another folder."
        ).replace("%1", str(path.parent))
    if reason == FailureReason.IS_DIRECTORY:
        return QCoreApplication.translate(
            "PrivacyDialogs", "%1 is a folder; give the file a name."
        ).replace("%1", str(path))
    if reason == FailureReason.NO_PDF_WRITER:
        return pdf_unavailable_text()
    if reason == FailureReason.PDF_WRITER_FAILED:
        return QCoreApplication.translate(
            "PrivacyDialogs", "The PDF could not be made (%1); try another format."
        ).replace("%1", detail)
    return QCoreApplication.translate(
        "PrivacyDialogs", "The file could not be written (%1)."
    ).replace("%1", f"{reason}: {detail}")


def pdf_unavailable_text() -> str:
    return QCoreApplication.translate(
        "PrivacyDialogs", "PDF is not available in this version; choose another format."
    )


def path_problem(path: Path | None) -> str | None:
    """Why a file cannot be written at `path` (checked before anything starts), or None."""
    if path is None:
        return QCoreApplication.translate("PrivacyDialogs", "Choose the file to write.")
    if path.is_dir():
        return QCoreApplication.translate(
            "PrivacyDialogs", "%1 is a folder; give the file a name."
        ).replace("%1", str(path))
    if not path.parent.is_dir():
        return QCoreApplication.translate(
            "PrivacyDialogs", "The folder %1 does not exist; choose another folder."
        ).replace("%1", str(path.parent))
    return None


__all__ = [
    "DATE_TIME_FORMAT",
    "AskYesNo",
    "Clock",
    "PdfTextWriter",
    "SignerFactory",
    "date_time_edit",
    "edit_time",
    "failure_text",
    "from_qdatetime",
    "message_label",
    "open_save_dialog",
    "path_problem",
    "pdf_unavailable_text",
    "set_edit_time",
    "show_message",
    "to_qdatetime",
    "utc_now",
]
