"""The OS timer that runs `humasdesk sync` every 5 minutes while the laptop is on, with the
desk closed (Settings → Jadwal; issue 15). No Qt.

* Linux: a systemd *user* timer, ``~/.config/systemd/user/humasdesk-sync.{service,timer}``,
  enabled with ``systemctl --user enable --now humasdesk-sync.timer``. It runs in the
  user's session, so the keyring is there once the user has logged in (unlocked).
* Windows: a Task Scheduler task "HumasDesk sync" (``schtasks /Create /SC MINUTE /MO 5``)
  that runs only while the user is logged on (the Credential Manager needs the session).
* macOS: a launchd agent ``~/Library/LaunchAgents/id.humasdesk.sync.plist`` with
  ``StartInterval`` 300, loaded with ``launchctl load -w`` (the login Keychain is unlocked
  while the user is logged in).

`OsTimer.install` writes the files and runs the commands; when the command is missing
(e.g. no systemd) the files stay and `TimerResult.pending` lists what to run by hand.
`remove` undoes it. `plan` says all of it without doing anything (what the dialog shows).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UNIT = "humasdesk-sync"
TASK_NAME = "HumasDesk sync"
AGENT_LABEL = "id.humasdesk.sync"
INTERVAL_MIN = 5

Runner = Callable[..., Any]


def sync_command(data_dir: Path, extra: Sequence[str] = ()) -> list[str]:
    """How to run `humasdesk sync` for this data folder from outside: the frozen bundle's
    own binary, or this Python with ``-m humasdesk``."""
    if getattr(sys, "frozen", False):
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "humasdesk"]
    return [*base, "sync", "--data-dir", str(data_dir), *extra]


def system_name(platform: str | None = None) -> str:
    p = platform or sys.platform
    if p.startswith("win"):
        return "windows"
    if p == "darwin":
        return "macos"
    return "linux"


@dataclass(frozen=True)
class TimerPlan:
    system: str  # linux, windows, macos
    files: dict[Path, str]  # written on install, deleted on remove
    install: list[list[str]]  # run after writing
    remove: list[list[str]]  # run before deleting
    command: list[str]  # what the timer runs


@dataclass(frozen=True)
class TimerResult:
    ok: bool
    pending: list[str] = field(default_factory=list)  # commands to run by hand (one line each)
    error: str = ""  # what a command said when it failed (English, from the OS)


def _systemd_quote(arg: str) -> str:
    if arg and all(c.isalnum() or c in "/._-=:+@," for c in arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class OsTimer:
    """The sync timer of this user on this laptop. Everything outside is injected: the OS
    (`system`), the user's home (`home`), how commands run (`run`) and are found (`which`)."""

    def __init__(
        self,
        *,
        system: str | None = None,
        home: Path | None = None,
        run: Runner = subprocess.run,
        which: Callable[[str], str | None] = shutil.which,
    ) -> None:
        self.system = system or system_name()
        self.home = home or Path.home()
        self._run = run
        self._which = which

    # --- where ----------------------------------------------------------------------------

    def _systemd_dir(self) -> Path:
        xdg = os.environ.get("XDG_CONFIG_HOME") if self.home == Path.home() else None
        return Path(xdg or self.home / ".config") / "systemd" / "user"

    def _agent_path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"

    def plan(self, command: Sequence[str]) -> TimerPlan:
        command = list(command)
        if self.system == "windows":
            line = subprocess.list2cmdline(command)
            return TimerPlan(
                "windows", {},
                [["schtasks", "/Create", "/F", "/SC", "MINUTE", "/MO", str(INTERVAL_MIN),
                  "/TN", TASK_NAME, "/TR", line, "/IT"]],
                [["schtasks", "/Delete", "/F", "/TN", TASK_NAME]],
                command,
            )  # fmt: skip
        if self.system == "macos":
            path = self._agent_path()
            args = "".join(f"\n    <string>{_xml(a)}</string>" for a in command)
            plist = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
                '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
                '<plist version="1.0">\n<dict>\n'
                f"  <key>Label</key>\n  <string>{AGENT_LABEL}</string>\n"
                f"  <key>ProgramArguments</key>\n  <array>{args}\n  </array>\n"
                f"  <key>StartInterval</key>\n  <integer>{INTERVAL_MIN * 60}</integer>\n"
                "  <key>RunAtLoad</key>\n  <true/>\n"
                "</dict>\n</plist>\n"
            )
            return TimerPlan(
                "macos", {path: plist}, [["launchctl", "load", "-w", str(path)]],
                [["launchctl", "unload", "-w", str(path)]], command,
            )  # fmt: skip
        folder = self._systemd_dir()
        service = (
            "[Unit]\n"
            "Description=HumasDesk: kirim kiriman terjadwal dan ambil mention (humasdesk sync)\n\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"ExecStart={' '.join(_systemd_quote(a) for a in command)}\n"
        )
        timer = (
            "[Unit]\n"
            f"Description=HumasDesk sync setiap {INTERVAL_MIN} menit\n\n"
            "[Timer]\n"
            f"OnCalendar=*:0/{INTERVAL_MIN}\n"
            "AccuracySec=30s\n\n"
            "[Install]\n"
            "WantedBy=timers.target\n"
        )
        return TimerPlan(
            "linux",
            {folder / f"{UNIT}.service": service, folder / f"{UNIT}.timer": timer},
            [["systemctl", "--user", "daemon-reload"],
             ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"]],
            [["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"]],
            command,
        )  # fmt: skip

    # --- doing ----------------------------------------------------------------------------

    def installed(self) -> bool:
        """Whether this desk's timer files are there (Windows: whether the task exists)."""
        if self.system == "windows":
            if self._which("schtasks") is None:
                return False
            r = self._run(["schtasks", "/Query", "/TN", TASK_NAME], capture_output=True)
            return getattr(r, "returncode", 1) == 0
        plan = self.plan(["humasdesk"])
        return all(p.exists() for p in plan.files)

    def install(self, command: Sequence[str]) -> TimerResult:
        plan = self.plan(command)
        try:
            for path, text in plan.files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        except OSError as exc:
            return TimerResult(False, error=f"{type(exc).__name__}: {exc.strerror or exc}")
        return self._commands(plan.install)

    def remove(self) -> TimerResult:
        plan = self.plan(["humasdesk"])
        result = self._commands(plan.remove, ignore_failure=True)
        for path in plan.files:
            path.unlink(missing_ok=True)
        if self.system == "linux" and self._which("systemctl") is not None:
            self._run(["systemctl", "--user", "daemon-reload"], capture_output=True, text=True)
        return result

    def _commands(self, commands: list[list[str]], *, ignore_failure: bool = False) -> TimerResult:
        pending: list[str] = []
        for i, cmd in enumerate(commands):
            if self._which(cmd[0]) is None:
                pending = [shlex.join(c) for c in commands[i:]]
                return TimerResult(ignore_failure, pending=pending)
            r = self._run(cmd, capture_output=True, text=True)
            if getattr(r, "returncode", 1) != 0 and not ignore_failure:
                said = (getattr(r, "stderr", "") or getattr(r, "stdout", "") or "").strip()
                return TimerResult(False, pending=[shlex.join(c) for c in commands[i:]],
                                   error=said.splitlines()[-1] if said else "")  # fmt: skip
        return TimerResult(True)


__all__ = ["OsTimer", "TimerPlan", "TimerResult", "sync_command", "system_name"]
