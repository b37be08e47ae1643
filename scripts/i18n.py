"""Update resources/i18n/humasdesk_id.ts from the sources and compile it to .qm.

    python scripts/i18n.py            # lupdate + lrelease
    python scripts/i18n.py --release  # lrelease only (what the build needs)

Source strings are English; translators edit the .ts with Qt Linguist.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("id",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "humasdesk").rglob("*.py"))


def update() -> None:
    for lang in LANGUAGES:
        ts = I18N / f"humasdesk_{lang}.ts"
        subprocess.run(
            [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for lang in LANGUAGES:
        # qt_<lang>.ts: the desk's own translation of the Qt dialogs and menus it shows
        # (Qt ships none for Indonesian); kept by hand, never touched by lupdate.
        for ts in (I18N / f"humasdesk_{lang}.ts", I18N / f"qt_{lang}.ts"):
            subprocess.run(
                [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                check=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile only")
    opts = parser.parse_args()
    if not opts.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
