"""Debian's packages for the browser and hosting tests are pinned in one place
(devtools/debian-packages.lock) and installed only through devtools/apt-pinned.sh."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

DEVTOOLS = Path(__file__).parents[2] / "devtools"
LOCK = DEVTOOLS / "debian-packages.lock"


def locked() -> dict[str, str]:
    lines = LOCK.read_text("utf-8").splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def test_every_package_an_ensure_script_installs_is_locked_and_none_bypasses_the_lock():
    installed = set()
    for script in sorted(DEVTOOLS.glob("ensure-*.sh")):
        text = script.read_text("utf-8")
        commands = re.findall(r"^\s*(?:\w+=\S+ )*apt-get install", text, flags=re.MULTILINE)
        assert not commands, f"{script.name} installs around the lock"
        for line in re.findall(r"apt_install_pinned (.+)", text):
            if '"${missing[@]}"' in line:
                installed |= set(re.search(r"packages=\(([^)]*)\)", text)[1].split())
            else:
                installed |= set(line.split())
    assert installed and installed <= set(locked()), installed - set(locked())


def test_a_package_at_another_version_than_the_lock_is_said(tmp_path):
    """report_pinned names the package, both versions and the lock (here against dpkg's own)."""
    lock = tmp_path / "debian-packages.lock"
    lock.write_text("dpkg 0.0-not-installed\n", "utf-8")
    shown = subprocess.run(
        ["bash", "-c", f"source {DEVTOOLS / 'apt-pinned.sh'}; LOCK={lock}; report_pinned dpkg"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "NOTE: dpkg " in shown and "0.0-not-installed" in shown and str(lock) in shown
