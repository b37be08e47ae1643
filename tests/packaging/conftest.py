"""Packaging tests.

The fast ones (spec, icons, desktop entry) always run. The ones marked `packaging` build the
bundle with scripts/build.sh (or use HUMASDESK_BUNDLE=dist/humasdesk-<version>) and run the
frozen binary; they take a minute or two, so they run only when asked for:

    tests/keyring/run_with_secret_service.sh python -m pytest -m packaging tests/packaging

(or with HUMASDESK_TEST_PACKAGING=1). Once asked for, nothing in them skips: a missing
Secret Service or Xvfb is a failure, as in tests/keyring and tests/xvfb.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.xvfb.conftest import xvfb_display  # noqa: F401 (fixture reused by test_frozen.py)

ROOT = Path(__file__).resolve().parents[2]
VERSION = re.search(
    r'__version__ = "([^"]+)"', (ROOT / "humasdesk" / "__init__.py").read_text(encoding="utf-8")
).group(1)

#: (label, value) lines printed at the end of the run by pytest_terminal_summary.
MEASUREMENTS: list[tuple[str, str]] = []


def pytest_configure(config: pytest.Config) -> None:
    # Also belongs in pyproject's markers list; registering here keeps --strict-markers happy.
    config.addinivalue_line(
        "markers", "packaging: builds the PyInstaller bundle and runs it (slow; -m packaging)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow bundle tests run only when asked for (scripts/test.sh runs them as their
    own step); otherwise they are deselected, not skipped."""
    wanted = "packaging" in (config.getoption("markexpr", "") or "") or (
        os.environ.get("HUMASDESK_TEST_PACKAGING") == "1"
    )
    if wanted:
        return
    kept = [item for item in items if not item.get_closest_marker("packaging")]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


def pytest_terminal_summary(terminalreporter) -> None:
    if MEASUREMENTS:
        terminalreporter.section("packaging measurements")
        for label, value in MEASUREMENTS:
            terminalreporter.write_line(f"{label}: {value}")


def measure(label: str, value: str) -> None:
    MEASUREMENTS.append((label, value))
    print(f"{label}: {value}")


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/humasdesk-<version>/, built once per session by scripts/build.sh."""
    given = os.environ.get("HUMASDESK_BUNDLE")
    if given:
        path = Path(given).resolve()
        assert (path / "humasdesk").is_file(), f"HUMASDESK_BUNDLE={given} has no humasdesk binary"
        return path
    venv = Path(sys.prefix)  # build with the interpreter that runs the tests
    started = time.perf_counter()
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build.sh")],
        cwd=ROOT,
        env={**os.environ, "VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, (
        f"scripts/build.sh failed ({result.returncode}):\n{output[-6000:]}"
    )
    measure("build time (scripts/build.sh)", f"{time.perf_counter() - started:.0f} s")
    path = ROOT / "dist" / f"humasdesk-{VERSION}"
    assert (path / "humasdesk").is_file(), output[-3000:]
    return path
