"""Wires the window to the services: sign both slots in, then load each pane.

All X work runs on one worker per slot, so each account's client is used from
one thread and the GUI thread never waits on the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from humasdesk.core.models import Post, Slot
from humasdesk.gui.main_window import MainWindow
from humasdesk.gui.messages import describe_error
from humasdesk.gui.tasks import Worker
from humasdesk.services.session import AccountSession, SlotConflict, ensure_distinct
from humasdesk.services.timeline import recent_posts

logger = logging.getLogger(__name__)

ConnectBackend = Callable[[], str]
SignIn = Callable[[Slot, str], AccountSession]


class DeskController(QObject):
    """Signals:
    session_opened(Slot): a slot is signed in and its header shows the account.
    posts_loaded(Slot): a pane's recent posts are on screen.
    slot_failed(Slot, str): a slot could not be signed in or loaded; the text is shown.
    """

    session_opened = Signal(object)
    posts_loaded = Signal(object)
    slot_failed = Signal(object, str)

    def __init__(
        self,
        window: MainWindow,
        *,
        connect_backend: ConnectBackend | None,
        sign_in: SignIn,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._connect_backend = connect_backend
        self._sign_in = sign_in
        self.sessions: dict[Slot, AccountSession] = {}
        self._workers = {slot: Worker(f"x-{slot.value}", self) for slot in Slot}

    def start(self) -> None:
        """Connect to X (or the practice sandbox) and sign both slots in, in the background."""
        if self._connect_backend is None:
            for pane in self.window.panes.values():
                pane.show_signed_out()
            return
        # The office worker brings the backend up; both slots then sign in in parallel.
        self._workers[Slot.OFFICE].submit(
            self._connect_backend, on_done=self.on_backend_ready, on_error=self.on_backend_failed
        )

    def on_backend_ready(self, base_url: str) -> None:
        for slot, worker in self._workers.items():
            worker.submit(
                self._sign_in,
                slot,
                base_url,
                on_done=partial(self.on_slot_signed_in, slot),
                on_error=partial(self.on_slot_error, slot),
            )

    def on_backend_failed(self, exc: BaseException) -> None:
        logger.error("practice backend failed to start: %s", type(exc).__name__)
        for slot in Slot:
            self.on_slot_error(slot, exc)

    def on_slot_signed_in(self, slot: Slot, session: AccountSession) -> None:
        try:
            ensure_distinct(self.sessions, session)
        except SlotConflict as exc:
            self.on_slot_error(slot, exc)
            return
        self.sessions[slot] = session
        logger.info("slot %s signed in (user id %s)", slot.value, session.account.user_id)
        self.window.panes[slot].show_account(session.account)
        self.session_opened.emit(slot)
        self.refresh_posts(slot)

    def refresh_posts(self, slot: Slot) -> None:
        session = self.sessions[slot]
        self._workers[slot].submit(
            recent_posts,
            session,
            on_done=partial(self.on_posts_loaded, slot),
            on_error=partial(self.on_slot_error, slot),
        )

    def on_posts_loaded(self, slot: Slot, posts: list[Post]) -> None:
        self.window.panes[slot].show_posts(posts)
        logger.info("slot %s: %d posts shown", slot.value, len(posts))
        self.posts_loaded.emit(slot)

    def on_slot_error(self, slot: Slot, exc: BaseException) -> None:
        if isinstance(exc, SlotConflict):
            message = self.tr(
                "@%1 is already signed in to the other pane. One X account can sit in one "
                "pane only."
            ).replace("%1", exc.username)
        else:
            message = describe_error(exc)
        logger.warning("slot %s failed: %s", slot.value, type(exc).__name__)
        self.window.panes[slot].show_error(message)
        self.slot_failed.emit(slot, message)

    def shutdown(self) -> None:
        for worker in self._workers.values():
            worker.shutdown(wait=False)
