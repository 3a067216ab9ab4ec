"""Shared by lock.py and matrix.py: which Pythons this machine has, and throwaway venvs.

Standard library only, so both scripts run on a fresh machine with just Python 3 and pip.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
SUPPORTED = ("3.10", "3.11", "3.12", "3.13")


def find_python(version: str) -> str | None:
    """An interpreter for ``version`` (e.g. "3.12"): on PATH as python3.12, else in pyenv."""
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates += sorted(glob.glob(os.path.join(pyenv_root, "versions", f"{version}.*", "bin", "python3")),
                         reverse=True)
    for candidate in candidates:
        if candidate and _reports(candidate, version):
            return candidate
    return None


def _reports(python: str, version: str) -> bool:
    try:
        out = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0 and out.stdout.strip() == version


def available(wanted: tuple[str, ...] = SUPPORTED) -> dict[str, str]:
    return {v: p for v in wanted if (p := find_python(v))}


def make_venv(python: str, where: Path) -> Path:
    """A fresh venv at ``where``; its python."""
    if where.exists():
        shutil.rmtree(where)
    subprocess.run([python, "-m", "venv", str(where)], check=True)
    return where / "bin" / "python"


def pip(venv_python: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv_python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
