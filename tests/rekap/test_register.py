"""The supervisor's register of trusted keys: added from the key file or the fingerprint
typed from a report, retired from a day on, never silently rewritten."""

from __future__ import annotations

import json
from datetime import date

import pytest

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.credentials.signing import ExportSigner
from humasdesk.store.trusted_keys import KeyRegisterError, TrustedKeys
from tests.fakes import MemoryKeyring

from .conftest import run_rekap


@pytest.fixture
def key() -> ExportSigner:
    return ExportSigner(backend=MemoryKeyring())


def test_add_from_fingerprint_as_printed_in_a_report(tmp_path, key):
    """The supervisor types the grouped, upper-case fingerprint from the official's PDF."""
    reg = TrustedKeys(tmp_path / "trusted-keys.json")
    typed = format_fingerprint(key.fingerprint)  # "3F2A 9C01 …", all 16 groups
    added = reg.add(name="Budi", unit="Humas Kota", fingerprint=typed, account="humas_kota")
    assert added.fingerprint == key.fingerprint and added.account == "@humas_kota"
    assert TrustedKeys(tmp_path / "trusted-keys.json").find(key.fingerprint) == added
    with pytest.raises(KeyRegisterError) as e:
        reg.add(name="Lain", unit="Lain", public_key=key.public_key_bytes)
    assert e.value.code == "already_registered" and e.value.params["name"] == "Budi"
    with pytest.raises(KeyRegisterError) as e:
        reg.add(name="X", unit="Y", fingerprint=typed[:-5])  # one group short
    assert e.value.code == "bad_fingerprint"


def test_successor_and_retirement(tmp_path, key):
    """Serah terima: the predecessor retired from the handover day, the successor added;
    both entries stay, each valid for its own days."""
    reg = TrustedKeys(tmp_path / "trusted-keys.json")
    successor = ExportSigner(backend=MemoryKeyring())
    reg.add(name="Budi", unit="Humas", public_key=key.public_key_bytes, account="@humas")
    reg.retire(key.fingerprint[:16], date(2024, 7, 1))
    reg.add(
        name="Sari",
        unit="Humas",
        public_key=successor.public_key_bytes,
        account="@humas",
        valid_from=date(2024, 7, 1),
    )
    keys = reg.list()
    assert [(k.name, k.valid_from, k.valid_until) for k in keys] == [
        ("Budi", None, date(2024, 7, 1)),
        ("Sari", date(2024, 7, 1), None),
    ]
    with pytest.raises(KeyRegisterError) as e:
        reg.retire(successor.fingerprint, date(2024, 6, 1))  # before it was valid
    assert e.value.code == "retire_before_start"


def test_damaged_or_newer_register_is_refused_not_rewritten(tmp_path, key):
    path = tmp_path / "trusted-keys.json"
    path.write_text("{bukan json")
    with pytest.raises(KeyRegisterError) as e:
        TrustedKeys(path).add(name="A", unit="B", public_key=key.public_key_bytes)
    assert e.value.code == "unreadable" and path.read_text() == "{bukan json"
    path.write_text(json.dumps({"format": "humasdesk-trusted-keys", "version": 9, "keys": []}))
    with pytest.raises(KeyRegisterError) as e:
        TrustedKeys(path).list()
    assert e.value.code == "too_new"


def test_command_line_keys(tmp_path, key, capsys):
    """`rekap keys add|list|retire` as IT staff type them; mistakes exit 2 with one line."""
    sup = tmp_path / "atasan"
    pub = tmp_path / "signing-key.pub"
    ExportSigner(backend=key._given, public_key_path=pub).ensure()
    kr = MemoryKeyring()
    assert (
        run_rekap(
            sup,
            kr,
            "keys",
            "add",
            str(pub),
            "--name",
            "Budi Santoso",
            "--unit",
            "Humas Kota",
            "--from",
            "2024-01-01",
        )
        == 0
    )
    assert "Kunci ditambahkan: Budi Santoso (Humas Kota)" in capsys.readouterr().out
    assert run_rekap(sup, kr, "keys", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["fingerprint"] == key.fingerprint and listed[0]["valid_from"] == "2024-01-01"
    short = format_fingerprint(key.fingerprint, groups=4).rstrip(" …")
    assert run_rekap(sup, kr, "keys", "retire", short, "--from", "2024-09-01") == 0
    assert "tidak berlaku lagi sejak 2024-09-01" in capsys.readouterr().out
    assert run_rekap(sup, kr, "keys", "retire", "ABCD", "--from", "2024-09-01") == 2
    assert "sidik jari 'ABCD' tidak sah" in capsys.readouterr().err
    assert run_rekap(sup, kr, "keys", "add", str(pub), "--name", "X") == 2
    assert "perlu --name dan --unit" in capsys.readouterr().err
    assert run_rekap(sup, kr, "keys", "add", str(pub), "--name", "X", "--unit", "Y") == 1
    assert "sudah terdaftar atas nama Budi Santoso (Humas Kota)" in capsys.readouterr().err
