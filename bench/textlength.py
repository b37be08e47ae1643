"""Post-length counter benchmark: one keystroke in a long draft, vs a naive counter.

The composer re-counts the whole draft on every keystroke (`core.textlength.parse_post`:
NFC, weighted ranges, links, emoji). Measured on the drafts that make link and emoji
patterns work hardest (a few thousand characters each) and on an ordinary 280-character
post, beside a baseline measured in the same run: the same text normalised and walked once
in plain Python with X's weights (no link or emoji detection), the least any counter does.

Target: a re-count under 100 ms per keystroke for every draft (typing stays smooth).

    python bench/textlength.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import emit, table

TARGET_MS = 100.0
LINE = "Warga diimbau waspada. Info https://bpbd.go.id/x 🙏🇮🇩 \r\n"
DRAFTS = {
    "typical 3000": (LINE * 60)[:3000],
    "dotted run": "a." * 1500,
    "CJK with domains": ("\u6545" * 50 + ".com") * 60,
    "decomposed accents": "e\u0301" * 1500,
    "ordinary post": (LINE * 6)[:280],
}


def naive_count(text: str) -> int:
    """X's per-character weights without links or emoji: the floor for any counter."""
    total = 0
    for ch in unicodedata.normalize("NFC", text):
        cp = ord(ch)
        light = cp <= 4351 or 8192 <= cp <= 8205 or 8208 <= cp <= 8223 or 8242 <= cp <= 8247
        total += 1 if light else 2
    return total


def median_ms(fn: Callable[[str], object], text: str, repeat: int) -> float:
    fn(text)  # warm-up: compiled patterns, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(repeat: int = 20) -> dict[str, object]:
    from humasdesk.core.textlength import parse_post

    rows, figures = [], {}
    worst = 0.0
    for name, text in DRAFTS.items():
        ours = median_ms(parse_post, text, repeat)
        base = median_ms(naive_count, text, repeat)
        worst = max(worst, ours)
        key = name.replace(" ", "_")
        figures[f"{key}_ms"] = round(ours, 3)
        figures[f"{key}_baseline_ms"] = round(base, 3)
        rows.append(
            (
                name,
                len(text),
                f"{ours:.2f} ms",
                f"{base:.2f} ms",
                f"{ours / base:.1f}x" if base else "-",
                "ok" if ours < TARGET_MS else "SLOW",
            )
        )
    print(
        table(rows, ("draft", "chars", "parse_post", "naive baseline", "ratio", "< 100 ms")),
        flush=True,
    )
    figures.update(
        {
            "bench": "textlength",
            "repeat": repeat,
            "worst_ms": round(worst, 3),
            "target_ms": TARGET_MS,
            "within_target": worst < TARGET_MS,
        }
    )
    return figures


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=20, help="timed parses per draft")
    opts = p.parse_args()
    figures = run(opts.repeat)
    emit(figures)
    return 0 if figures["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
