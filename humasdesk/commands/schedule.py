"""`humasdesk schedule`: schedule a post for its time, from the command line (no Qt, no X).

::

    humasdesk schedule --account office|personal --at "YYYY-MM-DD HH:MM"|now [--tz ZONE]
                       --text TEXT [--image FILE --alt TEXT]... [--yes] [--in-quiet-period]
                       [--data-dir DIR] [--sandbox | --sandbox-url URL]

The same checks as the composer's "Jadwalkan…" (`services.schedule.Scheduler.schedule`):
the time (not past, a real date, a known zone, at most a year ahead), the length, the media
rules (each image needs its ``--alt``), the cross-account duplicate rule and, for the office
account, the confirmation (``--yes``); a time in the pane's quiet period needs
``--in-quiet-period`` too. ``--at`` without ``--tz`` is the laptop's zone; ``now`` means the
next `humasdesk sync` or the desk's next pass. Each refusal is one line on stderr.

The post is sent by whichever runs first at its time: the open desk or `humasdesk sync`
(e.g. from the OS timer of Settings → Jadwal).

Exit codes: 0 scheduled, 1 refused (nothing stored), 2 bad usage or no data folder.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from humasdesk.commands import common
from humasdesk.commands.common import EXIT_OK, CommandFailed, Deps, UsageError

if TYPE_CHECKING:
    from humasdesk.services.schedule import ScheduleResult

NAME = "schedule"
HELP = "jadwalkan kiriman untuk waktunya (tanpa membuka desk)"
DESCRIPTION = (
    "Jadwalkan kiriman akun kantor atau pribadi. Dikirim pada waktunya oleh desk yang "
    "terbuka atau oleh `humasdesk sync` (mis. dari pengatur waktu sistem)."
)

#: One line per refusal of the due time (`core.schedule.ScheduleProblem`).
PROBLEM_TEXT = {
    "bad_format": '--at {at!r} tidak terbaca; tulis "YYYY-MM-DD HH:MM" atau now',
    "no_such_date": "tanggal {at!r} tidak ada di kalender (mis. 29 Februari di tahun yang "
    "bukan kabisat); periksa tanggalnya",
    "unknown_zone": "zona waktu {tz!r} tidak dikenal; pakai WIB, WITA, WIT atau nama seperti "
    "Asia/Jakarta",
    "in_past": "waktu {when} sudah lewat; pilih waktu yang akan datang (atau --at now)",
    "too_far": "waktu {when} lebih dari setahun lagi; jadwalkan paling jauh setahun ke depan",
    "unconfirmed": "kiriman akun kantor perlu konfirmasi: periksa teksnya, lalu ulangi dengan "
    "--yes",
    "quiet_period": "{when} jatuh di masa tenang akun {slot} ({quiet}); ulangi dengan "
    "--in-quiet-period bila memang disengaja",
}
#: One line per composer problem (`core.compose.ComposeProblem`).
COMPOSE_TEXT = {
    "empty": "teks kosong; tulis isi kiriman dengan --text",
    "too_long": "teks terlalu panjang: {length}/{limit} karakter menurut hitungan X",
    "invalid_characters": "teks memuat karakter yang ditolak X (U+FFFE, U+FEFF, U+FFFF)",
    "too_many_images": "paling banyak 4 foto per kiriman",
    "gif_with_photos": "GIF tidak dapat digabung dengan foto; kirim 4 foto atau 1 GIF",
    "too_many_gifs": "hanya 1 GIF per kiriman",
    "video_unsupported": "HumasDesk tidak mengirim video; kirim video dari aplikasi X",
    "media_on_quote": "kutipan tidak dapat membawa gambar",
    "image_missing_alt": "gambar tanpa deskripsi; beri --alt TEKS setelah tiap --image",
    "image_unsupported": "gambar bukan PNG, JPEG, GIF atau WebP",
    "image_too_large": "gambar terlalu besar (foto paling besar 5 MB, GIF 15 MB)",
    "alt_too_long": "deskripsi gambar terlalu panjang (paling banyak 1.000 karakter)",
}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--account", required=True, choices=("office", "personal"), help="akun")
    p.add_argument(
        "--at", required=True, metavar='"YYYY-MM-DD HH:MM"|now', help="waktu kirim, atau now"
    )
    p.add_argument("--tz", metavar="ZONA", help="zona waktu --at (bawaan: zona laptop)")
    p.add_argument("--text", required=True, metavar="TEKS", help="isi kiriman")
    p.add_argument(
        "--image", action="append", default=[], metavar="BERKAS", help="gambar (boleh berulang)"
    )
    p.add_argument(
        "--alt", action="append", default=[], metavar="TEKS", help="deskripsi gambar sebelumnya"
    )
    p.add_argument("--yes", action="store_true", help="konfirmasi kiriman akun kantor")
    p.add_argument(
        "--in-quiet-period", action="store_true", help="konfirmasi waktu di masa tenang akun"
    )
    common.add_x_target(p)


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Account, Slot
    from humasdesk.core.schedule import ScheduleError, format_local, parse_when, zone
    from humasdesk.credentials import TokenStore
    from humasdesk.services.outbox import load_image
    from humasdesk.services.schedule import Scheduler, quiet_from
    from humasdesk.store.outbox_store import OutboxStore

    slot = Slot(ns.account)
    if len(ns.alt) > len(ns.image):
        raise UsageError("--alt tanpa --image; tulis --image BERKAS --alt TEKS berpasangan")
    now = deps.now()
    try:
        tz = zone(ns.tz)
        due = now if ns.at.strip().lower() == "now" else parse_when(ns.at, tz)
    except ScheduleError as exc:
        raise CommandFailed(_problem(exc.problem.value, ns, None)) from None
    images = []
    for i, path in enumerate(ns.image):
        alt = ns.alt[i] if i < len(ns.alt) else ""
        try:
            images.append(load_image(path, alt))
        except OSError:
            raise CommandFailed(f"gambar {path} tidak dapat dibaca; periksa --image") from None

    paths = common.data_paths(ns.data_dir)
    target = common.x_target(ns, paths)  # which keyring entries: practice or the agency's X
    target.stop()
    store = TokenStore(target.keyring_service, backend=deps.keyring_backend)
    status = store.status()
    if not status.available:
        raise CommandFailed(common.keyring_text(status.problem))
    tokens = store.load(slot)
    if tokens is None or not tokens.user_id:
        raise CommandFailed(
            f"slot {common.slot_name(slot)} belum masuk; jalankan `humasdesk signin {slot.value}`"
        )
    account = Account(tokens.user_id, tokens.username or "", tokens.username or "")
    with common.open_data(ns.data_dir) as data:
        outbox = OutboxStore(data.db)
        get = data.settings().get
        scheduler = Scheduler(outbox, data.log, deps.now, quiet=quiet_from(get))
        result = scheduler.schedule(
            slot, account, [ns.text], due, confirmed=ns.yes, quiet_confirmed=ns.in_quiet_period,
            media=images,
        )  # fmt: skip
    if not result.ok:
        raise CommandFailed(_refusal(result, ns, due))
    item = result.items[0]
    shown = format_local(due, tz)
    print(
        f"Dijadwalkan: #{item.id} akun {common.slot_name(slot)} @{account.username} "
        f"pada {shown}" + (" (sync berikutnya)" if ns.at.strip().lower() == "now" else ""),
        flush=True,
    )
    return EXIT_OK


def _problem(problem: str, ns: argparse.Namespace, result: Any, when: str = "") -> str:
    quiet = getattr(result, "quiet", None)
    return PROBLEM_TEXT[problem].format(
        at=ns.at, tz=ns.tz or "", when=when, slot=common.slot_name(ns.account), quiet=quiet
    )


def _refusal(result: ScheduleResult, ns: argparse.Namespace, due: Any) -> str:
    from humasdesk.core.schedule import format_local, zone

    when = format_local(due, zone(ns.tz))
    if result.problem is not None:
        return _problem(result.problem.value, ns, result, when)
    if result.duplicate is not None:
        d = result.duplicate
        return (
            f"teks yang sama atau hampir sama ada di akun {common.slot_name(d.other_slot)} "
            f"({format_local(d.at, zone(ns.tz))}), kurang dari 24 jam dari {when}; X melarang "
            "teks yang sama dari dua akun"
        )
    for check in result.checks:
        for p in check.problems:
            return COMPOSE_TEXT.get(p.value, p.value).format(
                length=check.weighted_length, limit=check.max_length
            )
    return "kiriman tidak dapat dijadwalkan"
