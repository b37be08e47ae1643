"""The mentions inbox. If these break, the official sees a citizen's markup rendered (or a
link that opens a local file), loses track of what is unread, or replies to, ignores or
tags the wrong citizen's mention."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel

from humasdesk.core.models import Slot
from humasdesk.gui.inbox_view import InboxView
from humasdesk.gui.models.mentions import MentionListModel
from humasdesk.store.mentions_store import MentionState
from tests.gui_views.conftest import HOSTILE, mention, tab_order

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def inbox(qtbot):
    view = InboxView(Slot.OFFICE)
    qtbot.addWidget(view)
    return view


def _select(view: InboxView, row: int) -> None:
    view.mention_list.setCurrentIndex(view.model.index(row))


def test_model_passes_qt_model_tester(qtmodeltester):
    """A model that breaks Qt's contract crashes or corrupts the list as mentions arrive."""
    model = MentionListModel()
    model.set_mentions([mention(str(i), state=MentionState.READ) for i in range(250)])
    qtmodeltester.check(model)
    # A sync: two new on top, the oldest fall off, one changes state.
    rows = model.all_items()
    model.set_mentions([mention("1000"), mention("999"), *rows[:200]])
    qtmodeltester.check(model)
    model.set_mentions([])
    qtmodeltester.check(model)


def test_long_inbox_loads_in_batches(qtbot):
    """Hundreds of mentions do not all get laid out at once; scrolling brings the rest."""
    model = MentionListModel()
    model.set_mentions([mention(str(i)) for i in range(250)])
    assert model.rowCount() == MentionListModel.BATCH
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert model.unread_count() == 250


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markup_in_a_mention_stays_literal(inbox, hostile):
    """A citizen's <img>, <b> or file:// link is shown as the characters they typed: the
    list uses plain DisplayRole text with the default delegate, and no tooltip or label
    renders it as HTML."""
    inbox.set_mentions([mention("1", f"Tolong {hostile}", name=hostile, username="warga")])
    index = inbox.model.index(0)
    shown = inbox.model.data(index, DISPLAY)
    assert f"Tolong {hostile}" in shown
    assert f"{hostile} @warga" in shown
    assert inbox.mention_list.itemDelegate().metaObject().className() == "QStyledItemDelegate"
    tooltip = inbox.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<" not in tooltip
    for label in inbox.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_state_and_complaint_marker_in_indonesian(inbox):
    """Each row says where the mention stands (Baru, Dibaca, Dibalas, Diabaikan) and
    whether it is an aduan."""
    inbox.set_mentions(
        [
            mention("4", state=MentionState.NEW, is_complaint=True),
            mention("3", state=MentionState.READ, handled=True),
            mention("2", state=MentionState.REPLIED),
            mention("1", state=MentionState.IGNORED),
        ]
    )
    lines = [inbox.model.data(inbox.model.index(r), DISPLAY).splitlines()[-1] for r in range(4)]
    assert lines == ["Baru · Aduan", "Dibaca · Ditangani", "Dibalas", "Diabaikan"]


def test_unread_rows_are_bold_and_counted(qtbot, inbox):
    """Unread mentions stand out and the tab label shows how many there are."""
    with qtbot.waitSignal(inbox.unread_changed) as blocker:
        inbox.set_mentions([mention("2"), mention("1", state=MentionState.READ)])
    assert blocker.args == [1]
    assert inbox.unread_count() == 1
    font_role = Qt.ItemDataRole.FontRole
    assert inbox.model.data(inbox.model.index(0), font_role).bold()
    assert inbox.model.data(inbox.model.index(1), font_role) is None
    assert inbox.model.data(inbox.model.index(0), MentionListModel.UnreadRole) is True
    with qtbot.assertNotEmitted(inbox.unread_changed):  # still one unread: no relabel
        inbox.set_mentions([mention("2", state=MentionState.READ), mention("1")])
    assert inbox.unread_count() == 1
    with qtbot.waitSignal(inbox.unread_changed) as blocker:
        inbox.set_mentions([mention("2", state=MentionState.READ)])
    assert blocker.args == [0]


def test_selecting_an_unread_mention_asks_to_mark_it_read(qtbot, inbox):
    """Opening a new mention marks it read; re-selecting it after a refresh does not ask
    again, and a read one never asks."""
    inbox.set_mentions([mention("2"), mention("1", state=MentionState.READ)])
    with qtbot.waitSignal(inbox.read_requested) as blocker:
        _select(inbox, 0)
    assert blocker.args == ["2"]
    with qtbot.assertNotEmitted(inbox.read_requested):
        _select(inbox, 1)


