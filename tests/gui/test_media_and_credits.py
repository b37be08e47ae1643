"""Media and credits as X has them, from the composer to the sandbox over real HTTP.

Images are added through the composer's own "Tambah gambar…" button: the real file dialog
and the real alt-text question are answered the way an official would (a file chosen, a
description typed). The sandbox then tells how each file travelled (one-shot or chunked)
and what X holds (alt text), and its billing ledger what X would bill.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import requests
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from humasdesk.core.cost import month_key
from humasdesk.core.models import Slot
from humasdesk.services.posting import utcnow
from tests.gui.helpers import wait_signed_in
from tests.media_files import gif, png


def control(sandbox, method: str, path: str, **kw) -> requests.Response:
    r = requests.request(method, f"{sandbox.base_url}/_sandbox/{path}", timeout=10, **kw)
    assert r.status_code < 300, r.text
    return r


def ready(qtbot, make_desk, keyring_backend, **kwargs):
    window, controller = make_desk(keyring_backend, **kwargs)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    for pane in window.panes.values():
        qtbot.waitUntil(lambda p=pane: p.composer.handle != "", timeout=10000)
    return window, controller


def add_image_as_an_official(qtbot, composer, path: Path, description: str) -> None:
    """Press "Tambah gambar…", choose `path` in the file dialog, type the description."""
    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog) and "file" not in answered:
            answered.append("file")
            box.selectFile(str(path))
            box.accept()
        elif isinstance(box, QInputDialog) and "alt" not in answered:
            answered.append("alt")
            box.setTextValue(description)
            box.accept()
        if len(answered) < 2:
            QTimer.singleShot(20, answer)

    before = len(composer.images)
    QTimer.singleShot(0, answer)
    qtbot.mouseClick(composer.add_image_button, Qt.MouseButton.LeftButton)
    assert answered == ["file", "alt"]
    assert len(composer.images) == before + 1
    assert composer.images[-1].alt_text == description


def media_on_x(sandbox) -> list[dict]:
    return control(sandbox, "GET", "media").json()["data"]


def post_on_x(sandbox, handle: str, text: str) -> dict | None:
    posts = control(sandbox, "GET", "posts", params={"author": handle}).json()["data"]
    return next((p for p in posts if p["text"] == text), None)


def send(qtbot, composer, text: str) -> None:
    composer.parts[0].edit.setPlainText(text)
    assert composer.send_button.isEnabled(), composer.problems_label.text()
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)


def test_a_gif_and_a_6_mb_photo_post_through_the_chunked_path(
    qtbot, make_desk, keyring_backend, sandbox, tmp_path
):
    """X's one-shot upload takes neither a GIF nor a photo over 5 MB: both go chunked, and
    each shows on X with the description the official typed."""
    window, _ = ready(qtbot, make_desk, keyring_backend)
    composer = window.panes[Slot.PERSONAL].composer
    anim = tmp_path / "jadwal.gif"
    anim.write_bytes(gif(24, 16, 4))
    photo = tmp_path / "foto-udara.png"
    photo.write_bytes(png(1500, 1400, noise=True))
    assert photo.stat().st_size > 6_000_000

    cases = [
        (anim, "Animasi jadwal layanan keliling", "Jadwal layanan keliling pekan ini."),
        (photo, "Foto udara lokasi banjir di Bekasi", "Foto udara lokasi banjir hari ini."),
    ]
    for path, description, text in cases:
        add_image_as_an_official(qtbot, composer, path, description)
        send(qtbot, composer, text)
        qtbot.waitUntil(lambda t=text: post_on_x(sandbox, "rina_humas", t) is not None,
                        timeout=30000)  # fmt: skip
        stored = post_on_x(sandbox, "rina_humas", text)
        (media,) = [m for m in media_on_x(sandbox) if m["media_key"] in stored["media_keys"]]
        assert media["chunked"], path.name
        assert media["size"] == path.stat().st_size
        assert media["alt_text"] == description
    kinds = {m["category"] for m in media_on_x(sandbox)}
    assert kinds == {"tweet_gif", "tweet_image"}


def test_a_gif_with_a_photo_is_refused_before_anything_uploads(
    qtbot, make_desk, keyring_backend, sandbox, tmp_path
):
    window, _ = ready(qtbot, make_desk, keyring_backend)
    pane = window.panes[Slot.PERSONAL]
    composer = pane.composer
    (tmp_path / "a.png").write_bytes(png(20, 20))
    (tmp_path / "b.gif").write_bytes(gif(10, 10))
    add_image_as_an_official(qtbot, composer, tmp_path / "a.png", "Foto pelayanan")
    add_image_as_an_official(qtbot, composer, tmp_path / "b.gif", "Animasi pelayanan")
    composer.parts[0].edit.setPlainText("Foto dan animasi pelayanan")
    assert not composer.send_button.isEnabled()
    assert not composer.add_image_button.isEnabled()  # nothing joins a GIF
    explained = composer.problems_label.text()
    assert "4 foto atau 1 GIF" in explained and "Belum ada yang diunggah" in explained
    qtbot.keyClick(composer.parts[0].edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.outbox_view.model.rowCount() == 0
    assert media_on_x(sandbox) == []  # nothing went to X
    composer.images.pop()  # the official removes the GIF: the photo alone may go
    composer.refresh()
    assert composer.send_button.isEnabled()


def _cost_in_header(pane) -> Decimal | None:
    m = re.search(r"US\$\s*([0-9.,]+)", pane.header.quota_label.text())
    return Decimal(m.group(1).replace(",", ".")) if m else None


def test_credit_used_up_is_said_and_coba_lagi_resumes(qtbot, make_desk, keyring_backend, sandbox):
    """With the agency's credit used up the post waits (nothing lost), the pane says why and
    who can top it up; after the top-up "Coba lagi" sends it, once."""
    window, _ = ready(qtbot, make_desk, keyring_backend)
    pane = window.panes[Slot.PERSONAL]
    control(sandbox, "POST", "credits", json={"balance": "0"})
    text = "Pengumuman saat kredit habis."
    send(qtbot, pane.composer, text)
    qtbot.waitUntil(lambda: pane.credits_notice.isVisible(), timeout=20000)
    notice = pane.credits_label.text()
    assert "Kredit X instansi sudah habis" in notice
    assert "tidak ada yang hilang" in notice and "Admin akun developer X" in notice
    assert pane.credits_retry_button.text() == "Coba lagi"
    assert post_on_x(sandbox, "rina_humas", text) is None
    qtbot.waitUntil(lambda: len(pane.outbox_view.model.all_items()) == 1, timeout=20000)
    (item,) = pane.outbox_view.model.all_items()
    assert item.state.value == "queued"  # waiting (tried once, or not even tried), not failed
    assert item.last_error_kind in (None, "credits_depleted")

    qtbot.mouseClick(pane.credits_retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.credits_notice.isVisible(), timeout=20000)  # still used up
    assert post_on_x(sandbox, "rina_humas", text) is None

    control(sandbox, "POST", "credits", json={"balance": "5.00"})
    qtbot.mouseClick(pane.credits_retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: post_on_x(sandbox, "rina_humas", text) is not None, timeout=20000)
    qtbot.waitUntil(lambda: not pane.credits_notice.isVisible(), timeout=20000)
    posts = control(sandbox, "GET", "posts", params={"author": "rina_humas"}).json()["data"]
    assert [p["text"] for p in posts].count(text) == 1


def test_header_estimate_matches_the_sandbox_ledger_to_the_cent(
    qtbot, make_desk, keyring_backend, sandbox
):
    """The header's month estimate is what X bills the agency: reads of mentions with their
    authors, own posts, sign-ins and posts (one with a URL), same-day repeats free."""
    window, controller = ready(qtbot, make_desk, keyring_backend)
    for handle, sender in (("HumasDemo", "warga_01"), ("rina_humas", "warga_02")):
        control(sandbox, "POST", "mentions", json={"to": handle, "from": sender,
                                                   "text": "Mohon info layanan"})  # fmt: skip
    office, personal = window.panes[Slot.OFFICE], window.panes[Slot.PERSONAL]
    send(qtbot, personal.composer, "Info layanan lengkap di https://contoh.go.id/layanan")
    qtbot.waitUntil(
        lambda: post_on_x(sandbox, "rina_humas",
                          "Info layanan lengkap di https://contoh.go.id/layanan") is not None,
        timeout=20000,
    )  # fmt: skip
    for desk in controller.slot_desks.values():
        desk.sync_now()

    def ledger_total() -> Decimal:
        months = control(sandbox, "GET", "billing").json()["data"]["months"]
        return Decimal(months[month_key(utcnow())]["usd"])

    def header_agrees() -> bool:
        total = ledger_total().quantize(Decimal("0.01"))
        return _cost_in_header(office) == total and _cost_in_header(personal) == total

    qtbot.waitUntil(header_agrees, timeout=20000)
    # Exact, not only rounded, once the last answer in flight is counted.
    qtbot.waitUntil(lambda: controller.services.usage.estimate() == ledger_total(), timeout=10000)
    assert ledger_total() > Decimal("0.20")  # the URL post alone costs $0.20
    assert controller.services.usage.counts().user_reads >= 2
