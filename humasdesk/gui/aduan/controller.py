"""One pane's complaint register: the *Aduan* tab, its reminders on the *Mention* tab, in
the pane's header and (through `reminders_changed`) in the tray, the forwarding sheet, the
templates, the suggestions. Service calls run on the pane's worker with plain data.

Signals:
    reminders_changed(object, int, int): slot, near, overdue (counts only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from humasdesk.core.aduan import (
    Case,
    CaseStatus,
    ComplaintClass,
    LaporForm,
    LaporIdError,
    ReminderCounts,
    TransitionError,
    parse_lapor_id,
    reply_slot_problem,
)
from humasdesk.core.models import Slot
from humasdesk.core.templates import DEFAULT_VALUES, Template, TemplateError, lapor_reply_values
from humasdesk.gui.aduan.register_view import RegisterView, reminder_text
from humasdesk.gui.modal import run_modal
from humasdesk.services.aduan import CaseRow
from humasdesk.store.aduan_store import StoredSuggestion

if TYPE_CHECKING:
    from humasdesk.gui.slot_desk import SlotDesk


@dataclass(frozen=True)
class RegisterState:
    rows: list[CaseRow]
    reminders: ReminderCounts
    suggestions: list[tuple[StoredSuggestion, str]]


@dataclass(frozen=True)
class ReplyContext:
    case: Case
    author: str
    text: str
    templates: list[Template]


class AduanDesk(QObject):
    reminders_changed = Signal(object, int, int)

    def __init__(self, slot_desk: SlotDesk, parent: QObject | None = None) -> None:
        super().__init__(parent or slot_desk)
        self.slot_desk = slot_desk
        self.slot: Slot = slot_desk.slot
        self.rule_dirs: Sequence[Path] = ()  # the shipped rules, then the data folder's
        self.agency = ""  # the forwarding sheet's *instansi tujuan* (Settings → Privasi)
        self.view: RegisterView | None = None
        self.header_label: QLabel | None = None
        self.reminders = ReminderCounts()
        self._badge = ""
        self.sheet: Any = None  # the open forwarding sheet
        self.templates_dialog: Any = None
        self.desk_wide: QDialog | None = None
        self.run_dialog: Callable[[QDialog], int] = run_modal  # tests answer dialogs here
        self.open_file: Callable[[Path], object] = _open_file

    @property
    def services(self) -> Any:
        return self.slot_desk.services.aduan

    # -- building ----------------------------------------------------------------------------

    def build(self) -> None:
        """The *Aduan* tab and the header line (the pane's account page exists now)."""
        if self.view is not None:
            return
        pane = self.slot_desk.pane
        if self.rule_dirs:  # the data folder's rules too, as `humasdesk check` reads them
            from humasdesk.gui.aduan.wording_line import rules_for

            pane.composer.wording.rules = rules_for(list(self.rule_dirs))
        self.view = RegisterView(pane.tabs)
        pane.tabs.addTab(self.view, self.tr("Complaints"))
        self.header_label = QLabel(pane.header)
        self.header_label.setObjectName("aduanHeader")
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        self.header_label.setWordWrap(True)
        self.header_label.setVisible(False)
        layout = pane.header.layout()
        if layout is not None:
            layout.insertWidget(2, self.header_label)
        v = self.view
        v.category_requested.connect(self.on_view_category_requested)
        v.status_requested.connect(self.on_view_status_requested)
        v.forward_requested.connect(self.on_view_forward_requested)
        v.reply_requested.connect(self.on_view_reply_requested)
        v.templates_requested.connect(lambda: self.on_view_reply_requested(0))
        v.suggestion_decided.connect(self.on_view_suggestion_decided)
        v.desk_wide_requested.connect(self.on_view_desk_wide_requested)
        v.keywords_requested.connect(self.on_view_keywords_requested)
        v.keywords_button.setVisible(len(self.rule_dirs) > 1)  # a data folder to write in
        pane.unread_changed.connect(lambda _n: self._show_badge())
        pane.inbox_view.complaint_toggled.connect(lambda *_: self.refresh())
        self.slot_desk.mentions_synced.connect(lambda *_: self.refresh())

    # -- the worker's side (plain data in, plain data out) -----------------------------------

    def _account_id(self) -> str | None:
        session = self.slot_desk.session
        return None if session is None else session.account.user_id

    def _submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        self.slot_desk.worker.submit(fn, *args, on_done=on_done, on_error=self.on_job_failed)

    def _state(self, account_id: str, rule_dirs: Sequence[Path]) -> RegisterState:
        cases = self.services
        from humasdesk.core.wording import RulesError, load_keyword_rules
        from humasdesk.paths import rules_dirs

        try:  # read each time: the official may have edited this laptop's keywords
            cases.keyword_rules = load_keyword_rules(list(rule_dirs) or rules_dirs())
        except RulesError:
            cases.keyword_rules = load_keyword_rules(rules_dirs())
        from humasdesk.store.mentions_store import MentionState

        mentions = self.slot_desk.services.mentions
        cases.suggest_for(mentions.inbox(account_id, [MentionState.NEW, MentionState.READ]))
        cases.refresh()
        suggestions = [
            (s, cases.store.mention_text(s.mention_id) or "") for s in cases.suggestions(account_id)
        ]
        return RegisterState(cases.rows(account_id), cases.reminders(account_id), suggestions)

    def refresh(self) -> None:
        account_id = self._account_id()
        if account_id is None or self.services is None:
            return
        self._submit(self._state, account_id, tuple(self.rule_dirs), on_done=self.on_state)

    def on_state(self, state: RegisterState) -> None:
        if self.view is None:
            return
        self.view.set_rows(state.rows)
        self.view.table.resizeColumnsToContents()
        self.view.set_reminders(state.reminders)
        self.view.set_suggestions(state.suggestions)
        open_cases = sum(1 for r in state.rows if not r.case.status.is_final)
        pane = self.slot_desk.pane
        index = pane.tabs.indexOf(self.view)
        pane.tabs.setTabText(
            index,
            self.tr("Complaints (%1)").replace("%1", str(open_cases))
            if open_cases
            else self.tr("Complaints"),
        )
        before = self.reminders
        self.reminders = state.reminders
        self._show_badge()
        if self.header_label is not None:
            self.header_label.setText(reminder_text(state.reminders))
            self.header_label.setVisible(state.reminders.total > 0)
        if state.reminders != before:
            self.reminders_changed.emit(self.slot, state.reminders.near, state.reminders.overdue)

    def _show_badge(self) -> None:
        """The *Mention* tab's badge: the reminder count beside the unread count."""
        pane = self.slot_desk.pane
        text = pane.tabs.tabText(0)
        if self._badge and text.endswith(self._badge):
            text = text[: -len(self._badge)]
        total = self.reminders.total
        self._badge = (
            " " + self.tr("· %1 complaint(s) due").replace("%1", str(total)) if total else ""
        )
        pane.tabs.setTabText(0, text + self._badge)

    def on_job_failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, (TransitionError, TemplateError, LookupError)) else ""
        if self.view is not None and message:
            self.view.reminder_label.setText(message)
            self.view.reminder_label.setVisible(True)
        if not message:
            self.slot_desk.on_job_failed(exc)

    # -- the official's actions ----------------------------------------------------------------

    def _then_refresh(self, fn: Callable[..., Any], *args: Any) -> None:
        self._submit(fn, *args, on_done=lambda _r: self.refresh())

    def on_view_category_requested(self, case_id: int, category: str) -> None:
        self._then_refresh(self.services.set_category, case_id, ComplaintClass(category))

    def on_view_status_requested(self, case_id: int, status: str, reason: str) -> None:
        self._then_refresh(self.services.set_status, case_id, CaseStatus(status), reason or None)

    def on_view_suggestion_decided(self, mention_id: str, accepted: bool) -> None:
        if accepted:
            mentions = self.slot_desk.services.mentions
            self._submit(
                self.services.accept_suggestion, mentions, mention_id,
                on_done=lambda _c: (self.refresh(), self.slot_desk.refresh_inbox()),
            )  # fmt: skip
        else:
            self._then_refresh(self.services.dismiss_suggestion, mention_id)

    # forwarding --------------------------------------------------------------------------------

    def on_view_forward_requested(self, case_id: int) -> None:
        agency = self.agency
        self._submit(
            lambda: (case_id, self.services.lapor_form(case_id, agency=agency)),
            on_done=self.on_lapor_form,
        )

    def on_lapor_form(self, result: tuple[int, LaporForm]) -> None:
        from humasdesk.gui.aduan.forward_sheet import ForwardSheet

        case_id, form = result
        self.sheet = ForwardSheet(case_id, form, self.slot_desk.pane)
        self.sheet.lapor_id_entered.connect(self.on_sheet_lapor_id_entered)
        accepted = self.run_dialog(self.sheet) == QDialog.DialogCode.Accepted
        saved = self.sheet.saved_id
        self.sheet = None
        if accepted and saved:
            self.on_view_reply_requested(case_id, template="Diteruskan ke LAPOR!")

    def on_sheet_lapor_id_entered(self, case_id: int, text: str) -> None:
        sheet = self.sheet
        try:
            parse_lapor_id(text)
        except LaporIdError as exc:
            if sheet is not None:
                sheet.show_result(None, str(exc))
            return

        def done(case: Case) -> None:
            if sheet is not None:
                sheet.show_result(case.lapor_id)
            self.refresh()

        self._submit(self.services.forward, case_id, text, on_done=done)

    # replies and templates ---------------------------------------------------------------------

    def _reply_context(self, case_id: int, session: Any) -> ReplyContext | list[Template]:
        templates = self.services.templates(self.slot)
        if not case_id:
            return templates
        case = self.services.get(case_id)
        if session is not None and case.slot is self.slot and not case.mention_deleted:
            # still on X? (a citizen may have deleted it: the case is kept, and marked)
            accounts = self.slot_desk.services.accounts
            case = accounts.call(session, lambda s: self.services.check_mention(s.client, case_id))
        m = self.slot_desk.services.mentions_store.get(case.mention_id)
        author = (m.author_username or "") if m else ""
        return ReplyContext(case, author, (m.text if m else "") or "", templates)

    def on_view_reply_requested(self, case_id: int, template: str | None = None) -> None:
        """Answer the case's citizen with a template (case 0: the templates alone)."""
        session = self.slot_desk.session  # read here, on the GUI thread
        self._submit(
            self._reply_context,
            case_id,
            session,
            on_done=lambda ctx: self.on_reply_context(ctx, template),
        )

    def on_reply_context(self, ctx: ReplyContext | list[Template], template: str | None) -> None:
        from humasdesk.gui.aduan.templates_dialog import TemplatesDialog

        values = dict(DEFAULT_VALUES)
        if isinstance(ctx, ReplyContext):
            problem = reply_slot_problem(ctx.case, self.slot)
            if problem:
                self.show_message(problem)
                return
            if ctx.case.mention_deleted:
                self.show_message(
                    self.tr("The citizen deleted this mention; it cannot be answered on X.")
                )
                return
            values.update(lapor_reply_values(ctx.case.lapor_id))
            templates = ctx.templates
        else:
            templates = ctx
        self.templates_dialog = dialog = TemplatesDialog(templates, values, self.slot_desk.pane)
        dialog.template_saved.connect(self.on_dialog_template_saved)
        dialog.template_deleted.connect(self.on_dialog_template_deleted)
        if template is not None:
            names = [t.name for t in templates]
            if template in names:
                dialog.list.setCurrentRow(names.index(template))
        accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        text = dialog.inserted_text
        self.templates_dialog = None
        if not accepted or text is None:
            return
        composer = self.slot_desk.pane.composer
        if isinstance(ctx, ReplyContext):
            composer.set_reply(ctx.case.mention_id, author=ctx.author, text=ctx.text)
        edit = composer.parts[0].edit
        if edit.toPlainText().strip():
            edit.insertPlainText(text)  # at the cursor: what was typed stays
        else:
            edit.setPlainText(text)
        edit.setFocus()

    def on_dialog_template_saved(self, old: str, name: str, body: str) -> None:
        dialog = self.templates_dialog
        try:
            from humasdesk.core.templates import validate

            validate(Template(name, body))
        except TemplateError as exc:
            if dialog is not None:
                dialog.show_problem(str(exc))
            return

        def save() -> list[Template]:
            self.services.save_template(self.slot, Template(name, body), old or None)
            return self.services.templates(self.slot)

        self._submit(save, on_done=lambda ts: dialog and dialog.show_templates(ts, name))

    def on_dialog_template_deleted(self, name: str) -> None:
        dialog = self.templates_dialog

        def delete() -> list[Template]:
            self.services.delete_template(self.slot, name)
            return self.services.templates(self.slot)

        self._submit(delete, on_done=lambda ts: dialog and dialog.show_templates(ts))

    def show_message(self, text: str) -> None:
        if self.view is not None:
            self.view.reminder_label.setText(text)
            self.view.reminder_label.setVisible(True)
        if self.desk_wide is not None:
            label = self.desk_wide.findChild(QLabel, "deskWideMessage")
            if label is not None:
                label.setText(text)

    # this laptop's keywords ---------------------------------------------------------------------

    def on_view_keywords_requested(self) -> None:
        """Open the data folder's keyword file (made with an example the first time) in the
        system's text editor; the next refresh reads it."""
        from humasdesk.core.wording import KEYWORDS_FILE

        if len(self.rule_dirs) < 2:
            return
        path = Path(self.rule_dirs[-1]) / KEYWORDS_FILE
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(KEYWORDS_TEMPLATE, encoding="utf-8")
        self.open_file(path)

    # the desk-wide list ------------------------------------------------------------------------

    def on_view_desk_wide_requested(self) -> None:
        self._submit(lambda: self.services.rows(), on_done=self.on_desk_wide_rows)

    def on_desk_wide_rows(self, rows: list[CaseRow]) -> None:
        dialog = QDialog(self.slot_desk.pane)
        dialog.setWindowTitle(self.tr("Complaint register — both accounts"))
        view = RegisterView(dialog, desk_wide=True)
        view.set_rows(rows)
        message = QLabel(dialog)
        message.setObjectName("deskWideMessage")
        message.setWordWrap(True)
        view.reply_requested.connect(self.on_view_reply_requested)
        view.forward_requested.connect(self.on_view_forward_requested)
        view.status_requested.connect(self.on_view_status_requested)
        view.category_requested.connect(self.on_view_category_requested)
        view.templates_requested.connect(lambda: self.on_view_reply_requested(0))
        box = QVBoxLayout(dialog)
        box.addWidget(view)
        box.addWidget(message)
        dialog.resize(1000, 520)
        self.desk_wide = dialog
        self.run_dialog(dialog)
        self.desk_wide = None


#: What this laptop's keyword file holds at first (the shipped lists stay in effect).
KEYWORDS_TEMPLATE = """# Kata kunci tambahan yang menyarankan tanda aduan di laptop ini.
# Daftar bawaan tetap berlaku; yang ditulis di sini ditambahkan. Kelas: information_request,
# complaint, dispute, field_check. words = kata utuh, phrases = rangkaian kata.

[[rule]]
class = "complaint"
words = []
phrases = []
"""


def _open_file(path: Path) -> object:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
