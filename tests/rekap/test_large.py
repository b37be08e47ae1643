"""A 500 MB export streams: the rekap reads it in blocks and keeps one official's figures,
so its memory stays far below the file's size."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from humasdesk.core.activity import GENESIS_HASH, ActivityEntry, chain_hash, format_ts
from humasdesk.credentials.signing import ExportSigner
from humasdesk.store.exports import sigfile
from humasdesk.store.exports.jsonl import entry_line, manifest_line
from humasdesk.store.exports.manifest import ExportManifest
from humasdesk.store.exports.rows import CitizenMasker
from humasdesk.store.trusted_keys import TrustedKeys
from tests.fakes import MemoryKeyring

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2024, 1, 1, tzinfo=UTC)
MB = 1_000_000


def write_big_export(path: Path, signer: ExportSigner, target: int) -> tuple[int, int]:
    """A valid signed JSON Lines export of at least `target` bytes: posts with long texts
    (the log keeps whatever the desk sent). Streams to disk; returns (size, entries)."""
    text = ("Pengumuman hasil seleksi dan jadwal layanan kelurahan " * 160)[:8000]
    per_line = len(text) + 400  # the head, the canonical keys, the ids
    n = target // per_line + 1
    manifest = ExportManifest(
        format="jsonl",
        period_from=None,
        period_to=None,
        accounts=("office",),
        include_personal=False,
        personal_scope="none",
        citizen_data="masked",
        entries=n,
        first_seq=1,
        last_seq=n,
        log_head_seq=n + 1,
        log_head_hash="0" * 64,
        generated_at=T0 + timedelta(days=400),
        timezone="+07:00",
        signing_key_fingerprint=signer.fingerprint,
        app_version="0.1.0",
    )
    masker = CitizenMasker(full=False, key=b"k" * 32)
    digest = hashlib.sha256()
    size = 0
    prev = GENESIS_HASH
    with path.open("wb") as f:
        for chunk in _lines(manifest, n, text, masker, prev):
            f.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    statement = sigfile.build_statement(
        public_key=signer.public_key_bytes,
        file_name=path.name,
        size=size,
        sha256=digest.hexdigest(),
        created_at=format_ts(manifest.generated_at),
        app_version="0.1.0",
        manifest=manifest.to_dict(),
    )
    sigfile.sig_path_for(path).write_bytes(sigfile.sign_statement(statement, signer.sign))
    return size, n


def _lines(manifest, n, text, masker, prev):
    yield manifest_line(manifest)
    batch = []
    for seq in range(1, n + 1):
        e = ActivityEntry(
            seq=seq,
            ts=T0 + timedelta(minutes=seq),
            slot="office",
            account_id="100",
            handle="humas",
            action="post_sent" if seq % 4 else "reply_sent",
            x_post_id=str(10**18 + seq),
            in_reply_to=None if seq % 4 else str(10**18 + seq - 1),
            text=text,
            details={},
            citizen_handle=None,
            citizen_text=None,
            citizen_handle_digest=None,
            citizen_text_digest=None,
            prev_hash=prev,
            hash="",
        )
        h = chain_hash(prev, e.canonical_bytes())
        batch.append(entry_line(ActivityEntry(**{**e.__dict__, "hash": h}), masker))
        prev = h
        if len(batch) == 1000:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)


CHILD = """
import json, sys
from bench.rekap_scale import peak_mb
from humasdesk.services.rekap import check_inputs
from humasdesk.store.trusted_keys import TrustedKeys
rekap = check_inputs([sys.argv[1]], TrustedKeys(sys.argv[2]))
[o] = rekap.officials
print(json.dumps({"verdict": str(rekap.files[0].verdict), "counted": rekap.files[0].counted,
                  "posts": o.total().posts, "replies": o.total().replies,
                  "peak_mb": peak_mb()}))
"""


def test_a_500_mb_export_streams(tmp_path):
    signer = ExportSigner(backend=MemoryKeyring())
    big = tmp_path / "setahun.jsonl"
    size, n = write_big_export(big, signer, 500 * MB)
    assert size >= 500 * MB
    register = tmp_path / "trusted-keys.json"
    TrustedKeys(register).add(name="Budi", unit="Humas", public_key=signer.public_key_bytes)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(big), str(register)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=170,
        check=True,
    )
    got = json.loads(result.stdout)
    assert got["verdict"] == "counted" and got["counted"] == n
    assert got["posts"] + got["replies"] == n
    assert got["peak_mb"] < 150, got  # the file is 500 MB; a whole read would need more
