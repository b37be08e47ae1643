"""The issue's "Bad input", each a test: what the supervisor is told, what is counted, and
that nothing usable means no rekap at all. Real officials' logs, real `humasdesk export`
files, the command line run in this process with in-memory keyrings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from humasdesk.commands import main
from humasdesk.core.rekap import Verdict
from humasdesk.credentials.signing import ExportSigner
from humasdesk.services.rekap import check_inputs
from humasdesk.store.exports import sigfile
from humasdesk.store.trusted_keys import TrustedKeys

from .conftest import flip_byte, run_rekap, trust

MARCH = ("--from", "2024-03-01", "--to", "2024-03-31")


@pytest.fixture
def budi(officials):
    return officials[0]


def rekap_xlsx(supervisor, keyring, tmp_path, *files, extra=()) -> tuple[int, Path]:
    out = tmp_path / "rekap.xlsx"
    code = run_rekap(supervisor, keyring, "-o", str(out), *extra, *map(str, files))
    return code, out


def verdicts(supervisor: Path, *files: Path, **kw):
    rekap = check_inputs(
        [str(f) for f in files], TrustedKeys(supervisor / "trusted-keys.json"), **kw
    )
    return rekap, {f.name: f for f in rekap.files}


def test_file_altered_by_one_byte(officials, supervisor, supervisor_keyring, tmp_path, capsys):
    """An edited export must not count, and the supervisor learns which entry was edited."""
    budi, sari, _ = officials
    good = sari.export(tmp_path / "sari.jsonl", *MARCH)
    bad = budi.export(tmp_path / "budi.jsonl", *MARCH)
    for o in (budi, sari):
        trust(supervisor, supervisor_keyring, o)
    flip_byte(bad, b"hari ke-3,")
    capsys.readouterr()
    code, out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, good, bad)
    assert code == 1 and out.is_file()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    seq = re.search(r"budi\.jsonl dikeluarkan: diubah: entri (\d+) tidak cocok", err[0])
    assert seq, err
    edited = next(
        json.loads(raw)["seq"] for raw in bad.read_bytes().splitlines() if b"h`ri ke-3," in raw
    )
    assert int(seq.group(1)) == edited
    rekap, by_name = verdicts(supervisor, good, bad)
    assert by_name["budi.jsonl"].verdict is Verdict.ALTERED
    assert [o.key.name for o in rekap.officials] == [sari.name]


def test_sig_missing_or_from_another_file(
    officials, supervisor, supervisor_keyring, tmp_path, capsys
):
    """A file without its signature, or with another file's, is not evidence of anything."""
    budi, sari, _ = officials
    a = budi.export(tmp_path / "a.jsonl", *MARCH)
    b = budi.export(tmp_path / "b.jsonl", "--from", "2024-04-01", "--to", "2024-04-30")
    c = sari.export(tmp_path / "c.jsonl", *MARCH)
    for o in (budi, sari):
        trust(supervisor, supervisor_keyring, o)
    Path(str(a) + ".sig").unlink()
    shutil.copy(str(c) + ".sig", str(b) + ".sig")  # b now carries c's signature
    capsys.readouterr()
    code, _out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, a, b, c)
    assert code == 1
    err = capsys.readouterr().err
    assert "a.jsonl dikeluarkan: berkas tanda tangan .sig tidak ada di sampingnya" in err
    assert "b.jsonl dikeluarkan: berkas .sig milik berkas lain (c.jsonl)" in err
    _rekap, by_name = verdicts(supervisor, a, b, c)
    assert by_name["a.jsonl"].verdict is Verdict.NO_SIGNATURE
    assert by_name["b.jsonl"].verdict is Verdict.SIGNATURE_OF_OTHER_FILE
    assert by_name["c.jsonl"].verdict is Verdict.COUNTED


def test_key_not_in_register(officials, supervisor, supervisor_keyring, tmp_path, capsys):
    """A key is never trusted because a file carries it."""
    budi, sari, _ = officials
    trust(supervisor, supervisor_keyring, budi)
    known = budi.export(tmp_path / "budi.jsonl", *MARCH)
    stranger = sari.export(tmp_path / "sari.jsonl", *MARCH)
    capsys.readouterr()
    code, _out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, known, stranger)
    assert code == 1
    err = capsys.readouterr().err
    fp = ExportSigner(backend=sari.keyring).fingerprint
    shown = " ".join(fp.upper()[i : i + 4] for i in range(0, 16, 4))
    assert f"sari.jsonl dikeluarkan: kunci {shown} … tidak ada di daftar kunci tepercaya" in err
    # and a .sig is refused as a key to add
    code = run_rekap(
        supervisor,
        supervisor_keyring,
        "keys",
        "add",
        str(stranger) + ".sig",
        "--name",
        "X",
        "--unit",
        "Y",
    )
    assert code == 2
    assert "berkas .sig bukan kunci" in capsys.readouterr().err


