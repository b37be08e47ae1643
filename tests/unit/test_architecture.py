"""The layering of DESIGN.md, checked: Qt only in gui/ and the composition root.

If this breaks, `humasdesk sandbox`, `export` and `verify` would load Qt (slow,
and impossible on a server without Qt's libraries), and domain code would be
tied to the GUI.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "humasdesk"
QT_ALLOWED = {PACKAGE / "app.py"}

# What each layer may import from inside humasdesk (DESIGN.md, "Layers").
ALLOWED_INTERNAL = {
    "core": {"core"},
    "store": {"core", "store"},
    "xapi": {"core", "xapi"},
    "credentials": {"core", "credentials"},
    "services": {"core", "store", "xapi", "credentials", "services"},
    "sandbox": {"core", "sandbox"},
    # The command line: the services and what they stand on, the data folder, settings and
    # practice mode like the desk; Qt only through the two doors checked below.
    "commands": set(
        "commands core store xapi credentials services sandbox paths practice settings "
        "selftest app gui".split()
    ),
}
#: The only ways from the command line into Qt: starting the desk (or the supervisor's rekap
#: window), and the PDF writers.
COMMANDS_QT_DOORS = {
    "humasdesk.app": {"commands/desk.py", "commands/rekap.py"},
    "humasdesk.gui.report.adapters": None,  # any command that writes a PDF
}
#: Who may import the command line (DESIGN.md, "Layers"): the entry points only.
COMMANDS_IMPORTERS = {PACKAGE / "cli.py", PACKAGE / "__main__.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_qt_outside_gui_and_composition_root():
    offenders = []
    for path in _modules():
        if path in QT_ALLOWED or (PACKAGE / "gui") in path.parents:
            continue
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == [], f"PySide6 imported outside gui/: {offenders}"


@pytest.mark.parametrize("layer", sorted(ALLOWED_INTERNAL))
def test_layer_imports_only_what_design_allows(layer):
    allowed = ALLOWED_INTERNAL[layer]
    bad = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "humasdesk" and len(parts) > 1 and parts[1] not in allowed:
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert bad == []


def test_only_the_entry_points_import_the_command_line():
    """The GUI (or a service) importing a command module ties the layers in a loop: the
    desk would depend on the command line, which depends on the GUI's PDF writers."""
    bad = []
    for path in _modules():
        if (PACKAGE / "commands") in path.parents or path in COMMANDS_IMPORTERS:
            continue
        for name in _imports(path):
            if name == "humasdesk.commands" or name.startswith("humasdesk.commands."):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert bad == []


def test_commands_reach_qt_only_through_the_desk_and_the_pdf_writers():
    bad = []
    for path in sorted((PACKAGE / "commands").rglob("*.py")):
        where = str(path.relative_to(PACKAGE))
        for name in _imports(path):
            if not (name in ("humasdesk.app",) or name.startswith("humasdesk.gui")):
                continue
            allowed = COMMANDS_QT_DOORS.get(name, set())
            if allowed is not None and where not in allowed:
                bad.append(f"{where} imports {name}")
    assert bad == []


def test_command_line_tools_start_without_qt():
    """`humasdesk --help` and the subcommands' help must not load Qt at all (IT staff run
    them on servers and in timers, where Qt's libraries may be missing)."""
    code = (
        "import sys\n"
        "from humasdesk.cli import main\n"
        "for argv in (['--help'], ['sandbox', '--help'], ['self-test', '--help'],\n"
        "             ['signin', '--help'], ['sync', '--help'], ['outbox', '--help'],\n"
        "             ['export', '--help'], ['privacy', 'handover', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "import humasdesk.services.session, humasdesk.selftest, humasdesk.practice\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "NOQT"


def _calls(path: Path, method: str) -> list[int]:
    """Lines where `<something>.method()` is called with no arguments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and not node.args
        and not node.keywords
    ]


def test_gui_never_asks_a_widget_for_its_screen():
    """PySide6 ties the application's QScreen to the widget `QWidget.screen()` was asked
    through; a garbage-collected dialog then took the screen with it and the desk crashed in
    `QScreen::virtualSiblings`. `gui.fit.screen_of` finds it safely."""
    bad = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "gui").rglob("*.py"))
        for line in _calls(path, "screen")
    ]
    assert bad == []


def test_modal_dialogs_are_run_through_run_modal():
    """A dialog's `exec()` hands it to Python; `gui.modal.run_modal` deletes it afterwards
    on the GUI thread. A bare `exec()` leaves it to the garbage collector (any thread: the
    desk's segmentation faults) and keeps it in memory meanwhile."""
    allowed = {PACKAGE / "gui" / "modal.py"}
    bad = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "gui").rglob("*.py"))
        if path not in allowed
        for line in _calls(path, "exec")
    ]
    assert bad == []
