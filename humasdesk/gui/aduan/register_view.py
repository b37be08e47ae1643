"""The pane's *Aduan* tab (and the desk-wide list): cases by deadline, keyword suggestions,
and what the official does with a case.

Signals (what the official asked for; the controller does it on the worker):
    category_requested(int, str): case id, `ComplaintClass` value.
    status_requested(int, str, str): case id, `CaseStatus` value, reason ("" unless rejected).
    forward_requested(int): open the forwarding sheet for the case.
    reply_requested(int): answer the case's citizen from this pane (with a template).
    templates_requested(): the pane's reply templates.
    suggestion_decided(str, bool): mention id, accepted.
    desk_wide_requested(): the list of both accounts' cases.
    keywords_requested(): edit this laptop's keyword rules (a file in the data folder).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from humasdesk.core.aduan import CaseStatus, ComplaintClass, ReminderCounts
from humasdesk.gui.aduan.register_model import (
    CASE_ROLE,
    COL_FIRST,
    SORT_ROLE,
    RegisterModel,
    class_label,
)
from humasdesk.gui.theme import follow_font
from humasdesk.services.aduan import CaseRow
from humasdesk.store.aduan_store import StoredSuggestion


def reminder_text(counts: ReminderCounts) -> str:
    """Counts only (never a citizen's words): the tab, the header and the tray say this."""
    from PySide6.QtCore import QCoreApplication

    return (
        QCoreApplication.translate("Aduan", "Complaints: %1 near their limit, %2 overdue")
        .replace("%1", str(counts.near))
        .replace("%2", str(counts.overdue))
    )


class RegisterView(QWidget):
    category_requested = Signal(int, str)
    status_requested = Signal(int, str, str)
    forward_requested = Signal(int)
    reply_requested = Signal(int)
    templates_requested = Signal()
    suggestion_decided = Signal(str, bool)
    desk_wide_requested = Signal()
    keywords_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, desk_wide: bool = False) -> None:
        super().__init__(parent)
        from humasdesk.gui.composer import FlowLayout  # wraps in a narrow pane

        self.desk_wide = desk_wide
        self.reminder_label = QLabel(self)
        self.reminder_label.setObjectName("aduanReminder")
        self.reminder_label.setTextFormat(Qt.TextFormat.PlainText)
        follow_font(self.reminder_label, bold=True)
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setVisible(False)

        self.suggestion_title = QLabel(self.tr("Suggested complaints (keywords):"), self)
        self.suggestion_title.setWordWrap(True)
        self.suggestions = QListWidget(self)
        self.suggestions.setAccessibleName(self.tr("Suggested complaints"))
        self.suggestions.setMaximumHeight(90)
        self.accept_button = QPushButton(self.tr("Tag as complaint"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.dismiss_button.clicked.connect(lambda: self._decide(False))
        sugg_buttons = FlowLayout()
        sugg_buttons.addWidget(self.accept_button)
        sugg_buttons.addWidget(self.dismiss_button)
        self.suggestion_box = QWidget(self)
        box = QVBoxLayout(self.suggestion_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.suggestion_title)
        box.addWidget(self.suggestions)
        box.addLayout(sugg_buttons)
        self.suggestion_box.setVisible(False)

        self.model = RegisterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Complaint register"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_FIRST, Qt.SortOrder.AscendingOrder)  # by deadline
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnHidden(1, not desk_wide)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.class_combo = QComboBox(self)
        self.class_combo.setAccessibleName(self.tr("Class"))
        for cls in ComplaintClass:
            self.class_combo.addItem(class_label(cls), cls.value)
        self.class_combo.activated.connect(self._on_class_activated)
        self.reply_button = QPushButton(self.tr("Reply…"), self)
        self.forward_button = QPushButton(self.tr("Forward to LAPOR!…"), self)
        self.progress_button = QPushButton(self.tr("Being followed up"), self)
        self.close_button = QPushButton(self.tr("Done"), self)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.templates_button = QPushButton(self.tr("Reply templates…"), self)
        self.keywords_button = QPushButton(self.tr("Keywords…"), self)
        self.keywords_button.setToolTip(
            self.tr("The words that suggest a complaint: a plain text file, one list per class.")
        )
        self.keywords_button.clicked.connect(self.keywords_requested)
        self.keywords_button.setVisible(not desk_wide)
        self.all_button = QPushButton(self.tr("Both accounts…"), self)
        self.all_button.setVisible(not desk_wide)
        self.reply_button.clicked.connect(lambda: self._emit_case(self.reply_requested))
        self.forward_button.clicked.connect(lambda: self._emit_case(self.forward_requested))
        self.progress_button.clicked.connect(lambda: self._status(CaseStatus.IN_PROGRESS))
        self.close_button.clicked.connect(lambda: self._status(CaseStatus.CLOSED))
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.templates_button.clicked.connect(self.templates_requested)
        self.all_button.clicked.connect(self.desk_wide_requested)
        actions = FlowLayout()
        for w in (self.class_combo, self.reply_button, self.forward_button, self.progress_button,
                  self.close_button, self.reject_button, self.templates_button,
                  self.keywords_button, self.all_button):  # fmt: skip
            actions.addWidget(w)
        self.detail = QLabel(self)
        self.detail.setObjectName("caseDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = QLabel(
            self.tr("No complaints yet. Tag a mention as a complaint (Aduan) and it appears here."),
            self,
        )
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder_label)
        layout.addWidget(self.suggestion_box)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if selected is not None:
            self.select_case(selected.case.id)
        self._update_buttons()

    def set_reminders(self, counts: ReminderCounts) -> None:
        self.reminder_label.setText(reminder_text(counts))
        self.reminder_label.setVisible(counts.total > 0)

    def set_suggestions(self, suggestions: Sequence[tuple[StoredSuggestion, str]]) -> None:
        """(suggestion, the mention's text) pairs: the citizen's words, shown as plain text."""
        self.suggestions.clear()
        for s, text in suggestions:
            item = QListWidgetItem(
                f"{class_label(s.category)} · {', '.join(s.found)} · {text[:140]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, s.mention_id)
            self.suggestions.addItem(item)
        self.suggestion_box.setVisible(bool(suggestions))
        if suggestions:
            self.suggestions.setCurrentRow(0)

    def selected(self) -> CaseRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], CASE_ROLE)

    def select_case(self, case_id: int) -> bool:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(r, 0), CASE_ROLE)
            if row is not None and row.case.id == case_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self, *_: object) -> None:
        row = self.selected()
        open_case = row is not None and not row.case.status.is_final
        for b in (self.forward_button, self.progress_button, self.close_button, self.reject_button):
            b.setEnabled(open_case)
        self.class_combo.setEnabled(open_case)
        self.reply_button.setEnabled(row is not None and not row.case.mention_deleted)
        if row is not None:
            self.class_combo.setCurrentIndex(self.class_combo.findData(row.case.category.value))
        self.detail.setText(self.detail_text(row))
        self.detail.setVisible(row is not None)

    def detail_text(self, row: CaseRow | None) -> str:
        """The selected case's posts (the conversation, as links) and its LAPOR! number."""
        if row is None:
            return ""
        from humasdesk.core.aduan import lapor_case_url, post_link

        c = row.case
        lines = [
            self.tr("Mention: %1").replace("%1", post_link(c.mention_id)),
            *(self.tr("Reply: %1").replace("%1", post_link(p)) for p in c.post_ids),
        ]
        if c.lapor_id:
            lines.append(
                self.tr("LAPOR! #%1: %2")
                .replace("%1", c.lapor_id)
                .replace("%2", lapor_case_url(c.lapor_id))
            )
        return "\n".join(lines)

    # -- asking ------------------------------------------------------------------------------

    def _emit_case(self, signal: Signal) -> None:  # type: ignore[type-arg]
        row = self.selected()
        if row is not None:
            signal.emit(row.case.id)

    def _status(self, status: CaseStatus, reason: str = "") -> None:
        row = self.selected()
        if row is not None:
            self.status_requested.emit(row.case.id, status.value, reason)

    def _on_class_activated(self, index: int) -> None:
        row = self.selected()
        if row is not None:
            self.category_requested.emit(row.case.id, self.class_combo.itemData(index))

    def ask_reason(self) -> str | None:
        """The reason for a rejection (None: cancelled)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reject the complaint"))
        dialog.setLabelText(self.tr("Why is the complaint rejected? (the reason is kept)"))
        from humasdesk.gui.modal import run_modal

        if run_modal(dialog) != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()

    def _on_reject_clicked(self) -> None:
        reason = self.ask_reason()
        if reason is not None:
            self._status(CaseStatus.REJECTED, reason)

    def _decide(self, accepted: bool) -> None:
        item = self.suggestions.currentItem()
        if item is not None:
            self.suggestion_decided.emit(item.data(Qt.ItemDataRole.UserRole), accepted)
