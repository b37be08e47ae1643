"""`humasdesk aduan` and the complaint counts of `humasdesk sync` (separate processes)."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import requests

from humasdesk.core.aduan import ComplaintClass
from humasdesk.store.database import open_database
from tests.aduan.conftest import Clock, Desk
from tests.cli.conftest import humasdesk

OFFSET = re.compile(r"[+-]\d\d:\d\d$")


def _register(tmp_path):
    from datetime import UTC, datetime

    data = tmp_path / "data"
    data.mkdir()
    path = data / "humasdesk.db"
    open_database(path).close()
    clock = Clock(datetime.now(UTC) - timedelta(days=10))
    desk = Desk(path, clock)
    try:
        late = desk.complaint(
            "@HumasDemo lampu jalan mati, hubungi 081234567890", author="warga_01"
        )
        clock.advance(days=9)
        fresh = desk.complaint(
            "@HumasDemo sengketa tagihan", ComplaintClass.DISPUTE, author="warga_02"
        )
        desk.reply(fresh)
        desk.cases.forward(fresh.id, "#1916449")
        # tagged in the inbox only: the command opens its case
        m = desk.mention("@HumasDemo aplikasi lambat", author="warga_03")
        desk.mentions.tag_complaint(m.x_post_id)
    finally:
        desk.close()
    return data, late, fresh


def test_aduan_json_lists_every_case_with_clocks_and_lapor_id_pseudonyms_only(tmp_path):
    data, late, fresh = _register(tmp_path)
    r = humasdesk("aduan", "--json", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 3
    assert rows[0]["id"] == late.id and rows[0]["reminder"] == "overdue"  # nearest deadline first
    by_id = {row["id"]: row for row in rows}
    f = by_id[fresh.id]
    assert (f["class"], f["status"], f["lapor_id"]) == ("dispute", "forwarded", "1916449")
    assert f["lapor_url"] == "https://www.lapor.go.id/pengaduan/1916449"
    assert f["first_response_state"] == "met" and f["limit_days"] == 14
    assert OFFSET.search(f["completion_deadline"]) and OFFSET.search(f["first_response_at"])
    assert "warga_0" not in r.stdout and "0812" not in r.stdout  # pseudonyms, never words
    assert all(row["pseudonym"].startswith("warga-") for row in rows)


def test_aduan_text_lists_cases_and_reminder_counts(tmp_path):
    data, late, _ = _register(tmp_path)
    r = humasdesk("aduan", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split("\t")[:2] == [str(late.id), "office"]
    assert lines[-1] == "0 aduan mendekati batas waktu, 1 lewat batas waktu"


def test_aduan_without_a_data_folder_exits_2(tmp_path):
    r = humasdesk("aduan", "--data-dir", str(tmp_path / "nowhere"))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1


def test_sync_prints_the_complaint_counts(tmp_path, real_keyring, sandbox):
    """An OS timer's sync says how many complaints are open, near and past their limits
    (counts only) and suggests the tag on a new complaint-like mention."""
    data = tmp_path / "data"
    url = sandbox.base_url
    r = humasdesk("signin", "office", "--sandbox-url", url, "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    injected = requests.post(
        f"{url}/_sandbox/mentions",
        json={"to": "HumasDemo", "from": "warga_pasar", "text": "Ada pungli di loket pasar"},
        timeout=10,
    )
    assert injected.status_code == 201
    r = humasdesk("sync", "--sandbox-url", url, "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(
        r"slot kantor @HumasDemo: aduan: 0 terbuka, 0 mendekati batas waktu, 0 lewat batas "
        r"waktu, [1-9]\d* saran aduan baru",
        r.stdout,
    ), r.stdout
    assert "pungli" not in r.stdout


def test_aduan_output_writes_a_signed_register(tmp_path, real_keyring):
    data, _, _ = _register(tmp_path)
    out = tmp_path / "daftar-aduan.csv"
    r = humasdesk("aduan", "-o", str(out), "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (
        f"Daftar aduan (3 aduan) tertulis di {out}; tanda tangan di daftar-aduan.csv.sig"
    )
    text = out.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("no_aduan,akun,akun_x,warga,kelas,batas_hari,status")
    assert ",1916449," in text and "0812" not in text
    assert (tmp_path / "daftar-aduan.csv.sig").is_file()
    r = humasdesk("aduan", "-o", str(tmp_path / "x.pdf"), "--data-dir", str(data))
    assert r.returncode == 2 and "pilih berkas .xlsx atau .csv" in r.stderr


def test_erasing_closed_cases_citizen_data_keeps_clocks_and_lapor_id(tmp_path):
    data, _, fresh = _register(tmp_path)
    r = humasdesk("aduan", "--erase-closed-after", "1", "--data-dir", str(data))
    assert r.returncode == 2 and "--yes" in r.stderr
    from datetime import UTC, datetime

    from humasdesk.services.aduan import CaseService
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.store.aduan_store import AduanStore
    from humasdesk.store.database import open_database

    db = open_database(data / "humasdesk.db")
    log = ActivityLog(db)
    three_days_ago = lambda: datetime.now(UTC) - timedelta(days=3)  # noqa: E731
    CaseService(AduanStore(db), log, three_days_ago).close(fresh.id)
    db.close()
    r = humasdesk("aduan", "--erase-closed-after", "1", "--yes", "--data-dir", str(data))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (
        "Data warga 1 aduan selesai dihapus (1 entri log, 1 baris kotak masuk); jam dan "
        "nomor LAPOR! tetap."
    )
    rows = {
        row["id"]: row
        for row in json.loads(humasdesk("aduan", "--json", "--data-dir", str(data)).stdout)
    }
    assert rows[fresh.id]["citizen_data_erased"] and rows[fresh.id]["lapor_id"] == "1916449"
    assert rows[fresh.id]["pseudonym"] == "(dihapus)" and rows[fresh.id]["closed_at"]
    assert humasdesk("verify", "--data-dir", str(data)).returncode == 0
