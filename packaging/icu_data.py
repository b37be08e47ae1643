"""Trim Qt's ICU data to the languages HumasDesk ships (a PyInstaller build step, Linux).

PySide6's wheel carries ICU's complete data in `libicudata.so.<N>` (31 MB: every CLDR
locale, every code page, the dictionaries). On Linux Qt uses ICU for a few things only:
QCollator, QLocale::toUpper/toLower, QStringConverter for encodings other than UTF-8/16/32
and Latin-1, and time-zone display names; QLocale's own formatting (dates, numbers, month
names) comes from Qt's built-in CLDR tables, and Qt breaks lines and words itself. The app
speaks English and Indonesian. This step rebuilds the library with:

* every resource that is not per locale (normalisation, case mapping, the root collation,
  time-zone rules and names, likely subtags, plural rules, units, …);
* the per-locale resources of `KEEP_LOCALES` in every tree (main, coll, brkitr, curr, lang,
  region, unit, zone, rbnf), with each tree's `pool.res` and `res_index.res`;
* the single-byte code-page converters (each under 16 KB; `windows-1252`, `iso-8859-*`, …);

and leaves out the ~800 other locales, the transliterators, the break-iterator dictionaries
(Chinese/Japanese, Thai, Khmer, Lao, Burmese) and the multi-byte CJK/EBCDIC converters.
A locale that is gone falls back to `root`, as ICU does for any locale it lacks.

Needs `nm` and `objcopy` (binutils), `icupkg` (ICU's tools: icu-devtools) and a C compiler;
without one of them `trimmed_icudata` returns None and the full library stays.

    python packaging/icu_data.py LIBICUDATA OUT_DIR     # what the spec does, by hand
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = frozenset(
    {
        "root",
        "en", "en_001", "en_150", "en_GB", "en_US", "en_US_POSIX",
        "id", "id_ID", "in", "in_ID",  # "in": the old code for Indonesian
    }
)  # fmt: skip
LOCALE_TREES = frozenset({"", "coll", "brkitr", "curr", "lang", "region", "unit", "zone", "rbnf"})
KEEP_ALWAYS = frozenset({"pool", "res_index"})
SMALL_CONVERTER = 16 * 1024
_LOCALE_ID = re.compile(r"root|[a-z]{2,3}(?:_[A-Za-z0-9]+)*")
_DATA_SYMBOL = re.compile(r"icudt(\d+)_dat")
_NEEDS_MISSING = re.compile(r"Item (\S+) depends on missing item")
TOOLS = ("nm", "objcopy", "icupkg", "cc")


def dropped(item: str, size: int) -> bool:
    """Whether an item of the package (``coll/fr.res``, ``ibm-943_P15A-2003.cnv``) is left
    out; `size` is its size in bytes."""
    tree, _, name = item.rpartition("/")
    stem, ext = os.path.splitext(name)
    if tree == "translit":
        return True
    if tree == "brkitr" and ext == ".dict":
        return True
    if ext == ".cnv":
        return size > SMALL_CONVERTER
    if ext != ".res" or tree not in LOCALE_TREES or stem in KEEP_ALWAYS:
        return False
    return _LOCALE_ID.fullmatch(stem) is not None and stem not in KEEP_LOCALES


def _run(*cmd: str | os.PathLike[str], cwd: Path | None = None) -> str:
    return subprocess.run(
        [str(c) for c in cmd], check=True, capture_output=True, text=True, cwd=cwd
    ).stdout


def trimmed_icudata(lib: Path, workdir: Path) -> tuple[Path, int, int] | None:
    """Build a trimmed copy of `lib` (``libicudata.so.<N>``) in `workdir`. Returns (the new
    library, items kept, items dropped), or None when a tool is missing or the library is
    not laid out as expected (the caller then keeps `lib`)."""
    if missing := [t for t in TOOLS if shutil.which(t) is None]:
        print(f"icu_data: {', '.join(missing)} not found: the full ICU data stays")
        return None
    symbols = _run("nm", "-D", "-S", "--defined-only", lib).split()
    names = [s for s in symbols if _DATA_SYMBOL.fullmatch(s)]
    if len(names) != 1:
        print(f"icu_data: no single icudt*_dat symbol in {lib}: the full ICU data stays")
        return None
    symbol = names[0]
    version = _DATA_SYMBOL.fullmatch(symbol).group(1)  # type: ignore[union-attr]
    workdir.mkdir(parents=True, exist_ok=True)
    rodata = workdir / "rodata.bin"
    _run("objcopy", "-O", "binary", "--only-section=.rodata", lib, rodata)
    blob = rodata.read_bytes()
    # The symbol is the whole .rodata section of this data-only library; the package starts
    # with ICU's data header (its size, then the magic bytes 0xda 0x27).
    if blob[2:4] != b"\xda\x27":
        print("icu_data: unexpected layout of the ICU data: the full ICU data stays")
        return None
    full = workdir / f"icudt{version}l.dat"
    full.write_bytes(blob)
    rodata.unlink()
    extracted = workdir / "items"
    shutil.rmtree(extracted, ignore_errors=True)
    extracted.mkdir()
    _run("icupkg", "-x", full, "-d", extracted, full)
    items = [line.strip() for line in _run("icupkg", "-l", full).splitlines() if line.strip()]
    drop = [i for i in items if dropped(i, (extracted / i).stat().st_size)]
    shutil.rmtree(extracted)
    listing = workdir / "dropped.txt"
    small = workdir / f"small/icudt{version}l.dat"
    small.parent.mkdir(exist_ok=True)
    for _ in range(5):
        listing.write_text("\n".join(drop) + "\n", encoding="ascii")
        done = subprocess.run(
            ["icupkg", "-r", str(listing), str(full), str(small)], capture_output=True, text=True
        )
        if done.returncode == 0:
            break
        # A small converter built on a dropped one ("Item windows-936-2000.cnv depends on
        # missing item ibm-1386_P100-2001.cnv") goes too.
        needy = _NEEDS_MISSING.findall(done.stdout + done.stderr)
        if not needy:
            print(f"icu_data: icupkg failed: {done.stderr.strip()}: the full ICU data stays")
            return None
        drop += sorted(set(needy) - set(drop))
    else:
        print("icu_data: icupkg kept finding dependencies: the full ICU data stays")
        return None
    full.unlink()
    soname = lib.name
    source = workdir / "icudata.S"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{small}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    out = workdir / "lib" / soname
    out.parent.mkdir(exist_ok=True)
    _run("cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", out, source)
    if symbol not in _run("nm", "-D", "--defined-only", out).split():
        print("icu_data: the rebuilt library lacks its data symbol: the full ICU data stays")
        return None
    return out, len(items) - len(drop), len(drop)


def main(argv: list[str]) -> int:
    lib, workdir = Path(argv[1]), Path(argv[2])
    result = trimmed_icudata(lib, workdir)
    if result is None:
        return 1
    out, kept, gone = result
    print(f"{out}: {out.stat().st_size / 2**20:.1f} MB (was {lib.stat().st_size / 2**20:.1f} MB), "
          f"{kept} items kept, {gone} dropped")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
