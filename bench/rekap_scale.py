"""The supervisor's rekap at national scale: 200 officials' signed JSON Lines exports of 5,000
entries each (1,000,000 entries), consolidated to XLSX.

Measured in the same run:

* **floor** — what any verifier must do: read the same bytes, SHA-256 them, and one Ed25519
  verification per file (its ``.sig`` statement);
* **rekap** — `services.rekap.check_inputs` (signature, key register, every entry's hash and
  link, manifest, de-duplication, the figures from `core.metrics`) plus `write_rekap` to a
  signed XLSX;
* **peak memory** — each rekap runs in a fresh child process and reports its own peak RSS
  (``VmHWM``), in one process (no workers), at 20 % of the files (200 k entries) and at all
  of them (1 M): streaming means the two are about the same;
* the rekap's time both in one process and with its default worker processes (one per
  core, each official's files in one of them).

The exports are made with the desk's own writers (`jsonl.entry_line`, the chain hash, the
manifest, `sigfile`), each with its own Ed25519 key, in a realistic mix: office posts (some
with line breaks), citizens' mentions (pseudonymised and masked), replies, *aduan* tags and
resolutions, official-capacity personal posts, and after the entries the posts' metrics
snapshots (issue 16: most posts and replies read one to three times; the rekap keeps each
one's latest reading). They are written once per run to a temporary folder (``--keep DIR``
to reuse).

    python bench/rekap_scale.py [--files 200] [--entries 5000] [--keep DIR]

Prints a table, then ONE line of JSON with the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import MemoryKeyring  # noqa: E402
from humasdesk.core.activity import (  # noqa: E402
    GENESIS_HASH,
    ActivityEntry,
    chain_hash,
    format_ts,
    personal_digest,
)
from humasdesk.core.models import Slot  # noqa: E402

T0 = datetime(2025, 1, 1, 1, 0, tzinfo=UTC)
POST_TEXTS = (
    "Hari ini Pemkot menggelar layanan keliling di Kecamatan Sukajadi. Mari datang! #LayananPublik",
    "Jadwal pelayanan KTP-el pekan ini:\nSenin–Kamis 08.00–15.00 WIB\nJumat 08.00–11.00 WIB",
    "Waspada cuaca ekstrem. Laporkan genangan melalui kanal resmi kami.",
    'Klarifikasi: informasi "bantuan tunai" yang beredar tidak benar.',
)
MENTION_TEXTS = (
    "Mohon info jadwal layanan KTP di kecamatan, terima kasih",
    "Jalan di depan pasar berlubang sudah dua minggu, kapan diperbaiki?",
    "Lampu PJU di gang kami mati, hubungi [telepon]",
    "Terima kasih pelayanannya cepat sekali 👍",
)


def write_signed_export(
    path: Path, *, n: int, signer, seed: int, office_id: str, start: datetime = T0
) -> int:
    """A JSON Lines export of `n` entries as `humasdesk export` writes it, and its ``.sig``.
    Returns the file's size."""
    from humasdesk.core.fingerprint import fingerprint_of
    from humasdesk.store.exports import sigfile
    from humasdesk.store.exports.jsonl import entry_line, manifest_line
    from humasdesk.store.exports.manifest import ExportManifest
    from humasdesk.store.exports.rows import CitizenMasker

    rng = random.Random(seed)
    masker = CitizenMasker(full=False, key=hashlib.sha256(b"%d" % seed).digest())
    handle = f"humas_{office_id}"
    office = {"slot": Slot.OFFICE, "account_id": office_id, "handle": handle}
    personal = {"slot": Slot.PERSONAL, "account_id": office_id + "9", "handle": "kepala_" + handle}
    open_mentions: list[str] = []
    prev = GENESIS_HASH
    ts = start
    lines: list[bytes] = []
    readings: list[bytes] = []
    for seq in range(1, n + 1):
        ts += timedelta(seconds=rng.randint(60, 900))
        r = rng.random()
        fields = {"x_post_id": f"{office_id}{seq:09d}"}
        citizen = None
        details: dict = {}
        who = office
        text = None
        irt = None
        if r < 0.15:
            action, text = "post_sent", rng.choice(POST_TEXTS)
        elif r < 0.55:
            action = "mention_received"
            citizen = (f"@warga_{rng.randint(1, 5000)}", rng.choice(MENTION_TEXTS))
            open_mentions.append(fields["x_post_id"])
        elif r < 0.83 and open_mentions:
            action, text = "reply_sent", "Terima kasih, segera kami tindak lanjuti."
            irt = open_mentions.pop(rng.randrange(len(open_mentions)))
        elif r < 0.90 and open_mentions:
            action, details = "mention_tagged", {"tag": "aduan"}
            fields["x_post_id"] = rng.choice(open_mentions)
        elif r < 0.97 and open_mentions:
            action = "mention_handled"
            fields["x_post_id"] = rng.choice(open_mentions)
        else:
            action, text, who = "post_sent", "Kunjungan kerja ke kecamatan", personal
            details = {"official_capacity": True}
        salt = os.urandom(16) if citizen else None
        entry = ActivityEntry(
            seq=seq,
            ts=ts,
            slot=who["slot"],
            account_id=who["account_id"],
            handle=who["handle"],
            action=action,
            x_post_id=fields["x_post_id"],
            in_reply_to=irt,
            text=text,
            details=details,
            citizen_handle=citizen[0] if citizen else None,
            citizen_text=citizen[1] if citizen else None,
            citizen_handle_digest=personal_digest(salt, citizen[0]) if citizen else None,
            citizen_text_digest=personal_digest(salt, citizen[1]) if citizen else None,
            prev_hash=prev,
            hash="",
            personal_salt=salt.hex() if salt else None,
        )
        entry = replace(entry, hash=chain_hash(prev, entry.canonical_bytes()))
        prev = entry.hash
        lines.append(entry_line(entry, masker))
        if action in ("post_sent", "reply_sent") and rng.random() < 0.8:
            readings += _readings(rng, entry, who)
    fp = fingerprint_of(signer.public_key_bytes)
    manifest = ExportManifest(
        format="jsonl",
        period_from=start,
        period_to=ts + timedelta(days=1),
        accounts=("office", "personal"),
        include_personal=False,
        personal_scope="official_capacity",
        citizen_data="masked",
        entries=n,
        snapshots=len(readings),
        first_seq=1,
        last_seq=n,
        log_head_seq=n,
        log_head_hash=prev,
        generated_at=ts + timedelta(days=1),
        timezone="+07:00 (WIB)",
        signing_key_fingerprint=fp,
        app_version="0.1.0",
        agency="Pemerintah Kota Contoh",
        unit=f"Humas {office_id}",
    )
    data = manifest_line(manifest) + b"".join(lines) + b"".join(readings)
    path.write_bytes(data)
    statement = sigfile.build_statement(
        public_key=signer.public_key_bytes,
        file_name=path.name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        created_at=format_ts(manifest.generated_at),
        app_version="0.1.0",
        manifest=manifest.to_dict(),
    )
    sigfile.sig_path_for(path).write_bytes(sigfile.sign_statement(statement, signer.sign))
    return len(data)


