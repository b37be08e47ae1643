"""One pane's work once its account is signed in: compose → outbox → X, the mentions
inbox, the posts tab, quota and cost.

Every database and X call runs on the slot's worker (`Worker`), in order; results
come back on the GUI thread and only then touch widgets. Timers on the GUI thread
decide *when* to send or sync; the worker does the work.

Signals:
    sending_finished(Slot): a send round ended (the outbox view is up to date).
    posts_shown(Slot, int): the posts tab shows the account's posts from X.
    mentions_synced(Slot, int): a sync ended with this many new mentions.
    post_queued(Slot): the composer's content went into the outbox.
    queue_refused(Slot, str): the outbox refused the content; the text says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from humasdesk.core.cost import month_key
from humasdesk.core.errors import CreditsDepleted
from humasdesk.core.models import Post, Slot
from humasdesk.gui.confirm_dialog import confirm_post
from humasdesk.gui.messages import credits_text, describe_error
from humasdesk.gui.modal import run_modal
from humasdesk.gui.tasks import Worker

if TYPE_CHECKING:
    from humasdesk.core.compose import Draft
    from humasdesk.gui.confirm_dialog import ConfirmPost
    from humasdesk.gui.pane import AccountPane
    from humasdesk.services.desk_services import DeskServices
    from humasdesk.services.mentions import SyncResult
    from humasdesk.services.outbox import (
        CancelResult,
        Pause,
        QueueResult,
        RecentPost,
        SendOutcome,
    )
    from humasdesk.services.posting import Quota
    from humasdesk.services.session import AccountSession
    from humasdesk.store.mentions_store import Mention
    from humasdesk.store.outbox_store import OutboxItem

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Even with nothing due, look at the outbox this often (a retry time may have come).
OUTBOX_RECHECK_MS = 30_000
OUTBOX_ITEMS_SHOWN = 200
INBOX_SHOWN = 500


Ask = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question with Indonesian buttons (Qt ships no Indonesian translation of
    its standard Yes/No)."""
    from PySide6.QtCore import QCoreApplication

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    yes = box.addButton(
        QCoreApplication.translate("SlotDesk", "Yes"), QMessageBox.ButtonRole.YesRole
    )
    no = box.addButton(QCoreApplication.translate("SlotDesk", "No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    run_modal(box)
    return box.clickedButton() is yes


@dataclass(frozen=True)
class OutboxState:
    items: list[OutboxItem]
    next_wake: datetime | None
    quota: Quota | None
    cost: Decimal | None  # the agency's month (both accounts)
    offline: bool
    pause: Pause | None = None  # X's rate limit or usage cap holds this account's sends
    cost_month: str = ""


@dataclass(frozen=True)
class InboxState:
    mentions: list[Mention]
    unread: int


class SlotDesk(QObject):
    sending_finished = Signal(object)
    posts_shown = Signal(object, int)
    mentions_synced = Signal(object, int)
    post_queued = Signal(object)
    queue_refused = Signal(object, str)

    def __init__(
        self,
        slot: Slot,
        pane: AccountPane,
        worker: Worker,
        services: DeskServices,
        *,
        other_recent: Callable[[], list[RecentPost]],  # what the other pane posted lately
        confirm_office_posts: bool = True,
        confirm: ConfirmPost | None = None,
        ask: Ask | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.slot = slot
        self.pane = pane
        self.worker = worker
        self.services = services
        self._other_recent = other_recent
        self.confirm_office_posts = confirm_office_posts
        self._confirm_post = confirm or confirm_post
        self._refocus_composer = False  # focus was in the composer when it was disabled
        self._ask = ask or ask_yes_no
        self.session: AccountSession | None = None
        self.posts: list[Post] = []
        self._sending = False
        self._syncing = False
        self._closing = False
        self._send_timer = QTimer(self)
        self._send_timer.setSingleShot(True)
        self._send_timer.timeout.connect(self.on_send_timer_timeout)
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.timeout.connect(self.on_sync_timer_timeout)
        self._wired = False
        self._carried_over_checked = False
        from humasdesk.gui.aduan.controller import AduanDesk  # issue 17: the register

        self.aduan = AduanDesk(self)
        self.reach: Any = None  # the Kiriman tab's reach (gui.reach_view), once wired

    def _wire(self) -> None:
        """Connect to the pane's composer and tabs (built when the pane first shows an
        account, after the window has painted)."""
        if self._wired:
            return
        self._wired = True
        pane = self.pane
        composer = pane.composer
        composer.send_requested.connect(self.on_composer_send_requested)
        composer.draft_changed.connect(self.on_composer_draft_changed)
        pane.outbox_view.cancel_requested.connect(self.on_outbox_cancel_requested)
        pane.outbox_view.retry_requested.connect(self.on_outbox_retry_requested)
        pane.carried_over.cancel_requested.connect(self.on_outbox_cancel_requested)
        pane.inbox_view.reply_requested.connect(self.on_inbox_reply_requested)
        pane.inbox_view.read_requested.connect(self.on_inbox_read_requested)
        pane.inbox_view.handled_requested.connect(self.on_inbox_handled_requested)
        pane.inbox_view.ignore_requested.connect(self.on_inbox_ignore_requested)
        pane.inbox_view.complaint_toggled.connect(self.on_inbox_complaint_toggled)
        pane.posts_view.delete_requested.connect(self.on_posts_delete_requested)
        pane.posts_view.refresh_requested.connect(self.refresh_posts)
        pane.credits_retry_requested.connect(self.on_pane_credits_retry_requested)
        from humasdesk.gui.schedule.controller import ScheduleController  # issue 15

        self.schedule = ScheduleController(self)
        # issue 17: an office post should not name the personal account
        composer.wording.personal_handles = lambda: [h for h in [self._other_handle()] if h != "?"]
        self.aduan.build()
        from humasdesk.gui.reach_view import ReachController, ReachPanel  # issue 16

        self.reach = ReachController(
            ReachPanel(pane.posts_view), self.worker, self.services, self._call,
            self.on_job_failed, lambda: self.session, pane.show_metrics_cost, parent=self,
        )  # fmt: skip

    # --- session ----------------------------------------------------------------------------

    def attach(self, session: AccountSession) -> None:
        """The slot is signed in: restore its draft, show its queue, inbox and posts."""
        self.session = session
        self._wire()
        self.pane.composer.set_handle(session.account.username)
        self.worker.submit(self._load_draft, on_done=self.on_draft_loaded)
        self.refresh_posts()
        if not self._carried_over_checked:
            # Before the first send round (the worker runs jobs in order): what the last
            # session left waits a new undo window, and the official is told.
            self._carried_over_checked = True
            self.worker.submit(
                self.services.outbox.carry_over,
                self.slot,
                on_done=self.on_carried_over,
                on_error=self.on_job_failed,
            )
        self._run_send_round()  # anything left from last time (it checks X first)
        self._run_sync()
        self.schedule.attach(session)  # missed scheduled posts are listed (issue 15)
        self.aduan.refresh()

    def detach(self) -> None:
        """Signed out or session ended: stop timers; queued posts wait for the next sign-in."""
        self.session = None
        self._send_timer.stop()
        self._sync_timer.stop()
        if self._wired:
            self.pane.composer.set_handle("")

    def on_carried_over(self, items: list[OutboxItem]) -> None:
        if not items:
            return
        self.pane.carried_over.show_items(items)
        self.pane.show_tab("outbox")  # the countdown of each is there

    def _load_draft(self) -> Draft | None:
        """The saved draft; a reply gets back whom it answers (from the inbox)."""
        from dataclasses import replace

        draft = self.services.outbox.load_draft(self.slot)
        if draft is not None and draft.reply_to:
            mention = self.services.mentions_store.get(draft.reply_to)
            if mention is not None:
                draft = replace(
                    draft, reply_author=mention.author_username or "", reply_text=mention.text or ""
                )
        return draft

    def on_draft_loaded(self, draft: Draft | None) -> None:
        if draft is not None and self.pane.composer.draft().is_empty:
            self.pane.composer.load_draft(draft)

    # --- composing --------------------------------------------------------------------------

    def on_composer_draft_changed(self, draft: Draft) -> None:
        self.worker.submit(self.services.outbox.save_draft, draft)

    def on_composer_send_requested(self, draft: Draft) -> None:
        session = self.session
        if session is None:
            return
        if self.slot is Slot.OFFICE and self.confirm_office_posts and not self._confirm(draft):
            self.pane.composer.save_draft_soon()  # back to editing: the text stays the draft
            return
        other = list(self._other_recent())
        focus = self.pane.window().focusWidget()
        self._refocus_composer = focus is not None and self.pane.composer.isAncestorOf(focus)
        self.pane.composer.setEnabled(False)  # no double send while it is being queued
        self.worker.submit(
            self._enqueue,
            session,
            draft,
            other,
            on_done=self.on_enqueued,
            on_error=self.on_enqueue_failed,
        )

    def _confirm(self, draft: Draft) -> bool:
        assert self.session is not None
        return self._confirm_post(self.pane, self.slot, self.session.account, draft)

    def _enqueue(
        self, session: AccountSession, draft: Draft, other: list[RecentPost]
    ) -> tuple[QueueResult, OutboxState]:
        result = self.services.outbox.enqueue_draft(session.account, draft, other_recent=other)
        if result.ok:
            self.services.outbox.clear_draft(self.slot)
        return result, self._outbox_state(session)

    def on_enqueued(self, outcome: tuple[QueueResult, OutboxState]) -> None:
        result, state = outcome
        composer = self.pane.composer
        self._enable_composer()
        self.show_outbox(state)
        if result.ok:
            composer.clear()
            self.pane.show_tab("outbox")
            # Selected at once, so Batalkan works with one click inside the undo window.
            if result.items:
                self.pane.outbox_view.select(result.items[0].id)
            self.post_queued.emit(self.slot)
            return
        composer.save_draft_soon()  # not queued: the text stays, and stays the draft
        if result.duplicate is not None:
            self._offer_repost(result)
            return
        composer.refresh()  # shows why (over-long, empty, an image without description)
        self.queue_refused.emit(self.slot, composer.problems_label.text())

    def _offer_repost(self, result: QueueResult) -> None:
        duplicate = result.duplicate
        assert duplicate is not None
        other_handle = self._other_handle()
        text = self.tr(
            "This text was already sent or queued from @%1 in the last 24 hours. X does not "
            "allow the same content from several accounts."
        ).replace("%1", other_handle)
        self.pane.composer.show_notice(text)  # the text stays in the composer
        self.queue_refused.emit(self.slot, text)
        if duplicate.other_post_id is None or self.session is None:
            return
        question = self.tr("Repost it from @%1 instead?").replace(
            "%1", self.session.account.username
        )
        if self._ask(self.pane, self.tr("Not sent"), text + "\n\n" + question):
            # Through the outbox like any post: the undo window, Batalkan, the log.
            self.worker.submit(
                self._enqueue_repost,
                self.session,
                duplicate.other_post_id,
                duplicate.other_text,
                on_done=self.on_enqueued,
                on_error=self.on_enqueue_failed,
            )

    def _enqueue_repost(
        self, session: AccountSession, post_id: str, text: str
    ) -> tuple[QueueResult, OutboxState]:
        result = self.services.outbox.enqueue_repost(self.slot, session.account, post_id, text)
        self.services.outbox.clear_draft(self.slot)
        return result, self._outbox_state(session)

    def _other_handle(self) -> str:
        return getattr(self.pane, "other_handle", "") or "?"

    # --- the outbox -------------------------------------------------------------------------

    def _call(self, session: AccountSession, fn: Callable[[AccountSession], T]) -> T:
        return self.services.accounts.call(session, fn)

    def _outbox_state(
        self, session: AccountSession | None, outcomes: list[SendOutcome] | None = None
    ) -> OutboxState:
        """Runs on the worker: `session` is passed in, never read from `self` (the GUI
        thread changes it on sign-in and sign-out)."""
        from humasdesk.services.outbox import SendStatus
        from humasdesk.services.posting import quota

        outbox = self.services.outbox
        offline = bool(outcomes) and any(
            o.status is SendStatus.RETRY_SCHEDULED and o.kind in ("network", "server")
            for o in outcomes or ()
        )
        return OutboxState(
            pause=(
                self.services.sender.pause_of(session.account.user_id)
                if session is not None
                else None
            ),
            items=[  # scheduled and missed posts are in the Terjadwal tab (issue 15)
                i for i in outbox.items(self.slot) if i.state.value not in ("scheduled", "missed")
            ][:OUTBOX_ITEMS_SHOWN],
            next_wake=outbox.next_wake(self.slot),
            quota=quota(session) if session is not None else None,
            cost=self.services.usage.estimate() if session is not None else None,
            cost_month=month_key(datetime.now(UTC)),
            offline=offline,
        )

    def _run_send_round(self) -> None:
        session = self.session
        if session is None or self._sending or self._closing:
            return
        self._sending = True
        self.worker.submit(
            self._send_due, session, on_done=self.on_send_round_done, on_error=self.on_job_failed
        )

    def _send_due(self, session: AccountSession) -> tuple[list[SendOutcome], OutboxState]:
        outcomes = self.services.sender.send_due(session, call=self._call)
        return outcomes, self._outbox_state(session, outcomes)

    def on_send_round_done(self, result: tuple[list[SendOutcome], OutboxState]) -> None:
        from humasdesk.services.outbox import SendStatus

        self._sending = False
        outcomes, state = result
        self.show_outbox(state)
        if any(o.status is SendStatus.SIGN_IN_NEEDED for o in outcomes):
            self.pane.show_error(
                self.tr("Session ended — sign in again. Queued posts wait and are not lost.")
            )
        if any(o.status is SendStatus.SENT for o in outcomes):
            self.refresh_posts()
            self.refresh_inbox()  # a sent reply turns its mention to "dibalas"
        self.sending_finished.emit(self.slot)

    def on_send_timer_timeout(self) -> None:
        self._run_send_round()

    def show_outbox(self, state: OutboxState) -> None:
        self.pane.outbox_view.set_items(state.items)
        self.pane.carried_over.keep_only(
            {i.id for i in state.items if i.state.value == "queued" or i.will_retry}
        )
        self.pane.show_quota(state.quota, None)
        self._show_cost(state.cost, state.cost_month)
        waiting = sum(1 for i in state.items if i.state.value in ("queued", "sending", "failed")
                      and (i.state.value != "failed" or i.will_retry))  # fmt: skip
        self.pane.show_offline(waiting if state.offline else None)
        self._show_pause(state.pause)
        self._schedule_send(state.next_wake)

    def _show_cost(self, cost: Decimal | None, month: str) -> None:
        """The month estimate is the agency's: every pane of the window shows it, so the
        other pane's figure does not stay behind this account's work."""
        for pane in self._panes():
            pane.show_cost(cost, month)

    def _panes(self) -> list[AccountPane]:
        """This pane and the window's other signed-in pane (for what is the agency's)."""
        panes = getattr(self.pane.window(), "panes", None) or {self.slot: self.pane}
        return [p for p in panes.values() if p is self.pane or p.account is not None]

    def _show_credits(self, used_up: bool) -> None:
        """The credit is the agency's: both panes say it is used up, or neither."""
        for pane in self._panes():
            pane.show_credits(credits_text() if used_up else "")

    def _show_pause(self, pause: Pause | None) -> None:
        """When X holds this account's posts back, say until when (posts wait, not lost),
        on the outbox tab, where it stays while the pause lasts. A used-up credit is the
        agency's: the pane says so at its top, with who can top it up and "Coba lagi"."""
        credits = pause is not None and pause.status.value == "credits_depleted"
        self._show_credits(credits)
        if pause is None or credits:
            self.pane.outbox_view.show_status("")
            return
        from PySide6.QtCore import QDateTime, QLocale

        local = QDateTime.fromSecsSinceEpoch(int(pause.until.timestamp())).toLocalTime()
        when = QLocale().toString(local, "HH.mm")
        if pause.status.value == "usage_capped":
            text = self.tr(
                "The X app's usage cap is reached: this account sends nothing until %1. "
                "Posts wait in the outbox."
            )
        else:
            text = self.tr(
                "X's request limit was reached: posting resumes at %1. Posts wait in the outbox."
            )
        self.pane.outbox_view.show_status(text.replace("%1", when))

    def _schedule_send(self, next_wake: datetime | None) -> None:
        if self.session is None or self._closing:
            return
        if next_wake is None:
            self._send_timer.start(OUTBOX_RECHECK_MS)
            return
        ms = int((next_wake - datetime.now(UTC)).total_seconds() * 1000)
        self._send_timer.start(max(50, min(ms, OUTBOX_RECHECK_MS)))

    def on_outbox_cancel_requested(self, item_id: int) -> None:
        self.worker.submit(
            self._cancel,
            item_id,
            self.session,
            on_done=self.on_cancelled,
            on_error=self.on_job_failed,
        )

    def _cancel(
        self, item_id: int, session: AccountSession | None
    ) -> tuple[CancelResult, OutboxState]:
        return self.services.outbox.cancel(item_id), self._outbox_state(session)

    def on_cancelled(self, result: tuple[CancelResult, OutboxState]) -> None:
        cancel, state = result
        self.show_outbox(state)
        if cancel.ok and cancel.draft is not None:
            self.pane.composer.load_draft(cancel.draft)  # the text comes back, nothing lost
            self.pane.composer.setFocus()
        elif not cancel.ok:
            self.pane.show_error(self.tr("Too late to cancel: the post is already being sent."))

    def on_pane_credits_retry_requested(self) -> None:
        """ "Coba lagi": ask X at once whether the credit is back (a send round and a sync);
        the notice goes when X answers, or stays if the credit is still used up."""
        session = self.session
        if session is None:
            return
        self.services.sender.resume(session.account.user_id)
        self._run_send_round()
        self.sync_now()

    def on_outbox_retry_requested(self, item_id: int) -> None:
        self.worker.submit(
            self.services.outbox.retry,
            item_id,
            on_done=lambda _: self._run_send_round(),
            on_error=self.on_job_failed,
        )

    # --- the inbox --------------------------------------------------------------------------

    def _run_sync(self) -> None:
        session = self.session
        if session is None or self._syncing or self._closing:
            return
        self._syncing = True
        self.worker.submit(
            self._sync, session, on_done=self.on_sync_done, on_error=self.on_sync_failed
        )

    def _sync(self, session: AccountSession) -> tuple[SyncResult, InboxState, OutboxState]:
        result = self.services.mentions.sync(session, call=self._call)
        return result, self._inbox_state(session), self._outbox_state(session)

    def _inbox_state(self, session: AccountSession) -> InboxState:
        mentions = self.services.mentions
        account_id = session.account.user_id
        return InboxState(
            mentions=list(mentions.inbox(account_id, limit=INBOX_SHOWN)),
            unread=mentions.unread_count(account_id),
        )

    def on_sync_done(self, result: tuple[SyncResult, InboxState, OutboxState]) -> None:
        self._syncing = False
        sync, inbox, outbox = result
        self.pane.inbox_view.set_mentions(inbox.mentions)
        self.pane.show_quota(outbox.quota, None)
        self._show_cost(outbox.cost, outbox.cost_month)
        self._show_pause(outbox.pause)
        self.pane.inbox_view.show_synced(
            datetime.now(UTC), sync.next_poll_s, ok=sync.error is None
        )
        if isinstance(sync.error, CreditsDepleted):
            self.pane.inbox_view.show_sync_status("")  # the pane's credit notice says it
        elif sync.error is not None:
            self.pane.inbox_view.show_sync_status(
                self.tr("Could not sync mentions: %1 Trying again later.").replace(
                    "%1", describe_error(sync.error)
                )
            )
        else:
            self.pane.inbox_view.show_sync_status("")
        if self.session is not None:
            self._sync_timer.start(int(sync.next_poll_s * 1000))
            if self.reach is not None:
                self.reach.after_sync(self.session)  # posts made elsewhere; due readings
        self.mentions_synced.emit(self.slot, sync.new)

    def on_sync_failed(self, exc: BaseException) -> None:
        self._syncing = False
        self.on_job_failed(exc)
        if self.session is not None:
            self._sync_timer.start(120_000)

    def on_sync_timer_timeout(self) -> None:
        self._run_sync()

    def sync_now(self) -> None:
        self._sync_timer.stop()
        self._run_sync()

    def _mention_job(self, fn: Callable[..., object], *args: object) -> None:
        session = self.session
        if session is None:
            return

        def job() -> InboxState:
            fn(*args)
            return self._inbox_state(session)

        self.worker.submit(job, on_done=self.on_inbox_changed, on_error=self.on_job_failed)

    def refresh_inbox(self) -> None:
        self._mention_job(lambda: None)

    def on_inbox_changed(self, inbox: InboxState) -> None:
        self.pane.inbox_view.set_mentions(inbox.mentions)

    def on_inbox_read_requested(self, x_post_id: str) -> None:
        self._mention_job(self.services.mentions.mark_read, x_post_id)

    def on_inbox_handled_requested(self, x_post_id: str) -> None:
        self._mention_job(self.services.mentions.mark_handled, x_post_id)

    def on_inbox_ignore_requested(self, x_post_id: str) -> None:
        from humasdesk.store.mentions_store import MentionState

        self._mention_job(self.services.mentions.mark, x_post_id, MentionState.IGNORED)

    def on_inbox_complaint_toggled(self, x_post_id: str, on: bool) -> None:
        self._mention_job(self.services.mentions.tag_complaint, x_post_id, on)

    def on_inbox_reply_requested(self, mention: Mention) -> None:
        author = mention.author_username or "?"
        preview = f"@{author}: {mention.text[:120]}"
        self.pane.composer.set_reply(
            mention.x_post_id, preview, author=author, text=mention.text
        )
        self.pane.composer.parts[0].edit.setFocus()
        self.on_inbox_read_requested(mention.x_post_id)

    # --- the posts tab ----------------------------------------------------------------------

    def refresh_posts(self) -> None:
        session = self.session
        if session is None:
            return
        from humasdesk.services.posting import own_posts

        def job() -> tuple[list[Post], Decimal, str]:
            page = own_posts(session, call=self._call, usage=self.services.usage)
            return list(page.posts), self.services.usage.estimate(), month_key(datetime.now(UTC))

        self.worker.submit(job, on_done=self.on_posts_loaded, on_error=self.on_job_failed)

    def on_posts_loaded(self, result: tuple[list[Post], Decimal, str]) -> None:
        if self.session is None:
            return  # signed out meanwhile
        posts, cost, month = result
        self._show_cost(cost, month)
        self.posts = posts
        self.pane.show_posts(posts)
        if self.reach is not None:
            self.reach.show(self.session)
        self.posts_shown.emit(self.slot, len(posts))

    def on_posts_delete_requested(self, post_id: str) -> None:
        session = self.session
        if session is None:
            return
        from humasdesk.services.posting import delete_post

        self.worker.submit(
            lambda: delete_post(
                session, self.services.log, post_id, call=self._call, usage=self.services.usage
            ),
            on_done=lambda _: self.refresh_posts(),
            on_error=self.on_job_failed,
        )

    # --- failures ---------------------------------------------------------------------------

    def _enable_composer(self) -> None:
        """Enable the composer again and give the keyboard back to its text: disabling it
        while a post was queued took the focus away."""
        self.pane.composer.setEnabled(True)
        if self._refocus_composer:
            self._refocus_composer = False
            self.pane.composer.parts[0].edit.setFocus()

    def on_enqueue_failed(self, exc: BaseException) -> None:
        self.pane.composer.save_draft_soon()
        self.on_job_failed(exc)

    def on_job_failed(self, exc: BaseException) -> None:
        self._enable_composer()
        logger.warning("slot %s job failed: %s", self.slot.value, type(exc).__name__)
        if isinstance(exc, CreditsDepleted):
            self.pane.show_error("")  # not "Memuat kiriman…" forever: the notice says why
            self._show_credits(True)  # the notice, with "Coba lagi"
            return
        self.pane.show_error(describe_error(exc))

    def shutdown(self) -> None:
        """The desk is closing: nothing more is sent or synced by this desk (a send already
        on its way finishes; what is queued waits in the database for the next start)."""
        self._closing = True
        self._send_timer.stop()
        self._sync_timer.stop()
        pending = self.pane.composer.take_pending_draft() if self._wired else None
        if pending is not None:
            # Typed just before closing: the worker is stopping and would drop a queued
            # save, so this one small write happens here.
            try:
                self.services.outbox.save_draft(pending)
            except Exception as exc:
                logger.warning("draft not saved at close: %s", type(exc).__name__)
