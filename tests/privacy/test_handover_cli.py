"""`humasdesk privacy handover`: the successor's copy, then the laptop is cleared — against
the sandbox over real HTTP, the token store over the in-memory keyring."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from humasdesk.cli import main
from humasdesk.commands import privacy_main
from humasdesk.core.errors import XError
from humasdesk.core.models import Slot
from humasdesk.credentials.store import TokenStore
from humasdesk.practice import KEYRING_SERVICE_PRACTICE
from humasdesk.services.session import open_session, sign_in_practice
from humasdesk.store.activity_log import LogFilter

from .conftest import NOW, close_desk, open_desk, seq_of


@pytest.fixture
def signed_in(sandbox, data_dir: Path, keyring_backend):
    """A seeded desk whose two slots are signed in to the sandbox, tokens in the keyring."""
    desk = open_desk(data_dir / "humasdesk.db")
    store = TokenStore(KEYRING_SERVICE_PRACTICE, backend=keyring_backend)
    tokens = {}
    for slot in Slot:
        session = sign_in_practice(slot, base_url=sandbox.base_url)
        store.save(slot, session.tokens)
        tokens[slot] = session.tokens
        session.client.close()
    try:
        yield desk, store, tokens
    finally:
        close_desk(desk)


def run(data_dir: Path, sandbox_url: str, out: Path, keyring_backend, *extra: str) -> int:
    return privacy_main(
        ["handover", "-o", str(out), "--data-dir", str(data_dir), "--sandbox-url", sandbox_url,
         *extra],
        clock=lambda: NOW,
        keyring_backend=keyring_backend,
    )  # fmt: skip


def test_handover_from_the_command_line(sandbox, signed_in, data_dir, keyring_backend, capsys):
    """The successor gets a signed file whose SHA-256 and key fingerprint are printed for the
    handover report; the office token no longer works at X and is gone from the keyring;
    the office citizens' data is erased here; the personal account is untouched; the
    remaining log still verifies."""
    desk, store, tokens = signed_in
    out = data_dir / "serah-terima.jsonl"
    assert run(data_dir, sandbox.base_url, out, keyring_backend, "--yes") == 0, (
        capsys.readouterr().err
    )
    printed = capsys.readouterr().out
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert f"SHA-256 berkas   : {digest}" in printed
    assert re.search(r"Sidik jari kunci : [0-9A-F]{4} [0-9A-F]{4}", printed)
    assert main(["verify", str(out), "--data-dir", str(data_dir)]) == 0
    assert store.load(Slot.OFFICE) is None
    assert store.load(Slot.PERSONAL) is not None
    with pytest.raises(XError):
        open_session(Slot.OFFICE, tokens[Slot.OFFICE], base_url=sandbox.base_url)
    personal = open_session(Slot.PERSONAL, tokens[Slot.PERSONAL], base_url=sandbox.base_url)
    personal.client.close()
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle is None  # office mention
    assert desk.log.get(seq_of(desk, "1005")).citizen_handle is not None  # personal mention
    assert [e.action for e in desk.log.iter_entries(LogFilter(actions={"signed_out"}))] == [
        "signed_out"
    ]
    assert main(["verify", "--data-dir", str(data_dir)]) == 0


def test_without_yes_it_only_says_what_would_happen(
    sandbox, signed_in, data_dir, keyring_backend, capsys
):
    desk, store, _ = signed_in
    head = desk.log.head().seq
    out = data_dir / "serah-terima.jsonl"
    assert run(data_dir, sandbox.base_url, out, keyring_backend) == 2
    assert "Ulangi dengan --yes" in capsys.readouterr().out
    assert not out.exists() and store.load(Slot.OFFICE) is not None
    assert desk.log.head().seq == head


def test_x_unreachable_stops_before_anything_is_erased(
    sandbox, signed_in, data_dir, keyring_backend, capsys
):
    """The revocation cannot reach X: the export is kept, nothing is erased, and the one-line
    message says so."""
    desk, _store, _ = signed_in
    url = sandbox.base_url
    sandbox.stop()  # X is gone; the port refuses connections
    out = data_dir / "serah-terima.jsonl"
    assert run(data_dir, url, out, keyring_backend, "--yes") == 1
    err = capsys.readouterr().err
    assert "tidak ada data yang dihapus" in err and err.count("\n") == 1
    assert out.exists()  # the export is kept for a second try
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle is not None
    assert [e.action for e in desk.log.iter_entries(LogFilter(actions={"office_handover_aborted"}))]
