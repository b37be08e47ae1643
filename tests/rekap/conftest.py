"""Fixtures for the supervisor's rekap: officials' data folders with real SQLite logs,
signed JSON Lines exports made by `humasdesk export`, each official with a keyring (and so
a signing key) of their own, and the supervisor's data folder with its register."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from humasdesk.commands import main
from humasdesk.core.models import Slot
from humasdesk.credentials.signing import ExportSigner
from humasdesk.store import ActivityLog, open_database
from tests.fakes import MemoryKeyring

T0 = datetime(2024, 3, 1, 1, 0, tzinfo=UTC)  # 08:00 WIB


@dataclass
class Official:
    name: str
    unit: str
    root: Path
    keyring: MemoryKeyring
    office_id: str
    office_handle: str

    @property
    def pub(self) -> Path:
        return self.root / "signing-key.pub"

    def export(self, out: Path, *extra: str) -> Path:
        code = main(
            ["export", "--format", "jsonl", "-o", str(out), "--data-dir", str(self.root), *extra],
            keyring_backend=self.keyring,
        )
        assert code == 0
        return out

    def append(self, fill: Callable[[ActivityLog], None]) -> None:
        db = open_database(self.root / "humasdesk.db", synchronous="NORMAL")
        try:
            fill(ActivityLog(db))
        finally:
            db.close()


def fill_log(log: ActivityLog, o: Official, *, seed: int, days: int = 60, start=T0) -> None:
    """A realistic mix over `days`: office posts, citizens' mentions (some answered, some
    tagged aduan and handled), official-capacity and private personal posts — appended in
    time order, as the desk logs them."""
    rng = random.Random(seed)
    office = {"slot": Slot.OFFICE, "account_id": o.office_id, "handle": o.office_handle}
    personal = {
        "slot": Slot.PERSONAL,
        "account_id": o.office_id + "9",
        "handle": "kepala_" + o.office_handle,
    }
    events: list[tuple[datetime, int, str, dict]] = [(start, 0, "signed_in", office)]
    n = 0

    def add(ts: datetime, action: str, **kw) -> None:
        events.append((ts, len(events), action, kw))

    for day in range(days):
        base = start + timedelta(days=day, hours=1)
        for k in range(rng.randint(1, 3)):
            n += 1
            add(
                base + timedelta(minutes=10 * k),
                "post_sent",
                text=f"Info layanan {o.unit} hari ke-{day}, nomor {k}",
                x_post_id=f"{o.office_id}{n:06d}",
                **office,
            )
        for k in range(rng.randint(0, 4)):
            n += 1
            mid = f"{o.office_id}9{n:06d}"
            at = base + timedelta(hours=2 + k)
            add(
                at,
                "mention_received",
                x_post_id=mid,
                citizen_handle=f"@warga_{rng.randint(1, 50)}",
                citizen_text=f"Mohon info, hubungi 0812{rng.randint(1000000, 9999999)}",
                **office,
            )
            if rng.random() < 0.3:
                add(
                    at + timedelta(minutes=5),
                    "mention_tagged",
                    x_post_id=mid,
                    details={"tag": "aduan"},
                    **office,
                )
            if rng.random() < 0.75:
                n += 1
                add(
                    at + timedelta(minutes=rng.randint(5, 60 * 30)),
                    "reply_sent",
                    in_reply_to=mid,
                    x_post_id=f"{o.office_id}8{n:06d}",
                    text="Terima kasih, kami tindak lanjuti",
                    **office,
                )
                if rng.random() < 0.5:
                    add(
                        at + timedelta(days=rng.randint(1, 20)),
                        "mention_handled",
                        x_post_id=mid,
                        **office,
                    )
        if day % 7 == 3:
            n += 1
            add(
                base + timedelta(hours=9),
                "post_sent",
                text="Kunjungan kerja",
                x_post_id=f"{o.office_id}7{n:06d}",
                details={"official_capacity": True},
                **personal,
            )
            add(
                base + timedelta(hours=10),
                "post_sent",
                text="Makan bersama keluarga",
                x_post_id=f"{o.office_id}6{n:06d}",
                **personal,
            )
    for ts, _i, action, kw in sorted(events, key=lambda e: (e[0], e[1])):
        log.append(action, ts=ts, **kw)


def make_official(
    root: Path, name: str, unit: str, office_id: str, handle: str, seed: int, **fill
) -> Official:
    root.mkdir(parents=True)
    o = Official(name, unit, root, MemoryKeyring(), office_id, handle)
    o.append(lambda log: fill_log(log, o, seed=seed, **fill))
    return o


@pytest.fixture
def officials(tmp_path) -> list[Official]:
    bandung, garut = "Humas Kota Bandung", "Humas Kab. Garut"
    return [
        make_official(tmp_path / "budi", "Budi Santoso", bandung, "100", "humas_bdg", 1),
        make_official(tmp_path / "sari", "Sari Dewi", garut, "200", "humas_grt", 2),
        make_official(tmp_path / "joko", "Joko Prasetyo", bandung, "300", "dinkes_bdg", 3),
    ]


@pytest.fixture
def supervisor(tmp_path) -> Path:
    d = tmp_path / "atasan"
    d.mkdir()
    return d


@pytest.fixture
def supervisor_keyring() -> MemoryKeyring:
    return MemoryKeyring()


def run_rekap(supervisor: Path, keyring: MemoryKeyring, *args: str) -> int:
    """`humasdesk rekap --data-dir SUPERVISOR ARGS…` in this process."""
    return main(["rekap", "--data-dir", str(supervisor), *args], keyring_backend=keyring)


def trust(supervisor: Path, keyring: MemoryKeyring, o: Official, *extra: str) -> None:
    """The supervisor adds the `signing-key.pub` the official handed over."""
    ExportSigner(backend=o.keyring, public_key_path=o.pub).ensure()
    code = run_rekap(
        supervisor, keyring, "keys", "add", str(o.pub), "--name", o.name, "--unit", o.unit, *extra
    )
    assert code == 0


def flip_byte(path: Path, needle: bytes) -> None:
    """Change one byte inside the first `needle` (an edit after signing)."""
    data = bytearray(path.read_bytes())
    i = data.index(needle) + 1
    data[i] ^= 0x01
    path.write_bytes(bytes(data))
