"""Serah terima jabatan: the guided handover of the office account.

The official walks through five steps in one dialog: what will happen, the file for the
unit, a confirmation (typing the office handle, as nothing can be undone), the run, and the
result. The run is `humasdesk.services.privacy.handover_office` on the dialog's `Worker`
thread: it exports the office account's complete records as a signed JSON Lines file,
verifies the file, signs the office account out and only then removes the office data from
this laptop. The result page shows the signing key's fingerprint and the file's SHA-256,
large and selectable with Copy buttons, to be written in the berita acara serah terima.

When the handover stops (`HandoverFailed`, `LeaseConflict`, `NotConfirmed`, the signing key
unreadable) the official reads that nothing was erased and what to do; Back leads to the
file choice for another attempt.

Collaborators come in through the constructor:

* `signer_factory()` returns the export signer (normally `ExportSigner(public_key_path=…)`);
  it is called on the worker thread, as the keyring may prompt.
* `sign_out()` revokes the office tokens at X and deletes them from the keyring. It runs **on
  the dialog's worker thread**, not on the GUI thread; a failure (any exception) stops the
  handover with nothing erased.
* `verify(path)` checks the written file (default: `verify_export` against the signer's key);
  tests pass a failing one.

The handover cannot be stopped halfway: closing the dialog while it runs is refused with a
note, and the dialog stays open until the fingerprint and checksum can be shown.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.privacy import PrivacyError
from humasdesk.gui.messages import describe_export_failure, describe_privacy_error
from humasdesk.gui.privacy.common import (
    Clock,
    SignerFactory,
    make_signer,
    open_save_dialog,
    path_problem,
)
from humasdesk.gui.privacy.work import WorkerDialog
from humasdesk.services.privacy import (
    HandoverFailed,
    HandoverResult,
    NotConfirmed,
    handover_office,
)
from humasdesk.store.activity_log import ActivityLog
from humasdesk.store.exports.check import ExportCheck
from humasdesk.store.exports.signed import ExportFailed
from humasdesk.store.privacy_store import LeaseConflict, PrivacyStore

logger = logging.getLogger(__name__)

SignOut = Callable[[], None]
Verify = Callable[[Path], ExportCheck]

# Steps (pages of the stack)
STEP_INTRO = 0
STEP_FILE = 1
STEP_CONFIRM = 2
STEP_RUN = 3
STEP_DONE = 4
STEP_FAILED = 5


def bare_handle(handle: str) -> str:
    return handle.strip().lstrip("@")


def handle_matches(typed: str, handle: str) -> bool:
    """The typed confirmation names the office account (``@`` optional; X handles compare
    case-insensitively)."""
    wanted = bare_handle(handle).casefold()
    return bool(wanted) and bare_handle(typed).casefold() == wanted


def default_file_name(handle: str, day: date) -> str:
    """ "serah-terima-HumasDemo-2026-11-30.jsonl"."""
    return f"serah-terima-{bare_handle(handle) or 'kantor'}-{day:%Y-%m-%d}.jsonl"


def grouped(hex_text: str, per_line: int = 8) -> str:
    """A long hex value in groups of four, `per_line` groups a line (easier to copy by hand)."""
    compact = hex_text.replace(" ", "")
    parts = [compact[i : i + 4] for i in range(0, len(compact), 4)]
    return "\n".join(" ".join(parts[i : i + per_line]) for i in range(0, len(parts), per_line))


def _run_handover(
    log: ActivityLog,
    privacy: PrivacyStore,
    path: Path,
    signer_factory: SignerFactory,
    sign_out: SignOut,
    clock: Clock | None,
    verify: Verify | None,
) -> HandoverResult:
    """The background job: plain data in, `HandoverResult` out (or the service's error)."""
    return handover_office(
        log,
        privacy,
        path,
        signer=make_signer(signer_factory),
        sign_out=sign_out,
        confirmed=True,
        clock=clock,
        verify=verify,
    )


def _plain_label(text: str, parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class HandoverDialog(WorkerDialog):
    """The guided serah terima jabatan of the office account (see the module docstring).

    The run is a `WorkerDialog` task that cannot be stopped halfway, so closing while it runs
    is refused (`refuse_close_while_running`) with a note, not postponed.

    Signals:
        handed_over(object): the `HandoverResult`; the desk refreshes the office pane.
        handover_failed(str): the handover stopped with nothing erased; the message shown.
    """

    handed_over = Signal(object)
    handover_failed = Signal(str)

    worker_name = "handover"
    refuse_close_while_running = True

    def __init__(
        self,
        log: ActivityLog,
        privacy: PrivacyStore,
        *,
        office_handle: str,
        signer_factory: SignerFactory,
        sign_out: SignOut,
        clock: Clock | None = None,
        default_dir: Path | None = None,
        verify: Verify | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over the office account"))
        self._log = log
        self._privacy = privacy
        self._handle = "@" + bare_handle(office_handle)
        self._signer_factory = signer_factory
        self._sign_out = sign_out
        self._clock = clock
        self._verify = verify
        self.result_value: HandoverResult | None = None
        self.failure_text = ""
        self.file_dialog: QFileDialog | None = None

        # --- step title ---
        self.step_label = QLabel(self)
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.step_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.step_label.setFont(title_font)
        self.step_label.setAccessibleName(self.tr("Handover step"))

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._intro_page())
        self.stack.addWidget(self._file_page(default_dir))
        self.stack.addWidget(self._confirm_page())
        self.stack.addWidget(self._run_page())
        self.stack.addWidget(self._done_page())
        self.stack.addWidget(self._failed_page())

        # --- buttons ---
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.setAccessibleName(self.tr("Back to the previous step"))
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setAccessibleName(self.tr("Go to the next step"))
        self.run_button = QPushButton(self.tr("&Run handover"), self)
        self.run_button.setAccessibleName(self.tr("Run the handover now"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the handover window"))
        for button in (self.back_button, self.close_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        order: list[QWidget] = [
            self.path_edit,
            self.browse_button,
            self.confirm_edit,
            self.fingerprint_value,
            self.copy_fingerprint_button,
            self.sha_value,
            self.copy_sha_button,
            self.back_button,
            self.next_button,
            self.run_button,
            self.close_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

        # --- wiring ---
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.run_button.clicked.connect(self.on_run_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.path_edit.textChanged.connect(self.on_path_edit_text_changed)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        self.confirm_edit.textChanged.connect(self.on_confirm_edit_text_changed)
        self.copy_fingerprint_button.clicked.connect(self.on_copy_fingerprint_button_clicked)
        self.copy_sha_button.clicked.connect(self.on_copy_sha_button_clicked)

        self.resize(620, 10)
        self.go_to(STEP_INTRO)

    # --- pages --------------------------------------------------------------------------------

    def _intro_page(self) -> QWidget:
        page = QWidget(self)
        text = self.tr(
            "The office account %1 is handed over to your successor. HumasDesk will:\n"
            "\n"
            "1. export the office account's complete records (its posts and replies, and "
            "the citizens' mentions with their full data) to one signed JSON Lines file for "
            "the unit;\n"
            "2. verify the written file and its signature;\n"
            "3. sign the office account out: its sign-in is revoked at X and removed from "
            "the system keyring;\n"
            "4. only after the file is verified, remove the office data from this laptop: "
            "the office inbox, its sent posts list, its draft and the citizens' handles and "
            "texts in its activity log entries.\n"
            "\n"
            "The office account's own posts, their times and hashes stay in the activity "
            "log as proof that it is authentic. Your personal account and its data are not "
            "touched.\n"
            "\n"
            "If any step fails, nothing is erased."
        ).replace("%1", self._handle)
        self.intro_label = _plain_label(text, page, selectable=True)
        self.intro_label.setAccessibleName(self.tr("What the handover does"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro_label)
        layout.addStretch(1)
        return page

    def _file_page(self, default_dir: Path | None) -> QWidget:
        page = QWidget(self)
        self.office_label = _plain_label(
            self.tr("Office account: %1").replace("%1", self._handle), page
        )
        self.office_label.setAccessibleName(self.tr("Office account"))
        self.path_edit = QLineEdit(page)
        self.path_edit.setAccessibleName(self.tr("File for the unit"))
        if default_dir is not None:
            today = (self._clock() if self._clock else datetime.now()).astimezone().date()
            self.path_edit.setText(str(Path(default_dir) / default_file_name(self._handle, today)))
        self.browse_button = QPushButton(self.tr("B&rowse…"), page)
        self.browse_button.setAccessibleName(self.tr("Choose the file for the unit"))
        file_label = QLabel(self.tr("&File for the unit:"), page)
        file_label.setBuddy(self.path_edit)
        self.file_hint = _plain_label(
            self.tr(
                "The signature is written next to it (the same name ending in .sig). Hand "
                "both files to the unit."
            ),
            page,
        )
        self.path_edit.setAccessibleDescription(self.file_hint.text())
        self.file_error = _plain_label("", page)
        self.file_error.setProperty("error", True)
        self.file_error.setAccessibleName(self.tr("Problem with the file"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.office_label)
        layout.addSpacing(8)
        layout.addWidget(file_label)
        layout.addLayout(row)
        layout.addWidget(self.file_hint)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget(self)
        self.confirm_summary = _plain_label("", page, selectable=True)
        self.confirm_summary.setAccessibleName(self.tr("What will happen"))
        self.confirm_edit = QLineEdit(page)
        self.confirm_edit.setAccessibleName(self.tr("Type the office account's handle"))
        confirm_label = QLabel(self.tr("&Type %1 to confirm:").replace("%1", self._handle), page)
        confirm_label.setTextFormat(Qt.TextFormat.PlainText)
        confirm_label.setBuddy(self.confirm_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(self.confirm_summary)
        layout.addSpacing(8)
        layout.addWidget(confirm_label)
        layout.addWidget(self.confirm_edit)
        layout.addStretch(1)
        return page

    def _run_page(self) -> QWidget:
        page = QWidget(self)
        self.run_label = _plain_label(
            self.tr(
                "Handing over: exporting, verifying, signing out and removing the office "
                "data. Keep HumasDesk open until it has finished."
            ),
            page,
        )
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setAccessibleName(self.tr("Handover progress"))
        self.progress_bar.setRange(0, 0)  # busy: the service reports no steps
        self.progress_bar.setTextVisible(False)
        self.run_note = _plain_label("", page)
        self.run_note.setAccessibleName(self.tr("Handover note"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.run_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.run_note)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = _plain_label(
            self.tr(
                "The handover is finished. Write these two values in the handover report "
                "(berita acara serah terima): with them the unit can prove that the file is "
                "the one made today."
            ),
            page,
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        size = self.font().pointSizeF()
        mono.setPointSizeF((size if size > 0 else 10.0) * 1.4)
        mono.setWeight(QFont.Weight.DemiBold)

        self.fingerprint_value = self._value_label(page, mono)
        self.fingerprint_value.setAccessibleName(self.tr("Signing key fingerprint"))
        fingerprint_caption = QLabel(self.tr("Signing key &fingerprint:"), page)
        fingerprint_caption.setBuddy(self.fingerprint_value)
        self.copy_fingerprint_button = QPushButton(self.tr("Copy"), page)
        self.copy_fingerprint_button.setAccessibleName(self.tr("Copy the fingerprint"))

        self.sha_value = self._value_label(page, mono)
        self.sha_value.setAccessibleName(self.tr("SHA-256 of the file"))
        sha_caption = QLabel(self.tr("&SHA-256 of the file:"), page)
        sha_caption.setBuddy(self.sha_value)
        self.copy_sha_button = QPushButton(self.tr("Copy"), page)
        self.copy_sha_button.setAccessibleName(self.tr("Copy the SHA-256"))

        self.file_value = _plain_label("", page, selectable=True)
        self.file_value.setAccessibleName(self.tr("Handover file"))
        self.counts_label = _plain_label("", page)
        self.counts_label.setAccessibleName(self.tr("What was removed"))
        self.stays_label = _plain_label("", page)
        self.stays_label.setAccessibleName(self.tr("What stays on this laptop"))
        self.copied_label = _plain_label("", page)
        self.copied_label.setAccessibleName(self.tr("Copy status"))

        grid = QGridLayout()
        grid.addWidget(fingerprint_caption, 0, 0, 1, 2)
        grid.addWidget(self.fingerprint_value, 1, 0)
        grid.addWidget(self.copy_fingerprint_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(sha_caption, 2, 0, 1, 2)
        grid.addWidget(self.sha_value, 3, 0)
        grid.addWidget(self.copy_sha_button, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addLayout(grid)
        layout.addWidget(self.copied_label)
        layout.addWidget(self.file_value)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.stays_label)
        layout.addStretch(1)
        return page

    def _value_label(self, parent: QWidget, font: QFont) -> QLabel:
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFont(font)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return label

    def _failed_page(self) -> QWidget:
        page = QWidget(self)
        self.failed_title = _plain_label(
            self.tr(
                "The handover stopped. NOTHING was erased: the office account's data is still "
                "on this laptop."
            ),
            page,
        )
        bold = self.failed_title.font()
        bold.setBold(True)
        self.failed_title.setFont(bold)
        self.failure_label = _plain_label("", page, selectable=True)
        self.failure_label.setProperty("error", True)
        self.failure_label.setAccessibleName(self.tr("Why the handover stopped"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.failed_title)
        layout.addWidget(self.failure_label)
        layout.addStretch(1)
        return page

    # --- public API ---------------------------------------------------------------------------

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def path_error(self) -> str | None:
        """Why the file cannot be used (shown on the file step), or None."""
        path = self.output_path()
        if path is None:
            return self.tr("Choose the file for the unit.")
        problem = path_problem(path)
        if problem is not None:
            return problem
        if path.exists():
            return self.tr(
                "%1 already exists; choose a new name so that no earlier file is overwritten."
            ).replace("%1", path.name)
        return None

    def is_confirmed(self) -> bool:
        return handle_matches(self.confirm_edit.text(), self._handle)

    def go_to(self, step: int) -> None:
        """Show a step and set the buttons for it."""
        self.stack.setCurrentIndex(step)
        titles = {
            STEP_INTRO: self.tr("Step 1 of 5: what will happen"),
            STEP_FILE: self.tr("Step 2 of 5: the file for the unit"),
            STEP_CONFIRM: self.tr("Step 3 of 5: confirm"),
            STEP_RUN: self.tr("Step 4 of 5: handing over"),
            STEP_DONE: self.tr("Step 5 of 5: for the handover report"),
            STEP_FAILED: self.tr("The handover stopped"),
        }
        self.step_label.setText(titles[step])
        if step == STEP_CONFIRM:
            self.confirm_summary.setText(
                self.tr(
                    "The office account %1 will be exported to %2, signed out, and its data "
                    "removed from this laptop. This cannot be undone."
                )
                .replace("%1", self._handle)
                .replace("%2", str(self.output_path()))
            )
        self._update_buttons()
        focus = {
            STEP_INTRO: self.next_button,
            STEP_FILE: self.path_edit,
            STEP_CONFIRM: self.confirm_edit,
            STEP_RUN: self.progress_bar,
            STEP_DONE: self.fingerprint_value,
            STEP_FAILED: self.failure_label,
        }[step]
        focus.setFocus()
        self._fit_height()

    def start_handover(self) -> bool:
        """Start the run (file valid and handle typed); False, and nothing starts, if not."""
        if self._running or not self.is_confirmed():
            return False
        error = self.path_error()
        path = self.output_path()
        if error is not None or path is None:
            self.go_to(STEP_FILE)
            return False
        self.result_value = None
        self.run_note.setText("")
        submitted = self.run_task(
            _run_handover,
            self._log,
            self._privacy,
            path,
            self._signer_factory,
            self._sign_out,
            self._clock,
            self._verify,
            on_done=self.on_worker_handover_done,
            on_error=self.on_worker_handover_failed,
        )
        if not submitted:
            self.go_to(STEP_CONFIRM)
            return False
        self.go_to(STEP_RUN)
        logger.info("office handover started")
        return True

    def closing_note(self) -> str:
        return self.tr(
            "The handover cannot be stopped halfway. This window stays open until it has "
            "finished, so that you can note the values for the handover report."
        )

    # --- slots --------------------------------------------------------------------------------

    def on_back_button_clicked(self) -> None:
        step = self.current_step()
        if step == STEP_FAILED:
            self.confirm_edit.clear()  # another attempt is confirmed again
            self.go_to(STEP_FILE)
        elif step in (STEP_FILE, STEP_CONFIRM):
            self.go_to(step - 1)

    def on_next_button_clicked(self) -> None:
        step = self.current_step()
        if step == STEP_INTRO:
            self.go_to(STEP_FILE)
        elif step == STEP_FILE and self.path_error() is None:
            self.go_to(STEP_CONFIRM)

    def on_run_button_clicked(self) -> None:
        self.start_handover()

    def on_path_edit_text_changed(self, text: str) -> None:
        self._update_buttons()

    def on_confirm_edit_text_changed(self, text: str) -> None:
        self._update_buttons()

    def on_browse_button_clicked(self) -> None:
        path = self.output_path()
        self.file_dialog = open_save_dialog(
            self,
            self.tr("Save the handover file as"),
            ".jsonl",
            self.tr("JSON Lines files (*.jsonl)"),
            self.on_file_dialog_file_selected,
            directory=None if path is None else path.parent,
            file_name=None if path is None else path.name,
        )

    def on_file_dialog_file_selected(self, file: str) -> None:
        if file:
            self.path_edit.setText(file)

    def on_copy_fingerprint_button_clicked(self) -> None:
        if self.result_value is not None:
            self._copy(self.result_value.fingerprint)

    def on_copy_sha_button_clicked(self) -> None:
        if self.result_value is not None:
            self._copy(self.result_value.file_sha256)

    def on_worker_handover_done(self, result: HandoverResult) -> None:
        self.result_value = result
        self.fingerprint_value.setText(grouped(result.fingerprint))
        self.sha_value.setText(grouped(result.file_sha256))
        self.file_value.setText(
            self.tr("File: %1\nSignature: %2")
            .replace("%1", str(result.export.path))
            .replace("%2", str(result.export.sig_path))
        )
        locale = QLocale()
        deleted = result.local_deleted
        self.counts_label.setText(
            self.tr(
                "Exported: %1 log entries. Removed from this laptop: the citizens' data of %2 "
                "log entries, %3 inbox messages, %4 finished outbox posts and %5 draft."
            )
            .replace("%1", locale.toString(result.export.entries))
            .replace("%2", locale.toString(result.erased_entries))
            .replace("%3", locale.toString(int(deleted.get("mentions", 0))))
            .replace("%4", locale.toString(int(deleted.get("outbox", 0))))
            .replace("%5", locale.toString(int(deleted.get("drafts", 0))))
        )
        stays = self.tr(
            "What stays on this laptop: the office account's own posts, their times and "
            "hashes in the activity log (the tamper-evident chain, as proof), and your "
            "personal account with all its data. The office account is signed out."
        )
        if result.remaining_office_mentions:
            stays += "\n" + self.tr(
                "%1 office inbox messages arrived after the export and are still on this laptop."
            ).replace("%1", locale.toString(result.remaining_office_mentions))
        self.stays_label.setText(stays)
        self.copied_label.setText("")
        self.go_to(STEP_DONE)
        logger.info(
            "office handover finished: %d entries exported, %d erased",
            result.export.entries,
            result.erased_entries,
        )
        self.handed_over.emit(result)

    def on_worker_handover_failed(self, exc: BaseException) -> None:
        text = self.failure_message(exc)
        self.failure_text = text
        self.failure_label.setText(text)
        self.go_to(STEP_FAILED)
        self.handover_failed.emit(text)

    # --- internals ----------------------------------------------------------------------------

    def failure_message(self, exc: BaseException) -> str:
        """What the official reads when the handover stopped (nothing was erased)."""
        if isinstance(exc, HandoverFailed):
            logger.warning("office handover stopped at stage %s", exc.stage)
            return self._handover_failed_text(exc)
        if isinstance(exc, LeaseConflict):
            logger.warning("office handover refused: another export or erasure is running")
            return (
                describe_privacy_error(exc)
                + "\n\n"
                + self.tr(
                    "Nothing was erased. Wait until it has finished, then run the handover again."
                )
            )
        if isinstance(exc, NotConfirmed):
            return describe_privacy_error(exc)
        if isinstance(exc, ExportFailed):
            logger.warning("office handover stopped: export failed (%s)", exc.reason)
            return self._export_failure_text(exc)
        if isinstance(exc, PrivacyError):
            logger.warning("office handover stopped: %s", exc.code)
            return describe_privacy_error(exc)
        logger.error("office handover failed unexpectedly: %s", type(exc).__name__)
        return self.tr(
            "The handover stopped unexpectedly (%1). Look at the activity log before trying "
            "again; details are in the log file."
        ).replace("%1", type(exc).__name__)

    def _handover_failed_text(self, exc: HandoverFailed) -> str:
        said = describe_privacy_error(exc)
        kept = ""
        if exc.export is not None:
            kept = "\n\n" + self.tr(
                "The file already written is kept: %1. Do not hand it over as the final file; "
                "the next attempt writes a new one."
            ).replace("%1", str(exc.export.path))
        if exc.stage == "busy_outbox":
            advice = self.tr(
                "Office posts are still waiting in the outbox. Wait until they are sent, or "
                "cancel them, then run the handover again."
            )
            return said + "\n\n" + advice
        if exc.stage == "export":
            cause = exc.cause
            if isinstance(cause, ExportFailed):
                return self._export_failure_text(cause)
            advice = self.tr(
                "The file for the unit could not be written. Choose another folder and try again."
            )
            return said + "\n\n" + advice + kept
        if exc.stage == "verify":
            advice = self.tr(
                "The written file did not pass verification, so the office account was not "
                "signed out. Show the file to the IT staff, then run the handover again to a "
                "new file."
            )
            return said + "\n\n" + advice + kept
        if exc.stage == "sign_out":
            advice = self.tr(
                "The office account could not be signed out (X or the system keyring did not "
                "answer). Check the internet connection and the keyring, then run the "
                "handover again."
            )
            return said + "\n\n" + advice + kept
        return said + kept

    def _export_failure_text(self, exc: ExportFailed) -> str:
        path = self.output_path() or Path()
        return (
            describe_export_failure(exc, path)
            + "\n\n"
            + self.tr("Nothing was erased and the office account is still signed in.")
        )

    def _copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self.copied_label.setText(self.tr("Copied to the clipboard."))

    def _show_closing_note(self, text: str) -> None:
        self.run_note.setText(text)

    def _running_changed(self, running: bool) -> None:
        self._update_buttons()

    def _fit_height(self) -> None:
        """Grow to show the whole step: a top-level window ignores its word-wrapped labels'
        height-for-width, and the result values arrive after the window was sized."""
        self.layout().activate()
        wanted = max(self.heightForWidth(self.width()), self.minimumSizeHint().height())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _update_buttons(self) -> None:
        step = self.current_step()
        self.back_button.setVisible(step in (STEP_FILE, STEP_CONFIRM, STEP_FAILED))
        self.next_button.setVisible(step in (STEP_INTRO, STEP_FILE))
        self.run_button.setVisible(step == STEP_CONFIRM)
        self.close_button.setEnabled(not self._running)
        self.back_button.setEnabled(not self._running)
        if step == STEP_FILE:
            error = self.path_error()
            self.file_error.setText(error or "")
            self.next_button.setEnabled(error is None)
        else:
            self.next_button.setEnabled(True)
        self.run_button.setEnabled(not self._running and self.is_confirmed())
        default = {
            STEP_INTRO: self.next_button,
            STEP_FILE: self.next_button,
            STEP_CONFIRM: self.run_button,
        }.get(step)
        for button in (self.next_button, self.run_button):
            button.setDefault(button is default)
            button.setAutoDefault(button is default)