def _readings(rng: random.Random, entry: ActivityEntry, who: dict) -> list[bytes]:
    """One to three readings of a post (the desk's own snapshot line writer)."""
    from humasdesk.core.snapshots import snapshot_from_x
    from humasdesk.store.exports.snapshots import SnapshotRow

    out = []
    impressions = 0
    for k, (point, hours) in enumerate((("1h", 1), ("1d", 24), ("7d", 168))):
        if k and rng.random() < 0.4:
            break
        impressions += rng.randint(20, 3000)
        public = {"impression_count": impressions if rng.random() < 0.95 else None,
                  "like_count": rng.randint(0, 80), "retweet_count": rng.randint(0, 15),
                  "quote_count": rng.randint(0, 3), "reply_count": rng.randint(0, 10),
                  "bookmark_count": 0}  # fmt: skip
        snap = snapshot_from_x(str(entry.x_post_id), str(entry.account_id),
                               {"public_metrics": public}, entry.ts + timedelta(hours=hours),
                               point)  # fmt: skip
        out.append(SnapshotRow(snap, str(who["slot"]), who["handle"], entry.ts).line())
    return out


def make_inputs(folder: Path, files: int, entries: int) -> tuple[list[Path], Path]:
    """`files` signed exports in `folder` and a supervisor data folder whose register
    trusts their keys. Reused when already there."""
    from humasdesk.credentials.signing import ExportSigner
    from humasdesk.store.trusted_keys import TrustedKeys

    supervisor = folder / "atasan"
    done = folder / f"ready-{files}x{entries}-readings"
    paths = [folder / f"pejabat-{i:03d}.jsonl" for i in range(files)]
    if done.exists():
        return paths, supervisor
    supervisor.mkdir(parents=True, exist_ok=True)
    register = TrustedKeys(supervisor / "trusted-keys.json")
    for i, path in enumerate(paths):
        signer = ExportSigner(backend=MemoryKeyring())
        write_signed_export(path, n=entries, signer=signer, seed=i, office_id=f"{1000 + i}")
        register.add(
            name=f"Pejabat {i:03d}",
            unit=f"Humas Unit {i % 40:02d}",
            public_key=signer.public_key_bytes,
        )
    done.write_text("ok\n")
    return paths, supervisor


