"""The activity log view: what the official sees when he opens Log Aktivitas."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from humasdesk.gui.log_view import LogView, post_url
from humasdesk.gui.models.log_model import (
    COL_ACCOUNT,
    COL_ACTION,
    COL_CITIZEN,
    COL_SEQ,
    COL_TEXT,
    EntryRole,
    LogTableModel,
)
from humasdesk.gui.tasks import Worker
from tests.gui_log.conftest import HOSTILE_TEXT, POST_ID, build_many, build_sample


class Opener:
    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


@pytest.fixture
def make_view(qtbot, activity_log):
    views: list[LogView] = []

    def make(opener: Opener | None = None) -> LogView:
        view = LogView(activity_log, url_opener=opener or Opener())
        qtbot.addWidget(view)
        view.resize(900, 400)
        view.show()
        views.append(view)
        wait_loaded(qtbot, view)
        return view

    yield make
    for view in views:
        view.shutdown(wait=True, timeout=5)


def wait_loaded(qtbot, view: LogView) -> None:
    qtbot.waitUntil(lambda: not view.model.is_loading() and view.model.total() is not None)


def shown_seqs(view: LogView) -> list[int]:
    m = view.model
    return [m.entry_at(r).seq for r in range(m.rowCount())]


def cell(view: LogView, seq: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    m = view.model
    return m.data(m.index(m.row_of_seq(seq), col), role)


def count_text(n: int) -> str:
    """The count line as the official reads it ("1.000 entri": Indonesian digit grouping)."""
    return f"{n:,} entri".replace(",", ".")


def test_a_long_log_loads_page_by_page_as_the_official_scrolls(qtbot, activity_log, make_view):
    """With a year of activity the log must open at once: only the first page is read, and
    scrolling down brings the next. Otherwise the desk freezes on opening the log."""
    build_many(activity_log, 1000)
    view = make_view()
    model = view.model
    assert model.rowCount() == 200  # far fewer than the 1,000 entries
    assert model.canFetchMore(QModelIndex())
    assert shown_seqs(view)[:3] == [1000, 999, 998]  # newest first
    assert view.count_label.text() == "1.000 entri"  # Indonesian digit grouping

    bar = view.table.verticalScrollBar()
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        bar.setValue(bar.maximum())
    assert model.rowCount() == 400

    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 600)
    seqs = shown_seqs(view)
    assert seqs == list(range(1000, 400, -1))  # no gaps, no repeats


def test_new_entries_during_scrolling_do_not_show_twice(qtbot, activity_log, make_view):
    """Entries are appended while the official reads the log; the next page must not repeat
    rows already shown (offsets shift under him)."""
    build_many(activity_log, 450)
    view = make_view()
    build_many(activity_log, 5)  # five new entries on top
    model = view.model
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.is_loading())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()))
    seqs = shown_seqs(view)
    assert seqs == list(range(450, 0, -1))


def test_columns_show_account_action_text_and_citizen(activity_log, make_view):
    """Each row says who (Kantor/Pribadi @handle), what (Indonesian action) and the text."""
    build_sample(activity_log)
    view = make_view()
    assert shown_seqs(view) == [8, 7, 6, 5, 4, 3, 2, 1]
    assert cell(view, 2, COL_ACCOUNT) == "Kantor @humas_kota"
    assert cell(view, 4, COL_ACCOUNT) == "Pribadi @budi_kahumas"
    assert cell(view, 2, COL_ACTION) == "Kiriman terkirim"
    assert cell(view, 3, COL_ACTION) == "Mention diterima"
    assert cell(view, 7, COL_ACTION) == "future_action"  # from a newer version: raw value
    assert cell(view, 2, COL_TEXT) == "Posko banjir dibuka di Jalan Merdeka"
    assert cell(view, 3, COL_CITIZEN) == "@warga_satu"
    assert cell(view, 1, COL_CITIZEN) == ""
    assert cell(view, 2, COL_SEQ) == "2"
    assert view.count_label.text() == count_text(8)


def test_filters_by_period_account_and_action(qtbot, activity_log, make_view):
    """The official narrows the log to a week, an account or one kind of action; the count
    follows. A filter that is ignored would hand the supervisor the wrong entries."""
    build_sample(activity_log)
    view = make_view()

    view.set_period(date(2026, 11, 3), date(2026, 11, 4))
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [3, 2]
    assert view.count_label.text() == count_text(2)

    view.set_period(date(2026, 11, 10), None)  # open end
    wait_loaded(qtbot, view)
    assert shown_seqs(view)[-3:] == [6, 5, 4]

    view.on_reset_button_clicked()
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [8, 7, 6, 5, 4, 3, 2, 1]

    view.account_combo.setCurrentIndex(view.account_combo.findData("personal"))
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [5, 4]

    view.account_combo.setCurrentIndex(0)
    view.action_combo.setCurrentIndex(view.action_combo.findData("post_sent"))
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [4, 2]
    assert view.action_combo.currentText() == "Kiriman terkirim"
    assert view.count_label.text() == count_text(2)


def test_search_finds_an_indonesian_word_in_posts_and_mentions(qtbot, activity_log, make_view):
    """Typing "banjir" finds the post about the flood, a prefix ("tindak") finds the reply,
    and the mention text is searched too. The search waits for the official to stop typing."""
    build_sample(activity_log)
    view = make_view()
    with qtbot.waitSignal(view.filter_changed, timeout=3000):
        qtbot.keyClicks(view.search_edit, "banjir")
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [2]

    view.search_edit.setText("tindak")
    view.apply_filters()
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [6]

    view.search_edit.setText("rusak")
    view.apply_filters()
    wait_loaded(qtbot, view)
    assert shown_seqs(view) == [3]


@pytest.mark.parametrize("text", ['"', "AND (", "*", 'banjir" OR *', "NEAR(", "-banjir"])
def test_search_survives_hostile_input(qtbot, activity_log, make_view, text):
    """Quotes, operators and stars in the search box are just text: the log keeps showing
    (an FTS syntax error would blank the view with a database error)."""
    build_sample(activity_log)
    view = make_view()
    failures: list[str] = []
    view.model.query_failed.connect(failures.append)
    view.search_edit.setText(text)
    view.apply_filters()
    wait_loaded(qtbot, view)
    assert failures == []
    assert not view.status_label.isVisible()
    assert view.count_label.text() == count_text(view.model.rowCount())


def test_html_in_citizen_text_stays_literal(qtbot, activity_log, make_view):
    """A citizen who writes <b> or <img src=…> must see his text shown as typed, never
    rendered: not in the table, its tooltip, or the detail dialog."""
    build_sample(activity_log)
    view = make_view()
    assert cell(view, 3, COL_TEXT) == HOSTILE_TEXT
    tooltip = cell(view, 3, COL_TEXT, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x&gt;" in tooltip and "<img" not in tooltip

    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(view.model.row_of_seq(3), 0))
    with qtbot.waitSignal(view.entry_opened, timeout=3000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens the entry
    assert opened.args[0].seq == 3
    dialog = view.detail_dialog
    assert dialog is not None and dialog.isVisible()
    box = dialog.fields["citizen_text"]
    assert isinstance(box, QPlainTextEdit) and box.toPlainText() == HOSTILE_TEXT
    for widget in dialog.fields.values():
        if isinstance(widget, QLabel):
            assert widget.textFormat() == Qt.TextFormat.PlainText
    assert dialog.fields["citizen_handle"].text() == "@warga_satu"


def test_detail_dialog_shows_every_field_and_opens_the_post_on_x(qtbot, activity_log, make_view):
    """ "Lihat di X" opens exactly the post the entry is about, on the account that sent it."""
    build_sample(activity_log)
    opener = Opener()
    view = make_view(opener)
    with qtbot.waitSignal(view.entry_opened, timeout=3000):
        rect = view.table.visualRect(view.model.index(view.model.row_of_seq(2), COL_TEXT))
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.detail_dialog
    entry = view.model.data(view.model.index(view.model.row_of_seq(2), 0), EntryRole)
    assert dialog.fields["seq"].text() == "2"
    assert dialog.fields["hash"].text() == entry.hash
    assert dialog.fields["prev_hash"].text() == entry.prev_hash
    assert dialog.fields["x_post_id"].text() == POST_ID
    assert dialog.fields["ts_utc"].text() == "2026-11-03 05:00:00.000 UTC"
    assert dialog.fields["text"].toPlainText() == "Posko banjir dibuka di Jalan Merdeka"
    assert dialog.view_on_x_button.isVisible()
    assert dialog.view_on_x_button.text() == "Lihat di X"
    qtbot.mouseClick(dialog.view_on_x_button, Qt.MouseButton.LeftButton)
    assert opener.urls == [QUrl(f"https://x.com/humas_kota/status/{POST_ID}")]

    view.open_entry(1)  # signed in: no post, no link
    qtbot.waitUntil(lambda: view.detail_dialog is not dialog)
    assert not view.detail_dialog.view_on_x_button.isVisible()


def test_post_url_refuses_what_is_not_an_x_handle_or_id():
    """A damaged entry must not turn "Lihat di X" into a link somewhere else."""
    assert post_url("humas_kota", "123").toString() == "https://x.com/humas_kota/status/123"
    assert post_url("@humas_kota", "123").toString() == "https://x.com/humas_kota/status/123"
    assert post_url("evil.com/x", "123") is None
    assert post_url("humas", "12?x=1") is None
    assert post_url(None, "123") is None


def test_erased_personal_text_shows_as_erased(qtbot, activity_log, make_view):
    """After a citizen's data is erased (UU PDP), the entry stays but says its text was
    erased; the citizen's words and handle are gone from the table and the dialog."""
    build_sample(activity_log)
    view = make_view()
    erased = "(teks telah dihapus)"
    assert cell(view, 5, COL_TEXT) == erased
    assert cell(view, 5, COL_CITIZEN) == ""
    assert cell(view, 8, COL_ACTION) == "Data pribadi dihapus"
    with qtbot.waitSignal(view.entry_opened, timeout=3000):
        view.open_entry(5)
    dialog = view.detail_dialog
    assert dialog.fields["citizen_text"].toPlainText() == erased
    assert dialog.fields["citizen_handle"].text() == "(telah dihapus)"
    assert "ulang tahun" not in " ".join(
        w.text() if isinstance(w, QLabel) else w.toPlainText() for w in dialog.fields.values()
    )


