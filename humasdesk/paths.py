"""Every path the app writes comes from here, so a test can point it at tmp_path.

Precedence: the `--data-dir` argument, then `HUMASDESK_DATA_DIR`, then the
platform's per-user data folder (platformdirs, which matches QStandardPaths'
AppDataLocation on each OS).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "HUMASDESK_DATA_DIR"
APP_NAME = "HumasDesk"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "humasdesk.db"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def trusted_keys(self) -> Path:
        """The supervisor's register of officials' keys (the rekap)."""
        return self.root / "trusted-keys.json"

    @property
    def sandbox_state(self) -> Path:
        """Practice mode keeps the emulator's posts here across restarts."""
        return self.root / "sandbox-state.json"

    @property
    def rules(self) -> Path:
        """This laptop's additions to the shipped rules (wording, complaint keywords)."""
        return self.root / "rules"

    def ensure(self) -> DataPaths:
        """Create the folders (private to the user) and return self."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.logs.mkdir(exist_ok=True, mode=0o700)
        return self


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> DataPaths:
    if cli_value:
        return DataPaths(Path(cli_value).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    import platformdirs  # deferred: only needed when no directory was given

    return DataPaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def resources_dir() -> Path:
    """`resources/` beside the package in a checkout; inside the bundle when frozen."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def rules_dirs(paths: DataPaths | None = None) -> list[Path]:
    """Where rule files are read: the shipped `resources/rules`, then the data folder's."""
    dirs = [resources_dir() / "rules"]
    if paths is not None:
        dirs.append(paths.rules)
    return dirs
