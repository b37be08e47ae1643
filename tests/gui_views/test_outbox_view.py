"""The outbox. If these break, the official cannot see that a post is about to go out (and
cannot stop it in time), does not learn why a post failed, or cancels or retries the wrong
post."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from humasdesk.core.models import Slot
from humasdesk.gui.models.outbox import OutboxListModel
from humasdesk.gui.outbox_view import OutboxView
from humasdesk.services.outbox import FailureKind
from humasdesk.store.outbox_store import OutboxState, PostKind
from tests.gui_views.conftest import HOSTILE, T0, FakeClock, outbox_item, tab_order

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def clock():
    return FakeClock(T0)


@pytest.fixture
def outbox(qtbot, clock):
    view = OutboxView(Slot.OFFICE, clock=clock)
    qtbot.addWidget(view)
    return view


def _state_line(view: OutboxView, row: int) -> str:
    return view.model.data(view.model.index(row), OutboxListModel.StateTextRole)


def _select(view: OutboxView, row: int) -> None:
    view.item_list.setCurrentIndex(view.model.index(row))


def test_model_passes_qt_model_tester(qtmodeltester, clock):
    """A model that breaks Qt's contract crashes the outbox list while posts go out."""
    model = OutboxListModel(now=clock())
    states = list(OutboxState)
    model.set_items(
        [
            outbox_item(i, state=states[i % len(states)], not_before=T0 + timedelta(seconds=i))
            for i in range(150, 0, -1)
        ]
    )
    qtmodeltester.check(model)
    model.set_now(T0 + timedelta(seconds=3))
    model.set_items([outbox_item(200), *model.all_items()[:120]])
    qtmodeltester.check(model)


def test_countdown_runs_with_the_clock_and_ends_as_waiting(qtbot, outbox, clock):
    """During the undo window the row says how many seconds are left, and the number goes
    down as time passes; after it the row says the post waits to be sent."""
    outbox.set_items([outbox_item(1, not_before=T0 + timedelta(seconds=7))])
    assert outbox.countdown_timer.isActive()
    assert _state_line(outbox, 0) == "Dikirim dalam 7 dtk"
    clock.advance(2.5)
    with qtbot.waitSignal(outbox.model.dataChanged):
        outbox.on_countdown_timer_timeout()
    assert _state_line(outbox, 0) == "Dikirim dalam 5 dtk"
    clock.advance(0.2)  # same whole second: nothing re-rendered
    with qtbot.assertNotEmitted(outbox.model.dataChanged):
        outbox.on_countdown_timer_timeout()
    clock.advance(10)
    outbox.on_countdown_timer_timeout()
    assert _state_line(outbox, 0) == "Menunggu"
    assert not outbox.countdown_timer.isActive()  # nothing left to count: no wake-ups
    assert outbox.model.data(outbox.model.index(0), OutboxListModel.CountdownRole) == 0


def test_countdown_timer_re_renders_on_its_own(qtbot, outbox, clock):
    """The running timer (not only a refresh from the controller) updates the text."""
    outbox.set_items([outbox_item(1, not_before=T0 + timedelta(seconds=9))])
    clock.advance(4)
    with qtbot.waitSignal(outbox.model.dataChanged, timeout=2000):
        pass
    assert _state_line(outbox, 0) == "Dikirim dalam 5 dtk"


