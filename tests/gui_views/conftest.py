"""The pane's list views, seen as the official sees them: in Bahasa Indonesia (the desk's own
translation, loaded by `indonesian_ui`). Expected texts are the Indonesian the official reads,
written out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from humasdesk.core.models import Post, Slot
from humasdesk.store.mentions_store import Mention, MentionState
from humasdesk.store.outbox_store import OutboxItem, OutboxState, PostKind
from tests.qt_fixtures import (  # noqa: F401
    collect_qt_objects,
    gui_thread_collector,
    indonesian_ui,
)

T0 = datetime(2026, 11, 28, 7, 5, tzinfo=UTC)  # 14.05 WIB

HOSTILE = ("<b>x</b>", "<img src=x>", '<a href="file:///etc/passwd">klik</a>')


def mention(
    x_post_id: str,
    text: str = "Jalan di depan kantor kelurahan rusak",
    *,
    state: MentionState = MentionState.NEW,
    is_complaint: bool = False,
    handled: bool = False,
    name: str | None = "Budi Santoso",
    username: str | None = "budi_s",
) -> Mention:
    return Mention(
        x_post_id=x_post_id,
        slot=Slot.OFFICE,
        account_id="1",
        author_id="42",
        author_username=username,
        author_name=name,
        text=text,
        created_at=T0,
        received_at=T0,
        state=state,
        is_complaint=is_complaint,
        replied_post_id=None,
        first_reply_at=None,
        handled_at=T0 if handled else None,
    )


def outbox_item(
    item_id: int,
    text: str = "Layanan KTP buka hari Sabtu",
    *,
    state: OutboxState = OutboxState.QUEUED,
    not_before: datetime = T0,
    error_kind: str | None = None,
    error_text: str | None = None,
    next_attempt_at: datetime | None = None,
    kind: PostKind = PostKind.POST,
) -> OutboxItem:
    return OutboxItem(
        id=item_id,
        slot=Slot.OFFICE,
        account_id="1",
        handle="HumasDemo",
        state=state,
        kind=kind,
        text=text,
        reply_to=None,
        quote_of=None,
        thread_id=None,
        thread_index=None,
        media=(),
        official_capacity=False,
        not_before=not_before,
        attempts=0,
        outcome_unknown=False,
        last_error_kind=error_kind,
        last_error_text=error_text,
        next_attempt_at=next_attempt_at,
        x_post_id="9" if state is OutboxState.SENT else None,
        sent_at=T0 if state is OutboxState.SENT else None,
        created_at=T0 - timedelta(seconds=1),
        updated_at=T0,
    )


def post(post_id: str, text: str = "Selamat pagi, warga!") -> Post:
    return Post(id=post_id, text=text, author_id="1", created_at=T0, author_username="HumasDemo")


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def tab_order(first, widgets) -> list:
    """The order Tab visits ``widgets`` from ``first`` (other widgets in the chain skipped)."""
    wanted = set(map(id, widgets))
    order, w = [first], first.nextInFocusChain()
    while w is not first and len(order) < len(widgets):
        if id(w) in wanted and w not in order:
            order.append(w)
        w = w.nextInFocusChain()
    return order
