"""The set-up scripts on a fresh Debian machine, with apt-get, id and Python stood in for by fakes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support import ROOT

FAKE_PYTHON = """#!/bin/sh
# Debian's Python before python3-venv: it cannot import ensurepip until the package is "installed".
if [ "$1" = "-c" ]; then [ -e "$FAKE/venv-installed" ] || exit 1; exit 0; fi
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"; printf '#!/bin/sh\\necho "pip $*" >> "$FAKE/log"\\n' > "$3/bin/python"; chmod +x "$3/bin/python"; exit 0
fi
exit 3
"""
FAKE_APT = """#!/bin/sh
echo "apt-get $*" >> "$FAKE/log"
case "$*" in *python3-venv*) touch "$FAKE/venv-installed";; esac
"""
FAKE_ID = """#!/bin/sh
echo "$FAKE_UID"
"""


@pytest.fixture
def machine(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the project's scripts on a machine whose tools are fakes that log what they are asked."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "scripts", project / "scripts")
    fake = tmp_path / "fake"
    fake.mkdir()
    for name, text in (("python3", FAKE_PYTHON), ("apt-get", FAKE_APT), ("id", FAKE_ID)):
        (fake / name).write_text(text)
        (fake / name).chmod(0o755)
    # A PATH with the fakes and the basic tools only: no sudo.
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("sh", "bash", "dirname", "mkdir", "printf", "chmod", "touch", "cat", "env"):
        found = shutil.which(name)
        if found:
            (tools / name).symlink_to(found)
    env = {"PATH": f"{fake}:{tools}", "FAKE": str(fake), "WB_PYTHON": str(fake / "python3"), "HOME": str(tmp_path)}
    return project, env


def run(project: Path, env: dict[str, str], uid: int) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(project / "scripts" / "setup-python")], env={**env, "FAKE_UID": str(uid)},
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def log(env: dict[str, str]) -> str:
    path = Path(env["FAKE"]) / "log"
    return path.read_text() if path.exists() else ""


def test_without_python3_venv_as_root_it_is_installed_then_the_venv_made(machine):
    project, env = machine
    result = run(project, env, uid=0)
    assert result.returncode == 0, result.stderr
    assert "python3-venv is missing" in result.stdout
    assert "apt-get install -y -qq python3-venv" in log(env)
    assert (project / ".venv" / "bin" / "python").exists()
    assert "pip -m pip install" in log(env)


def test_without_python3_venv_and_without_root_or_sudo_it_says_the_exact_command(machine):
    project, env = machine
    result = run(project, env, uid=1000)
    assert result.returncode != 0
    assert "sudo apt-get install -y python3-venv" in result.stderr
    assert "apt-get" not in log(env), "nothing is installed without the rights to"
    assert not (project / ".venv").exists()


def test_with_python3_venv_there_nothing_is_installed(machine):
    project, env = machine
    (Path(env["FAKE"]) / "venv-installed").touch()
    result = run(project, env, uid=1000)
    assert result.returncode == 0, result.stderr
    assert "apt-get" not in log(env)
    assert (project / ".venv" / "bin" / "python").exists()
