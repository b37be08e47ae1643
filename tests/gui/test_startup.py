"""What happens when the desk starts: the retention schedule runs, practice mode or the real
X is chosen, and the practice emulator comes back as it was left.

If these break: citizens' words are kept past the period the agency published (UU 27/2022);
an agency desk opens as a practice desk (or the other way round); a trainee's practice posts
and sign-ins vanish at every start.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.models import Post, Slot
from humasdesk.credentials import TokenStore
from humasdesk.practice import ENV_SANDBOX_URL
from humasdesk.settings import ENV_CLIENT_ID, Settings
from humasdesk.store import ActivityLog, ConnectionFactory
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.mentions_store import MentionsStore
from tests.fakes import MemoryKeyring
from tests.gui.helpers import wait_signed_in
from tests.qt_fixtures import drain

OFFICE = {"slot": Slot.OFFICE, "account_id": "100", "handle": "HumasDemo"}


def add_mention(db, x_id: str, text: str, age_days: int, *, complaint: bool = False) -> None:
    """A citizen's mention received `age_days` ago, as the mention sync stores it."""
    factory = ConnectionFactory(db)
    log, mentions = ActivityLog(factory), MentionsStore(factory)
    ts = datetime.now(UTC) - timedelta(days=age_days)
    post = Post(id=x_id, text=text, author_id="9" + x_id, created_at=ts,
                author_username=f"warga{x_id}", author_name="Warga")  # fmt: skip
    mentions.add_new(Slot.OFFICE, "100", [post], ts)
    log.append("mention_received", x_post_id=x_id, citizen_handle=f"warga{x_id}",
               citizen_text=text, ts=ts, **OFFICE)  # fmt: skip
    if complaint:
        mentions.set_complaint(x_id, True)
        log.append("mention_tagged", x_post_id=x_id, details={"tag": "aduan"}, ts=ts, **OFFICE)
    log.close()


def citizen_texts(activity_log) -> dict[str, str | None]:
    return {
        e.x_post_id: e.citizen_text
        for e in activity_log.iter_entries(LogFilter(actions=frozenset({"mention_received"})))
    }


def erasures(activity_log) -> list:
    return list(activity_log.iter_entries(LogFilter(actions=frozenset({"personal_data_erased"}))))


def test_retention_runs_at_start_up_and_only_once(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path
):
    """An unanswered mention older than the period (365 days by default) loses its handle and
    words when the desk starts; a recent one and an aduan (a record) keep theirs; the erasure
    is in the log, which still verifies. The next start finds nothing due and adds nothing."""
    db = tmp_path / "humasdesk.db"
    add_mention(db, "7001", "Lampu jalan mati, hubungi 081234567890", age_days=400)
    add_mention(db, "7002", "Terima kasih infonya", age_days=10)
    add_mention(db, "7003", "Sampah menumpuk sudah seminggu", age_days=400, complaint=True)
    assert erasures(activity_log) == []

    _, controller = make_desk(keyring_backend)
    qtbot.waitUntil(lambda: controller.services is not None, timeout=20000)
    # The retention run is queued on the desk's long-work worker when the services are up;
    # once that worker has drained it has finished (log first, then the inbox rows).
    drain(qtbot, controller._long_work, timeout=20000)
    assert len(erasures(activity_log)) == 1
    texts = citizen_texts(activity_log)
    assert texts["7001"] is None
    assert texts["7002"] == "Terima kasih infonya"
    assert texts["7003"] == "Sampah menumpuk sudah seminggu"
    (erasure,) = erasures(activity_log)
    assert "retensi 365 hari" in erasure.details["reason"]
    assert "jadwal" in erasure.details["reason"]
    inbox = controller.services.mentions_store
    assert "081234567890" not in (inbox.get("7001").text or "")  # the inbox row too
    assert inbox.get("7002").text == "Terima kasih infonya"
    assert activity_log.verify().ok

    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    controller.shutdown()
    _, second = make_desk(keyring_backend)  # the next start
    drain(qtbot, second._long_work, timeout=20000)  # its retention run and chain check
    assert len(erasures(activity_log)) == 1


