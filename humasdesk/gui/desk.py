"""Wires the window to the services: restore or sign in each slot, then load its pane.

All X and keyring work runs on one worker per slot, so each account's client is
used from one thread and the GUI thread never waits on the network or the keyring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon, QWidget

from humasdesk.core.errors import OAuthError, OAuthFailure
from humasdesk.core.models import Slot
from humasdesk.gui.main_window import MainWindow
from humasdesk.gui.messages import describe_error, session_only_warning
from humasdesk.gui.modal import run_modal
from humasdesk.gui.tasks import Worker, shutdown_all
from humasdesk.services.accounts import AccountService, SessionExpired, SignInAttempt
from humasdesk.services.session import AccountSession, ensure_distinct
from humasdesk.settings import Settings

if TYPE_CHECKING:
    from humasdesk.core.activity import VerifyResult
    from humasdesk.credentials import StorageStatus
    from humasdesk.gui.confirm_dialog import ConfirmPost
    from humasdesk.gui.privacy.menu import PrivacyMenu
    from humasdesk.gui.settings_dialog import SettingsDialog
    from humasdesk.gui.slot_desk import Ask, SlotDesk
    from humasdesk.services.desk_services import DeskServices
    from humasdesk.services.outbox import RecentPost

ClosePrompt = Callable[[QWidget, int], str]  # -> "wait" | "leave" | "cancel"

logger = logging.getLogger(__name__)


def ask_how_to_close(parent: QWidget, pending: int) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DeskController", "Posts still waiting"))
    box.setText(
        QCoreApplication.translate(
            "DeskController",
            "%1 post(s) are still waiting to be sent. Wait until they are sent, or close now "
            "and send them the next time HumasDesk starts? Nothing is lost either way.",
        ).replace("%1", str(pending))
    )
    wait = box.addButton(
        QCoreApplication.translate("DeskController", "Wait, then close"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    leave = box.addButton(
        QCoreApplication.translate("DeskController", "Close, send next time"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(
        QCoreApplication.translate("DeskController", "Keep working"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(wait)
    run_modal(box)
    clicked = box.clickedButton()
    return "wait" if clicked is wait else "leave" if clicked is leave else "cancel"


#: Brings X up (starts the practice sandbox if needed) and returns the desk's services.
PrepareServices = Callable[[], "DeskServices"]
OpenUrl = Callable[[str], object]


class DeskController(QObject):
    """Signals:
    session_opened(Slot): a slot is signed in and its header shows the account.
    posts_loaded(Slot): a pane's recent posts are on screen.
    slot_failed(Slot, str): a slot could not be signed in or loaded; the text is shown.
    signed_out(Slot): a slot was signed out (by the official, or its session ended).
    sign_in_started(Slot): the browser was opened and the desk waits for X's answer.
    """

    session_opened = Signal(object)
    posts_loaded = Signal(object)
    slot_failed = Signal(object, str)
    signed_out = Signal(object)
    sign_in_started = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        *,
        prepare_services: PrepareServices,
        open_url: OpenUrl,
        practice_handles: Mapping[Slot, str] | None = None,
        sign_in_timeout: float = 300,
        confirm_sign_out: bool = True,
        settings: Settings | None = None,
        data_root: Path | None = None,
        confirm: ConfirmPost | None = None,
        ask: Ask | None = None,
        close_prompt: ClosePrompt | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._prepare_services = prepare_services
        self._open_url = open_url
        self._practice_handles = dict(practice_handles or {})
        self._sign_in_timeout = sign_in_timeout
        self._confirm_sign_out = confirm_sign_out
        self.settings = settings
        self.data_root = data_root
        self.log_window: QWidget | None = None
        self.export_dialog: QWidget | None = None
        self.privacy_menu: PrivacyMenu | None = None  # once the database is open
        # With no secure keyring, exports are signed with a key for this session only
        # (never written anywhere); one per desk session, so its exports share it.
        from humasdesk.credentials.signing import SessionSigningKey

        self.session_signing_key = SessionSigningKey()
        window.action_log.triggered.connect(self.on_action_log_triggered)
        window.action_export.triggered.connect(self.on_action_export_triggered)
        window.action_rekap.triggered.connect(self.on_action_rekap_triggered)
        self.rekap_window: QWidget | None = None
        self.settings_dialog: SettingsDialog | None = None  # open, if any
        window.action_settings.triggered.connect(self.on_action_settings_triggered)
        self.service: AccountService | None = None
        self.services: DeskServices | None = None
        self.slot_desks: dict[Slot, SlotDesk] = {}
        self._confirm_post = confirm  # None: the real dialog (SlotDesk's default)
        self._ask = ask
        #: The official asked for a restart (new settings); the composition root starts the
        #: desk again once this one has closed.
        self.restart_wanted = False
        self._close_prompt = close_prompt or ask_how_to_close
        self._close_when_sent = False
        self._synced_once: set[Slot] = set()
        self._tray_icon: QSystemTrayIcon | None = None
        window.close_guard = self.on_window_closing
        self.sessions: dict[Slot, AccountSession] = {}
        self._attempts: dict[Slot, SignInAttempt] = {}
        self._cancelled: set[Slot] = set()
        self._workers = {slot: Worker(f"x-{slot.value}", self) for slot in Slot}
        self._long_work = Worker("long-work", self)  # chain checks, exports
        for slot, pane in window.panes.items():
            pane.sign_in_requested.connect(partial(self.on_pane_sign_in_requested, slot))
            pane.sign_in_cancelled.connect(partial(self.on_pane_sign_in_cancelled, slot))
            pane.sign_out_requested.connect(partial(self.on_pane_sign_out_requested, slot))

    # --- start-up ---------------------------------------------------------------------------

    def start(self) -> None:
        """Bring X and the token store up, then restore both slots, in the background."""
        from humasdesk.gui.pane import warm_up

        self._long_work.submit(warm_up)
        self._workers[Slot.OFFICE].submit(
            self._prepare, on_done=self.on_service_ready, on_error=self.on_service_failed
        )

    def _prepare(self) -> DeskServices:
        services = self._prepare_services()
        check = getattr(services.accounts.store, "check", None)
        if check is not None:
            check()  # probe the keyring here, on the worker: it may show an unlock prompt
        return services

    def on_service_ready(self, services: DeskServices) -> None:
        from humasdesk.gui.slot_desk import SlotDesk  # deferred: not needed to paint

        self.services = services
        self.service = services.accounts
        settings = self.settings
        for slot, pane in self.window.panes.items():
            self.slot_desks[slot] = SlotDesk(
                slot,
                pane,
                self._workers[slot],
                services,
                other_recent=partial(self._recent_posts_of_other, slot),
                confirm_office_posts=(
                    settings.get("confirm_office_posts") if settings is not None else True
                ),
                confirm=self._confirm_post,
                ask=self._ask,
                parent=self,
            )
            self.slot_desks[slot].posts_shown.connect(self.on_slot_desk_posts_shown)
            self.slot_desks[slot].sending_finished.connect(self.on_slot_desk_sending_finished)
            self.slot_desks[slot].mentions_synced.connect(self.on_slot_desk_mentions_synced)
            self.slot_desks[slot].post_queued.connect(lambda _slot: self.window.hide_first_steps())
            self._wire_aduan(self.slot_desks[slot])  # issue 17
        self._show_storage_state()
        self._read_storage_status()  # Settings may have been opened before this
        self.window.action_log.setEnabled(True)
        self.window.action_export.setEnabled(True)
        from humasdesk.gui.privacy.menu import PrivacyMenu

        self.privacy_menu = PrivacyMenu(
            self.window,
            services,
            settings=self.settings,
            data_root=self.data_root,
            sessions=self.sessions,
            session_key=self.session_signing_key,
            parent=self,
        )
        self.privacy_menu.office_handed_over.connect(self.on_privacy_menu_office_handed_over)
        moved = services.open_report.moved_aside
        if moved is not None:
            self.window.show_log_warning(
                self.tr(
                    "The database was damaged. It was moved aside, not deleted, to %1 "
                    "(give it to your IT staff), and a new one was started."
                ).replace("%1", str(moved))
            )
        self._long_work.submit(
            self._scheduled_retention, services, on_error=self.on_retention_failed
        )
        self._long_work.submit(
            services.log.check_at_startup,
            on_done=self.on_chain_checked,
            on_error=self.on_chain_check_failed,
        )
        for slot, worker in self._workers.items():
            worker.submit(
                self._restore,
                slot,
                on_done=partial(self.on_slot_restored, slot),
                on_error=partial(self.on_slot_error, slot),
            )

    def on_service_failed(self, exc: BaseException) -> None:
        logger.error("X backend failed to start: %s", type(exc).__name__)
        for slot in Slot:
            self.on_slot_error(slot, exc)

    def _restore(self, slot: Slot) -> AccountSession | None:
        assert self.service is not None
        handle = self._practice_handles.get(slot)
        try:
            session = self.service.restore(slot)
        except SessionExpired:
            if not handle:
                raise
            # Practice tokens from another emulator state (say, another data
            # directory): the demo account is always there, so sign in afresh.
            session = None
        if session is None and handle:
            # Practice mode starts signed in to the demo accounts, without a browser.
            session = self.service.sign_in_headless(slot, handle, {})
        return session

    def on_slot_restored(self, slot: Slot, session: AccountSession | None) -> None:
        self._show_storage_state()
        if session is None:
            self.window.panes[slot].show_signed_out()
        else:
            self.on_slot_signed_in(slot, session)

    # --- signed in --------------------------------------------------------------------------

    def on_slot_signed_in(self, slot: Slot, session: AccountSession) -> None:
        self._show_storage_state()
        try:
            ensure_distinct(self.sessions, session)
        except Exception as exc:
            # Both slots raced to the same account: keep the first, sign this one out.
            self._workers[slot].submit(self._sign_out_quietly, session)
            self.on_slot_error(slot, exc)
            return
        self.sessions[slot] = session
        logger.info("slot %s signed in (user id %s)", slot.value, session.account.user_id)
        self.window.panes[slot].show_account(session.account)
        for other_slot, pane in self.window.panes.items():
            if other_slot is not slot:
                pane.other_handle = session.account.username
        self.slot_desks[slot].attach(session)
        self.session_opened.emit(slot)

    def refresh_posts(self, slot: Slot) -> None:
        desk = self.slot_desks.get(slot)
        if desk is not None:
            desk.refresh_posts()

    def on_slot_desk_posts_shown(self, slot: Slot, count: int) -> None:
        logger.info("slot %s: %d posts shown", slot.value, count)
        self.posts_loaded.emit(slot)

    def _recent_posts_of_other(self, slot: Slot) -> list[RecentPost]:
        """The other pane's posts fetched from X (the outbox also knows what the desk sent)."""
        from humasdesk.services.outbox import RecentPost

        out: list[RecentPost] = []
        for other_slot, desk in self.slot_desks.items():
            if other_slot is slot:
                continue
            for post in desk.posts:
                if post.created_at is not None:
                    out.append(RecentPost(other_slot, post.text, post.created_at, post.id))
        return out

    def on_slot_error(self, slot: Slot, exc: BaseException) -> None:
        from humasdesk.credentials import CorruptSecret

        message = describe_error(exc)
        logger.warning("slot %s failed: %s", slot.value, type(exc).__name__)
        pane = self.window.panes[slot]
        if isinstance(exc, SessionExpired | CorruptSecret):
            # The pane can no longer act; work queued for it waits for the next sign-in.
            self.sessions.pop(slot, None)
            if slot in self.slot_desks:
                self.slot_desks[slot].detach()
            pane.show_signed_out(message)
            self.signed_out.emit(slot)
        elif slot not in self.sessions:
            pane.show_signed_out(message)
        else:
            pane.show_error(message)
        self._show_storage_state()
        self.slot_failed.emit(slot, message)

    # --- sign-in from the pane --------------------------------------------------------------

    def on_pane_sign_in_requested(self, slot: Slot) -> None:
        if self.service is None or slot in self._attempts:
            return
        self._cancelled.discard(slot)
        self.window.panes[slot].show_signing_in()
        self._workers[slot].submit(
            self.service.begin_sign_in,
            self._sign_in_timeout,
            on_done=partial(self.on_sign_in_attempt_ready, slot),
            on_error=partial(self.on_sign_in_failed, slot),
        )

    def on_sign_in_attempt_ready(self, slot: Slot, attempt: SignInAttempt) -> None:
        if slot in self._cancelled:
            attempt.cancel()
            return
        self._attempts[slot] = attempt
        self._workers[slot].submit(
            self.service.finish_sign_in,
            slot,
            attempt,
            dict(self.sessions),
            on_done=partial(self.on_sign_in_finished, slot),
            on_error=partial(self.on_sign_in_failed, slot),
        )
        self._open_url(attempt.url)
        self.sign_in_started.emit(slot)

    def on_sign_in_finished(self, slot: Slot, session: AccountSession) -> None:
        self._attempts.pop(slot, None)
        self.on_slot_signed_in(slot, session)

    def on_sign_in_failed(self, slot: Slot, exc: BaseException) -> None:
        self._attempts.pop(slot, None)
        if slot in self._cancelled or (
            isinstance(exc, OAuthError) and exc.kind is OAuthFailure.CANCELLED
        ):
            self._cancelled.discard(slot)
            self.window.panes[slot].show_signed_out()
            return
        logger.info("sign-in failed for slot %s: %s", slot.value, type(exc).__name__)
        self.on_slot_error(slot, exc)

    def on_pane_sign_in_cancelled(self, slot: Slot) -> None:
        self._cancelled.add(slot)
        attempt = self._attempts.pop(slot, None)
        if attempt is not None:
            attempt.cancel()  # the listener stops and frees the port at once
        self.window.panes[slot].show_signed_out()

    # --- sign-out ---------------------------------------------------------------------------

    def on_pane_sign_out_requested(self, slot: Slot) -> None:
        session = self.sessions.get(slot)
        if session is None or self.service is None:
            return
        if self._confirm_sign_out:
            from humasdesk.gui.confirm_dialog import ask_for_account

            question = self.tr(
                "Sign @%1 out of HumasDesk? Its access is revoked at X and its saved "
                "sign-in is deleted from this laptop."
            ).replace("%1", session.account.username)
            if not ask_for_account(
                self.window,
                slot,
                session.account.username,
                self.tr("Sign out"),
                question,
                yes=self.tr("Sign out"),
                no=self.tr("Stay signed in"),
            ):
                return
        self.sign_out(slot)

    def sign_out(self, slot: Slot) -> None:
        session = self.sessions.pop(slot, None)
        if session is None or self.service is None:
            return
        self.slot_desks[slot].detach()
        self.window.panes[slot].show_signed_out()
        self._workers[slot].submit(
            self.service.sign_out,
            session,
            on_done=lambda _: self.signed_out.emit(slot),
            on_error=partial(self.on_sign_out_failed, slot),
        )

    def on_sign_out_failed(self, slot: Slot, exc: BaseException) -> None:
        # The secret is deleted either way; say that X could not be told.
        logger.warning("revoke failed for slot %s: %s", slot.value, type(exc).__name__)
        self.window.panes[slot].show_signed_out(
            self.tr(
                "Signed out on this laptop, but X could not be reached to revoke the access: %1"
            ).replace("%1", describe_error(exc))
        )
        self.signed_out.emit(slot)

    def on_privacy_menu_office_handed_over(self, result: object) -> None:
        """The handover signed the office account out and cleared its data: the pane shows
        it signed out (its access was revoked by the handover itself)."""
        # The office pane may already say its session ended (the revocation reached its
        # sync first): the handover is what happened, so it says that either way.
        self.sessions.pop(Slot.OFFICE, None)
        self.slot_desks[Slot.OFFICE].detach()
        self.window.panes[Slot.OFFICE].show_signed_out(
            self.tr(
                "The office account was handed over: its records were exported and its data "
                "removed from this laptop. The successor signs in on their own laptop."
            )
        )
        self.signed_out.emit(Slot.OFFICE)

    def _sign_out_quietly(self, session: AccountSession) -> None:
        assert self.service is not None
        try:
            self.service.sign_out(session)
        except Exception as exc:
            logger.warning("could not sign a duplicate session out: %s", type(exc).__name__)

    # --- the activity log -------------------------------------------------------------------

    def on_chain_checked(self, result: VerifyResult) -> None:
        if result.ok:
            logger.info("activity log verified up to entry %d", result.head_seq)
            return
        logger.error("activity log chain broken at entry %s", result.first_bad_seq)
        self.window.show_log_warning(
            self.tr(
                "The activity log has been changed outside HumasDesk: entry #%1 does not "
                "match its record (%2). Keep this laptop as it is and tell your records "
                "officer."
            )
            .replace("%1", str(result.first_bad_seq))
            .replace("%2", result.reason or "")
        )

    def on_chain_check_failed(self, exc: BaseException) -> None:
        logger.error("activity log check failed: %s", type(exc).__name__)
        self.window.show_log_warning(
            self.tr("The activity log could not be checked: %1").replace("%1", describe_error(exc))
        )

    # --- the activity log and exports -------------------------------------------------------

    def on_action_log_triggered(self) -> None:
        if self.services is None:
            return
        if self.log_window is None:
            from humasdesk.gui.log_view import LogView

            # A window of its own, but owned by the desk: it closes with the main window and
            # never keeps the process alive on its own.
            view = LogView(self.services.log, parent=self.window)
            view.setWindowFlag(Qt.WindowType.Window)
            view.setWindowTitle(self.tr("HumasDesk — activity log"))
            view.resize(1000, 640)
            self.log_window = view
        else:
            self.log_window.refresh()
        self.log_window.show()
        self.log_window.raise_()
        self.log_window.activateWindow()

    def on_action_export_triggered(self) -> None:
        if self.services is None:
            return
        from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME, ExportSigner
        from humasdesk.gui.export_dialog import ExportDialog

        key_path = self.data_root / PUBLIC_KEY_FILENAME if self.data_root else None
        dialog = ExportDialog(
            self.services.log,
            signer_factory=lambda: ExportSigner(
                public_key_path=key_path, session_key=self.session_signing_key
            ),
            default_dir=Path.home(),
            privacy=self.services.privacy,
            agency=self._setting("agency_name", ""),
            unit=self._setting("unit_name", ""),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dialog
        dialog.open()

    def on_action_rekap_triggered(self) -> None:
        if self.data_root is None:
            return
        if self.rekap_window is None:
            from humasdesk.gui.rekap_window import open_rekap_window

            self.rekap_window = open_rekap_window(
                self.data_root,
                agency=self._setting("agency_name", ""),
                unit=self._setting("unit_name", ""),
            )
            self.rekap_window.finished.connect(self.on_rekap_window_finished)
        self.rekap_window.show()
        self.rekap_window.raise_()
        self.rekap_window.activateWindow()

    def on_rekap_window_finished(self, result: int) -> None:
        window, self.rekap_window = self.rekap_window, None
        if window is not None:
            window.deleteLater()

    def _setting(self, key: str, default: Any) -> Any:
        return self.settings.get(key) if self.settings is not None else default

    def signing_key_text(self) -> str:
        """The export key's fingerprint from the public key file (no keyring access)."""
        from humasdesk.core.fingerprint import fingerprint_of, format_fingerprint
        from humasdesk.credentials.signing import PUBLIC_KEY_FILENAME
        from humasdesk.store.exports.sigfile import SignatureFileError, read_public_key_file

        path = self.data_root / PUBLIC_KEY_FILENAME if self.data_root else None
        try:
            key = read_public_key_file(path) if path is not None else None
        except (OSError, SignatureFileError):
            key = None
        session = self.session_signing_key
        if session.made:
            return self.tr("%1 (a key for this session only: there is no system keyring)").replace(
                "%1", format_fingerprint(session.fingerprint)
            )
        if key is None:
            return self.tr("not made yet (made at the first export)")
        return format_fingerprint(fingerprint_of(key))

    # --- retention ----------------------------------------------------------------------------

    def _scheduled_retention(self, services: DeskServices) -> None:
        from datetime import UTC, datetime

        from humasdesk.core.privacy import RetentionPolicy

        policy = RetentionPolicy.from_settings(self.settings)
        report = services.run_retention(policy, datetime.now(UTC))
        if report is not None:
            logger.info("retention: personal data erased from %d entries", report.count)

    def on_retention_failed(self, exc: BaseException) -> None:
        # An export holding the lease, for instance: the schedule runs again next start.
        logger.warning("scheduled retention did not run: %s", type(exc).__name__)

    # --- notifications ------------------------------------------------------------------------

    def on_slot_desk_mentions_synced(self, slot: Slot, new: int) -> None:
        """Tell the official about new mentions that arrive while the desk is open (the
        first sync after sign-in only fills the inbox). Counts only: no citizen's words."""
        first = slot not in self._synced_once
        self._synced_once.add(slot)
        session = self.sessions.get(slot)
        if first or new <= 0 or session is None:
            return
        text = (
            self.tr("%1 new mention(s) for @%2")
            .replace("%1", str(new))
            .replace("%2", session.account.username)
        )
        self.window.statusBar().showMessage(text, 15000)
        tray = self._tray()
        if tray is not None:
            tray.showMessage("HumasDesk", text)

    def _wire_aduan(self, slot_desk: SlotDesk) -> None:
        """Issue 17: the register's rules, agency name and reminders in the tray."""
        from humasdesk.paths import DataPaths, rules_dirs

        aduan = slot_desk.aduan
        aduan.rule_dirs = rules_dirs(DataPaths(self.data_root) if self.data_root else None)
        aduan.agency = str(self.settings.get("agency_name") or "") if self.settings else ""
        aduan.reminders_changed.connect(self.on_aduan_reminders_changed)

    def on_aduan_reminders_changed(self, slot: Slot, near: int, overdue: int) -> None:
        """Complaints near or past their limit, in the tray: counts only, never words."""
        session = self.sessions.get(slot)
        if session is None or near + overdue == 0:
            return
        text = (
            self.tr("Complaints for @%1: %2 near their limit, %3 overdue")
            .replace("%1", session.account.username)
            .replace("%2", str(near))
            .replace("%3", str(overdue))
        )
        self.window.statusBar().showMessage(text, 15000)
        tray = self._tray()
        if tray is not None:
            tray.showMessage("HumasDesk", text)

    def _tray(self) -> QSystemTrayIcon | None:
        if self._tray_icon is None and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_icon = QSystemTrayIcon(self.window.windowIcon(), self)
            self._tray_icon.setToolTip("HumasDesk")
            self._tray_icon.activated.connect(self.on_tray_activated)
            self._tray_icon.show()
        return self._tray_icon

    def on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    # --- closing ----------------------------------------------------------------------------

    def pending_posts(self) -> int:
        """Posts that will still go out: queued, sending, or failed with a retry planned
        (a post X refused is not waiting for anything)."""
        count = 0
        for desk in self.slot_desks.values():
            if not hasattr(desk.pane, "outbox_view"):
                continue
            for item in desk.pane.outbox_view.model.all_items():
                state = item.state.value
                count += state in ("queued", "sending") or (state == "failed" and item.will_retry)
        return count

    def on_window_closing(self) -> bool:
        """Posts still waiting: wait for them, or leave them queued for next time (they
        are safe in the database either way). True lets the window close."""
        pending = self.pending_posts()
        if pending == 0 or self._close_when_sent:
            return True
        choice = self._close_prompt(self.window, pending)
        if choice == "wait":
            self._close_when_sent = True
            self.window.statusBar().showMessage(
                self.tr("HumasDesk closes when the waiting posts have been sent.")
            )
            return False
        if choice == "leave":
            # "Send next time": from now on nothing is sent by this desk, even while it is
            # still closing; the posts wait in the database.
            for desk in self.slot_desks.values():
                desk.shutdown()
            return True
        return False

    def on_slot_desk_sending_finished(self, slot: Slot) -> None:
        if self._close_when_sent and self.pending_posts() == 0:
            self.window.close()

    # --- settings ---------------------------------------------------------------------------

    def on_action_settings_triggered(self) -> None:
        if self.settings is None:
            return
        from humasdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.window)
        dialog.set_signing_key_text(self.signing_key_text())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_saved.connect(self.on_settings_saved)
        self.settings_dialog = dialog
        self._read_storage_status()
        dialog.open()

    def _read_storage_status(self) -> None:
        """Where tokens are kept, for an open Settings dialog (asked again once the token
        store is up, if Settings was opened before)."""
        dialog = self.settings_dialog
        if self.service is None or dialog is None or not shiboken6.isValid(dialog):
            return
        self._long_work.submit(
            self.service.store.status, on_done=self.on_storage_status_read, on_error=None
        )

    def on_storage_status_read(self, status: StorageStatus) -> None:
        dialog = self.settings_dialog
        if dialog is None or not shiboken6.isValid(dialog) or self.service is None:
            return  # closed (and deleted) before the keyring answered
        if self.service.store.persistent:
            text = self.tr("the system keyring (%1)").replace("%1", status.backend_name)
        else:
            text = session_only_warning(getattr(self.service.store, "problem", None))
        dialog.set_storage_text(text)

    def on_settings_saved(self, restart: bool) -> None:
        """Some settings (the language, the X app) apply at the next start: offer to restart
        now. Closing goes through the usual guard, so waiting posts are never dropped."""
        if not restart:
            self.window.statusBar().showMessage(self.tr("Settings saved."), 10000)
            return
        from humasdesk.gui.slot_desk import ask_yes_no

        ask = self._ask or ask_yes_no
        if ask(
            self.window,
            self.tr("Restart HumasDesk"),
            self.tr("Settings saved. They take effect when HumasDesk starts again. Restart now?"),
        ):
            self.restart_wanted = True
            if not self.window.close() and not self._close_when_sent:
                self.restart_wanted = False  # the official chose to keep the desk open
            return
        self.window.statusBar().showMessage(
            self.tr("Settings saved. Changes take effect after HumasDesk is started again."),
            10000,
        )

    # --- storage ----------------------------------------------------------------------------

    def _show_storage_state(self) -> None:
        store = self.service.store if self.service is not None else None
        text = ""
        if store is not None and not store.persistent:
            text = session_only_warning(getattr(store, "problem", None))
        self.window.show_storage_notice(text)  # once, for the laptop; not in each pane

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop sign-ins and workers. Waits up to `timeout` s for a job in flight (its
        network call has its own time-out), so nothing is cut off mid-write."""
        for attempt in list(self._attempts.values()):
            attempt.cancel()
        self._attempts.clear()
        for desk in self.slot_desks.values():
            desk.shutdown()
        if self.privacy_menu is not None:
            self.privacy_menu.shutdown(timeout)
        workers = [*self._workers.values(), self._long_work]
        log_view = self.log_window
        if log_view is not None:
            workers.append(log_view.worker)
            log_view.close()
        if not shutdown_all(workers, timeout):
            logger.warning("a background job was still running at shutdown")
