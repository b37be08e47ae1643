"""Fast checks of humasdesk.spec, the icons and the desktop entry (no build)."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.packaging.conftest import ROOT, VERSION

SPEC = ROOT / "humasdesk.spec"
ICONS = ROOT / "resources" / "icons"
DESKTOP = ROOT / "resources" / "humasdesk.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

REQUIRED_BACKENDS = {
    "keyring.backends",
    "keyring.backends.SecretService",
    "keyring.backends.fail",
    "keyring.backends.chainer",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.kwallet",
}
MUST_EXCLUDE = {
    "tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PySide6.QtDesigner",
    "PySide6.QtBluetooth",
}
MUST_KEEP = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtCharts"}


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Execute the spec with recording stand-ins for PyInstaller's build classes."""
    calls: dict[str, list[SimpleNamespace]] = {
        "Analysis": [],
        "PYZ": [],
        "EXE": [],
        "COLLECT": [],
        "BUNDLE": [],
    }

    def recorder(kind: str, result=None):
        def record(*args, **kwargs):
            call = SimpleNamespace(kind=kind, args=args, kwargs=kwargs)
            calls[kind].append(call)
            return result(call) if result else call

        return record

    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(ROOT),
        "Analysis": recorder(
            "Analysis", lambda call: SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[])
        ),
        "PYZ": recorder("PYZ"),
        "EXE": recorder("EXE"),
        "COLLECT": recorder("COLLECT"),
        "BUNDLE": recorder("BUNDLE"),
    }
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    return SimpleNamespace(calls=calls, ns=namespace)


@pytest.fixture
def linux_spec(monkeypatch):
    return run_spec("linux", monkeypatch)


def test_spec_hidden_imports_list_every_keyring_backend(linux_spec):
    (analysis,) = linux_spec.calls["Analysis"]
    hidden = set(analysis.kwargs["hiddenimports"])
    assert hidden >= REQUIRED_BACKENDS
    assert {"humasdesk.app", "humasdesk.sandbox"} <= hidden


def test_spec_excludes_webengine_and_other_unused_modules(linux_spec):
    (analysis,) = linux_spec.calls["Analysis"]
    excludes = set(analysis.kwargs["excludes"])
    assert excludes >= MUST_EXCLUDE
    assert not excludes & MUST_KEEP


def test_spec_bundles_resources_and_text_data_but_not_ts_sources(linux_spec):
    (analysis,) = linux_spec.calls["Analysis"]
    datas = {
        (Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in analysis.kwargs["datas"]
    }
    assert ("resources/i18n/humasdesk_id.qm", "resources/i18n") in datas
    assert ("resources/humasdesk.desktop", "resources") in datas
    assert ("resources/icons/humasdesk.svg", "resources/icons") in datas
    assert ("resources/icons/humasdesk-256.png", "resources/icons") in datas
    assert ("humasdesk/core/data", "humasdesk/core/data") in datas
    assert not [src for src, _ in datas if src.endswith(".ts")]


def test_spec_builds_one_windowed_folder_named_with_the_version(linux_spec):
    (exe,) = linux_spec.calls["EXE"]
    assert exe.kwargs["name"] == "humasdesk"
    assert exe.kwargs["console"] is False
    assert exe.kwargs["exclude_binaries"] is True  # one-folder
    (collect,) = linux_spec.calls["COLLECT"]
    assert collect.kwargs["name"] == f"humasdesk-{VERSION}"
    assert exe in collect.args
    assert not linux_spec.calls["BUNDLE"]


def test_spec_adds_a_console_exe_on_windows(monkeypatch):
    spec = run_spec("win32", monkeypatch)
    desk, cli = spec.calls["EXE"]
    assert (desk.kwargs["name"], desk.kwargs["console"]) == ("humasdesk", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("humasdesk-cli", True)
    (collect,) = spec.calls["COLLECT"]
    assert desk in collect.args and cli in collect.args  # one folder, shared DLLs
    assert desk.kwargs["icon"].endswith("humasdesk.ico")


def test_spec_makes_an_app_bundle_on_macos(monkeypatch):
    spec = run_spec("darwin", monkeypatch)
    (bundle,) = spec.calls["BUNDLE"]
    assert bundle.kwargs["icon"].endswith("humasdesk.icns")
    assert bundle.kwargs["version"] == VERSION


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6/Qt/plugins/imageformats/libqgif.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Charts.so.6", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_spec_qt_plugin_filter(linux_spec, dest, wanted):
    assert linux_spec.ns["_qt_plugin_wanted"](dest) is wanted


def test_spec_keeps_only_the_offered_qt_translations(linux_spec):
    wanted = linux_spec.ns["_data_wanted"]
    assert wanted("PySide6/Qt/translations/qtbase_id.qm")
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm")
    assert wanted("resources/i18n/humasdesk_id.qm")


def test_build_script_is_valid_bash():
    script = ROOT / "scripts" / "build.sh"
    assert "set -euo pipefail" in script.read_text(encoding="utf-8")
    subprocess.run(["bash", "-n", str(script)], check=True)


# ---- icons ----------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_svg_icon_is_well_formed():
    root = ET.parse(ICONS / "humasdesk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icon_exists_with_its_size(size):
    assert png_size((ICONS / f"humasdesk-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_every_size_as_png():
    data = (ICONS / "humasdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, colours, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        size = width or 256
        assert (height or 256) == size and colours == 0 and planes == 1 and bits == 32
        assert offset + length <= len(data)
        assert png_size(data[offset : offset + length]) == (size, size)
        sizes.append(size)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


def test_icns_chunks_are_pngs_of_the_declared_sizes():
    data = (ICONS / "humasdesk.icns").read_bytes()
    magic, total = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and total == len(data)
    pos, seen = 8, []
    while pos < total:
        kind, length = struct.unpack(">4sI", data[pos : pos + 8])
        assert length > 8 and pos + length <= total
        size = ICNS_TYPES[kind]
        assert png_size(data[pos + 8 : pos + length]) == (size, size)
        seen.append(kind)
        pos += length
    assert pos == total
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(seen)


def test_icon_writers_round_trip():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    fake = {16: PNG_SIGNATURE + b"a" * 10, 256: PNG_SIGNATURE + b"b" * 20}
    ico = make_icons.write_ico(fake)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    assert ico[6] == 16 and ico[22] == 0  # 256 is written as 0
    assert ico.endswith(fake[256])
    icns = make_icons.write_icns([(b"ic07", b"xyz")])
    assert icns == b"icns" + struct.pack(">I", 19) + b"ic07" + struct.pack(">I", 11) + b"xyz"
    with pytest.raises(ValueError):
        make_icons.write_ico({512: b""})


# ---- desktop entry --------------------------------------------------------------------------


def read_desktop() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_desktop_entry_has_the_required_keys():
    entry = read_desktop()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "HumasDesk"
    assert entry["Comment"] and entry["Comment[id]"] and entry["Comment"] != entry["Comment[id]"]
    assert entry["Exec"] == "humasdesk"
    assert entry["Icon"] == "humasdesk"
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";") and "Office" in categories.split(";")
    # Qt sets WM_CLASS to ("humasdesk", applicationName) = ("humasdesk", "HumasDesk").
    assert entry["StartupWMClass"] == "HumasDesk"


def test_desktop_entry_passes_desktop_file_validate():
    assert shutil.which("desktop-file-validate"), "scripts/test.sh installs desktop-file-utils"
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
