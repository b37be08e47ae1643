"""Shared helpers for the benchmarks: the sandbox (in a child process, or external), its
control API, an in-memory keyring, realistic Indonesian text, and table printing.

Network traffic goes only to the sandbox on 127.0.0.1 (or the `--sandbox-url` given).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
SERVICE = "humasdesk-bench"


# --- keyring ------------------------------------------------------------------------------------


class MemoryKeyring:
    """A keyring backend kept in a dict (duck-typed: not registered with `keyring`)."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring import errors as kerr

        try:
            del self.items[(service, username)]
        except KeyError:
            raise kerr.PasswordDeleteError("No such password!") from None


# --- the sandbox ----------------------------------------------------------------------------------


@contextlib.contextmanager
def sandbox(url: str | None = None) -> Iterator[str]:
    """The base URL of a sandbox: `url` itself when given (external), else a fresh one in a
    child process (`python -m humasdesk.sandbox`), stopped on exit. A child process keeps
    the emulator's own work off the measured process's GIL, as X would be."""
    if url:
        yield url.rstrip("/")
        return
    proc = subprocess.Popen(
        [sys.executable, "-m", "humasdesk.sandbox", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("http"):
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        yield line.rstrip("/")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def control(base_url: str, method: str, what: str, body: Any = None, **params: Any) -> Any:
    """Call the sandbox control API (`/_sandbox/<what>`); returns `data`."""
    r = requests.request(
        method, f"{base_url}/_sandbox/{what}", json=body, params=params or None, timeout=30
    )
    r.raise_for_status()
    return r.json()["data"]


def add_fault(base_url: str, **fault: Any) -> None:
    control(base_url, "POST", "faults", fault)


def pending_faults(base_url: str) -> list[dict[str, Any]]:
    return control(base_url, "GET", "faults")


def clear_faults(base_url: str) -> None:
    control(base_url, "DELETE", "faults")


def advance_clock(base_url: str, seconds: float) -> None:
    control(base_url, "POST", "clock", {"advance_s": seconds})


def posts_on_x(base_url: str, author: str | None = None) -> list[dict[str, Any]]:
    if author:
        return control(base_url, "GET", "posts", author=author)
    return control(base_url, "GET", "posts")


def count_on_x(base_url: str, expected: dict[str, str]) -> dict[str, int]:
    """Count, on the sandbox, the `expected` posts (text -> author handle): how many are
    there at least once, extra copies (duplicates), missing (lost), and copies posted by
    the other account (wrong_account)."""
    seen: dict[str, int] = {}
    wrong = 0
    for p in posts_on_x(base_url):
        text = p["text"]
        if text in expected:
            if p.get("author_username") == expected[text]:
                seen[text] = seen.get(text, 0) + 1
            else:
                wrong += 1
    on_x = len(seen)
    return {
        "posts": len(expected),
        "on_x": on_x,
        "duplicates": sum(n - 1 for n in seen.values()),
        "lost": len(expected) - on_x,
        "wrong_account": wrong,
    }


def session_for(slot: Any, base_url: str, *, timeout: float) -> Any:
    """A practice `AccountSession` signed in over the real OAuth flow, whose X client has a
    read time-out of `timeout` seconds (`sign_in_practice` keeps the 15 s default)."""
    from dataclasses import replace

    from humasdesk.services.session import PRACTICE_CLIENT_ID, PRACTICE_HANDLES, AccountSession
    from humasdesk.xapi.client import XClient
    from humasdesk.xapi.signin import sign_in_headless

    tokens = sign_in_headless(PRACTICE_CLIENT_ID, base_url, PRACTICE_HANDLES[slot], timeout=30)
    client = XClient(tokens, base_url=base_url, timeout=timeout)
    account = client.me()
    tokens = replace(tokens, user_id=account.user_id, username=account.username)
    client.set_tokens(tokens)
    return AccountSession(slot=slot, account=account, tokens=tokens, client=client)


def practice_services(database: Path, base_url: str, keyring: Any, **options: Any) -> Any:
    """`prepare_services` for a `DeskController` against the sandbox at `base_url`, tokens in
    `keyring` (a `MemoryKeyring`); `options` go to `build_desk_services`."""
    from humasdesk.credentials import FallbackTokenStore, TokenStore
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.services.desk_services import build_desk_services
    from humasdesk.services.session import PRACTICE_CLIENT_ID

    return lambda: build_desk_services(
        database,
        XEndpoint(PRACTICE_CLIENT_ID, base_url, 0),
        FallbackTokenStore(TokenStore(SERVICE, backend=keyring)),
        **options,
    )



def practice_desk(data: Path, base_url: str) -> tuple[Any, Any, Any]:
    """The real desk (window and controller) in practice mode against the sandbox at
    `base_url`, data in `data`, tokens in memory: shown at 1280×800 and started. Returns
    (app, window, controller)."""
    from PySide6.QtWidgets import QApplication

    from humasdesk.gui.collector import collect_on_gui_thread
    from humasdesk.gui.desk import DeskController
    from humasdesk.gui.main_window import MainWindow
    from humasdesk.services.session import PRACTICE_HANDLES
    from humasdesk.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_on_gui_thread(app)  # as the desk's composition root does
    window = MainWindow(practice=True)
    controller = DeskController(
        window,
        prepare_services=practice_services(data / "humasdesk.db", base_url, MemoryKeyring()),
        open_url=lambda u: None,
        practice_handles=PRACTICE_HANDLES,
        confirm_sign_out=False,
        settings=Settings.load(data / "settings.json"),
        data_root=data,
        parent=window,
    )
    window.resize(1280, 800)
    window.show()
    controller.start()
    return app, window, controller

# --- Indonesian text ------------------------------------------------------------------------------

LAYANAN = [
    "pembuatan KTP elektronik", "perpanjangan SIM", "pengurusan akta kelahiran",
    "pendaftaran BPJS Kesehatan", "izin mendirikan bangunan", "pembayaran PBB",
    "vaksinasi anak", "pengaduan air bersih", "perbaikan jalan lingkungan",
    "penerbitan kartu keluarga", "bantuan sosial tunai", "layanan Mal Pelayanan Publik",
    "pendaftaran sekolah (PPDB)", "pengangkutan sampah", "penerangan jalan umum",
    "pelayanan puskesmas", "izin usaha mikro", "legalisir ijazah",
]  # fmt: skip
TEMPAT = [
    "Kecamatan Cempaka Putih", "Kelurahan Sukamaju", "Jalan Sudirman", "Pasar Induk",
    "Terminal Kampung Rambutan", "Kantor Disdukcapil", "Kecamatan Tanah Abang",
    "Kelurahan Bojong Gede", "Jalan Ahmad Yani", "Balai Kota", "RSUD Kota",
    "Alun-alun Kota", "Kecamatan Kebayoran Baru", "Desa Sindangjaya",
]  # fmt: skip
WAKTU = [
    "mulai Senin pagi", "pukul 08.00–15.00 WIB", "hingga akhir bulan ini", "setiap Sabtu",
    "selama libur Lebaran", "mulai pekan depan", "hari ini", "besok pukul 09.00 WIB",
    "sampai pukul 14.00 WIB", "Jumat sore",
]  # fmt: skip
PEMBUKA = [
    "Info layanan:", "Pengumuman:", "Warga yang kami hormati,", "Kabar baik!",
    "Mohon perhatian:", "Sahabat Humas,", "Update:", "Sosialisasi:",
]  # fmt: skip
PENUTUP = [
    "Terima kasih atas kesabarannya.", "Informasi lebih lanjut hubungi call center 112.",
    "Bawa dokumen asli dan fotokopi.", "Layanan ini gratis, tidak dipungut biaya.",
    "Mohon sebarkan informasi ini.", "Ikuti terus akun resmi kami.",
    "Antrean daring tersedia di aplikasi.", "Petugas siap membantu di lokasi.",
]  # fmt: skip
KELUHAN = [
    "sudah tiga hari antre tapi belum selesai", "lampu jalan mati sejak minggu lalu",
    "sampah menumpuk dan belum diangkut", "jalan berlubang membahayakan pengendara",
    "air PDAM tidak mengalir dari pagi", "petugas loket belum datang",
    "situs pendaftaran error terus", "banjir setinggi lutut di gang kami",
    "kapan bantuan sosial cair?", "mohon info syarat terbaru",
]  # fmt: skip
SAPAAN = ["Min", "Pak", "Bu", "Admin", "Kak"]
NAMA = [
    "budi", "siti", "agus", "dewi", "rina", "andi", "wulan", "yusuf", "nur", "eko", "putri",
    "bayu", "indah", "rizki", "fajar", "maya", "joko", "lestari", "hendra", "ayu",
]  # fmt: skip


def post_text(rng: random.Random, tag: str) -> str:
    """An own post about a public service; `tag` keeps it unique."""
    return (
        f"{rng.choice(PEMBUKA)} {rng.choice(LAYANAN)} di {rng.choice(TEMPAT)} "
        f"{rng.choice(WAKTU)}. {rng.choice(PENUTUP)} #{tag}"
    )


def citizen_handle(rng: random.Random) -> str:
    return f"{rng.choice(NAMA)}_{rng.choice(NAMA)}{rng.randrange(1, 999)}"[:15]


def mention_text(rng: random.Random, to: str) -> str:
    return (
        f"@{to} {rng.choice(SAPAAN)}, {rng.choice(LAYANAN)} di {rng.choice(TEMPAT)} "
        f"{rng.choice(KELUHAN)}. Mohon ditindaklanjuti."
    )


def reply_text(rng: random.Random, handle: str) -> str:
    return (
        f"@{handle} Terima kasih laporannya. Aduan soal {rng.choice(LAYANAN)} sudah kami "
        f"teruskan ke unit terkait {rng.choice(WAKTU)}. {rng.choice(PENUTUP)}"
    )


def distinct_posts(n: int, slots: Sequence[Any], rng: random.Random, run: str) -> list[tuple]:
    """`n` (slot, text) pairs, alternating `slots`, each text unique and never nearly the
    same as a text of the other slot (the desk refuses cross-account near-duplicates, as X's
    rules ask, and the benchmark must not trip that on purpose)."""
    from humasdesk.core.similarity import is_near_duplicate

    out: list[tuple] = []
    by_slot: dict[Any, list[str]] = {s: [] for s in slots}
    for i in range(n):
        slot = slots[i % len(slots)]
        others = [t for s, ts in by_slot.items() if s != slot for t in ts]
        for _ in range(50):
            text = post_text(rng, f"{run}{i:04d}")
            if not any(is_near_duplicate(text, o) for o in others):
                break
        by_slot[slot].append(text)
        out.append((slot, text))
    return out


def run_id() -> str:
    """A short tag that keeps texts unique across runs against one external sandbox."""
    return "b" + format(int(time.time() * 1000) % 36**5, "x")


# --- output ---------------------------------------------------------------------------------------


def table(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> str:
    rows = [[str(c) for c in r] for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return "\n".join(lines)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[k - 1]


def emit(figures: dict[str, Any]) -> None:
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def env_offscreen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