@pytest.fixture
def no_practice_env(monkeypatch):
    monkeypatch.delenv(ENV_SANDBOX_URL, raising=False)
    monkeypatch.delenv(ENV_CLIENT_ID, raising=False)


def test_a_configured_x_app_opens_a_real_desk_not_a_practice_one(qtbot, tmp_path, no_practice_env):
    """With the agency's X app set, the desk is for the real X: no practice banner, no
    emulator, and nobody signed in until the official signs in through X."""
    data = tmp_path / "data"
    settings = Settings.load(data / "settings.json")
    settings.set("x_client_id", "agency-app-123")
    settings.save()
    desk = build_desk(DeskOptions(data_dir=str(data)), token_store=TokenStore(
        "humasdesk-test", backend=MemoryKeyring()))  # fmt: skip
    qtbot.addWidget(desk.window)
    try:
        assert desk.backend is None  # no emulator
        assert not desk.window.practice_banner.isVisible()
        assert desk.window.statusBar().currentMessage() != "Mode Latihan"
        qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)
        for pane in desk.window.panes.values():
            qtbot.waitUntil(lambda p=pane: p.pages.currentIndex() == 0, timeout=20000)
            assert pane.sign_in_button.isVisible()
        assert desk.controller.sessions == {}
    finally:
        desk.close()


def test_the_practice_emulator_comes_back_as_it_was_left(qtbot, tmp_path, no_practice_env):
    """Practice mode's own emulator keeps its state in the data folder (sandbox-state.json):
    after a restart the trainee's post is still on "X" and in her pane, and the saved
    sign-ins still work (nobody is signed in afresh)."""
    data = tmp_path / "data"
    backend = MemoryKeyring()  # the keyring survives the restart, like the real one

    def start():
        store = TokenStore("humasdesk-test", backend=backend)
        desk = build_desk(DeskOptions(data_dir=str(data)), token_store=store)
        qtbot.addWidget(desk.window)
        qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)
        wait_signed_in(qtbot, desk.controller, Slot.OFFICE, Slot.PERSONAL)
        return desk

    text = "Latihan: pengumuman jam layanan perpustakaan daerah."
    desk = start()
    try:
        assert desk.backend is not None and desk.window.practice_banner.isVisible()
        base = desk.backend.start()  # the running emulator's address
        personal = desk.window.panes[Slot.PERSONAL]
        drain(qtbot, desk.controller.slot_desks[Slot.PERSONAL].worker, timeout=20000)
        personal.composer.parts[0].edit.setPlainText(text)
        personal.composer.send_button.click()
        qtbot.waitUntil(lambda: text in [p.text for p in personal.posts_view.model.all_items()],
                        timeout=30000)  # fmt: skip
        assert text in [
            p["text"]
            for p in requests.get(
                f"{base}/_sandbox/posts", params={"author": "rina_humas"}, timeout=10
            ).json()["data"]
        ]
    finally:
        desk.close()
    assert (data / "sandbox-state.json").is_file()

    desk = start()
    try:
        base = desk.backend.start()
        on_x = requests.get(
            f"{base}/_sandbox/posts", params={"author": "rina_humas"}, timeout=10
        ).json()["data"]
        assert [p["text"] for p in on_x].count(text) == 1
        personal = desk.window.panes[Slot.PERSONAL]
        qtbot.waitUntil(lambda: text in [p.text for p in personal.posts_view.model.all_items()],
                        timeout=20000)  # fmt: skip
        log = desk.controller.services.log
        signed_in = [e.slot for e in log.iter_entries(LogFilter()) if str(e.action) == "signed_in"]
        assert sorted(signed_in) == ["office", "personal"]  # from the first start only
    finally:
        desk.close()