def test_retired_key_used_after_its_end(
    officials, supervisor, supervisor_keyring, tmp_path, capsys
):
    """After serah terima jabatan the predecessor's key vouches for their own days only."""
    budi = officials[0]
    trust(supervisor, supervisor_keyring, budi)
    fp = ExportSigner(backend=budi.keyring).fingerprint
    assert (
        run_rekap(supervisor, supervisor_keyring, "keys", "retire", fp[:16], "--from", "2024-03-16")
        == 0
    )
    before = budi.export(tmp_path / "awal.jsonl", "--from", "2024-03-01", "--to", "2024-03-15")
    after = budi.export(tmp_path / "maret.jsonl", *MARCH)
    capsys.readouterr()
    code, _out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, before, after)
    assert code == 1
    err = capsys.readouterr().err
    assert re.search(
        r"maret\.jsonl dikeluarkan: kunci sudah tidak berlaku sejak 16 Maret 2024, tetapi "
        r"berkas memuat entri tanggal (1[6-9]|2\d|3[01]) Maret 2024",
        err,
    ), err
    assert "awal.jsonl" not in err
    listed = run_rekap(supervisor, supervisor_keyring, "keys", "list")
    assert listed == 0 and "sebelum 2024-03-16" in capsys.readouterr().out


def test_two_files_overlapping_by_half(officials, supervisor, supervisor_keyring, tmp_path):
    """Overlapping exports of one official count each entry once: the same figures as one
    export of the whole span."""
    budi = officials[0]
    trust(supervisor, supervisor_keyring, budi)
    first = budi.export(tmp_path / "1.jsonl", "--from", "2024-03-01", "--to", "2024-03-20")
    second = budi.export(tmp_path / "2.jsonl", "--from", "2024-03-10", "--to", "2024-03-31")
    whole = budi.export(tmp_path / "all.jsonl", *MARCH)
    both, by_name = verdicts(supervisor, first, second)
    one, _ = verdicts(supervisor, whole)
    assert by_name["2.jsonl"].duplicates > 0
    assert by_name["1.jsonl"].counted + by_name["2.jsonl"].counted == one.files[0].counted
    assert both.gaps == []
    [a], [b] = both.officials, one.officials
    assert {k: t.figures() for k, t in a.accounts.items()} == {
        k: t.figures() for k, t in b.accounts.items()
    }


def test_gap_between_two_files(officials, supervisor, supervisor_keyring, tmp_path, capsys):
    """A period nobody sent is said, with the entry numbers missing."""
    budi = officials[0]
    trust(supervisor, supervisor_keyring, budi)
    early = budi.export(tmp_path / "awal.jsonl", "--from", "2024-03-01", "--to", "2024-03-10")
    late = budi.export(tmp_path / "akhir.jsonl", "--from", "2024-03-21", "--to", "2024-04-29")
    ends = json.loads(early.read_bytes().splitlines()[0])["last_seq"]
    starts = json.loads(late.read_bytes().splitlines()[0])["first_seq"]
    capsys.readouterr()
    code, _out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, early, late)
    assert code == 0  # both verify and count: a gap is reported, not excluded
    out = capsys.readouterr().out
    expect = f"entri {ends + 1:,}–{starts - 1:,}".replace(",", ".")
    assert f"Budi Santoso: {expect} tidak ada di berkas mana pun" in out, out
    assert "(antara awal.jsonl dan akhir.jsonl)" in out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_csv_or_xlsx_instead_of_json_lines(
    budi, supervisor, supervisor_keyring, tmp_path, capsys, fmt
):
    """The supervisor is told what to ask the official for."""
    trust(supervisor, supervisor_keyring, budi)
    out = tmp_path / f"laporan.{fmt}"
    assert (
        main(
            ["export", "--format", fmt, "-o", str(out), "--data-dir", str(budi.root)],
            keyring_backend=budi.keyring,
        )
        == 0
    )
    capsys.readouterr()
    code, rekap_out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, out)
    assert code == 2 and not rekap_out.exists()
    err = capsys.readouterr().err
    assert (
        f"laporan.{fmt} dikeluarkan: berkas {fmt.upper()}, bukan JSON Lines; minta ekspor JSON "
        "Lines (humasdesk export --format jsonl) dari pejabatnya"
    ) in err
    assert "tidak ada berkas yang dapat dihitung; rekap tidak dibuat" in err


