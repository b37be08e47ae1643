"""Serah terima jabatan for the office slot: export → verify → sign out → erase."""

from __future__ import annotations

from datetime import timedelta

import pytest

from humasdesk.core.compose import Draft
from humasdesk.core.models import Slot, TokenSet
from humasdesk.credentials.store import TokenStore
from humasdesk.services.privacy import HandoverFailed, NotConfirmed, handover_office
from humasdesk.store.activity_log import LogFilter
from humasdesk.store.exports import verify_export
from humasdesk.store.exports.check import ExportCheck, Problem, Status
from humasdesk.store.outbox_store import NewOutboxItem, PostKind

from .conftest import NOW, PERSONAL_MENTION_TEXT, seq_of


@pytest.fixture
def tokens(keyring_backend):
    store = TokenStore(backend=keyring_backend)
    for slot in Slot:
        store.save(slot, TokenSet("a-" + slot.value, "r-" + slot.value, 9e9, user_id=slot.value))
    return store


def _office_outbox(desk, *, sent: bool) -> None:
    item = NewOutboxItem(
        Slot.OFFICE, "100", "humas_kota", PostKind.POST, "Pengumuman", NOW - timedelta(days=1)
    )
    [added] = desk.outbox.add([item], NOW - timedelta(days=1))
    if sent:
        desk.outbox.mark_sent(added.id, "5009", NOW - timedelta(days=1))
    desk.outbox.save_draft(Draft(Slot.OFFICE, "konsep kantor"), NOW)
    desk.outbox.save_draft(Draft(Slot.PERSONAL, "konsep pribadi"), NOW)


def _personal_state(desk):
    return (
        [m.x_post_id for m in desk.mentions.mentions("200")],
        desk.log.get(seq_of(desk, "1005")).citizen_text,
        desk.outbox.load_draft(Slot.PERSONAL),
    )


def test_handover_exports_verifies_then_signs_out_and_erases_office_only(
    desk, signer, tokens, tmp_path
):
    """The successor gets a verified, signed copy of the office records; the departing
    official's laptop keeps no office tokens or citizens' data; the personal account is
    untouched."""
    _office_outbox(desk, sent=True)
    personal_before = _personal_state(desk)
    calls = []

    def sign_out() -> None:
        calls.append("sign_out")
        tokens.delete(Slot.OFFICE)

    out = tmp_path / "serah-terima.jsonl"
    res = handover_office(
        desk.log,
        desk.privacy,
        out,
        signer=signer,
        sign_out=sign_out,
        confirmed=True,
        clock=desk.clock,
    )

    assert calls == ["sign_out"]
    assert verify_export(out, expected_public_key=signer.public_key_bytes).status is Status.INTACT
    assert res.fingerprint.replace(" ", "").lower() == res.export.fingerprint
    assert len(res.file_sha256) == 64
    assert res.export.manifest.citizen_data == "full"
    assert res.export.manifest.accounts == ("office",)
    # tokens: office gone, personal kept
    assert tokens.load(Slot.OFFICE) is None and tokens.load(Slot.PERSONAL) is not None
    # office data gone from the laptop
    assert desk.mentions.count("100") == 0
    assert desk.outbox.items(Slot.OFFICE) == []
    assert desk.outbox.load_draft(Slot.OFFICE) is None
    for x in ("1001", "1002", "1003", "1004", "1006"):
        assert desk.log.get(seq_of(desk, x)).citizen_handle is None
    assert res.erased_entries == 5
    assert res.local_deleted["mentions"] == 5 and res.local_deleted["outbox"] == 1
    # the personal account is untouched
    assert _personal_state(desk) == personal_before
    assert personal_before[1] == PERSONAL_MENTION_TEXT
    # recorded, and the chain verifies
    [entry] = desk.log.iter_entries(LogFilter(actions=frozenset({"office_handover"})))
    assert entry.details["sha256"] == res.file_sha256 and entry.details["erased_entries"] == 5
    assert desk.log.verify().ok


def test_handover_whose_export_fails_verification_erases_nothing(desk, signer, tokens, tmp_path):
    """If the export does not verify, the successor would inherit an unprovable copy: the
    handover stops before sign-out, and every office datum stays on the laptop."""
    _office_outbox(desk, sent=True)
    signed_out = []

    def tampered(path):
        with path.open("ab") as f:  # the file is changed after it was signed
            f.write(b'{"type":"entry"}\n')
        return verify_export(path)

    with pytest.raises(HandoverFailed) as info:
        handover_office(
            desk.log,
            desk.privacy,
            tmp_path / "st.jsonl",
            signer=signer,
            sign_out=lambda: signed_out.append(1),
            confirmed=True,
            clock=desk.clock,
            verify=tampered,
        )
    assert info.value.stage == "verify" and "tidak ada data yang dihapus" in str(info.value)
    assert signed_out == [] and tokens.load(Slot.OFFICE) is not None
    assert desk.mentions.count("100") == 5
    assert desk.outbox.load_draft(Slot.OFFICE) is not None
    assert desk.log.get(seq_of(desk, "1001")).citizen_handle == "warga_lama"
    [aborted] = desk.log.iter_entries(LogFilter(actions=frozenset({"office_handover_aborted"})))
    assert aborted.details["stage"] == "verify"
    assert not list(desk.log.iter_entries(LogFilter(actions=frozenset({"office_handover"}))))
    assert desk.privacy.live_leases(NOW) == []


def test_handover_with_a_simulated_verify_failure_or_sign_out_failure(
    desk, signer, tokens, tmp_path
):
    """Any verification problem, or X not answering the revoke, stops before erasing."""

    def bad(path):
        return ExportCheck(path=path, problems=[(Problem.DIGEST_DIFFERS, "x")])

    with pytest.raises(HandoverFailed):
        handover_office(
            desk.log,
            desk.privacy,
            tmp_path / "a.jsonl",
            signer=signer,
            sign_out=lambda: None,
            confirmed=True,
            clock=desk.clock,
            verify=bad,
        )

    def offline() -> None:
        raise ConnectionError("no network")

    with pytest.raises(HandoverFailed) as info:
        handover_office(
            desk.log,
            desk.privacy,
            tmp_path / "b.jsonl",
            signer=signer,
            sign_out=offline,
            confirmed=True,
            clock=desk.clock,
        )
    assert info.value.stage == "sign_out" and info.value.export is not None
    assert isinstance(info.value.cause, ConnectionError)  # the GUI says why from this
    assert desk.mentions.count("100") == 5
    assert desk.log.get(seq_of(desk, "1002")).citizen_handle == "warga_dibalas"


def test_handover_waits_for_queued_office_posts_and_needs_confirmation(desk, signer, tmp_path):
    """A queued office post would be lost (or sent after the official left)."""
    with pytest.raises(NotConfirmed):
        handover_office(
            desk.log,
            desk.privacy,
            tmp_path / "a.jsonl",
            signer=signer,
            sign_out=lambda: None,
            confirmed=False,
            clock=desk.clock,
        )
    _office_outbox(desk, sent=False)
    with pytest.raises(HandoverFailed) as info:
        handover_office(
            desk.log,
            desk.privacy,
            tmp_path / "a.jsonl",
            signer=signer,
            sign_out=lambda: None,
            confirmed=True,
            clock=desk.clock,
        )
    assert info.value.stage == "busy_outbox"
    assert not (tmp_path / "a.jsonl").exists()