def test_buttons_follow_the_selection_and_emit_its_id(qtbot, inbox):
    """Balas, Tandai ditangani, Abaikan and Aduan act on the selected mention only."""
    inbox.set_mentions([mention("2", state=MentionState.READ), mention("1", handled=True)])
    buttons = (
        inbox.reply_button,
        inbox.handled_button,
        inbox.ignore_button,
        inbox.complaint_button,
    )
    assert not any(b.isEnabled() for b in buttons)
    assert inbox.reply_button.text() == "Balas"
    assert inbox.handled_button.text() == "Tandai ditangani"
    assert inbox.ignore_button.text() == "Abaikan"
    assert inbox.complaint_button.text() == "Aduan"

    _select(inbox, 0)
    assert all(b.isEnabled() for b in buttons)
    with qtbot.waitSignal(inbox.reply_requested) as blocker:
        inbox.reply_button.click()
    assert blocker.args[0].x_post_id == "2"
    with qtbot.waitSignal(inbox.handled_requested) as blocker:
        inbox.handled_button.click()
    assert blocker.args == ["2"]
    with qtbot.waitSignal(inbox.ignore_requested) as blocker:
        inbox.ignore_button.click()
    assert blocker.args == ["2"]
    with qtbot.waitSignal(inbox.complaint_toggled) as blocker:
        inbox.complaint_button.click()
    assert blocker.args == ["2", True]

    _select(inbox, 1)  # already handled: nothing to mark
    assert not inbox.handled_button.isEnabled()
    assert not inbox.complaint_button.isChecked()


def test_complaint_button_shows_and_clears_the_tag(qtbot, inbox):
    """The Aduan toggle reflects the selected mention, and untagging says so."""
    inbox.set_mentions([mention("1", state=MentionState.READ, is_complaint=True)])
    _select(inbox, 0)
    assert inbox.complaint_button.isChecked()
    with qtbot.waitSignal(inbox.complaint_toggled) as blocker:
        inbox.complaint_button.click()
    assert blocker.args == ["1", False]


def test_ignored_mention_cannot_be_ignored_again(inbox):
    inbox.set_mentions([mention("1", state=MentionState.IGNORED)])
    _select(inbox, 0)
    assert not inbox.ignore_button.isEnabled()
    assert inbox.reply_button.isEnabled()


def test_enter_on_a_row_replies(qtbot, inbox):
    """Enter on the selected mention opens the reply, like Balas."""
    inbox.set_mentions([mention("2", state=MentionState.READ), mention("1")])
    inbox.show()
    _select(inbox, 0)
    with qtbot.waitSignal(inbox.reply_requested) as blocker:
        qtbot.keyClick(inbox.mention_list, Qt.Key.Key_Return)
    assert blocker.args[0].x_post_id == "2"


def test_selection_is_kept_when_mentions_are_refreshed(qtbot, inbox):
    """A sync that brings new mentions does not move the official's selection to another
    citizen, whether rows are added on top or the whole list is replaced."""
    inbox.set_mentions([mention(str(i), state=MentionState.READ) for i in (3, 2, 1)])
    _select(inbox, 1)
    assert inbox.selected_id() == "2"
    inbox.set_mentions([mention(str(i), state=MentionState.READ) for i in (5, 4, 3, 2, 1)])
    assert inbox.selected_id() == "2"
    # A different order (e.g. a filter changed) resets the model; the selection follows.
    with qtbot.assertNotEmitted(inbox.read_requested):
        inbox.set_mentions([mention(str(i)) for i in (1, 2, 9)])
    assert inbox.selected_id() == "2"
    assert inbox.reply_button.isEnabled()
    inbox.set_mentions([mention("9")])
    assert inbox.selected_id() is None
    assert not inbox.reply_button.isEnabled()


def test_selection_kept_for_a_mention_beyond_the_first_batch(inbox):
    many = [mention(str(i), state=MentionState.READ) for i in range(300, 0, -1)]
    inbox.set_mentions(many)
    while inbox.model.canFetchMore(QModelIndex()):
        inbox.model.fetchMore(QModelIndex())
    _select(inbox, 250)
    selected = inbox.selected_id()
    inbox.set_mentions(list(reversed(many)))  # reset: loads up to the selected row again
    assert inbox.selected_id() == selected


def test_empty_inbox_and_sync_status(inbox):
    """An empty inbox says so; a sync problem is shown as plain text."""
    inbox.show()
    assert inbox.empty_label.isVisible()
    assert inbox.empty_label.text() == "Belum ada mention."
    assert not inbox.sync_status.isVisible()
    inbox.show_sync_status("Tidak dapat menyinkronkan: <b>503</b>; dicoba lagi pukul 14.05")
    assert inbox.sync_status.isVisible()
    assert inbox.sync_status.textFormat() == Qt.TextFormat.PlainText
    assert "<b>503</b>" in inbox.sync_status.text()
    inbox.show_sync_status("")
    assert not inbox.sync_status.isVisible()
    inbox.set_mentions([mention("1")])
    assert not inbox.empty_label.isVisible()
    assert inbox.mention_list.isVisible()


def test_accessible_names_and_tab_order(inbox):
    """A screen-reader user hears what each control does; Tab goes list → buttons."""
    assert inbox.mention_list.accessibleName() == "Mention"
    for button in (
        inbox.reply_button,
        inbox.handled_button,
        inbox.ignore_button,
        inbox.complaint_button,
    ):
        assert button.accessibleName()
    order = [
        inbox.mention_list,
        inbox.reply_button,
        inbox.handled_button,
        inbox.ignore_button,
        inbox.complaint_button,
    ]
    assert tab_order(inbox.mention_list, order) == order
