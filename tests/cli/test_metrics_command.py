"""`humasdesk sync` records a post made in X's app and takes due snapshots; `humasdesk
metrics refresh` reads every post's numbers now; `metrics list --json` gives them with X's
own names, so a script can compare them with X (here: the sandbox's own listing)."""

from __future__ import annotations

import json
import re

import requests

from .conftest import humasdesk

NAMES = ("impression_count", "like_count", "retweet_count", "quote_count", "reply_count",
         "bookmark_count")  # fmt: skip


def test_sync_then_metrics_refresh_and_list(tmp_path, real_keyring, sandbox):
    data = tmp_path / "data"
    url = sandbox.base_url
    r = humasdesk("signin", "office", "--sandbox-url", url, "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    body = {"author": "HumasDemo", "text": "Dari ponsel: info layanan."}
    made = requests.post(f"{url}/_sandbox/posts", json=body, timeout=10)
    assert made.status_code == 201, made.text
    pid = made.json()["data"]["id"]

    r = humasdesk("sync", "--sandbox-url", url, "--data-dir", str(data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "kiriman: 1 dari luar HumasDesk dicatat" in r.stdout

    listed = humasdesk("metrics", "list", "--json", "--data-dir", str(data))
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert row["x_post_id"] == pid and row["account"] == "office"
    assert row["read_at"] is None and row["impression_count"] is None  # not read: not zero

    requests.post(f"{url}/_sandbox/clock", json={"advance_s": 1800}, timeout=10)
    r = humasdesk("metrics", "refresh", "--account", "office", "--sandbox-url", url,
                  "--data-dir", str(data))  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr
    assert "angka 1 kiriman dibaca" in r.stdout and "dari US$2.00 bulan ini" in r.stdout

    listed = humasdesk("metrics", "list", "--json", "--data-dir", str(data))
    (row,) = json.loads(listed.stdout)
    on_x = next(p for p in requests.get(f"{url}/_sandbox/posts", timeout=10).json()["data"]
                if p["id"] == pid)["public_metrics"]  # fmt: skip
    assert {n: row[n] for n in NAMES} == {n: on_x[n] for n in NAMES}
    assert re.search(r"[+-]\d\d:\d\d$", row["read_at"])  # ISO 8601 with the offset

    text = humasdesk("metrics", "list", "--data-dir", str(data))
    assert text.returncode == 0 and pid in text.stdout


def test_metrics_bad_usage(tmp_path, real_keyring, sandbox):
    data = tmp_path / "data"
    r = humasdesk("metrics", "refresh", "--sandbox-url", sandbox.base_url, "--data-dir",
                  str(data))  # fmt: skip
    assert r.returncode == 2
    r = humasdesk("metrics", "bogus", "--data-dir", str(data))
    assert r.returncode == 2
    r = humasdesk("metrics", "list", "--data-dir", str(data))
    assert r.returncode == 2  # no data folder yet
