"""The composer's warning line: wording that does not fit the pane's account.

If this breaks, the office account publishes an official's tired personal remark (the
classic incident), or an ordinary announcement gets a warning nobody reads any more.
"""

from __future__ import annotations

from PySide6.QtTest import QTest

from humasdesk.core.models import Slot


def composer(qtbot, slot, handle):
    from humasdesk.gui.composer import Composer

    c = Composer(slot)
    qtbot.addWidget(c)
    c.set_handle(handle)
    c.show()
    return c


def test_office_remark_warns_and_sends_after_one_more_click(qtbot):
    c = composer(qtbot, Slot.OFFICE, "HumasDemo")
    QTest.keyClicks(c.parts[0].edit, "aku capek banget hari ini ")
    c.parts[0].edit.insertPlainText("😭😭😭")  # QTest types no characters beyond U+FFFF
    assert c.wording.isVisible()
    text = c.wording.text()
    assert "Kata ganti orang pertama tunggal (aku)" in text
    assert "Kata tidak baku (capek, banget)" in text
    assert "Deretan emoji (😭😭😭)" in text
    sent = []
    c.send_requested.connect(sent.append)
    c.send_button.click()
    assert sent == []  # the first press explains
    assert "Tekan Kirim (atau Jadwalkan) sekali lagi untuk tetap melanjutkan." in c.wording.text()
    c.send_button.click()
    assert len(sent) == 1 and sent[0].text == "aku capek banget hari ini 😭😭😭"


def test_an_edit_after_the_warning_asks_again(qtbot):
    c = composer(qtbot, Slot.OFFICE, "HumasDemo")
    QTest.keyClicks(c.parts[0].edit, "gue otw")
    sent = []
    c.send_requested.connect(sent.append)
    c.send_button.click()
    QTest.keyClicks(c.parts[0].edit, " ya")
    c.send_button.click()
    assert sent == []
    assert "Tekan Kirim (atau Jadwalkan) sekali lagi" in c.wording.text()


def test_ordinary_announcement_stays_quiet_and_sends_at_once(qtbot):
    c = composer(qtbot, Slot.OFFICE, "HumasDemo")
    QTest.keyClicks(
        c.parts[0].edit, "Layanan KTP elektronik buka pukul 08.00 WIB di kantor kecamatan."
    )
    assert not c.wording.isVisible()
    sent = []
    c.send_requested.connect(sent.append)
    c.send_button.click()
    assert len(sent) == 1


def test_personal_pane_warns_about_the_offices_hashtag_not_about_feelings(qtbot):
    c = composer(qtbot, Slot.PERSONAL, "rina_humas")
    c.parts[0].edit.setPlainText("aku capek banget hari ini 😭😭😭")
    assert not c.wording.isVisible()
    c.parts[0].edit.setPlainText("Layanan kembali normal. #HumasDemo")
    assert c.wording.isVisible()
    assert "Tagar resmi kantor (#HumasDemo) di akun pribadi" in c.wording.text()


def test_office_post_naming_the_personal_account(qtbot):
    c = composer(qtbot, Slot.OFFICE, "HumasDemo")
    c.wording.personal_handles = lambda: ["rina_humas"]
    c.parts[0].edit.setPlainText("Rapat dipimpin @rina_humas hari ini.")
    assert "Menyebut akun pribadi (@rina_humas) dari akun kantor" in c.wording.text()


def test_the_data_folders_rules_reach_the_composer(qtbot, tmp_path):
    """An agency's own programme name, added in the data folder, warns in the personal pane
    as `humasdesk check` does."""
    from humasdesk.gui.aduan.wording_line import rules_for
    from humasdesk.paths import rules_dirs

    (tmp_path / "office_terms.toml").write_text(
        '[[rule]]\ncode = "programme_name"\naccount = "personal"\nphrases = ["Kampung Tangguh"]\n',
        encoding="utf-8",
    )
    c = composer(qtbot, Slot.PERSONAL, "rina_humas")
    c.wording.rules = rules_for([*rules_dirs(), tmp_path])
    c.parts[0].edit.setPlainText("Kampung Tangguh hadir di desa kami!")
    assert "Nama program kantor (Kampung Tangguh) di akun pribadi" in c.wording.text()