def test_every_control_is_named_and_reachable_by_tab(activity_log, make_view):
    """A keyboard or screen-reader user reaches the filters, the search and the table."""
    view = make_view()
    controls = [
        view.from_date,
        view.to_date,
        view.account_combo,
        view.action_combo,
        view.search_edit,
        view.reset_button,
        view.table,
    ]
    for widget in controls:
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    order, w = [view.from_date], view.from_date.nextInFocusChain()
    wanted = {id(c) for c in controls}
    while w is not view.from_date and len(order) < len(controls):
        if id(w) in wanted and w not in order:
            order.append(w)
        w = w.nextInFocusChain()
    assert order == controls
    assert not view.table.tabKeyNavigation()  # Tab leaves the table


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, activity_log):
    """The table model keeps Qt's rules while loaded and while pages arrive, so views don't
    crash or show stale rows."""
    build_sample(activity_log)
    worker = Worker("test-log-model")
    try:
        model = LogTableModel(activity_log, worker, page_size=3)
        with qtbot.waitSignal(model.page_loaded, timeout=3000):
            model.reload()
        assert model.rowCount() == 3
        qtmodeltester.check(model)
        with qtbot.waitSignal(model.page_loaded, timeout=3000):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == 6
        qtbot.waitUntil(lambda: not model.is_loading())
        qtmodeltester.check(model)
    finally:
        worker.shutdown(wait=True, timeout=5)
