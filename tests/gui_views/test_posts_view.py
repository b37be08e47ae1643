"""The account's own posts. If these break, a post is deleted from X without the official
confirming it (or the wrong one is deleted), or a post's text is rendered as markup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from humasdesk.core.models import Slot
from humasdesk.gui.models.own_posts import OwnPostListModel
from humasdesk.gui.posts_view import PostsView
from tests.gui_views.conftest import HOSTILE, post, tab_order

DISPLAY = Qt.ItemDataRole.DisplayRole


class FakeConfirm:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, message: str) -> bool:
        self.asked.append(message)
        return self.answer


@pytest.fixture
def posts(qtbot):
    view = PostsView(Slot.OFFICE)
    qtbot.addWidget(view)
    view.set_handle("HumasDemo")
    view.set_posts([post("3", "Pengumuman libur"), post("2", HOSTILE[2]), post("1")])
    return view


def test_model_passes_qt_model_tester(qtmodeltester):
    model = OwnPostListModel()
    model.set_posts([post(str(i)) for i in range(120, 0, -1)])
    qtmodeltester.check(model)
    model.set_posts([post("500"), *model.all_items()[:50]])
    qtmodeltester.check(model)


def test_rows_show_plain_text_and_local_time(posts):
    """Each row shows the post as written (a link tag stays text) and when it was posted."""
    shown = posts.model.data(posts.model.index(1), DISPLAY)
    text, when = shown.splitlines()
    assert text == HOSTILE[2]
    assert when == posts.model.data(posts.model.index(1), OwnPostListModel.TimeRole)
    assert when.startswith("28 Nov 2026") or when.startswith("28 Nov. 2026")
    for label in posts.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("answer", [True, False])
def test_delete_asks_first_and_emits_only_when_confirmed(qtbot, posts, answer):
    """Hapus names the account and quotes the post; nothing is asked of X unless the
    official says yes."""
    confirm = FakeConfirm(answer)
    posts.confirm = confirm
    assert not posts.delete_button.isEnabled()
    posts.post_list.setCurrentIndex(posts.model.index(1))
    assert posts.delete_button.isEnabled()
    assert posts.delete_button.text() == "Hapus"
    if answer:
        with qtbot.waitSignal(posts.delete_requested) as blocker:
            posts.delete_button.click()
        assert blocker.args == ["2"]
    else:
        with qtbot.assertNotEmitted(posts.delete_requested):
            posts.delete_button.click()
    (message,) = confirm.asked
    assert "@HumasDemo" in message
    assert HOSTILE[2] in message  # quoted as written: the real dialog shows it as plain text


def test_confirmation_keeps_percent_signs_in_the_post(posts):
    """A post containing "%1" is quoted as written, not with the handle substituted."""
    message = posts.confirmation_text(post("9", "Diskon 50%1 hari"))
    assert "Diskon 50%1 hari" in message


def test_reload_asks_the_controller(qtbot, posts):
    assert posts.refresh_button.text() == "Muat ulang"
    with qtbot.waitSignal(posts.refresh_requested):
        posts.refresh_button.click()


def test_selection_kept_on_refresh(posts):
    posts.post_list.setCurrentIndex(posts.model.index(1))
    posts.set_posts([post("4"), post("3"), post("2", HOSTILE[2]), post("1")])
    assert posts.selected_id() == "2"
    posts.set_posts([post("2", HOSTILE[2])])
    assert posts.selected_id() == "2"


def test_empty_state_accessible_names_and_tab_order(qtbot):
    view = PostsView(Slot.PERSONAL)
    qtbot.addWidget(view)
    view.show()
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "Belum ada kiriman."
    assert view.post_list.accessibleName() == "Kiriman"
    assert view.delete_button.accessibleName() and view.refresh_button.accessibleName()
    order = [view.post_list, view.delete_button, view.refresh_button]
    assert tab_order(view.post_list, order) == order
