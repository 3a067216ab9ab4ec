"""Refresh requirements/lock.txt: the exact versions CI installs (`pip install -c requirements/lock.txt`).

    python3 scripts/lock.py

For each supported Python this machine has, installs the newest versions pyproject.toml allows
(runtime, test and lint extras) into a throwaway venv and records them. A package pinned alike on
every Python is one line; one that differs gets a line per Python with a marker. Run the matrix
afterwards (python3 scripts/matrix.py) and commit the lock only if it passes.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pythons import LOCK, ROOT, available, make_venv, pip, say


def freeze(python: str, workdir: Path) -> dict[str, str]:
    venv = make_venv(python, workdir)
    result = pip(venv, ".[test,lint]")
    if result.returncode:
        sys.exit(f"lock: installing with {python} failed:\n{result.stderr}")
    out = subprocess.run([str(venv), "-m", "pip", "freeze", "--exclude", "mlcareer", "--exclude-editable"],
                         capture_output=True, text=True, check=True).stdout
    pins = {}
    for line in out.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins[name.lower()] = version.strip()
    return pins


def main() -> None:
    pythons = available()
    if not pythons:
        sys.exit("lock: no supported Python found")
    per_python: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="mlcareer-lock-") as tmp:
        for version, python in pythons.items():
            say(f"lock: resolving on Python {version} ({python})")
            per_python[version] = freeze(python, Path(tmp) / version)
    names = sorted({name for pins in per_python.values() for name in pins})
    lines = [
        "# Exact versions CI installs: pip install -c requirements/lock.txt '.[test,lint]'",
        (f"# Refreshed {datetime.date.today().isoformat()} by: python3 scripts/lock.py "
        f"(Pythons: {', '.join(per_python)})"),
        "# Ranges for users stay in pyproject.toml; this file only pins what they resolve to.",
    ]
    for name in names:
        versions = {v: pins[name] for v, pins in per_python.items() if name in pins}
        if len(set(versions.values())) == 1 and len(versions) == len(per_python):
            lines.append(f"{name}=={next(iter(versions.values()))}")
        else:
            lines += [f"{name}=={pin}; python_version == '{v}'" for v, pin in versions.items()]
    LOCK.parent.mkdir(exist_ok=True)
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")
    say(f"lock: wrote {LOCK.relative_to(ROOT)} ({len(names)} packages)")


if __name__ == "__main__":
    main()
