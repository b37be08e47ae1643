"""What the privacy dialogs share: types of their collaborators, date-time edits in the
laptop's zone, the plain-text message label, the save-file chooser, the checks of an output
path, and the signer made on the worker. (Running work and closing: `work.WorkerDialog`;
the text for a file that cannot be written: `gui.messages.describe_export_failure`.)

Texts here are translated in the ``PrivacyDialogs`` context (literal `translate` calls, so
lupdate finds them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QFileDialog, QLabel, QWidget

from humasdesk.core.errors import SecretUnavailable
from humasdesk.store.exports.signed import ExportFailed, FailureReason, Signer

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


def make_signer(factory: SignerFactory) -> Signer:
    """The signer, made on the worker thread (a keyring may prompt); a keyring that cannot
    be used is `ExportFailed(KEYRING)`, like a signature the key refused."""
    try:
        return factory()
    except SecretUnavailable as exc:
        raise ExportFailed(FailureReason.KEYRING, str(exc)) from None


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
    "from_qdatetime",
    "make_signer",
    "message_label",
    "open_save_dialog",
    "path_problem",
    "set_edit_time",
    "show_message",
    "to_qdatetime",
    "utc_now",
]