def test_empty_period(budi, supervisor, supervisor_keyring, tmp_path, capsys):
    """An export of a month with no activity counts, as zeros; a rekap period that no file
    covers has nothing to count and writes nothing."""
    trust(supervisor, supervisor_keyring, budi)
    empty = budi.export(tmp_path / "januari.jsonl", "--from", "2024-01-01", "--to", "2024-01-31")
    assert json.loads(empty.read_bytes().splitlines()[0])["entries"] == 0
    capsys.readouterr()
    code, out = rekap_xlsx(
        supervisor,
        supervisor_keyring,
        tmp_path,
        empty,
        extra=("--from", "2024-01-01", "--to", "2024-01-31"),
    )
    assert code == 0 and out.is_file()
    assert "1 dari 1 berkas dihitung, 0 entri" in capsys.readouterr().out
    march = budi.export(tmp_path / "maret.jsonl", *MARCH)
    out.unlink()
    code, out = rekap_xlsx(
        supervisor,
        supervisor_keyring,
        tmp_path,
        march,
        extra=("--from", "2025-01-01", "--to", "2025-01-31"),
    )
    assert code == 2 and not out.exists()
    assert "maret.jsonl dikeluarkan: seluruh isinya di luar periode rekap" in (
        capsys.readouterr().err
    )


def test_no_valid_file_is_an_error_not_an_empty_report(
    officials, supervisor, supervisor_keyring, tmp_path, capsys
):
    budi = officials[0]
    f = budi.export(tmp_path / "budi.jsonl", *MARCH)  # key never added
    capsys.readouterr()
    code, out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, f)
    assert code == 2
    assert not out.exists() and not Path(str(out) + ".sig").exists()
    err = capsys.readouterr().err
    assert "tidak ada berkas yang dapat dihitung (daftar kunci kosong" in err
    assert "budi.jsonl dikeluarkan: kunci" in err


def test_export_from_a_newer_version(budi, supervisor, supervisor_keyring, tmp_path, capsys):
    """Refused with the version named, even when genuinely signed."""
    trust(supervisor, supervisor_keyring, budi)
    f = budi.export(tmp_path / "baru.jsonl", *MARCH)
    lines = f.read_bytes().split(b"\n", 1)
    manifest = json.loads(lines[0])
    manifest.update(version=2, app_version="9.1.0")
    f.write_bytes(json.dumps(manifest).encode() + b"\n" + lines[1])
    resign(f, ExportSigner(backend=budi.keyring))
    capsys.readouterr()
    code, out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, f)
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert "dibuat HumasDesk 9.1.0 (format versi 2), lebih baru dari versi ini; perbarui" in err


def resign(path: Path, signer: ExportSigner) -> None:
    """Sign `path` again as its official's desk would (the content changed legitimately)."""
    doc = json.loads(Path(str(path) + ".sig").read_bytes())
    with path.open("rb") as f:
        size, sha = sigfile.digest_stream(f)
    statement = sigfile.build_statement(
        public_key=signer.public_key_bytes,
        file_name=path.name,
        size=size,
        sha256=sha,
        created_at=doc["created_at"],
        app_version=doc["app_version"],
        manifest=doc["manifest"],
    )
    Path(str(path) + ".sig").write_bytes(sigfile.sign_statement(statement, signer.sign))


def test_other_json_is_not_an_export(budi, supervisor, supervisor_keyring, tmp_path, capsys):
    """Any JSON file is not an export: said as such, not as a missing signature."""
    trust(supervisor, supervisor_keyring, budi)
    other = tmp_path / "data.jsonl"
    other.write_text('{"nama": "bukan ekspor"}\n')
    good = budi.export(tmp_path / "budi.jsonl", *MARCH)
    capsys.readouterr()
    code, _out = rekap_xlsx(supervisor, supervisor_keyring, tmp_path, good, other)
    assert code == 1
    assert "data.jsonl dikeluarkan: bukan berkas ekspor HumasDesk" in capsys.readouterr().err
