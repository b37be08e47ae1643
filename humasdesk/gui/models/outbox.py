"""Item model for one account's outbox: waiting, sending, sent, failed and cancelled posts.

The undo countdown depends on the time: the view hands the model ``now`` every tick
(``set_now``) and the model re-renders only the rows whose countdown text changed.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from humasdesk.gui.models.rows import Index, RowsModel, local_clock, local_time, plain_tooltip
from humasdesk.services.outbox import FailureKind
from humasdesk.store.outbox_store import OutboxItem, OutboxState, PostKind

#: States the official can still stop (the store cancels from these).
CANCELLABLE = frozenset({OutboxState.QUEUED, OutboxState.FAILED})
#: Not out yet and not given up: what the Outbox tab counts.
PENDING = frozenset({OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED})


def countdown_seconds(item: OutboxItem, now: datetime) -> int:
    """Whole seconds left in the undo window, rounded up (0: the window is over)."""
    return math.ceil(item.undo_seconds_left(now))


def failure_text(kind: str | None) -> str:
    """Why a send did not go out, in the UI language (X's own words go in the tooltip)."""
    texts = {
        FailureKind.NETWORK: QCoreApplication.translate("OutboxView", "No connection to X."),
        FailureKind.SERVER: QCoreApplication.translate("OutboxView", "X had a server problem."),
        FailureKind.INTERRUPTED: QCoreApplication.translate(
            "OutboxView", "HumasDesk stopped while sending; X is checked before sending again."
        ),
        FailureKind.RATE_LIMITED: QCoreApplication.translate(
            "OutboxView", "X's request limit was reached."
        ),
        FailureKind.USAGE_CAPPED: QCoreApplication.translate(
            "OutboxView", "The X app's usage cap is reached."
        ),
        FailureKind.CREDITS_DEPLETED: QCoreApplication.translate(
            "OutboxView", "The agency's X credit is used up."
        ),
        FailureKind.SIGN_IN_NEEDED: QCoreApplication.translate(
            "OutboxView", "Sign in again to send."
        ),
        FailureKind.DUPLICATE: QCoreApplication.translate(
            "OutboxView", "X refused it: this account already posted the same text."
        ),
        FailureKind.REPLY_NOT_ALLOWED: QCoreApplication.translate(
            "OutboxView",
            "X refused the reply: replies are only allowed to posts that mention this account.",
        ),
        FailureKind.INVALID: QCoreApplication.translate(
            "OutboxView", "X refused the post as invalid."
        ),
        FailureKind.FORBIDDEN: QCoreApplication.translate("OutboxView", "X refused the post."),
        FailureKind.NOT_FOUND: QCoreApplication.translate(
            "OutboxView", "The post being answered or quoted no longer exists."
        ),
        FailureKind.ACCOUNT_CHANGED: QCoreApplication.translate(
            "OutboxView", "Another X account is signed in to this pane; this post was not sent."
        ),
        FailureKind.THREAD_BROKEN: QCoreApplication.translate(
            "OutboxView", "The previous post of this thread was not sent."
        ),
    }
    try:
        return texts[FailureKind(kind)]
    except (KeyError, ValueError):
        return QCoreApplication.translate("OutboxView", "Sending failed.")


def retry_text(at: datetime, now: datetime) -> str:
    return QCoreApplication.translate("OutboxView", "Retrying at %1.").replace(
        "%1", local_clock(at, now)
    )


def _then(line: str, sentence: str) -> str:
    """ "Failed: No connection to X." + "Retrying at 14.05." as two sentences."""
    return f"{line} {sentence}" if line.endswith((".", "!", "?")) else f"{line}. {sentence}"


def state_text(item: OutboxItem, now: datetime) -> str:
    """One line: where the post stands, and why when it did not go out."""
    state = item.state
    if state is OutboxState.QUEUED:
        left = countdown_seconds(item, now)
        if left > 0:
            return QCoreApplication.translate("OutboxView", "Sending in %1 s").replace(
                "%1", str(left)
            )
        line = QCoreApplication.translate("OutboxView", "Waiting")
        if item.last_error_kind:  # put back in the queue: rate limit, usage cap, sign-in
            line += f": {failure_text(item.last_error_kind)}"
        if item.next_attempt_at is not None and item.next_attempt_at > now:
            line = _then(line, retry_text(item.next_attempt_at, now))
        return line
    if state is OutboxState.SENDING:
        return QCoreApplication.translate("OutboxView", "Sending…")
    if state is OutboxState.SENT:
        when = local_time(item.sent_at)
        return QCoreApplication.translate("OutboxView", "Sent") + (f" · {when}" if when else "")
    if state is OutboxState.FAILED:
        line = QCoreApplication.translate("OutboxView", "Failed: %1").replace(
            "%1", failure_text(item.last_error_kind)
        )
        if item.will_retry and item.next_attempt_at is not None:
            line = _then(line, retry_text(item.next_attempt_at, now))
        return line
    return QCoreApplication.translate("OutboxView", "Cancelled")


def kind_text(item: OutboxItem) -> str:
    if item.kind is PostKind.REPLY:
        return QCoreApplication.translate("OutboxView", "Reply")
    if item.kind is PostKind.QUOTE:
        return QCoreApplication.translate("OutboxView", "Quote")
    if item.kind is PostKind.THREAD_PART:
        return QCoreApplication.translate("OutboxView", "Thread, part %1").replace(
            "%1", str((item.thread_index or 0) + 1)
        )
    return ""


class OutboxListModel(RowsModel):
    """Rows are `OutboxItem`s. The text is plain DisplayRole text; X's own error text (remote,
    English) is only in the tooltip, escaped."""

    ItemRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2
    StateRole = Qt.ItemDataRole.UserRole + 3
    StateTextRole = Qt.ItemDataRole.UserRole + 4
    CountdownRole = Qt.ItemDataRole.UserRole + 5  # whole seconds left to cancel (0: over)
    CanCancelRole = Qt.ItemDataRole.UserRole + 6
    CanRetryRole = Qt.ItemDataRole.UserRole + 7

    def __init__(self, parent: QObject | None = None, *, now: datetime | None = None) -> None:
        super().__init__(parent)
        self._now = now or datetime.now(UTC)

    def row_key(self, item: Any) -> Hashable:
        return item.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item: OutboxItem | None = self.item_at(index)
        if item is None:
            return None
        now = self._now
        if role == Qt.ItemDataRole.DisplayRole:
            kind = kind_text(item)
            head = f"{state_text(item, now)}" + (f" · {kind}" if kind else "")
            return f"{head}\n{item.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.state in (OutboxState.FAILED, OutboxState.QUEUED) and item.last_error_text:
                said = QCoreApplication.translate("OutboxView", "X said: %1")
                return plain_tooltip(said.replace("%1", item.last_error_text))
            return ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{state_text(item, now)}. {item.text}"
        if role == self.ItemRole:
            return item
        if role == self.IdRole:
            return item.id
        if role == self.StateRole:
            return item.state.value
        if role == self.StateTextRole:
            return state_text(item, now)
        if role == self.CountdownRole:
            return countdown_seconds(item, now)
        if role == self.CanCancelRole:
            return item.state in CANCELLABLE
        if role == self.CanRetryRole:
            return item.state is OutboxState.FAILED
        return None

    def set_items(self, items: Sequence[OutboxItem], now: datetime | None = None) -> None:
        if now is not None:
            self._now = now
        self._replace(items)

    def item_row(self, row: int) -> OutboxItem | None:
        return self.item_at(self.index(row)) if row >= 0 else None

    def set_now(self, now: datetime) -> None:
        """The clock moved: re-render the rows whose countdown changed (nothing is read)."""
        before, self._now = self._now, now
        changed = [
            row
            for row in range(self._loaded)
            if countdown_seconds(self._rows[row], before) != countdown_seconds(self._rows[row], now)
        ]
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def counting_down(self) -> bool:
        """Whether any queued item is still inside its undo window."""
        return any(countdown_seconds(i, self._now) > 0 for i in self._rows)

    def pending_count(self) -> int:
        return sum(1 for i in self._rows if i.state in PENDING)
