"""A pane's scheduled posts: the composer's "Jadwalkan…" button, the "Terjadwal" tab and the
missed posts listed at start, over `services.schedule.Scheduler`.

Every database call runs on the pane's worker (the slot's `Worker`, in order with its
sends), with plain data captured on the GUI thread before it is submitted; results come
back on the GUI thread and only then touch widgets. Sending itself is the pane's send round
(`SlotDesk`): a due post goes through the durable outbox like any other, without the undo
window (the official confirmed when scheduling).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QInputDialog, QPushButton

from humasdesk.core.models import Slot
from humasdesk.core.schedule import ScheduleProblem, format_local
from humasdesk.gui.modal import run_modal
from humasdesk.gui.schedule.dialog import ask_due_time
from humasdesk.gui.schedule.model import first_line
from humasdesk.gui.schedule.view import ScheduleView
from humasdesk.gui.theme import follow_font
from humasdesk.services.os_timer import timer_installed

if TYPE_CHECKING:
    from humasdesk.core.compose import Draft
    from humasdesk.core.models import Account
    from humasdesk.gui.slot_desk import SlotDesk
    from humasdesk.services.outbox import CancelResult, Outbox, RecentPost
    from humasdesk.services.schedule import Scheduler, ScheduleResult
    from humasdesk.services.session import AccountSession
    from humasdesk.store.outbox_store import OutboxItem

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CalendarState:
    items: list[OutboxItem]  # the period shown, any state
    missed: list[OutboxItem]  # every missed post of the pane
    timer: bool = True  # the OS timer runs `humasdesk sync` with the desk closed


# --- the worker's jobs: plain data in, plain data out (no widget, no GUI state) ------------


def _mark_missed(scheduler: Scheduler, slot: Slot) -> list[OutboxItem]:
    scheduler.mark_missed(slot)
    return scheduler.missed(slot)


def _calendar(scheduler: Scheduler, slot: Slot, start: datetime, end: datetime) -> CalendarState:
    return CalendarState(
        items=scheduler.calendar(slot, start, end),
        missed=scheduler.missed(slot),
        timer=timer_installed(),
    )


def _schedule(
    scheduler: Scheduler,
    outbox: Outbox,
    account: Account,
    draft: Draft,
    due: datetime,
    quiet_confirmed: bool,
    other: list[RecentPost],
) -> ScheduleResult:
    result = scheduler.schedule_draft(
        account, draft, due, confirmed=True, quiet_confirmed=quiet_confirmed, other_recent=other
    )
    if result.ok:
        outbox.clear_draft(draft.slot)
    return result


class _MirrorEnabled(QObject):
    """Keeps the schedule button enabled exactly when the send button is (the composer's
    checks decide both)."""

    def __init__(self, source: QPushButton, target: QPushButton) -> None:
        super().__init__(target)
        self.target = target
        source.installEventFilter(self)
        target.setEnabled(source.isEnabled())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            self.target.setEnabled(watched.isEnabled())  # type: ignore[attr-defined]
        return False


class ScheduleController(QObject):
    """Wires one pane's scheduling to its worker. `pick_time` (tests: a stand-in) asks when."""

    def __init__(self, slot_desk: SlotDesk) -> None:
        super().__init__(slot_desk)
        self.desk = slot_desk
        self.slot: Slot = slot_desk.slot
        self.pane = slot_desk.pane
        self.worker = slot_desk.worker
        self.pick_time = ask_due_time
        self.edit_text = self._ask_text
        self._missed_shown = False
        self._missed_known: set[int] | None = None  # missed ids already told about
        self._known: dict[int, OutboxItem] = {}  # every item loaded, by id (latest version)
        composer = self.pane.composer
        self.button = QPushButton(self.tr("Schedule…"), composer)
        self.button.setObjectName("scheduleButton")
        self.button.setAccessibleName(self.tr("Schedule this post"))
        follow_font(self.button)
        self.button.clicked.connect(self.on_button_clicked)
        layout = composer.layout()
        self._insert_before_send(layout.itemAt(layout.count() - 1).layout())
        _MirrorEnabled(composer.send_button, self.button)
        composer.setTabOrder(composer.official_capacity, self.button)
        composer.setTabOrder(self.button, composer.send_button)

        self.view = ScheduleView(self.slot, self.pane)
        tabs = self.pane.tabs
        tabs.addTab(self.view, self.tr("Scheduled"))
        # Four tabs in a narrow pane: long labels are shortened rather than scrolled (Qt's
        # scroll arrows are too small to see and to hit).
        tabs.setUsesScrollButtons(False)
        tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.view.period_changed.connect(self.refresh)
        self.view.move_requested.connect(self.on_view_move_requested)
        self.view.edit_requested.connect(self.on_view_edit_requested)
        self.view.send_now_requested.connect(self.on_view_send_now_requested)
        self.view.cancel_requested.connect(self.on_view_cancel_requested)
        self.view.move_to_day_requested.connect(self.on_view_move_to_day_requested)
        slot_desk.sending_finished.connect(lambda _slot: self.refresh())

    def _insert_before_send(self, tools: Any) -> None:
        """The composer's tool row is a flow layout: the send button stays its last item."""
        send = self.pane.composer.send_button
        tools.removeWidget(send)
        tools.addWidget(self.button)
        tools.addWidget(send)

    @property
    def scheduler(self) -> Scheduler:
        schedule = self.desk.services.schedule
        assert schedule is not None
        return schedule

    # --- session ------------------------------------------------------------------------------

    def attach(self, session: AccountSession) -> None:
        """Signed in: late posts become missed and are listed (once per start)."""
        if not self._missed_shown:
            self._missed_shown = True
            self.worker.submit(
                _mark_missed, self.scheduler, self.slot,
                on_done=self.on_missed_checked, on_error=self.on_job_failed,
            )  # fmt: skip
        self.refresh()

    def on_missed_checked(self, missed: list[OutboxItem]) -> None:
        self._missed_known = {i.id for i in missed}
        if missed:
            self.pane.tabs.setCurrentWidget(self.view)
            self._tell_missed(len(missed))
        self.refresh()

    def _tell_missed(self, count: int) -> None:
        """In the pane, the status bar and the tray (as new mentions are told): how many,
        never their words."""
        text = self.tr(
            "%1 scheduled post(s) missed their time and were not sent: see the Scheduled tab."
        ).replace("%1", str(count))
        self.pane.show_error(text)
        window = self.pane.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 15000)
        tray = getattr(self.desk.parent(), "_tray", None)
        icon = tray() if callable(tray) else None
        if icon is not None:
            icon.showMessage("HumasDesk", text)

    # --- the calendar -------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.view.bounds()
        self.worker.submit(
            _calendar, self.scheduler, self.slot, start, end, on_done=self.on_calendar_loaded,
            on_error=self.on_job_failed,
        )  # fmt: skip

    def on_calendar_loaded(self, state: CalendarState) -> None:
        self._known.update({i.id: i for i in (*state.items, *state.missed)})
        self.view.set_items(state.items, state.missed)
        self.view.show_timer_hint(not state.timer)
        if self._missed_known is not None:
            new = {i.id for i in state.missed} - self._missed_known
            self._missed_known |= new
            if new:  # the laptop slept with the desk open: said at once, not only at start
                self._tell_missed(len(state.missed))
        count = sum(1 for i in state.items if i.state.value == "scheduled")
        text = (
            self.tr("Scheduled (%1)").replace("%1", str(count)) if count else self.tr("Scheduled")
        )
        self.pane.tabs.setTabText(self.pane.tabs.indexOf(self.view), text)

    # --- scheduling from the composer ---------------------------------------------------------

    def on_button_clicked(self) -> None:
        session = self.desk.session
        if session is None:
            return
        composer = self.pane.composer
        draft = composer.draft()
        if not all(c.ok for c in composer.checks()):
            composer.refresh()
            return
        if not composer.wording.may_send():  # issue 17: the wording warning, one more click
            return
        if self.slot is Slot.OFFICE and self.desk.confirm_office_posts:
            if not self.desk._confirm(draft):
                composer.save_draft_soon()
                return
        due = self.pick_time(
            self.pane, self.tr("Schedule post"),
            self.tr("When should this post go out from @%1?\n“%2”")
            .replace("%1", session.account.username).replace("%2", first_line(draft.text)),
            None, "",
        )  # fmt: skip
        if due is None:
            return
        self._submit_schedule(session.account, draft, due, quiet_confirmed=False)

    def _submit_schedule(
        self, account: Account, draft: Draft, due: datetime, *, quiet_confirmed: bool
    ) -> None:
        other = list(self.desk._other_recent())
        self.pane.composer.setEnabled(False)
        self.worker.submit(
            _schedule, self.scheduler, self.desk.services.outbox, account, draft, due,
            quiet_confirmed, other,
            on_done=lambda r: self.on_scheduled(r, account, draft, due),
            on_error=self.on_job_failed,
        )  # fmt: skip

    def on_scheduled(
        self, result: ScheduleResult, account: Account, draft: Draft, due: datetime
    ) -> None:
        composer = self.pane.composer
        self.desk._enable_composer()
        if result.ok:
            composer.clear()
            self.view.show_week_of(due.astimezone().date())
            self.pane.tabs.setCurrentWidget(self.view)
            self.view.show_status("")
            self.desk.post_queued.emit(self.slot)
            self.worker.submit(
                _calendar, self.scheduler, self.slot, *self.view.bounds(),
                on_done=lambda s: self._loaded_then_select(s, result.items[0].id),
                on_error=self.on_job_failed,
            )  # fmt: skip
            self.desk._run_send_round()  # "now" or a near time: the send timer learns it
            return
        composer.save_draft_soon()
        if result.problem is ScheduleProblem.QUIET_PERIOD:
            if self._quiet_ok(due, result):
                self._submit_schedule(account, draft, due, quiet_confirmed=True)
            return
        composer.show_notice(self.refusal_text(result))

    def _quiet_ok(self, due: datetime, result: ScheduleResult) -> bool:
        """The second confirmation for a time in the pane's quiet period."""
        question = (
            self.tr("%1 falls in this account's quiet period (%2). Schedule it anyway?")
            .replace("%1", format_local(due))
            .replace("%2", str(result.quiet))
        )
        return self.desk._ask(self.pane, self.tr("Quiet period"), question)

    def _loaded_then_select(self, state: CalendarState, item_id: int) -> None:
        self.on_calendar_loaded(state)
        self.view.select(item_id)
        self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refusal_text(self, result: ScheduleResult) -> str:
        if result.problem is ScheduleProblem.IN_PAST:
            return self.tr("This time has already passed.")
        if result.problem is ScheduleProblem.TOO_FAR:
            return self.tr("A post can be scheduled at most a year ahead.")
        if result.duplicate is not None:
            return self.tr(
                "The same text is sent or scheduled from @%1 within 24 hours of this time. X "
                "does not allow the same content from several accounts."
            ).replace("%1", self.desk._other_handle())
        if result.gone:
            return self.tr("This post is no longer waiting (it was sent or cancelled).")
        if result.checks:
            from humasdesk.gui.composer import problem_text

            for check in result.checks:
                for p in check.problems:
                    return problem_text(p)
        return self.tr("The post could not be scheduled.")

    # --- the calendar's actions ---------------------------------------------------------------

    def _item(self, item_id: int) -> OutboxItem | None:
        """The item as last loaded (also from a period no longer shown: a drag may end in
        another month)."""
        return self._known.get(item_id)

    def on_view_move_requested(self, item_id: int, quiet_confirmed: bool = False) -> None:
        item = self._item(item_id)
        if item is None:
            return
        due = self.pick_time(
            self.pane, self.tr("Change time"),
            self.tr("New time for “%1”").replace("%1", first_line(item.text)),
            item.due_at, self.tr("Change time"),
        )  # fmt: skip
        if due is None:
            return
        self._submit_move(item_id, due, False)

    def on_view_move_to_day_requested(self, item_id: int, day: date) -> None:
        """Dragged onto another day: the same time of day there (the laptop's clock)."""
        item = self._item(item_id)
        if item is None or item.due_at is None:
            return
        local = item.due_at.astimezone()
        due = datetime.combine(day, local.time().replace(tzinfo=None)).astimezone()
        if due.astimezone(UTC) == item.due_at:
            return
        self._submit_move(item_id, due.astimezone(UTC), False)

    def _submit_move(self, item_id: int, due: datetime, quiet_confirmed: bool) -> None:
        self.worker.submit(
            partial(self.scheduler.move, item_id, due, quiet_confirmed=quiet_confirmed),
            on_done=lambda r: self.on_moved(r, item_id, due), on_error=self.on_job_failed,
        )  # fmt: skip

    def on_moved(self, result: ScheduleResult, item_id: int, due: datetime) -> None:
        if result.problem is ScheduleProblem.QUIET_PERIOD:
            if self._quiet_ok(due, result):
                self._submit_move(item_id, due, True)
            return
        self.view.show_status("" if result.ok else self.refusal_text(result))
        if result.ok:
            self.view.show_week_of(due.astimezone().date())
            self.desk._run_send_round()
        self.refresh()

    def _ask_text(self, text: str) -> str | None:
        dialog = QInputDialog(self.pane)
        dialog.setWindowTitle(self.tr("Edit scheduled post"))
        dialog.setLabelText(self.tr("Text of the post"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
        dialog.setTextValue(text)
        dialog.setOkButtonText(self.tr("Save"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        if run_modal(dialog) != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def on_view_edit_requested(self, item_id: int) -> None:
        item = self._item(item_id)
        if item is None:
            return
        text = self.edit_text(item.text)
        if text is None or text == item.text:
            return
        self.worker.submit(
            partial(self.scheduler.edit, item_id, text),
            on_done=self.on_edited, on_error=self.on_job_failed,
        )  # fmt: skip

    def on_edited(self, result: ScheduleResult) -> None:
        self.view.show_status("" if result.ok else self.refusal_text(result))
        self.refresh()

    def on_view_send_now_requested(self, item_id: int) -> None:
        self.worker.submit(
            partial(self.scheduler.send_now, item_id),
            on_done=self.on_sent_now, on_error=self.on_job_failed,
        )  # fmt: skip

    def on_sent_now(self, result: ScheduleResult) -> None:
        self.view.show_status("" if result.ok else self.refusal_text(result))
        if result.ok:
            self.desk._run_send_round()
        self.refresh()

    def on_view_cancel_requested(self, item_id: int) -> None:
        self.worker.submit(
            partial(self.scheduler.cancel, item_id),
            on_done=self.on_cancelled, on_error=self.on_job_failed,
        )  # fmt: skip

    def on_cancelled(self, result: CancelResult) -> None:
        if result.ok and result.draft is not None:
            self.pane.composer.load_draft(result.draft)  # the text comes back, nothing lost
            self.pane.composer.parts[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.show_status("")
        elif not result.ok:
            self.view.show_status(self.tr("Too late to cancel: the post is being sent or sent."))
        self.refresh()

    def on_job_failed(self, exc: BaseException) -> None:
        logger.error("schedule: a job failed: %s", type(exc).__name__)
        self.view.show_status(self.tr("Something went wrong; see the log file."))
