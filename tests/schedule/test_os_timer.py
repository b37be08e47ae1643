"""Settings → Jadwal's OS timer: the files each system needs, written and removed, and what
is said when the system's tool is missing (never a silent half-install)."""

from __future__ import annotations

from pathlib import Path

from humasdesk.services.os_timer import OsTimer, sync_command


class Runs:
    def __init__(self, code: int = 0, stderr: str = "") -> None:
        self.calls: list[list[str]] = []
        self.code, self.stderr = code, stderr

    def __call__(self, cmd, **kw):
        self.calls.append(list(cmd))

        class R:
            returncode = self.code
            stdout = ""
            stderr = self.stderr

        return R()


def test_linux_systemd_user_timer_is_written_enabled_and_removed(tmp_path):
    runs = Runs()
    timer = OsTimer(system="linux", home=tmp_path, run=runs, which=lambda c: "/usr/bin/" + c)
    command = sync_command(Path("/data/humas desk"))
    assert not timer.installed()
    result = timer.install(command)
    assert result.ok and not result.pending
    unit = tmp_path / ".config/systemd/user"
    service = (unit / "humasdesk-sync.service").read_text()
    assert "ExecStart=" in service and '"/data/humas desk"' in service and " sync " in service
    assert "OnCalendar=*:0/5" in (unit / "humasdesk-sync.timer").read_text()
    assert ["systemctl", "--user", "enable", "--now", "humasdesk-sync.timer"] in runs.calls
    assert timer.installed()
    assert timer.remove().ok
    assert ["systemctl", "--user", "disable", "--now", "humasdesk-sync.timer"] in runs.calls
    assert not (unit / "humasdesk-sync.service").exists() and not timer.installed()


def test_without_systemctl_the_files_stay_and_the_commands_are_named(tmp_path):
    timer = OsTimer(system="linux", home=tmp_path, run=Runs(), which=lambda c: None)
    result = timer.install(sync_command(tmp_path))
    assert not result.ok and result.pending == [
        "systemctl --user daemon-reload", "systemctl --user enable --now humasdesk-sync.timer",
    ]  # fmt: skip


def test_a_refusal_is_reported(tmp_path):
    runs = Runs(code=1, stderr="Failed to connect to bus: No medium found")
    timer = OsTimer(system="linux", home=tmp_path, run=runs, which=lambda c: c)
    result = timer.install(sync_command(tmp_path))
    assert not result.ok and result.error == "Failed to connect to bus: No medium found"


def test_macos_launch_agent_and_windows_task(tmp_path):
    runs = Runs()
    mac = OsTimer(system="macos", home=tmp_path, run=runs, which=lambda c: c)
    assert mac.install(["/Applications/HumasDesk.app/Contents/MacOS/humasdesk", "sync"]).ok
    plist = (tmp_path / "Library/LaunchAgents/id.humasdesk.sync.plist").read_text()
    assert "<integer>300</integer>" in plist and "<string>sync</string>" in plist
    assert runs.calls[-1][:3] == ["launchctl", "load", "-w"]
    win = OsTimer(system="windows", home=tmp_path, run=runs, which=lambda c: c)
    (create,) = win.plan([r"C:\HumasDesk\humasdesk-cli.exe", "sync"]).install
    assert create[:8] == ["schtasks", "/Create", "/F", "/SC", "MINUTE", "/MO", "5", "/TN"]
    assert win.install([r"C:\HumasDesk\humasdesk-cli.exe", "sync"]).ok
