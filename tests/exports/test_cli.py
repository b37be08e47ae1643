"""`humasdesk export` and `humasdesk verify` end to end: real SQLite file, real files,
the in-memory keyring standing in for the system one."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from humasdesk.cli import main
from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.credentials.signing import ExportSigner
from humasdesk.store.exports import sigfile
from tests.fakes import MemoryKeyring

pytestmark = pytest.mark.usefixtures("system_keyring", "db_file")

REPO = Path(__file__).resolve().parents[2]


def export(tmp_path: Path, fmt: str, *extra: str, name: str | None = None) -> Path:
    out = tmp_path / (name or f"laporan.{fmt}")
    assert main(["export", "--format", fmt, "-o", str(out), *extra]) == 0
    return out


def flip_byte(path: Path, needle: bytes | None = None) -> None:
    """Change one byte: inside `needle` if given, else in the middle of the file."""
    data = bytearray(path.read_bytes())
    i = data.index(needle) + 1 if needle else len(data) // 2
    data[i] ^= 0x01
    path.write_bytes(bytes(data))


def test_export_then_verify_intact(tmp_path, capsys, data_dir):
    """The normal path: export, then the supervisor (or the desk) confirms it is intact."""
    out = export(tmp_path, "csv", "--from", "2024-05-01", "--to", "2024-05-31")
    assert "6 entri" in capsys.readouterr().out
    assert (data_dir / "signing-key.pub").is_file()
    assert Path(str(out) + ".sig").is_file()
    assert main(["verify", str(out)]) == 0
    line = capsys.readouterr().out
    assert line.startswith("UTUH: laporan.csv") and "kunci desk ini" in line


@pytest.mark.parametrize(
    ("fmt", "needle"),
    [("csv", b"Jadwal layanan"), ("xlsx", None), ("jsonl", b"Jadwal layanan")],
)
def test_one_byte_changed_is_detected(tmp_path, capsys, fmt, needle):
    """An export edited after signing, by a single byte, must be called altered."""
    out = export(tmp_path, fmt)
    capsys.readouterr()
    flip_byte(out, needle)
    assert main(["verify", str(out)]) == 1
    line = capsys.readouterr().out
    assert line.startswith(f"DIUBAH: laporan.{fmt}") and "isi berkas berbeda" in line
    if fmt == "jsonl":
        assert "entri seq 2" in line  # names the edited entry


def test_signature_from_another_key(tmp_path, capsys):
    """Someone who edits the file and signs it again with their own key must not pass as
    this desk."""
    out = export(tmp_path, "jsonl")
    capsys.readouterr()
    flip_byte(out, b"Jadwal layanan")
    other = ExportSigner(backend=MemoryKeyring())
    with out.open("rb") as f:
        size, sha = sigfile.digest_stream(f)
    doc = sigfile.read_sig(sigfile.sig_path_for(out))
    statement = sigfile.build_statement(
        public_key=other.public_key_bytes,
        file_name=out.name,
        size=size,
        sha256=sha,
        created_at=doc["created_at"],
        app_version=doc["app_version"],
        manifest=doc["manifest"],
    )
    sigfile.sig_path_for(out).write_bytes(sigfile.sign_statement(statement, other.sign))
    assert main(["verify", str(out)]) == 1
    line = capsys.readouterr().out
    assert "ditandatangani kunci lain" in line
    assert format_fingerprint(other.fingerprint, groups=4) in line


def test_given_pubkey_is_checked(tmp_path, capsys, data_dir):
    """A supervisor on another computer checks against the key file the desk gave them."""
    out = export(tmp_path, "csv")
    capsys.readouterr()
    assert main(["verify", str(out), "--pubkey", str(data_dir / "signing-key.pub")]) == 0
    assert "kunci yang diberikan" in capsys.readouterr().out
    stranger = tmp_path / "orang-lain.pub"
    stranger.write_text(sigfile.public_key_file_text(ExportSigner(backend=MemoryKeyring())
                                                     .public_key_bytes))  # fmt: skip
    assert main(["verify", str(out), "--pubkey", str(stranger)]) == 1


def test_edited_signature_file(tmp_path, capsys):
    """Changing the entry count written in the .sig must break its signature."""
    out = export(tmp_path, "csv")
    sig = sigfile.sig_path_for(out)
    sig.write_text(sig.read_text().replace('"entries": 7', '"entries": 70'))
    capsys.readouterr()
    assert main(["verify", str(out)]) == 1
    assert "tanda tangan tidak cocok" in capsys.readouterr().out


def test_missing_signature_is_unusable(tmp_path, capsys):
    """Without its .sig a file cannot be vouched for: exit 2, saying what is missing."""
    out = export(tmp_path, "csv")
    sigfile.sig_path_for(out).unlink()
    assert main(["verify", str(out)]) == 2
    assert "tidak ada berkas tanda tangan" in capsys.readouterr().err


def test_empty_period(tmp_path, capsys):
    """A month with no activity still gives a signed, verifiable file that says so."""
    out = export(tmp_path, "jsonl", "--from", "2023-01-01", "--to", "2023-01-31")
    assert "tidak ada entri" in capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    assert "0 entri" in capsys.readouterr().out


def test_from_after_to_is_bad_usage(tmp_path, capsys):
    """Swapped dates are a typing mistake: exit 2 with what to do, and no file."""
    out = tmp_path / "x.csv"
    code = main(["export", "--format", "csv", "-o", str(out), "--from", "2024-06-01",
                 "--to", "2024-05-01"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "--from" in err and "tukar" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    assert main(["export", "--format", "csv", "-o", str(out), "--from", "1 Mei"]) == 2


def test_bad_usage_exits_2(tmp_path, capsys):
    """Unknown formats and --include-personal with only the office account are refused."""
    assert main(["export", "--format", "doc", "-o", str(tmp_path / "x")]) == 2
    code = main(["export", "--format", "csv", "-o", str(tmp_path / "x.csv"),
                 "--account", "office", "--include-personal"])  # fmt: skip
    assert code == 2
    assert main(["verify", "--help"]) == 0


def test_unwritable_output_path(tmp_path, capsys, monkeypatch):
    """Writing to a folder the official may not write to fails clearly, leaving nothing."""
    locked = tmp_path / "terkunci"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would
        import tempfile

        real = tempfile.mkstemp

        def refuse(*a, **kw):
            if Path(kw.get("dir", "")) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            return real(*a, **kw)

        monkeypatch.setattr("humasdesk.store.exports.atomic.tempfile.mkstemp", refuse)
    else:
        locked.chmod(0o500)
    try:
        code = main(["export", "--format", "csv", "-o", str(locked / "x.csv")])
    finally:
        locked.chmod(0o700)
    assert code == 1
    err = capsys.readouterr().err
    assert "tidak ada izin menulis x.csv" in err and len(err.strip().splitlines()) == 1
    assert list(locked.iterdir()) == []
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "tidak-ada" / "x.csv")]) == 1
    assert "folder untuk x.csv tidak ada" in capsys.readouterr().err


def test_no_keyring_no_export(tmp_path, capsys, monkeypatch, data_dir):
    """Without a secure keyring there is no signature, so no export — and the private key
    is never put in a file instead."""

    class FailKeyring(MemoryKeyring):
        priority = 0

    FailKeyring.__module__ = "keyring.backends.fail"
    monkeypatch.setattr("humasdesk.credentials.backends.default_backend", FailKeyring)
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "-o", str(out)]) == 1
    assert "keyring" in capsys.readouterr().err
    assert not out.exists() and not (data_dir / "signing-key.pub").exists()
    assert all(p.name.startswith("humasdesk.db") for p in data_dir.iterdir())


def test_nonexistent_data_dir(tmp_path, capsys):
    """A mistyped --data-dir must not create an empty log and call it intact."""
    missing = tmp_path / "tidak-ada"
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "x.csv"),
                 "--data-dir", str(missing)]) == 2  # fmt: skip
    assert main(["verify", "--data-dir", str(missing)]) == 2
    assert "tidak ada" in capsys.readouterr().err
    assert not missing.exists()


def test_verify_data_dir_intact(capsys, data_dir):
    """The desk's own log verifies and its head is shown."""
    assert main(["verify", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("UTUH: 8 entri, kepala seq 8")
    assert main(["verify", str(data_dir / "humasdesk.db")]) == 0


def _tamper(db: Path, sql: str) -> None:
    conn = sqlite3.connect(str(db), isolation_level=None)
    try:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE '%fts%'"
        ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(sql)
    finally:
        conn.close()


def test_edited_entry_in_database_named(capsys, data_dir, db_file):
    """Someone who drops the triggers and rewrites an entry in the database is caught, and
    the report names the entry."""
    _tamper(db_file, "UPDATE activity SET canonical = replace(canonical, 'Terima kasih', "
            "'Terimakasih') WHERE seq = 4")  # fmt: skip
    _tamper(db_file, "UPDATE activity SET canonical = replace(canonical, '\"signed_in\"', "
            "'\"signed_out\"') WHERE seq = 1")  # fmt: skip
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().out.startswith("DIUBAH: entri seq 1: isi entri tidak cocok")


def test_edited_seq3_named(capsys, data_dir, db_file):
    """An edit of seq 3 (the citizen's mention) is reported as seq 3."""
    _tamper(db_file, "UPDATE activity SET canonical = replace(canonical, "
            "'mention_received', 'mention_ignored') WHERE seq = 3")  # fmt: skip
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert "entri seq 3" in capsys.readouterr().out


def test_deleted_row_named(capsys, data_dir, db_file):
    """A removed entry is a gap in the chain; the report names the missing seq."""
    _tamper(db_file, "DELETE FROM activity WHERE seq = 4")
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().out.startswith("DIUBAH: entri seq 4: entri hilang")


def test_verify_as_a_separate_process(tmp_path, data_dir):
    """`python -m humasdesk verify` is what a supervisor runs; it must work without Qt and
    give the documented exit codes."""
    out = export(tmp_path, "jsonl")
    env = {**os.environ, "PYTHONPATH": str(REPO), "HUMASDESK_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "humasdesk", "verify", str(out)]
    ok = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("UTUH:")
    flip_byte(out, b"Jadwal")
    bad = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert bad.returncode == 1 and "entri seq 2" in bad.stdout
    code = (
        "import sys\nfrom humasdesk.cli import main\n"
        f"main(['verify', {str(out)!r}])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       cwd=REPO, timeout=60)  # fmt: skip
    assert r.stdout.strip().splitlines()[-1] == "NOQT"


def test_pdf_export_signed_and_verified(tmp_path, capsys, qapp):
    """`export --format pdf` runs the Qt report writer and signs its PDF like any export."""
    out = export(tmp_path, "pdf", "--from", "2024-05-01", "--to", "2024-05-31")
    assert out.read_bytes().startswith(b"%PDF")
    assert "6 entri" in capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    flip_byte(out)
    assert main(["verify", str(out)]) == 1


def test_export_takes_agency_and_unit_from_settings_and_classification_flag(tmp_path, data_dir):
    """The names the official typed once in Settings → Privasi appear on every export made
    from the command line too; a flag overrides them."""
    import json

    (data_dir / "settings.json").write_text(
        json.dumps({"agency_name": "Pemkot Sukamaju", "unit_name": "Bagian Humas"}),
        encoding="utf-8",
    )
    out = export(tmp_path, "jsonl", "--classification", "Biasa", "--unit", "Subbag Media")
    manifest = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert manifest["agency"] == "Pemkot Sukamaju"
    assert manifest["unit"] == "Subbag Media"
    assert manifest["classification"] == "Biasa"
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "x.csv"),
                 "--classification", "Pribadi"]) == 2  # fmt: skip