def test_cancel_for_queued_and_retry_for_failed(qtbot, outbox):
    """Batalkan is offered while X has not been called (queued, also after the window) or
    the post is failed; Coba lagi only for failed; both emit the selected item's id."""
    outbox.set_items(
        [
            outbox_item(4, not_before=T0 + timedelta(seconds=5)),
            outbox_item(3, not_before=T0 - timedelta(seconds=5)),
            outbox_item(2, state=OutboxState.FAILED, error_kind=FailureKind.FORBIDDEN.value),
            outbox_item(1, state=OutboxState.SENT),
            outbox_item(0, state=OutboxState.SENDING),
        ]
    )
    assert outbox.cancel_button.text() == "Batalkan"
    assert outbox.retry_button.text() == "Coba lagi"
    assert not outbox.cancel_button.isEnabled() and not outbox.retry_button.isEnabled()
    expected = {0: (True, False), 1: (True, False), 2: (True, True), 3: (False, False)}
    expected[4] = (False, False)  # sending: too late to cancel
    for row, (can_cancel, can_retry) in expected.items():
        _select(outbox, row)
        assert outbox.cancel_button.isEnabled() is can_cancel, row
        assert outbox.retry_button.isEnabled() is can_retry, row

    _select(outbox, 0)
    with qtbot.waitSignal(outbox.cancel_requested) as blocker:
        outbox.cancel_button.click()
    assert blocker.args == [4]
    _select(outbox, 2)
    with qtbot.waitSignal(outbox.retry_requested) as blocker:
        outbox.retry_button.click()
    assert blocker.args == [2]


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (FailureKind.FORBIDDEN, "X menolak kiriman."),
        (FailureKind.DUPLICATE, "X menolaknya: akun ini sudah mengirim teks yang sama."),
        (FailureKind.NETWORK, "Tidak ada koneksi ke X."),
        ("something_new", "Gagal mengirim."),
        (None, "Gagal mengirim."),
    ],
)
def test_failed_item_says_why(outbox, kind, reason):
    """A failed post tells the official why, in the UI language; X's own words (remote text)
    are in an escaped tooltip."""
    value = kind.value if isinstance(kind, FailureKind) else kind
    outbox.set_items(
        [outbox_item(1, state=OutboxState.FAILED, error_kind=value, error_text=HOSTILE[1])]
    )
    assert _state_line(outbox, 0) == f"Gagal: {reason}"
    tooltip = outbox.model.data(outbox.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x&gt;" in tooltip and "<img" not in tooltip


def test_failed_item_with_automatic_retry_says_when(outbox, clock):
    """Network trouble retries by itself: the row says at what time."""
    outbox.set_items(
        [
            outbox_item(
                1,
                state=OutboxState.FAILED,
                error_kind=FailureKind.SERVER.value,
                next_attempt_at=T0 + timedelta(minutes=2),
            )
        ]
    )
    line = _state_line(outbox, 0)
    assert line.startswith("Gagal: Server X sedang bermasalah.")
    assert "Dicoba lagi pukul " in line
    assert line.endswith(".07.")  # 07.07 UTC: shown in the laptop's zone, minutes kept


@pytest.mark.parametrize("hostile", HOSTILE)
def test_post_text_is_plain(outbox, hostile):
    """The text of a post is shown as typed, never rendered as markup."""
    outbox.set_items([outbox_item(1, f"Info {hostile}", state=OutboxState.SENT)])
    shown = outbox.model.data(outbox.model.index(0), DISPLAY)
    assert shown.splitlines()[-1] == f"Info {hostile}"
    assert shown.startswith("Terkirim")
    for label in outbox.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_reply_and_thread_parts_are_named(outbox):
    outbox.set_items([outbox_item(1, state=OutboxState.CANCELLED, kind=PostKind.REPLY)])
    assert outbox.model.data(outbox.model.index(0), DISPLAY).splitlines()[0] == (
        "Dibatalkan · Balasan"
    )


def test_pending_count_and_selection_kept(qtbot, outbox):
    """The tab label counts what has not gone out; a refresh keeps the selected post."""
    with qtbot.waitSignal(outbox.pending_changed) as blocker:
        outbox.set_items(
            [
                outbox_item(3),
                outbox_item(2, state=OutboxState.FAILED),
                outbox_item(1, state=OutboxState.SENT),
            ]
        )
    assert blocker.args == [2]
    assert outbox.pending_count() == 2
    _select(outbox, 1)
    with qtbot.waitSignal(outbox.pending_changed) as blocker:
        outbox.set_items(
            [
                outbox_item(4),
                outbox_item(3),
                outbox_item(2, state=OutboxState.FAILED),
                outbox_item(1, state=OutboxState.SENT),
            ]
        )
    assert blocker.args == [3]
    assert outbox.selected_id() == 2
    outbox.set_items([outbox_item(2, state=OutboxState.QUEUED), outbox_item(7)])  # reset
    assert outbox.selected_id() == 2
    assert not outbox.retry_button.isEnabled()


def test_empty_outbox_accessible_names_and_tab_order(outbox):
    outbox.show()
    assert outbox.empty_label.isVisible()
    assert outbox.empty_label.text() == "Kotak keluar kosong."
    assert outbox.item_list.accessibleName() == "Kotak keluar"
    assert outbox.cancel_button.accessibleName() and outbox.retry_button.accessibleName()
    order = [outbox.item_list, outbox.cancel_button, outbox.retry_button]
    assert tab_order(outbox.item_list, order) == order


def test_post_put_back_in_the_queue_says_why_and_when(outbox):
    """A post held back by X's rate limit is waiting, not lost: the row says why and when
    sending resumes, and it can still be cancelled."""
    outbox.set_items(
        [
            outbox_item(
                1,
                not_before=T0 - timedelta(minutes=1),
                error_kind=FailureKind.RATE_LIMITED.value,
                next_attempt_at=T0 + timedelta(minutes=15),
            )
        ]
    )
    line = _state_line(outbox, 0)
    assert line.startswith("Menunggu: Batas permintaan X tercapai.")
    assert "Dicoba lagi pukul " in line
    _select(outbox, 0)
    assert outbox.cancel_button.isEnabled() and not outbox.retry_button.isEnabled()
