"""`humasdesk check --account office|personal [--json] TEXT`: the composer's checks on a text.

Exactly what the composer says before sending: the length by X's rules (text only, no
media), whether X would take it, and the wording and account-mismatch warnings with their
reasons (rules in ``resources/rules``, extended by the data folder's ``rules/``). The
desk's personal account (from the data folder, when there is one) is the handle an office
post should not name.

Text: one line per warning (``code: why``), then the length. ``--json``:
``{"weighted_length": N, "valid": bool, "warnings": [{"code": ..., "message": ...}]}``.

Exit codes: 0 no warning, 1 warnings (listed; a text that cannot be sent is one), 2 bad
usage (no text, an unknown account, unreadable rules).
"""

from __future__ import annotations

import argparse
import json

from humasdesk.commands.common import EXIT_FAILURE, EXIT_OK, Deps, UsageError, add_data_dir

NAME = "check"
HELP = "periksa teks seperti composer: panjang menurut X dan peringatan kata/akun"
DESCRIPTION = (
    "Pemeriksaan composer atas sebuah teks: panjang menurut hitungan X, apakah dapat "
    "dikirim, dan peringatan kata yang tidak cocok dengan akunnya (akun kantor: bahasa "
    "pribadi atau tidak resmi; akun pribadi: tagar, program, atau pengumuman resmi kantor)."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--account",
        required=True,
        choices=("office", "personal"),
        help="panel yang akan mengirim: office (kantor) atau personal (pribadi)",
    )
    p.add_argument("--json", action="store_true", help="JSON dengan kunci bahasa Inggris")
    p.add_argument("text", metavar="TEKS", help="teks kiriman")
    add_data_dir(p)  # fmt: skip


def run(ns: argparse.Namespace, deps: Deps) -> int:
    from humasdesk.core.models import Slot
    from humasdesk.core.wording import RulesError, check_text, load_wording_rules
    from humasdesk.paths import resolve_data_dir, rules_dirs
    from humasdesk.services.aduan import personal_handles

    paths = resolve_data_dir(getattr(ns, "data_dir", None))
    try:
        rules = load_wording_rules(rules_dirs(paths))
    except RulesError as exc:
        raise UsageError(f"aturan kata tidak terbaca: {exc}") from None
    slot = Slot(ns.account)
    result = check_text(ns.text, slot, rules, personal_handles=personal_handles(paths.database))
    if ns.json:
        out = {
            "weighted_length": result.weighted_length,
            "valid": result.valid,
            "warnings": [{"code": w.code, "message": w.message} for w in result.warnings],
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        for w in result.warnings:
            print(f"{w.code}: {w.message}")
        state = "dapat dikirim" if result.valid else "tidak dapat dikirim"
        print(f"panjang {result.weighted_length}/280, {state}")
    return EXIT_FAILURE if result.warnings else EXIT_OK
