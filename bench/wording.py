"""Wording and account-mismatch warnings: precision and recall on the example posts.

`tests/data/wording_posts.jsonl` holds Indonesian example posts (at least 60), each with the
account whose composer it is typed in and the warning codes expected (none for an ordinary
post). A post is *positive* when any warning is expected; the checker's verdict is positive
when it warns. Precision = warned and expected ÷ warned; recall = warned and expected ÷
expected. Per code the same, over (post, code) pairs. Also counted: false warnings on the
office's ordinary announcements and replies (the aim is none).

Also timed: the composer re-checks the wording on every keystroke, so one check of an
ordinary post and of a long thread draft is measured (median of 50), target under 20 ms.

    python bench/wording.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ROOT, emit, table

POSTS = ROOT / "tests" / "data" / "wording_posts.jsonl"
#: The personal account of practice mode (an office post must not name it).
PERSONAL_HANDLES = ("rina_humas",)


def _ratio(a: int, b: int) -> float | None:
    return None if b == 0 else round(a / b, 3)


def evaluate(posts_path: Path = POSTS) -> dict[str, object]:
    from humasdesk.core.models import Slot
    from humasdesk.core.wording import check_wording, load_wording_rules
    from humasdesk.paths import rules_dirs

    rules = load_wording_rules(rules_dirs())
    posts = [
        json.loads(line) for line in posts_path.read_text(encoding="utf-8").splitlines() if line
    ]
    tp = fp = fn = tn = 0
    per_code: dict[str, list[int]] = {}
    mistakes: list[str] = []
    ordinary_false = 0
    for post in posts:
        got = {w.code for w in check_wording(post["text"], Slot(post["account"]), rules,
                                             personal_handles=PERSONAL_HANDLES)}  # fmt: skip
        want = set(post["expect"])
        if got and want:
            tp += 1
        elif got:
            fp += 1
            if post["account"] == "office":
                ordinary_false += 1
        elif want:
            fn += 1
        else:
            tn += 1
        for code in got | want:
            c = per_code.setdefault(code, [0, 0, 0])  # tp, fp, fn
            c[0 if code in got and code in want else 1 if code in got else 2] += 1
        if got != want:
            mistakes.append(
                f"{post['account']}: {post['text'][:60]!r} want {sorted(want)} got {sorted(got)}"
            )
    codes = {
        code: {"precision": _ratio(c[0], c[0] + c[1]), "recall": _ratio(c[0], c[0] + c[2]),
               "expected": c[0] + c[2]}
        for code, c in sorted(per_code.items())
    }  # fmt: skip
    return {
        "bench": "wording",
        "posts": len(posts),
        "positive": tp + fn,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "false_warnings": fp,
        "false_warnings_office_ordinary": ordinary_false,
        "missed": fn,
        "codes": codes,
        "mismatched_codes": mistakes,
    }


TARGET_MS = 20.0


def keystroke_ms(repeat: int = 50) -> dict[str, float]:
    import statistics
    import time

    from humasdesk.core.models import Slot
    from humasdesk.core.wording import check_wording, load_wording_rules
    from humasdesk.paths import rules_dirs

    rules = load_wording_rules(rules_dirs())
    line = "Layanan KTP buka pukul 08.00 WIB di https://demo.go.id/ktp, aku capek 😭😭 #HumasDemo "
    drafts = {"post 280": (line * 4)[:280], "draft 3000": (line * 40)[:3000]}
    out = {}
    for name, text in drafts.items():
        for slot in Slot:
            check_wording(text, slot, rules, personal_handles=PERSONAL_HANDLES)
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                check_wording(text, slot, rules, personal_handles=PERSONAL_HANDLES)
                times.append((time.perf_counter() - t0) * 1000)
            out[f"{name} {slot.value}"] = round(statistics.median(times), 3)
    return out


def main() -> None:
    fig = evaluate()
    timing = keystroke_ms()
    fig["keystroke_ms"] = timing
    fig["keystroke_target_ms"] = TARGET_MS
    fig["keystroke_ok"] = all(v < TARGET_MS for v in timing.values())
    codes = fig["codes"]
    assert isinstance(codes, dict)
    print(f"{fig['posts']} posts, {fig['positive']} expected to warn")
    print(table([(c, v["expected"], v["precision"], v["recall"]) for c, v in codes.items()],
                ("code", "expected", "precision", "recall")))  # fmt: skip
    print(f"posts: precision {fig['precision']}, recall {fig['recall']}, "
          f"false warnings {fig['false_warnings']}, missed {fig['missed']}")  # fmt: skip
    for line in fig["mismatched_codes"]:  # type: ignore[attr-defined]
        print("  " + line)
    print(table([(k, v) for k, v in timing.items()], ("one check", "median ms")))
    emit(fig)


if __name__ == "__main__":
    main()