def floor(paths: list[Path]) -> float:
    """Read every byte, SHA-256 it, verify each file's signature once."""
    from humasdesk.store.exports import sigfile

    t = time.perf_counter()
    for p in paths:
        h = hashlib.sha256()
        with p.open("rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
        doc = sigfile.read_sig(sigfile.sig_path_for(p))
        assert sigfile.signature_valid(doc) and doc["file"]["sha256"] == h.hexdigest()
    return time.perf_counter() - t


def peak_mb() -> float:
    """This process's peak resident memory (MB): ``VmHWM``, which, unlike ``ru_maxrss``, is
    not inherited from the parent a child was forked from."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(paths: list[str], supervisor: str, out: str, workers: int | None) -> None:
    """One rekap in this (fresh) process; prints its time and peak RSS as JSON (with
    `workers` 1 the peak is the whole rekap's: no worker processes)."""
    from humasdesk.core.metrics import ReachTally
    from humasdesk.credentials.signing import ExportSigner
    from humasdesk.services.rekap import check_inputs, write_rekap
    from humasdesk.store.trusted_keys import TrustedKeys

    t = time.perf_counter()
    rekap = check_inputs(
        paths, TrustedKeys(Path(supervisor) / "trusted-keys.json"), workers=workers
    )
    t_check = time.perf_counter() - t
    write_rekap(rekap, out, "xlsx", signer=ExportSigner(backend=MemoryKeyring()))
    total = time.perf_counter() - t
    rss_kb = peak_mb() * 1024
    print(
        json.dumps(
            {
                "seconds": total,
                "check_seconds": t_check,
                "peak_rss_mb": rss_kb / 1024,
                "entries": rekap.entries_counted,
                "counted_files": len(rekap.counted_files),
                "excluded": len(rekap.excluded),
                "posts_measured": (rekap.total_reach() or ReachTally()).measured,
            }
        )
    )


def run_child(paths: list[Path], supervisor: Path, out: Path, workers: int = 0) -> dict:
    """`workers` 0: the default (one process per core for large inputs)."""
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(workers),
            str(supervisor),
            str(out),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_scale(files: int = 200, entries: int = 5000, keep: Path | None = None) -> dict:
    folder = keep or Path(tempfile.mkdtemp(prefix="rekap-scale-"))
    try:
        t = time.perf_counter()
        paths, supervisor = make_inputs(folder, files, entries)
        generated = time.perf_counter() - t
        size = sum(p.stat().st_size for p in paths)
        fifth = paths[: max(1, files // 5)]
        floor_s = min(floor(paths) for _ in range(2))  # warm cache, best of two
        small = run_child(fifth, supervisor, folder / "rekap-small.xlsx", workers=1)
        full = run_child(paths, supervisor, folder / "rekap-full.xlsx", workers=1)
        pooled = run_child(paths, supervisor, folder / "rekap-pooled.xlsx")
        return {
            "files": files,
            "entries": files * entries,
            "bytes": size,
            "generate_s": round(generated, 2),
            "floor_s": round(floor_s, 3),
            "cores": os.cpu_count(),
            "rekap_s": round(pooled["seconds"], 3),
            "rekap_one_process_s": round(full["seconds"], 3),
            "ratio_to_floor": round(pooled["seconds"] / floor_s, 2),
            "ratio_one_process": round(full["seconds"] / floor_s, 2),
            "target_ratio": 3.0,
            "us_per_entry_one_process": round(full["seconds"] / (files * entries) * 1e6, 2),
            "peak_rss_mb_small": round(small["peak_rss_mb"], 1),
            "peak_rss_mb_full": round(full["peak_rss_mb"], 1),
            "entries_small": small["entries"],
            "entries_full": full["entries"],
            "rss_growth_mb": round(full["peak_rss_mb"] - small["peak_rss_mb"], 1),
            "counted_files": pooled["counted_files"],
            "excluded": pooled["excluded"],
            "posts_measured": pooled["posts_measured"],
            "load_avg_1m": round(os.getloadavg()[0], 2),
        }
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        workers, supervisor, out, *paths = sys.argv[2:]
        child(paths, supervisor, out, int(workers) or None)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the generated inputs here")
    ns = ap.parse_args()
    fig = run_scale(ns.files, ns.entries, ns.keep)
    rows = [
        (
            "inputs",
            f"{fig['files']} files, {fig['entries']:,} entries, {fig['bytes'] / 1e6:.0f} MB",
        ),
        ("floor (read + SHA-256 + 1 Ed25519 per file)", f"{fig['floor_s']:.2f} s"),
        (
            f"rekap to signed XLSX, {fig['cores']} processes",
            f"{fig['rekap_s']:.2f} s (÷ floor: {fig['ratio_to_floor']}, target ≤ 3)",
        ),
        (
            "rekap to signed XLSX, one process",
            f"{fig['rekap_one_process_s']:.2f} s (÷ floor: {fig['ratio_one_process']}; "
            f"{fig['us_per_entry_one_process']} µs/entry)",
        ),
        (
            f"peak RSS at {fig['entries_small']:,} entries (one process)",
            f"{fig['peak_rss_mb_small']} MB",
        ),
        (
            f"peak RSS at {fig['entries_full']:,} entries (one process)",
            f"{fig['peak_rss_mb_full']} MB",
        ),
        ("load average during the run (others' work shares these cores)", f"{fig['load_avg_1m']}"),
    ]
    width = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{width}}  {b}")
    print(json.dumps(fig))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
