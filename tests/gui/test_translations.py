"""Bahasa Indonesia is complete: every source string has a translation, and the
compiled .qm matches the .ts. If this breaks, the official sees English text
in an Indonesian desk."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "humasdesk_id.ts"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    assert found, f"pyside6-{name} missing from the environment"
    return found


def _messages(ts: Path) -> dict[str, str | None]:
    out = {}
    for msg in ET.parse(ts).iter("message"):
        translation = msg.find("translation")
        finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
        out[msg.findtext("source")] = translation.text if finished else None
    return out


def test_every_string_in_the_code_has_an_indonesian_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "humasdesk").rglob("*.py"))
    subprocess.run(
        [_tool("lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    untranslated = [src for src, tr in _messages(fresh).items() if not tr]
    assert untranslated == [], "run scripts/i18n.py and translate these in the .ts"


def test_compiled_translation_is_up_to_date(tmp_path):
    qm = tmp_path / "humasdesk_id.qm"
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True, timeout=60)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run scripts/i18n.py --release"
