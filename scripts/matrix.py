"""Run the test suite three ways on every supported Python this machine has.

    python3 scripts/matrix.py                      # all modes, Pythons 3.10 to 3.13 where present
    python3 scripts/matrix.py --modes lowest --pythons 3.10,3.13

Modes:
  locked  the exact versions in requirements/lock.txt (what CI runs)
  newest  the newest versions pyproject.toml allows
  lowest  every direct dependency at the floor pyproject.toml states for that Python (its
          environment markers applied); their own dependencies resolve as pip chooses

A script rather than nox or tox: it needs nothing but Python and pip, which is all a fresh
machine has, and it reads the floors from pyproject.toml itself, so they cannot drift.
Exit status 0 only when every run passed. Prints a Markdown table of the results on stdout.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pythons import LOCK, ROOT, SUPPORTED, available, make_venv, pip, say

MODES = ("locked", "newest", "lowest")


def load_pyproject() -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10: pip vendors the same parser
        from pip._vendor import tomli as tomllib  # type: ignore[no-redef]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def floors(extras: tuple[str, ...] = ("test",)) -> list[str]:
    """Constraints pinning each direct requirement to its floor: "name>=1.2; marker" -> "name==1.2; marker"."""
    project = load_pyproject()["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    pins = []
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        match = re.match(r"\s*([A-Za-z0-9_.\-\[\]]+)\s*.*?>=\s*([^,\s]+)", spec)
        if not match:
            continue
        name = match.group(1).split("[")[0]
        pins.append(f"{name}=={match.group(2)}" + (f"; {marker.strip()}" if marker.strip() else ""))
    return pins


def install(mode: str, venv: Path, workdir: Path) -> subprocess.CompletedProcess:
    if mode == "locked":
        return pip(venv, "-c", str(LOCK), ".[test]")
    if mode == "newest":
        return pip(venv, "--upgrade", "--upgrade-strategy", "eager", ".[test]")
    constraints = workdir / "lowest.txt"
    constraints.write_text("\n".join(floors()) + "\n", encoding="utf-8")
    return pip(venv, "-c", str(constraints), ".[test]")


def run_one(version: str, python: str, mode: str, workdir: Path) -> tuple[bool, str, str]:
    """(passed, pytest's closing line or the install error, the versions installed)."""
    venv = make_venv(python, workdir / f"{version}-{mode}")
    installed = install(mode, venv, workdir)
    if installed.returncode:
        last = (installed.stderr.strip().splitlines() or ["install failed"])[-1]
        return False, f"install failed: {last}", ""
    versions = subprocess.run(
        [str(venv), "-c", ("import importlib.metadata as m; print(', '.join(f'{p} {m.version(p)}' for p in "
         "('typer', 'rich', 'PyYAML', 'rapidfuzz', 'pytest', 'hypothesis')))")],
        capture_output=True, text=True, check=False).stdout.strip()
    tests = subprocess.run([str(venv), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    lines = [line for line in tests.stdout.strip().splitlines() if line.strip()]
    closing = lines[-1].strip("= ") if lines else "no output"
    if tests.returncode:
        failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
        say("\n".join(failed[:20]))
    return tests.returncode == 0, closing, versions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated: locked,newest,lowest")
    parser.add_argument("--pythons", default=",".join(SUPPORTED), help="comma-separated, e.g. 3.10,3.13")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}")
    wanted = tuple(v for v in args.pythons.split(",") if v)
    pythons = available(wanted)
    for missing in sorted(set(wanted) - set(pythons)):
        say(f"matrix: Python {missing} not found on this machine; skipped")
    if not pythons:
        sys.exit("matrix: no Python to run on")
    rows, ok = [], True
    with tempfile.TemporaryDirectory(prefix="mlcareer-matrix-") as tmp:
        for version, python in pythons.items():
            for mode in modes:
                say(f"matrix: Python {version}, {mode} ...")
                passed, closing, versions = run_one(version, python, mode, Path(tmp))
                ok &= passed
                say(f"matrix: Python {version}, {mode}: {'PASS' if passed else 'FAIL'} ({closing})")
                rows.append((version, mode, "pass" if passed else "FAIL", closing, versions))
    print("| Python | mode | result | pytest | versions |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
